import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { ApplicationListQuery, ApplyBody, MentorApplicationSchema, MentorProfileSchema, ReviewBody, UpdateProfileBody } from './mentors.schemas.js';


export const applyRoute = createRoute({
  method: 'post',
  path: '/api/mentor-applications',
  tags: ['Mentors'],
  summary: 'Apply to become a mentor (one pending application at a time)',
  ...bearer(['USER']),
  request: { body: jsonBody(ApplyBody) },
  responses: { 201: jsonResponse('Submitted', MentorApplicationSchema), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('You already have a pending application') },
});

export const listApplicationsRoute = createRoute({
  method: 'get',
  path: '/api/admin/mentor-applications',
  tags: ['Mentors'],
  summary: 'Mentor applications, newest first',
  ...bearer(STAFF),
  request: { query: ApplicationListQuery },
  responses: { 200: jsonResponse('A page of applications', pageSchema(MentorApplicationSchema).openapi('MentorApplicationPage')), 400: problemResponse('Invalid filters'), ...authProblems },
});

const reviewRoute = (decision: 'approve' | 'reject', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/admin/mentor-applications/{id}/${decision}`,
    tags: ['Mentors'],
    summary,
    ...bearer(STAFF),
    request: { params: z.object({ id: z.uuid() }), body: jsonBody(ReviewBody) },
    responses: { 200: jsonResponse('Reviewed', MentorApplicationSchema), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such application'), 409: problemResponse('Already reviewed or withdrawn') },
  });

export const approveRoute = reviewRoute('approve', 'Approve: creates the mentor profile and makes the user an EXPERT, in one transaction');
export const rejectRoute = reviewRoute('reject', 'Reject the application');

export const updateProfileRoute = createRoute({
  method: 'patch',
  path: '/api/mentors/me',
  tags: ['Mentors'],
  summary: 'Edit your mentor profile: bio, expertise, rate in tokens (applies to slots created afterwards)',
  ...bearer(['EXPERT']),
  request: { body: jsonBody(UpdateProfileBody) },
  responses: { 200: jsonResponse('Updated', MentorProfileSchema), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('You have no mentor profile') },
});
