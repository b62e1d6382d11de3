// Ledger reads over HTTP; services/tokens/ledger.ts and purchases.ts read the rows.
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { mentorTransactions, packCatalogue, tokenLedger, toLedgerView, toMentorTxView } from '../../../services/tokens/ledger.js';
import { listPurchases, toPurchaseView } from '../../../services/tokens/purchases.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type * as r from './ledger.routes.js';

type H<R extends RouteConfig> = RouteHandler<R, AppEnv>;
/** The catalogue changes rarely; a price change shows within this many seconds. */
const PACKS_MAX_AGE_SECONDS = 60;

export const myLedgerHandler: H<typeof r.myLedgerRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await tokenLedger(c.get('deps'), c.get('auth')!.userId, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toLedgerView), nextCursor }, 200);
};
export const userLedgerHandler: H<typeof r.userLedgerRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await tokenLedger(c.get('deps'), c.req.valid('param').id, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toLedgerView), nextCursor }, 200);
};
export const myPurchasesHandler: H<typeof r.myPurchasesRoute> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listPurchases(c.get('deps'), { page: keyset(cursor), take: limit + 1, status, userId: c.get('auth')!.userId }), limit);
  return c.json({ items: items.map(toPurchaseView), nextCursor }, 200);
};
export const myMentorTxHandler: H<typeof r.myMentorTxRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await mentorTransactions(c.get('deps'), c.get('auth')!.userId, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toMentorTxView), nextCursor }, 200);
};
export const mentorTxHandler: H<typeof r.mentorTxRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await mentorTransactions(c.get('deps'), c.req.valid('param').id, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toMentorTxView), nextCursor }, 200);
};
export const packsHandler: H<typeof r.packsRoute> = async (c) => {
  c.header('Cache-Control', `public, max-age=${PACKS_MAX_AGE_SECONDS}`);
  return c.json(await packCatalogue(c.get('deps')), 200);
};
