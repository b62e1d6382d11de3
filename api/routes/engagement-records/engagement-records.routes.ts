import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import {
  AssignEvalTestBody,
  DailyCardBody,
  DailyCardView,
  EvalTestsQuery,
  EvalTestView,
  MarkDailyCardBody,
  ProgressBody,
  ProgressList,
  ProgressView,
  RecordId,
  SkillRatingBody,
  SkillRatingsQuery,
  SkillRatingView,
  StudentId,
  UpdateEvalTestBody,
  WeeklyRatingBody,
  WeeklyRatingView,
} from './engagement-records.schemas.js';

const TAGS = ['Engagement'];
/** Mentors (after a completed session with the student), the student's community managers, staff. */
const RATERS = ['EXPERT', 'SALES', ...STAFF] as const;
const noStudent = { 404: problemResponse('No such student of yours') };
const SkillPage = pageSchema(SkillRatingView).openapi('StudentSkillRatingPage');
const WeeklyPage = pageSchema(WeeklyRatingView).openapi('WeeklyRatingPage');
const CardPage = pageSchema(DailyCardView).openapi('DailyCardPage');
const TestPage = pageSchema(EvalTestView).openapi('EvalTestPage');

export const rateSkillRoute = createRoute({
  method: 'post',
  path: '/api/students/{id}/skill-ratings',
  tags: TAGS,
  summary: 'Rate a student’s skill (1–5): staff, their community manager, or a mentor they had a completed session with',
  ...bearer(RATERS),
  request: { params: StudentId, body: jsonBody(SkillRatingBody) },
  responses: { 201: jsonResponse('The rating', SkillRatingView), 400: problemResponse('Invalid body'), ...authProblems, ...noStudent },
});

export const studentSkillRatingsRoute = createRoute({
  method: 'get',
  path: '/api/students/{id}/skill-ratings',
  tags: TAGS,
  summary: 'A student’s skill ratings, newest first (those who may rate them)',
  ...bearer(RATERS),
  request: { params: StudentId, query: SkillRatingsQuery },
  responses: { 200: jsonResponse('A page of ratings', SkillPage), 400: problemResponse('Invalid query'), ...authProblems, ...noStudent },
});

export const rateWeekRoute = createRoute({
  method: 'put',
  path: '/api/students/{id}/weekly-ratings',
  tags: TAGS,
  summary: 'Rate a student’s week (one rating per rater and week; rating again replaces it)',
  ...bearer(RATERS),
  request: { params: StudentId, body: jsonBody(WeeklyRatingBody) },
  responses: { 200: jsonResponse('The rating', WeeklyRatingView), 400: problemResponse('Invalid body'), ...authProblems, ...noStudent, 422: problemResponse('weekStart is not a Monday') },
});

export const studentWeeklyRatingsRoute = createRoute({
  method: 'get',
  path: '/api/students/{id}/weekly-ratings',
  tags: TAGS,
  summary: 'A student’s weekly ratings, newest first (those who may rate them)',
  ...bearer(RATERS),
  request: { params: StudentId, query: PageQuery },
  responses: { 200: jsonResponse('A page of ratings', WeeklyPage), 400: problemResponse('Invalid query'), ...authProblems, ...noStudent },
});

export const putProgressRoute = createRoute({
  method: 'put',
  path: '/api/students/{id}/progress',
  tags: TAGS,
  summary: 'Record a student’s progress in a course (one row per course; writing again replaces it)',
  ...bearer(STAFF),
  request: { params: StudentId, body: jsonBody(ProgressBody) },
  responses: { 200: jsonResponse('The progress', ProgressView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such student'), 422: problemResponse('Counts do not add up') },
});

export const putDailyCardRoute = createRoute({
  method: 'put',
  path: '/api/students/{id}/daily-cards',
  tags: TAGS,
  summary: 'Set a student’s learning card for a day (one per day; writing again replaces it)',
  ...bearer(STAFF),
  request: { params: StudentId, body: jsonBody(DailyCardBody) },
  responses: { 200: jsonResponse('The card', DailyCardView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such student') },
});

export const assignEvalTestRoute = createRoute({
  method: 'post',
  path: '/api/students/{id}/eval-tests',
  tags: TAGS,
  summary: 'Assign an evaluation test to a student',
  ...bearer(STAFF),
  request: { params: StudentId, body: jsonBody(AssignEvalTestBody) },
  responses: { 201: jsonResponse('The test', EvalTestView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such student') },
});

export const studentEvalTestsRoute = createRoute({
  method: 'get',
  path: '/api/students/{id}/eval-tests',
  tags: TAGS,
  summary: 'A student’s evaluation tests, newest first',
  ...bearer(STAFF),
  request: { params: StudentId, query: EvalTestsQuery },
  responses: { 200: jsonResponse('A page of tests', TestPage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const updateEvalTestRoute = createRoute({
  method: 'patch',
  path: '/api/admin/eval-tests/{id}',
  tags: TAGS,
  summary: 'Move an evaluation test forward (ASSIGNED → IN_PROGRESS → SUBMITTED → EVALUATED) and score it',
  ...bearer(STAFF),
  request: { params: RecordId, body: jsonBody(UpdateEvalTestBody) },
  responses: {
    200: jsonResponse('The test', EvalTestView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such eval test'),
    409: problemResponse('Illegal transition, or already evaluated'),
    422: problemResponse('Score above the maximum, or evaluating without a score'),
  },
});

export const getEvalTestRoute = createRoute({
  method: 'get',
  path: '/api/eval-tests/{id}',
  tags: TAGS,
  summary: 'One evaluation test: its student or staff',
  ...bearer(['USER', ...STAFF]),
  request: { params: RecordId },
  responses: { 200: jsonResponse('The test', EvalTestView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such eval test') },
});

export const myProgressRoute = createRoute({
  method: 'get',
  path: '/api/me/progress',
  tags: TAGS,
  summary: 'My recorded course progress',
  ...bearer(['USER']),
  responses: { 200: jsonResponse('My progress', ProgressList), ...authProblems },
});

export const mySkillRatingsRoute = createRoute({
  method: 'get',
  path: '/api/me/skill-ratings',
  tags: TAGS,
  summary: 'My skill ratings, newest first',
  ...bearer(['USER']),
  request: { query: SkillRatingsQuery },
  responses: { 200: jsonResponse('A page of ratings', SkillPage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const myWeeklyRatingsRoute = createRoute({
  method: 'get',
  path: '/api/me/weekly-ratings',
  tags: TAGS,
  summary: 'My weekly ratings, newest first',
  ...bearer(['USER']),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of ratings', WeeklyPage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const myDailyCardsRoute = createRoute({
  method: 'get',
  path: '/api/me/daily-cards',
  tags: TAGS,
  summary: 'My daily learning cards, newest day first',
  ...bearer(['USER']),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of cards', CardPage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const markMyDailyCardRoute = createRoute({
  method: 'patch',
  path: '/api/me/daily-cards/{id}',
  tags: TAGS,
  summary: 'Mark my card viewed or completed',
  ...bearer(['USER']),
  request: { params: RecordId, body: jsonBody(MarkDailyCardBody) },
  responses: { 200: jsonResponse('The card', DailyCardView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such card of yours') },
});

export const myEvalTestsRoute = createRoute({
  method: 'get',
  path: '/api/me/eval-tests',
  tags: TAGS,
  summary: 'My evaluation tests, newest first',
  ...bearer(['USER']),
  request: { query: EvalTestsQuery },
  responses: { 200: jsonResponse('A page of tests', TestPage), 400: problemResponse('Invalid query'), ...authProblems },
});
