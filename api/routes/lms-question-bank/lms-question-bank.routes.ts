import { createRoute } from '@hono/zod-openapi';
import { LMS_AUTHORS } from '../../../domain/lms/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { CategoryQuery, CategoryView, CreateCategoryBody, CreateQuestionBody, DeleteQuestionView, IdParam, QuestionQuery, QuestionView, UpdateCategoryBody, UpdateQuestionBody } from './lms-question-bank.schemas.js';

const TAGS = ['LMS question bank'];
const WHO = 'ADMIN, SUPERADMIN and EXPERT (experts author questions too).';

export const createCategoryRoute = createRoute({
  method: 'post',
  path: '/api/admin/question-bank/categories',
  tags: TAGS,
  summary: 'Create a question category',
  description: WHO,
  ...bearer(LMS_AUTHORS),
  request: { body: jsonBody(CreateCategoryBody) },
  responses: { 201: jsonResponse('The category', CategoryView), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('The name is taken') },
});

export const listCategoriesRoute = createRoute({
  method: 'get',
  path: '/api/admin/question-bank/categories',
  tags: TAGS,
  summary: 'Question categories, newest first, with their question counts',
  ...bearer(LMS_AUTHORS),
  request: { query: CategoryQuery },
  responses: { 200: jsonResponse('A page of categories', pageSchema(CategoryView).openapi('QuestionCategoryPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const updateCategoryRoute = createRoute({
  method: 'patch',
  path: '/api/admin/question-bank/categories/{id}',
  tags: TAGS,
  summary: 'Rename or describe a category',
  ...bearer(LMS_AUTHORS),
  request: { params: IdParam, body: jsonBody(UpdateCategoryBody) },
  responses: { 200: jsonResponse('The category', CategoryView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such category'), 409: problemResponse('The name is taken') },
});

export const deleteCategoryRoute = createRoute({
  method: 'delete',
  path: '/api/admin/question-bank/categories/{id}',
  tags: TAGS,
  summary: 'Delete an empty category',
  ...bearer(LMS_AUTHORS),
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such category'), 409: problemResponse('The category has questions') },
});

export const createQuestionRoute = createRoute({
  method: 'post',
  path: '/api/admin/question-bank/questions',
  tags: TAGS,
  summary: 'Add a multiple-choice question to the bank',
  description: `${WHO} 2–10 options with unique ids; correctAnswer a non-empty subset of them (422 otherwise).`,
  ...bearer(LMS_AUTHORS),
  request: { body: jsonBody(CreateQuestionBody) },
  responses: { 201: jsonResponse('The question', QuestionView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('Bad options or correct answer, or no such category') },
});

export const listQuestionsRoute = createRoute({
  method: 'get',
  path: '/api/admin/question-bank/questions',
  tags: TAGS,
  summary: 'Bank questions, newest first, filtered by category, difficulty, tag, text and active flag',
  ...bearer(LMS_AUTHORS),
  request: { query: QuestionQuery },
  responses: { 200: jsonResponse('A page of questions', pageSchema(QuestionView).openapi('BankQuestionPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getQuestionRoute = createRoute({
  method: 'get',
  path: '/api/admin/question-bank/questions/{id}',
  tags: TAGS,
  summary: 'One bank question',
  ...bearer(LMS_AUTHORS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The question', QuestionView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such question') },
});

export const updateQuestionRoute = createRoute({
  method: 'patch',
  path: '/api/admin/question-bank/questions/{id}',
  tags: TAGS,
  summary: 'Edit a bank question (quizzes keep the snapshot they took)',
  ...bearer(LMS_AUTHORS),
  request: { params: IdParam, body: jsonBody(UpdateQuestionBody) },
  responses: {
    200: jsonResponse('The question', QuestionView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such question'),
    422: problemResponse('Bad options or correct answer, or no such category'),
  },
});

export const deleteQuestionRoute = createRoute({
  method: 'delete',
  path: '/api/admin/question-bank/questions/{id}',
  tags: TAGS,
  summary: 'Delete a question; one a quiz has snapshotted is deactivated instead',
  ...bearer(LMS_AUTHORS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('What happened', DeleteQuestionView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such question') },
});
