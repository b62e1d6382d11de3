import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { LeadImportBatchStatus } from '../../../prisma/generated/enums.js';
import { IMPORT_ASSIGN, MAX_STORED_ERROR_ROWS } from '../../../services/crm/csv-import.js';
import { SESSION_YEAR } from '../../../services/crm/lead-input.js';
import { bearer } from '../../middleware/auth.js';
import { problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['CRM'];
export const CRM_IMPORTS_PATH = '/api/crm/imports';

/** The upload streams under its own limit (CRM_IMPORT_MAX_BYTES), so the global body limit skips it. */
export const hasOwnBodyLimit = (c: Context) => c.req.path === CRM_IMPORTS_PATH && c.req.method === 'POST';

const FieldError = z.object({ path: z.string(), message: z.string() });

export const LeadImport = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(LeadImportBatchStatus),
    platform: z.string(),
    totalRows: z.number().int().openapi({ description: 'Data rows read so far; the file total once completed' }),
    processedRows: z.number().int().openapi({ description: 'Rows committed: importedRows + mergedRows + failedRows' }),
    importedRows: z.number().int().openapi({ description: 'New leads created' }),
    mergedRows: z.number().int().openapi({ description: 'Rows merged into an existing lead (same phone or email on the platform)' }),
    failedRows: z.number().int(),
    errors: z
      .array(z.object({ row: z.number().int().openapi({ description: 'Line number in the file (the header is line 1)' }), errors: z.array(FieldError) }))
      .openapi({ description: `The failed rows and why (the first ${MAX_STORED_ERROR_ROWS})` }),
    omittedErrorRows: z.number().int().openapi({ description: 'Failed rows beyond the stored ones' }),
    errorMessage: z.string().nullable().openapi({ description: 'Why the import stopped (status failed)' }),
    assign: z.enum(IMPORT_ASSIGN),
    salesHeadId: z.uuid().nullable(),
    sessionYear: z.string().nullable(),
    batchId: z.uuid().nullable(),
    uploadedById: z.uuid().nullable(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LeadImport');

export const ImportQuery = z.object({
  importId: z.string().trim().min(1).max(200).optional().openapi({ description: 'The import’s identity when no Idempotency-Key header is sent' }),
  assign: z.enum(IMPORT_ASSIGN).default('none').openapi({ description: 'New leads: leave unassigned, assign to yourself (SALES), or round-robin over a team' }),
  salesHeadId: z.uuid().optional().openapi({ description: 'Team for assign=round-robin (admins must name one; a sales head defaults to their own team)' }),
  sessionYear: SESSION_YEAR.optional().openapi({ description: 'For rows without a session_year column value; defaults to the current year' }),
  batchId: z.uuid().optional().openapi({ description: 'The program every imported lead enquired about' }),
  fileName: z.string().trim().min(1).max(255).optional().openapi({ description: 'Shown in the import list; defaults to upload.csv' }),
});

const ImportHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'The import’s identity (required, or ?importId=). A UUID is used as the import id; another key maps to a stable id of its own.' }),
});

const csvBody = {
  required: true,
  description:
    'The CSV file as the raw body (Content-Type text/csv), UTF-8, comma-separated, header row first. Headers are matched leniently ' +
    '(case, spaces and underscores ignored): name, phone (mobile), email, alternate_phone, city, state, college, qualification, ' +
    'graduation_year, session_year, source_detail, utm_source, utm_medium, utm_campaign. Other columns go into extraData. ' +
    'A row needs a name and a phone or an email.',
  content: { 'text/csv': { schema: z.string().openapi({ example: 'name,phone,email,city\nRiya Sharma,98765 43210,riya@example.com,Pune\n' }) } },
};

export const createImportRoute = createRoute({
  method: 'post',
  path: CRM_IMPORTS_PATH,
  tags: TAGS,
  summary: 'Import leads from a CSV file (streamed; idempotent by Idempotency-Key; bad rows reported, not fatal)',
  description:
    'Rows are validated like POST /api/crm/leads and captured in chunks of 200 (one transaction each): a known phone or email merges, ' +
    'bad rows are recorded with their line number and do not stop the import. Progress is visible at GET /api/crm/imports/{id} while it runs. ' +
    'Retrying with the same key: a completed import answers its stored result (200) without importing again; a running one 409; ' +
    'a failed one resumes after its last committed row; a different file or different options 422. Limit: CRM_IMPORT_MAX_BYTES (413).',
  ...bearer(CRM_ROLES),
  request: { query: ImportQuery, headers: ImportHeaders, body: csvBody },
  responses: {
    200: { description: 'A replay of a completed import, or a resumed import that has now completed', content: { 'application/json': { schema: LeadImport } } },
    201: { description: 'Imported', content: { 'application/json': { schema: LeadImport } } },
    400: problemResponse('No Idempotency-Key or importId, bad query, or the upload broke off early'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SALES user or an admin, or a round robin over a team you do not head'),
    409: problemResponse('That import is still running'),
    413: problemResponse('The file exceeds CRM_IMPORT_MAX_BYTES'),
    415: problemResponse('Not text/csv'),
    422: problemResponse('Same key with a different file or options; unusable header; malformed CSV; or an assign choice that cannot apply'),
  },
});

const ImportId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const getImportRoute = createRoute({
  method: 'get',
  path: `${CRM_IMPORTS_PATH}/{id}`,
  tags: TAGS,
  summary: 'One import: status, progress, counts and the failed rows',
  ...bearer(CRM_ROLES),
  request: { params: ImportId },
  responses: {
    200: { description: 'The import', content: { 'application/json': { schema: LeadImport } } },
    400: problemResponse('Invalid id'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SALES user or an admin'),
    404: problemResponse('No such import, or not yours (admins see all)'),
  },
});

export const listImportsRoute = createRoute({
  method: 'get',
  path: CRM_IMPORTS_PATH,
  tags: TAGS,
  summary: 'Your imports, newest first (cursor pagination)',
  ...bearer(CRM_ROLES),
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of imports', content: { 'application/json': { schema: pageSchema(LeadImport).openapi('LeadImportPage') } } },
    400: problemResponse('Invalid cursor'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SALES user or an admin'),
  },
});
