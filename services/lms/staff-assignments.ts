// Who looks after a batch: super-mentors (super_mentor_assignments) and community managers
// (community_manager_assignments). Staff assign and unassign (isActive false, never a delete);
// re-assigning is idempotent. Invariant: the batch's soft pointer (superMentorId / cmId) names
// the most recently assigned active one, or null, and moves in the same transaction as the rows.
import { DomainError } from '../../domain/errors.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { REF_ROLES, userRefProblem } from './batch-refs.js';
import type { Tx } from './progress.js';

type Deps = Pick<ServiceDeps, 'db'>;
export type StaffKind = 'superMentor' | 'communityManager';

interface AssignmentRow {
  id: string;
  batchId: string;
  userId: string;
  assignedById: string | null;
  isActive: boolean;
  assignedAt: Date;
  unassignedAt: Date | null;
  updatedAt: Date;
}

/** The two tables differ in names only; this gives both one shape. */
const tables = {
  superMentor: {
    pointer: 'superMentorId' as const,
    roles: REF_ROLES.superMentorId,
    async find(tx: Tx, batchId: string, userId: string) {
      const r = await tx.superMentorAssignment.findUnique({ where: { superMentorId_batchId: { superMentorId: userId, batchId } } });
      return r && smRow(r);
    },
    async upsert(tx: Tx, batchId: string, userId: string, by: string) {
      return smRow(
        await tx.superMentorAssignment.upsert({
          where: { superMentorId_batchId: { superMentorId: userId, batchId } },
          create: { batchId, superMentorId: userId, assignedById: by },
          update: { isActive: true, assignedById: by },
        }),
      );
    },
    async deactivate(tx: Tx, id: string) {
      return smRow(await tx.superMentorAssignment.update({ where: { id }, data: { isActive: false } }));
    },
    async list(tx: Tx, batchId: string, activeOnly: boolean) {
      const rows = await tx.superMentorAssignment.findMany({ where: { batchId, ...(activeOnly ? { isActive: true } : {}) }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] });
      return rows.map(smRow);
    },
  },
  communityManager: {
    pointer: 'cmId' as const,
    roles: REF_ROLES.cmId,
    async find(tx: Tx, batchId: string, userId: string) {
      const r = await tx.communityManagerAssignment.findUnique({ where: { batchId_communityManagerId: { batchId, communityManagerId: userId } } });
      return r && cmRow(r);
    },
    async upsert(tx: Tx, batchId: string, userId: string, by: string) {
      const existing = await tx.communityManagerAssignment.findUnique({ where: { batchId_communityManagerId: { batchId, communityManagerId: userId } } });
      if (existing?.isActive) return cmRow(existing);
      return cmRow(
        await tx.communityManagerAssignment.upsert({
          where: { batchId_communityManagerId: { batchId, communityManagerId: userId } },
          create: { batchId, communityManagerId: userId, assignedById: by },
          update: { isActive: true, assignedById: by, assignedAt: new Date(), unassignedAt: null },
        }),
      );
    },
    async deactivate(tx: Tx, id: string) {
      return cmRow(await tx.communityManagerAssignment.update({ where: { id }, data: { isActive: false, unassignedAt: new Date() } }));
    },
    async list(tx: Tx, batchId: string, activeOnly: boolean) {
      const rows = await tx.communityManagerAssignment.findMany({ where: { batchId, ...(activeOnly ? { isActive: true } : {}) }, orderBy: [{ assignedAt: 'desc' }, { id: 'desc' }] });
      return rows.map(cmRow);
    },
  },
};

function smRow(r: { id: string; batchId: string; superMentorId: string; assignedById: string | null; isActive: boolean; createdAt: Date; updatedAt: Date }): AssignmentRow {
  return { id: r.id, batchId: r.batchId, userId: r.superMentorId, assignedById: r.assignedById, isActive: r.isActive, assignedAt: r.createdAt, unassignedAt: r.isActive ? null : r.updatedAt, updatedAt: r.updatedAt };
}
function cmRow(r: { id: string; batchId: string; communityManagerId: string; assignedById: string | null; isActive: boolean; assignedAt: Date; unassignedAt: Date | null; updatedAt: Date }): AssignmentRow {
  return { id: r.id, batchId: r.batchId, userId: r.communityManagerId, assignedById: r.assignedById, isActive: r.isActive, assignedAt: r.assignedAt, unassignedAt: r.unassignedAt, updatedAt: r.updatedAt };
}

async function lockBatchRow(tx: Tx, batchId: string) {
  const [b] = await tx.$queryRaw<{ superMentorId: string | null; cmId: string | null }[]>`
    SELECT "superMentorId"::text AS "superMentorId", "cmId"::text AS "cmId" FROM "public"."batches" WHERE "id" = ${batchId}::uuid FOR UPDATE`;
  if (!b) throw new DomainError('NOT_FOUND', 'No such batch');
  return b;
}

/** The newest active assignee other than `except`, for the batch pointer after an unassign. */
async function nextCurrent(tx: Tx, kind: StaffKind, batchId: string, except: string): Promise<string | null> {
  const active = await tables[kind].list(tx, batchId, true);
  return active.find((a) => a.userId !== except)?.userId ?? null;
}

/**
 * Keeps the assignment rows in step when a batch's pointer is written directly (create or
 * PATCH of the batch): the new one is assigned, the one it replaces is unassigned.
 */
export async function syncLeadRef(tx: Tx, kind: StaffKind, batchId: string, userId: string | null, actorId: string, previous?: string | null) {
  if (userId) await tables[kind].upsert(tx, batchId, userId, actorId);
  if (previous && previous !== userId) {
    const old = await tables[kind].find(tx, batchId, previous);
    if (old?.isActive) await tables[kind].deactivate(tx, old.id);
  }
}

async function withUsers(tx: Tx, rows: AssignmentRow[]) {
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, name: true, email: true, role: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    batchId: r.batchId,
    userId: r.userId,
    user: byId.get(r.userId) ?? null,
    assignedById: r.assignedById,
    isActive: r.isActive,
    assignedAt: r.assignedAt.toISOString(),
    unassignedAt: r.unassignedAt?.toISOString() ?? null,
  }));
}

export async function assignStaff({ db }: Deps, kind: StaffKind, actor: AuthContext, batchId: string, userId: string) {
  return db.$transaction(async (tx) => {
    await lockBatchRow(tx, batchId);
    const why = await userRefProblem(tx, userId, tables[kind].roles);
    if (why) throw new DomainError('UNPROCESSABLE', why, [{ path: 'json.userId', message: why }]);
    const row = await tables[kind].upsert(tx, batchId, userId, actor.userId);
    await tx.batch.update({ where: { id: batchId }, data: { [tables[kind].pointer]: userId } });
    return (await withUsers(tx, [row]))[0]!;
  });
}

export async function unassignStaff({ db }: Deps, kind: StaffKind, _actor: AuthContext, batchId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const batch = await lockBatchRow(tx, batchId);
    const row = await tables[kind].find(tx, batchId, userId);
    if (!row) throw new DomainError('NOT_FOUND', 'This user is not assigned to the batch');
    const done = row.isActive ? await tables[kind].deactivate(tx, row.id) : row;
    const pointer = tables[kind].pointer;
    if (batch[pointer] === userId) await tx.batch.update({ where: { id: batchId }, data: { [pointer]: await nextCurrent(tx, kind, batchId, userId) } });
    return (await withUsers(tx, [done]))[0]!;
  });
}

export async function listStaff({ db }: Deps, kind: StaffKind, batchId: string, activeOnly: boolean) {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { id: true } });
  if (!batch) throw new DomainError('NOT_FOUND', 'No such batch');
  return db.$transaction(async (tx) => withUsers(tx, await tables[kind].list(tx, batchId, activeOnly)));
}
