import { createRoute, type z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { AdminApplicationView, ApplicationId } from '../applications/applications.schemas.js';
import { AdminApplicationQuery, AllocateBody, DeboardBody, RejectBody } from './admin-applications.schemas.js';

const TAGS = ['Program applications (admin)'];
const notFound = { 404: problemResponse('No such application') };
const illegal = { 409: problemResponse('ILLEGAL_TRANSITION from the current status (the detail names both states)') };

export const listApplicationsRoute = createRoute({
  method: 'get',
  path: '/api/admin/applications',
  tags: TAGS,
  summary: 'Program applications, newest first; x-platform narrows to one tenant',
  ...bearer(STAFF),
  request: { query: AdminApplicationQuery },
  responses: { 200: jsonResponse('A page of applications', pageSchema(AdminApplicationView).openapi('AdminProgramApplicationPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getApplicationRoute = createRoute({
  method: 'get',
  path: '/api/admin/applications/{id}',
  tags: TAGS,
  summary: 'One application',
  ...bearer(STAFF),
  request: { params: ApplicationId },
  responses: { 200: jsonResponse('The application', AdminApplicationView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export type PlainMove = 'start-review' | 'approve' | 'enroll';
const PLAIN_SUMMARY: Record<PlainMove, string> = {
  'start-review': 'Start reviewing a submitted application (SUBMITTED → UNDER_REVIEW)',
  approve: 'Approve an application under review (UNDER_REVIEW → APPROVED); payment comes next',
  enroll: 'Enroll an allocated student (BATCH_ALLOCATED → ENROLLED): an enrollment in each course the batch teaches',
};

/** A move without a body. */
export const plainMoveRoute = (move: PlainMove) =>
  createRoute({
    method: 'post',
    path: `/api/admin/applications/{id}/${move}`,
    tags: TAGS,
    summary: PLAIN_SUMMARY[move],
    ...bearer(STAFF),
    request: { params: ApplicationId },
    responses: { 200: jsonResponse('The application after the move', AdminApplicationView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound, ...illegal, 422: problemResponse('The application has no batch any more') },
  });

const moveWithBody = <T extends z.ZodType>(move: string, summary: string, body: T, extra: Record<number, ReturnType<typeof problemResponse>> = {}) =>
  createRoute({
    method: 'post',
    path: `/api/admin/applications/{id}/${move}`,
    tags: TAGS,
    summary,
    ...bearer(STAFF),
    request: { params: ApplicationId, body: jsonBody(body) },
    responses: { 200: jsonResponse('The application after the move', AdminApplicationView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...illegal, ...extra },
  });

export const rejectRoute = moveWithBody('reject', 'Reject an application under review (UNDER_REVIEW → REJECTED); the reason is required', RejectBody);

export const allocateRoute = moveWithBody('allocate', 'Allocate a paid application a seat in a batch (PAID → BATCH_ALLOCATED)', AllocateBody, {
  409: problemResponse('ILLEGAL_TRANSITION from the current status, or CONFLICT: the batch is full'),
  422: problemResponse('No such batch, or it is not UPCOMING or ACTIVE'),
});

export const deboardRoute = moveWithBody('deboard', 'Deboard an enrolled student (ENROLLED → DEBOARDED): the batch’s enrollments are removed, so access ends', DeboardBody);
