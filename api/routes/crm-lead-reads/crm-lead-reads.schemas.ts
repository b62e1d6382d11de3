// Views and queries of a lead's read side: timeline, message logs, follow-up lists.
import { z } from '@hono/zod-openapi';
import { LeadCommDirection, LeadEmailStatus, LeadFollowUpStatus, LeadSmsStatus, LeadWhatsAppStatus } from '../../../prisma/generated/enums.js';
import { TIMELINE_KINDS } from '../../../services/crm/timeline.js';
import { PageQuery } from '../../pagination.js';

export const LeadId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const at = z.string().nullable();

export const TimelineEntryView = z
  .object({
    kind: z.enum(TIMELINE_KINDS),
    id: z.uuid().openapi({ description: 'The row id in its own table (lead_activity_log, lead_call_logs, …)' }),
    createdAt: z.string(),
    userId: z.uuid().nullable(),
    summary: z.string(),
    status: z.string().nullable(),
    direction: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).openapi({ description: 'Kind-specific fields' }),
  })
  .openapi('LeadTimelineEntry');

export const TimelineQuery = PageQuery.extend({
  kinds: z
    .string()
    .max(100)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const parts = v.split(',').map((s) => s.trim());
      const bad = parts.filter((p) => !(TIMELINE_KINDS as readonly string[]).includes(p));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `Unknown kinds: ${bad.join(', ')} (use ${TIMELINE_KINDS.join(', ')})` });
        return z.NEVER;
      }
      return parts as (typeof TIMELINE_KINDS)[number][];
    })
    .openapi({ type: 'string', description: `Comma-separated subset of ${TIMELINE_KINDS.join(', ')}; default all` }),
});

export const SmsLogView = z
  .object({
    id: z.uuid(), rawLeadId: z.uuid(), userId: z.uuid().nullable(), direction: z.enum(LeadCommDirection), status: z.enum(LeadSmsStatus), toNumber: z.string(), fromNumber: z.string().nullable(),
    body: z.string(), dltTemplateId: z.string().nullable(), provider: z.string(), providerMessageId: z.string().nullable(), errorCode: z.string().nullable(), errorMessage: z.string().nullable(),
    sentAt: at, deliveredAt: at, costPaise: z.number().int().nullable(), createdAt: z.string(),
  })
  .openapi('LeadSmsLog');

export const EmailLogView = z
  .object({
    id: z.uuid(), rawLeadId: z.uuid(), userId: z.uuid().nullable(), direction: z.enum(LeadCommDirection), status: z.enum(LeadEmailStatus), toEmail: z.string(), fromEmail: z.string().nullable(),
    subject: z.string(), body: z.string().nullable(), templateId: z.uuid().nullable(), provider: z.string(), providerMessageId: z.string().nullable(), openCount: z.number().int(), clickCount: z.number().int(),
    sentAt: at, deliveredAt: at, firstOpenedAt: at, firstClickedAt: at, bouncedAt: at, errorMessage: z.string().nullable(), createdAt: z.string(),
  })
  .openapi('LeadEmailLog');

export const WhatsAppLogView = z
  .object({
    id: z.uuid(), rawLeadId: z.uuid(), userId: z.uuid().nullable(), direction: z.enum(LeadCommDirection), status: z.enum(LeadWhatsAppStatus), fromNumber: z.string().nullable(), toNumber: z.string(),
    messageType: z.string(), templateName: z.string().nullable(), body: z.string().nullable(), mediaUrl: z.string().nullable(), provider: z.string(), providerMessageId: z.string().nullable(),
    errorCode: z.string().nullable(), errorMessage: z.string().nullable(), sentAt: at, deliveredAt: at, readAt: at, createdAt: z.string(),
  })
  .openapi('LeadWhatsAppLog');

const Instant = z.iso.datetime({ offset: true });
export const MyFollowUpsQuery = PageQuery.extend({
  status: z.enum(LeadFollowUpStatus).optional(),
  dueFrom: Instant.optional().openapi({ description: 'Due at or after (ISO-8601)' }),
  dueTo: Instant.optional().openapi({ description: 'Due at or before (ISO-8601)' }),
});
export const OverdueFollowUpsQuery = PageQuery.extend({ assigneeId: z.uuid().optional() });
export const LeadFollowUpsQuery = PageQuery.extend({ status: z.enum(LeadFollowUpStatus).optional() });
