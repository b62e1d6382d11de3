// Student-initiated slot requests: HTTP only; services/slots/slot-requests.ts does the work.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { createRouter } from '../../openapi.js';
import { acceptSlotRequest, createSlotRequest, declineSlotRequest, listSlotRequests } from '../../../services/slots/slot-requests.js';
import { acceptRequestRoute, createRequestRoute, declineRequestRoute, listRequestsRoute } from './slot-requests.routes.js';

const create: RouteHandler<typeof createRequestRoute, AppEnv> = async (c) => c.json(await createSlotRequest(c.get('deps').db, c.get('auth')!.userId, c.req.valid('json')), 201);

const list: RouteHandler<typeof listRequestsRoute, AppEnv> = async (c) => c.json({ items: await listSlotRequests(c.get('deps').db, c.get('auth')!, c.req.valid('query').status) }, 200);

const accept: RouteHandler<typeof acceptRequestRoute, AppEnv> = async (c) => c.json(await acceptSlotRequest(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);

const decline: RouteHandler<typeof declineRequestRoute, AppEnv> = async (c) => c.json(await declineSlotRequest(c.get('deps').db, c.get('auth')!.userId, c.req.valid('param').id), 200);

export const slotRequestsRouter = createRouter().openapi(createRequestRoute, create).openapi(listRequestsRoute, list).openapi(acceptRequestRoute, accept).openapi(declineRequestRoute, decline);
