import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { ApplicationId } from '../applications/applications.schemas.js';
import { ApplicationWhatsAppQuery, ApplicationWhatsAppQueued, ApplicationWhatsAppView, SendApplicationWhatsAppBody } from './application-whatsapp.schemas.js';

const TAGS = ['Program applications (admin)'];

export const sendApplicationWhatsAppRoute = createRoute({
  method: 'post',
  path: '/api/admin/applications/{id}/whatsapp',
  tags: TAGS,
  summary: 'Send the applicant a WhatsApp template or text about their application (staff); logged queued, then delivered durably from the platform number',
  description: 'A text is delivered by WhatsApp only within 24 hours of the applicant’s last message (else the row ends failed). Answers 202 with the row as logged (queued). Statuses (sent, delivered, read, failed) arrive through the signed WhatsApp webhook; the applicant’s replies join the thread.',
  ...bearer(STAFF),
  request: { params: ApplicationId, body: jsonBody(SendApplicationWhatsAppBody) },
  responses: {
    202: jsonResponse('The message, queued', ApplicationWhatsAppQueued),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such application'),
    422: problemResponse('The application has no usable phone number'),
  },
});

export const listApplicationWhatsAppRoute = createRoute({
  method: 'get',
  path: '/api/admin/applications/{id}/whatsapp',
  tags: TAGS,
  summary: 'The application’s WhatsApp thread, newest first: staff sends and the applicant’s replies (staff)',
  ...bearer(STAFF),
  request: { params: ApplicationId, query: ApplicationWhatsAppQuery },
  responses: { 200: jsonResponse('A page of messages', pageSchema(ApplicationWhatsAppView).openapi('ApplicationWhatsAppPage')), 400: problemResponse('Invalid id or cursor'), ...authProblems, 404: problemResponse('No such application') },
});
