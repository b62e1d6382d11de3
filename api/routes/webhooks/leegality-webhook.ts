// POST /api/webhooks/leegality: HTTP only. services/pap/esign-webhook.ts checks the MAC, records
// the delivery once and signals the PAP agreement's run.
import { createRoute, z } from '@hono/zod-openapi';
import { receiveLeegalityWebhook } from '../../../services/pap/esign-webhook.js';
import { publicRoute } from '../../middleware/auth.js';
import { createRouter, problemResponse } from '../../openapi.js';

const Ack = z.object({ status: z.enum(['processed', 'duplicate', 'ignored']) }).openapi('LeegalityWebhookAck');

export const leegalityWebhookRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/leegality',
  tags: ['Webhooks'],
  summary: 'Leegality eSign webhook (MAC in the body); duplicates and unknown documents are acknowledged without work',
  description: 'Body `{ webhookType, documentId, documentStatus, irn, mac }` with `mac = hex(HMAC-SHA1(LEEGALITY_PRIVATE_SALT, documentId))`. Success + Completed moves the PAP agreement to PENDING_MOU_REVIEW (the signed PDF is fetched); Error records why in the live state.',
  ...publicRoute,
  responses: {
    200: { description: 'Acknowledged', content: { 'application/json': { schema: Ack } } },
    400: problemResponse('Not a Leegality webhook (malformed body)'),
    401: problemResponse('The MAC does not verify'),
  },
});

export const leegalityWebhookRouter = createRouter().openapi(leegalityWebhookRoute, async (c) => c.json({ status: await receiveLeegalityWebhook(c.get('deps'), await c.req.text()) }, 200));
