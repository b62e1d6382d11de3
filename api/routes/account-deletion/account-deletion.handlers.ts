// Account deletion: HTTP only. services/identity/account-deletion.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { cancelDeletionByAdmin, cancelDeletionByToken, requestAccountDeletion } from '../../../services/identity/account-deletion.js';
import { clientMeta } from '../auth/auth.handlers.js';
import type { adminCancelDeletionRoute, cancelDeletionByTokenRoute, requestDeletionRoute } from './account-deletion.routes.js';

export const requestDeletionHandler: RouteHandler<typeof requestDeletionRoute, AppEnv> = async (c) =>
  c.json(await requestAccountDeletion(c.get('deps'), clientMeta(c), c.get('auth')!.userId, c.req.valid('json').password), 202);

export const cancelDeletionByTokenHandler: RouteHandler<typeof cancelDeletionByTokenRoute, AppEnv> = async (c) =>
  c.json(await cancelDeletionByToken(c.get('deps'), clientMeta(c), c.req.valid('json').token), 200);

export const adminCancelDeletionHandler: RouteHandler<typeof adminCancelDeletionRoute, AppEnv> = async (c) =>
  c.json(await cancelDeletionByAdmin(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);
