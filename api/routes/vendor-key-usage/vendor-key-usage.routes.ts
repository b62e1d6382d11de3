// A vendor key's usage for admins: daily access summaries and the leads it ingested.
import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { VendorLeadStatus } from '../../../prisma/generated/enums.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['Admin'];
const KeyId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const Day = z.iso.date().openapi({ example: '2026-12-01' });
const counts = { requestCount: z.number().int(), successCount: z.number().int(), errorCount: z.number().int(), rateLimitedCount: z.number().int(), leadsReceivedCount: z.number().int(), duplicateCount: z.number().int() };

const SummariesView = z
  .object({
    from: z.string(),
    to: z.string(),
    days: z.array(z.object({ day: z.string(), ...counts, firstRequestAt: z.string().nullable(), lastRequestAt: z.string().nullable(), lastIp: z.string().nullable() })),
    totals: z.object(counts),
  })
  .openapi('VendorKeyAccessSummaries');

const KeyLeadView = z
  .object({
    id: z.uuid(),
    status: z.enum(VendorLeadStatus),
    externalLeadId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    city: z.string().nullable(),
    promotedRawLeadId: z.uuid().nullable(),
    promotedAt: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    requestIp: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('VendorKeyLead');

export const keySummariesRoute = createRoute({
  method: 'get',
  path: '/api/admin/vendor-keys/{id}/access-summaries',
  tags: TAGS,
  summary: 'A key’s per-day request counters (UTC days, default the last 30), newest first, with totals',
  ...bearer(STAFF),
  request: { params: KeyId, query: z.object({ from: Day.optional(), to: Day.optional() }) },
  responses: { 200: jsonResponse('The days and their totals', SummariesView), 400: problemResponse('Invalid range'), ...authProblems, 404: problemResponse('No such vendor key') },
});

export const keyLeadsRoute = createRoute({
  method: 'get',
  path: '/api/admin/vendor-keys/{id}/leads',
  tags: TAGS,
  summary: 'The leads a key ingested, newest first (cursor pagination)',
  ...bearer(STAFF),
  request: { params: KeyId, query: PageQuery.extend({ status: z.enum(VendorLeadStatus).optional() }) },
  responses: { 200: jsonResponse('A page of vendor leads', pageSchema(KeyLeadView).openapi('VendorKeyLeadPage')), 400: problemResponse('Invalid query'), ...authProblems, 404: problemResponse('No such vendor key') },
});
