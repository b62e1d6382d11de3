// League registrations over HTTP; services/marketing/league.ts holds the rate limits, dedupe and capacity.
import type { RouteHandler } from '@hono/zod-openapi';
import { listRegistrations, registerForLeague, setRegistrationStatus, toRegistrationView } from '../../../services/marketing/league.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { listRegistrationsRoute, registerRoute, setStatusRoute } from './league.routes.js';

export const registerHandler: RouteHandler<typeof registerRoute, AppEnv> = async (c) => {
  const answer = await registerForLeague(c.get('deps'), { ip: clientIp(c) ?? 'unknown' }, c.req.valid('param').key, c.req.valid('json'));
  return answer.created ? c.json(answer, 201) : c.json(answer, 200);
};

export const listRegistrationsHandler: RouteHandler<typeof listRegistrationsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listRegistrations(c.get('deps'), c.req.valid('param').key, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toRegistrationView), nextCursor }, 200);
};

export const setStatusHandler: RouteHandler<typeof setStatusRoute, AppEnv> = async (c) => c.json(await setRegistrationStatus(c.get('deps'), c.req.valid('param').id, c.req.valid('json').status), 200);
