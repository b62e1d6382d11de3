import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { SalesHeadListQuery, SalesHeadParam, SalesHeadProfileBody, SalesHeadProfileView } from './crm-sales-heads.schemas.js';

const TAGS = ['CRM'];

export const getSalesHeadProfileRoute = createRoute({
  method: 'get',
  path: '/api/crm/sales-heads/{userId}/profile',
  tags: TAGS,
  summary: 'A sales head’s profile (the head reads their own; admins any). Without a stored profile: the defaults, id null',
  ...bearer(CRM_ROLES),
  request: { params: SalesHeadParam },
  responses: { 200: jsonResponse('The profile', SalesHeadProfileView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such SALES user, or not you') },
});

export const putSalesHeadProfileRoute = createRoute({
  method: 'put',
  path: '/api/crm/sales-heads/{userId}/profile',
  tags: TAGS,
  summary: 'Create or update a SALES user’s sales-head profile (admins): team name, region, auto-assign, approval requirement, open-lead cap',
  ...bearer(STAFF),
  request: { params: SalesHeadParam, body: jsonBody(SalesHeadProfileBody) },
  responses: {
    200: jsonResponse('The profile', SalesHeadProfileView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such user'),
    422: problemResponse('The user is not SALES, or the platform is unknown'),
  },
});

export const listSalesHeadsRoute = createRoute({
  method: 'get',
  path: '/api/crm/sales-heads',
  tags: TAGS,
  summary: 'Sales-head profiles, newest first (admins)',
  ...bearer(STAFF),
  request: { query: SalesHeadListQuery },
  responses: { 200: jsonResponse('A page of profiles', pageSchema(SalesHeadProfileView).openapi('SalesHeadProfilePage')), 400: problemResponse('Invalid query'), ...authProblems },
});
