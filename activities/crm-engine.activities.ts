// CRM workflow engine activities: the enrollment row, node runs (workflow_node_runs, one row
// per node visit, unique per (enrollment, node, visit) so a retried activity finds its own
// row), and the actions themselves. A succeeded node run is never performed again; a send is
// written to its comms log (queued) before the provider call and marked sent after.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { writeAssignment } from '../services/crm/assignment.js';
import { dispatchPendingLeadEvents, emitLeadEvents } from '../services/crm-engine/triggers.js';
import { createFollowUpWithTimer } from '../services/crm/follow-ups.js';
import { UPDATABLE_LEAD_FIELDS, type WorkflowNode } from '../domain/crm-engine/definition.js';
import { evaluate, renderTemplate } from '../domain/crm-engine/graph.js';
import { leadSnapshot } from '../services/crm-engine/lead-snapshot.js';
import type { Prisma, RawLead } from '../prisma/generated/client.js';
import { DomainError } from '../domain/errors.js';
import { updateLeadFields } from '../services/crm/lead-fields.js';
import type { EnrollmentStatus, PauseInfo } from '../workflows/crm-enrollment/crm-enrollment.contract.js';
import type { ActivityDeps } from './deps.js';

export interface EnrollmentPatch {
  enrollmentId: string;
  status: EnrollmentStatus;
  currentNodeId?: string;
  waitingUntil?: string | null;
  /** undefined leaves the pause columns alone; null clears them. */
  paused?: PauseInfo | null;
  remainingDelayMs?: number | null;
  lastError?: string | null;
  ended?: boolean;
  goalReached?: boolean;
  /** The delay node being entered (a WAITING node run) or finished (SUCCEEDED). */
  delay?: { nodeId: string; nodeType: string; visit: number; phase: 'waiting' | 'done' };
}

export interface BeginEnrollment {
  enrollmentId: string;
  crmWorkflowId: string;
  version: number;
  leadId: string;
  enrolledBy: string | null;
  temporalWorkflowId: string;
  triggerNodeId: string;
  triggerType: string;
}

interface NodeRef {
  enrollmentId: string;
  leadId: string;
  node: WorkflowNode;
  visit: number;
}

const json = (v: unknown) => v as Prisma.InputJsonValue;
const TERMINAL: EnrollmentStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** A failure no retry can fix (missing phone, unknown user): the enrollment fails at once. */
const permanent = (message: string) => ApplicationFailure.nonRetryable(message, 'CrmActionRefused');

export function createCrmEngineActivities(deps: ActivityDeps) {
  const { db, now, logger } = deps;

  async function loadLead(leadId: string) {
    const lead = await db.rawLead.findUnique({ where: { id: leadId } });
    if (!lead) throw permanent(`Lead ${leadId} no longer exists`);
    return lead;
  }

  /** The node run of this visit, created RUNNING on first sight. */
  async function claimRun({ enrollmentId, node, visit }: NodeRef) {
    return db.workflowNodeRun.upsert({
      where: { enrollmentId_nodeId_attempt: { enrollmentId, nodeId: node.id, attempt: visit } },
      create: { enrollmentId, nodeId: node.id, nodeType: node.type, attempt: visit, status: 'RUNNING', input: json(node), startedAt: now() },
      update: {},
    });
  }

  async function finishRun(id: string, result: unknown) {
    await db.workflowNodeRun.update({ where: { id }, data: { status: 'SUCCEEDED', result: json(result), error: null, endedAt: now() } });
  }

  async function failRun(id: string, err: unknown) {
    const message = err instanceof Error ? err.message : String(err);
    await db.workflowNodeRun.update({ where: { id }, data: { status: 'FAILED', error: message.slice(0, 2000), endedAt: now() } }).catch(() => undefined);
  }

  /** `priorLogId`: the comms log row an earlier attempt of this node run wrote (reused, so a
   * retried send keeps one row). */
  async function perform(p: NodeRef & { crmWorkflowId: string; priorLogId?: string | undefined }, lead: RawLead, runId: string): Promise<Record<string, unknown>> {
    const snap = leadSnapshot(lead);
    const node = p.node;
    const key = `${p.enrollmentId}:${node.id}:${p.visit}`;
    switch (node.type) {
      case 'action.send_whatsapp': {
        if (!lead.phone) throw permanent('The lead has no phone number');
        const params = node.params.map((t) => renderTemplate(t, snap));
        const log = p.priorLogId
          ? await db.leadWhatsAppLog.update({ where: { id: p.priorLogId }, data: { status: 'queued', errorMessage: null } })
          : await db.leadWhatsAppLog.create({
              data: { rawLeadId: lead.id, toNumber: lead.phone, messageType: 'template', templateName: node.template, body: params.join(' | '), provider: 'meta_cloud' },
            });
        await db.workflowNodeRun.update({ where: { id: runId }, data: { result: json({ logId: log.id }) } });
        try {
          const sent = await deps.whatsapp.sendTemplate({ to: lead.phone, template: node.template, languageCode: node.languageCode, params });
          await db.leadWhatsAppLog.update({ where: { id: log.id }, data: { status: 'sent', providerMessageId: sent.messageId, sentAt: now() } });
          await logActivity(lead.id, 'whatsapp_sent', `WhatsApp template ${node.template} sent by workflow`, { enrollmentId: p.enrollmentId, nodeId: node.id, messageId: sent.messageId });
          return { channel: 'whatsapp', logId: log.id, messageId: sent.messageId };
        } catch (err) {
          await db.leadWhatsAppLog.update({ where: { id: log.id }, data: { status: 'failed', errorMessage: String((err as Error).message).slice(0, 500) } });
          throw err;
        }
      }
      case 'action.send_email': {
        if (!lead.email) throw permanent('The lead has no email address');
        const subject = renderTemplate(node.subject, snap);
        const body = renderTemplate(node.body, snap);
        const log = p.priorLogId
          ? await db.leadEmailLog.update({ where: { id: p.priorLogId }, data: { status: 'queued', errorMessage: null } })
          : await db.leadEmailLog.create({ data: { rawLeadId: lead.id, toEmail: lead.email, subject, body, provider: 'smtp' } });
        await db.workflowNodeRun.update({ where: { id: runId }, data: { result: json({ logId: log.id }) } });
        try {
          const sent = await deps.email.send({ to: lead.email, subject, text: body, headers: { 'X-Mas-Idempotency-Key': key } });
          await db.leadEmailLog.update({ where: { id: log.id }, data: { status: 'sent', providerMessageId: sent.messageId, sentAt: now() } });
          await logActivity(lead.id, 'email_sent', `Email "${subject}" sent by workflow`, { enrollmentId: p.enrollmentId, nodeId: node.id, messageId: sent.messageId });
          return { channel: 'email', logId: log.id, messageId: sent.messageId };
        } catch (err) {
          await db.leadEmailLog.update({ where: { id: log.id }, data: { status: 'failed', errorMessage: String((err as Error).message).slice(0, 500) } });
          throw err;
        }
      }
      case 'action.send_sms': {
        if (!lead.phone) throw permanent('The lead has no phone number');
        if (!deps.exotel) throw permanent('SMS is not configured (EXOTEL_MODE=off)');
        const body = renderTemplate(node.body, snap);
        const log = p.priorLogId
          ? await db.leadSmsLog.update({ where: { id: p.priorLogId }, data: { status: 'queued', errorMessage: null } })
          : await db.leadSmsLog.create({ data: { rawLeadId: lead.id, toNumber: lead.phone, body, dltTemplateId: node.dltTemplateId ?? null } });
        await db.workflowNodeRun.update({ where: { id: runId }, data: { result: json({ logId: log.id }) } });
        try {
          const sent = await deps.exotel.sendSms({ to: lead.phone, body, dltTemplateId: node.dltTemplateId, customField: key.slice(0, 128) });
          await db.leadSmsLog.update({ where: { id: log.id }, data: { status: 'sent', providerMessageId: sent.sid, sentAt: now() } });
          await logActivity(lead.id, 'sms_sent', 'SMS sent by workflow', { enrollmentId: p.enrollmentId, nodeId: node.id, sid: sent.sid });
          return { channel: 'sms', logId: log.id, sid: sent.sid };
        } catch (err) {
          await db.leadSmsLog.update({ where: { id: log.id }, data: { status: 'failed', errorMessage: String((err as Error).message).slice(0, 500) } });
          throw err;
        }
      }
      case 'action.assign': {
        const user = await db.user.findUnique({ where: { id: node.userId }, select: { id: true, role: true, isActive: true } });
        if (!user || !user.isActive || user.role !== 'SALES') throw permanent(`User ${node.userId} is not an active sales user`);
        const changed = await db.$transaction(async (tx) => {
          // Locked and read again, so the history's "from" is right under a concurrent assign.
          await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ${lead.id}::uuid FOR UPDATE`;
          const current = await tx.rawLead.findUniqueOrThrow({ where: { id: lead.id }, select: { id: true, assignedTo: true, platform: true } });
          return writeAssignment(tx, { lead: current, to: user.id, by: null, method: 'workflow', reason: `workflow ${p.crmWorkflowId} node ${node.id}`, at: now() });
        });
        if (!changed) return { assignedTo: user.id, changed: false };
        await emitLeadEvents(triggerDeps(), [{ type: 'LEAD_ASSIGNED', leadId: lead.id, platform: lead.platform, assignedTo: user.id }]);
        return { assignedTo: user.id, changed: true };
      }
      case 'action.update_field': {
        if (!UPDATABLE_LEAD_FIELDS.includes(node.field)) throw permanent(`Field ${node.field} cannot be updated`);
        // The same rules as PATCH /api/crm/leads/:id: value checks, the lead lifecycle, logs and outbox.
        try {
          const r = await updateLeadFields(triggerDeps(), { leadId: lead.id, changes: { [node.field]: node.value }, actor: { kind: 'workflow', enrollmentId: p.enrollmentId, nodeId: node.id } });
          if (!r.changed.length) return { field: node.field, changed: false };
          return { field: node.field, from: r.before[node.field], to: r.after[node.field], changed: true };
        } catch (err) {
          if (err instanceof DomainError) throw permanent(`update_field ${node.field} = "${node.value}" refused: ${err.message}`);
          throw err;
        }
      }
      case 'action.create_follow_up': {
        const f = await createFollowUpWithTimer(
          { db, temporal: deps.temporal, taskQueue: deps.taskQueue },
          { leadId: lead.id, assigneeId: lead.assignedTo, dueAt: new Date(now().getTime() + node.inMinutes * 60_000), channel: 'call', note: node.note ?? null },
        );
        return { followUpId: f.id, dueAt: f.dueAt.toISOString() };
      }
      case 'action.webhook': {
        const res = await fetch(node.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, ...node.headers },
          body: JSON.stringify({ enrollmentId: p.enrollmentId, workflowId: p.crmWorkflowId, nodeId: node.id, lead: { id: lead.id, ...snap } }),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status >= 500 || res.status === 429) throw new Error(`Webhook answered ${res.status}`);
        if (!res.ok) throw permanent(`Webhook answered ${res.status}`);
        return { status: res.status };
      }
      default:
        throw permanent(`Not an action: ${node.type}`);
    }
  }

  /** The lead's timeline row for a workflow send (performed by the system). */
  async function logActivity(rawLeadId: string, activityType: 'whatsapp_sent' | 'email_sent' | 'sms_sent', description: string, metadata: Record<string, unknown>) {
    await db.leadActivityLog.create({ data: { rawLeadId, performedBy: null, activityType, description, metadata: json(metadata) } });
  }
  const triggerDeps = () => ({ db, temporal: deps.temporal, logger, config: { taskQueue: deps.taskQueue } });

  return {
    async beginEnrollment(b: BeginEnrollment): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.workflowEnrollment.createMany({
          data: [
            {
              id: b.enrollmentId,
              workflowId: b.crmWorkflowId,
              definitionVersion: b.version,
              subjectType: 'RAW_LEAD',
              subjectId: b.leadId,
              status: 'ACTIVE',
              currentNodeId: b.triggerNodeId,
              temporalWorkflowId: b.temporalWorkflowId,
              enrolledBy: b.enrolledBy,
            },
          ],
          skipDuplicates: true,
        });
        await tx.workflowNodeRun.createMany({
          data: [{ enrollmentId: b.enrollmentId, nodeId: b.triggerNodeId, nodeType: b.triggerType, attempt: 1, status: 'SUCCEEDED', startedAt: now(), endedAt: now() }],
          skipDuplicates: true,
        });
      });
    },

    async syncEnrollment(p: EnrollmentPatch): Promise<void> {
      const data: Prisma.WorkflowEnrollmentUncheckedUpdateInput = { status: p.status };
      if (p.currentNodeId !== undefined) data.currentNodeId = p.currentNodeId;
      if (p.waitingUntil !== undefined) data.waitingUntil = p.waitingUntil ? new Date(p.waitingUntil) : null;
      if (p.paused !== undefined) {
        data.pausedAt = p.paused ? new Date(p.paused.at) : null;
        data.pauseReason = p.paused?.reason ?? null;
        data.pausedBy = p.paused?.by ?? null;
      }
      if (p.remainingDelayMs !== undefined) data.resumeRemainingDelayMs = p.remainingDelayMs === null ? null : BigInt(Math.round(p.remainingDelayMs));
      if (p.lastError !== undefined) data.lastError = p.lastError;
      if (p.ended) {
        if (p.status === 'COMPLETED') data.completedAt = now();
        else data.endedAt = now();
      }
      if (p.goalReached) data.context = json({ goalReached: true });
      await db.$transaction(async (tx) => {
        // An ended enrollment never moves again (a late write from a cut-short step is dropped).
        await tx.workflowEnrollment.updateMany({ where: { id: p.enrollmentId, status: { notIn: TERMINAL.filter((s) => s !== p.status) } }, data });
        if (p.delay) {
          const { nodeId, nodeType, visit, phase } = p.delay;
          const where = { enrollmentId_nodeId_attempt: { enrollmentId: p.enrollmentId, nodeId, attempt: visit } };
          if (phase === 'waiting') {
            await tx.workflowNodeRun.upsert({
              where,
              create: { enrollmentId: p.enrollmentId, nodeId, nodeType, attempt: visit, status: 'WAITING', startedAt: now(), input: json({ waitingUntil: p.waitingUntil }) },
              update: { status: 'WAITING', input: json({ waitingUntil: p.waitingUntil }) },
            });
          } else {
            await tx.workflowNodeRun.updateMany({ where: { enrollmentId: p.enrollmentId, nodeId, attempt: visit }, data: { status: 'SUCCEEDED', endedAt: now() } });
          }
        }
        if (p.status === 'CANCELLED') {
          await tx.workflowNodeRun.updateMany({ where: { enrollmentId: p.enrollmentId, status: { in: ['WAITING', 'RUNNING', 'PENDING'] } }, data: { status: 'CANCELLED', endedAt: now() } });
        }
      });
    },

    /** The outbox sweep: events still undispatched after `olderThanMs`. */
    async dispatchPendingTriggers(p: { olderThanMs: number; limit: number }): Promise<{ dispatched: number; pending: number }> {
      return dispatchPendingLeadEvents(triggerDeps(), p);
    },

    async evaluateNode(p: NodeRef): Promise<boolean> {
      if (p.node.type !== 'condition.if' && p.node.type !== 'goal') throw permanent(`Not a condition: ${p.node.type}`);
      const run = await claimRun(p);
      if (run.status === 'SUCCEEDED') return (run.result as { outcome: boolean }).outcome;
      const lead = await loadLead(p.leadId);
      const outcome = evaluate(p.node.condition, leadSnapshot(lead));
      await finishRun(run.id, { outcome });
      return outcome;
    },

    async runAction(p: NodeRef & { crmWorkflowId: string }): Promise<Record<string, unknown>> {
      const run = await claimRun(p);
      if (run.status === 'SUCCEEDED') return (run.result ?? {}) as Record<string, unknown>;
      if (run.status !== 'RUNNING') await db.workflowNodeRun.update({ where: { id: run.id }, data: { status: 'RUNNING', error: null } });
      // A send already written to its log as sent (the worker died before marking the run)
      // is not sent again.
      const prior = run.result as { logId?: string } | null;
      if (prior?.logId) {
        const sent = await alreadySent(p.node.type, prior.logId);
        if (sent) {
          await finishRun(run.id, { ...prior, recovered: true });
          return { ...prior, recovered: true };
        }
      }
      try {
        const lead = await loadLead(p.leadId);
        Context.current().heartbeat();
        const result = await perform({ ...p, priorLogId: prior?.logId }, lead, run.id);
        await finishRun(run.id, result);
        return result;
      } catch (err) {
        await failRun(run.id, err);
        throw err;
      }
    },
  };

  /** Whether an earlier attempt's comms log row already went out (so it is not sent again). */
  async function alreadySent(type: string, id: string): Promise<boolean> {
    if (type === 'action.send_whatsapp') return (await db.leadWhatsAppLog.count({ where: { id, status: { in: ['sent', 'delivered', 'read'] } } })) > 0;
    if (type === 'action.send_email') return (await db.leadEmailLog.count({ where: { id, status: { in: ['sent', 'delivered', 'opened', 'clicked'] } } })) > 0;
    if (type === 'action.send_sms') return (await db.leadSmsLog.count({ where: { id, status: { in: ['sent', 'delivered'] } } })) > 0;
    return false;
  }
}

export type CrmEngineActivities = ReturnType<typeof createCrmEngineActivities>;
