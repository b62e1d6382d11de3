// Post-session feedback: HTTP only; services/slots/feedback.ts does the work.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { createRouter } from '../../openapi.js';
import { giveFeedback, listFeedback } from '../../../services/slots/feedback.js';
import { giveFeedbackRoute, listFeedbackRoute } from './feedback.routes.js';

const give: RouteHandler<typeof giveFeedbackRoute, AppEnv> = async (c) => c.json(await giveFeedback(c.get('deps').db, c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

const list: RouteHandler<typeof listFeedbackRoute, AppEnv> = async (c) => c.json({ items: await listFeedback(c.get('deps').db, c.get('auth')!, c.req.valid('param').id) }, 200);

export const feedbackRouter = createRouter().openapi(giveFeedbackRoute, give).openapi(listFeedbackRoute, list);
