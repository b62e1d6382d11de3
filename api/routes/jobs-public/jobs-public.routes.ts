import { createRoute, z } from '@hono/zod-openapi';
import { publicRoute } from '../../middleware/auth.js';
import { jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { PublicJob } from '../hire-jobs/hire-jobs.schemas.js';

const TAGS = ['Jobs (public)'];

export const PublicJobListQuery = PageQuery.extend({
  q: z.string().trim().min(2).max(100).optional().openapi({ description: 'Title contains (case-insensitive)' }),
});

export const listPublicJobsRoute = createRoute({
  method: 'get',
  path: '/api/jobs',
  tags: TAGS,
  summary: 'Open jobs on this platform (x-platform), newest first (cursor pagination)',
  description: 'Active job posts whose application deadline has not passed. No owner details.',
  ...publicRoute,
  request: { query: PublicJobListQuery },
  responses: { 200: jsonResponse('A page of open jobs', pageSchema(PublicJob).openapi('PublicJobPostPage')), 400: problemResponse('Invalid query, cursor or platform') },
});

export const getPublicJobRoute = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: TAGS,
  summary: 'One open job on this platform',
  ...publicRoute,
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse('The job', PublicJob), 400: problemResponse('Invalid id'), 404: problemResponse('No open job with this id on this platform') },
});
