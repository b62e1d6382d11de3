// Lead follow-ups with durable reminder timers (crm-followup/<followUpId>). The row and the
// timer start together: the workflow is started inside the transaction, so a failed start rolls
// the row back (used by the REST route and by CRM workflow actions). Rescheduling is a
// validated Workflow Update, completing a signal; the reminder is claimed once.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { LeadFollowUpChannel } from '../../prisma/generated/client.js';
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import type { Logger } from '../../infra/logger.js';
import type { Db } from '../../infra/prisma.js';
import { closedSignal, rescheduleUpdate, type CrmFollowUpInput } from '../../workflows/crm-followup/crm-followup.contract.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { visibleLeadsWhere } from './lead-view.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import { notify } from '../notifications/centre.js';

export const followUpSelect = { id: true, rawLeadId: true, assigneeId: true, dueAt: true, status: true, channel: true, note: true, outcomeNote: true, reminderSentAt: true, temporalWorkflowId: true } as const;

export interface NewFollowUp {
  leadId: string;
  assigneeId: string | null;
  dueAt: Date;
  channel: LeadFollowUpChannel;
  note: string | null;
}

export async function createFollowUpWithTimer(deps: { db: Db; temporal: Client; taskQueue: string }, f: NewFollowUp) {
  return deps.db.$transaction(async (tx) => {
    const row = await tx.leadFollowUp.create({
      data: { rawLeadId: f.leadId, assigneeId: f.assigneeId, dueAt: f.dueAt, channel: f.channel, note: f.note },
      select: { id: true },
    });
    const workflowId = workflowIds.crmFollowUp(row.id);
    const dueAt = f.dueAt.toISOString();
    const input: CrmFollowUpInput = { followUpId: row.id, dueAt };
    await deps.temporal.workflow.start('crmFollowUp', {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [input],
      staticSummary: `CRM follow-up · lead ${f.leadId.slice(0, 8)} · due ${dueAt.slice(0, 16).replace('T', ' ')}`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'crm_follow_up' },
        { key: MasEntityId, value: row.id },
        { key: MasState, value: 'SCHEDULED' },
        ...(f.assigneeId ? [{ key: MasUserId, value: f.assigneeId }] : []),
      ],
    });
    return tx.leadFollowUp.update({ where: { id: row.id }, data: { temporalWorkflowId: workflowId }, select: followUpSelect });
  });
}

function futureOrRefuse(iso: string) {
  if (new Date(iso).getTime() <= Date.now()) throw new DomainError('VALIDATION_FAILED', 'dueAt must be in the future', [{ path: 'json.dueAt', message: 'Must be in the future' }]);
}

async function visibleFollowUp(db: Db, auth: AuthContext, id: string) {
  const f = await db.leadFollowUp.findFirst({ where: { id, rawLead: visibleLeadsWhere(auth) }, select: followUpSelect });
  if (!f) throw new DomainError('NOT_FOUND', 'No such follow-up');
  return f;
}

/** A follow-up on a lead the caller may see, for its assignee (or the caller when unassigned). */
export async function createFollowUp(
  deps: Pick<ServiceDeps, 'db' | 'temporal' | 'config'>,
  auth: AuthContext,
  leadId: string,
  body: { dueAt: string; channel?: LeadFollowUpChannel | undefined; note?: string | undefined },
) {
  futureOrRefuse(body.dueAt);
  const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id: leadId }, visibleLeadsWhere(auth)] }, select: { id: true, assignedTo: true } });
  if (!lead) throw new DomainError('NOT_FOUND', 'No such lead you can see');
  return createFollowUpWithTimer(
    { db: deps.db, temporal: deps.temporal, taskQueue: deps.config.taskQueue },
    { leadId, assigneeId: lead.assignedTo ?? auth.userId, dueAt: new Date(body.dueAt), channel: body.channel ?? 'call', note: body.note ?? null },
  );
}

export async function rescheduleFollowUp(deps: Pick<ServiceDeps, 'db' | 'temporal'>, auth: AuthContext, id: string, dueAt: string) {
  const f = await visibleFollowUp(deps.db, auth, id);
  if (f.status !== 'scheduled') throw new DomainError('CONFLICT', `The follow-up is ${f.status}`);
  futureOrRefuse(dueAt);
  try {
    await deps.temporal.workflow.getHandle(workflowIds.crmFollowUp(id)).executeUpdate(rescheduleUpdate, { args: [{ dueAt }] });
  } catch (err) {
    // Refused by the validator (closed), or the timer already fired and ended.
    if (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError) throw new DomainError('CONFLICT', 'The follow-up can no longer be rescheduled');
    throw err;
  }
  return deps.db.leadFollowUp.update({ where: { id }, data: { dueAt: new Date(dueAt) }, select: followUpSelect });
}

export async function completeFollowUp(deps: { db: Db; temporal: Client; logger: Logger }, auth: AuthContext, id: string, outcomeNote: string | undefined) {
  await visibleFollowUp(deps.db, auth, id);
  const moved = await deps.db.leadFollowUp.updateMany({ where: { id, status: 'scheduled' }, data: { status: 'completed', completedAt: new Date(), outcomeNote: outcomeNote ?? null } });
  if (!moved.count) throw new DomainError('CONFLICT', 'The follow-up is already closed');
  // Best effort: a reminder that still fires finds the follow-up completed and does nothing.
  await deps.temporal.workflow
    .getHandle(workflowIds.crmFollowUp(id))
    .signal(closedSignal)
    .catch((err: unknown) => deps.logger.warn({ err, id }, 'follow-up completed but its timer could not be signalled'));
  return deps.db.leadFollowUp.findUniqueOrThrow({ where: { id }, select: followUpSelect });
}

/** The timer fired: notify the assignee once. A conditional update claims the reminder, so a retry does nothing. */
export async function remindFollowUp(deps: { db: Db; now: () => Date }, followUpId: string): Promise<{ reminded: boolean }> {
  return deps.db.$transaction(async (tx) => {
    const claimed = await tx.leadFollowUp.updateMany({ where: { id: followUpId, status: 'scheduled', reminderSentAt: null }, data: { reminderSentAt: deps.now() } });
    if (!claimed.count) return { reminded: false };
    const f = await tx.leadFollowUp.findUniqueOrThrow({ where: { id: followUpId }, include: { rawLead: { select: { name: true } } } });
    if (f.assigneeId) {
      await notify(tx, {
        userId: f.assigneeId,
        type: 'REMINDER',
        title: `Follow up with ${f.rawLead.name}`,
        message: f.note ?? `A ${f.channel} follow-up is due now.`,
        actionUrl: `/crm/leads/${f.rawLeadId}`,
        data: { followUpId, rawLeadId: f.rawLeadId },
      });
    }
    return { reminded: true };
  });
}
