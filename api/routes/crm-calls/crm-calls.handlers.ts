// CRM calls: click-to-call through Exotel (or a tel: link when it is off), manual call logs,
// and the lead's call history. Every lead is read through visibleLeadsWhere: one you may not
// see is a 404. The call log row exists before Exotel dials, so no call goes unrecorded.
import type { RouteHandler } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import { normalizePhone } from '../../../domain/crm/phone.js';
import { fromProviderStatus, nextCallStatus } from '../../../domain/lead-call/status.js';
import type { LeadCallLog, LeadCallOutcome, LeadCallStatus } from '../../../prisma/generated/client.js';
import { ExotelError, parseExotelTime } from '../../../providers/exotel/interface.js';
import { visibleLeadsWhere } from '../../../services/crm/lead-view.js';
import type { AppEnv } from '../../deps.js';
import type { ServiceDeps, AuthContext } from '../../../services/deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import { callWorkflowOptions } from '../webhooks/exotel-webhook.js';
import type { CallLogSchema, callLeadRoute, createCallLogRoute, listCallLogsRoute, updateCallLogRoute } from './crm-calls.routes.js';

/** Where Exotel posts the StatusCallback: the secret token is the only authentication it has. */
export const exotelCallbackUrl = (cfg: { publicApiUrl: string; callbackSecret: string }) =>
  `${cfg.publicApiUrl.replace(/\/+$/, '')}/api/webhooks/exotel/calls/${encodeURIComponent(cfg.callbackSecret)}`;

/** The telephony status a hand-logged call ended in, from what the salesperson says happened. */
const STATUS_OF_OUTCOME: Record<LeadCallOutcome, LeadCallStatus> = {
  connected: 'completed',
  interested: 'completed',
  not_interested: 'completed',
  call_back_later: 'completed',
  wrong_number: 'completed',
  no_answer: 'no_answer',
  busy: 'busy',
  switched_off: 'failed',
  failed: 'failed',
};

export function toCallLogView(r: LeadCallLog): z.infer<typeof CallLogSchema> {
  return {
    id: r.id,
    rawLeadId: r.rawLeadId,
    userId: r.userId,
    direction: r.direction,
    source: r.source,
    status: r.status,
    outcome: r.outcome,
    exotelCallSid: r.exotelCallSid,
    fromNumber: r.fromNumber,
    toNumber: r.toNumber,
    callerId: r.callerId,
    durationSeconds: r.durationSeconds,
    talkDurationSeconds: r.talkDurationSeconds,
    recordingUrl: r.recordingUrl,
    startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    costPaise: r.costPaise,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function visibleLead(deps: ServiceDeps, auth: AuthContext, id: string) {
  const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id }, visibleLeadsWhere(auth)] }, select: { id: true, phone: true } });
  if (!lead) throw new DomainError('NOT_FOUND', 'No such lead');
  return lead;
}

function connectProblem(deps: ServiceDeps, err: ExotelError, leadId: string): DomainError {
  if (err.status === 400) return new DomainError('UNPROCESSABLE', `Exotel refused the call: ${err.message}`);
  if (err.status === 401 || err.status === 403 || err.code === 'INVALID_RESPONSE') deps.logger.error({ err, leadId }, 'Exotel rejected our credentials or answered something unreadable');
  else deps.logger.warn({ err, leadId }, 'Exotel is unavailable for click-to-call');
  const retryAfter = err.retryAfterSeconds ?? (err.retryable ? 5 : null);
  return new DomainError('DEPENDENCY_UNAVAILABLE', 'Exotel could not place the call; try again shortly', undefined, retryAfter === null ? undefined : { 'Retry-After': String(retryAfter) });
}

export const callLeadHandler: RouteHandler<typeof callLeadRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const auth = c.get('auth')!;
  const deps = c.var.deps;
  const lead = await visibleLead(deps, auth, id);
  if (!lead.phone) throw new DomainError('UNPROCESSABLE', 'The lead has no phone number');
  const { exotel, config } = deps;
  if (!exotel || !config.exotel) return c.json({ mode: 'tel' as const, telLink: `tel:${lead.phone}` }, 200);

  const caller = await deps.db.user.findUnique({ where: { id: auth.userId }, select: { phone: true } });
  const from = caller?.phone ? normalizePhone(caller.phone) : null;
  if (!from) {
    throw new DomainError('UNPROCESSABLE', 'Exotel rings you first: add a valid phone number to your profile', [{ path: 'user.phone', message: 'Missing or not a phone number' }]);
  }
  const row = await deps.db.leadCallLog.create({
    data: { rawLeadId: lead.id, userId: auth.userId, direction: 'outbound', source: 'exotel', status: 'queued', fromNumber: from, toNumber: lead.phone, callerId: config.exotel.callerId },
    select: { id: true },
  });
  let call;
  try {
    call = await exotel.connectCall({ from, to: lead.phone, callerId: config.exotel.callerId, statusCallback: exotelCallbackUrl(config.exotel), customField: lead.id, record: true });
  } catch (err) {
    // Whatever went wrong, the row must not stay queued with no call behind it.
    const problem = err instanceof ExotelError ? connectProblem(deps, err, lead.id) : null;
    await deps.db.leadCallLog.update({ where: { id: row.id }, data: { status: 'failed', notes: `Not placed: ${problem?.message ?? (err instanceof Error ? err.message : String(err))}` } });
    throw problem ?? err;
  }
  const status = nextCallStatus('queued', fromProviderStatus(call.status) ?? 'queued');
  const now = new Date();
  await deps.db.$transaction([
    deps.db.leadCallLog.update({ where: { id: row.id }, data: { exotelCallSid: call.sid, status, startedAt: parseExotelTime(call.startTime) ?? now } }),
    deps.db.leadActivityLog.create({
      data: { rawLeadId: lead.id, performedBy: auth.userId, activityType: 'call_logged', description: 'Click-to-call placed through Exotel', metadata: { callLogId: row.id, callSid: call.sid, status } },
    }),
    deps.db.rawLead.update({ where: { id: lead.id }, data: { lastContactedAt: now } }),
  ]);
  // Watch the call from now on, so a call whose callbacks never arrive is still reconciled.
  try {
    await deps.temporal.workflow.start('exotelCall', { ...callWorkflowOptions(deps, call.sid), workflowIdConflictPolicy: 'USE_EXISTING' });
  } catch (err) {
    deps.logger.error({ err, callSid: call.sid }, 'exotel call placed but its sync workflow did not start; the first callback starts it');
  }
  return c.json({ mode: 'exotel' as const, callSid: call.sid, status, callLogId: row.id }, 202);
};

export const createCallLogHandler: RouteHandler<typeof createCallLogRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const auth = c.get('auth')!;
  const deps = c.var.deps;
  const lead = await visibleLead(deps, auth, id);
  const caller = await deps.db.user.findUnique({ where: { id: auth.userId }, select: { phone: true } });
  const startedAt = body.startedAt ? new Date(body.startedAt) : null;
  const now = new Date();
  const row = await deps.db.$transaction(async (tx) => {
    const created = await tx.leadCallLog.create({
      data: {
        rawLeadId: lead.id,
        userId: auth.userId,
        direction: body.direction,
        source: body.source,
        status: STATUS_OF_OUTCOME[body.outcome],
        outcome: body.outcome,
        fromNumber: body.direction === 'outbound' ? (caller?.phone ?? null) : lead.phone,
        toNumber: body.direction === 'outbound' ? lead.phone : (caller?.phone ?? null),
        durationSeconds: body.durationSeconds ?? null,
        startedAt,
        endedAt: startedAt && body.durationSeconds !== undefined ? new Date(startedAt.getTime() + body.durationSeconds * 1000) : null,
        notes: body.notes ?? null,
      },
    });
    await tx.leadActivityLog.create({
      data: {
        rawLeadId: lead.id,
        performedBy: auth.userId,
        activityType: 'call_logged',
        description: `Call logged: ${body.outcome.replaceAll('_', ' ')}`,
        metadata: { callLogId: created.id, outcome: body.outcome, source: body.source },
      },
    });
    await tx.rawLead.update({ where: { id: lead.id }, data: { lastContactedAt: startedAt && startedAt < now ? startedAt : now } });
    return created;
  });
  return c.json(toCallLogView(row), 201);
};

export const listCallLogsHandler: RouteHandler<typeof listCallLogsRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { cursor, limit } = c.req.valid('query');
  const deps = c.var.deps;
  await visibleLead(deps, c.get('auth')!, id);
  const page = keyset(cursor);
  const rows = await deps.db.leadCallLog.findMany({ where: { AND: [{ rawLeadId: id }, page.where] }, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toCallLogView), nextCursor }, 200);
};

export const updateCallLogHandler: RouteHandler<typeof updateCallLogRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const auth = c.get('auth')!;
  const deps = c.var.deps;
  const row = await deps.db.$transaction(async (tx) => {
    const current = await tx.leadCallLog.findFirst({ where: { id, rawLead: visibleLeadsWhere(auth) } });
    if (!current) throw new DomainError('NOT_FOUND', 'No such call');
    const updated = await tx.leadCallLog.update({
      where: { id },
      data: { ...(body.outcome !== undefined ? { outcome: body.outcome } : {}), ...(body.notes !== undefined ? { notes: body.notes } : {}) },
    });
    await tx.leadActivityLog.create({
      data: {
        rawLeadId: current.rawLeadId,
        performedBy: auth.userId,
        activityType: 'call_logged',
        description: body.outcome ? `Call outcome: ${body.outcome.replaceAll('_', ' ')}` : 'Call notes updated',
        metadata: { callLogId: id, from: { outcome: current.outcome, notes: current.notes }, to: body },
      },
    });
    return updated;
  });
  return c.json(toCallLogView(row), 200);
};
