// The candidate's quiz link. HTTP only: grading and the one-time rules are in
// services/hire/candidate-quiz.ts.
import { openQuiz, submitQuiz } from '../../../services/hire/candidate-quiz.js';
import { createRouter } from '../../openapi.js';
import { openQuizRoute, submitQuizRoute } from './hire-quiz.routes.js';

export const hireQuizRouter = createRouter()
  .openapi(openQuizRoute, async (c) => c.json(await openQuiz({ db: c.get('deps').db, now: () => new Date() }, c.req.valid('param').token), 200))
  .openapi(submitQuizRoute, async (c) => {
    const d = c.get('deps');
    return c.json(await submitQuiz({ db: d.db, temporal: d.temporal, logger: d.logger, now: () => new Date() }, c.req.valid('param').token, c.req.valid('json')), 200);
  });
