import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { CreateEventBody, EventKeyParam, EventsQuery, EventView, PublicEventView, UpdateEventBody } from './event-config.schemas.js';

const TAGS = ['Events'];
const missing = { 404: problemResponse('No such event') };

export const listEventsRoute = createRoute({
  method: 'get',
  path: '/api/admin/events',
  tags: TAGS,
  summary: 'Event configurations, newest first',
  ...bearer(STAFF),
  request: { query: EventsQuery },
  responses: { 200: jsonResponse('A page of events', pageSchema(EventView).openapi('EventConfigurationPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const createEventRoute = createRoute({
  method: 'post',
  path: '/api/admin/events',
  tags: TAGS,
  summary: 'Configure an event (off until isEnabled)',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateEventBody) },
  responses: { 201: jsonResponse('The event', EventView), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('The key is taken'), 422: problemResponse('Ends before it starts') },
});

export const getEventRoute = createRoute({
  method: 'get',
  path: '/api/admin/events/{key}',
  tags: TAGS,
  summary: 'One event configuration',
  ...bearer(STAFF),
  request: { params: EventKeyParam },
  responses: { 200: jsonResponse('The event', EventView), 400: problemResponse('Invalid key'), ...authProblems, ...missing },
});

export const updateEventRoute = createRoute({
  method: 'patch',
  path: '/api/admin/events/{key}',
  tags: TAGS,
  summary: 'Toggle or edit an event',
  ...bearer(STAFF),
  request: { params: EventKeyParam, body: jsonBody(UpdateEventBody) },
  responses: { 200: jsonResponse('The event', EventView), 400: problemResponse('Invalid body'), ...authProblems, ...missing, 422: problemResponse('Ends before it starts') },
});

export const deleteEventRoute = createRoute({
  method: 'delete',
  path: '/api/admin/events/{key}',
  tags: TAGS,
  summary: 'Delete an event configuration (its registrations are kept)',
  ...bearer(STAFF),
  request: { params: EventKeyParam },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid key'), ...authProblems, ...missing },
});

export const publicEventsRoute = createRoute({
  method: 'get',
  path: '/api/public/events',
  tags: TAGS,
  summary: 'Enabled events with their toggles, for frontends (at most 100, soonest first)',
  ...publicRoute,
  responses: { 200: { ...jsonResponse('The enabled events', z.object({ items: z.array(PublicEventView) }).openapi('PublicEventList')), headers: { 'Cache-Control': { schema: { type: 'string' } } } } },
});

export const publicEventRoute = createRoute({
  method: 'get',
  path: '/api/public/events/{key}',
  tags: TAGS,
  summary: 'One enabled event, for its page',
  ...publicRoute,
  request: { params: EventKeyParam },
  responses: { 200: { ...jsonResponse('The event', PublicEventView), headers: { 'Cache-Control': { schema: { type: 'string' } } } }, 400: problemResponse('Invalid key'), 404: problemResponse('No such enabled event') },
});
