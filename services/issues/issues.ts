// User-reported issues: a user files one (optionally about a session they were in), sees only
// their own, and can close it or reopen a resolution; staff triage any issue through the status
// flow (domain/issues/status.ts). Every move is a conditional update on the status it came from,
// so two people moving one issue at once get one move and one 409. The reporter is notified of
// each staff move in the same transaction.
import { isStaff } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { issueLifecycle, type IssueStatus } from '../../domain/issues/status.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { notify } from '../notifications/centre.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const issueSelect = { id: true, userId: true, title: true, description: true, category: true, status: true, slotId: true, resolvedAt: true, createdAt: true, updatedAt: true } as const satisfies Prisma.IssueSelect;
type IssueRow = Prisma.IssueGetPayload<{ select: typeof issueSelect }>;

export function toIssueView(r: IssueRow) {
  return { ...r, status: r.status as IssueStatus, resolvedAt: r.resolvedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

export async function fileIssue(deps: Deps, actor: AuthContext, body: { title: string; description: string; category?: string | undefined; slotId?: string | undefined }) {
  if (body.slotId) {
    const slot = await deps.db.slot.findUnique({ where: { id: body.slotId }, select: { mentorId: true, studentId: true } });
    if (!slot || (slot.mentorId !== actor.userId && slot.studentId !== actor.userId)) throw new DomainError('NOT_FOUND', 'No such session of yours');
  }
  const row = await deps.db.issue.create({ data: { userId: actor.userId, title: body.title, description: body.description, category: body.category ?? null, slotId: body.slotId ?? null }, select: issueSelect });
  return toIssueView(row);
}

/** The issue, when the actor may see it: its reporter, or staff. Anyone else: 404. */
async function visibleIssue(deps: Deps, actor: AuthContext, id: string): Promise<IssueRow> {
  const row = await deps.db.issue.findUnique({ where: { id }, select: issueSelect });
  if (!row || (row.userId !== actor.userId && !isStaff(actor.role))) throw new DomainError('NOT_FOUND', 'No such issue');
  return row;
}

export async function getIssue(deps: Deps, actor: AuthContext, id: string) {
  return toIssueView(await visibleIssue(deps, actor, id));
}

export function listIssues(
  deps: Deps,
  filters: { status?: IssueStatus | undefined; category?: string | undefined; userId?: string | undefined },
  page: { where: Prisma.IssueWhereInput; orderBy: Prisma.IssueOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.IssueWhereInput[] = [page.where];
  if (filters.status) where.push({ status: filters.status });
  if (filters.category) where.push({ category: filters.category });
  if (filters.userId) where.push({ userId: filters.userId });
  return deps.db.issue.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: issueSelect });
}

const MESSAGES: Record<IssueStatus, string> = {
  OPEN: 'Your issue was reopened',
  IN_PROGRESS: 'We are working on your issue',
  RESOLVED: 'Your issue was resolved',
  CLOSED: 'Your issue was closed',
};

/**
 * Moves an issue to `to`. The reporter may only close it or reopen a RESOLVED one; staff may make
 * any move the lifecycle allows (and the reporter hears of it, with the note).
 */
export async function moveIssue(deps: Deps, actor: AuthContext, id: string, to: IssueStatus, note: string | null) {
  const row = await visibleIssue(deps, actor, id);
  const staff = isStaff(actor.role) && row.userId !== actor.userId;
  if (!staff && !(to === 'CLOSED' || (to === 'OPEN' && row.status === 'RESOLVED'))) {
    throw new DomainError('FORBIDDEN', 'You can close your issue, or reopen it once resolved; staff move it otherwise');
  }
  issueLifecycle.assertTransition(row.status as IssueStatus, to);
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.issue.updateMany({
      where: { id, status: row.status },
      data: { status: to, ...(to === 'RESOLVED' ? { resolvedAt: new Date() } : to === 'OPEN' ? { resolvedAt: null } : {}) },
    });
    if (moved.count !== 1) throw new DomainError('CONFLICT', 'The issue was moved meanwhile; reload it and try again');
    if (staff) {
      await notify(tx, {
        userId: row.userId,
        type: to === 'RESOLVED' ? 'SUCCESS' : 'INFO',
        category: 'SYSTEM',
        title: `${MESSAGES[to]}: ${row.title.slice(0, 80)}`,
        message: note ?? MESSAGES[to],
        actionUrl: `/issues/${id}`,
        data: { issueId: id, status: to },
      });
    }
    return toIssueView(await tx.issue.findUniqueOrThrow({ where: { id }, select: issueSelect }));
  });
}
