// What a sync run needs to know about one resource: where to page it, how to check a row, and
// how to write a page of checked rows (services/sync/upsert.ts). Mr Learn's and Mr Test's
// resources (mrlearn-resources.ts, mrtest-resources.ts) are lists of these; the run engine
// (runs.ts) is the same for both.
import type { z } from 'zod';
import { describeIssues } from '../../providers/lib/local-http.js';
import type { Tx } from '../../infra/prisma.js';
import { upsertPage, type Cell, type UpsertOutcome, type UpsertSpec } from './upsert.js';

export interface FailedRow {
  externalId: string | null;
  reason: string;
}

export interface WriteOutcome extends UpsertOutcome {
  failed: FailedRow[];
}

export interface SyncResource {
  name: string;
  /** The collection's path, e.g. /v1/learners. */
  path: string;
  /** Checks one raw row: the row (with its id and updated_at), or why it cannot be used. */
  parse(raw: unknown): { ok: true; row: { id: string; updated_at: string } & Record<string, unknown> } | { ok: false; failed: FailedRow };
  /** Writes a page of checked rows (unique by id) for one config. */
  write(tx: Tx, syncConfigId: string, rows: ({ id: string } & Record<string, unknown>)[]): Promise<WriteOutcome>;
}

export function parserFor<S extends z.ZodType<{ id: string; updated_at: string }>>(schema: S): SyncResource['parse'] {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { ok: true, row: parsed.data as { id: string; updated_at: string } & Record<string, unknown> };
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? ((raw as { id: string }).id.slice(0, 100) ?? null) : null;
    return { ok: false, failed: { externalId: id, reason: describeIssues(parsed.error).slice(0, 300) } };
  };
}

/** A parent a child row points at by its external id (a report's learner, a submission's exam). */
export interface ParentRef<R> {
  /** The parent's table, schema-qualified and quoted; its rows carry syncConfigId and externalId. */
  table: string;
  /** How a missing one is named in the failed row: "unknown <label> <external id>". */
  label: string;
  externalId: (row: R) => string;
}

/**
 * A resource whose rows point at parents synced before them, under the same config: the page's
 * parents are looked up at once; a row whose parent is not synced fails alone. With `keyOf`, the
 * upsert target is not the row's own id but its parents (one report per learner and course): the
 * last row of the page with a key wins. `perConfig`: the spec's one constant is the config id.
 */
export function childResource<S extends z.ZodType<{ id: string; updated_at: string }>>(def: {
  name: string;
  path: string;
  schema: S;
  spec: UpsertSpec;
  perConfig: boolean;
  parents: ParentRef<z.infer<S>>[];
  keyOf?: (parentIds: string[]) => string;
  cells: (row: z.infer<S>, parentIds: string[]) => Cell[];
}): SyncResource {
  return {
    name: def.name,
    path: def.path,
    parse: parserFor(def.schema),
    async write(tx, syncConfigId, rows) {
      const page = rows as unknown as z.infer<S>[];
      const maps: Map<string, string>[] = [];
      for (const p of def.parents) maps.push(await idsByExternalId(tx, p.table, syncConfigId, page.map(p.externalId)));
      const failed: FailedRow[] = [];
      const keyed = new Map<string, Cell[]>();
      const cells: Cell[][] = [];
      for (const r of page) {
        const ids = def.parents.map((p, k) => maps[k]!.get(p.externalId(r)));
        const missing = ids.findIndex((id) => id === undefined);
        if (missing !== -1) {
          const parent = def.parents[missing]!;
          failed.push({ externalId: r.id, reason: `unknown ${parent.label} ${parent.externalId(r)}` });
          continue;
        }
        const row = def.cells(r, ids as string[]);
        if (def.keyOf) keyed.set(def.keyOf(ids as string[]), row);
        else cells.push(row);
      }
      const outcome = await upsertPage(tx, def.spec, def.perConfig ? [syncConfigId] : [], def.keyOf ? [...keyed.values()] : cells);
      return { ...outcome, failed };
    },
  };
}

/** A resource whose rows carry the config id and their own external id (courses, learners, exams…). */
export function simpleResource<S extends z.ZodType<{ id: string; updated_at: string }>>(def: { name: string; path: string; schema: S; spec: UpsertSpec; cells: (row: z.infer<S>) => Cell[] }): SyncResource {
  return childResource({ ...def, perConfig: true, parents: [], cells: (row) => def.cells(row) });
}

/** External id → our id for the rows of `table` under this config (parents of a page of children). */
export async function idsByExternalId(tx: Tx, table: string, syncConfigId: string, externalIds: string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ externalId: string; id: string }[]>(`SELECT "externalId", "id"::text AS "id" FROM ${table} WHERE "syncConfigId" = $1::uuid AND "externalId" = ANY($2::text[])`, syncConfigId, [...new Set(externalIds)]);
  return new Map(rows.map((r) => [r.externalId, r.id]));
}

export const json = (v: unknown) => JSON.stringify(v);
export const lower = (s: string | null | undefined) => (s ? s.trim().toLowerCase() : null);
