// Paying for a program application over HTTP; the rules live in services/payments/application-payment.ts.
import type { RouteHandler } from '@hono/zod-openapi';
import { payApplication, verifyApplicationPayment } from '../../../services/payments/application-payment.js';
import type { AppEnv } from '../../deps.js';
import type { payRoute, verifyRoute } from './application-payments.routes.js';

export const payHandler: RouteHandler<typeof payRoute, AppEnv> = async (c) => c.json(await payApplication(c.var.deps, c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const verifyHandler: RouteHandler<typeof verifyRoute, AppEnv> = async (c) => c.json(await verifyApplicationPayment(c.var.deps, c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 202);
