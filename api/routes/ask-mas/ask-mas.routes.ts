import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { AdminAskLogsQuery, ASK_SSE_EXAMPLE, AskBody, AskFeedbackBody, AskLogId, AskLogPage, AskLogView, BudgetProblem, MyAskLogsQuery } from './ask-mas.schemas.js';

const TAGS = ['AI: Ask MAS'];

export const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  tags: TAGS,
  summary: 'Ask an agent a question; the answer streams as server-sent events',
  description: [
    'Uses my own LLM key for the agent’s provider when I saved one (`usedUserKey`, not charged to the platform budget), else the platform key within my role’s monthly budget (system config `ai.askMas.monthlyBudgetPaise`, an IST calendar month).',
    'Events: `meta` {logId, agent, model, usedUserKey}, then `delta` {text} per chunk, then `done` {logId, usage, costPaise, finishReason, model}; or, when the provider fails after the first chunk, `error` {type, title, status, detail, code} and the stream ends.',
    'A provider failure before the first chunk is a plain problem+json: its rate limit → 503 with Retry-After, a timeout → 504, any other failure → 502.',
    'Closing the connection stops the provider call; the exchange is logged ABORTED with what had streamed.',
  ].join('\n\n'),
  ...bearer(EVERYONE),
  request: { body: jsonBody(AskBody) },
  responses: {
    200: { description: 'The answer as text/event-stream', content: { 'text/event-stream': { schema: z.string().openapi({ example: ASK_SSE_EXAMPLE }) } } },
    400: problemResponse('Invalid body'),
    ...authProblems,
    402: { description: 'The platform budget for this month is spent (`resetAt` says when it resets)', content: { 'application/problem+json': { schema: BudgetProblem } } },
    404: problemResponse('No such agent'),
    422: problemResponse('The agent is not active'),
    429: problemResponse('Too many questions (system config ai.askMas.rateLimit); see Retry-After'),
    502: problemResponse('The LLM provider failed or refused before answering'),
    503: problemResponse('The LLM provider is rate limiting; see Retry-After'),
    504: problemResponse('The LLM provider did not start answering in time'),
  },
});

export const myAskLogsRoute = createRoute({
  method: 'get',
  path: '/api/ask/logs',
  tags: TAGS,
  summary: 'My Ask MAS exchanges, newest first',
  ...bearer(EVERYONE),
  request: { query: MyAskLogsQuery },
  responses: { 200: jsonResponse('A page of my exchanges', AskLogPage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const adminAskLogsRoute = createRoute({
  method: 'get',
  path: '/api/admin/ask/logs',
  tags: TAGS,
  summary: 'Every user’s Ask MAS exchanges, newest first, with filters',
  ...bearer(STAFF),
  request: { query: AdminAskLogsQuery },
  responses: { 200: jsonResponse('A page of exchanges', AskLogPage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const askFeedbackRoute = createRoute({
  method: 'post',
  path: '/api/ask/logs/{id}/feedback',
  tags: TAGS,
  summary: 'Rate one of my answers: +1 helpful, -1 not',
  ...bearer(EVERYONE),
  request: { params: AskLogId, body: jsonBody(AskFeedbackBody) },
  responses: { 200: jsonResponse('The exchange with its feedback', AskLogView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such exchange of mine') },
});
