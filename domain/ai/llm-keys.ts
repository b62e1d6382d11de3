// Per-user LLM keys: which OpenAI-compatible API each provider means by default, where a key may
// point (https; http only in development, for the simulator), and the associated data that binds
// a sealed key to its row.

/** Mirrors the Prisma enum AiLlmProvider (a test checks the two agree). */
export const LLM_KEY_PROVIDERS = ['OPENAI', 'ANTHROPIC', 'GOOGLE', 'GROQ', 'MISTRAL', 'OPENROUTER'] as const;
export type LlmKeyProvider = (typeof LLM_KEY_PROVIDERS)[number];

/** The OpenAI-compatible endpoint of each provider, used when the user gives no baseUrl. */
export const DEFAULT_BASE_URLS: Record<LlmKeyProvider, string> = {
  OPENAI: 'https://api.openai.com/v1',
  ANTHROPIC: 'https://api.anthropic.com/v1',
  GOOGLE: 'https://generativelanguage.googleapis.com/v1beta/openai',
  GROQ: 'https://api.groq.com/openai/v1',
  MISTRAL: 'https://api.mistral.ai/v1',
  OPENROUTER: 'https://openrouter.ai/api/v1',
};

/** Associated data of a sealed key: a ciphertext moved to another user or provider does not open. */
export const llmKeyContext = (userId: string, provider: LlmKeyProvider) => `user_llm_keys:v1:${userId}:${provider}`;

/** What the UI shows of a key: its last four characters. */
export const keyLast4 = (key: string) => key.slice(-4);

const PRIVATE_HOST = /^(localhost|.*\.localhost|.*\.internal|.*\.local|0\.0\.0\.0|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|\[.*\])$/i;

/**
 * Why the api will not call `baseUrl` with a user's key, or null. The check sends the key there,
 * so production allows only https to a public host name (no credentials, query or fragment).
 */
export function baseUrlProblem(baseUrl: string, allowHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return allowHttp ? 'must be http or https' : 'must be https';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.search || url.hash) return 'must not have a query or fragment';
  if (!allowHttp && PRIVATE_HOST.test(url.hostname)) return 'must be a public host';
  return null;
}

/** The stored form: no trailing slash. */
export const normaliseBaseUrl = (baseUrl: string) => baseUrl.replace(/\/+$/, '');
