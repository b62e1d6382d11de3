// WhatsApp Cloud API webhooks. GET answers Meta's subscription handshake (hub.verify_token);
// POST verifies X-Hub-Signature-256 over the raw bytes, then moves the matching message rows
// (whatsapp_messages by wamid, lead_whatsapp_logs by provider 'meta_cloud' + provider_message_id)
// forward only: sent < delivered < read, failed is terminal. Each move is one conditional UPDATE
// whose WHERE lists the states it may leave, so duplicates and late, out-of-order statuses
// change nothing, and two deliveries racing cannot move a row backwards.
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../../infra/prisma.js';
import { LEAD_LOG_PROVIDER, WEBHOOK_SIGNATURE_HEADER, type DeliveryStatus, type StatusUpdate } from '../../../providers/whatsapp/interface.js';
import { constantTimeEqual } from '../../../providers/whatsapp/signatures.js';
import { parseStatusWebhook } from '../../../providers/whatsapp/webhooks.js';
import type { Prisma } from '../../../prisma/generated/client.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { createRouter, problemResponse } from '../../openapi.js';
import { DomainError } from '../../../domain/errors.js';

const VerifyQuery = z.object({
  'hub.mode': z.string().optional().openapi({ example: 'subscribe' }),
  'hub.verify_token': z.string().optional(),
  'hub.challenge': z.string().optional().openapi({ example: '1158201444' }),
});

const Ack = z
  .object({
    status: z.enum(['processed', 'ignored']),
    /** Message rows moved forward by this delivery (0 for duplicates and late statuses). */
    updated: z.number().int().nonnegative(),
  })
  .openapi('WhatsAppWebhookAck');

export const whatsappVerifyRoute = createRoute({
  method: 'get',
  path: '/api/webhooks/whatsapp',
  tags: ['Webhooks'],
  summary: 'WhatsApp webhook subscription handshake: echoes hub.challenge when hub.verify_token matches',
  request: { query: VerifyQuery },
  'x-roles': ['whatsapp-webhook'],
  responses: {
    200: { description: 'The hub.challenge, as text', content: { 'text/plain': { schema: z.string() } } },
    400: problemResponse('hub.challenge is missing'),
    403: problemResponse('Wrong hub.mode or hub.verify_token, or WhatsApp is off'),
  },
});

export const whatsappStatusRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/whatsapp',
  tags: ['Webhooks'],
  summary: 'WhatsApp status updates (signed): moves message rows forward; duplicates and late statuses are acknowledged without change',
  security: [{ whatsappWebhookSignature: [] }],
  'x-roles': ['whatsapp-webhook'],
  responses: {
    200: { description: 'Acknowledged', content: { 'application/json': { schema: Ack } } },
    400: problemResponse('Not a WhatsApp webhook body'),
    401: problemResponse('Bad or missing X-Hub-Signature-256'),
  },
});

export const whatsappWebhookRouter = createRouter()
  .openapi(whatsappVerifyRoute, (c) => {
    const q = c.req.valid('query');
    const expected = c.var.deps.config.whatsapp?.verifyToken;
    const token = q['hub.verify_token'];
    if (!expected || q['hub.mode'] !== 'subscribe' || token === undefined || !constantTimeEqual(token, expected)) {
      throw new DomainError('FORBIDDEN', 'The webhook verify token does not match');
    }
    const challenge = q['hub.challenge'];
    if (!challenge) throw new DomainError('BAD_REQUEST', 'hub.challenge is missing');
    return c.text(challenge, 200);
  })
  .openapi(whatsappStatusRoute, async (c) => {
    const deps = c.var.deps;
    const appSecret = deps.config.whatsapp?.appSecret;
    const raw = await c.req.text();
    if (!appSecret) throw new DomainError('INVALID_SIGNATURE', 'WhatsApp webhooks are off');
    const parsed = parseStatusWebhook(raw, rawHeader(c, WEBHOOK_SIGNATURE_HEADER.toLowerCase()), appSecret);
    if (!parsed.ok) {
      if (parsed.reason === 'bad_signature') throw new DomainError('INVALID_SIGNATURE', `The ${WEBHOOK_SIGNATURE_HEADER} header does not match the body`);
      throw new DomainError('BAD_REQUEST', `Not a WhatsApp webhook: ${parsed.detail}`);
    }
    if (parsed.statuses.length === 0) return c.json({ status: 'ignored' as const, updated: 0 }, 200);
    let updated = 0;
    // In the order given: one body may carry several statuses of the same message.
    for (const s of parsed.statuses) updated += await applyStatus(deps.db, s);
    if (updated === 0) deps.logger.debug({ statuses: parsed.statuses.map((s) => `${s.id}:${s.status}`) }, 'whatsapp webhook: nothing moved');
    return c.json({ status: 'processed' as const, updated }, 200);
  });

/** The states each incoming status may move a row out of. whatsapp_messages starts at `sent`. */
const MESSAGE_FROM: Record<DeliveryStatus, ('sent' | 'delivered')[]> = {
  sent: [],
  delivered: ['sent'],
  read: ['sent', 'delivered'],
  failed: ['sent', 'delivered'],
};
const LEAD_LOG_FROM: Record<DeliveryStatus, ('queued' | 'sent' | 'delivered')[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  read: ['queued', 'sent', 'delivered'],
  failed: ['queued', 'sent', 'delivered'],
};

/** Updates every row carrying this wamid that the status moves forward; returns how many. */
async function applyStatus(db: Db, s: StatusUpdate): Promise<number> {
  const at = new Date(Number(s.timestamp) * 1000);
  const error = s.errors?.[0];
  const errorCode = error ? String(error.code) : null;
  const errorMessage = error ? [error.title, error.message, error.error_data?.details].filter(Boolean).join(': ') : null;
  const payload = s as unknown as Prisma.InputJsonValue;

  // `sent` only fills in sentAt on whatsapp_messages (the row is born `sent`).
  const message =
    s.status === 'sent'
      ? db.whatsAppMessage.updateMany({ where: { wamid: s.id, direction: 'outbound', status: 'sent', sentAt: null }, data: { sentAt: at, providerPayload: payload } })
      : db.whatsAppMessage.updateMany({
          where: { wamid: s.id, direction: 'outbound', status: { in: MESSAGE_FROM[s.status] } },
          data: {
            status: s.status,
            providerPayload: payload,
            ...(s.status === 'delivered' ? { deliveredAt: at } : {}),
            ...(s.status === 'read' ? { readAt: at } : {}),
            ...(s.status === 'failed' ? { failedAt: at, errorCode, errorMessage } : {}),
          },
        });
  const leadLog = db.leadWhatsAppLog.updateMany({
    // provider + provider_message_id is the table's unique index.
    where: { provider: LEAD_LOG_PROVIDER, providerMessageId: s.id, direction: 'outbound', status: { in: LEAD_LOG_FROM[s.status] } },
    data: {
      status: s.status,
      ...(s.status === 'sent' ? { sentAt: at } : {}),
      ...(s.status === 'delivered' ? { deliveredAt: at } : {}),
      ...(s.status === 'read' ? { readAt: at } : {}),
      ...(s.status === 'failed' ? { errorCode, errorMessage } : {}),
    },
  });
  const [m, l] = await Promise.all([message, leadLog]);
  return m.count + l.count;
}
