// Voice-AI post-call webhooks (ElevenLabs-style, signed). HTTP only: verification and the
// exactly-once intake are in services/hire/voice-webhook.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { VOICE_SIGNATURE_HEADER } from '../../../providers/voice/interface.js';
import { receiveVoiceWebhook } from '../../../services/hire/voice-webhook.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { createRouter, problemResponse } from '../../openapi.js';

const Ack = z.object({ status: z.enum(['processed', 'duplicate', 'ignored']) }).openapi('VoiceWebhookAck');

export const voiceWebhookRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/voice',
  tags: ['Webhooks'],
  summary: 'Voice-AI post-call webhook (signed): stores the interview transcript or the failed call once; duplicates are acknowledged without change',
  security: [{ voiceWebhookSignature: [] }],
  'x-roles': ['voice-webhook'],
  responses: {
    200: { description: 'Acknowledged', content: { 'application/json': { schema: Ack } } },
    400: problemResponse('Not a voice webhook body'),
    401: problemResponse('Bad, old or missing ElevenLabs-Signature'),
  },
});

export const voiceWebhookRouter = createRouter().openapi(voiceWebhookRoute, async (c) => {
  const deps = c.get('deps');
  const ack = await receiveVoiceWebhook(
    { db: deps.db, temporal: deps.temporal, logger: deps.logger, now: () => new Date() },
    { secret: deps.config.voice?.webhookSecret, signature: rawHeader(c, VOICE_SIGNATURE_HEADER.toLowerCase()), rawBody: await c.req.text() },
  );
  return c.json(ack, 200);
});
