import { createRouter } from '../../openapi.js';
import { healthHandler } from './health.handlers.js';
import { health } from './health.routes.js';

export const healthRouter = createRouter().openapi(health, healthHandler);
