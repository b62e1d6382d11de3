// Bodies and views of email templates (staff), with size limits on every field.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';

export const EmailTemplateView = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    subject: z.string(),
    htmlBody: z.string(),
    textBody: z.string().nullable(),
    variables: z.array(z.string()),
    isActive: z.boolean(),
    version: z.number().int().openapi({ description: 'Bumped by every change; each send records the version it rendered' }),
    system: z.boolean().openapi({ description: 'Sent by the platform itself: it can be edited, not deleted or deactivated' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('EmailTemplate');

const Name = z.string().trim().min(1).max(200);
const Description = z.string().trim().max(1000).nullable();
const Category = z.string().trim().min(1).max(50).nullable();
const Subject = z.string().trim().min(1).max(300);
const HtmlBody = z.string().min(1).max(100_000);
const TextBody = z.string().min(1).max(50_000).nullable();
const Variables = z.array(z.string().max(64)).max(50).openapi({ description: 'Exactly the {{placeholders}} the subject and bodies use' });

export const CreateEmailTemplateBody = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,99}$/, 'Lowercase letters, digits, . _ -')
      .openapi({ example: 'webinar-invite' }),
    name: Name,
    description: Description.optional(),
    category: Category.optional(),
    subject: Subject.openapi({ example: 'You are invited: {{webinarTitle}}' }),
    htmlBody: HtmlBody.openapi({ example: '<p>Hi {{name}}, join us for {{webinarTitle}}.</p>' }),
    textBody: TextBody.optional().openapi({ description: 'Absent: derived from the HTML' }),
    variables: Variables.openapi({ example: ['name', 'webinarTitle'] }),
    isActive: z.boolean().optional(),
  })
  .strict()
  .openapi('CreateEmailTemplate');

export const UpdateEmailTemplateBody = z
  .object({
    name: Name.optional(),
    description: Description.optional(),
    category: Category.optional(),
    subject: Subject.optional(),
    htmlBody: HtmlBody.optional(),
    textBody: TextBody.optional(),
    variables: Variables.optional(),
    isActive: z.boolean().optional(),
    expectedVersion: z.number().int().min(1).optional().openapi({ description: 'The version you edited: 409 when it moved on meanwhile' }),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), { message: 'Nothing to change' })
  .openapi('UpdateEmailTemplate');

export const PreviewEmailTemplateBody = z
  .object({
    data: z
      .record(z.string().max(64), z.string().max(5000))
      .refine((d) => Object.keys(d).length <= 50, { message: 'At most 50 variables' })
      .openapi({ description: 'A sample value for each declared variable', example: { name: 'Riya', webinarTitle: 'SQL in 60 minutes' } }),
  })
  .strict()
  .openapi('PreviewEmailTemplate');

export const EmailPreviewView = z
  .object({ subject: z.string(), html: z.string(), text: z.string(), templateKey: z.string(), templateVersion: z.number().int() })
  .openapi('EmailTemplatePreview');

export const EmailTemplatesQuery = PageQuery.extend({
  category: z.string().max(50).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const TemplateId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
