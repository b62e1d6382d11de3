import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { MyWhatsAppMessagesQuery, WhatsAppMessagesQuery, WhatsAppMessageView } from './whatsapp-messages.schemas.js';

const TAGS = ['WhatsApp'];

export const myWhatsAppMessagesRoute = createRoute({
  method: 'get',
  path: '/api/me/whatsapp-messages',
  tags: TAGS,
  summary: 'The WhatsApp messages sent from (or to) your number, newest first, with their delivery status',
  ...bearer(EVERYONE),
  request: { query: MyWhatsAppMessagesQuery },
  responses: { 200: jsonResponse('A page of messages', pageSchema(WhatsAppMessageView).openapi('MyWhatsAppMessagePage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const whatsAppMessagesRoute = createRoute({
  method: 'get',
  path: '/api/whatsapp-messages',
  tags: TAGS,
  summary: 'Every user’s WhatsApp messages (staff), by user, job application or status',
  ...bearer(STAFF),
  request: { query: WhatsAppMessagesQuery },
  responses: { 200: jsonResponse('A page of messages', pageSchema(WhatsAppMessageView).openapi('WhatsAppMessagePage')), 400: problemResponse('Invalid query'), ...authProblems },
});
