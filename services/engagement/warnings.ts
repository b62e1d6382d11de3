// Disciplinary warnings: staff or the student's community manager issue one; in the same
// transaction the student is notified and, when domain/engagement/warnings.ts says so, the batch's
// community managers and lead are too. Issues for one student are serialised by an advisory lock,
// so two warnings at once still count 2nd and 3rd (the 3rd escalates exactly once). The student
// reads and acknowledges only their own; staff revoke (a revoked warning no longer counts).
import { isStaff } from '../../domain/auth/roles.js';
import { escalationReason, WARNING_PRIORITY } from '../../domain/engagement/warnings.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma, WarningSeverity, WarningType } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { notify } from '../notifications/centre.js';
import { readConfig } from '../system-config/read-config.js';
import { assertMayRateStudent, managedBatchIds } from './access.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Page = { where: Prisma.WarningWhereInput; orderBy: Prisma.WarningOrderByWithRelationInput[]; take: number };

const warningSelect = { id: true, userId: true, issuedById: true, batchId: true, warningType: true, severity: true, title: true, message: true, acknowledgedAt: true, revokedAt: true, createdAt: true } as const satisfies Prisma.WarningSelect;
type WarningRow = Prisma.WarningGetPayload<{ select: typeof warningSelect }>;
export const toWarningView = (r: WarningRow) => ({ ...r, acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() });

export interface IssueWarningInput {
  warningType: WarningType;
  severity: WarningSeverity;
  title: string;
  message: string;
  batchId?: string | undefined;
}

export async function issueWarning({ db }: Deps, actor: AuthContext, studentId: string, input: IssueWarningInput) {
  await assertMayRateStudent(db, actor, studentId);
  const { threshold } = await readConfig(db, 'engagement.warningEscalation');
  const batchId = input.batchId ?? (await db.application.findFirst({ where: { userId: studentId, status: 'ENROLLED', batchId: { not: null } }, orderBy: { createdAt: 'desc' }, select: { batchId: true } }))?.batchId ?? null;
  if (input.batchId && !(await db.application.findFirst({ where: { userId: studentId, batchId: input.batchId }, select: { id: true } }))) {
    throw new DomainError('UNPROCESSABLE', 'The student has no application in that batch', [{ path: 'json.batchId', message: 'Not one of the student’s batches' }]);
  }
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`warnings:${studentId}`}, 0))`;
    const row = await tx.warning.create({ data: { userId: studentId, issuedById: actor.userId, batchId, warningType: input.warningType, severity: input.severity, title: input.title, message: input.message }, select: warningSelect });
    await notify(tx, { userId: studentId, type: 'WARNING', category: 'BATCH', priority: WARNING_PRIORITY[input.severity], title: `Warning: ${input.title}`, message: input.message, data: { warningId: row.id, warningType: input.warningType, severity: input.severity } });
    const active = await tx.warning.count({ where: { userId: studentId, revokedAt: null } });
    const reason = escalationReason(active, input.severity, threshold);
    const escalatedTo: string[] = [];
    if (reason && batchId) {
      const batch = await tx.batch.findUnique({ where: { id: batchId }, select: { cmId: true, batchLeadId: true, name: true } });
      const cms = await tx.communityManagerAssignment.findMany({ where: { batchId, isActive: true }, select: { communityManagerId: true } });
      const recipients = [...new Set([...cms.map((c) => c.communityManagerId), batch?.cmId, batch?.batchLeadId].filter((u): u is string => !!u))];
      const student = await tx.user.findUnique({ where: { id: studentId }, select: { name: true } });
      for (const userId of recipients.sort()) {
        await notify(tx, {
          userId,
          type: 'ACTION_REQUIRED',
          category: 'BATCH',
          priority: 'HIGH',
          title: `Escalated: ${student?.name ?? 'a student'} in ${batch?.name ?? 'your batch'}`,
          message: `${reason}: ${input.title}`,
          data: { warningId: row.id, studentId, batchId, activeWarnings: active },
        });
        escalatedTo.push(userId);
      }
    }
    return { ...toWarningView(row), activeWarnings: active, escalation: reason ? { reason, notified: escalatedTo } : null };
  });
}

export function listMyWarnings({ db }: Deps, actor: AuthContext, page: Page) {
  return db.warning.findMany({ where: { AND: [page.where, { userId: actor.userId }] }, orderBy: page.orderBy, take: page.take, select: warningSelect });
}

export async function listStudentWarnings({ db }: Deps, actor: AuthContext, studentId: string, page: Page) {
  await assertMayRateStudent(db, actor, studentId);
  return db.warning.findMany({ where: { AND: [page.where, { userId: studentId }] }, orderBy: page.orderBy, take: page.take, select: warningSelect });
}

/** The student acknowledges their own warning (once; again is a no-op). Another's is 404. */
export async function acknowledgeWarning({ db }: Deps, actor: AuthContext, id: string) {
  await db.warning.updateMany({ where: { id, userId: actor.userId, acknowledgedAt: null }, data: { acknowledgedAt: new Date() } });
  const row = await db.warning.findFirst({ where: { id, userId: actor.userId }, select: warningSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such warning of yours');
  return toWarningView(row);
}

/** Staff, or the community manager of its batch, withdraw a warning; it no longer counts toward escalation. */
export async function revokeWarning({ db }: Deps, actor: AuthContext, id: string) {
  const row = await db.warning.findUnique({ where: { id }, select: warningSelect });
  const mayRevoke = row && (isStaff(actor.role) || (row.batchId !== null && (await managedBatchIds(db, actor)).includes(row.batchId)));
  if (!row || !mayRevoke) throw new DomainError('NOT_FOUND', 'No such warning');
  await db.warning.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return toWarningView(await db.warning.findUniqueOrThrow({ where: { id }, select: warningSelect }));
}
