// A program batch's lead pool (admins): members with weight and daily cap, and the distribution
// of the batch's unassigned leads over it.
import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { BATCH_DISTRIBUTE_MAX } from '../../../services/crm/batch-assignments.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const TAGS = ['CRM'];
const BatchId = z.object({ batchId: z.uuid().openapi({ param: { name: 'batchId', in: 'path' } }) });
const MemberParams = BatchId.extend({ userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });

export const PoolMemberView = z
  .object({
    id: z.uuid(),
    batchId: z.uuid(),
    userId: z.uuid(),
    weight: z.number().int(),
    dailyCap: z.number().int().nullable(),
    isActive: z.boolean(),
    lastAssignedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('BatchLeadPoolMember');

const PutMemberBody = z
  .object({
    weight: z.number().int().min(1).max(100).optional().openapi({ description: 'Relative share (2 = twice the leads of 1); default 1' }),
    dailyCap: z.number().int().min(1).max(10_000).nullable().optional().openapi({ description: 'Leads per IST day at most; null = no cap' }),
    isActive: z.boolean().optional(),
  })
  .strict()
  .openapi('PutBatchLeadPoolMember');

const DistributeBody = z
  .object({
    limit: z.number().int().min(1).max(BATCH_DISTRIBUTE_MAX).optional().openapi({ description: `Leads to hand out at most (default and max ${BATCH_DISTRIBUTE_MAX})` }),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .openapi('DistributeBatchLeads');

const DistributeResult = z
  .object({
    assigned: z.array(z.object({ leadId: z.uuid(), userId: z.uuid() })),
    remaining: z.number().int().openapi({ description: 'Unassigned open leads of the batch still waiting' }),
  })
  .openapi('DistributeBatchLeadsResult');

const noBatch = { 404: problemResponse('No such batch') };

export const listPoolRoute = createRoute({
  method: 'get',
  path: '/api/crm/batches/{batchId}/lead-pool',
  tags: TAGS,
  summary: 'The salespeople who take the batch’s leads',
  ...bearer(STAFF),
  request: { params: BatchId },
  responses: { 200: jsonResponse('The pool', z.object({ items: z.array(PoolMemberView) }).openapi('BatchLeadPool')), 400: problemResponse('Invalid id'), ...authProblems, ...noBatch },
});

export const putPoolMemberRoute = createRoute({
  method: 'put',
  path: '/api/crm/batches/{batchId}/lead-pool/{userId}',
  tags: TAGS,
  summary: 'Add a salesperson to the batch’s pool, or change their weight, daily cap or active flag',
  ...bearer(STAFF),
  request: { params: MemberParams, body: jsonBody(PutMemberBody) },
  responses: { 200: jsonResponse('The member', PoolMemberView), 400: problemResponse('Invalid body'), ...authProblems, ...noBatch, 422: problemResponse('Not an active SALES user') },
});

export const removePoolMemberRoute = createRoute({
  method: 'delete',
  path: '/api/crm/batches/{batchId}/lead-pool/{userId}',
  tags: TAGS,
  summary: 'Take a salesperson out of the batch’s pool',
  ...bearer(STAFF),
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' }, 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('Not in the pool') },
});

export const distributeRoute = createRoute({
  method: 'post',
  path: '/api/crm/batches/{batchId}/lead-pool/distribute',
  tags: TAGS,
  summary: 'Hand the batch’s unassigned open leads (oldest first) to its pool by weighted round robin, within daily caps',
  description: 'One transaction under a per-batch lock: concurrent runs never hand out a lead twice. Each assignment writes a lead_assignment_history row (method bulk) and an activity row.',
  ...bearer(STAFF),
  request: { params: BatchId, body: jsonBody(DistributeBody) },
  responses: { 200: jsonResponse('What was handed out', DistributeResult), 400: problemResponse('Invalid body'), ...authProblems, ...noBatch, 422: problemResponse('The pool has no active salesperson') },
});
