// A streamed chat completion over the openai SDK (`stream: true` with usage in the last chunk).
// The SDK's timeout covers only the wait for the response headers, so a gap between chunks has
// its own timer here; the SDK ends its iteration quietly on an abort, so whether a stream ended,
// was stopped by the caller or timed out is decided here, never left to look like a finished one.
import { APIError, type OpenAI } from 'openai';
import { z } from 'zod';
import { LOCAL_ERROR_CODES, transportCode } from '../lib/provider-error.js';
import { describeIssues } from '../lib/local-http.js';
import { toLlmError } from './errors.js';
import { LLM_ABORTED, LlmError, type LlmChatRequest, type LlmChatStream, type LlmStreamEvent, type LlmUsage } from './interface.js';

const chunkSchema = z.looseObject({
  id: z.string().min(1),
  model: z.string().min(1),
  choices: z.array(
    z.looseObject({
      index: z.number().int().min(0).default(0),
      delta: z.looseObject({ content: z.string().nullish() }).nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: z.looseObject({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0), total_tokens: z.number().int().min(0) }).nullish(),
});

const abortedError = (cause?: unknown) => new LlmError('POST /chat/completions was stopped by the caller', { kind: 'transport', status: null, code: LLM_ABORTED, retryable: false, cause });

/** A failure while the chunks arrive: an error chunk from the vendor, or the connection dropping. */
function midStreamError(err: unknown, timeoutMs: number): LlmError {
  if (err instanceof LlmError) return err;
  // An `{ "error": … }` chunk: the SDK raises it without a status.
  if (err instanceof APIError && typeof err.status !== 'number') {
    const code = typeof err.code === 'string' ? err.code : null;
    return new LlmError(`POST /chat/completions failed mid-stream: ${err.message}`, { kind: 'server', status: null, code, cause: err });
  }
  return toLlmError(err, timeoutMs);
}

export async function startChatStream(sdk: OpenAI, req: LlmChatRequest & { model: string; timeoutMs: number }): Promise<LlmChatStream> {
  if (req.signal?.aborted) throw abortedError();
  const controller = new AbortController();
  let stopped = false;
  let timedOut = false;
  const stop = () => {
    stopped = true;
    controller.abort();
  };
  req.signal?.addEventListener('abort', stop, { once: true });
  const release = () => req.signal?.removeEventListener('abort', stop);

  let sdkStream: AsyncIterable<unknown>;
  try {
    sdkStream = await sdk.chat.completions.create(
      {
        model: req.model,
        messages: req.messages,
        stream: true,
        stream_options: { include_usage: true },
        ...(req.temperature != null ? { temperature: req.temperature } : {}),
        ...(req.maxTokens != null ? { max_tokens: req.maxTokens } : {}),
      },
      { signal: controller.signal, timeout: req.timeoutMs, ...(req.maxRetries !== undefined ? { maxRetries: req.maxRetries } : {}) },
    );
  } catch (err) {
    release();
    if (stopped) throw abortedError(err);
    throw toLlmError(err, req.timeoutMs);
  }

  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, req.timeoutMs);
  };

  async function* events(): AsyncGenerator<LlmStreamEvent> {
    let requestId: string | null = null;
    let model = req.model;
    let finishReason: string | null = null;
    let usage: LlmUsage | null = null;
    try {
      arm();
      for await (const raw of sdkStream) {
        // No timer while the consumer handles what arrived: only the vendor's gaps count.
        clearTimeout(idle);
        const parsed = chunkSchema.safeParse(raw);
        if (!parsed.success) {
          throw new LlmError(`POST /chat/completions streamed an unexpected chunk: ${describeIssues(parsed.error)}`, { kind: 'invalid_response', status: 200, code: LOCAL_ERROR_CODES.invalidResponse, cause: parsed.error });
        }
        const chunk = parsed.data;
        requestId ??= chunk.id;
        model = chunk.model;
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens, totalTokens: chunk.usage.total_tokens };
        for (const choice of chunk.choices) {
          if (choice.index !== 0) continue;
          if (choice.finish_reason) finishReason = choice.finish_reason;
          const text = choice.delta?.content;
          if (text) yield { type: 'delta', text };
        }
        arm();
      }
    } catch (err) {
      if (stopped) throw abortedError(err);
      if (timedOut) throw new LlmError(`POST /chat/completions sent nothing for ${req.timeoutMs} ms mid-stream`, { kind: 'timeout', status: null, code: transportCode('timeout'), cause: err });
      throw midStreamError(err, req.timeoutMs);
    } finally {
      clearTimeout(idle);
      release();
    }
    if (stopped) throw abortedError();
    if (timedOut) throw new LlmError(`POST /chat/completions sent nothing for ${req.timeoutMs} ms mid-stream`, { kind: 'timeout', status: null, code: transportCode('timeout') });
    if (!finishReason || !requestId) {
      throw new LlmError('POST /chat/completions: the stream ended before its finish reason (cut off)', { kind: 'transport', status: null, code: transportCode('transport') });
    }
    yield { type: 'done', model, requestId, usage, finishReason };
  }

  const iterable = events();
  return {
    [Symbol.asyncIterator]: () => iterable,
    abort: stop,
  };
}
