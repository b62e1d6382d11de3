// What a test can make the LLM simulator do instead of its default answer: exact content,
// invalid JSON, a refusal, an error status, or a slow reply (and for a streamed answer: the gap
// between chunks, and a stream cut after N chunks); matched by schema name and a substring of
// the user message, used a number of times, first queued first used.
import { z } from 'zod';

const scriptSchema = z
  .strictObject({
    /** Only requests whose json_schema.name is this. */
    schemaName: z.string().min(1).max(64).optional(),
    /** Only requests whose user message contains this. */
    match: z.string().min(1).max(2_000).optional(),
    /** How many matching requests it answers. Default 1. */
    times: z.number().int().min(1).max(10_000).default(1),
    /** Answer exactly this JSON (serialised as the message content). */
    content: z.unknown().optional(),
    /** Answer this string as the content (e.g. invalid JSON). */
    raw: z.string().max(1_000_000).optional(),
    /** Decline: content null, message.refusal this text. */
    refusal: z.string().min(1).max(10_000).optional(),
    /** Answer this error instead (429 carries retry-after-ms). */
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
    /** retry-after-ms (and retry-after in whole seconds) on the error. Default 0 for a 429. */
    retryAfterMs: z.number().int().min(0).max(600_000).optional(),
    /** The error's message. */
    message: z.string().min(1).max(1_000).optional(),
    /** Wait this long before answering (a slow reply; with nothing else, the default answer). */
    delayMs: z.number().int().min(0).max(600_000).optional(),
    /** A streamed answer: wait this long before each chunk. */
    chunkDelayMs: z.number().int().min(0).max(60_000).optional(),
    /** A streamed answer: stop after this many content chunks (a half-streamed failure). */
    cutAfterChunks: z.number().int().min(0).max(100_000).optional(),
    /** How the cut looks: `drop` closes the connection mid-body (default), `error` sends an `{ "error": … }` chunk and ends. */
    cutWith: z.enum(['drop', 'error']).optional(),
  })
  .refine((s) => [s.content !== undefined, s.raw !== undefined, s.refusal !== undefined, s.status !== undefined].filter(Boolean).length <= 1, {
    message: 'give at most one of content, raw, refusal and status',
  })
  .refine((s) => s.content !== undefined || s.raw !== undefined || s.refusal !== undefined || s.status !== undefined || s.delayMs !== undefined || s.chunkDelayMs !== undefined || s.cutAfterChunks !== undefined, {
    message: 'give one of content, raw, refusal, status, delayMs, chunkDelayMs or cutAfterChunks',
  })
  .refine((s) => s.cutWith === undefined || s.cutAfterChunks !== undefined, { message: 'cutWith goes with cutAfterChunks', path: ['cutWith'] })
  .refine((s) => s.retryAfterMs === undefined || s.status !== undefined, { message: 'retryAfterMs goes with status', path: ['retryAfterMs'] });

export type LlmScriptInput = z.input<typeof scriptSchema>;
export type LlmScript = z.output<typeof scriptSchema>;

/** One script, or { scripts: [...] }. */
export const scriptsBodySchema = z.union([scriptSchema.transform((s) => [s]), z.strictObject({ scripts: z.array(scriptSchema).min(1).max(1_000) }).transform((b) => b.scripts)]);

export function parseScript(input: LlmScriptInput): LlmScript {
  return scriptSchema.parse(input);
}

interface Queued {
  script: LlmScript;
  remaining: number;
}

/** The queue: the first script that matches a request answers it and uses one of its times. */
export class ScriptQueue {
  private queued: Queued[] = [];

  add(scripts: LlmScript[]): void {
    for (const script of scripts) this.queued.push({ script, remaining: script.times });
  }

  take(schemaName: string | null, user: string): LlmScript | null {
    const i = this.queued.findIndex(({ script }) => (!script.schemaName || script.schemaName === schemaName) && (!script.match || user.includes(script.match)));
    if (i < 0) return null;
    const q = this.queued[i]!;
    q.remaining -= 1;
    if (q.remaining <= 0) this.queued.splice(i, 1);
    return q.script;
  }

  pending(): { script: LlmScript; remaining: number }[] {
    return this.queued.map((q) => ({ ...q }));
  }

  clear(): void {
    this.queued = [];
  }
}
