// Bodies, filters and the view of batch token allotment requests.
import { z } from '@hono/zod-openapi';
import { MAX_TOKENS_PER_STUDENT, MIN_TOKENS_PER_STUDENT, tokenAllotmentLifecycle } from '../../../domain/token-allotment/status.js';
import { PageQuery } from '../../pagination.js';

export const RequestAllotmentBody = z
  .object({
    batchId: z.uuid(),
    tokensPerStudent: z.number().int().min(MIN_TOKENS_PER_STUDENT).max(MAX_TOKENS_PER_STUDENT),
    reason: z.string().trim().min(3).max(1000),
  })
  .strict()
  .openapi('TokenAllotmentRequestCreate');

export const AllotmentQuery = PageQuery.extend({ status: z.enum(tokenAllotmentLifecycle.states).optional(), batchId: z.uuid().optional() });

export const AllotmentView = z
  .object({
    id: z.uuid(),
    batchId: z.uuid().nullable(),
    requestedById: z.uuid(),
    decidedById: z.uuid().nullable(),
    tokensPerStudent: z.number().int(),
    reason: z.string().nullable(),
    status: z.enum(tokenAllotmentLifecycle.states),
    decidedAt: z.string().nullable(),
    fulfilledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TokenAllotmentRequest');

export const GrantView = AllotmentView.extend({
  studentsGranted: z.number().int().openapi({ description: 'Students ENROLLED in the batch who were credited' }),
  tokensGranted: z.number().int(),
}).openapi('TokenAllotmentGrant');

export const AllotmentId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
