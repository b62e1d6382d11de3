// POST /api/webhooks/exotel/calls/{secret}: Exotel's StatusCallback. It is not signed, so the
// secret token in the path authenticates it (constant-time compare), and its figures are only
// a hint: exotel-call/<CallSid> re-fetches the call before writing. Duplicates (same CallSid and
// event, in webhook_events) are acknowledged without work; the dedupe row and the signal commit
// together, so a failed signal leaves Exotel's retry to be processed.
import { createRoute, z } from '@hono/zod-openapi';
import { workflowIds } from '../../../domain/ids.js';
import { Prisma } from '../../../prisma/generated/client.js';
import { callbackTokenMatches, parseStatusCallback } from '../../../providers/exotel/callbacks.js';
import type { ExotelStatusCallback } from '../../../providers/exotel/interface.js';
import { callEventSignal, type CallEvent, type ExotelCallInput } from '../../../workflows/exotel-call/exotel-call.contract.js';
import { MasEntityId, MasEntityType, MasState } from '../../../workflows/search-attributes.js';
import type { ServiceDeps } from '../../../services/deps.js';
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

/** exotel-call/<CallSid>: started when the call is placed and by its first callback, whichever comes first. */
export function callWorkflowOptions(deps: Pick<ServiceDeps, 'config'>, callSid: string) {
  const input: ExotelCallInput = { callSid };
  return {
    taskQueue: deps.config.taskQueue,
    workflowId: workflowIds.exotelCall(callSid),
    args: [input] as [ExotelCallInput],
    staticSummary: `Exotel call ${callSid}`,
    typedSearchAttributes: [
      { key: MasEntityType, value: 'lead_call' },
      { key: MasEntityId, value: callSid },
      { key: MasState, value: 'SYNCING' },
    ],
  };
}

async function signalCallEvent(deps: ServiceDeps, cb: ExotelStatusCallback, raw: Record<string, unknown>) {
  const event: CallEvent = { eventType: cb.eventType, status: cb.status, receivedAt: new Date().toISOString(), payload: raw };
  await deps.temporal.workflow.signalWithStart('exotelCall', { ...callWorkflowOptions(deps, cb.callSid), signal: callEventSignal, signalArgs: [event] });
}

export const exotelWebhookRouter = createRouter().openapi(exotelCallbackRoute, async (c) => {
  const deps = c.var.deps;
  const cfg = deps.config.exotel;
  if (!cfg || !deps.exotel) throw new DomainError('NOT_FOUND', 'Exotel is not configured');
  if (!callbackTokenMatches(c.req.valid('param').secret, cfg.callbackSecret)) throw new DomainError('UNAUTHENTICATED', 'Unknown callback token');
  const parsed = parseStatusCallback(await c.req.text(), rawHeader(c, 'content-type'));
  if (!parsed.ok) throw new DomainError('BAD_REQUEST', `Not an Exotel StatusCallback: ${parsed.detail}`);
  const cb = parsed.callback;
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.webhookEvent.create({ data: { provider: 'exotel', eventId: `${cb.callSid}:${cb.eventType}`, eventType: `call.${cb.eventType}`, subjectId: cb.callSid } });
      await signalCallEvent(deps, cb, parsed.raw);
    });
    return c.json({ status: 'processed' as const }, 200);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return c.json({ status: 'duplicate' as const }, 200);
    throw err;
  }
});
