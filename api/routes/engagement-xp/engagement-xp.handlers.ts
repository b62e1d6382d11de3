// XP, badges, activity feed and leaderboards over HTTP; services/engagement/ holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { listMyActivity, toActivityView } from '../../../services/engagement/activity.js';
import { listMyBadges } from '../../../services/engagement/badges.js';
import { batchLeaderboard } from '../../../services/engagement/leaderboard.js';
import { myXpSummary } from '../../../services/engagement/summary.js';
import type { AppEnv } from '../../deps.js';
import { keysetOn, toPageOn } from '../../pagination.js';
import type { batchLeaderboardRoute, myActivityRoute, myBadgesRoute, myXpRoute } from './engagement-xp.routes.js';

export const myActivityHandler: RouteHandler<typeof myActivityRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listMyActivity(c.get('deps'), c.get('auth')!, filters, { ...keysetOn('occurredAt', 'desc', cursor), take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (r) => r.occurredAt);
  return c.json({ items: items.map(toActivityView), nextCursor }, 200);
};

export const myBadgesHandler: RouteHandler<typeof myBadgesRoute, AppEnv> = async (c) => c.json({ items: await listMyBadges(c.get('deps'), c.get('auth')!) }, 200);

export const myXpHandler: RouteHandler<typeof myXpRoute, AppEnv> = async (c) => c.json(await myXpSummary(c.get('deps'), c.get('auth')!), 200);

export const batchLeaderboardHandler: RouteHandler<typeof batchLeaderboardRoute, AppEnv> = async (c) => {
  const { since, limit, scope } = c.req.valid('query');
  return c.json(await batchLeaderboard(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { since: since ? new Date(since) : undefined, limit, scope }), 200);
};
