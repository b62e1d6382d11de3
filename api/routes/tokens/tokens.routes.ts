import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

export const PurchaseSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    status: z.enum(['PENDING', 'COMPLETED', 'FAILED', 'CANCELLED']),
    tokens: z.number().int(),
    amountPaise: z.number().int(),
    currency: z.string(),
    packId: z.string().nullable(),
    razorpayOrderId: z.string().nullable(),
    razorpayPaymentId: z.string().nullable(),
    workflowId: z.string().nullable(),
    creditedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('TokenPurchase');

export const CheckoutSchema = z
  .object({ purchase: PurchaseSchema, checkout: z.object({ key: z.string(), order_id: z.string(), amount: z.number().int(), currency: z.string(), name: z.string() }) })
  .openapi('TokenCheckout');


export const createPurchaseRoute = createRoute({
  method: 'post',
  path: '/api/tokens/purchases',
  tags: ['Tokens'],
  summary: 'Buy tokens: a PENDING purchase, a Razorpay order, and the payment/token/<id> workflow; returns what checkout needs',
  ...bearer(['USER', 'EXPERT']),
  request: {
    body: jsonBody(
      z
        .object({ packId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional().openapi({ description: 'A pack id from GET /api/tokens/packs' }), tokens: z.number().int().min(1).max(500).optional() })
        .strict()
        .refine((b) => (b.packId === undefined) !== (b.tokens === undefined), { message: 'Give either packId or tokens' })
        .openapi('PurchaseRequest'),
    ),
  },
  responses: { 201: jsonResponse('Created', CheckoutSchema), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('No such pack in the catalogue'), 503: problemResponse('Razorpay is unavailable; nothing was charged') },
});

export const verifyPurchaseRoute = createRoute({
  method: 'post',
  path: '/api/tokens/purchases/{id}/verify',
  tags: ['Tokens'],
  summary: "Checkout's callback: HMAC-SHA256 of our stored order_id|payment_id; then the workflow is signalled",
  ...bearer(['USER', 'EXPERT']),
  request: {
    params: z.object({ id: z.uuid() }),
    body: jsonBody(z.object({ razorpay_payment_id: z.string().min(5).max(64), razorpay_signature: z.string().min(10).max(128), razorpay_order_id: z.string().max(64).optional() }).strict().openapi('PurchaseVerifyRequest')),
  },
  responses: { 202: jsonResponse('Accepted; the workflow credits the tokens once', PurchaseSchema), 400: problemResponse('Bad signature'), ...authProblems, 404: problemResponse('No such purchase of yours') },
});

export const getPurchaseRoute = createRoute({
  method: 'get',
  path: '/api/tokens/purchases/{id}',
  tags: ['Tokens'],
  summary: 'One of your purchases',
  ...bearer(['USER', 'EXPERT', 'ADMIN', 'SUPERADMIN']),
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonResponse('The purchase', PurchaseSchema), ...authProblems, 404: problemResponse('No such purchase of yours') },
});

export const listPurchasesRoute = createRoute({
  method: 'get',
  path: '/api/admin/token-purchases',
  tags: ['Admin'],
  summary: 'Token purchases with their workflow ids, newest first',
  ...bearer(STAFF),
  request: { query: PageQuery.extend({ status: z.enum(['PENDING', 'COMPLETED', 'FAILED', 'CANCELLED']).optional(), userId: z.uuid().optional() }) },
  responses: { 200: jsonResponse('A page of purchases', pageSchema(PurchaseSchema).openapi('TokenPurchasePage')), 400: problemResponse('Invalid filters'), ...authProblems },
});

export const refundPurchaseRoute = createRoute({
  method: 'post',
  path: '/api/admin/token-purchases/{id}/refund',
  tags: ['Admin'],
  summary: 'Refund a purchase whose tokens are unspent: the tokens come back now, payment/refund/<id> sends the money (idempotent)',
  ...bearer(STAFF),
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(z.object({ reason: z.string().trim().min(3).max(500) }).strict().openapi('PurchaseRefundRequest')) },
  responses: {
    202: jsonResponse('Refund accepted', z.object({ purchase: PurchaseSchema, workflowId: z.string() })),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such purchase'),
    409: problemResponse('Not completed, already refunded, or its tokens are spent'),
  },
});
