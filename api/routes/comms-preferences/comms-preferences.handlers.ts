// Marketing preferences over HTTP; services/notifications/comms-preferences.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { describeUnsubscribe, listPreferences, myPreferences, setOptOut, toPreferenceView, unsubscribeByToken, updateMyPreferences } from '../../../services/notifications/comms-preferences.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { describeUnsubscribeRoute, listPreferencesRoute, myPreferencesRoute, setPreferenceRoute, unsubscribeRoute, updateMyPreferencesRoute } from './comms-preferences.routes.js';

const clock = () => ({ now: () => new Date() });

export const myPreferencesHandler: RouteHandler<typeof myPreferencesRoute, AppEnv> = async (c) =>
  c.json({ items: await myPreferences({ db: c.get('deps').db, ...clock() }, c.get('auth')!.userId) }, 200);

export const updateMyPreferencesHandler: RouteHandler<typeof updateMyPreferencesRoute, AppEnv> = async (c) =>
  c.json({ items: await updateMyPreferences({ db: c.get('deps').db, ...clock() }, c.get('auth')!.userId, c.req.valid('json')) }, 200);

export const describeUnsubscribeHandler: RouteHandler<typeof describeUnsubscribeRoute, AppEnv> = async (c) => c.json(await describeUnsubscribe(c.get('deps'), c.req.valid('param').token), 200);

export const unsubscribeHandler: RouteHandler<typeof unsubscribeRoute, AppEnv> = async (c) =>
  c.json(await unsubscribeByToken({ db: c.get('deps').db, ...clock() }, c.req.valid('param').token), 200);

export const listPreferencesHandler: RouteHandler<typeof listPreferencesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listPreferences(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toPreferenceView), nextCursor }, 200);
};

export const setPreferenceHandler: RouteHandler<typeof setPreferenceRoute, AppEnv> = async (c) => {
  const b = c.req.valid('json');
  return c.json(toPreferenceView(await setOptOut({ db: c.get('deps').db, ...clock() }, b.channel, b.address, b.unsubscribed ? 'stop' : 'start', 'admin')), 200);
};
