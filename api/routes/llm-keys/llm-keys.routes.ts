import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { LlmKeyId, LlmKeyList, LlmKeyView, RevokeLlmKeysBody, RevokeLlmKeysResult, SaveLlmKeyBody, UserId } from './llm-keys.schemas.js';

const TAGS = ['AI: LLM keys'];

export const listMyLlmKeysRoute = createRoute({
  method: 'get',
  path: '/api/me/llm-keys',
  tags: TAGS,
  summary: 'My LLM keys (one per provider), without the keys themselves',
  ...bearer(EVERYONE),
  responses: { 200: jsonResponse('My keys', LlmKeyList), ...authProblems },
});

export const saveMyLlmKeyRoute = createRoute({
  method: 'post',
  path: '/api/me/llm-keys',
  tags: TAGS,
  summary: 'Save my key for a provider (replacing the one I had); it is checked against the provider first',
  description: 'The key is checked with GET {baseUrl}/models and a Bearer header. Only a key the provider accepts is stored, sealed with AES-256-GCM; the answer shows its last four characters, never the key.',
  ...bearer(EVERYONE),
  request: { body: jsonBody(SaveLlmKeyBody) },
  responses: {
    200: jsonResponse('Replaced my earlier key for the provider', LlmKeyView),
    201: jsonResponse('Saved', LlmKeyView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    422: problemResponse('The provider refused the key or could not be reached, or the baseUrl is not allowed; nothing was saved'),
  },
});

export const getMyLlmKeyRoute = createRoute({
  method: 'get',
  path: '/api/me/llm-keys/{id}',
  tags: TAGS,
  summary: 'One of my LLM keys',
  ...bearer(EVERYONE),
  request: { params: LlmKeyId },
  responses: { 200: jsonResponse('The key', LlmKeyView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such key of mine') },
});

export const deleteMyLlmKeyRoute = createRoute({
  method: 'delete',
  path: '/api/me/llm-keys/{id}',
  tags: TAGS,
  summary: 'Delete one of my LLM keys',
  ...bearer(EVERYONE),
  request: { params: LlmKeyId },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such key of mine') },
});

export const adminListUserLlmKeysRoute = createRoute({
  method: 'get',
  path: '/api/admin/users/{id}/llm-keys',
  tags: TAGS,
  summary: 'A user’s LLM keys (without the keys)',
  ...bearer(STAFF),
  request: { params: UserId },
  responses: { 200: jsonResponse('The user’s keys', LlmKeyList), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such user') },
});

export const adminRevokeUserLlmKeysRoute = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/llm-keys/revoke',
  tags: TAGS,
  summary: 'Revoke a user’s LLM keys (all, or one provider’s): the sealed key is wiped',
  ...bearer(STAFF),
  request: { params: UserId, body: { required: false, content: { 'application/json': { schema: RevokeLlmKeysBody } } } },
  responses: { 200: jsonResponse('How many were revoked, and the user’s keys now', RevokeLlmKeysResult), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such user') },
});
