// A local OpenAI-compatible API speaking POST /v1/chat/completions and GET /v1/models, so the
// real `openai` client (and the per-user key check) runs in dev and tests. By default every answer is deterministic for its input and valid
// against the requested JSON schema (schema-answer.ts); /_sim/ (and the returned object) can
// script content, invalid JSON, refusals, errors and slow replies, and list what was asked.
// `stream: true` is answered as OpenAI's SSE (sim-stream.ts); GET /_sim/streams counts the
// streams that completed, were cut on purpose, or were closed early by the client.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { answerFor, inputHash, type JsonSchema } from './schema-answer.js';
import { parseScript, ScriptQueue, scriptsBodySchema, type LlmScript, type LlmScriptInput } from './simulator-scripts.js';
import { constantTimeEqual } from '../lib/constant-time.js';
import { BodyError, findRoute, readJson, sendReply, type Reply, type Route } from '../lib/sim-http.js';
import { startSimServer } from '../lib/sim-server.js';
import { defaultStreamText, StreamCounter, writeChatStream, type SimStreamStats } from './sim-stream.js';

export type { LlmScript, LlmScriptInput } from './simulator-scripts.js';
export type { SimStreamStats } from './sim-stream.js';

export interface LlmSimulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The Bearer key every request must carry. */
  apiKey: string;
  /** Further keys it accepts (users' own keys in tests); more with acceptKey() or POST /_sim/keys. */
  extraApiKeys?: string[];
  /** The ids GET /v1/models lists. Default gpt-4o-mini, gpt-4o. */
  models?: string[];
  /** Requests per minute in the rate-limit headers; past it, 429. Default 100,000. */
  requestsPerMinute?: number;
  /** Largest request body. Default 2 MiB. */
  maxBodyBytes?: number;
}

export interface LlmRequestLog {
  id: string;
  /** json_schema.name, or null for a text or json_object request. */
  schemaName: string | null;
  model: string;
  /** sha256 of model, messages and schema: the same input has the same hash (and answer). */
  inputHash: string;
  at: string;
  /** The HTTP status answered. */
  status: number;
  /** What answered: the default generator or a script. */
  answer: 'default' | 'content' | 'raw' | 'refusal' | 'error';
  /** A `stream: true` request: how its stream ended so far (open while it runs). */
  stream?: 'open' | 'completed' | 'cut' | 'client_closed';
}

export interface LlmSimulator {
  /** The client's baseURL: http://host:port/v1. */
  baseUrl: string;
  /** http://host:port; the control API is under /_sim/. */
  origin: string;
  port: number;
  /** Queues scripted behaviour (see simulator-scripts.ts). */
  script(scripts: LlmScriptInput | LlmScriptInput[]): void;
  /** Scripts not used up yet. */
  pendingScripts(): { script: LlmScript; remaining: number }[];
  /** Every chat completion request, oldest first (no message text: they carry PII). */
  requests(filter?: { schemaName?: string }): LlmRequestLog[];
  /** How the streamed answers ended: completed, cut by a script, closed early by the client. */
  streams(): SimStreamStats;
  /** Accepts one more Bearer key from now on (a user's own key). */
  acceptKey(key: string): void;
  /** Forgets scripts and the request log. */
  reset(): void;
  close(): Promise<void>;
}

/** A reply, or a streamed answer that writes to the response itself. */
type Answer = Reply | { stream: (res: ServerResponse) => Promise<void> };

/** An answer in OpenAI's error envelope. */
class SimError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const messageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.literal('text'), text: z.string() })).transform((parts) => parts.map((p) => p.text).join(''))]),
});

const requestSchema = z.looseObject({
  model: z.string().min(1).max(200),
  messages: z.array(messageSchema).min(1).max(200),
  response_format: z
    .discriminatedUnion('type', [
      z.looseObject({ type: z.literal('text') }),
      z.looseObject({ type: z.literal('json_object') }),
      z.looseObject({
        type: z.literal('json_schema'),
        json_schema: z.looseObject({
          name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 of a-z, A-Z, 0-9, _ and -'),
          strict: z.boolean().nullish(),
          schema: z.record(z.string(), z.unknown()),
        }),
      }),
    ])
    .optional(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.literal(1).nullish(),
});
type ChatRequest = z.infer<typeof requestSchema>;

/** OpenAI's rule for strict schemas: every object lists all its properties as required and allows no others. */
export function strictSchemaProblem(schema: unknown, path: string[] = []): string | null {
  if (typeof schema !== 'object' || schema === null) return null;
  if (Array.isArray(schema)) {
    for (const [i, s] of schema.entries()) {
      const p = strictSchemaProblem(s, [...path, String(i)]);
      if (p) return p;
    }
    return null;
  }
  const node = schema as Record<string, unknown>;
  // A property itself named "properties" is not a schema with properties.
  const isObject = node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || (node.type === undefined && typeof node.properties === 'object' && path.at(-1) !== 'properties');
  if (isObject) {
    const context = `context=(${path.map((p) => `'${p}'`).join(', ')})`;
    if (node.additionalProperties !== false) return `In ${context}, 'additionalProperties' is required to be supplied and to be false.`;
    const keys = Object.keys((node.properties ?? {}) as object);
    const required = Array.isArray(node.required) ? node.required : [];
    const missing = keys.find((k) => !required.includes(k));
    if (missing) return `In ${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'enum' || k === 'const' || k === 'required') continue;
    const p = strictSchemaProblem(v, [...path, k]);
    if (p) return p;
  }
  return null;
}

const tokens = (chars: number) => Math.ceil(chars / 4);

export async function startLlmSimulator(opts: LlmSimulatorOptions): Promise<LlmSimulator> {
  const scripts = new ScriptQueue();
  const log: LlmRequestLog[] = [];
  const recent: number[] = [];
  const rpm = opts.requestsPerMinute ?? 100_000;
  const keys = [opts.apiKey, ...(opts.extraApiKeys ?? [])];
  const models = opts.models ?? ['gpt-4o-mini', 'gpt-4o'];
  const streamCounter = new StreamCounter();

  function authorize(req: IncomingMessage): void {
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    // Every key is compared (no early exit), so timing does not tell which matched.
    const ok = auth ? keys.map((k) => constantTimeEqual(auth[1]!, k)).includes(true) : false;
    if (!ok) throw new SimError(401, 'invalid_request_error', 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_api_key');
  }

  const listModels = (req: IncomingMessage): Reply => {
    authorize(req);
    return { status: 200, body: { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_715_367_049, owned_by: 'system' })) } };
  };

  async function addKeys(req: IncomingMessage): Promise<Reply> {
    const parsed = z.object({ keys: z.array(z.string().min(1).max(500)).min(1).max(100) }).safeParse(await readJson(req));
    if (!parsed.success) throw new SimError(400, 'invalid_request_error', 'Expected {"keys": ["…"]}');
    keys.push(...parsed.data.keys);
    return { status: 201, body: { accepted: parsed.data.keys.length } };
  }

  /** The rate-limit headers over a one-minute window; null when the window is full. */
  function admit(now: number): Record<string, string> | null {
    while (recent.length && recent[0]! <= now - 60_000) recent.shift();
    const resetMs = recent.length ? recent[0]! + 60_000 - now : 0;
    const base = { 'x-ratelimit-limit-requests': String(rpm), 'x-ratelimit-reset-requests': `${Math.max(1, Math.ceil(resetMs))}ms` };
    if (recent.length >= rpm) return null;
    recent.push(now);
    return { ...base, 'x-ratelimit-remaining-requests': String(rpm - recent.length) };
  }

  async function complete(req: IncomingMessage): Promise<Answer> {
    authorize(req);
    const parsed = requestSchema.safeParse(await readJson(req, opts.maxBodyBytes ?? 2 * 1024 * 1024));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new SimError(400, 'invalid_request_error', `Invalid value for '${issue.path.join('.') || 'body'}': ${issue.message}`, null, issue.path.join('.') || null);
    }
    const body = parsed.data;
    const format = body.response_format;
    const jsonSchema = format?.type === 'json_schema' ? format.json_schema : null;
    const messages = body.messages.map((m) => ({ role: m.role, content: m.content }));
    const user = messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
    const hash = inputHash(body.model, messages, jsonSchema?.schema ?? format?.type ?? null);
    const entry: LlmRequestLog = { id: `chatcmpl-${randomBytes(12).toString('base64url')}`, schemaName: jsonSchema?.name ?? null, model: body.model, inputHash: hash, at: new Date().toISOString(), status: 200, answer: 'default' };
    log.push(entry);
    if (jsonSchema?.strict) {
      const problem = strictSchemaProblem(jsonSchema.schema);
      if (problem) {
        [entry.status, entry.answer] = [400, 'error'];
        throw new SimError(400, 'invalid_request_error', `Invalid schema for response_format '${jsonSchema.name}': ${problem}`, 'invalid_json_schema', 'response_format');
      }
    }

    const script = scripts.take(entry.schemaName, user);
    if (script?.delayMs) await sleep(script.delayMs);
    const limits = admit(Date.now());
    if (!limits) {
      entry.status = 429;
      entry.answer = 'error';
      throw new SimError(429, 'requests', `Rate limit reached for ${body.model} on requests per min (RPM): Limit ${rpm}. Please try again in 1s.`, 'rate_limit_exceeded', null, { 'retry-after-ms': '1000', 'retry-after': '1' });
    }
    if (script?.status) {
      entry.status = script.status;
      entry.answer = 'error';
      throw scriptedError(script, body.model);
    }

    const promptChars = messages.reduce((n, m) => n + m.content.length, 0) + (jsonSchema ? JSON.stringify(jsonSchema.schema).length : 0);
    const promptTokens = tokens(promptChars);
    const headers = { ...limits, 'x-request-id': `req_${randomBytes(16).toString('hex')}`, 'openai-processing-ms': String(script?.delayMs ?? 1) };
    if (body.stream) {
      const text = script?.raw ?? (script && script.content !== undefined ? JSON.stringify(script.content) : jsonSchema || format?.type === 'json_object' ? defaultContent(body, jsonSchema?.schema ?? null, user, hash) : defaultStreamText(user, hash));
      if (script?.raw !== undefined) entry.answer = 'raw';
      else if (script?.content !== undefined) entry.answer = 'content';
      entry.stream = 'open';
      return {
        stream: (res) =>
          writeChatStream(res, {
            headers,
            id: entry.id,
            model: body.model,
            text,
            refusal: script?.refusal ?? null,
            promptTokens,
            includeUsage: body.stream_options?.include_usage === true,
            chunkDelayMs: script?.chunkDelayMs ?? 0,
            cutAfterChunks: script?.cutAfterChunks ?? null,
            cutWith: script?.cutWith ?? 'drop',
            counter: streamCounter,
            onEnd: (outcome) => {
              entry.stream = outcome;
            },
          }),
      };
    }

    let content: string | null;
    let refusal: string | null = null;
    if (script?.refusal !== undefined) {
      [content, refusal, entry.answer] = [null, script.refusal, 'refusal'];
    } else if (script?.raw !== undefined) {
      [content, entry.answer] = [script.raw, 'raw'];
    } else if (script && script.content !== undefined) {
      [content, entry.answer] = [JSON.stringify(script.content), 'content'];
    } else {
      content = defaultContent(body, jsonSchema?.schema ?? null, user, hash);
    }
    const completionTokens = tokens((content ?? refusal ?? '').length);
    return {
      status: 200,
      headers,
      body: {
        id: entry.id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
        },
        service_tier: 'default',
        system_fingerprint: 'fp_simulator',
      },
    };
  }

  async function addScripts(req: IncomingMessage): Promise<Reply> {
    const parsed = scriptsBodySchema.safeParse(await readJson(req));
    if (!parsed.success) throw new SimError(400, 'invalid_request_error', `Invalid script: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    scripts.add(parsed.data);
    return { status: 201, body: { queued: parsed.data.length, pending: scripts.pending().length } };
  }

  const requests = (filter: { schemaName?: string } = {}) => log.filter((r) => !filter.schemaName || r.schemaName === filter.schemaName).map((r) => ({ ...r }));
  const reset = () => {
    scripts.clear();
    log.length = 0;
    recent.length = 0;
    streamCounter.reset();
  };

  type Handler = (req: IncomingMessage, url: URL) => Answer | Promise<Answer>;
  const routes: Route<Handler>[] = [
    ['POST', /^\/v1\/chat\/completions$/, (req) => complete(req)],
    ['GET', /^\/v1\/models$/, (req) => listModels(req)],
    ['POST', /^\/_sim\/keys$/, (req) => addKeys(req)],
    ['POST', /^\/_sim\/scripts$/, (req) => addScripts(req)],
    ['GET', /^\/_sim\/scripts$/, () => ({ status: 200, body: { scripts: scripts.pending() } })],
    ['GET', /^\/_sim\/streams$/, () => ({ status: 200, body: streamCounter.stats() })],
    ['GET', /^\/_sim\/requests$/, (_req, url) => ({ status: 200, body: { requests: requests({ schemaName: url.searchParams.get('schemaName') ?? undefined }) } })],
    ['DELETE', /^\/_sim\/?$/, () => (reset(), { status: 204 })],
  ];

  const errorReply = (err: SimError): Reply => ({ status: err.status, headers: err.headers, body: { error: { message: err.message, type: err.type, param: err.param, code: err.code } } });
  const answer = async (req: IncomingMessage): Promise<Answer> => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const route = findRoute(routes, req.method, url.pathname);
    if (!route) throw new SimError(404, 'invalid_request_error', `Invalid URL (${req.method ?? 'GET'} ${url.pathname})`);
    return route.handler(req, url);
  };
  const failed = (err: unknown): Reply => {
    if (err instanceof SimError) return errorReply(err);
    if (err instanceof BodyError) return errorReply(new SimError(err.status, 'invalid_request_error', err.status === 400 ? 'We could not parse the JSON body of your request.' : err.message));
    console.error('llm simulator: unexpected error', err);
    return errorReply(new SimError(500, 'server_error', 'The server had an error while processing your request. Sorry about that!'));
  };
  // replyHandler's contract (one reply per request), plus answers that stream.
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void answer(req).then(
      (a) => ('stream' in a ? a.stream(res) : sendReply(res, a)),
      (err: unknown) => sendReply(res, failed(err)),
    );
  };
  const server = await startSimServer(handler, { port: opts.port, host: opts.host });

  return {
    baseUrl: `${server.origin}/v1`,
    origin: server.origin,
    port: server.port,
    script(input) {
      scripts.add((Array.isArray(input) ? input : [input]).map(parseScript));
    },
    pendingScripts: () => scripts.pending(),
    requests,
    streams: () => streamCounter.stats(),
    acceptKey(key) {
      keys.push(key);
    },
    reset,
    close: () => server.close(),
  };
}

function scriptedError(script: LlmScript, model: string): SimError {
  const retryAfterMs = script.retryAfterMs ?? (script.status === 429 ? 0 : undefined);
  const headers: Record<string, string> = retryAfterMs === undefined ? {} : { 'retry-after-ms': String(retryAfterMs), 'retry-after': String(Math.ceil(retryAfterMs / 1000)) };
  if (script.status === 429) return new SimError(429, 'requests', script.message ?? `Rate limit reached for ${model} on requests per min (RPM).`, 'rate_limit_exceeded', null, headers);
  if (script.status === 503) return new SimError(503, 'server_error', script.message ?? 'The engine is currently overloaded, please try again later.', 'service_unavailable', null, headers);
  return new SimError(500, 'server_error', script.message ?? 'The server had an error while processing your request. Sorry about that!', null, null, headers);
}

function defaultContent(body: ChatRequest, schema: Record<string, unknown> | null, user: string, hash: string): string {
  if (schema) return JSON.stringify(answerFor(schema as JsonSchema, user, hash));
  if (body.response_format?.type === 'json_object') return JSON.stringify({ answer: `simulated ${hash.slice(0, 8)}` });
  return `Simulated answer ${hash.slice(0, 8)}.`;
}
