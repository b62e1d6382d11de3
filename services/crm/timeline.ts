// A lead's timeline: its activity log, calls, SMS, emails and WhatsApp messages merged, newest
// first, on one (createdAt, id) cursor. Each source is read with the same keyset window and
// limit + 1 (index raw_lead_id, created_at), then merged; the page is the first limit + 1 of
// the merge, so the next page starts exactly after the last entry shown, whatever its source.
import type { AuthContext, ServiceDeps } from '../deps.js';
import { assertLeadVisible, newestFirst, olderThan, type LogWindow } from './lead-logs.js';

export const TIMELINE_KINDS = ['activity', 'call', 'sms', 'email', 'whatsapp'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  createdAt: Date;
  /** Who acted (performer, caller, sender); null for system, workflow and inbound entries. */
  userId: string | null;
  summary: string;
  status: string | null;
  direction: string | null;
  detail: Record<string, unknown>;
}

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Newest first, ties by id descending: the order of the SQL keyset. */
const byNewest = (a: TimelineEntry, b: TimelineEntry) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function leadTimeline(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, leadId: string, page: LogWindow & { kinds?: readonly TimelineKind[] | undefined }): Promise<TimelineEntry[]> {
  await assertLeadVisible(deps, auth, leadId);
  const kinds = new Set(page.kinds?.length ? page.kinds : TIMELINE_KINDS);
  const where = { AND: [{ rawLeadId: leadId }, olderThan(page.after)] };
  const q = { where, orderBy: newestFirst, take: page.take };
  const db = deps.db;
  const [activities, calls, sms, emails, whatsapp] = await Promise.all([
    kinds.has('activity') ? db.leadActivityLog.findMany(q) : [],
    kinds.has('call') ? db.leadCallLog.findMany(q) : [],
    kinds.has('sms') ? db.leadSmsLog.findMany(q) : [],
    kinds.has('email') ? db.leadEmailLog.findMany(q) : [],
    kinds.has('whatsapp') ? db.leadWhatsAppLog.findMany(q) : [],
  ]);
  const entries: TimelineEntry[] = [
    ...activities.map((a) => ({
      kind: 'activity' as const,
      id: a.id,
      createdAt: a.createdAt,
      userId: a.performedBy,
      summary: a.description ?? a.activityType,
      status: null,
      direction: null,
      detail: { activityType: a.activityType, metadata: a.metadata ?? null },
    })),
    ...calls.map((c) => ({
      kind: 'call' as const,
      id: c.id,
      createdAt: c.createdAt,
      userId: c.userId,
      summary: `${c.direction === 'inbound' ? 'Inbound' : 'Outbound'} call (${c.source})${c.outcome ? `: ${c.outcome}` : ''}`,
      status: c.status,
      direction: c.direction,
      detail: { source: c.source, outcome: c.outcome, durationSeconds: c.durationSeconds, talkDurationSeconds: c.talkDurationSeconds, recordingUrl: c.recordingUrl, notes: c.notes },
    })),
    ...sms.map((s) => ({
      kind: 'sms' as const,
      id: s.id,
      createdAt: s.createdAt,
      userId: s.userId,
      summary: clip(s.body),
      status: s.status,
      direction: s.direction,
      detail: { toNumber: s.toNumber, fromNumber: s.fromNumber, provider: s.provider, errorMessage: s.errorMessage },
    })),
    ...emails.map((e) => ({
      kind: 'email' as const,
      id: e.id,
      createdAt: e.createdAt,
      userId: e.userId,
      summary: clip(e.subject),
      status: e.status,
      direction: e.direction,
      detail: { toEmail: e.toEmail, fromEmail: e.fromEmail, subject: e.subject, openCount: e.openCount, clickCount: e.clickCount, templateId: e.templateId },
    })),
    ...whatsapp.map((w) => ({
      kind: 'whatsapp' as const,
      id: w.id,
      createdAt: w.createdAt,
      userId: w.userId,
      summary: clip(w.body ?? (w.templateName ? `Template ${w.templateName}` : w.messageType)),
      status: w.status,
      direction: w.direction,
      detail: { toNumber: w.toNumber, fromNumber: w.fromNumber, messageType: w.messageType, templateName: w.templateName, mediaUrl: w.mediaUrl, errorMessage: w.errorMessage },
    })),
  ];
  return entries.sort(byNewest).slice(0, page.take);
}
