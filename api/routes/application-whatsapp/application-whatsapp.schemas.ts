// An application's WhatsApp thread: the staff send body and the message view.
import { z } from '@hono/zod-openapi';
import { TEXT_MAX_LENGTH } from '../../../providers/whatsapp/interface.js';
import { PageQuery } from '../../pagination.js';

const TemplateSend = z
  .object({
    template: z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/, { message: 'An approved template name: lower case letters, digits and _' })
      .openapi({ description: 'An approved WhatsApp template name', example: 'application_update' }),
    params: z.array(z.string().trim().min(1).max(1024)).max(10).default([]).openapi({ description: 'Body parameters {{1}}, {{2}}, … in order' }),
  })
  .strict()
  .openapi('ApplicationWhatsAppTemplateSend');
const TextSend = z
  .object({ text: z.string().trim().min(1).max(TEXT_MAX_LENGTH).openapi({ description: 'Free text: WhatsApp delivers it only within 24 hours of the applicant’s last message' }) })
  .strict()
  .openapi('ApplicationWhatsAppTextSend');

export const SendApplicationWhatsAppBody = z.union([TemplateSend, TextSend]).openapi('ApplicationWhatsAppSend');

export const ApplicationWhatsAppQuery = PageQuery;

export const ApplicationWhatsAppView = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    sentById: z.uuid().nullable().openapi({ description: 'The staff member; null for inbound replies' }),
    direction: z.enum(['inbound', 'outbound']),
    status: z.enum(['queued', 'sent', 'delivered', 'read', 'failed', 'received']),
    phoneNumber: z.string().openapi({ description: 'The applicant’s number (E.164)' }),
    body: z.string().nullable(),
    templateName: z.string().nullable(),
    templateParams: z.array(z.string()).nullable(),
    providerMessageId: z.string().nullable().openapi({ description: 'The wamid, once the provider took it' }),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ApplicationWhatsAppMessage');

export const ApplicationWhatsAppQueued = ApplicationWhatsAppView.extend({ workflowId: z.string().openapi({ description: 'The delivery workflow (application-whatsapp/<id>)' }) }).openapi('ApplicationWhatsAppQueued');
