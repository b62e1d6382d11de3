// The openai SDK's failures as LlmError: the kind an activity retries on, the vendor's code and
// its Retry-After. Shared by the JSON completion and the stream.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { kindForStatus, LOCAL_ERROR_CODES, parseRetryAfter, transportCode } from '../lib/provider-error.js';
import { LlmError } from './interface.js';

/** The SDK's failure (after its retries) as an LlmError. */
export function toLlmError(err: unknown, timeoutMs: number): LlmError {
  if (err instanceof LlmError) return err;
  // Timeout first: it is a subclass of the connection error.
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) {
    return new LlmError(`POST /chat/completions got no answer within ${timeoutMs} ms`, { kind: 'timeout', status: null, code: transportCode('timeout'), cause: err });
  }
  if (err instanceof APIConnectionError) {
    return new LlmError(`POST /chat/completions failed before an answer: ${err.message}`, { kind: 'transport', status: null, code: transportCode('transport'), cause: err });
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const code = typeof err.code === 'string' ? err.code : null;
    const kind = kindForStatus(status);
    const retryAfterSeconds = status === 429 ? retryAfterOf(err.headers) : null;
    // A 429 for an exhausted quota (billing) does not go away by waiting.
    const retryable = code === 'insufficient_quota' ? false : undefined;
    return new LlmError(`POST /chat/completions answered ${status}: ${err.message}`, { kind, status, code, retryAfterSeconds, retryable, cause: err });
  }
  if (err instanceof SyntaxError || err instanceof OpenAIError) {
    return new LlmError(`POST /chat/completions answered a body we cannot read: ${err.message}`, { kind: 'invalid_response', status: null, code: LOCAL_ERROR_CODES.invalidResponse, cause: err });
  }
  // Reading the answer's body failed (the connection dropped): no complete answer.
  const message = err instanceof Error ? err.message : String(err);
  return new LlmError(`POST /chat/completions failed while reading the answer: ${message}`, { kind: 'transport', status: null, code: transportCode('transport'), cause: err });
}

function retryAfterOf(headers: Headers | undefined): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms) / 1000);
  return parseRetryAfter(headers?.get('retry-after'));
}
