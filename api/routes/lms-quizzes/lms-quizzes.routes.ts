import { createRoute } from '@hono/zod-openapi';
import { LEARNERS, LMS_STAFF } from '../../../domain/lms/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { AttemptWithQuiz, CreateQuizBody, IdParam, LearnerQuizView, QuizQuery, QuizView, SubmissionPage, SubmissionQuery, SubmitAttemptBody, UpdateQuizBody } from './lms-quizzes.schemas.js';

const TAGS = ['LMS quizzes'];
const noQuiz = { 404: problemResponse('No such quiz') };
const learnerNoQuiz = { 404: problemResponse('No such published quiz, or you are not enrolled in its course') };

export const createQuizRoute = createRoute({
  method: 'post',
  path: '/api/admin/modules/{id}/quizzes',
  tags: TAGS,
  summary: 'Create a quiz in a module from bank questions (picked and/or drawn), snapshotted; unpublished',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, body: jsonBody(CreateQuizBody) },
  responses: {
    201: jsonResponse('The quiz', QuizView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such module'),
    422: problemResponse('Unknown or inactive questions, too few to draw, or a pass mark above the total'),
  },
});

export const listQuizzesRoute = createRoute({
  method: 'get',
  path: '/api/admin/quizzes',
  tags: TAGS,
  summary: 'Quizzes, newest first, by module, course or published flag',
  ...bearer(LMS_STAFF),
  request: { query: QuizQuery },
  responses: { 200: jsonResponse('A page of quizzes', pageSchema(QuizView).openapi('QuizPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getQuizRoute = createRoute({
  method: 'get',
  path: '/api/admin/quizzes/{id}',
  tags: TAGS,
  summary: 'A quiz with its snapshot and the correct answers',
  ...bearer(LMS_STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The quiz', QuizView), 400: problemResponse('Invalid id'), ...authProblems, ...noQuiz },
});

export const updateQuizRoute = createRoute({
  method: 'patch',
  path: '/api/admin/quizzes/{id}',
  tags: TAGS,
  summary: 'Change a quiz nobody has attempted yet',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, body: jsonBody(UpdateQuizBody) },
  responses: {
    200: jsonResponse('The quiz', QuizView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    ...noQuiz,
    409: problemResponse('The quiz has attempts'),
    422: problemResponse('Unknown or inactive questions, too few to draw, or a pass mark above the total'),
  },
});

export const deleteQuizRoute = createRoute({
  method: 'delete',
  path: '/api/admin/quizzes/{id}',
  tags: TAGS,
  summary: 'Delete a quiz nobody has attempted yet',
  ...bearer(LMS_STAFF),
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...noQuiz, 409: problemResponse('The quiz has attempts') },
});

export const publishQuizRoute = createRoute({
  method: 'post',
  path: '/api/admin/quizzes/{id}/publish',
  tags: TAGS,
  summary: 'Publish a quiz (enrolled students’ progress is recomputed)',
  ...bearer(LMS_STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The quiz', QuizView), 400: problemResponse('Invalid id'), ...authProblems, ...noQuiz },
});

export const unpublishQuizRoute = createRoute({
  method: 'post',
  path: '/api/admin/quizzes/{id}/unpublish',
  tags: TAGS,
  summary: 'Hide a quiz from students (enrolled students’ progress is recomputed)',
  ...bearer(LMS_STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The quiz', QuizView), 400: problemResponse('Invalid id'), ...authProblems, ...noQuiz },
});

export const listQuizSubmissionsRoute = createRoute({
  method: 'get',
  path: '/api/admin/quizzes/{id}/submissions',
  tags: TAGS,
  summary: 'A quiz’s attempts, newest first, with stats over all of them',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, query: SubmissionQuery },
  responses: { 200: jsonResponse('A page of attempts and the quiz’s stats', SubmissionPage), 400: problemResponse('Invalid filters or cursor'), ...authProblems, ...noQuiz },
});

export const getLearnerQuizRoute = createRoute({
  method: 'get',
  path: '/api/quizzes/{id}',
  tags: TAGS,
  summary: 'A quiz to take (no correct answers) and your attempts at it',
  description: 'For users enrolled in the quiz’s course; anyone else gets 404.',
  ...bearer(LEARNERS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The quiz and your attempts', LearnerQuizView), 400: problemResponse('Invalid id'), ...authProblems, ...learnerNoQuiz },
});

export const startAttemptRoute = createRoute({
  method: 'post',
  path: '/api/quizzes/{id}/attempts',
  tags: TAGS,
  summary: 'Start an attempt (201), or get back your open one (200)',
  description: 'One open attempt at a time. An open attempt past its time limit + grace is closed with score 0 first. maxAttempts is enforced under concurrency.',
  ...bearer(LEARNERS),
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Your open attempt', AttemptWithQuiz),
    201: jsonResponse('A new attempt', AttemptWithQuiz),
    400: problemResponse('Invalid id'),
    ...authProblems,
    ...learnerNoQuiz,
    409: problemResponse('No attempts left'),
  },
});

export const getAttemptRoute = createRoute({
  method: 'get',
  path: '/api/quiz-attempts/{id}',
  tags: TAGS,
  summary: 'One of your attempts: in progress, or graded with per-question results',
  ...bearer(LEARNERS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The attempt', AttemptWithQuiz), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such attempt of yours') },
});

export const submitAttemptRoute = createRoute({
  method: 'post',
  path: '/api/quiz-attempts/{id}/submit',
  tags: TAGS,
  summary: 'Submit your answers; graded on the server (exact option set per question, no partial credit)',
  description: 'Late (after the time limit + 60 s) submissions are accepted but score 0. A second submit is 409.',
  ...bearer(LEARNERS),
  request: { params: IdParam, body: jsonBody(SubmitAttemptBody) },
  responses: {
    200: jsonResponse('The graded attempt', AttemptWithQuiz),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such attempt of yours'),
    409: problemResponse('Already submitted'),
    422: problemResponse('Answers naming questions or options the quiz does not have'),
  },
});
