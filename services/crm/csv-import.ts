// CSV lead import, streamed: the body goes through csv-parse as it arrives and never sits in
// memory whole. Rows are validated like POST /api/crm/leads and captured (create or merge) in
// chunks of IMPORT_CHUNK_ROWS, one transaction each, so progress is committed as it goes and
// a failed import resumes after its last committed row. The import id is its idempotency key:
// a completed import replays its result, a running one answers 409, a different file 422.
import { createHash, randomUUID } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { z } from '@hono/zod-openapi';
import { headerOf, mapHeader, mapRow, type HeaderMapping } from '../../domain/crm/csv-columns.js';
import { leadImportLifecycle } from '../../domain/crm/import-status.js';
import { defaultSessionYear } from '../../domain/crm/lead-merge.js';
import { type Prisma, type LeadImportBatch } from '../../prisma/generated/client.js';
import type { ServiceDeps, AuthContext } from '../deps.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { leadAssignedEvent, lockTeams, writeAssignment } from './assignment.js';
import { captureManyInTx } from './bulk-capture.js';
import { CAPTURE_TX_OPTIONS, retryOnConflict, type Tx } from './lead-capture.js';
import { leadContactShape, needsPhoneOrEmail, normalizeContact } from './lead-input.js';
import { emitLeadEvents, type LeadEvent } from '../crm-engine/triggers.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export const IMPORT_CHUNK_ROWS = 200;
/** The file identity checked before a retry does anything: a hash of its first 64 KiB. */
export const IMPORT_PREFIX_BYTES = 64 * 1024;
/** A `processing` import untouched this long is taken to be dead, and a retry resumes it. */
export const IMPORT_LEASE_MS = 120_000;
export const MAX_STORED_ERROR_ROWS = 1_000;
export const DEFAULT_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const IMPORT_ASSIGN = ['none', 'self', 'round-robin'] as const;
export type ImportAssign = (typeof IMPORT_ASSIGN)[number];

export interface ImportOptions {
  assign: ImportAssign;
  /** The team a round-robin import hands out to. */
  salesHeadId: string | null;
  sessionYear: string | null;
  batchId: string | null;
}

export interface RowError {
  row: number;
  errors: FieldError[];
}

/**
 * lead_import_batches has no columns for the idempotency check, the run lease or the options,
 * so they live in its `errors` JSON next to the row errors (see docs/architecture.md).
 */
interface ImportState {
  rows: RowError[];
  /** Failed rows beyond MAX_STORED_ERROR_ROWS (counted, not stored). */
  omittedRows: number;
  upload: {
    prefixSha256: string;
    prefixBytes: number;
    /** Of the whole file, once an import has read it to the end. */
    sha256: string | null;
    bytes: number | null;
    /** The run that owns the import; a chunk commits only while its run still holds this. */
    lease: string | null;
    options: ImportOptions;
  };
}

export function importState(batch: Pick<LeadImportBatch, 'errors'>): ImportState | null {
  const e = batch.errors as Partial<ImportState> | null;
  return e && typeof e === 'object' && Array.isArray(e.rows) && e.upload ? (e as ImportState) : null;
}

export const processedRows = (b: Pick<LeadImportBatch, 'importedCount' | 'duplicateCount' | 'failedCount'>) => b.importedCount + b.duplicateCount + b.failedCount;

// ---------------------------------------------------------------------------------------------
// Import ids: a UUID key is the id; any other key maps to a UUIDv5 scoped to the uploader.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IMPORT_NAMESPACE = Buffer.from('6f1c1c2e9b7a4f0e8d2a5b3c4d5e6f70', 'hex');

export function importIdFor(userId: string, key: string): string {
  if (UUID.test(key)) return key.toLowerCase();
  const b = createHash('sha1').update(IMPORT_NAMESPACE).update(`${userId}\n${key}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// The request body: counted against the limit and hashed as it streams.

class UploadTooLarge extends Error {}
/** The client stopped sending (connection reset, aborted request). */
class UploadBroken extends Error {}

class Upload {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly hash = createHash('sha256');
  private held: Uint8Array[] = [];
  bytes = 0;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly limit: number,
  ) {
    this.reader = body.getReader();
  }

  private async next(): Promise<Uint8Array | null> {
    const { done, value } = await this.reader.read().catch((err: unknown) => {
      throw new UploadBroken('The upload broke off', { cause: err });
    });
    if (done) return null;
    this.bytes += value.byteLength;
    if (this.bytes > this.limit) throw new UploadTooLarge();
    this.hash.update(value);
    return value;
  }

  /** The first `n` bytes (fewer when the file is shorter); they are replayed by chunks(). */
  async prefix(n: number): Promise<Buffer> {
    let length = 0;
    while (length < n) {
      const chunk = await this.next();
      if (!chunk) break;
      this.held.push(chunk);
      length += chunk.byteLength;
    }
    return Buffer.concat(this.held).subarray(0, n);
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    const held = this.held;
    this.held = [];
    yield* held;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) yield chunk;
  }

  async drain(): Promise<void> {
    for await (const _ of this.chunks());
  }

  sha256 = () => this.hash.copy().digest('hex');

  release() {
    this.reader.cancel().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Running an import.

export interface ImportRequest {
  importId: string;
  fileName: string;
  platform: string;
  auth: AuthContext;
  options: ImportOptions;
  body: ReadableStream<Uint8Array>;
  contentLength: number | undefined;
}

export type ImportOutcome = { kind: 'created' | 'resumed' | 'replayed'; batch: LeadImportBatch };

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => v as Prisma.InputJsonValue;
const sameOptions = (a: ImportOptions, b: ImportOptions) => a.assign === b.assign && a.salesHeadId === b.salesHeadId && a.sessionYear === b.sessionYear && a.batchId === b.batchId;

export async function runImport(deps: ServiceDeps, req: ImportRequest): Promise<ImportOutcome> {
  const limit = deps.config.crmImportMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  if (req.contentLength !== undefined && req.contentLength > limit) throw tooLarge(limit);
  const upload = new Upload(req.body, limit);
  try {
    let prefix: Buffer;
    try {
      prefix = await upload.prefix(IMPORT_PREFIX_BYTES);
    } catch (err) {
      throw err instanceof UploadTooLarge ? tooLarge(limit) : new DomainError('BAD_REQUEST', 'The upload broke off before its first 64 KiB arrived; send it again');
    }
    const file = { prefixSha256: sha256(prefix), prefixBytes: prefix.byteLength };
    const existing = await deps.db.leadImportBatch.findUnique({ where: { id: req.importId } });
    let claimed: { batch: LeadImportBatch; state: ImportState };
    let kind: ImportOutcome['kind'];
    if (existing) {
      const state = importState(existing);
      if (existing.uploadedById !== req.auth.userId || !state) throw new DomainError('CONFLICT', 'That import id belongs to another import');
      if (state.upload.prefixSha256 !== file.prefixSha256 || state.upload.prefixBytes !== file.prefixBytes) throw differentFile();
      if (!sameOptions(state.upload.options, req.options)) throw new DomainError('UNPROCESSABLE', 'This import id was first used with other options (assign, salesHeadId, sessionYear or batchId)');
      if (existing.status === 'completed') {
        await upload.drain().catch((err: unknown) => {
          throw err instanceof UploadTooLarge ? tooLarge(limit) : err instanceof UploadBroken ? new DomainError('BAD_REQUEST', 'The upload broke off; send it again') : err;
        });
        if (state.upload.sha256 !== null && (state.upload.sha256 !== upload.sha256() || state.upload.bytes !== upload.bytes)) throw differentFile();
        return { kind: 'replayed', batch: existing };
      }
      claimed = await claim(deps, existing, state);
      kind = 'resumed';
    } else {
      claimed = await create(deps, req, file);
      kind = 'created';
    }
    const batch = await processUpload(deps, req, upload, claimed.batch, claimed.state, limit);
    return { kind, batch };
  } finally {
    upload.release();
  }
}

const tooLarge = (limit: number) => new DomainError('PAYLOAD_TOO_LARGE', `The import exceeds ${limit} bytes (CRM_IMPORT_MAX_BYTES)`);
const differentFile = () => new DomainError('UNPROCESSABLE', 'This import id was used for a different file; use a new Idempotency-Key');

async function create(deps: ServiceDeps, req: ImportRequest, file: { prefixSha256: string; prefixBytes: number }) {
  const state: ImportState = { rows: [], omittedRows: 0, upload: { ...file, sha256: null, bytes: null, lease: randomUUID(), options: req.options } };
  try {
    const batch = await deps.db.leadImportBatch.create({
      data: {
        id: req.importId,
        uploadedById: req.auth.userId,
        fileName: req.fileName,
        status: 'processing',
        platform: req.platform,
        sessionYear: req.options.sessionYear,
        batchId: req.options.batchId,
        startedAt: new Date(),
        errors: json(state),
      },
    });
    return { batch, state };
  } catch (err) {
    // The same id arrived twice at once: the other request runs it.
    if (isUniqueViolation(err)) throw stillRunning();
    throw err;
  }
}

const stillRunning = () => new DomainError('CONFLICT', 'This import is still running; poll GET /api/crm/imports/{id}');

/** Takes over a failed (or dead) import: compare-and-set on status and updatedAt, so one retry wins. */
async function claim(deps: ServiceDeps, existing: LeadImportBatch, state: ImportState) {
  const stale = existing.status === 'processing' && existing.updatedAt.getTime() < Date.now() - IMPORT_LEASE_MS;
  if (existing.status === 'processing' && !stale) throw stillRunning();
  if (!stale) leadImportLifecycle.assertTransition(existing.status, 'processing');
  const next: ImportState = { ...state, upload: { ...state.upload, lease: randomUUID() } };
  const { count } = await deps.db.leadImportBatch.updateMany({
    where: { id: existing.id, status: existing.status, updatedAt: existing.updatedAt },
    data: { status: 'processing', errorMessage: null, errors: json(next), ...(existing.startedAt ? {} : { startedAt: new Date() }) },
  });
  if (count === 0) throw stillRunning();
  return { batch: await deps.db.leadImportBatch.findUniqueOrThrow({ where: { id: existing.id } }), state: next };
}

class LeaseLost extends Error {}

interface PendingRow {
  row: number;
  errors: FieldError[];
  contact?: ReturnType<typeof normalizeContact>;
  sessionYear?: string;
}

const RowSchema = z.object(leadContactShape).refine(needsPhoneOrEmail.check, needsPhoneOrEmail.params);

function validateRow(mapping: HeaderMapping, cells: string[], row: number, defaultYear: string): PendingRow {
  const { values, extraData, surplusCells } = mapRow(mapping, cells);
  const year = values.graduationYear;
  const input = { ...values, graduationYear: year !== undefined && /^\d{1,4}$/.test(year) ? Number(year) : year, extraData };
  const parsed = RowSchema.safeParse(input);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const [field, key] = i.path.map(String);
        return { path: field === 'extraData' && key ? key : headerOf(mapping, field ?? ''), message: i.message };
      });
  if (surplusCells > 0) errors.push({ path: `(column ${mapping.columns.length + 1})`, message: `${surplusCells} cell(s) beyond the header’s ${mapping.columns.length} columns` });
  if (!parsed.success || errors.length) return { row, errors };
  return { row, errors, contact: normalizeContact(parsed.data), sessionYear: parsed.data.sessionYear ?? defaultYear };
}

async function processUpload(deps: ServiceDeps, req: ImportRequest, upload: Upload, batch: LeadImportBatch, state: ImportState, limit: number): Promise<LeadImportBatch> {
  const lease = state.upload.lease!;
  const options = state.upload.options;
  const skip = processedRows(batch);
  const defaultYear = batch.sessionYear ?? defaultSessionYear(new Date());
  const records = pipeline(
    Readable.from(upload.chunks(), { objectMode: false }),
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 128 * 1024 }),
    () => undefined, // errors surface in the loop below
  );
  let mapping: HeaderMapping | undefined;
  let index = 0;
  let pending: PendingRow[] = [];
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!mapping) {
        mapping = mapHeader(record);
        if (mapping.problems.length) {
          throw new DomainError('UNPROCESSABLE', `The header row cannot be used: ${mapping.problems.join('; ')}`, mapping.problems.map((message) => ({ path: 'header', message })));
        }
        continue;
      }
      if (record.every((c) => c.trim() === '')) continue; // a row of empty cells is a blank line
      index += 1;
      if (index <= skip) continue; // committed by an earlier run
      const row = info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
      pending.push(validateRow(mapping, record, row, defaultYear));
      if (pending.length >= IMPORT_CHUNK_ROWS) {
        await commitChunk(deps, req.auth, batch, lease, options, pending);
        pending = [];
      }
    }
    if (!mapping) throw new DomainError('UNPROCESSABLE', 'The file is empty: it needs a header row');
    await commitChunk(deps, req.auth, batch, lease, options, pending);
    return await finish(deps, batch.id, lease, upload);
  } catch (err) {
    if (err instanceof LeaseLost) throw stillRunning(); // a later retry took over; leave it alone
    const problem =
      err instanceof UploadTooLarge
        ? tooLarge(limit)
        : err instanceof UploadBroken
          ? new DomainError('BAD_REQUEST', 'The upload broke off; retry with the same Idempotency-Key to resume after the rows already committed')
          : err instanceof CsvError
          ? new DomainError('UNPROCESSABLE', `The CSV is malformed: ${err.message}. Rows before it were imported; fix the file and import it under a new key.`)
          : err instanceof DomainError
            ? err
            : null;
    await markFailed(deps, batch.id, lease, problem?.message ?? 'The upload broke off or the import failed; retry with the same Idempotency-Key to resume').catch((e: unknown) =>
      deps.logger.error({ err: e, importId: batch.id }, 'could not mark the import failed'),
    );
    throw problem ?? err;
  }
}

/** Locks the import row and checks this run still owns it. */
async function lockOwned(tx: Tx, id: string, lease: string) {
  const [row] = await tx.$queryRaw<{ errors: unknown; imported: number; merged: number; failed: number }[]>`
    SELECT "errors", "imported_count" AS "imported", "duplicate_count" AS "merged", "failed_count" AS "failed"
    FROM "mas_crm"."lead_import_batches" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const state = row ? importState({ errors: row.errors as Prisma.JsonValue }) : null;
  if (!row || !state || state.upload.lease !== lease) throw new LeaseLost();
  return { state, counts: { importedCount: row.imported, duplicateCount: row.merged, failedCount: row.failed } };
}

async function commitChunk(deps: ServiceDeps, auth: AuthContext, batch: LeadImportBatch, lease: string, options: ImportOptions, rows: PendingRow[]) {
  if (rows.length === 0) return;
  const good = rows.filter((r) => r.contact);
  const failed = rows.filter((r) => !r.contact);
  const events = await retryOnConflict(() =>
    deps.db.$transaction(async (tx) => {
      const { state, counts } = await lockOwned(tx, batch.id, lease);
      const captured = await captureManyInTx(
        tx,
        batch.platform,
        good.map((r) => ({
          platform: batch.platform,
          name: r.contact!.name,
          phone: r.contact!.phone,
          email: r.contact!.email,
          sessionYear: r.sessionYear!,
          sourceType: 'import' as const,
          fields: { ...r.contact!.fields, batchId: options.batchId },
          extraData: r.contact!.extraData,
          performedBy: auth.userId,
        })),
        batch.id,
      );
      // A merged lead keeps whoever works it; only new leads are handed out.
      const created = captured.filter((c) => !c.merged).map((c) => c.lead);
      const events: LeadEvent[] = created.map((lead) => ({ type: 'LEAD_CREATED', leadId: lead.id, platform: lead.platform, sourceType: lead.sourceType }));
      const pickers = options.assign === 'round-robin' && options.salesHeadId && created.length ? await lockTeams(tx, [options.salesHeadId]) : null;
      for (const lead of created) {
        const pick = options.assign === 'self' ? { userId: auth.userId, at: new Date() } : pickers?.get(options.salesHeadId!)?.();
        if (pick && (await writeAssignment(tx, { lead, to: pick.userId, by: auth.userId, method: options.assign === 'self' ? 'import' : 'round_robin', at: pick.at }))) {
          events.push(leadAssignedEvent(lead, pick.userId));
        }
      }
      const room = Math.max(0, MAX_STORED_ERROR_ROWS - state.rows.length);
      const next: ImportState = {
        ...state,
        rows: [...state.rows, ...failed.slice(0, room).map(({ row, errors }) => ({ row, errors }))],
        omittedRows: state.omittedRows + Math.max(0, failed.length - room),
      };
      const after = {
        importedCount: counts.importedCount + created.length,
        duplicateCount: counts.duplicateCount + (captured.length - created.length),
        failedCount: counts.failedCount + failed.length,
      };
      await tx.leadImportBatch.update({ where: { id: batch.id }, data: { ...after, totalRows: processedRows(after), errors: json(next) } });
      return events;
    }, CAPTURE_TX_OPTIONS),
  );
  await emitLeadEvents(deps, events);
}

async function finish(deps: ServiceDeps, id: string, lease: string, upload: Upload): Promise<LeadImportBatch> {
  return deps.db.$transaction(async (tx) => {
    const { state } = await lockOwned(tx, id, lease);
    const next: ImportState = { ...state, upload: { ...state.upload, sha256: upload.sha256(), bytes: upload.bytes, lease: null } };
    const current = await tx.leadImportBatch.findUniqueOrThrow({ where: { id } });
    leadImportLifecycle.assertTransition(current.status, 'completed');
    return tx.leadImportBatch.update({ where: { id }, data: { status: 'completed', completedAt: new Date(), totalRows: processedRows(current), errors: json(next) } });
  });
}

async function markFailed(deps: ServiceDeps, id: string, lease: string, message: string) {
  await deps.db.$transaction(async (tx) => {
    const { state } = await lockOwned(tx, id, lease);
    await tx.leadImportBatch.update({ where: { id }, data: { status: 'failed', errorMessage: message.slice(0, 1000), errors: json({ ...state, upload: { ...state.upload, lease: null } }) } });
  });
}
