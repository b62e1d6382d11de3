// Login history (public.login_logs), read side: a user reads their own sign-ins, sign-outs and
// failures; admins read any user's. Newest first. Rows whose email matched no user (userId null)
// are never shown here.
import { DomainError } from '../../domain/errors.js';
import type { LoginAction, Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const loginLogSelect = { id: true, action: true, success: true, ip: true, userAgent: true, platform: true, reason: true, createdAt: true } as const satisfies Prisma.LoginLogSelect;
type Row = Prisma.LoginLogGetPayload<{ select: typeof loginLogSelect }>;
export const toLoginLogView = (r: Row) => ({ ...r, createdAt: r.createdAt.toISOString() });

export function loginHistory(deps: Deps, userId: string, f: { action?: LoginAction | undefined }, page: { where: Prisma.LoginLogWhereInput; orderBy: Prisma.LoginLogOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.LoginLogWhereInput[] = [page.where, { userId }];
  if (f.action) where.push({ action: f.action });
  return deps.db.loginLog.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: loginLogSelect });
}

export async function userLoginHistory(deps: Deps, userId: string, f: { action?: LoginAction | undefined }, page: Parameters<typeof loginHistory>[3]) {
  if (!(await deps.db.user.count({ where: { id: userId } }))) throw new DomainError('NOT_FOUND', 'No such user');
  return loginHistory(deps, userId, f, page);
}
