import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { SaveWhatsAppConfigBody, WhatsAppConfigId, WhatsAppConfigsQuery, WhatsAppConfigView } from './whatsapp-configs.schemas.js';

const TAGS = ['WhatsApp'];

export const getMyWhatsAppConfigRoute = createRoute({
  method: 'get',
  path: '/api/me/whatsapp-config',
  tags: TAGS,
  summary: 'My own WhatsApp business number config, without the token',
  ...bearer(CRM_ROLES),
  responses: { 200: jsonResponse('My config', WhatsAppConfigView), ...authProblems, 404: problemResponse('No config') },
});

export const saveMyWhatsAppConfigRoute = createRoute({
  method: 'put',
  path: '/api/me/whatsapp-config',
  tags: TAGS,
  summary: 'Save my own WhatsApp business number (replacing the one I had); the token is checked with WhatsApp first',
  description: 'The phone number id and token are checked with GET /{phoneNumberId} on the Graph API. Only a pair WhatsApp accepts is stored; the token sealed with AES-256-GCM, the webhook verify token as SHA-256. Sends made on my behalf (CRM workflows, outreach) then go out from this number.',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(SaveWhatsAppConfigBody) },
  responses: {
    200: jsonResponse('Replaced my config', WhatsAppConfigView),
    201: jsonResponse('Saved', WhatsAppConfigView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    409: problemResponse('Another user has configured this phone number id'),
    422: problemResponse('WhatsApp refused the token or could not be reached; nothing was saved'),
  },
});

export const deleteMyWhatsAppConfigRoute = createRoute({
  method: 'delete',
  path: '/api/me/whatsapp-config',
  tags: TAGS,
  summary: 'Deactivate my WhatsApp config (sends go out from the platform number again)',
  ...bearer(CRM_ROLES),
  responses: { 204: { description: 'Deactivated' }, ...authProblems, 404: problemResponse('No config') },
});

export const adminListWhatsAppConfigsRoute = createRoute({
  method: 'get',
  path: '/api/admin/whatsapp-configs',
  tags: TAGS,
  summary: 'Every user’s WhatsApp config (without tokens)',
  ...bearer(STAFF),
  request: { query: WhatsAppConfigsQuery },
  responses: { 200: jsonResponse('A page of configs', pageSchema(WhatsAppConfigView).openapi('WhatsAppConfigPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const adminRevokeWhatsAppConfigRoute = createRoute({
  method: 'post',
  path: '/api/admin/whatsapp-configs/{id}/revoke',
  tags: TAGS,
  summary: 'Revoke a WhatsApp config: the sealed token is wiped and the config deactivated',
  ...bearer(STAFF),
  request: { params: WhatsAppConfigId },
  responses: { 200: jsonResponse('The revoked config', WhatsAppConfigView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such config') },
});
