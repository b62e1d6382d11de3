import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { coursePlanLifecycle } from '../../../domain/course-plan/status.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { CoursePlanSchema, CreateCoursePlanBody, PlanActions, SendBackBody } from './course-plans.schemas.js';

const IdParam = z.object({ id: z.uuid() });

export const createCoursePlanRoute = createRoute({
  method: 'post',
  path: '/api/course-plans',
  tags: ['Course plans'],
  summary: 'Create an AI course plan for a course (DRAFT); POST …/generate starts its generation',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateCoursePlanBody) },
  responses: { 201: jsonResponse('Created', CoursePlanSchema), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such course') },
});

export const listCoursePlansRoute = createRoute({
  method: 'get',
  path: '/api/course-plans',
  tags: ['Course plans'],
  summary: 'Course plans, newest first',
  ...bearer(STAFF),
  request: { query: PageQuery.extend({ courseId: z.uuid().optional(), status: z.enum(coursePlanLifecycle.states).optional() }) },
  responses: { 200: jsonResponse('A page of plans', pageSchema(CoursePlanSchema).openapi('CoursePlanPage')), 400: problemResponse('Invalid filters'), ...authProblems },
});

export const getCoursePlanRoute = createRoute({
  method: 'get',
  path: '/api/course-plans/{id}',
  tags: ['Course plans'],
  summary: 'One plan: its lectures, progress, cost and the live step of its run',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The plan', CoursePlanSchema), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such plan') },
});

export const coursePlanActionRoute = createRoute({
  method: 'post',
  path: '/api/course-plans/{id}/{action}',
  tags: ['Course plans'],
  summary:
    'generate (DRAFT -> GENERATING), retry (FAILED -> GENERATING, from the failed lecture), pause (the lecture in flight finishes), resume, cancel (back to DRAFT, lectures kept), approve (a generated DRAFT)',
  ...bearer(STAFF),
  request: { params: z.object({ id: z.uuid(), action: z.enum(PlanActions) }) },
  responses: { 200: jsonResponse('The plan after the step', CoursePlanSchema), 400: problemResponse('Invalid id or action'), ...authProblems, 404: problemResponse('No such plan'), 409: problemResponse('Not allowed in the plan’s state') },
});

export const sendBackCoursePlanRoute = createRoute({
  method: 'post',
  path: '/api/course-plans/{id}/send-back',
  tags: ['Course plans'],
  summary: 'Send a generated draft back with a note; the next generate regenerates its lectures',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(SendBackBody) },
  responses: { 200: jsonResponse('The plan', CoursePlanSchema), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such plan'), 409: problemResponse('Not a generated draft') },
});

export const publishCoursePlanRoute = createRoute({
  method: 'post',
  path: '/api/course-plans/{id}/publish',
  tags: ['Course plans'],
  summary: 'Publish an approved plan to its course: a module with one class per lecture (APPROVED -> COMPLETED)',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Published', z.object({ plan: CoursePlanSchema, moduleId: z.uuid(), classIds: z.array(z.uuid()) }).openapi('CoursePlanPublished')),
    400: problemResponse('Invalid id'),
    ...authProblems,
    404: problemResponse('No such plan'),
    409: problemResponse('Not approved'),
  },
});
