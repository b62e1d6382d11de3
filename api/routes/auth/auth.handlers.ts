import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../deps.js';
import type { loginRoute, logoutRoute, meRoute, passwordRoute, refreshRoute, signupRoute } from './auth.routes.js';
import { changePassword, currentUser, login, logout, refresh, signup, type ClientMeta } from '../../../services/identity/auth.js';
import { clientIp } from '../../client-ip.js';

export function clientMeta(c: Context<AppEnv>): ClientMeta {
  return { ip: clientIp(c) ?? 'unknown', userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null, platform: c.get('platform') };
}

export const signupHandler: RouteHandler<typeof signupRoute, AppEnv> = async (c) => c.json(await signup(c.get('deps'), clientMeta(c), c.req.valid('json')), 201);

export const loginHandler: RouteHandler<typeof loginRoute, AppEnv> = async (c) => c.json(await login(c.get('deps'), clientMeta(c), c.req.valid('json')), 200);

export const refreshHandler: RouteHandler<typeof refreshRoute, AppEnv> = async (c) => c.json(await refresh(c.get('deps'), clientMeta(c), c.req.valid('json').refreshToken), 200);

export const logoutHandler: RouteHandler<typeof logoutRoute, AppEnv> = async (c) => {
  await logout(c.get('deps'), clientMeta(c), c.req.valid('json').refreshToken);
  return c.body(null, 204);
};

export const passwordHandler: RouteHandler<typeof passwordRoute, AppEnv> = async (c) =>
  c.json(await changePassword(c.get('deps'), clientMeta(c), c.get('auth')!.userId, c.req.valid('json')), 200);

export const meHandler: RouteHandler<typeof meRoute, AppEnv> = async (c) => c.json(await currentUser(c.get('deps'), c.get('auth')!.userId), 200);
