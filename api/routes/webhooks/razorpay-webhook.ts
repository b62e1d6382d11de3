// POST /api/webhooks/razorpay: HTTP only. services/tokens/razorpay-webhook.ts verifies the
// signature over the raw bytes, records the event once and signals the purchase's workflow.
import { createRoute, z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from '../../../providers/razorpay/interface.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { createRouter, problemResponse } from '../../openapi.js';
import { receiveRazorpayWebhook } from '../../../services/tokens/razorpay-webhook.js';

const Ack = z.object({ status: z.enum(['processed', 'duplicate', 'ignored']) }).openapi('WebhookAck');

export const razorpayWebhookRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/razorpay',
  tags: ['Webhooks'],
  summary: 'Razorpay events (signed); duplicates, unknown orders and settled purchases are acknowledged without work',
  security: [{ razorpayWebhookSignature: [] }],
  'x-roles': ['razorpay-webhook'],
  responses: {
    200: { description: 'Acknowledged', content: { 'application/json': { schema: Ack } } },
    400: problemResponse('Not a Razorpay event (malformed body or missing event id)'),
    401: problemResponse('Bad or missing X-Razorpay-Signature'),
  },
});

export const razorpayWebhookRouter = createRouter().openapi(razorpayWebhookRoute, async (c) => {
  const status = await receiveRazorpayWebhook(c.get('deps'), {
    raw: await c.req.text(),
    signature: rawHeader(c, WEBHOOK_SIGNATURE_HEADER.toLowerCase()),
    eventId: rawHeader(c, WEBHOOK_EVENT_ID_HEADER),
  });
  return c.json({ status }, 200);
});
