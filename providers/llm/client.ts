// The real LLM client: the npm `openai` package pointed at `baseURL` (OpenAI, or the local
// simulator), one chat completion per call with a strict json_schema response format, or a
// streamed chat (stream.ts). The SDK
// retries connection errors, 408, 409, 429 and 5xx (maxRetries, honouring retry-after-ms and
// retry-after); whatever is left becomes an LlmError with the kind an activity retries on.
// The content comes back unparsed: callers check it with zod.
import OpenAI from 'openai';
import { z } from 'zod';
import { LOCAL_ERROR_CODES } from '../lib/provider-error.js';
import { describeIssues } from '../lib/local-http.js';
import { DEFAULT_LLM_MODEL, LLM_LIVE_BASE_URL, LlmError, type LlmJsonRequest, type LlmJsonResult, type LlmProvider } from './interface.js';
import { toLlmError } from './errors.js';
import { startChatStream } from './stream.js';

export { toLlmError };

export interface LlmClientOptions {
  /** Default https://api.openai.com/v1; the simulator's http://host:port/v1 in dev and tests. */
  baseUrl?: string;
  apiKey: string;
  /** Default gpt-4o-mini. */
  model?: string;
  /** Per attempt (the SDK's timeout). Default 60 s. */
  timeoutMs?: number;
  /** The SDK's own retries. Default 2. */
  maxRetries?: number;
  fetch?: typeof fetch;
}

/** What we rely on in a completion; the SDK does not check the body. */
const completionSchema = z.looseObject({
  id: z.string().min(1),
  model: z.string().min(1),
  choices: z
    .array(
      z.looseObject({
        finish_reason: z.string().nullish(),
        message: z.looseObject({ content: z.string().nullish(), refusal: z.string().nullish() }),
      }),
    )
    .min(1, 'no choices'),
  usage: z.looseObject({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0), total_tokens: z.number().int().min(0) }),
});

export function createLlmClient(opts: LlmClientOptions): LlmProvider {
  const defaultModel = opts.model ?? DEFAULT_LLM_MODEL;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const sdk = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: (opts.baseUrl ?? LLM_LIVE_BASE_URL).replace(/\/+$/, ''),
    timeout: timeoutMs,
    maxRetries: opts.maxRetries ?? 2,
    logLevel: 'off',
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });

  return {
    defaultModel,
    async completeJson(req: LlmJsonRequest): Promise<LlmJsonResult> {
      if (!req.schemaName || !/^[A-Za-z0-9_-]{1,64}$/.test(req.schemaName)) {
        throw new LlmError(`schemaName "${req.schemaName}" must be 1 to 64 of a-z, A-Z, 0-9, _ and -`, { kind: 'invalid_request', status: null, code: LOCAL_ERROR_CODES.invalidRequest, retryable: false });
      }
      let raw: unknown;
      try {
        raw = await sdk.chat.completions.create(
          {
            model: req.model ?? defaultModel,
            messages: [
              { role: 'system', content: req.system },
              { role: 'user', content: req.user },
            ],
            response_format: { type: 'json_schema', json_schema: { name: req.schemaName, strict: true, schema: req.schema } },
          },
          { timeout: req.timeoutMs ?? timeoutMs },
        );
      } catch (err) {
        throw toLlmError(err, req.timeoutMs ?? timeoutMs);
      }
      const parsed = completionSchema.safeParse(raw);
      if (!parsed.success) {
        throw new LlmError(`POST /chat/completions answered with an unexpected body: ${describeIssues(parsed.error)}`, { kind: 'invalid_response', status: 200, code: LOCAL_ERROR_CODES.invalidResponse, cause: parsed.error });
      }
      const body = parsed.data;
      const choice = body.choices[0]!;
      const content = choice.message.content ?? null;
      const refusal = choice.message.refusal ?? null;
      if (content === null && refusal === null) {
        throw new LlmError('POST /chat/completions answered neither content nor a refusal', { kind: 'invalid_response', status: 200, code: LOCAL_ERROR_CODES.invalidResponse });
      }
      return {
        content,
        refusal,
        model: body.model,
        requestId: body.id,
        usage: { promptTokens: body.usage.prompt_tokens, completionTokens: body.usage.completion_tokens, totalTokens: body.usage.total_tokens },
        finishReason: choice.finish_reason ?? null,
      };
    },
    streamChat: (req) => startChatStream(sdk, { ...req, model: req.model ?? defaultModel, timeoutMs: req.timeoutMs ?? timeoutMs }),
  };
}
