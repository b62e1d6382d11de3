import { z } from '@hono/zod-openapi';
import { LLM_KEY_PROVIDERS } from '../../../domain/ai/llm-keys.js';

export const LlmKeyId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const UserId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The user' }) });
const Provider = z.enum(LLM_KEY_PROVIDERS);

/** A stored key as anyone sees it: never the key, only its last four characters. */
export const LlmKeyView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    provider: Provider,
    label: z.string().nullable(),
    baseUrl: z.string().openapi({ example: 'https://api.openai.com/v1' }),
    keyLast4: z.string().openapi({ example: 'x9Qa', description: 'The last four characters; the key itself is never shown again' }),
    isActive: z.boolean().openapi({ description: 'False once an admin revoked it' }),
    revokedAt: z.string().nullable(),
    lastValidatedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LlmKey');

export const LlmKeyList = z.object({ items: z.array(LlmKeyView) }).openapi('LlmKeyList');

export const SaveLlmKeyBody = z
  .object({
    provider: Provider,
    apiKey: z
      .string()
      .min(8)
      .max(512)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .openapi({ description: 'Checked with GET {baseUrl}/models, then sealed (AES-256-GCM); never returned', example: 'sk-…' }),
    baseUrl: z.url().max(500).optional().openapi({ description: 'An OpenAI-compatible API; default: the provider’s own (OPENAI → https://api.openai.com/v1)' }),
    label: z.string().trim().min(1).max(100).nullish(),
  })
  .strict()
  .openapi('SaveLlmKeyRequest');

export const RevokeLlmKeysBody = z.object({ provider: Provider.optional().openapi({ description: 'Only this provider’s key; default all of them' }) }).strict().openapi('RevokeLlmKeysRequest');
export const RevokeLlmKeysResult = z.object({ revoked: z.number().int(), items: z.array(LlmKeyView) }).openapi('RevokeLlmKeysResult');
