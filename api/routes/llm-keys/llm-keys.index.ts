import { createRouter } from '../../openapi.js';
import { adminListUserLlmKeysHandler, adminRevokeUserLlmKeysHandler, deleteMyLlmKeyHandler, getMyLlmKeyHandler, listMyLlmKeysHandler, saveMyLlmKeyHandler } from './llm-keys.handlers.js';
import { adminListUserLlmKeysRoute, adminRevokeUserLlmKeysRoute, deleteMyLlmKeyRoute, getMyLlmKeyRoute, listMyLlmKeysRoute, saveMyLlmKeyRoute } from './llm-keys.routes.js';

export const llmKeysRouter = createRouter()
  .openapi(listMyLlmKeysRoute, listMyLlmKeysHandler)
  .openapi(saveMyLlmKeyRoute, saveMyLlmKeyHandler)
  .openapi(getMyLlmKeyRoute, getMyLlmKeyHandler)
  .openapi(deleteMyLlmKeyRoute, deleteMyLlmKeyHandler)
  .openapi(adminListUserLlmKeysRoute, adminListUserLlmKeysHandler)
  .openapi(adminRevokeUserLlmKeysRoute, adminRevokeUserLlmKeysHandler);
