import { createRoute, z } from '@hono/zod-openapi';
import { quizAnswersSchema } from '../../../services/hire/candidate-quiz.js';
import { publicRoute } from '../../middleware/auth.js';
import { jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const TAGS = ['Mr-Hire quiz (candidates)'];
const TokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/).openapi({ param: { name: 'token', in: 'path' }, description: 'The one-time token from the invite email' }) });

export const PublicQuizView = z
  .object({
    status: z.enum(['invited', 'in_progress', 'submitted', 'expired']),
    expiresAt: z.iso.datetime().nullable(),
    questions: z.array(z.object({ id: z.string(), question: z.string(), type: z.enum(['single_choice', 'multiple_choice']), options: z.array(z.string()), points: z.number().int() })),
  })
  .openapi('CandidateQuiz');

const problems = {
  400: problemResponse('Invalid answers; `errors` lists the fields'),
  404: problemResponse('No quiz for this link'),
  409: problemResponse('The quiz was submitted already (nothing changed)'),
  410: problemResponse('The link has expired'),
};

export const openQuizRoute = createRoute({
  method: 'get',
  path: '/api/hire/quiz/{token}',
  tags: TAGS,
  summary: 'The candidate opens their quiz: the questions without their answers',
  ...publicRoute,
  request: { params: TokenParam },
  responses: { 200: jsonResponse('The quiz', PublicQuizView), ...problems },
});

export const submitQuizRoute = createRoute({
  method: 'post',
  path: '/api/hire/quiz/{token}',
  tags: TAGS,
  summary: 'The candidate submits their answers once; they are graded on the server',
  ...publicRoute,
  request: { params: TokenParam, body: jsonBody(quizAnswersSchema.openapi('CandidateQuizAnswers')) },
  responses: { 200: jsonResponse('Stored', z.object({ status: z.literal('submitted'), submittedAt: z.iso.datetime() }).openapi('CandidateQuizSubmitted')), ...problems },
});
