// The LLM simulator's streamed answer, as OpenAI sends it: `text/event-stream` with one
// `data: {chat.completion.chunk}` per piece of text, a last chunk with the finish reason, the
// usage chunk when stream_options.include_usage asked for it, and `data: [DONE]`. Scripts can
// space the chunks out and cut the stream after N of them; a client that hangs up early is
// counted, so tests can prove that stopping the caller stopped the provider call.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export type StreamOutcome = 'completed' | 'cut' | 'client_closed';

export interface SimStreamStats {
  started: number;
  /** Open right now. */
  open: number;
  completed: number;
  /** Cut on purpose by a script (cutAfterChunks). */
  cut: number;
  /** The client closed the connection before the stream ended. */
  clientClosed: number;
}

export class StreamCounter {
  private counts: SimStreamStats = { started: 0, open: 0, completed: 0, cut: 0, clientClosed: 0 };
  /** Streams started before a reset are not counted when they end. */
  private generation = 0;
  /** The stream's generation, for end(). */
  start(): number {
    this.counts.started += 1;
    this.counts.open += 1;
    return this.generation;
  }
  end(outcome: StreamOutcome, generation: number): void {
    if (generation !== this.generation) return;
    this.counts.open -= 1;
    if (outcome === 'completed') this.counts.completed += 1;
    else if (outcome === 'cut') this.counts.cut += 1;
    else this.counts.clientClosed += 1;
  }
  stats(): SimStreamStats {
    return { ...this.counts };
  }
  reset(): void {
    this.generation += 1;
    this.counts = { started: 0, open: 0, completed: 0, cut: 0, clientClosed: 0 };
  }
}

/** The default streamed text: deterministic for the question, long enough to stream in ~40 chunks. */
export function defaultStreamText(user: string, hash: string): string {
  const question = user.replace(/\s+/g, ' ').trim().slice(0, 80);
  const points = Array.from({ length: 12 }, (_, i) => `Point ${i + 1} of the simulated answer.`).join(' ');
  return `Simulated answer ${hash.slice(0, 8)} to "${question}". ${points}`;
}

/** Pieces of about one word each (the leading space kept), as a model streams tokens. */
export function chunkText(text: string): string[] {
  return text.match(/\s*\S+/g) ?? (text ? [text] : []);
}

const tokens = (chars: number) => Math.ceil(chars / 4);

export interface ChatStreamPlan {
  headers: Record<string, string>;
  id: string;
  model: string;
  text: string;
  /** Streamed as delta.refusal instead of content. */
  refusal: string | null;
  promptTokens: number;
  includeUsage: boolean;
  chunkDelayMs: number;
  cutAfterChunks: number | null;
  cutWith: 'drop' | 'error';
  counter: StreamCounter;
  onEnd(outcome: StreamOutcome): void;
}

export async function writeChatStream(res: ServerResponse, plan: ChatStreamPlan): Promise<void> {
  let closed = false;
  let finished = false;
  const generation = plan.counter.start();
  const end = (outcome: StreamOutcome) => {
    if (finished) return;
    finished = true;
    plan.counter.end(outcome, generation);
    plan.onEnd(outcome);
  };
  res.on('close', () => {
    closed = true;
    // Closed before we ended it: the client hung up.
    end('client_closed');
  });

  const created = Math.floor(Date.now() / 1000);
  const base = { id: plan.id, object: 'chat.completion.chunk', created, model: plan.model, service_tier: 'default', system_fingerprint: 'fp_simulator' };
  const send = (data: unknown) => {
    if (!closed) res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    send({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...(plan.includeUsage ? { usage: null } : {}) });

  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive', ...plan.headers });
  res.flushHeaders();
  chunk({ role: 'assistant', content: '', refusal: null });

  const pieces = chunkText(plan.refusal ?? plan.text);
  let sent = 0;
  for (const piece of pieces) {
    if (plan.cutAfterChunks !== null && sent >= plan.cutAfterChunks) {
      end('cut');
      if (plan.cutWith === 'error') {
        send({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } });
        res.end();
      } else {
        // What was written goes out first, then the connection ends inside the chunked body.
        res.socket?.end();
      }
      return;
    }
    if (plan.chunkDelayMs > 0) await sleep(plan.chunkDelayMs);
    if (closed) return;
    chunk(plan.refusal !== null ? { refusal: piece } : { content: piece });
    sent += 1;
  }
  if (closed) return;
  chunk({}, 'stop');
  if (plan.includeUsage) {
    const completionTokens = tokens((plan.refusal ?? plan.text).length);
    send({
      ...base,
      choices: [],
      usage: {
        prompt_tokens: plan.promptTokens,
        completion_tokens: completionTokens,
        total_tokens: plan.promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
    });
  }
  send('[DONE]');
  end('completed');
  res.end();
}
