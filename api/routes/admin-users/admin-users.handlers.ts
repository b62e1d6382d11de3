// User admin: filtered lists and role/activation changes. Deactivation revokes every session.
import type { RouteHandler } from '@hono/zod-openapi';
import { canGrantRole } from '../../../domain/auth/roles.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import { publicUserSelect, toPublicUser } from '../../../services/identity/user-view.js';
import type { listUsersRoute, updateUserRoute } from './admin-users.routes.js';

export const listUsersHandler: RouteHandler<typeof listUsersRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const { cursor, limit, role, isActive, q } = query;
  // Tenant scoping: an explicit ?platform= wins, else the x-platform header when one was sent.
  const platform = query.platform ?? (c.get('platformExplicit') ? c.get('platform') : undefined);
  const page = keyset(cursor);
  const rows = await c.var.deps.db.user.findMany({
    where: {
      AND: [
        page.where,
        role ? { role } : {},
        isActive === undefined ? {} : { isActive },
        platform ? { platform } : {},
        q ? { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] } : {},
      ],
    },
    orderBy: page.orderBy,
    take: limit + 1,
    select: publicUserSelect,
  });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toPublicUser), nextCursor }, 200);
};

export const updateUserHandler: RouteHandler<typeof updateUserRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const actor = c.get('auth')!;
  const { db } = c.var.deps;
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
  return c.json(toPublicUser(user), 200);
};
