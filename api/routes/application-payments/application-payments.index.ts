import { createRouter } from '../../openapi.js';
import { payHandler, verifyHandler } from './application-payments.handlers.js';
import { payRoute, verifyRoute } from './application-payments.routes.js';

export const applicationPaymentsRouter = createRouter().openapi(payRoute, payHandler).openapi(verifyRoute, verifyHandler);
