import { createRoute } from '@hono/zod-openapi';
import type { Role } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { IdParam, IimtAccepted, IimtBody, IimtQuery, IimtStatusBody, IimtView } from './iimt.schemas.js';

const TAGS = ['IIMT applications'];
/** Applicants are admissions leads: staff and sales read and follow them up. */
const READERS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'SALES'];

export const submitIimtRoute = createRoute({
  method: 'post',
  path: '/api/public/iimt/applications',
  tags: TAGS,
  summary: 'Public form: apply to an IIMT programme',
  description: 'One application per email (lower-cased): a repeat updates it and answers 200, a first one 201. Rate limited per client IP and per email (429 with Retry-After).',
  ...publicRoute,
  request: { body: jsonBody(IimtBody) },
  responses: {
    200: jsonResponse('Already applied: updated', IimtAccepted),
    201: jsonResponse('Applied', IimtAccepted),
    400: problemResponse('Invalid body'),
    429: problemResponse('Too many forms from this address or for this email'),
  },
});

export const listIimtRoute = createRoute({
  method: 'get',
  path: '/api/admin/iimt/applications',
  tags: TAGS,
  summary: 'IIMT applications, newest first, by status, email and programme',
  ...bearer(READERS),
  request: { query: IimtQuery },
  responses: { 200: jsonResponse('A page of applications', pageSchema(IimtView).openapi('IimtApplicationPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const setIimtStatusRoute = createRoute({
  method: 'patch',
  path: '/api/admin/iimt/applications/{id}',
  tags: TAGS,
  summary: 'Mark an application contacted, qualified or rejected',
  ...bearer(READERS),
  request: { params: IdParam, body: jsonBody(IimtStatusBody) },
  responses: { 200: jsonResponse('The application', IimtView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such application') },
});
