// Views and queries of the WhatsApp message log.
import { z } from '@hono/zod-openapi';
import { WhatsAppMessageDirection, WhatsAppMessageStatus } from '../../../prisma/generated/enums.js';
import { PageQuery } from '../../pagination.js';

export const WhatsAppMessageView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    jobApplicationId: z.uuid().nullable(),
    direction: z.enum(WhatsAppMessageDirection),
    wamid: z.string().nullable(),
    fromPhone: z.string(),
    toPhone: z.string(),
    messageType: z.string(),
    templateName: z.string().nullable(),
    body: z.string().nullable(),
    status: z.enum(WhatsAppMessageStatus),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    readAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WhatsAppMessage');

const Common = { jobApplicationId: z.uuid().optional(), status: z.enum(WhatsAppMessageStatus).optional() };
export const MyWhatsAppMessagesQuery = PageQuery.extend(Common);
export const WhatsAppMessagesQuery = PageQuery.extend({ ...Common, userId: z.uuid().optional() });
