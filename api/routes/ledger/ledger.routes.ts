import { createRoute, z } from '@hono/zod-openapi';
import { STAFF, type Role } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { PurchaseSchema } from '../tokens/tokens.routes.js';

const TAGS = ['Tokens'];
const WALLET_HOLDERS: readonly Role[] = ['USER', 'EXPERT'];
const USAGE_TYPES = ['BOOKING', 'HOLD', 'HOLD_RELEASE', 'REFUND', 'RESUME_REVIEW', 'PURCHASE', 'PROMO_GRANT', 'ALLOTMENT', 'ADMIN_ADJUSTMENT'] as const;
const STATUSES = ['PENDING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;

export const LedgerEntry = z
  .object({
    id: z.uuid(),
    slotId: z.uuid().nullable(),
    type: z.enum(USAGE_TYPES),
    amount: z.number().int().openapi({ description: 'Signed: negative spends, positive credits (RESUME_REVIEW rows count resume tokens)' }),
    paidAmount: z.number().int(),
    promoAmount: z.number().int(),
    balanceAfter: z.number().int(),
    description: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('TokenLedgerEntry');
export const MentorTx = z
  .object({ id: z.uuid(), slotId: z.uuid().nullable(), type: z.enum(['CREDIT', 'DEBIT']), amountPaise: z.number().int(), balanceAfterPaise: z.number().int(), description: z.string(), createdAt: z.string() })
  .openapi('MentorTransaction');
export const PackCatalogue = z
  .object({
    items: z.array(z.object({ id: z.string(), tokens: z.number().int(), amountPaise: z.number().int(), label: z.string().nullable(), paisePerToken: z.number().int() })),
    customPricePerTokenPaise: z.number().int(),
    currency: z.literal('INR'),
  })
  .openapi('TokenPackCatalogue');

export const LedgerQuery = PageQuery.extend({ type: z.enum(USAGE_TYPES).optional() });
export const MentorTxQuery = PageQuery.extend({ type: z.enum(['CREDIT', 'DEBIT']).optional() });
const UserId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const LedgerPage = pageSchema(LedgerEntry).openapi('TokenLedgerPage');
const MentorTxPage = pageSchema(MentorTx).openapi('MentorTransactionPage');

export const myLedgerRoute = createRoute({
  method: 'get',
  path: '/api/tokens/ledger',
  tags: TAGS,
  summary: 'Your token ledger (every spend and credit), newest first',
  ...bearer(WALLET_HOLDERS),
  request: { query: LedgerQuery },
  responses: { 200: jsonResponse('A page of ledger rows', LedgerPage), 400: problemResponse('Invalid query or cursor'), ...authProblems },
});

export const userLedgerRoute = createRoute({
  method: 'get',
  path: '/api/admin/users/{id}/token-ledger',
  tags: ['Admin'],
  summary: 'A user’s token ledger, newest first',
  ...bearer(STAFF),
  request: { params: UserId, query: LedgerQuery },
  responses: { 200: jsonResponse('A page of ledger rows', LedgerPage), 400: problemResponse('Invalid query or cursor'), ...authProblems },
});

export const myPurchasesRoute = createRoute({
  method: 'get',
  path: '/api/tokens/purchases',
  tags: TAGS,
  summary: 'Your token purchases, newest first',
  ...bearer(WALLET_HOLDERS),
  request: { query: PageQuery.extend({ status: z.enum(STATUSES).optional() }) },
  responses: { 200: jsonResponse('A page of purchases', pageSchema(PurchaseSchema).openapi('MyTokenPurchasePage')), 400: problemResponse('Invalid query or cursor'), ...authProblems },
});

export const myMentorTxRoute = createRoute({
  method: 'get',
  path: '/api/mentors/me/transactions',
  tags: ['Mentors'],
  summary: 'Your earnings ledger (session credits, payout debits), newest first',
  ...bearer(['EXPERT']),
  request: { query: MentorTxQuery },
  responses: { 200: jsonResponse('A page of transactions', MentorTxPage), 400: problemResponse('Invalid query or cursor'), ...authProblems },
});

export const mentorTxRoute = createRoute({
  method: 'get',
  path: '/api/admin/mentors/{id}/transactions',
  tags: ['Admin'],
  summary: 'A mentor’s earnings ledger (by user id), newest first',
  ...bearer(STAFF),
  request: { params: UserId, query: MentorTxQuery },
  responses: { 200: jsonResponse('A page of transactions', MentorTxPage), 400: problemResponse('Invalid query or cursor'), ...authProblems },
});

export const packsRoute = createRoute({
  method: 'get',
  path: '/api/tokens/packs',
  tags: TAGS,
  summary: 'The token packs on sale (system config tokens.packs), cheapest per token first',
  ...publicRoute,
  responses: { 200: { ...jsonResponse('The catalogue', PackCatalogue), headers: { 'Cache-Control': { schema: { type: 'string' } } } } },
});
