import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { PayBody, VerifyBody } from '../application-payments/application-payments.routes.js';
import { ApplicationId } from '../applications/applications.schemas.js';
import {
  DownloadView,
  MouDetailsBody,
  PapId,
  PapListItem,
  PapQuery,
  PapView,
  PaymentOptionBody,
  ReviewBody,
  SignedMouBody,
  UpfrontCheckoutView,
  UpfrontVerifyView,
  UploadUrlBody,
  UploadUrlView,
} from './pap.schemas.js';

const TAGS = ['PAP agreements'];
const STUDENT = ['USER'] as const;
const notYours = { 404: problemResponse('No such PAP agreement of yours') };
const illegal = { 409: problemResponse('ILLEGAL_TRANSITION: the step is not allowed in the agreement’s current state (nothing changed)') };

export const startPapRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/pap',
  tags: TAGS,
  summary: 'Start a pay-after-placement agreement for your APPROVED application',
  description: 'Writes the mas101_pap_workflows row (PENDING_MOU_DETAILS) and starts its run pap/<id>. One agreement per application.',
  ...bearer(STUDENT),
  request: { params: ApplicationId },
  responses: { 201: jsonResponse('The new agreement', PapView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such application of yours'), 409: problemResponse('The application is not APPROVED, or already has a PAP agreement') },
});

export const getPapRoute = createRoute({
  method: 'get',
  path: '/api/pap/{id}',
  tags: TAGS,
  summary: 'A PAP agreement with its live step (what the run waits for, the next reminder)',
  description: 'Its student or staff; anyone else gets 404.',
  ...bearer(EVERYONE),
  request: { params: PapId },
  responses: { 200: jsonResponse('The agreement', PapView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such PAP agreement') },
});

export const listPapsRoute = createRoute({
  method: 'get',
  path: '/api/admin/pap',
  tags: TAGS,
  summary: 'PAP agreements, newest first, by state, batch or student',
  ...bearer(STAFF),
  request: { query: PapQuery },
  responses: { 200: jsonResponse('A page of agreements', pageSchema(PapListItem).openapi('PapAgreementPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const myPapsRoute = createRoute({
  method: 'get',
  path: '/api/me/pap',
  tags: TAGS,
  summary: 'Your PAP agreements, newest first',
  ...bearer(STUDENT),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of your agreements', pageSchema(PapListItem).openapi('MyPapAgreementPage')), 400: problemResponse('Invalid cursor'), ...authProblems },
});

export const submitMouDetailsRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/mou-details',
  tags: TAGS,
  summary: 'Step 1: the MOU details; the agreement PDF is rendered from the template → PENDING_MOU_UPLOAD',
  ...bearer(STUDENT),
  request: { params: PapId, body: jsonBody(MouDetailsBody) },
  responses: { 200: jsonResponse('The agreement after the step', PapView), 400: problemResponse('Invalid details (e.g. under 18 without a guardian)'), ...authProblems, ...notYours, ...illegal, 422: problemResponse('No usable agreement template') },
});

export const agreementRoute = createRoute({
  method: 'get',
  path: '/api/pap/{id}/agreement',
  tags: TAGS,
  summary: 'Download the rendered agreement PDF (presigned GET, 5 minutes)',
  ...bearer(EVERYONE),
  request: { params: PapId },
  responses: { 200: jsonResponse('Where to download it', DownloadView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such PAP agreement'), 409: problemResponse('No agreement rendered yet') },
});

export const uploadUrlRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/signed-mou/upload-url',
  tags: TAGS,
  summary: 'Step 2 (manual signing): a presigned PUT for the signed scan (PDF, JPEG or PNG, at most 10 MiB)',
  description: 'eSign through Leegality will replace this step; the upload stays as the fallback.',
  ...bearer(STUDENT),
  request: { params: PapId, body: jsonBody(UploadUrlBody) },
  responses: { 200: jsonResponse('The upload', UploadUrlView), 400: problemResponse('Invalid body'), ...authProblems, ...notYours, ...illegal, 413: problemResponse('Too large') },
});

export const submitSignedMouRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/signed-mou',
  tags: TAGS,
  summary: 'Step 2 done: the uploaded scan is checked (it exists, its type and size) → PENDING_MOU_REVIEW',
  ...bearer(STUDENT),
  request: { params: PapId, body: jsonBody(SignedMouBody) },
  responses: { 200: jsonResponse('The agreement after the step', PapView), 400: problemResponse('Invalid body'), ...authProblems, ...notYours, ...illegal, 415: problemResponse('Not a PDF or image'), 422: problemResponse('Nothing uploaded under that key, or an empty or oversized file') },
});

export const signedMouRoute = createRoute({
  method: 'get',
  path: '/api/pap/{id}/signed-mou',
  tags: TAGS,
  summary: 'Download the signed MOU (presigned GET, 5 minutes)',
  ...bearer(EVERYONE),
  request: { params: PapId },
  responses: { 200: jsonResponse('Where to download it', DownloadView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such agreement, or nothing signed yet') },
});

export const reviewRoute = createRoute({
  method: 'post',
  path: '/api/admin/pap/{id}/review',
  tags: TAGS,
  summary: 'Step 3: approve the signed MOU (→ PENDING_PAYMENT_OPTION) or reject it with a reason (→ PENDING_MOU_DETAILS or PENDING_MOU_UPLOAD)',
  ...bearer(STAFF),
  request: { params: PapId, body: jsonBody(ReviewBody) },
  responses: { 200: jsonResponse('The agreement after the review', PapView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such PAP agreement'), 409: problemResponse('Not PENDING_MOU_REVIEW, or a rejection without a reason') },
});

export const paymentOptionRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/payment-option',
  tags: TAGS,
  summary: 'Step 4: upfront (→ PENDING_UPFRONT_PAYMENT) or pay after placement (→ PENDING_PAP_APPROVAL)',
  ...bearer(STUDENT),
  request: { params: PapId, body: jsonBody(PaymentOptionBody) },
  responses: { 200: jsonResponse('The agreement after the choice', PapView), 400: problemResponse('Invalid body'), ...authProblems, ...notYours, ...illegal },
});

export const upfrontPaymentRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/upfront-payment',
  tags: TAGS,
  summary: 'Pay the upfront fee: a Razorpay order for the application’s amount due (GST invoice, SAC 999293)',
  description: 'Opens payment/pap-upfront/<globalPaymentId>; the same open order is handed back on a re-click. On capture the application goes APPROVED → PAYMENT_RECEIVED → PAID and the PAP run enrols the student.',
  ...bearer(STUDENT),
  request: { params: PapId, body: jsonBody(PayBody) },
  responses: { 201: jsonResponse('The Razorpay checkout options', UpfrontCheckoutView), 400: problemResponse('Invalid billing details'), ...authProblems, ...notYours, ...illegal, 422: problemResponse('Nothing is due'), 503: problemResponse('Razorpay is unavailable; nothing was charged') },
});

export const upfrontVerifyRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/upfront-payment/verify',
  tags: TAGS,
  summary: 'Checkout’s callback: the signature is checked and the payment run told',
  ...bearer(STUDENT),
  request: { params: PapId, body: jsonBody(VerifyBody) },
  responses: { 200: jsonResponse('Accepted', UpfrontVerifyView), 400: problemResponse('Invalid body or signature'), ...authProblems, ...notYours },
});

export const approvePapRoute = createRoute({
  method: 'post',
  path: '/api/admin/pap/{id}/approve',
  tags: TAGS,
  summary: 'Approve pay-after-placement: the application is settled as a deferred fee, allocated (capacity respected) and enrolled → ENROLLED',
  description: 'A full or deleted batch leaves the agreement PENDING_PAP_APPROVAL with live.blocked set; retry with /retry-enrolment.',
  ...bearer(STAFF),
  request: { params: PapId },
  responses: { 200: jsonResponse('The agreement after the approval', PapView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such PAP agreement'), ...illegal },
});

export const retryEnrolmentRoute = createRoute({
  method: 'post',
  path: '/api/admin/pap/{id}/retry-enrolment',
  tags: TAGS,
  summary: 'Retry an enrolment that was blocked (a full batch, a deleted batch)',
  ...bearer(STAFF),
  request: { params: PapId },
  responses: { 200: jsonResponse('The agreement after the retry', PapView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such PAP agreement'), 409: problemResponse('The enrolment is not blocked') },
});

export const resendEsignRoute = createRoute({
  method: 'post',
  path: '/api/pap/{id}/esign/resend',
  tags: TAGS,
  summary: 'Ask for a new eSign link after a failed or declined signing (a new Leegality document)',
  description: 'Allowed while PENDING_MOU_UPLOAD when the last eSign failed or could not be requested; the signed-scan upload stays available either way.',
  ...bearer(STUDENT),
  request: { params: PapId },
  responses: { 200: jsonResponse('The agreement with its new signing link', PapView), 400: problemResponse('Invalid id'), ...authProblems, ...notYours, ...illegal },
});

export const auditTrailRoute = createRoute({
  method: 'get',
  path: '/api/pap/{id}/audit-trail',
  tags: TAGS,
  summary: 'Download the Leegality audit trail of an eSigned MOU (presigned GET, 5 minutes)',
  ...bearer(STAFF),
  request: { params: PapId },
  responses: { 200: jsonResponse('Where to download it', DownloadView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such agreement, or not signed through eSign') },
});
