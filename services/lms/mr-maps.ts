// Batch ↔ Mr Learn course / Mr Test exam maps (batch_mr_learn_courses, batch_mr_test_exams).
// Staff map a batch to an external course or exam by its external id. A map is never deleted:
// DELETE sets isActive=false and a second POST of the same pair reactivates it (an upsert on
// the unique (batchId, external id) pair, so concurrent POSTs cannot make two rows).
// Validation: when the synced table already holds rows (a sync has run), the external id must
// name one of them that is not removed (422 otherwise) and its title is cached on the map; before
// the first sync any id is accepted and the name given in the body (if any) is cached.
import { isStaff } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Db = Deps['db'];
export type MapKind = 'mrLearn' | 'mrTest';

export interface MapBody {
  externalId: string;
  name?: string | null | undefined;
}

export interface MapView {
  id: string;
  batchId: string;
  kind: MapKind;
  externalId: string;
  name: string | null;
  /** True when the external id names a row of the synced table (not removed). */
  synced: boolean;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

interface MapRow {
  id: string;
  batchId: string;
  externalId: string;
  name: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The two map tables (and the synced tables they point into) differ in names only. */
const tables = {
  mrLearn: {
    label: 'Mr Learn course',
    async list(db: Db, batchId: string, activeOnly: boolean): Promise<MapRow[]> {
      const rows = await db.batchMrLearnCourse.findMany({ where: { batchId, ...(activeOnly ? { isActive: true } : {}) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map((r) => ({ ...r, externalId: r.mrLearnCourseId, name: r.mrLearnCourseName }));
    },
    async synced(db: Db, externalIds: string[]): Promise<Map<string, string>> {
      if (!externalIds.length) return new Map();
      const rows = await db.mrLearnCourse.findMany({ where: { externalId: { in: externalIds }, removedAt: null }, select: { externalId: true, title: true }, orderBy: { updatedAt: 'desc' } });
      return firstTitles(rows);
    },
    anySynced: async (db: Db) => (await db.mrLearnCourse.count({ take: 1 })) > 0,
    async upsert(db: Db, batchId: string, externalId: string, name: string | null): Promise<MapRow> {
      const r = await db.batchMrLearnCourse.upsert({
        where: { batchId_mrLearnCourseId: { batchId, mrLearnCourseId: externalId } },
        create: { batchId, mrLearnCourseId: externalId, mrLearnCourseName: name },
        update: { isActive: true, ...(name !== null ? { mrLearnCourseName: name } : {}) },
      });
      return { ...r, externalId: r.mrLearnCourseId, name: r.mrLearnCourseName };
    },
    async deactivate(db: Db, batchId: string, mapId: string): Promise<MapRow | null> {
      const { count } = await db.batchMrLearnCourse.updateMany({ where: { id: mapId, batchId }, data: { isActive: false } });
      if (!count) return null;
      const r = await db.batchMrLearnCourse.findUniqueOrThrow({ where: { id: mapId } });
      return { ...r, externalId: r.mrLearnCourseId, name: r.mrLearnCourseName };
    },
  },
  mrTest: {
    label: 'Mr Test exam',
    async list(db: Db, batchId: string, activeOnly: boolean): Promise<MapRow[]> {
      const rows = await db.batchMrTestExam.findMany({ where: { batchId, ...(activeOnly ? { isActive: true } : {}) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map((r) => ({ ...r, externalId: r.mrTestExamId, name: r.mrTestExamName }));
    },
    async synced(db: Db, externalIds: string[]): Promise<Map<string, string>> {
      if (!externalIds.length) return new Map();
      const rows = await db.mrTestOnlineExam.findMany({ where: { externalId: { in: externalIds }, removedAt: null }, select: { externalId: true, title: true }, orderBy: { updatedAt: 'desc' } });
      return firstTitles(rows);
    },
    anySynced: async (db: Db) => (await db.mrTestOnlineExam.count({ take: 1 })) > 0,
    async upsert(db: Db, batchId: string, externalId: string, name: string | null): Promise<MapRow> {
      const r = await db.batchMrTestExam.upsert({
        where: { batchId_mrTestExamId: { batchId, mrTestExamId: externalId } },
        create: { batchId, mrTestExamId: externalId, mrTestExamName: name },
        update: { isActive: true, ...(name !== null ? { mrTestExamName: name } : {}) },
      });
      return { ...r, externalId: r.mrTestExamId, name: r.mrTestExamName };
    },
    async deactivate(db: Db, batchId: string, mapId: string): Promise<MapRow | null> {
      const { count } = await db.batchMrTestExam.updateMany({ where: { id: mapId, batchId }, data: { isActive: false } });
      if (!count) return null;
      const r = await db.batchMrTestExam.findUniqueOrThrow({ where: { id: mapId } });
      return { ...r, externalId: r.mrTestExamId, name: r.mrTestExamName };
    },
  },
} as const;

/** One title per external id: the most recently updated synced row's (an id may be synced by several configs). */
function firstTitles(rows: { externalId: string; title: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.externalId)) out.set(r.externalId, r.title);
  return out;
}

const toView = (kind: MapKind, r: MapRow, synced: boolean): MapView => ({
  id: r.id,
  batchId: r.batchId,
  kind,
  externalId: r.externalId,
  name: r.name,
  synced,
  isActive: r.isActive,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function assertBatch(db: Db, batchId: string): Promise<void> {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { id: true } });
  if (!batch) throw new DomainError('NOT_FOUND', 'No such batch');
}

/**
 * Who may read a batch's Mr Learn progress and Mr Test results: staff, and the batch's own staff
 * — its super-mentor and community manager (the batch's pointer or an active assignment). For
 * anyone else the batch does not exist (404), as for a batch that really does not.
 */
export async function assertReadsBatch(db: Db, actor: AuthContext, batchId: string): Promise<void> {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { superMentorId: true, cmId: true } });
  if (!batch) throw new DomainError('NOT_FOUND', 'No such batch');
  if (isStaff(actor.role) || batch.superMentorId === actor.userId || batch.cmId === actor.userId) return;
  const [sm, cm] = await Promise.all([
    db.superMentorAssignment.count({ where: { batchId, superMentorId: actor.userId, isActive: true } }),
    db.communityManagerAssignment.count({ where: { batchId, communityManagerId: actor.userId, isActive: true } }),
  ]);
  if (!sm && !cm) throw new DomainError('NOT_FOUND', 'No such batch');
}

export async function listMaps({ db }: Deps, kind: MapKind, batchId: string, activeOnly: boolean): Promise<MapView[]> {
  await assertBatch(db, batchId);
  const t = tables[kind];
  const rows = await t.list(db, batchId, activeOnly);
  const synced = await t.synced(db, [...new Set(rows.map((r) => r.externalId))]);
  return rows.map((r) => toView(kind, r, synced.has(r.externalId)));
}

/** Maps (or reactivates) the pair; `created` tells a new row from an existing one. */
export async function upsertMap({ db }: Deps, kind: MapKind, batchId: string, body: MapBody): Promise<{ created: boolean; view: MapView }> {
  await assertBatch(db, batchId);
  const t = tables[kind];
  const externalId = body.externalId.trim();
  const title = (await t.synced(db, [externalId])).get(externalId);
  if (title === undefined && (await t.anySynced(db))) {
    const field = kind === 'mrLearn' ? 'json.mrLearnCourseId' : 'json.mrTestExamId';
    throw new DomainError('UNPROCESSABLE', `No synced ${t.label} has that id`, [{ path: field, message: `Unknown ${t.label} id` }]);
  }
  const existing = (await t.list(db, batchId, false)).some((r) => r.externalId === externalId);
  const name = title ?? body.name?.trim() ?? null;
  let row: MapRow;
  try {
    row = await t.upsert(db, batchId, externalId, name);
  } catch (err) {
    // Two first POSTs of one pair raced to insert: the loser's second try updates the winner's row.
    if (!(isUniqueViolation(err))) throw err;
    row = await t.upsert(db, batchId, externalId, name);
  }
  return { created: !existing, view: toView(kind, row, title !== undefined) };
}

export async function deactivateMap({ db }: Deps, kind: MapKind, batchId: string, mapId: string): Promise<MapView> {
  await assertBatch(db, batchId);
  const t = tables[kind];
  const row = await t.deactivate(db, batchId, mapId);
  if (!row) throw new DomainError('NOT_FOUND', `No such ${t.label} map on this batch`);
  const synced = await t.synced(db, [row.externalId]);
  return toView(kind, row, synced.has(row.externalId));
}
