// Paying for a program application over HTTP; the rules live in services/payments/application-payment.ts.
import type { RouteHandler } from '@hono/zod-openapi';
import { payApplication, verifyApplicationPayment } from '../../../services/payments/application-payment.js';
import type { AppEnv } from '../../deps.js';
import type { payRoute, verifyRoute } from './application-payments.routes.js';

export const payHandler: RouteHandler<typeof payRoute, AppEnv> = async (c) => {
  const paid = await payApplication(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json'));
  return paid.checkout ? c.json(paid, 201) : c.json({ ...paid, status: 'PAID' as const }, 200);
};

export const verifyHandler: RouteHandler<typeof verifyRoute, AppEnv> = async (c) => c.json(await verifyApplicationPayment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 202);
