// User admin: filtered lists and role/activation changes. Deactivation revokes every session.
import { canGrantRole, type Role } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { publicUserSelect, toPublicUser } from './user-view.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface UserFilter {
  role?: Role | undefined;
  isActive?: boolean | undefined;
  platform?: string | undefined;
  /** Substring of the email or name, case-insensitive. */
  q?: string | undefined;
}

/** One page (the caller's keyset `where`/`orderBy`, limit + 1 rows) of users. */
export function listUsers({ db }: Deps, f: UserFilter & { page: { where: Prisma.UserWhereInput; orderBy: Prisma.UserOrderByWithRelationInput[] }; take: number }) {
  return db.user.findMany({
    where: {
      AND: [
        f.page.where,
        f.role ? { role: f.role } : {},
        f.isActive === undefined ? {} : { isActive: f.isActive },
        f.platform ? { platform: f.platform } : {},
        f.q ? { OR: [{ email: { contains: f.q, mode: 'insensitive' } }, { name: { contains: f.q, mode: 'insensitive' } }] } : {},
      ],
    },
    orderBy: f.page.orderBy,
    take: f.take,
    select: publicUserSelect,
  });
}

export async function updateUser({ db }: Deps, actor: AuthContext, id: string, body: { role?: Role | undefined; isActive?: boolean | undefined }) {
  if (id === actor.userId) throw new DomainError('FORBIDDEN', 'Admins cannot change their own role or activation');
  const target = await db.user.findUnique({ where: { id }, select: { role: true } });
  if (!target) throw new DomainError('NOT_FOUND', 'No such user');
  if (!canGrantRole(actor.role, target.role) || (body.role && !canGrantRole(actor.role, body.role))) {
    throw new DomainError('FORBIDDEN', 'Only a SUPERADMIN manages admins');
  }
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id }, data: { ...(body.role ? { role: body.role } : {}), ...(body.isActive === undefined ? {} : { isActive: body.isActive }) }, select: publicUserSelect });
    if (body.isActive === false) {
      await tx.refreshToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date(), revokeReason: 'deactivated' } });
    }
    return updated;
  });
  return toPublicUser(user);
}
