// One page of rows into one table in one statement:
//   INSERT … SELECT … FROM unnest($n::text[], …) ON CONFLICT (key) DO UPDATE SET …
//   WHERE (t.cols) IS DISTINCT FROM (EXCLUDED.cols) RETURNING (xmax = 0)
// A returned row with xmax = 0 was inserted, any other returned row was updated, and a row
// that conflicted but compared equal is not returned at all: unchanged, and not rewritten (no
// dead tuple, no WAL). Every column travels as text and is cast in the SELECT, so one shape of
// statement serves every resource of both systems. Table and column names come from the
// resource specs in code, never from input.
import type { Tx } from '../../infra/prisma.js';

export type ColumnType = 'text' | 'uuid' | 'int' | 'numeric' | 'timestamptz' | 'jsonb';

export interface UpsertColumn {
  name: string;
  type: ColumnType;
  /** SQL over the unnested text value `v` (default `v::<type>`), e.g. a lookup. */
  expression?: (v: string) => string;
}

export interface UpsertSpec {
  /** "mrlearn"."learners" */
  table: string;
  /** The unique key ON CONFLICT targets, e.g. ["syncConfigId", "externalId"]. */
  conflict: string[];
  /** Columns bound once for the page (e.g. syncConfigId). */
  constants: { name: string; type: ColumnType }[];
  /** Columns per row, compared with IS DISTINCT FROM (except the conflict key). */
  columns: UpsertColumn[];
}

export type Cell = string | number | null;

export interface UpsertOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Prisma's DateTime columns are timestamp(3) holding UTC: an ISO instant is read as timestamptz, then taken in UTC. */
const castText = (v: string, type: ColumnType) => (type === 'timestamptz' ? `(${v}::timestamptz AT TIME ZONE 'UTC')` : `${v}::${type}`);

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The statement for a spec (built once per spec; exported for the benchmark). */
export function upsertSql(spec: UpsertSpec): string {
  const nConst = spec.constants.length;
  const constList = spec.constants.map((c, i) => `$${i + 1}::${c.type}`);
  const unnest = spec.columns.map((_, i) => `$${nConst + i + 1}::text[]`).join(', ');
  const aliases = spec.columns.map((_, i) => `c${i}`);
  const selectList = [...constList, ...spec.columns.map((c, i) => (c.expression ? c.expression(`u.c${i}`) : castText(`u.c${i}`, c.type)))];
  const all = [...spec.constants.map((c) => c.name), ...spec.columns.map((c) => c.name)];
  const updatable = spec.columns.map((c) => c.name).filter((n) => !spec.conflict.includes(n));
  const set = [...updatable.map((n) => `${q(n)} = EXCLUDED.${q(n)}`), `"lastSyncedAt" = now()`, `"updatedAt" = now()`].join(', ');
  const distinct = `(${updatable.map((n) => `t.${q(n)}`).join(', ')}) IS DISTINCT FROM (${updatable.map((n) => `EXCLUDED.${q(n)}`).join(', ')})`;
  return (
    `INSERT INTO ${spec.table} AS t (${[...all.map(q), '"lastSyncedAt"', '"updatedAt"'].join(', ')}) ` +
    `SELECT ${[...selectList, 'now()', 'now()'].join(', ')} FROM unnest(${unnest}) AS u(${aliases.join(', ')}) ` +
    `ON CONFLICT (${spec.conflict.map(q).join(', ')}) DO UPDATE SET ${set} WHERE ${distinct} ` +
    `RETURNING (xmax = 0) AS inserted`
  );
}

const sqlCache = new WeakMap<UpsertSpec, string>();

/** Upserts `rows` (one array of cells per row, in spec.columns order); rows must be unique on the conflict key. */
export async function upsertPage(tx: Pick<Tx, '$queryRawUnsafe'>, spec: UpsertSpec, constants: Cell[], rows: Cell[][]): Promise<UpsertOutcome> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  let sql = sqlCache.get(spec);
  if (!sql) sqlCache.set(spec, (sql = upsertSql(spec)));
  const columns = spec.columns.map((_, i) => rows.map((r) => (r[i] === null || r[i] === undefined ? null : String(r[i]))));
  const returned = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(sql, ...constants, ...columns);
  const inserted = returned.filter((r) => r.inserted).length;
  return { inserted, updated: returned.length - inserted, unchanged: rows.length - returned.length };
}
