// Mentor onboarding and profile edits: HTTP only. services/mentors/applications.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { applyAsMentor, listApplications, reviewApplication, toApplication, updateMentorProfile } from '../../../services/mentors/applications.js';
import type { applyRoute, approveRoute, listApplicationsRoute, rejectRoute, updateProfileRoute } from './mentors.routes.js';

export const applyHandler: RouteHandler<typeof applyRoute, AppEnv> = async (c) => c.json(await applyAsMentor(c.get('deps'), c.get('auth')!.userId, c.req.valid('json')), 201);

export const listApplicationsHandler: RouteHandler<typeof listApplicationsRoute, AppEnv> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  const rows = await listApplications(c.get('deps'), { page: keyset(cursor), take: limit + 1, status });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toApplication), nextCursor }, 200);
};

export const approveHandler: RouteHandler<typeof approveRoute, AppEnv> = async (c) =>
  c.json(await reviewApplication(c.get('deps'), c.req.valid('param').id, c.get('auth')!.userId, c.req.valid('json'), 'APPROVED'), 200);
export const rejectHandler: RouteHandler<typeof rejectRoute, AppEnv> = async (c) =>
  c.json(await reviewApplication(c.get('deps'), c.req.valid('param').id, c.get('auth')!.userId, c.req.valid('json'), 'REJECTED'), 200);

export const updateProfileHandler: RouteHandler<typeof updateProfileRoute, AppEnv> = async (c) => c.json(await updateMentorProfile(c.get('deps'), c.get('auth')!.userId, c.req.valid('json')), 200);
