// The CRM engine's actions, one node visit at a time: sends (send-actions.ts), assign,
// update_field, create_follow_up and webhook. A refusal no retry can fix (unknown user, bad
// field, 4xx webhook) is a DomainError; anything else may be retried by the caller.
import type { Client } from '@temporalio/client';
import { UPDATABLE_LEAD_FIELDS, type WorkflowNode } from '../../domain/crm-engine/definition.js';
import { DomainError } from '../../domain/errors.js';
import type { Logger } from '../../infra/logger.js';
import type { Db } from '../../infra/prisma.js';
import type { RawLead } from '../../prisma/generated/client.js';
import type { EmailProvider } from '../../providers/email/interface.js';
import type { ExotelProvider } from '../../providers/exotel/interface.js';
import type { WhatsAppProvider } from '../../providers/whatsapp/interface.js';
import { writeAssignment } from '../crm/assignment.js';
import { createFollowUpWithTimer } from '../crm/follow-ups.js';
import { updateLeadFields } from '../crm/lead-fields.js';
import { leadSnapshot } from './lead-snapshot.js';
import { performSend } from './send-actions.js';
import type { NotificationSettings } from '../notifications/slot-booked-email.js';
import { emitLeadEvents, type TriggerDeps } from './triggers.js';

/** What actions reach: the worker's activity deps satisfy it. */
export interface ActionDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  temporal: Client;
  taskQueue: string;
  whatsapp: WhatsAppProvider;
  email: EmailProvider;
  exotel?: ExotelProvider | undefined;
  /** Opens the assignee's WhatsApp config token (the worker's ActivityDeps.llmKeys); absent: the development KEK. */
  llmKeys?: { keks?: string; activeKekId?: string } | undefined;
  /** The unsubscribe link's base (publicApiUrl) in workflow emails. */
  notifications?: NotificationSettings | undefined;
}

/** One visit of one node of one enrollment. */
export interface NodeRef {
  enrollmentId: string;
  leadId: string;
  node: WorkflowNode;
  visit: number;
}

export interface ActionRef extends NodeRef {
  crmWorkflowId: string;
  /** The comms log row an earlier attempt of this node run wrote (reused, so a retried send keeps one row). */
  priorLogId?: string | undefined;
  /** The whatsapp_messages row an earlier attempt of a WhatsApp send queued. */
  priorMessageId?: string | undefined;
}

const refused = (message: string) => new DomainError('UNPROCESSABLE', message);
const triggerDeps = (deps: ActionDeps): TriggerDeps => ({ db: deps.db, temporal: deps.temporal, logger: deps.logger, config: { taskQueue: deps.taskQueue } });

export async function performAction(deps: ActionDeps, p: ActionRef, lead: RawLead, runId: string): Promise<Record<string, unknown>> {
  const node = p.node;
  switch (node.type) {
    case 'action.send_whatsapp':
    case 'action.send_email':
    case 'action.send_sms':
      return performSend(deps, p, node, lead, runId);
    case 'action.assign':
      return assignAction(deps, p, node, lead);
    case 'action.update_field':
      return updateFieldAction(deps, p, node, lead);
    case 'action.create_follow_up': {
      const f = await createFollowUpWithTimer(
        { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue },
        { leadId: lead.id, assigneeId: lead.assignedTo, dueAt: new Date(deps.now().getTime() + node.inMinutes * 60_000), channel: 'call', note: node.note ?? null },
      );
      return { followUpId: f.id, dueAt: f.dueAt.toISOString() };
    }
    case 'action.webhook': {
      const res = await fetch(node.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `${p.enrollmentId}:${node.id}:${p.visit}`, ...node.headers },
        body: JSON.stringify({ enrollmentId: p.enrollmentId, workflowId: p.crmWorkflowId, nodeId: node.id, lead: { id: lead.id, ...leadSnapshot(lead) } }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status >= 500 || res.status === 429) throw new Error(`Webhook answered ${res.status}`);
      if (!res.ok) throw refused(`Webhook answered ${res.status}`);
      return { status: res.status };
    }
    default:
      throw refused(`Not an action: ${node.type}`);
  }
}

async function assignAction(deps: ActionDeps, p: ActionRef, node: Extract<WorkflowNode, { type: 'action.assign' }>, lead: RawLead) {
  const user = await deps.db.user.findUnique({ where: { id: node.userId }, select: { id: true, role: true, isActive: true } });
  if (!user || !user.isActive || user.role !== 'SALES') throw refused(`User ${node.userId} is not an active sales user`);
  const changed = await deps.db.$transaction(async (tx) => {
    // Locked and read again, so the history's "from" is right under a concurrent assign.
    await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ${lead.id}::uuid FOR UPDATE`;
    const current = await tx.rawLead.findUniqueOrThrow({ where: { id: lead.id }, select: { id: true, assignedTo: true, platform: true } });
    return writeAssignment(tx, { lead: current, to: user.id, by: null, method: 'workflow', reason: `workflow ${p.crmWorkflowId} node ${node.id}`, at: deps.now() });
  });
  if (!changed) return { assignedTo: user.id, changed: false };
  await emitLeadEvents(triggerDeps(deps), [{ type: 'LEAD_ASSIGNED', leadId: lead.id, platform: lead.platform, assignedTo: user.id }]);
  return { assignedTo: user.id, changed: true };
}

/** update_field: the same rules as PATCH /api/crm/leads/:id (value checks, the lead lifecycle,
 * the timeline row and the outbox event, in one transaction), through updateLeadFields. A
 * refusal (illegal status move, bad value) fails the node with the reason. */
export async function updateFieldAction(deps: ActionDeps, p: ActionRef, node: Extract<WorkflowNode, { type: 'action.update_field' }>, lead: RawLead): Promise<Record<string, unknown>> {
  if (!UPDATABLE_LEAD_FIELDS.includes(node.field)) throw refused(`Field ${node.field} cannot be updated`);
  try {
    const r = await updateLeadFields(triggerDeps(deps), { leadId: lead.id, changes: { [node.field]: node.value }, actor: { kind: 'workflow', enrollmentId: p.enrollmentId, nodeId: node.id } });
    if (!r.changed.length) return { field: node.field, changed: false };
    return { field: node.field, from: r.before[node.field], to: r.after[node.field], changed: true };
  } catch (err) {
    if (err instanceof DomainError) throw refused(`update_field ${node.field} = "${node.value}" refused: ${err.message}`);
    throw err;
  }
}
