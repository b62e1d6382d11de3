// The question bank over HTTP; services/lms/question-bank.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import {
  createCategory,
  createQuestion,
  deleteCategory,
  deleteQuestion,
  getQuestion,
  listCategories,
  listQuestions,
  toCategoryView,
  toQuestionView,
  updateCategory,
  updateQuestion,
} from '../../../services/lms/question-bank.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  createCategoryRoute,
  createQuestionRoute,
  deleteCategoryRoute,
  deleteQuestionRoute,
  getQuestionRoute,
  listCategoriesRoute,
  listQuestionsRoute,
  updateCategoryRoute,
  updateQuestionRoute,
} from './lms-question-bank.routes.js';

export const createCategoryHandler: RouteHandler<typeof createCategoryRoute, AppEnv> = async (c) => c.json(await createCategory(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listCategoriesHandler: RouteHandler<typeof listCategoriesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listCategories(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toCategoryView), nextCursor }, 200);
};

export const updateCategoryHandler: RouteHandler<typeof updateCategoryRoute, AppEnv> = async (c) =>
  c.json(await updateCategory(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteCategoryHandler: RouteHandler<typeof deleteCategoryRoute, AppEnv> = async (c) => {
  await deleteCategory(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

export const createQuestionHandler: RouteHandler<typeof createQuestionRoute, AppEnv> = async (c) => c.json(await createQuestion(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listQuestionsHandler: RouteHandler<typeof listQuestionsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listQuestions(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toQuestionView), nextCursor }, 200);
};

export const getQuestionHandler: RouteHandler<typeof getQuestionRoute, AppEnv> = async (c) => c.json(await getQuestion(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const updateQuestionHandler: RouteHandler<typeof updateQuestionRoute, AppEnv> = async (c) =>
  c.json(await updateQuestion(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteQuestionHandler: RouteHandler<typeof deleteQuestionRoute, AppEnv> = async (c) => c.json(await deleteQuestion(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
