// POST /api/webhooks/exotel/calls/{secret}: Exotel's StatusCallback. It is not signed, so the
// secret token in the path authenticates it (constant-time compare); services/crm/exotel-callbacks.ts
// hands it to exotel-call/<CallSid>. Every authentic callback is acknowledged 200, late or repeated.
import { createRoute, z } from '@hono/zod-openapi';
import { callbackTokenMatches, parseStatusCallback } from '../../../providers/exotel/callbacks.js';
import { acceptExotelCallback } from '../../../services/crm/exotel-callbacks.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { createRouter, problemResponse } from '../../openapi.js';
import { DomainError } from '../../../domain/errors.js';

const Ack = z.object({ status: z.enum(['processed', 'duplicate']) }).openapi('ExotelCallbackAck');

export const exotelCallbackRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/exotel/calls/{secret}',
  tags: ['Webhooks'],
  summary: 'Exotel StatusCallback (unsigned: a secret token in the path); the call is re-fetched from Exotel before anything is written',
  security: [],
  'x-roles': ['exotel-callback'],
  request: { params: z.object({ secret: z.string().min(1).max(256).openapi({ param: { name: 'secret', in: 'path' }, description: 'EXOTEL_CALLBACK_SECRET' }) }) },
  responses: {
    200: { description: 'Acknowledged', content: { 'application/json': { schema: Ack } } },
    400: problemResponse('Not an Exotel StatusCallback'),
    401: problemResponse('Wrong callback token'),
    404: problemResponse('Exotel is not configured'),
  },
});

export const exotelWebhookRouter = createRouter().openapi(exotelCallbackRoute, async (c) => {
  const deps = c.get('deps');
  const cfg = deps.config.exotel;
  if (!cfg || !deps.exotel) throw new DomainError('NOT_FOUND', 'Exotel is not configured');
  if (!callbackTokenMatches(c.req.valid('param').secret, cfg.callbackSecret)) throw new DomainError('UNAUTHENTICATED', 'Unknown callback token');
  const parsed = parseStatusCallback(await c.req.text(), rawHeader(c, 'content-type'));
  if (!parsed.ok) throw new DomainError('BAD_REQUEST', `Not an Exotel StatusCallback: ${parsed.detail}`);
  return c.json({ status: await acceptExotelCallback(deps, parsed.callback, parsed.raw) }, 200);
});
