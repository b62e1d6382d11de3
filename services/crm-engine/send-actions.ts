// The CRM engine's sends (WhatsApp template, email, SMS). Each is written to its comms log as
// queued BEFORE the provider call and marked sent (or failed) after, so a retried node run
// reuses its log row and a send already out is never repeated (see alreadySent).
import { DomainError } from '../../domain/errors.js';
import { renderTemplate } from '../../domain/crm-engine/graph.js';
import type { WorkflowNode } from '../../domain/crm-engine/definition.js';
import type { Prisma, RawLead } from '../../prisma/generated/client.js';
import { marketingGate, unsubscribeFooter, unsubscribeHeaders } from '../notifications/comms-preferences.js';
import { senderFor } from '../notifications/whatsapp-configs.js';
import { deliverLoggedWhatsApp, queueLoggedWhatsApp } from '../notifications/whatsapp-send.js';
import type { ActionDeps, ActionRef } from './actions.js';
import { leadSnapshot } from './lead-snapshot.js';

const json = (v: unknown) => v as Prisma.InputJsonValue;
type Send = Extract<WorkflowNode, { type: 'action.send_whatsapp' | 'action.send_email' | 'action.send_sms' }>;

/** A refusal no retry can fix (no phone, SMS off): the enrollment fails at once. */
const refused = (message: string) => new DomainError('UNPROCESSABLE', message);

/** The platform number's fromPhone in whatsapp_messages (the lead log keeps null for it). */
export const PLATFORM_SENDER = 'platform';

const CHANNEL = { 'action.send_whatsapp': 'WHATSAPP', 'action.send_email': 'EMAIL', 'action.send_sms': 'SMS' } as const;

/** What a workflow send did instead of sending: waited out quiet hours (the node runs again then) or skipped an unsubscribed recipient. */
export type HeldSend = { deferredUntil: string; channel: string } | { skipped: 'unsubscribed'; channel: string };
export const isDeferred = (r: Record<string, unknown>): r is { deferredUntil: string; channel: string } => typeof r.deferredUntil === 'string';

export async function performSend(deps: ActionDeps, p: ActionRef, node: Send, lead: RawLead, runId: string): Promise<Record<string, unknown>> {
  const { db, now } = deps;
  const snap = leadSnapshot(lead);
  const key = `${p.enrollmentId}:${node.id}:${p.visit}`;
  const remember = (logId: string, messageId?: string) => db.workflowNodeRun.update({ where: { id: runId }, data: { result: json(messageId ? { logId, messageId } : { logId }) } });
  const failed = (err: unknown) => String((err as Error).message).slice(0, 500);
  const address = node.type === 'action.send_email' ? lead.email : lead.phone;
  // Marketing: the first attempt asks the recipient's preferences (a retry of a send already logged does not).
  let unsubscribeToken: string | null = null;
  if (address && !p.priorLogId) {
    const gate = await marketingGate(deps, { channel: CHANNEL[node.type], address });
    if (gate.kind === 'unsubscribed') {
      await logActivity(deps, lead.id, 'workflow_event', `${CHANNEL[node.type]} send skipped: the recipient unsubscribed`, { enrollmentId: p.enrollmentId, nodeId: node.id, skipped: 'unsubscribed' });
      return { skipped: 'unsubscribed', channel: CHANNEL[node.type] } satisfies HeldSend;
    }
    if (gate.kind === 'quiet') return { deferredUntil: gate.until.toISOString(), channel: CHANNEL[node.type] } satisfies HeldSend;
    unsubscribeToken = gate.unsubscribeToken;
  }
  switch (node.type) {
    case 'action.send_whatsapp': {
      if (!lead.phone) throw refused('The lead has no phone number');
      const params = node.params.map((t) => renderTemplate(t, snap));
      // From the assignee's own number when they configured one (whatsapp_configs), else the platform number;
      // the log records which (user_id + from_number, null for the platform number). The send is also
      // mirrored into whatsapp_messages (every outbound WhatsApp message is), which applies parked statuses.
      const sender = await senderFor(deps, lead.assignedTo);
      const from = sender.configId ? { userId: lead.assignedTo, fromNumber: sender.fromPhone } : { userId: null, fromNumber: null };
      const msg = { userId: lead.assignedTo, fromPhone: PLATFORM_SENDER, to: lead.phone, template: node.template, languageCode: node.languageCode, params, priorMessageId: p.priorMessageId ?? null };
      const messageId = await queueLoggedWhatsApp(deps, sender, msg);
      const log = p.priorLogId
        ? await db.leadWhatsAppLog.update({ where: { id: p.priorLogId }, data: { status: 'queued', errorMessage: null, ...from } })
        : await db.leadWhatsAppLog.create({
            data: { rawLeadId: lead.id, toNumber: lead.phone, messageType: 'template', templateName: node.template, body: params.join(' | '), provider: 'meta_cloud', ...from },
          });
      await remember(log.id, messageId);
      try {
        const sent = await deliverLoggedWhatsApp(deps, sender, messageId, msg);
        if (sent.outcome === 'refused') throw refused(sent.error);
        await db.leadWhatsAppLog.update({ where: { id: log.id }, data: { status: 'sent', providerMessageId: sent.wamid, sentAt: now() } });
        await logActivity(deps, lead.id, 'whatsapp_sent', `WhatsApp template ${node.template} sent by workflow`, { enrollmentId: p.enrollmentId, nodeId: node.id, messageId: sent.wamid });
        return { channel: 'whatsapp', logId: log.id, messageRowId: messageId, messageId: sent.wamid };
      } catch (err) {
        await db.leadWhatsAppLog.update({ where: { id: log.id }, data: { status: 'failed', errorMessage: failed(err) } });
        throw err;
      }
    }
    case 'action.send_email': {
      if (!lead.email) throw refused('The lead has no email address');
      const subject = renderTemplate(node.subject, snap);
      const body = renderTemplate(node.body, snap);
      const log = p.priorLogId
        ? await db.leadEmailLog.update({ where: { id: p.priorLogId }, data: { status: 'queued', errorMessage: null } })
        : await db.leadEmailLog.create({ data: { rawLeadId: lead.id, toEmail: lead.email, subject, body, provider: 'smtp' } });
      await remember(log.id);
      try {
        const sent = await deps.email.send({ to: lead.email, subject, text: body + unsubscribeFooter(deps.notifications?.publicApiUrl, unsubscribeToken), headers: { 'X-Mas-Idempotency-Key': key, ...unsubscribeHeaders(deps.notifications?.publicApiUrl, unsubscribeToken) } });
        await db.leadEmailLog.update({ where: { id: log.id }, data: { status: 'sent', providerMessageId: sent.messageId, sentAt: now() } });
        await logActivity(deps, lead.id, 'email_sent', `Email "${subject}" sent by workflow`, { enrollmentId: p.enrollmentId, nodeId: node.id, messageId: sent.messageId });
        return { channel: 'email', logId: log.id, messageId: sent.messageId };
      } catch (err) {
        await db.leadEmailLog.update({ where: { id: log.id }, data: { status: 'failed', errorMessage: failed(err) } });
        throw err;
      }
    }
    case 'action.send_sms': {
      if (!lead.phone) throw refused('The lead has no phone number');
      if (!deps.exotel) throw refused('SMS is not configured (EXOTEL_MODE=off)');
      const body = renderTemplate(node.body, snap);
      const log = p.priorLogId
        ? await db.leadSmsLog.update({ where: { id: p.priorLogId }, data: { status: 'queued', errorMessage: null } })
        : await db.leadSmsLog.create({ data: { rawLeadId: lead.id, toNumber: lead.phone, body, dltTemplateId: node.dltTemplateId ?? null } });
      await remember(log.id);
      try {
        const sent = await deps.exotel.sendSms({ to: lead.phone, body, dltTemplateId: node.dltTemplateId, customField: key.slice(0, 128) });
        await db.leadSmsLog.update({ where: { id: log.id }, data: { status: 'sent', providerMessageId: sent.sid, sentAt: now() } });
        await logActivity(deps, lead.id, 'sms_sent', 'SMS sent by workflow', { enrollmentId: p.enrollmentId, nodeId: node.id, sid: sent.sid });
        return { channel: 'sms', logId: log.id, sid: sent.sid };
      } catch (err) {
        await db.leadSmsLog.update({ where: { id: log.id }, data: { status: 'failed', errorMessage: failed(err) } });
        throw err;
      }
    }
  }
}

/** Whether an earlier attempt's comms log row already went out (so it is not sent again). */
export async function alreadySent(deps: Pick<ActionDeps, 'db'>, type: string, id: string): Promise<boolean> {
  const { db } = deps;
  if (type === 'action.send_whatsapp') return (await db.leadWhatsAppLog.count({ where: { id, status: { in: ['sent', 'delivered', 'read'] } } })) > 0;
  if (type === 'action.send_email') return (await db.leadEmailLog.count({ where: { id, status: { in: ['sent', 'delivered', 'opened', 'clicked'] } } })) > 0;
  if (type === 'action.send_sms') return (await db.leadSmsLog.count({ where: { id, status: { in: ['sent', 'delivered'] } } })) > 0;
  return false;
}

/** The lead's timeline row for a workflow send (performed by the system). */
async function logActivity(deps: Pick<ActionDeps, 'db'>, rawLeadId: string, activityType: 'whatsapp_sent' | 'email_sent' | 'sms_sent' | 'workflow_event', description: string, metadata: Record<string, unknown>) {
  await deps.db.leadActivityLog.create({ data: { rawLeadId, performedBy: null, activityType, description, metadata: json(metadata) } });
}
