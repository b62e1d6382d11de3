// The LLM provider from config: the real openai-SDK client, pointed at the local simulator in
// sim mode (the default for npm start and tests) or at LLM_BASE_URL / OpenAI in live mode.
import { createLlm, type LlmProvider } from '../providers/llm/index.js';
import type { Config } from './env.js';

export function llmFromConfig(config: Config): LlmProvider {
  const baseUrl = config.LLM_BASE_URL ?? (config.LLM_MODE === 'sim' ? `http://127.0.0.1:${config.LLM_SIM_PORT}/v1` : undefined);
  return createLlm({ mode: config.LLM_MODE, ...(baseUrl ? { baseUrl } : {}), apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS });
}

/** ServiceDeps.config.llm. */
export function llmApiConfig(config: Config): { model: string } {
  return { model: config.LLM_MODEL };
}
