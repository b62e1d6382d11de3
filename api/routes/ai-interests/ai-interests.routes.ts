import { createRoute } from '@hono/zod-openapi';
import type { Role } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { InterestAccepted, InterestBody, InterestsQuery, InterestView } from './ai-interests.schemas.js';

const TAGS = ['AI for everyone'];
/** Marketing leads: staff and sales read them. */
const READERS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'SALES'];

export const submitInterestRoute = createRoute({
  method: 'post',
  path: '/api/public/ai-for-everyone/interests',
  tags: TAGS,
  summary: 'Public form: register interest in the AI for everyone course',
  description:
    'One row per email (lower-cased): a repeat updates it and answers 200, a first one 201. With contactMe the person is also captured as a CRM lead (source website, ' +
    'sourceDetail ai_for_everyone) through the CRM lead capture, whose dedupe merges a repeat into the same lead. Rate limited per client IP and per email (429 with Retry-After).',
  ...publicRoute,
  request: { body: jsonBody(InterestBody) },
  responses: {
    200: jsonResponse('Already registered: updated', InterestAccepted),
    201: jsonResponse('Registered', InterestAccepted),
    400: problemResponse('Invalid body'),
    429: problemResponse('Too many forms from this address or for this email'),
  },
});

export const listInterestsRoute = createRoute({
  method: 'get',
  path: '/api/admin/ai-for-everyone/interests',
  tags: TAGS,
  summary: 'AI for everyone interest forms, newest first, by email, source and date',
  ...bearer(READERS),
  request: { query: InterestsQuery },
  responses: { 200: jsonResponse('A page of forms', pageSchema(InterestView).openapi('AiInterestPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});
