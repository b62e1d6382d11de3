// The public mentor directory over HTTP; services/mentors/directory.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { listMentors, mentorProfile, myProfileViews, recordProfileView, toMentorCard } from '../../../services/mentors/directory.js';
import type { AppEnv } from '../../deps.js';
import { decodeCursor, toPage } from '../../pagination.js';
import type { listMentorsRoute, mentorProfileRoute, myProfileViewsRoute, profileViewRoute } from './mentor-directory.routes.js';

export const listMentorsHandler: RouteHandler<typeof listMentorsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listMentors(c.get('deps'), filters, cursor ? decodeCursor(cursor) : null, limit + 1);
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toMentorCard), nextCursor }, 200);
};

export const mentorProfileHandler: RouteHandler<typeof mentorProfileRoute, AppEnv> = async (c) => c.json(await mentorProfile(c.get('deps'), c.req.valid('param').id), 200);

export const profileViewHandler: RouteHandler<typeof profileViewRoute, AppEnv> = async (c) =>
  c.json(await recordProfileView(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').source ?? null), 200);

export const myProfileViewsHandler: RouteHandler<typeof myProfileViewsRoute, AppEnv> = async (c) => c.json(await myProfileViews(c.get('deps'), c.get('auth')!), 200);
