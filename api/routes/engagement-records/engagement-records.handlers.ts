// Staff-written records over HTTP; services/engagement/{ratings,records}.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { assertMayRateStudent } from '../../../services/engagement/access.js';
import { listSkillRatings, listWeeklyRatings, rateSkill, rateWeek, toSkillRatingView, toWeeklyRatingView } from '../../../services/engagement/ratings.js';
import { assignEvalTest, getEvalTest, listDailyCards, listEvalTests, listProgress, markMyDailyCard, putDailyCard, putProgress, toDailyCardView, toEvalTestView, updateEvalTest } from '../../../services/engagement/records.js';
import type { AppEnv } from '../../deps.js';
import { keyset, keysetOn, toPage, toPageOn } from '../../pagination.js';
import type * as r from './engagement-records.routes.js';


export const rateSkillHandler: RouteHandler<typeof r.rateSkillRoute, AppEnv> = async (c) => c.json(await rateSkill(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const studentSkillRatingsHandler: RouteHandler<typeof r.studentSkillRatingsRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { cursor, limit, ...f } = c.req.valid('query');
  await assertMayRateStudent(c.get('deps').db, c.get('auth')!, id);
  const { items, nextCursor } = toPage(await listSkillRatings(c.get('deps'), id, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toSkillRatingView), nextCursor }, 200);
};

export const rateWeekHandler: RouteHandler<typeof r.rateWeekRoute, AppEnv> = async (c) => c.json(await rateWeek(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const studentWeeklyRatingsHandler: RouteHandler<typeof r.studentWeeklyRatingsRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { cursor, limit } = c.req.valid('query');
  await assertMayRateStudent(c.get('deps').db, c.get('auth')!, id);
  const { items, nextCursor } = toPage(await listWeeklyRatings(c.get('deps'), id, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toWeeklyRatingView), nextCursor }, 200);
};

export const putProgressHandler: RouteHandler<typeof r.putProgressRoute, AppEnv> = async (c) => c.json(await putProgress(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const putDailyCardHandler: RouteHandler<typeof r.putDailyCardRoute, AppEnv> = async (c) => c.json(await putDailyCard(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const assignEvalTestHandler: RouteHandler<typeof r.assignEvalTestRoute, AppEnv> = async (c) => c.json(await assignEvalTest(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const studentEvalTestsHandler: RouteHandler<typeof r.studentEvalTestsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listEvalTests(c.get('deps'), c.req.valid('param').id, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toEvalTestView), nextCursor }, 200);
};

export const updateEvalTestHandler: RouteHandler<typeof r.updateEvalTestRoute, AppEnv> = async (c) => c.json(await updateEvalTest(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const getEvalTestHandler: RouteHandler<typeof r.getEvalTestRoute, AppEnv> = async (c) => c.json(await getEvalTest(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const myProgressHandler: RouteHandler<typeof r.myProgressRoute, AppEnv> = async (c) => c.json({ items: await listProgress(c.get('deps'), c.get('auth')!.userId) }, 200);

export const mySkillRatingsHandler: RouteHandler<typeof r.mySkillRatingsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listSkillRatings(c.get('deps'), c.get('auth')!.userId, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toSkillRatingView), nextCursor }, 200);
};

export const myWeeklyRatingsHandler: RouteHandler<typeof r.myWeeklyRatingsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listWeeklyRatings(c.get('deps'), c.get('auth')!.userId, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toWeeklyRatingView), nextCursor }, 200);
};

export const myDailyCardsHandler: RouteHandler<typeof r.myDailyCardsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const rows = await listDailyCards(c.get('deps'), c.get('auth')!.userId, { ...keysetOn('cardDate', 'desc', cursor), take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (row) => row.cardDate);
  return c.json({ items: items.map(toDailyCardView), nextCursor }, 200);
};

export const markMyDailyCardHandler: RouteHandler<typeof r.markMyDailyCardRoute, AppEnv> = async (c) => c.json(await markMyDailyCard(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const myEvalTestsHandler: RouteHandler<typeof r.myEvalTestsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listEvalTests(c.get('deps'), c.get('auth')!.userId, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toEvalTestView), nextCursor }, 200);
};
