// POST /api/webhooks/razorpay: verifies X-Razorpay-Signature over the raw bytes, deduplicates
// on x-razorpay-event-id (webhook_events), and signals payment/token/<purchaseId>. The dedupe
// row and the signal commit together: if the signal fails, the row rolls back and Razorpay's
// retry is processed. Delivery is at least once and in any order; the workflow copes.
import { createRoute, z } from '@hono/zod-openapi';
import { parseWebhookEvent } from '../../../providers/razorpay/webhooks.js';
import { WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from '../../../providers/razorpay/interface.js';
import { Prisma } from '../../../prisma/generated/client.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { createRouter, problemResponse } from '../../openapi.js';
import { DomainError } from '../../../domain/errors.js';
import { signalPaymentCaptured, signalPaymentFailed } from '../../../services/tokens/token-purchase.starter.js';

const Ack = z.object({ status: z.enum(['processed', 'duplicate', 'ignored']) }).openapi('WebhookAck');

export const razorpayWebhookRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/razorpay',
  tags: ['Webhooks'],
  summary: 'Razorpay events (signed); duplicates and unknown orders are acknowledged without work',
  security: [{ razorpayWebhookSignature: [] }],
  'x-roles': ['razorpay-webhook'],
  responses: {
    200: { description: 'Acknowledged', content: { 'application/json': { schema: Ack } } },
    400: problemResponse('Not a Razorpay event (malformed body or missing event id)'),
    401: problemResponse('Bad or missing X-Razorpay-Signature'),
  },
});

export const razorpayWebhookRouter = createRouter().openapi(razorpayWebhookRoute, async (c) => {
  const deps = c.var.deps;
  const raw = await c.req.text();
  const parsed = parseWebhookEvent(raw, rawHeader(c, WEBHOOK_SIGNATURE_HEADER.toLowerCase()), deps.config.razorpay.webhookSecret);
  if (!parsed.ok) {
    if (parsed.reason === 'bad_signature') throw new DomainError('INVALID_SIGNATURE', 'The webhook signature does not match the body');
    if (parsed.reason === 'ignored') return c.json({ status: 'ignored' as const }, 200);
    throw new DomainError('BAD_REQUEST', `Not a Razorpay event: ${parsed.detail}`);
  }
  const eventId = rawHeader(c, WEBHOOK_EVENT_ID_HEADER);
  if (!eventId) throw new DomainError('BAD_REQUEST', `Missing ${WEBHOOK_EVENT_ID_HEADER}`);
  const { event } = parsed;
  const payment = event.payload.payment?.entity;
  const orderId = payment?.order_id ?? event.payload.order?.entity.id;
  const purchase = orderId
    ? await deps.db.tokenPurchase.findUnique({ where: { razorpayOrderId: orderId }, select: { id: true, userId: true, razorpayOrderId: true, tokens: true, amountPaise: true } })
    : null;
  try {
    const status = await deps.db.$transaction(async (tx) => {
      await tx.webhookEvent.create({ data: { provider: 'razorpay', eventId, eventType: event.event, subjectId: orderId ?? null } });
      if (!purchase?.razorpayOrderId || !payment) return 'ignored' as const;
      const ref = { ...purchase, razorpayOrderId: purchase.razorpayOrderId };
      if (event.event === 'payment.failed') await signalPaymentFailed(deps, ref, payment.id);
      else if (event.event === 'payment.captured' || event.event === 'payment.authorized' || event.event === 'order.paid') await signalPaymentCaptured(deps, ref, payment.id, 'webhook');
      else return 'ignored' as const;
      return 'processed' as const;
    });
    return c.json({ status }, 200);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return c.json({ status: 'duplicate' as const }, 200);
    throw err;
  }
});
