// A PAP agreement's placement and collection over HTTP; services/pap/ holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { payPapInstalment, verifyPapInstalment } from '../../../services/pap/pap-payment.js';
import { offerLetterDownload, offerLetterUploadUrl, reportPlacement, verifyPlacement, writeOffPapAgreement } from '../../../services/pap/placement.js';
import type { AppEnv } from '../../deps.js';
import type { instalmentPaymentRoute, instalmentVerifyRoute, offerLetterRoute, offerLetterUploadRoute, reportPlacementRoute, verifyPlacementRoute, writeOffRoute } from './pap-collection.routes.js';

export const offerLetterUploadHandler: RouteHandler<typeof offerLetterUploadRoute, AppEnv> = async (c) =>
  c.json(await offerLetterUploadUrl(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const reportPlacementHandler: RouteHandler<typeof reportPlacementRoute, AppEnv> = async (c) => {
  const b = c.req.valid('json');
  return c.json(await reportPlacement(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { company: b.company, role: b.role, ctcPaise: b.ctcPaise, offerLetterKey: b.offerLetterKey, joiningDate: b.joiningDate ?? null }), 200);
};

export const offerLetterHandler: RouteHandler<typeof offerLetterRoute, AppEnv> = async (c) => c.json(await offerLetterDownload(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const verifyPlacementHandler: RouteHandler<typeof verifyPlacementRoute, AppEnv> = async (c) => {
  const { notes, ...rest } = c.req.valid('json');
  return c.json(await verifyPlacement(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { ...rest, notes: notes ?? null }), 200);
};

export const writeOffHandler: RouteHandler<typeof writeOffRoute, AppEnv> = async (c) => c.json(await writeOffPapAgreement(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').reason), 200);

export const instalmentPaymentHandler: RouteHandler<typeof instalmentPaymentRoute, AppEnv> = async (c) => {
  const { id, seq } = c.req.valid('param');
  return c.json(await payPapInstalment(c.get('deps'), c.get('auth')!, id, seq, c.req.valid('json')), 201);
};

export const instalmentVerifyHandler: RouteHandler<typeof instalmentVerifyRoute, AppEnv> = async (c) => {
  const { id, seq } = c.req.valid('param');
  return c.json(await verifyPapInstalment(c.get('deps'), c.get('auth')!, id, seq, c.req.valid('json')), 200);
};
