import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { ApplicationListQuery, ApplyBody, MentorApplicationSchema, MentorProfileSchema, ReviewBody, UpdateProfileBody } from './mentors.schemas.js';

const body = <T extends z.ZodTypeAny>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const ok = <T extends z.ZodTypeAny>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const auth = { 401: problemResponse('Not signed in'), 403: problemResponse('Role not allowed') };

export const applyRoute = createRoute({
  method: 'post',
  path: '/api/mentor-applications',
  tags: ['Mentors'],
  summary: 'Apply to become a mentor (one pending application at a time)',
  ...bearer(['USER']),
  request: { body: body(ApplyBody) },
  responses: { 201: ok('Submitted', MentorApplicationSchema), 400: problemResponse('Invalid body'), ...auth, 409: problemResponse('You already have a pending application') },
});

export const listApplicationsRoute = createRoute({
  method: 'get',
  path: '/api/admin/mentor-applications',
  tags: ['Mentors'],
  summary: 'Mentor applications, newest first',
  ...bearer(STAFF),
  request: { query: ApplicationListQuery },
  responses: { 200: ok('A page of applications', pageSchema(MentorApplicationSchema).openapi('MentorApplicationPage')), 400: problemResponse('Invalid filters'), ...auth },
});

const reviewRoute = (decision: 'approve' | 'reject', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/admin/mentor-applications/{id}/${decision}`,
    tags: ['Mentors'],
    summary,
    ...bearer(STAFF),
    request: { params: z.object({ id: z.uuid() }), body: body(ReviewBody) },
    responses: { 200: ok('Reviewed', MentorApplicationSchema), 400: problemResponse('Invalid body'), ...auth, 404: problemResponse('No such application'), 409: problemResponse('Already reviewed or withdrawn') },
  });

export const approveRoute = reviewRoute('approve', 'Approve: creates the mentor profile and makes the user an EXPERT, in one transaction');
export const rejectRoute = reviewRoute('reject', 'Reject the application');

export const updateProfileRoute = createRoute({
  method: 'patch',
  path: '/api/mentors/me',
  tags: ['Mentors'],
  summary: 'Edit your mentor profile: bio, expertise, rate in tokens (applies to slots created afterwards)',
  ...bearer(['EXPERT']),
  request: { body: body(UpdateProfileBody) },
  responses: { 200: ok('Updated', MentorProfileSchema), 400: problemResponse('Invalid body'), ...auth, 404: problemResponse('You have no mentor profile') },
});
