import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PayBody, VerifyBody } from '../application-payments/application-payments.routes.js';
import { DownloadView, PapId, PapView, UploadUrlBody, UploadUrlView } from '../pap/pap.schemas.js';
import { InstalmentCheckoutView, InstalmentParams, InstalmentVerifyView, PlacementBody, VerifyPlacementBody, WriteOffBody } from './pap-collection.schemas.js';

const TAGS = ['PAP agreements'];
const STUDENT = ['USER'] as const;
const STUDENT_OR_STAFF = ['USER', ...STAFF] as const;
const notFound = { 404: problemResponse('No such PAP agreement (a student sees only their own)') };
const illegal = { 409: problemResponse('ILLEGAL_TRANSITION: the step is not allowed in the agreement’s current state (nothing changed)') };

export const offerLetterUploadRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/offer-letter/upload-url',
  tags: TAGS,
  summary: 'Step 5: a presigned PUT for the offer letter (PDF, JPEG or PNG, at most 10 MiB), while ENROLLED',
  description: 'The agreement’s student, or staff for them.',
  ...bearer(STUDENT_OR_STAFF),
  request: { params: PapId, body: jsonBody(UploadUrlBody) },
  responses: { 200: jsonResponse('The upload', UploadUrlView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...illegal, 413: problemResponse('Too large') },
});

export const reportPlacementRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/placement',
  tags: TAGS,
  summary: 'Step 5: report the placement (company, role, CTC, the uploaded offer letter) → PLACEMENT_UNDER_REVIEW',
  description: 'The agreement’s student, or staff for them. The offer letter must be uploaded under the key issued for this agreement.',
  ...bearer(STUDENT_OR_STAFF),
  request: { params: PapId, body: jsonBody(PlacementBody) },
  responses: {
    200: jsonResponse('The agreement after the step', PapView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    ...notFound,
    ...illegal,
    415: problemResponse('The offer letter is not a PDF or image'),
    422: problemResponse('No offer letter under that key'),
  },
});

export const offerLetterRoute = createRoute({
  method: 'get',
  path: '/api/pap/{id}/offer-letter',
  tags: TAGS,
  summary: 'Download the reported offer letter (presigned GET, 5 minutes)',
  ...bearer(STUDENT_OR_STAFF),
  request: { params: PapId },
  responses: { 200: jsonResponse('Where to download it', DownloadView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such agreement, or no placement reported') },
});

export const verifyPlacementRoute = createRoute({
  method: 'post',
  path: '/api/admin/pap/{id}/placement/verify',
  tags: TAGS,
  summary: 'Step 6: verify the placement: the collection plan is written (→ PAYMENT_COLLECTION_PENDING, or COMPLETED when nothing is owed), or reject it back to ENROLLED',
  description:
    'The amount owed is the agreement template’s fixed PAP fee, or its share of the verified CTC; nothing under the upfront option. It is split into equal instalments (the odd paise on the first), the first due at firstDueAt (default 30 days on) and the rest every intervalDays.',
  ...bearer(STAFF),
  request: { params: PapId, body: jsonBody(VerifyPlacementBody) },
  responses: {
    200: jsonResponse('The agreement after the verification', PapView),
    400: problemResponse('Invalid body (e.g. a due date in the past)'),
    ...authProblems,
    404: problemResponse('No such PAP agreement'),
    409: problemResponse('Not PLACEMENT_UNDER_REVIEW, or a rejection without a reason'),
    422: problemResponse('The template states no PAP fee, or the plan’s instalments would be too small'),
  },
});

export const writeOffRoute = createRoute({
  method: 'post',
  path: '/api/admin/pap/{id}/write-off',
  tags: TAGS,
  summary: 'Write the agreement off with a reason (ENROLLED, PLACEMENT_UNDER_REVIEW or PAYMENT_COLLECTION_PENDING) → WRITTEN_OFF; open instalments with it',
  ...bearer(STAFF),
  request: { params: PapId, body: jsonBody(WriteOffBody) },
  responses: { 200: jsonResponse('The agreement after the write-off', PapView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such PAP agreement'), ...illegal },
});

export const instalmentPaymentRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/instalments/{seq}/payment',
  tags: TAGS,
  summary: 'Pay one collection instalment: a Razorpay order through the payment workflow (kind pap-instalment), invoiced with GST',
  description: 'While PAYMENT_COLLECTION_PENDING and the instalment is DUE, in any order. A second click while an order is open gets it back.',
  ...bearer(STUDENT),
  request: { params: InstalmentParams, body: jsonBody(PayBody) },
  responses: {
    201: jsonResponse('The Razorpay checkout options', InstalmentCheckoutView),
    400: problemResponse('Invalid billing details'),
    ...authProblems,
    404: problemResponse('No such agreement or instalment of yours'),
    ...illegal,
    503: problemResponse('Razorpay is unavailable; nothing was charged'),
  },
});

export const instalmentVerifyRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/instalments/{seq}/payment/verify',
  tags: TAGS,
  summary: 'Checkout’s callback for an instalment: the signature is checked and the payment run told',
  ...bearer(STUDENT),
  request: { params: InstalmentParams, body: jsonBody(VerifyBody) },
  responses: { 200: jsonResponse('Accepted', InstalmentVerifyView), 400: problemResponse('Invalid body or signature'), ...authProblems, 404: problemResponse('No such agreement or instalment of yours') },
});
