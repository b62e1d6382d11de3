// CSV lead imports: the upload streams into services/crm/csv-import.ts; reads show progress and
// the failed rows. An import is visible to its uploader and to admins.
import type { RouteHandler } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import { seesAllLeads } from '../../../domain/crm/access.js';
import type { LeadImportBatch } from '../../../prisma/generated/client.js';
import { assertTeamHasMembers, roundRobinTeam } from '../../../services/crm/assignment.js';
import { importIdFor, importState, processedRows, runImport, type ImportOptions } from '../../../services/crm/csv-import.js';
import type { AppEnv } from '../../deps.js';
import type { AuthContext } from '../../../services/deps.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import type { createImportRoute, getImportRoute, LeadImport, listImportsRoute } from './crm-imports.routes.js';

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain']);

export function toLeadImport(b: LeadImportBatch): z.infer<typeof LeadImport> {
  const state = importState(b);
  const options = state?.upload.options;
  return {
    id: b.id,
    fileName: b.fileName,
    status: b.status,
    platform: b.platform,
    totalRows: b.totalRows,
    processedRows: processedRows(b),
    importedRows: b.importedCount,
    mergedRows: b.duplicateCount,
    failedRows: b.failedCount,
    errors: state?.rows ?? [],
    omittedErrorRows: state?.omittedRows ?? 0,
    errorMessage: b.errorMessage,
    assign: options?.assign ?? 'none',
    salesHeadId: options?.salesHeadId ?? null,
    sessionYear: b.sessionYear,
    batchId: b.batchId,
    uploadedById: b.uploadedById,
    startedAt: b.startedAt?.toISOString() ?? null,
    completedAt: b.completedAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

async function resolveOptions(c: Parameters<RouteHandler<typeof createImportRoute, AppEnv>>[0], auth: AuthContext): Promise<ImportOptions> {
  const q = c.req.valid('query');
  const base = { sessionYear: q.sessionYear ?? null, batchId: q.batchId ?? null };
  if (q.assign === 'self') {
    if (auth.role !== 'SALES') throw new DomainError('UNPROCESSABLE', 'Only a SALES user can take imported leads (assign=self)', [{ path: 'query.assign', message: 'Not a SALES user' }]);
    return { ...base, assign: 'self', salesHeadId: null };
  }
  if (q.assign === 'round-robin') {
    const team = roundRobinTeam(auth, q.salesHeadId, 'query.salesHeadId');
    await assertTeamHasMembers(c.var.deps, team);
    return { ...base, assign: 'round-robin', salesHeadId: team };
  }
  return { ...base, assign: 'none', salesHeadId: null };
}

export const createImportHandler: RouteHandler<typeof createImportRoute, AppEnv> = async (c) => {
  const auth = c.get('auth')!;
  const query = c.req.valid('query');
  const headerKey = c.req.valid('header')['idempotency-key'];
  if (headerKey && query.importId && headerKey !== query.importId) throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key and importId differ', [{ path: 'query.importId', message: 'Must match the Idempotency-Key header' }]);
  const key = headerKey ?? query.importId;
  if (!key) throw new DomainError('VALIDATION_FAILED', 'An Idempotency-Key header (or ?importId=) is required', [{ path: 'header.idempotency-key', message: 'Required' }]);
  const type = (rawHeader(c, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CSV_TYPES.has(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as the raw body with Content-Type: text/csv');
  const options = await resolveOptions(c, auth);
  const body = c.req.raw.body;
  if (!body) throw new DomainError('VALIDATION_FAILED', 'The body is empty: send the CSV file');
  const length = rawHeader(c, 'content-length');
  const { kind, batch } = await runImport(c.var.deps, {
    importId: importIdFor(auth.userId, key),
    fileName: query.fileName ?? 'upload.csv',
    platform: c.get('platform'),
    auth,
    options,
    body,
    contentLength: length === undefined ? undefined : Number(length),
  });
  c.header('Location', `/api/crm/imports/${batch.id}`);
  return kind === 'created' ? c.json(toLeadImport(batch), 201) : c.json(toLeadImport(batch), 200);
};

export const getImportHandler: RouteHandler<typeof getImportRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const auth = c.get('auth')!;
  const batch = await c.var.deps.db.leadImportBatch.findFirst({ where: { id, ...(seesAllLeads(auth.role) ? {} : { uploadedById: auth.userId }) } });
  if (!batch) throw new DomainError('NOT_FOUND', 'No such import');
  return c.json(toLeadImport(batch), 200);
};

export const listImportsHandler: RouteHandler<typeof listImportsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await c.var.deps.db.leadImportBatch.findMany({ where: { AND: [page.where, { uploadedById: c.get('auth')!.userId }] }, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toLeadImport), nextCursor }, 200);
};
