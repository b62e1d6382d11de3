// Quizzes and attempts over HTTP; services/lms/quizzes.ts and quiz-attempts.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { getAttempt, getLearnerQuiz, listQuizSubmissions, quizStats, startAttempt, submitAttempt, toStaffAttemptView } from '../../../services/lms/quiz-attempts.js';
import { createQuiz, deleteQuiz, getQuiz, listQuizzes, setQuizPublished, toQuizView, updateQuiz } from '../../../services/lms/quizzes.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  createQuizRoute,
  deleteQuizRoute,
  getAttemptRoute,
  getLearnerQuizRoute,
  getQuizRoute,
  listQuizSubmissionsRoute,
  listQuizzesRoute,
  publishQuizRoute,
  startAttemptRoute,
  submitAttemptRoute,
  unpublishQuizRoute,
  updateQuizRoute,
} from './lms-quizzes.routes.js';

export const createQuizHandler: RouteHandler<typeof createQuizRoute, AppEnv> = async (c) => c.json(await createQuiz(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const listQuizzesHandler: RouteHandler<typeof listQuizzesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listQuizzes(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toQuizView), nextCursor }, 200);
};

export const getQuizHandler: RouteHandler<typeof getQuizRoute, AppEnv> = async (c) => c.json(await getQuiz(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const updateQuizHandler: RouteHandler<typeof updateQuizRoute, AppEnv> = async (c) => c.json(await updateQuiz(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteQuizHandler: RouteHandler<typeof deleteQuizRoute, AppEnv> = async (c) => {
  await deleteQuiz(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

export const publishQuizHandler: RouteHandler<typeof publishQuizRoute, AppEnv> = async (c) => c.json(await setQuizPublished(c.get('deps'), c.get('auth')!, c.req.valid('param').id, true), 200);

export const unpublishQuizHandler: RouteHandler<typeof unpublishQuizRoute, AppEnv> = async (c) => c.json(await setQuizPublished(c.get('deps'), c.get('auth')!, c.req.valid('param').id, false), 200);

export const listQuizSubmissionsHandler: RouteHandler<typeof listQuizSubmissionsRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listQuizSubmissions(c.get('deps'), c.get('auth')!, id, filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toStaffAttemptView), nextCursor, stats: await quizStats(c.get('deps'), c.get('auth')!, id) }, 200);
};

export const getLearnerQuizHandler: RouteHandler<typeof getLearnerQuizRoute, AppEnv> = async (c) => c.json(await getLearnerQuiz(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const startAttemptHandler: RouteHandler<typeof startAttemptRoute, AppEnv> = async (c) => {
  const { created, ...body } = await startAttempt(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return created ? c.json(body, 201) : c.json(body, 200);
};

export const getAttemptHandler: RouteHandler<typeof getAttemptRoute, AppEnv> = async (c) => c.json(await getAttempt(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const submitAttemptHandler: RouteHandler<typeof submitAttemptRoute, AppEnv> = async (c) =>
  c.json(await submitAttempt(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').answers), 200);
