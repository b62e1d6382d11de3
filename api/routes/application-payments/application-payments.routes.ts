import { createRoute, z } from '@hono/zod-openapi';
import { bearer } from '../../middleware/auth.js';
import { jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const TAGS = ['Admissions: payment'];
const ApplicationId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const BillingAddress = z
  .object({
    line1: z.string().trim().min(3).max(100),
    city: z.string().trim().min(2).max(50),
    pin: z.string().regex(/^[1-9]\d{5}$/, { message: 'A six-digit PIN code' }),
    stateCode: z.string().regex(/^\d{2}$/, { message: 'A two-digit GST state code' }).openapi({ example: '27' }),
  })
  .openapi('BillingAddress');

export const PayBody = z
  .object({
    name: z.string().trim().min(2).max(100).optional().openapi({ description: 'The name on the invoice; default the applicant’s (a company paying for its employee puts its legal name here)' }),
    gstin: z.string().trim().length(15).optional().openapi({ description: 'The buyer’s GSTIN: the invoice is then B2B and exports as an e-invoice. Checked for shape, state code and check character.', example: '27AAACB2894G1ZN' }),
    address: BillingAddress.optional().openapi({ description: 'Billing address; its state is the place of supply (required with a GSTIN). Without one, the state on the student profile, else the supplier’s.' }),
  })
  .openapi('ApplicationPayBody');

export const CheckoutView = z
  .object({
    applicationId: z.uuid(),
    status: z.string(),
    globalPaymentId: z.uuid(),
    workflowId: z.string().nullable(),
    checkout: z.object({ key: z.string(), order_id: z.string(), amount: z.number().int().openapi({ description: 'Paise, GST included' }), currency: z.literal('INR'), name: z.string() }),
  })
  .openapi('ApplicationCheckout');

export const WaivedView = z
  .object({
    applicationId: z.uuid(),
    status: z.literal('PAID'),
    globalPaymentId: z.null(),
    workflowId: z.null(),
    checkout: z.null(),
  })
  .openapi('ApplicationFeeWaived');

export const VerifyBody = z
  .object({
    razorpay_order_id: z.string().min(1).max(100),
    razorpay_payment_id: z.string().min(1).max(100),
    razorpay_signature: z.string().regex(/^[0-9a-f]{64}$/, { message: '64 hex characters' }),
  })
  .openapi('ApplicationPaymentVerifyBody');

const base = { 401: problemResponse('Not signed in'), 403: problemResponse('Not a student account'), 404: problemResponse('No such application of yours') };

export const payRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/payment',
  tags: TAGS,
  summary: 'Pay the program fee of an approved application: a Razorpay order for the amount due (fee less the approved discount, GST included)',
  description:
    'Opens payment/application/<globalPaymentId>. Asking again while that order is open (same amount and GSTIN) returns the same order. The run moves the application APPROVED → PAYMENT_RECEIVED when Razorpay confirms the capture and → PAID with the GST invoice.',
  ...bearer(['USER']),
  request: { params: ApplicationId, body: jsonBody(PayBody) },
  responses: {
    200: jsonResponse('Nothing was due (a full discount): the application is PAID at once, with no payment and no invoice', WaivedView),
    201: jsonResponse('The Razorpay checkout options', CheckoutView),
    400: problemResponse('Invalid body: a GSTIN that fails its checksum, an unknown state code, or a GSTIN without an address'),
    ...base,
    409: problemResponse('The application is not APPROVED, or it is paid through its PAP agreement'),
    503: problemResponse('Razorpay is unavailable; nothing was charged'),
  },
});

export const verifyRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/payment/verify',
  tags: TAGS,
  summary: 'Checkout’s callback: the signature is checked against our order, then the payment workflow is told',
  ...bearer(['USER']),
  request: { params: ApplicationId, body: jsonBody(VerifyBody) },
  responses: {
    202: jsonResponse('Accepted: the workflow records the payment', z.object({ applicationId: z.uuid(), status: z.string(), globalPaymentId: z.uuid(), workflowId: z.string().nullable() }).openapi('ApplicationPaymentAccepted')),
    400: problemResponse('The signature does not match, or the order is not this application’s'),
    ...base,
  },
});
