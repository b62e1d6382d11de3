import { createRoute } from '@hono/zod-openapi';
import type { Role } from '../../../domain/auth/roles.js';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { EventKeyParam } from '../event-config/event-config.schemas.js';
import { IdParam, RegistrationAccepted, RegistrationBody, RegistrationsQuery, RegistrationView, StatusBody } from './league.schemas.js';

const TAGS = ['Leagues'];
/** Registrants are marketing leads: staff and sales read them. */
const READERS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'SALES'];

export const registerRoute = createRoute({
  method: 'post',
  path: '/api/public/events/{key}/registrations',
  tags: TAGS,
  summary: 'Public form: register for a league or event',
  description:
    'One registration per event and email (lower-cased): a repeat updates it and answers 200, a first one 201. Once maxRegistrations are taken newcomers are WAITLISTED. ' +
    'Rate limited per client IP and per email (429 with Retry-After).',
  ...publicRoute,
  request: { params: EventKeyParam, body: jsonBody(RegistrationBody) },
  responses: {
    200: jsonResponse('Already registered: updated', RegistrationAccepted),
    201: jsonResponse('Registered', RegistrationAccepted),
    400: problemResponse('Invalid body'),
    404: problemResponse('No such enabled event'),
    409: problemResponse('Registration is closed'),
    429: problemResponse('Too many forms from this address or for this email'),
  },
});

export const listRegistrationsRoute = createRoute({
  method: 'get',
  path: '/api/admin/events/{key}/registrations',
  tags: TAGS,
  summary: 'An event’s registrations, newest first, by status and email',
  ...bearer(READERS),
  request: { params: EventKeyParam, query: RegistrationsQuery },
  responses: { 200: jsonResponse('A page of registrations', pageSchema(RegistrationView).openapi('LeagueRegistrationPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const setStatusRoute = createRoute({
  method: 'patch',
  path: '/api/admin/league-registrations/{id}',
  tags: TAGS,
  summary: 'Confirm, waitlist or cancel a registration',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(StatusBody) },
  responses: { 200: jsonResponse('The registration', RegistrationView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such registration') },
});
