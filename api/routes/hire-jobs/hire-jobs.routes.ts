import { createRoute, z } from '@hono/zod-openapi';
import type { JobAction } from '../../../domain/hire/job-post.js';
import { JobPostStatus } from '../../../prisma/generated/enums.js';
import { RECRUITER_ROLES } from '../../../services/hire/job-access.js';
import { bearer } from '../../middleware/auth.js';
import { jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { CreateJobBody, CreatePostingBody, JobPostView, PostingView, PutScreeningConfigBody, ScreeningConfigView, UpdateJobBody, UpdatePostingBody } from './hire-jobs.schemas.js';

const TAGS = ['Mr-Hire jobs'];
export const JobId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const PostingParams = JobId.extend({ postingId: z.uuid().openapi({ param: { name: 'postingId', in: 'path' } }) });

const base = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not a recruiter (ADMIN or SUPERADMIN)'),
};
const notFound = { 404: problemResponse('No such job post on this platform, or not one of yours') };
const SCOPE =
  'A SUPERADMIN reaches every job on the request’s platform (x-platform), an ADMIN only the jobs they own; any other job is a 404.';

export const createJobRoute = createRoute({
  method: 'post',
  path: '/api/hire/jobs',
  tags: TAGS,
  summary: 'Create a job post (a draft you own, on the request’s platform)',
  description: 'The screening config starts from your default AI screening config, when you have one.',
  ...bearer(RECRUITER_ROLES),
  request: { body: jsonBody(CreateJobBody) },
  responses: { 201: jsonResponse('The draft', JobPostView), 400: problemResponse('Invalid body; `errors` lists the fields'), ...base },
});

export const JobListQuery = PageQuery.extend({
  status: z.enum(JobPostStatus).optional(),
  q: z.string().trim().min(2).max(100).optional().openapi({ description: 'Title contains (case-insensitive)' }),
});

export const listJobsRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs',
  tags: TAGS,
  summary: 'List your job posts, newest first (cursor pagination)',
  description: SCOPE,
  ...bearer(RECRUITER_ROLES),
  request: { query: JobListQuery },
  responses: { 200: jsonResponse('A page of job posts', pageSchema(JobPostView).openapi('JobPostPage')), 400: problemResponse('Invalid filters or cursor'), ...base },
});

export const getJobRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}',
  tags: TAGS,
  summary: 'One job post, with the salary benchmark for its title, location and experience',
  description: SCOPE,
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId },
  responses: { 200: jsonResponse('The job post', JobPostView), 400: problemResponse('Invalid id'), ...base, ...notFound },
});

export const updateJobRoute = createRoute({
  method: 'patch',
  path: '/api/hire/jobs/{id}',
  tags: TAGS,
  summary: 'Edit a job post that is not closed; null clears a field',
  description: `${SCOPE} Bands are checked against the stored post: salaryMin ≤ salaryMax, experienceMinYears ≤ experienceMaxYears; a new deadline must lie ahead.`,
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId, body: jsonBody(UpdateJobBody) },
  responses: { 200: jsonResponse('The job post', JobPostView), 400: problemResponse('Invalid body'), ...base, ...notFound, 409: problemResponse('The post is closed, or changed meanwhile') },
});

export const deleteJobRoute = createRoute({
  method: 'delete',
  path: '/api/hire/jobs/{id}',
  tags: TAGS,
  summary: 'Delete a draft job post',
  description: SCOPE,
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...base, ...notFound, 409: problemResponse('Only a draft can be deleted') },
});

const ACTION_SUMMARY: Record<JobAction, string> = {
  publish: 'Publish a draft: it goes active and appears on the platform’s public job pages (sets publishedAt)',
  pause: 'Pause an active job post (it leaves the public pages)',
  resume: 'Resume a paused job post',
  close: 'Close a job post for good (sets closedAt)',
};

export const transitionRoute = (action: JobAction) =>
  createRoute({
    method: 'post',
    path: `/api/hire/jobs/{id}/${action}`,
    tags: TAGS,
    summary: ACTION_SUMMARY[action],
    description: `${SCOPE} Lifecycle: draft → active (publish), active → paused (pause), paused → active (resume), draft/active/paused → closed (close). Of two concurrent transitions only one wins.`,
    ...bearer(RECRUITER_ROLES),
    request: { params: JobId },
    responses: {
      200: jsonResponse('The job post after the move', JobPostView),
      400: problemResponse('Invalid id'),
      ...base,
      ...notFound,
      409: problemResponse('ILLEGAL_TRANSITION from the current status, or CONFLICT when another change won the race'),
    },
  });

export const getScreeningConfigRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}/screening-config',
  tags: TAGS,
  summary: 'The job’s active screening config: which stages apply, thresholds, SLAs',
  description: SCOPE,
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId },
  responses: { 200: jsonResponse('The screening config', ScreeningConfigView), 400: problemResponse('Invalid id'), ...base, 404: problemResponse('No such job post, or it has no screening config yet') },
});

export const putScreeningConfigRoute = createRoute({
  method: 'put',
  path: '/api/hire/jobs/{id}/screening-config',
  tags: TAGS,
  summary: 'Replace the job’s screening config (one active config per job)',
  description: `${SCOPE} The old config is deactivated and the new one stored in one transaction.`,
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId, body: jsonBody(PutScreeningConfigBody) },
  responses: {
    200: jsonResponse('The new screening config', ScreeningConfigView),
    400: problemResponse('Invalid body (a quiz without quizTemplateId, a voice interview without questions, an SLA out of 1–720…)'),
    ...base,
    ...notFound,
    409: problemResponse('The job post is closed'),
    422: problemResponse('The quiz template does not exist or is not active'),
  },
});

export const listPostingsRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}/postings',
  tags: TAGS,
  summary: 'Where the job is posted outside (external platforms)',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId },
  responses: { 200: jsonResponse('The postings, newest first', z.object({ items: z.array(PostingView) })), 400: problemResponse('Invalid id'), ...base, ...notFound },
});

export const createPostingRoute = createRoute({
  method: 'post',
  path: '/api/hire/jobs/{id}/postings',
  tags: TAGS,
  summary: 'Record that the job is to be posted on a platform (status pending)',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId, body: jsonBody(CreatePostingBody) },
  responses: {
    201: jsonResponse('The posting', PostingView),
    400: problemResponse('Invalid body'),
    ...base,
    ...notFound,
    409: problemResponse('The job post is closed'),
    422: problemResponse('Unknown platform, or not one of your accounts on it'),
  },
});

export const updatePostingRoute = createRoute({
  method: 'patch',
  path: '/api/hire/jobs/{id}/postings/{postingId}',
  tags: TAGS,
  summary: 'Update a posting: its status along pending/posted/failed/expired/removed, external id and url',
  ...bearer(RECRUITER_ROLES),
  request: { params: PostingParams, body: jsonBody(UpdatePostingBody) },
  responses: {
    200: jsonResponse('The posting', PostingView),
    400: problemResponse('Invalid body (posted needs externalPostingId)'),
    ...base,
    404: problemResponse('No such job post or posting'),
    409: problemResponse('The status move is not allowed, or the external id is taken'),
  },
});
