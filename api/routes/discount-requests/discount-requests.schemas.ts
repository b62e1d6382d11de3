// Bodies, filters and the view of discount requests on program applications.
import { z } from '@hono/zod-openapi';
import { discountRequestLifecycle } from '../../../domain/discount-request/status.js';
import { PageQuery } from '../../pagination.js';

const Paise = z.number().int().min(1).max(100_000_000);

export const RequestDiscountBody = z
  .object({ discountPaise: Paise.openapi({ description: 'The whole discount wanted, INR paise; at most the fee' }), reason: z.string().trim().min(3).max(1000) })
  .strict()
  .openapi('DiscountRequestCreate');

export const ApproveDiscountBody = z
  .object({
    approvedDiscountPaise: Paise.optional().openapi({ description: 'Default: the amount requested; never more' }),
    decisionNote: z.string().trim().max(1000).optional(),
  })
  .strict()
  .openapi('DiscountRequestApproval');

export const RejectDiscountBody = z.object({ decisionNote: z.string().trim().min(3).max(1000) }).strict().openapi('DiscountRequestRejection');

export const DiscountRequestQuery = PageQuery.extend({
  status: z.enum(discountRequestLifecycle.states).optional(),
  applicationId: z.uuid().optional(),
  batchId: z.uuid().optional(),
});

export const DiscountRequestView = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    batchId: z.uuid().nullable(),
    requestedById: z.uuid().nullable(),
    approvedById: z.uuid().nullable().openapi({ description: 'Who decided (approved or rejected)' }),
    status: z.enum(discountRequestLifecycle.states),
    originalAmountPaise: z.number().int(),
    requestedDiscountPaise: z.number().int(),
    approvedDiscountPaise: z.number().int().nullable(),
    reason: z.string(),
    decisionNote: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('DiscountRequest');

export const DiscountRequestId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
