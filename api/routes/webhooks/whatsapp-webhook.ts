// WhatsApp Cloud API webhooks. GET answers Meta's subscription handshake (hub.verify_token);
// POST verifies X-Hub-Signature-256 over the raw bytes, then services/crm/whatsapp-statuses.ts
// records each status and moves the message rows forward only: an authentic delivery is
// acknowledged 200 whatever state its message is in (duplicates and late statuses change nothing).
import { createRoute, z } from '@hono/zod-openapi';
import { WEBHOOK_SIGNATURE_HEADER } from '../../../providers/whatsapp/interface.js';
import { constantTimeEqual } from '../../../providers/whatsapp/signatures.js';
import { parseStatusWebhook } from '../../../providers/whatsapp/webhooks.js';
import { applyWhatsAppStatuses } from '../../../services/crm/whatsapp-statuses.js';
import { recordInboundWhatsApp } from '../../../services/notifications/whatsapp-inbound.js';
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
    /** Inbound messages stored by this delivery (absent when it carried none; 0 for a redelivery). */
    stored: z.number().int().nonnegative().optional(),
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
  summary: 'WhatsApp status updates and inbound messages (signed): moves message rows forward, stores inbound messages once by wamid; duplicates are acknowledged without change',
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
    const expected = c.get('deps').config.whatsapp?.verifyToken;
    const token = q['hub.verify_token'];
    if (!expected || q['hub.mode'] !== 'subscribe' || token === undefined || !constantTimeEqual(token, expected)) {
      throw new DomainError('FORBIDDEN', 'The webhook verify token does not match');
    }
    const challenge = q['hub.challenge'];
    if (!challenge) throw new DomainError('BAD_REQUEST', 'hub.challenge is missing');
    return c.text(challenge, 200);
  })
  .openapi(whatsappStatusRoute, async (c) => {
    const deps = c.get('deps');
    const appSecret = deps.config.whatsapp?.appSecret;
    const raw = await c.req.text();
    if (!appSecret) throw new DomainError('INVALID_SIGNATURE', 'WhatsApp webhooks are off');
    const parsed = parseStatusWebhook(raw, rawHeader(c, WEBHOOK_SIGNATURE_HEADER.toLowerCase()), appSecret);
    if (!parsed.ok) {
      if (parsed.reason === 'bad_signature') throw new DomainError('INVALID_SIGNATURE', `The ${WEBHOOK_SIGNATURE_HEADER} header does not match the body`);
      throw new DomainError('BAD_REQUEST', `Not a WhatsApp webhook: ${parsed.detail}`);
    }
    const inbound = parsed.messages.length ? await recordInboundWhatsApp(deps, parsed.messages) : null;
    if (inbound) deps.logger.info({ stored: inbound.stored, duplicates: inbound.duplicates, unrouted: inbound.unrouted, optOuts: inbound.optOuts }, 'whatsapp webhook: inbound messages');
    const stored = inbound ? { stored: inbound.stored } : {};
    if (parsed.statuses.length === 0) return c.json({ status: inbound ? ('processed' as const) : ('ignored' as const), updated: 0, ...stored }, 200);
    const updated = await applyWhatsAppStatuses(deps.db, parsed.statuses);
    if (updated === 0) deps.logger.debug({ statuses: parsed.statuses.map((s) => `${s.id}:${s.status}`) }, 'whatsapp webhook: nothing moved');
    return c.json({ status: 'processed' as const, updated, ...stored }, 200);
  });
