// PAP agreement templates: a body with {{placeholders}} (rendered as text, never as HTML) and the
// variables it declares, which must be exactly its placeholders.
import { z } from '@hono/zod-openapi';
import { PAP_TEMPLATE_VARIABLES } from '../../../domain/pap/mou.js';
import { PageQuery } from '../../pagination.js';

const fields = {
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  bodyHtml: z.string().min(20).max(100_000).openapi({ description: `The agreement; placeholders like {{legalName}} from: ${PAP_TEMPLATE_VARIABLES.join(', ')}` }),
  variables: z.array(z.string().min(1).max(50)).max(50),
  papFeePaise: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  papFeePercent: z.number().min(0).max(100).nullable().optional(),
  leegalityProfileId: z.string().trim().max(200).nullable().optional(),
  isActive: z.boolean().optional(),
};

export const TemplateCreateBody = z.object(fields).strict().openapi('PapTemplateCreate');
export const TemplatePatchBody = z
  .object({ ...fields, name: fields.name.optional(), bodyHtml: fields.bodyHtml.optional(), variables: fields.variables.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('PapTemplatePatch');

export const TemplateView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    version: z.number().int(),
    description: z.string().nullable(),
    bodyHtml: z.string().nullable(),
    variables: z.array(z.string()),
    papFeePaise: z.number().int().nullable(),
    papFeePercent: z.number().nullable(),
    leegalityProfileId: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PapTemplate');

export const TemplateQuery = PageQuery.extend({
  name: z.string().max(200).optional(),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const TemplateId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
