// The AI-for-everyone interest form over HTTP; services/ai/interests.ts holds the rate limits, dedupe and lead capture.
import type { RouteHandler } from '@hono/zod-openapi';
import { listInterests, submitInterest, toInterestView } from '../../../services/ai/interests.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { listInterestsRoute, submitInterestRoute } from './ai-interests.routes.js';

export const submitInterestHandler: RouteHandler<typeof submitInterestRoute, AppEnv> = async (c) => {
  const answer = await submitInterest(c.get('deps'), { ip: clientIp(c) ?? 'unknown', platform: c.get('platform') }, c.req.valid('json'));
  return answer.created ? c.json(answer, 201) : c.json(answer, 200);
};

export const listInterestsHandler: RouteHandler<typeof listInterestsRoute, AppEnv> = async (c) => {
  const { cursor, limit, from, to, ...f } = c.req.valid('query');
  const rows = await listInterests(c.get('deps'), { ...f, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toInterestView), nextCursor }, 200);
};
