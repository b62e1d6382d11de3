// CSV lead imports over HTTP: the upload streams into services/crm/csv-import.ts; reads
// (services/crm/imports.ts) show progress and the failed rows.
import type { RouteHandler } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import type { LeadImportBatch } from '../../../prisma/generated/client.js';
import { importIdFor, importState, processedRows, runImport } from '../../../services/crm/csv-import.js';
import { getImport, listImports, resolveImportOptions } from '../../../services/crm/imports.js';
import type { AppEnv } from '../../deps.js';
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

export const createImportHandler: RouteHandler<typeof createImportRoute, AppEnv> = async (c) => {
  const auth = c.get('auth')!;
  const query = c.req.valid('query');
  const headerKey = c.req.valid('header')['idempotency-key'];
  if (headerKey && query.importId && headerKey !== query.importId) throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key and importId differ', [{ path: 'query.importId', message: 'Must match the Idempotency-Key header' }]);
  const key = headerKey ?? query.importId;
  if (!key) throw new DomainError('VALIDATION_FAILED', 'An Idempotency-Key header (or ?importId=) is required', [{ path: 'header.idempotency-key', message: 'Required' }]);
  const type = (rawHeader(c, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CSV_TYPES.has(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as the raw body with Content-Type: text/csv');
  const options = await resolveImportOptions(c.get('deps'), auth, query);
  const body = c.req.raw.body;
  if (!body) throw new DomainError('VALIDATION_FAILED', 'The body is empty: send the CSV file');
  const length = rawHeader(c, 'content-length');
  const { kind, batch } = await runImport(c.get('deps'), {
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
  return c.json(toLeadImport(await getImport(c.get('deps'), c.get('auth')!, c.req.valid('param').id)), 200);
};

export const listImportsHandler: RouteHandler<typeof listImportsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await listImports(c.get('deps'), c.get('auth')!, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toLeadImport), nextCursor }, 200);
};
