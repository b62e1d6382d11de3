import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { withdrawalLifecycle } from '../../../domain/withdrawal/status.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

export const WithdrawalSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    amountPaise: z.number().int(),
    status: z.enum(withdrawalLifecycle.states),
    payoutReference: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    paidAt: z.string().nullable(),
  })
  .openapi('MentorWithdrawal');


export const requestWithdrawalRoute = createRoute({
  method: 'post',
  path: '/api/mentors/me/withdrawals',
  tags: ['Mentors'],
  summary: 'Request a payout; the amount leaves your earnings balance now and returns if rejected',
  ...bearer(['EXPERT']),
  request: { body: jsonBody(z.object({ amountPaise: z.number().int().min(100).max(100_000_000) }).strict().openapi('WithdrawalRequest')) },
  responses: { 201: jsonResponse('Requested', WithdrawalSchema), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('More than your balance') },
});

export const myWithdrawalsRoute = createRoute({
  method: 'get',
  path: '/api/mentors/me/withdrawals',
  tags: ['Mentors'],
  summary: 'Your payout requests and your earnings balance',
  ...bearer(['EXPERT']),
  responses: {
    200: jsonResponse('Balance and requests', z.object({ balancePaise: z.number().int(), totalEarnedPaise: z.number().int(), totalWithdrawnPaise: z.number().int(), items: z.array(WithdrawalSchema) })),
    ...authProblems,
  },
});

export const listWithdrawalsRoute = createRoute({
  method: 'get',
  path: '/api/admin/withdrawals',
  tags: ['Admin'],
  summary: 'Payout requests, newest first',
  ...bearer(STAFF),
  request: { query: PageQuery.extend({ status: z.enum(withdrawalLifecycle.states).optional() }) },
  responses: { 200: jsonResponse('A page of requests', pageSchema(WithdrawalSchema).openapi('WithdrawalPage')), 400: problemResponse('Invalid filters'), ...authProblems },
});

export const DecideBody = z
  .object({ notes: z.string().trim().max(500).optional(), payoutReference: z.string().trim().min(3).max(100).optional().openapi({ description: 'mark-paid only: the transfer reference' }) })
  .strict()
  .openapi('WithdrawalDecision');

export const decideWithdrawalRoute = createRoute({
  method: 'post',
  path: '/api/admin/withdrawals/{id}/{action}',
  tags: ['Admin'],
  summary: 'approve, reject (returns the amount to the balance) or mark-paid',
  ...bearer(STAFF),
  request: { params: z.object({ id: z.uuid(), action: z.enum(['approve', 'reject', 'mark-paid']) }), body: jsonBody(DecideBody) },
  responses: { 200: jsonResponse('Decided', WithdrawalSchema), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such request'), 409: problemResponse('Illegal transition') },
});
