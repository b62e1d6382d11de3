// Forgot / reset password: HTTP only. services/identity/password-reset.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { forgotPassword, resetPassword } from '../../../services/identity/password-reset.js';
import { clientMeta } from '../auth/auth.handlers.js';
import type { forgotPasswordRoute, resetPasswordRoute } from './password-reset.routes.js';

export const forgotPasswordHandler: RouteHandler<typeof forgotPasswordRoute, AppEnv> = async (c) =>
  c.json(await forgotPassword(c.get('deps'), clientMeta(c), c.req.valid('json').email), 202);

export const resetPasswordHandler: RouteHandler<typeof resetPasswordRoute, AppEnv> = async (c) => {
  await resetPassword(c.get('deps'), clientMeta(c), c.req.valid('json'));
  return c.body(null, 204);
};
