// Google connection over HTTP; services/calendar/google-connection.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { DomainError } from '../../../domain/errors.js';
import { completeGoogleConnect, disconnectGoogle, googleConnectionStatus, startGoogleConnect, type GoogleDeps } from '../../../services/calendar/google-connection.js';
import type { ServiceDeps } from '../../../services/deps.js';
import type { AppEnv } from '../../deps.js';
import type { connectGoogleRoute, disconnectGoogleRoute, googleCallbackRoute, myGoogleRoute } from './google.routes.js';

const googleDeps = (d: ServiceDeps): GoogleDeps => ({ db: d.db, logger: d.logger, google: d.google, llmKeys: d.config.llmKeys });

export const connectGoogleHandler: RouteHandler<typeof connectGoogleRoute, AppEnv> = async (c) => c.json(await startGoogleConnect(googleDeps(c.get('deps')), c.get('auth')!.userId), 200);

export const googleCallbackHandler: RouteHandler<typeof googleCallbackRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const returnUrl = deps.config.google?.returnUrl;
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  try {
    const { scope } = await completeGoogleConnect(googleDeps(deps), c.req.valid('query'));
    if (returnUrl) return c.redirect(withParams(returnUrl, { google: 'connected' }), 302);
    return c.json({ connected: true as const, scope }, 200);
  } catch (err) {
    if (returnUrl && err instanceof DomainError) return c.redirect(withParams(returnUrl, { google: 'error', reason: err.code }), 302);
    throw err;
  }
};

export const myGoogleHandler: RouteHandler<typeof myGoogleRoute, AppEnv> = async (c) => c.json(await googleConnectionStatus(c.get('deps'), c.get('auth')!.userId), 200);

export const disconnectGoogleHandler: RouteHandler<typeof disconnectGoogleRoute, AppEnv> = async (c) => c.json(await disconnectGoogle(c.get('deps'), c.get('auth')!.userId), 200);

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
