// The applicant's program applications over HTTP. services/admissions/applications.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { applyToBatch, getOwnApplication, listOwnApplications, submitApplication, updateDraft } from '../../../services/admissions/applications.js';
import { toApplicationView } from '../../../services/admissions/application-view.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { applyRoute, getMyApplicationRoute, listMyApplicationsRoute, submitRoute, updateDraftRoute } from './applications.routes.js';

export const applyHandler: RouteHandler<typeof applyRoute, AppEnv> = async (c) =>
  c.json(await applyToBatch(c.get('deps'), { userId: c.get('auth')!.userId, platform: c.get('platform') }, c.req.valid('json')), 201);

export const listMyApplicationsHandler: RouteHandler<typeof listMyApplicationsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const rows = await listOwnApplications(c.get('deps'), c.get('auth')!.userId, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toApplicationView), nextCursor }, 200);
};

export const getMyApplicationHandler: RouteHandler<typeof getMyApplicationRoute, AppEnv> = async (c) => c.json(await getOwnApplication(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);

export const updateDraftHandler: RouteHandler<typeof updateDraftRoute, AppEnv> = async (c) =>
  c.json(await updateDraft(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json')), 200);

export const submitHandler: RouteHandler<typeof submitRoute, AppEnv> = async (c) => c.json(await submitApplication(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);
