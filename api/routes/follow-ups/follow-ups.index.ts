// Lead follow-ups with durable reminder timers (crm-followup/<followUpId>). The row and the
// timer start together (the workflow is started inside the transaction); rescheduling is a
// validated Workflow Update, completing is a signal.
import type { RouteHandler } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { workflowIds } from '../../../domain/ids.js';
import { closedSignal, rescheduleUpdate } from '../../../workflows/crm-followup/crm-followup.contract.js';
import { createFollowUpWithTimer, followUpSelect } from '../../../services/crm/follow-ups.js';
import { visibleLeadsWhere } from '../../../services/crm/lead-view.js';
import type { AppEnv } from '../../deps.js';
import type { AuthContext } from '../../../services/deps.js';
import { createRouter } from '../../openapi.js';
import { DomainError } from '../../../domain/errors.js';
import { completeFollowUpRoute, createFollowUpRoute, rescheduleFollowUpRoute } from './follow-ups.routes.js';

type Row = { dueAt: Date; reminderSentAt: Date | null };
const view = <T extends Row>(f: T) => ({ ...f, dueAt: f.dueAt.toISOString(), reminderSentAt: f.reminderSentAt?.toISOString() ?? null });
const select = followUpSelect;

function futureOrRefuse(iso: string) {
  if (new Date(iso).getTime() <= Date.now()) throw new DomainError('VALIDATION_FAILED', 'dueAt must be in the future', [{ path: 'json.dueAt', message: 'Must be in the future' }]);
}

async function visibleFollowUp(deps: AppEnv['Variables']['deps'], auth: AuthContext, id: string) {
  const f = await deps.db.leadFollowUp.findFirst({ where: { id, rawLead: visibleLeadsWhere(auth) }, select });
  if (!f) throw new DomainError('NOT_FOUND', 'No such follow-up');
  return f;
}

const create: RouteHandler<typeof createFollowUpRoute, AppEnv> = async (c) => {
  const { id: leadId } = c.req.valid('param');
  const body = c.req.valid('json');
  const auth = c.get('auth')!;
  const deps = c.var.deps;
  futureOrRefuse(body.dueAt);
  const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id: leadId }, visibleLeadsWhere(auth)] }, select: { id: true, assignedTo: true } });
  if (!lead) throw new DomainError('NOT_FOUND', 'No such lead you can see');
  const created = await createFollowUpWithTimer(
    { db: deps.db, temporal: deps.temporal, taskQueue: deps.config.taskQueue },
    { leadId, assigneeId: lead.assignedTo ?? auth.userId, dueAt: new Date(body.dueAt), channel: body.channel ?? 'call', note: body.note ?? null },
  );
  return c.json(view(created), 201);
};

const reschedule: RouteHandler<typeof rescheduleFollowUpRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { dueAt } = c.req.valid('json');
  const deps = c.var.deps;
  const f = await visibleFollowUp(deps, c.get('auth')!, id);
  if (f.status !== 'scheduled') throw new DomainError('CONFLICT', `The follow-up is ${f.status}`);
  futureOrRefuse(dueAt);
  try {
    await deps.temporal.workflow.getHandle(workflowIds.crmFollowUp(id)).executeUpdate(rescheduleUpdate, { args: [{ dueAt }] });
  } catch (err) {
    // Refused by the validator (closed), or the timer already fired and ended.
    if (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError) throw new DomainError('CONFLICT', 'The follow-up can no longer be rescheduled');
    throw err;
  }
  const updated = await deps.db.leadFollowUp.update({ where: { id }, data: { dueAt: new Date(dueAt) }, select });
  return c.json(view(updated), 200);
};

const complete: RouteHandler<typeof completeFollowUpRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const deps = c.var.deps;
  await visibleFollowUp(deps, c.get('auth')!, id);
  const moved = await deps.db.leadFollowUp.updateMany({ where: { id, status: 'scheduled' }, data: { status: 'completed', completedAt: new Date(), outcomeNote: c.req.valid('json').outcomeNote ?? null } });
  if (!moved.count) throw new DomainError('CONFLICT', 'The follow-up is already closed');
  // Best effort: a reminder that still fires finds the follow-up completed and does nothing.
  await deps.temporal.workflow
    .getHandle(workflowIds.crmFollowUp(id))
    .signal(closedSignal)
    .catch((err: unknown) => deps.logger.warn({ err, id }, 'follow-up completed but its timer could not be signalled'));
  return c.json(view(await deps.db.leadFollowUp.findUniqueOrThrow({ where: { id }, select })), 200);
};

export const followUpsRouter = createRouter().openapi(createFollowUpRoute, create).openapi(rescheduleFollowUpRoute, reschedule).openapi(completeFollowUpRoute, complete);
