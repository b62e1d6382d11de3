import { createRoute } from '@hono/zod-openapi';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { ApplicationId, ApplicationView, ApplyBody, UpdateDraftBody } from './applications.schemas.js';

const TAGS = ['Program applications'];
const APPLICANT = ['USER'] as const;
const notFound = { 404: problemResponse('No such application, or not yours') };

export const applyRoute = createRoute({
  method: 'post',
  path: '/api/applications',
  tags: TAGS,
  summary: 'Apply to a batch: a DRAFT with your name and email and the batch fee as it is today',
  description: 'The batch must be UPCOMING or ACTIVE and its application deadline ahead. One open (not REJECTED or DEBOARDED) application per batch.',
  ...bearer(APPLICANT),
  request: { body: jsonBody(ApplyBody) },
  responses: {
    201: jsonResponse('The draft', ApplicationView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    409: problemResponse('You already have an open application to this batch'),
    422: problemResponse('No such batch, or it takes no applications'),
  },
});

export const listMyApplicationsRoute = createRoute({
  method: 'get',
  path: '/api/applications',
  tags: TAGS,
  summary: 'Your applications, newest first',
  ...bearer(APPLICANT),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of applications', pageSchema(ApplicationView).openapi('ProgramApplicationPage')), 400: problemResponse('Invalid cursor'), ...authProblems },
});

export const getMyApplicationRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}',
  tags: TAGS,
  summary: 'One of your applications: status, fee, discount, amount due and batch',
  ...bearer(APPLICANT),
  request: { params: ApplicationId },
  responses: { 200: jsonResponse('The application', ApplicationView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const updateDraftRoute = createRoute({
  method: 'patch',
  path: '/api/applications/{id}',
  tags: TAGS,
  summary: 'Edit your application while it is a DRAFT',
  ...bearer(APPLICANT),
  request: { params: ApplicationId, body: jsonBody(UpdateDraftBody) },
  responses: { 200: jsonResponse('The draft', ApplicationView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 409: problemResponse('No longer a DRAFT') },
});

export const submitRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/submit',
  tags: TAGS,
  summary: 'Submit your draft for review (DRAFT → SUBMITTED)',
  ...bearer(APPLICANT),
  request: { params: ApplicationId },
  responses: {
    200: jsonResponse('The submitted application', ApplicationView),
    400: problemResponse('Invalid id'),
    ...authProblems,
    ...notFound,
    409: problemResponse('Not a DRAFT (ILLEGAL_TRANSITION names both states)'),
    422: problemResponse('The batch no longer takes applications'),
  },
});
