// The LLM contract the rest of the system codes against: one chat completion whose answer must
// be JSON matching a strict JSON schema (OpenAI's `response_format: json_schema`). The provider
// returns the raw content; the caller always checks it with zod (PROVIDERS.md: validate even
// with a strict schema). The real client (the npm `openai` package with `baseURL`) and the
// simulator both honour it.
import { ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export interface LlmJsonRequest {
  /** Defaults to the provider's configured model. */
  model?: string;
  system: string;
  user: string;
  /** The json_schema name, e.g. "resume_profile"; the simulator keys scripted answers on it. */
  schemaName: string;
  /** A strict JSON schema: every property required, additionalProperties false. */
  schema: Record<string, unknown>;
  /** Per call deadline; default from the provider config. */
  timeoutMs?: number;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface LlmJsonResult {
  /** choices[0].message.content as sent (a JSON string, unchecked); null on a refusal. */
  content: string | null;
  /** choices[0].message.refusal, when the model declined. */
  refusal: string | null;
  /** The model that answered (the response's `model`). */
  model: string;
  /** The response id (chatcmpl-…), for reconciliation with the vendor's bill. */
  requestId: string;
  usage: LlmUsage;
  /** choices[0].finish_reason ("stop"; "length" means the content was cut off). */
  finishReason?: string | null;
}

/** The OpenAI API, for live mode; sim mode refuses to point at it. */
export const LLM_LIVE_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_LLM_MODEL = 'gpt-4o-mini';

export interface LlmChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmChatRequest {
  /** Defaults to the provider's configured model. */
  model?: string;
  messages: LlmChatMessage[];
  temperature?: number | null;
  maxTokens?: number | null;
  /** Aborting it stops the provider call at once (the HTTP request is cancelled). */
  signal?: AbortSignal;
  /** Deadline for the answer to start, and then the longest gap between two chunks. Default from the provider config. */
  timeoutMs?: number;
  /** The SDK's retries before the stream starts (a retry after the first chunk would repeat text). Default from the provider config. */
  maxRetries?: number;
}

/** The end of a stream that finished: what the vendor reported. */
export interface LlmStreamFinal {
  model: string;
  /** The chunks' id (chatcmpl-…). */
  requestId: string;
  /** From the last chunk (stream_options.include_usage); null when the vendor sent none. */
  usage: LlmUsage | null;
  /** "stop", "length", "content_filter", … */
  finishReason: string;
}

export type LlmStreamEvent = ({ type: 'delta'; text: string }) | ({ type: 'done' } & LlmStreamFinal);

/**
 * A started chat stream: iterate it for deltas, then one `done`. A failure after the start
 * (a dropped connection, an error chunk, a chunk gap past the timeout, a stream that ends
 * without a finish reason) throws an LlmError from the iteration. When the caller's signal
 * aborts, the iteration ends with an LlmError of code ABORTED.
 */
export interface LlmChatStream extends AsyncIterable<LlmStreamEvent> {
  /** Stops the call (same as aborting the signal). */
  abort(): void;
}

export interface LlmProvider {
  readonly defaultModel: string;
  completeJson(req: LlmJsonRequest): Promise<LlmJsonResult>;
  /**
   * A streamed chat completion (`stream: true`, usage included). Resolves once the vendor
   * accepted the request (200 and its headers); a refusal before that (429, 5xx, a timeout,
   * no connection) rejects with an LlmError, so the caller can still answer a plain error.
   */
  streamChat(req: LlmChatRequest): Promise<LlmChatStream>;
}

/** The local code of a stream the caller stopped. */
export const LLM_ABORTED = 'ABORTED';

export class LlmError extends ProviderError {
  override readonly name = 'LlmError';
  /** The vendor's error.code (e.g. "rate_limit_exceeded"), or a local code. */
  readonly code: string | null;
  constructor(message: string, opts: { kind: ProviderFailureKind; status: number | null; code?: string | null; retryAfterSeconds?: number | null; retryable?: boolean; cause?: unknown }) {
    super(message, { provider: 'llm', ...opts });
    this.code = opts.code ?? null;
  }
}
