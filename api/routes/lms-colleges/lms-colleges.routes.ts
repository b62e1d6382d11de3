import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { IdParam } from '../lms-profiles/lms-fields.js';
import { AdminCollegeQuery, CollegeQuery, CollegeView, CreateCollegeBody, UpdateCollegeBody } from './lms-colleges.schemas.js';

const TAGS = ['Colleges'];
const CollegePage = pageSchema(CollegeView).openapi('CollegePage');

export const searchCollegesRoute = createRoute({
  method: 'get',
  path: '/api/colleges',
  tags: TAGS,
  summary: 'Search the college directory (active colleges, alphabetical)',
  description: 'For any signed-in user: the profile form picks a college after signup, so the directory is not public.',
  ...bearer(EVERYONE),
  request: { query: CollegeQuery },
  responses: { 200: jsonResponse('A page of colleges', CollegePage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const adminListCollegesRoute = createRoute({
  method: 'get',
  path: '/api/admin/colleges',
  tags: TAGS,
  summary: 'Search the directory, deactivated colleges included on request',
  ...bearer(STAFF),
  request: { query: AdminCollegeQuery },
  responses: { 200: jsonResponse('A page of colleges', CollegePage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const createCollegeRoute = createRoute({
  method: 'post',
  path: '/api/admin/colleges',
  tags: TAGS,
  summary: 'Add a college to the directory',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateCollegeBody) },
  responses: { 201: jsonResponse('The college', CollegeView), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('Same code, or same name in the same city and state') },
});

export const updateCollegeRoute = createRoute({
  method: 'patch',
  path: '/api/admin/colleges/{id}',
  tags: TAGS,
  summary: 'Edit or (de)activate a college',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateCollegeBody) },
  responses: { 200: jsonResponse('The college', CollegeView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such college'), 409: problemResponse('Same code, or same name in the same city and state') },
});
