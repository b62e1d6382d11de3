// PAP agreements over HTTP. services/pap/ holds the rules; every step is the run's validated Update.
import type { RouteHandler } from '@hono/zod-openapi';
import { payPapUpfront, verifyPapUpfront } from '../../../services/pap/pap-payment.js';
import {
  agreementDownload,
  auditTrailDownload,
  resendEsign,
  approvePap,
  choosePaymentOption,
  getPap,
  listPaps,
  retryPapEnrolment,
  reviewMou,
  signedMouDownload,
  signedMouUploadUrl,
  startPap,
  submitMouDetails,
  submitSignedMou,
  toPapView,
} from '../../../services/pap/pap.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  agreementRoute,
  auditTrailRoute,
  resendEsignRoute,
  approvePapRoute,
  getPapRoute,
  listPapsRoute,
  myPapsRoute,
  paymentOptionRoute,
  retryEnrolmentRoute,
  reviewRoute,
  signedMouRoute,
  startPapRoute,
  submitMouDetailsRoute,
  submitSignedMouRoute,
  upfrontPaymentRoute,
  upfrontVerifyRoute,
  uploadUrlRoute,
} from './pap.routes.js';

/** Lists leave the MOU details (personal data) out. */
function summaryOf(r: Parameters<typeof toPapView>[0]) {
  const { mouDetails: _m, ...view } = toPapView(r);
  return view;
}

export const startPapHandler: RouteHandler<typeof startPapRoute, AppEnv> = async (c) => c.json(await startPap(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 201);

export const getPapHandler: RouteHandler<typeof getPapRoute, AppEnv> = async (c) => c.json(await getPap(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const listPapsHandler: RouteHandler<typeof listPapsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listPaps(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json(
{ items: items.map(summaryOf), nextCursor }, 200);
};

export const myPapsHandler: RouteHandler<typeof myPapsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const rows = await listPaps(c.get('deps'), { userId: c.get('auth')!.userId }, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(summaryOf), nextCursor }, 200);
};

export const submitMouDetailsHandler: RouteHandler<typeof submitMouDetailsRoute, AppEnv> = async (c) =>
  c.json(await submitMouDetails(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const agreementHandler: RouteHandler<typeof agreementRoute, AppEnv> = async (c) => c.json(await agreementDownload(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const uploadUrlHandler: RouteHandler<typeof uploadUrlRoute, AppEnv> = async (c) => c.json(await signedMouUploadUrl(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const submitSignedMouHandler: RouteHandler<typeof submitSignedMouRoute, AppEnv> = async (c) =>
  c.json(await submitSignedMou(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').key), 200);

export const signedMouHandler: RouteHandler<typeof signedMouRoute, AppEnv> = async (c) => c.json(await signedMouDownload(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const reviewHandler: RouteHandler<typeof reviewRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await reviewMou(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { decision: body.decision, notes: body.notes ?? null, ...(body.sendBackTo ? { sendBackTo: body.sendBackTo } : {}) }), 200);
};

export const paymentOptionHandler: RouteHandler<typeof paymentOptionRoute, AppEnv> = async (c) =>
  c.json(await choosePaymentOption(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').option), 200);

export const upfrontPaymentHandler: RouteHandler<typeof upfrontPaymentRoute, AppEnv> = async (c) => c.json(await payPapUpfront(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const upfrontVerifyHandler: RouteHandler<typeof upfrontVerifyRoute, AppEnv> = async (c) => c.json(await verifyPapUpfront(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const approvePapHandler: RouteHandler<typeof approvePapRoute, AppEnv> = async (c) => c.json(await approvePap(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const retryEnrolmentHandler: RouteHandler<typeof retryEnrolmentRoute, AppEnv> = async (c) => c.json(await retryPapEnrolment(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const resendEsignHandler: RouteHandler<typeof resendEsignRoute, AppEnv> = async (c) => c.json(await resendEsign(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const auditTrailHandler: RouteHandler<typeof auditTrailRoute, AppEnv> = async (c) => c.json(await auditTrailDownload(c.get('deps'), c.req.valid('param').id), 200);
