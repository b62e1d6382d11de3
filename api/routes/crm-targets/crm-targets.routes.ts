// Salesperson monthly targets: set by the salesperson's sales head or an admin, read by the
// salesperson; progress comes from the KPI rollup.
import { createRoute, z } from '@hono/zod-openapi';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['CRM'];
const TargetId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM').openapi({ example: '2026-12' });
const Count = z.number().int().min(0).max(1_000_000);
const Revenue = z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'Rupees, up to 2 decimals').openapi({ example: '250000.00' });

export const TargetView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    periodType: z.enum(['daily', 'weekly', 'monthly', 'quarterly']),
    month: z.string(),
    periodStart: z.string().openapi({ description: 'First day (YYYY-MM-DD, IST calendar)' }),
    periodEnd: z.string().openapi({ description: 'Last day, included' }),
    targetCalls: z.number().int(),
    targetLeadsContacted: z.number().int(),
    targetConversions: z.number().int(),
    targetRevenue: z.string().nullable().openapi({ description: 'INR rupees' }),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SalespersonTarget');

const Measure = z.object({ target: z.number().int(), actual: z.number(), pct: z.number().nullable() });
export const TargetProgressView = z
  .object({
    target: TargetView,
    progress: z.object({
      calls: Measure.openapi({ description: 'KPI crm.calls_made' }),
      leadsContacted: Measure.openapi({ description: 'KPI crm.calls_connected' }),
      conversions: Measure.openapi({ description: 'KPI crm.leads_converted' }),
      revenue: z.object({ target: z.string().nullable(), actual: z.null() }).openapi({ description: 'No rollup metric yet: actual is null' }),
      asOf: z.string().nullable().openapi({ description: 'When the rollup last computed a row of this period' }),
    }),
  })
  .openapi('SalespersonTargetProgress');

const fields = {
  targetCalls: Count.optional(),
  targetLeadsContacted: Count.optional(),
  targetConversions: Count.optional(),
  targetRevenue: Revenue.nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
};
const CreateTargetBody = z.object({ userId: z.uuid(), month: Month, ...fields }).strict().openapi('CreateSalespersonTarget');
const UpdateTargetBody = z
  .object(fields)
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateSalespersonTarget');
const TargetListQuery = PageQuery.extend({ userId: z.uuid().optional(), month: Month.optional() });

const noTarget = { 404: problemResponse('No such target, or not one you may see') };
const notTheirHead = { 403: problemResponse('Not the salesperson’s sales head or an admin') };

export const createTargetRoute = createRoute({
  method: 'post',
  path: '/api/crm/targets',
  tags: TAGS,
  summary: 'Set a salesperson’s target for a month (their sales head or an admin)',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(CreateTargetBody) },
  responses: {
    201: jsonResponse('The target', TargetView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    ...notTheirHead,
    409: problemResponse('That month already has a target'),
    422: problemResponse('Not an active SALES user'),
  },
});

export const listTargetsRoute = createRoute({
  method: 'get',
  path: '/api/crm/targets',
  tags: TAGS,
  summary: 'Targets: a salesperson sees their own (a head also the team’s); admins all. Newest first',
  ...bearer(CRM_ROLES),
  request: { query: TargetListQuery },
  responses: { 200: jsonResponse('A page of targets', pageSchema(TargetView).openapi('SalespersonTargetPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const targetProgressRoute = createRoute({
  method: 'get',
  path: '/api/crm/targets/{id}',
  tags: TAGS,
  summary: 'One target with its progress from the KPI rollup',
  ...bearer(CRM_ROLES),
  request: { params: TargetId },
  responses: { 200: jsonResponse('The target and its progress', TargetProgressView), 400: problemResponse('Invalid id'), ...authProblems, ...noTarget },
});

export const updateTargetRoute = createRoute({
  method: 'patch',
  path: '/api/crm/targets/{id}',
  tags: TAGS,
  summary: 'Change a target (the salesperson’s sales head or an admin)',
  ...bearer(CRM_ROLES),
  request: { params: TargetId, body: jsonBody(UpdateTargetBody) },
  responses: { 200: jsonResponse('The target', TargetView), 400: problemResponse('Invalid body'), ...authProblems, ...notTheirHead, ...noTarget },
});

export const deleteTargetRoute = createRoute({
  method: 'delete',
  path: '/api/crm/targets/{id}',
  tags: TAGS,
  summary: 'Delete a target (the salesperson’s sales head or an admin)',
  ...bearer(CRM_ROLES),
  request: { params: TargetId },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...notTheirHead, ...noTarget },
});
