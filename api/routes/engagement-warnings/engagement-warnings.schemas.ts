// Bodies and views of student warnings.
import { z } from '@hono/zod-openapi';
import { WarningSeverity, WarningType } from '../../../prisma/generated/enums.js';

export const WarningView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    issuedById: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    warningType: z.enum(WarningType),
    severity: z.enum(WarningSeverity),
    title: z.string(),
    message: z.string(),
    acknowledgedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Warning');

export const IssuedWarningView = WarningView.extend({
  activeWarnings: z.number().int().openapi({ description: 'The student’s unrevoked warnings, this one included' }),
  escalation: z.object({ reason: z.string(), notified: z.array(z.uuid()) }).nullable(),
}).openapi('IssuedWarning');

export const IssueWarningBody = z
  .object({
    warningType: z.enum(WarningType),
    severity: z.enum(WarningSeverity),
    title: z.string().trim().min(1).max(200),
    message: z.string().trim().min(1).max(2000),
    batchId: z.uuid().optional().openapi({ description: 'Default: the student’s newest ENROLLED batch' }),
  })
  .strict()
  .openapi('IssueWarning');

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
