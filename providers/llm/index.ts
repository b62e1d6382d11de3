// LLM: the one place that builds the provider from config. Both modes run the real `openai`
// client; `sim` points it at the local simulator (and refuses the live API, so a dev or test
// stack never spends real tokens), `live` at OpenAI or another https OpenAI-compatible API.
import { createLlmClient } from './client.js';
import { DEFAULT_LLM_MODEL, LLM_LIVE_BASE_URL, type LlmProvider } from './interface.js';

export * from './interface.js';
export { createLlmClient, toLlmError, type LlmClientOptions } from './client.js';

export interface LlmConfig {
  mode: 'sim' | 'live';
  /** Required in sim mode (the simulator's http://host:port/v1); defaults to OpenAI in live mode. */
  baseUrl?: string;
  apiKey: string;
  /** Default gpt-4o-mini. */
  model?: string;
  /** Per attempt. Default 60 s. */
  timeoutMs?: number;
  /** The SDK's retries. Default 2. */
  maxRetries?: number;
}

export function createLlm(config: LlmConfig): LlmProvider {
  const baseUrl = config.baseUrl ?? (config.mode === 'live' ? LLM_LIVE_BASE_URL : undefined);
  if (!baseUrl) throw new Error('LLM sim mode needs the simulator baseUrl');
  if (config.mode === 'live' && !baseUrl.startsWith('https://')) throw new Error('LLM live mode needs an https baseUrl');
  if (config.mode === 'sim' && new URL(baseUrl).hostname === new URL(LLM_LIVE_BASE_URL).hostname) throw new Error('Refusing to point LLM sim mode at the live OpenAI API');
  if (!config.apiKey) throw new Error('LLM needs an apiKey');
  return createLlmClient({ baseUrl, apiKey: config.apiKey, model: config.model ?? DEFAULT_LLM_MODEL, timeoutMs: config.timeoutMs, maxRetries: config.maxRetries });
}
