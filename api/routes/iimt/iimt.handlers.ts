// IIMT applications over HTTP; services/marketing/iimt.ts holds the rate limits and dedupe.
import type { RouteHandler } from '@hono/zod-openapi';
import { listIimtApplications, setIimtStatus, submitIimtApplication, toIimtView } from '../../../services/marketing/iimt.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { listIimtRoute, setIimtStatusRoute, submitIimtRoute } from './iimt.routes.js';

export const submitIimtHandler: RouteHandler<typeof submitIimtRoute, AppEnv> = async (c) => {
  const answer = await submitIimtApplication(c.get('deps'), { ip: clientIp(c) ?? 'unknown' }, c.req.valid('json'));
  return answer.created ? c.json(answer, 201) : c.json(answer, 200);
};

export const listIimtHandler: RouteHandler<typeof listIimtRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listIimtApplications(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toIimtView), nextCursor }, 200);
};

export const setIimtStatusHandler: RouteHandler<typeof setIimtStatusRoute, AppEnv> = async (c) => c.json(await setIimtStatus(c.get('deps'), c.req.valid('param').id, c.req.valid('json').status), 200);
