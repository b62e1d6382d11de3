// CRM trigger events: lead captured, status changed, assigned. Each event enrolls the lead in
// every PUBLISHED workflow of its platform whose trigger node matches, pinned to the latest
// version. A lead already enrolled there is not enrolled again (see the enrollment starter).
import type { Client } from '@temporalio/client';
import type { WorkflowNode } from '../../domain/crm-engine/definition.js';
import { triggerNode } from '../../domain/crm-engine/graph.js';
import type { Logger } from '../../infra/logger.js';
import type { Db } from '../../infra/prisma.js';
import type { CrmWorkflowTriggerType, Prisma } from '../../prisma/generated/client.js';
import { startBulkOperation } from './bulk.starter.js';
import { mapLimit, startEnrollment, versionOf, WORKFLOW_HEAD_SELECT, type EnrollResult } from './enrollment.starter.js';

/** More matching leads than this (e.g. a CSV import's chunk) go to a bulk-enroll workflow
 * instead of being started inline in the request. */
export const INLINE_ENROLL_LIMIT = 25;

export interface TriggerDeps {
  db: Db;
  temporal: Client;
  logger: Logger;
  config: { taskQueue: string; crmBulkBatchSize?: number; crmEnrollmentStepsPerRun?: number };
}

export type LeadEvent =
  | { type: 'LEAD_CREATED'; leadId: string; platform: string; sourceType?: string; formId?: string | null }
  | { type: 'LEAD_STATUS_CHANGED'; leadId: string; platform: string; fromStatus: string | null; toStatus: string }
  | { type: 'LEAD_ASSIGNED'; leadId: string; platform: string; assignedTo: string };

/** Captures that count as a form submission (form_submitted triggers). */
const FORM_SOURCES = new Set(['website', 'campaign', 'webinar']);

export function triggerMatches(node: WorkflowNode, e: LeadEvent): boolean {
  switch (node.type) {
    case 'trigger.lead_created':
      return e.type === 'LEAD_CREATED';
    case 'trigger.form_submitted':
      return e.type === 'LEAD_CREATED' && FORM_SOURCES.has(e.sourceType ?? '') && (!node.formId || node.formId === e.formId);
    case 'trigger.lead_status_changed':
      return (
        e.type === 'LEAD_STATUS_CHANGED' &&
        e.fromStatus !== e.toStatus &&
        (!node.toStatus || node.toStatus === e.toStatus) &&
        (!node.fromStatus || node.fromStatus === e.fromStatus)
      );
    default:
      return false;
  }
}

const COLUMN: Record<LeadEvent['type'], CrmWorkflowTriggerType> = {
  LEAD_CREATED: 'LEAD_CREATED',
  LEAD_STATUS_CHANGED: 'LEAD_STATUS_CHANGED',
  LEAD_ASSIGNED: 'LEAD_ASSIGNED', // no trigger node yet: filtered out before matching
};

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Event types a workflow can be triggered by; only these go through the outbox. */
const OUTBOX_TYPES = new Set<LeadEvent['type']>(['LEAD_CREATED', 'LEAD_STATUS_CHANGED']);

/**
 * Writes the events to the outbox (mas_crm.trigger_events) inside the transaction that makes
 * the lead change, so a crash between the commit and emitLeadEvents() loses nothing: the
 * crm-trigger-sweeper dispatches what was left.
 */
export async function recordLeadEvents(tx: Tx, events: LeadEvent[]): Promise<void> {
  const rows = events.filter((e) => OUTBOX_TYPES.has(e.type));
  if (!rows.length) return;
  await tx.crmTriggerEvent.createMany({ data: rows.map((e) => ({ type: e.type, leadId: e.leadId, platform: e.platform, payload: e as unknown as Prisma.InputJsonValue })) });
}

/**
 * Call AFTER the transaction that made the change (and recorded the events) has committed.
 * Never throws for a trigger failure (the lead change already happened): failures are logged,
 * their outbox rows stay undispatched, and the sweeper tries them again.
 */
export async function emitLeadEvents(deps: TriggerDeps, events: LeadEvent[]): Promise<EnrollResult[]> {
  // Only created and status-changed events have trigger nodes; others would match nothing.
  events = events.filter((e) => OUTBOX_TYPES.has(e.type));
  if (events.length === 0) return [];
  const started: EnrollResult[] = [];
  const done: LeadEvent[] = [];
  const groups = new Map<string, LeadEvent[]>();
  for (const e of events) {
    const key = `${e.platform}\u0000${e.type}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    const { platform, type } = group[0]!;
    try {
      const workflows = await deps.db.crmWorkflow.findMany({ where: { platform, status: 'PUBLISHED', triggerType: COLUMN[type], version: { gt: 0 } }, select: WORKFLOW_HEAD_SELECT });
      for (const wf of workflows) {
        const v = await versionOf(deps.db, wf);
        if (!v) continue;
        const trigger = triggerNode(v.definition);
        const matching = group.filter((e) => triggerMatches(trigger, e));
        if (matching.length > INLINE_ENROLL_LIMIT) {
          const op = await startBulkOperation(deps, { userId: null, role: 'ADMIN' }, {
            action: 'enroll',
            filter: { workflowId: wf.id, version: v.version, leadIds: matching.map((e) => e.leadId) },
            reason: `trigger ${type}`,
          });
          deps.logger.info({ crmWorkflowId: wf.id, leads: matching.length, operationId: op.id }, 'crm trigger: enrolling through a bulk operation');
          continue;
        }
        const results = await mapLimit(matching, 16, (e) =>
          startEnrollment(deps, v, e.leadId, null).catch((err: unknown) => {
            deps.logger.error({ err, leadId: e.leadId, crmWorkflowId: wf.id }, 'crm trigger: enrollment start failed');
            return null;
          }),
        );
        for (const r of results) if (r) started.push(r);
        if (results.some((r) => r === null)) throw new Error('some enrollments did not start');
      }
      done.push(...group);
    } catch (err) {
      deps.logger.error({ err, platform, type, leads: group.map((e) => e.leadId) }, 'crm trigger: dispatch failed; the sweeper retries it');
    }
  }
  await markDispatched(deps.db, done);
  return started;
}

async function markDispatched(db: Db, events: LeadEvent[]): Promise<void> {
  const byType = new Map<string, string[]>();
  for (const e of events) if (OUTBOX_TYPES.has(e.type)) byType.set(e.type, [...(byType.get(e.type) ?? []), e.leadId]);
  for (const [type, leadIds] of byType) {
    await db.crmTriggerEvent.updateMany({ where: { type, leadId: { in: leadIds }, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  }
}

/**
 * Dispatches outbox events still undispatched after `olderThanMs` (their request crashed or
 * Temporal was down), oldest first. Re-dispatching is safe: enrollment ids are derived from
 * (workflow, lead, generation), so a lead already enrolled is not enrolled again.
 */
export async function dispatchPendingLeadEvents(deps: TriggerDeps, opts: { olderThanMs: number; limit: number }): Promise<{ dispatched: number; pending: number }> {
  const rows = await deps.db.crmTriggerEvent.findMany({
    where: { dispatchedAt: null, createdAt: { lte: new Date(Date.now() - opts.olderThanMs) } },
    orderBy: { createdAt: 'asc' },
    take: opts.limit,
  });
  if (!rows.length) return { dispatched: 0, pending: 0 };
  await emitLeadEvents(deps, rows.map((r) => r.payload as unknown as LeadEvent));
  const pending = await deps.db.crmTriggerEvent.count({ where: { id: { in: rows.map((r) => r.id) }, dispatchedAt: null } });
  return { dispatched: rows.length - pending, pending };
}
