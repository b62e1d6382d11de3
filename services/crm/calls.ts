// CRM calls: click-to-call through Exotel (or a tel: link when it is off), hand-logged calls,
// call history and outcomes. Click-to-call claims a queued lead_call_logs row in a short
// transaction (the lead row locked, so a double submit sees the first claim), calls Exotel with
// no transaction open, then records the answer: no call goes unrecorded or is dialled twice.
import { normalizePhone } from '../../domain/crm/phone.js';
import { DomainError } from '../../domain/errors.js';
import { fromProviderStatus, nextCallStatus, type LeadCallStatus } from '../../domain/lead-call/status.js';
import type { LeadCommDirection, LeadCallLog, LeadCallOutcome, Prisma } from '../../prisma/generated/client.js';
import { ExotelError, parseExotelTime } from '../../providers/exotel/interface.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { startCallSync } from './exotel-call.starter.js';
import { visibleLeadsWhere } from './lead-view.js';

/** Where Exotel posts the StatusCallback: the secret token is the only authentication it has. */
export const exotelCallbackUrl = (cfg: { publicApiUrl: string; callbackSecret: string }) =>
  `${cfg.publicApiUrl.replace(/\/+$/, '')}/api/webhooks/exotel/calls/${encodeURIComponent(cfg.callbackSecret)}`;

/** A queued row older than this was left by a request that died before Exotel answered. */
const QUEUED_STALE_MS = 2 * 60_000;
/** Exotel ends every call within its TimeLimit (at most 4 h): an older live row lost its callbacks. */
const LIVE_STALE_MS = 4 * 3600_000;
const LIVE: LeadCallStatus[] = ['ringing', 'in_progress'];

export type ClickToCall =
  | { mode: 'tel'; telLink: string }
  | { mode: 'exotel'; callSid: string; status: LeadCallStatus; callLogId: string; replayed: boolean };

/** What the first answer was, kept on the row so a retry with the same key gets it again. */
interface PlacedPayload {
  idempotencyKey?: string;
  placed?: { callSid: string; status: LeadCallStatus };
}

async function visibleLead(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string) {
  const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id }, visibleLeadsWhere(auth)] }, select: { id: true, phone: true } });
  if (!lead) throw new DomainError('NOT_FOUND', 'No such lead');
  return lead;
}

function connectProblem(deps: Pick<ServiceDeps, 'logger'>, err: ExotelError, leadId: string): DomainError {
  if (err.status === 400) return new DomainError('UNPROCESSABLE', `Exotel refused the call: ${err.message}`);
  if (err.status === 401 || err.status === 403 || err.code === 'INVALID_RESPONSE') deps.logger.error({ err, leadId }, 'Exotel rejected our credentials or answered something unreadable');
  else deps.logger.warn({ err, leadId }, 'Exotel is unavailable for click-to-call');
  const retryAfter = err.retryAfterSeconds ?? (err.retryable ? 5 : null);
  return new DomainError('DEPENDENCY_UNAVAILABLE', 'Exotel could not place the call; try again shortly', undefined, retryAfter === null ? undefined : { 'Retry-After': String(retryAfter) });
}

type Claim = { kind: 'claimed'; rowId: string } | { kind: 'replay'; answer: ClickToCall };

/**
 * In one short transaction under the lead's row lock: a retry with the same key replays the
 * first answer (or is told to wait while it is still being placed); otherwise a live call of
 * this user to this lead refuses the new one (409); else a queued row is claimed.
 */
async function claimCall(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, lead: { id: string; phone: string }, from: string, callerId: string, key: string | undefined): Promise<Claim> {
  return deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ${lead.id}::uuid FOR UPDATE`;
    if (key) {
      const prior = await tx.leadCallLog.findFirst({
        where: { userId: auth.userId, source: 'exotel', providerPayload: { path: ['idempotencyKey'], equals: key }, NOT: { status: 'failed', exotelCallSid: null } },
        orderBy: { createdAt: 'desc' },
      });
      if (prior) {
        if (prior.rawLeadId !== lead.id) throw new DomainError('UNPROCESSABLE', 'That Idempotency-Key was used to call another lead', [{ path: 'header.idempotency-key', message: 'Already used for another lead' }]);
        const placed = (prior.providerPayload as PlacedPayload | null)?.placed;
        if (!placed) throw new DomainError('CONFLICT', 'The call with this Idempotency-Key is still being placed', undefined, { 'Retry-After': '1' });
        return { kind: 'replay', answer: { mode: 'exotel', callSid: placed.callSid, status: placed.status, callLogId: prior.id, replayed: true } };
      }
    }
    const now = Date.now();
    const open = await tx.leadCallLog.findFirst({
      where: {
        rawLeadId: lead.id,
        userId: auth.userId,
        source: 'exotel',
        OR: [
          { status: 'queued', createdAt: { gt: new Date(now - QUEUED_STALE_MS) } },
          { status: { in: LIVE }, createdAt: { gt: new Date(now - LIVE_STALE_MS) } },
        ],
      },
      select: { id: true, status: true },
    });
    if (open) throw new DomainError('CONFLICT', `Your call to this lead is still ${open.status.replace('_', ' ')}; wait for it to end`);
    const payload: PlacedPayload = key ? { idempotencyKey: key } : {};
    const row = await tx.leadCallLog.create({
      data: { rawLeadId: lead.id, userId: auth.userId, direction: 'outbound', source: 'exotel', status: 'queued', fromNumber: from, toNumber: lead.phone, callerId, providerPayload: payload as Prisma.InputJsonValue },
      select: { id: true },
    });
    return { kind: 'claimed', rowId: row.id };
  });
}

export async function callLead(deps: ServiceDeps, auth: AuthContext, input: { leadId: string; idempotencyKey?: string | undefined }): Promise<ClickToCall> {
  const lead = await visibleLead(deps, auth, input.leadId);
  if (!lead.phone) throw new DomainError('UNPROCESSABLE', 'The lead has no phone number');
  const { exotel, config } = deps;
  if (!exotel || !config.exotel) return { mode: 'tel', telLink: `tel:${lead.phone}` };

  const caller = await deps.db.user.findUnique({ where: { id: auth.userId }, select: { phone: true } });
  const from = caller?.phone ? normalizePhone(caller.phone) : null;
  if (!from) {
    throw new DomainError('UNPROCESSABLE', 'Exotel rings you first: add a valid phone number to your profile', [{ path: 'user.phone', message: 'Missing or not a phone number' }]);
  }
  const claim = await claimCall(deps, auth, { id: lead.id, phone: lead.phone }, from, config.exotel.callerId, input.idempotencyKey);
  if (claim.kind === 'replay') return claim.answer;
  const rowId = claim.rowId;

  let call;
  try {
    call = await exotel.connectCall({ from, to: lead.phone, callerId: config.exotel.callerId, statusCallback: exotelCallbackUrl(config.exotel), customField: lead.id, record: true });
  } catch (err) {
    // Whatever went wrong, the row must not stay queued with no call behind it.
    const problem = err instanceof ExotelError ? connectProblem(deps, err, lead.id) : null;
    await deps.db.leadCallLog.update({ where: { id: rowId }, data: { status: 'failed', notes: `Not placed: ${problem?.message ?? (err instanceof Error ? err.message : String(err))}` } });
    throw problem ?? err;
  }
  const status = nextCallStatus('queued', fromProviderStatus(call.status) ?? 'queued');
  const now = new Date();
  const placed: PlacedPayload = { ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}), placed: { callSid: call.sid, status } };
  await deps.db.$transaction([
    deps.db.leadCallLog.update({ where: { id: rowId }, data: { exotelCallSid: call.sid, status, startedAt: parseExotelTime(call.startTime) ?? now, providerPayload: placed as Prisma.InputJsonValue } }),
    deps.db.leadActivityLog.create({
      data: { rawLeadId: lead.id, performedBy: auth.userId, activityType: 'call_logged', description: 'Click-to-call placed through Exotel', metadata: { callLogId: rowId, callSid: call.sid, status } },
    }),
    deps.db.rawLead.update({ where: { id: lead.id }, data: { lastContactedAt: now } }),
  ]);
  // Watch the call from now on, so a call whose callbacks never arrive is still reconciled.
  try {
    await startCallSync(deps, call.sid);
  } catch (err) {
    deps.logger.error({ err, callSid: call.sid }, 'exotel call placed but its sync workflow did not start; the first callback starts it');
  }
  return { mode: 'exotel', callSid: call.sid, status, callLogId: rowId, replayed: false };
}

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

export interface ManualCall {
  outcome: LeadCallOutcome;
  source: 'tel_link' | 'manual';
  direction: LeadCommDirection;
  durationSeconds?: number | undefined;
  startedAt?: string | undefined;
  notes?: string | undefined;
}

export async function logManualCall(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, leadId: string, body: ManualCall): Promise<LeadCallLog> {
  const lead = await visibleLead(deps, auth, leadId);
  const caller = await deps.db.user.findUnique({ where: { id: auth.userId }, select: { phone: true } });
  const startedAt = body.startedAt ? new Date(body.startedAt) : null;
  const now = new Date();
  return deps.db.$transaction(async (tx) => {
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
}

export async function listCallLogs(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, leadId: string, page: { where: Prisma.LeadCallLogWhereInput; orderBy: Prisma.LeadCallLogOrderByWithRelationInput[] | Prisma.LeadCallLogOrderByWithRelationInput; take: number }) {
  await visibleLead(deps, auth, leadId);
  return deps.db.leadCallLog.findMany({ where: { AND: [{ rawLeadId: leadId }, page.where] }, orderBy: page.orderBy, take: page.take });
}

export async function updateCallLog(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string, body: { outcome?: LeadCallOutcome | undefined; notes?: string | null | undefined }): Promise<LeadCallLog> {
  return deps.db.$transaction(async (tx) => {
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
        metadata: { callLogId: id, from: { outcome: current.outcome, notes: current.notes }, to: body } as Prisma.InputJsonValue,
      },
    });
    return updated;
  });
}
