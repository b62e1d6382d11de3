// Student queries (support tickets): a student raises one about themselves and reads and replies
// to only their own (another's is 404); staff (ADMIN/SUPERADMIN) see all, assign them to a staff
// member, reply and move them through domain/engagement/queries.ts. A student's reply to a
// RESOLVED query reopens it (IN_PROGRESS); a CLOSED query takes no replies. The first staff reply
// stops the SLA clock (firstResponseAt); notifySlaBreaches (run by the KPI rollup) notifies each
// breach once, claimed by a conditional UPDATE of slaBreachNotifiedAt.
import { isStaff } from '../../domain/auth/roles.js';
import { slaCutoff, studentQueryLifecycle, type StudentQueryStatus } from '../../domain/engagement/queries.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma, StudentQueryPriority } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { notify } from '../notifications/centre.js';
import { readConfig } from '../system-config/read-config.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Page = { where: Prisma.StudentQueryWhereInput; orderBy: Prisma.StudentQueryOrderByWithRelationInput[]; take: number };

const querySelect = {
  id: true,
  userId: true,
  assignedToId: true,
  batchId: true,
  category: true,
  subject: true,
  description: true,
  status: true,
  priority: true,
  resolution: true,
  resolvedAt: true,
  firstResponseAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.StudentQuerySelect;
type QueryRow = Prisma.StudentQueryGetPayload<{ select: typeof querySelect }>;
const iso = (d: Date | null) => d?.toISOString() ?? null;
export const toQueryView = (r: QueryRow) => ({ ...r, resolvedAt: iso(r.resolvedAt), firstResponseAt: iso(r.firstResponseAt), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

const replySelect = { id: true, queryId: true, authorId: true, fromStaff: true, body: true, createdAt: true } as const satisfies Prisma.StudentQueryReplySelect;
type ReplyRow = Prisma.StudentQueryReplyGetPayload<{ select: typeof replySelect }>;
export const toReplyView = (r: ReplyRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function raiseQuery({ db }: Deps, actor: AuthContext, input: { subject: string; description: string; category?: string | undefined; priority?: StudentQueryPriority | undefined; batchId?: string | undefined }) {
  if (input.batchId && !(await db.application.findFirst({ where: { userId: actor.userId, batchId: input.batchId }, select: { id: true } }))) {
    throw new DomainError('UNPROCESSABLE', 'You have no application in that batch', [{ path: 'json.batchId', message: 'Not one of your batches' }]);
  }
  const row = await db.studentQuery.create({
    data: { userId: actor.userId, subject: input.subject, description: input.description, category: input.category ?? null, priority: input.priority ?? 'MEDIUM', batchId: input.batchId ?? null },
    select: querySelect,
  });
  return toQueryView(row);
}

/** The query with its replies, oldest first: its student or staff; anyone else 404. */
export async function getQuery({ db }: Deps, actor: AuthContext, id: string) {
  const row = await db.studentQuery.findUnique({ where: { id }, select: { ...querySelect, replies: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500, select: replySelect } } });
  if (!row || (!isStaff(actor.role) && row.userId !== actor.userId)) throw new DomainError('NOT_FOUND', 'No such query');
  const { replies, ...q } = row;
  return { ...toQueryView(q), replies: replies.map(toReplyView) };
}

export function listQueries({ db }: Deps, actor: AuthContext, f: { status?: StudentQueryStatus | undefined; assignedToId?: string | undefined; unassigned?: boolean | undefined }, page: Page) {
  const where: Prisma.StudentQueryWhereInput[] = [page.where];
  if (!isStaff(actor.role)) where.push({ userId: actor.userId });
  if (f.status) where.push({ status: f.status });
  if (f.assignedToId) where.push({ assignedToId: f.assignedToId });
  if (f.unassigned) where.push({ assignedToId: null });
  return db.studentQuery.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: querySelect });
}

async function lockQuery(tx: Parameters<Parameters<Db['$transaction']>[0]>[0], actor: AuthContext, id: string): Promise<QueryRow> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."student_queries" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = locked && (await tx.studentQuery.findUnique({ where: { id }, select: querySelect }));
  if (!row || (!isStaff(actor.role) && row.userId !== actor.userId)) throw new DomainError('NOT_FOUND', 'No such query');
  return row;
}

export async function replyToQuery({ db }: Deps, actor: AuthContext, id: string, body: string) {
  return db.$transaction(async (tx) => {
    const q = await lockQuery(tx, actor, id);
    if (q.status === 'CLOSED') throw new DomainError('CONFLICT', 'This query is closed');
    const fromStaff = isStaff(actor.role);
    const reply = await tx.studentQueryReply.create({ data: { queryId: id, authorId: actor.userId, fromStaff, body }, select: replySelect });
    const now = new Date();
    const status: StudentQueryStatus = fromStaff ? (q.status === 'OPEN' ? 'IN_PROGRESS' : q.status) : q.status === 'RESOLVED' ? 'IN_PROGRESS' : q.status;
    if (status !== q.status) studentQueryLifecycle.assertTransition(q.status, status);
    await tx.studentQuery.update({ where: { id }, data: { status, ...(fromStaff && !q.firstResponseAt ? { firstResponseAt: now } : {}), ...(status !== 'RESOLVED' ? { resolvedAt: null } : {}) } });
    if (fromStaff) await notify(tx, { userId: q.userId, category: 'SYSTEM', title: `Reply to your query: ${q.subject}`, message: body, data: { queryId: id } });
    else if (q.assignedToId) await notify(tx, { userId: q.assignedToId, category: 'SYSTEM', title: `Student replied: ${q.subject}`, message: body, data: { queryId: id } });
    return toReplyView(reply);
  });
}

/** Staff: assign (to a staff member), change status or priority, record the resolution. */
export async function updateQuery({ db }: Deps, actor: AuthContext, id: string, patch: { status?: StudentQueryStatus | undefined; assignedToId?: string | null | undefined; priority?: StudentQueryPriority | undefined; resolution?: string | undefined }) {
  if (patch.assignedToId) {
    const assignee = await db.user.findUnique({ where: { id: patch.assignedToId }, select: { role: true, isActive: true } });
    if (!assignee || !assignee.isActive || !isStaff(assignee.role)) throw new DomainError('UNPROCESSABLE', 'Queries are assigned to active staff', [{ path: 'json.assignedToId', message: 'Not an active ADMIN or SUPERADMIN' }]);
  }
  return db.$transaction(async (tx) => {
    const q = await lockQuery(tx, actor, id);
    const to = patch.status ?? (patch.assignedToId && q.status === 'OPEN' ? 'IN_PROGRESS' : q.status);
    if (to !== q.status) studentQueryLifecycle.assertTransition(q.status, to);
    else if (q.status === 'CLOSED') throw new DomainError('CONFLICT', 'This query is closed');
    const row = await tx.studentQuery.update({
      where: { id },
      data: {
        status: to,
        ...(patch.assignedToId !== undefined ? { assignedToId: patch.assignedToId } : {}),
        ...(patch.priority ? { priority: patch.priority } : {}),
        ...(patch.resolution !== undefined ? { resolution: patch.resolution } : {}),
        ...(to === 'RESOLVED' && q.status !== 'RESOLVED' ? { resolvedAt: new Date() } : {}),
      },
      select: querySelect,
    });
    if (patch.assignedToId && patch.assignedToId !== q.assignedToId) await notify(tx, { userId: patch.assignedToId, type: 'ACTION_REQUIRED', category: 'SYSTEM', title: `Query assigned to you: ${q.subject}`, message: q.description, data: { queryId: id } });
    if (to !== q.status) await notify(tx, { userId: q.userId, category: 'SYSTEM', title: `Your query is ${to.toLowerCase().replace('_', ' ')}: ${q.subject}`, message: patch.resolution ?? `Status: ${to}`, data: { queryId: id, status: to } });
    return toQueryView(row);
  });
}

/**
 * Notifies every query past its SLA (OPEN or IN_PROGRESS, no staff reply, raised before the
 * cutoff) once: its assignee, or every active ADMIN when unassigned. The claim and the
 * notifications commit together, so a rerun (or a concurrent one) notifies nothing twice.
 */
export async function notifySlaBreaches(db: Db, now: Date): Promise<{ breached: number }> {
  const { firstResponseHours } = await readConfig(db, 'engagement.querySla');
  const cutoff = slaCutoff(now, firstResponseHours);
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; userId: string; assignedToId: string | null; subject: string }[]>`
      UPDATE "public"."student_queries" SET "slaBreachNotifiedAt" = ${now}, "updatedAt" = now()
       WHERE "id" IN (SELECT "id" FROM "public"."student_queries"
                       WHERE "status" IN ('OPEN', 'IN_PROGRESS') AND "firstResponseAt" IS NULL AND "slaBreachNotifiedAt" IS NULL AND "createdAt" < ${cutoff}
                       ORDER BY "createdAt" LIMIT 500 FOR UPDATE SKIP LOCKED)
      RETURNING "id"::text AS "id", "userId"::text AS "userId", "assignedToId"::text AS "assignedToId", "subject"`;
    if (!claimed.length) return { breached: 0 };
    const admins = claimed.some((q) => !q.assignedToId) ? (await tx.user.findMany({ where: { role: 'ADMIN', isActive: true }, select: { id: true }, orderBy: { id: 'asc' }, take: 50 })).map((u) => u.id) : [];
    for (const q of claimed) {
      for (const userId of q.assignedToId ? [q.assignedToId] : admins) {
        await notify(tx, { userId, type: 'ACTION_REQUIRED', category: 'SYSTEM', priority: 'HIGH', title: `Query past its ${firstResponseHours} h SLA: ${q.subject}`, message: `No staff reply within ${firstResponseHours} hours`, data: { queryId: q.id, studentId: q.userId } });
      }
    }
    return { breached: claimed.length };
  });
}
