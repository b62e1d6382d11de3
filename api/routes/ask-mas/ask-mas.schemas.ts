import { z } from '@hono/zod-openapi';
import { AGENT_KEY } from '../../../domain/ai/agent-config.js';
import { ASK_MAS_STATUSES, MAX_QUESTION_CHARS } from '../../../domain/ai/ask-mas.js';
import { LLM_KEY_PROVIDERS } from '../../../domain/ai/llm-keys.js';
import { boundedJson, type JsonBounds } from '../../../domain/json-bounds.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { ProblemSchema } from '../../openapi.js';

/** Where the question was asked from: a page, course or batch; sent to the model as context. */
export const ASK_CONTEXT_BOUNDS: JsonBounds = { maxDepth: 4, maxBytes: 4 * 1024 };

export const AskBody = z
  .object({
    agentId: z.uuid().optional().openapi({ description: 'The agent (give this or `agent`)' }),
    agent: AGENT_KEY.optional().openapi({ description: 'The agent’s key, e.g. "ask-mas" (give this or `agentId`)', example: 'ask-mas' }),
    question: z.string().trim().min(1).max(MAX_QUESTION_CHARS).openapi({ example: 'How do I prepare for a data analyst interview?' }),
    sessionId: z.string().trim().min(1).max(100).regex(/^[\w.:-]+$/, 'letters, digits, _ . : -').nullish().openapi({ description: 'Groups the turns of one conversation' }),
    context: boundedJson(ASK_CONTEXT_BOUNDS, z.record(z.string(), z.unknown())).nullish().openapi({ description: 'Page / course / batch context (JSON object, at most 4 KiB, 4 levels)' }),
  })
  .strict()
  .refine((b) => (b.agentId === undefined) !== (b.agent === undefined), { message: 'give exactly one of agentId and agent', path: ['agentId'] })
  .openapi('AskRequest');

export const ASK_SSE_EXAMPLE = [
  'event: meta',
  'data: {"logId":"0b9f…","agent":{"id":"…","key":"ask-mas","version":3},"model":"gpt-4o-mini","usedUserKey":false}',
  '',
  'event: delta',
  'data: {"text":"Start"}',
  '',
  'event: delta',
  'data: {"text":" with SQL."}',
  '',
  'event: done',
  'data: {"logId":"0b9f…","usage":{"promptTokens":42,"completionTokens":120,"totalTokens":162},"costPaise":1,"finishReason":"stop","model":"gpt-4o-mini"}',
  '',
  '',
].join('\n');

const Status = z.enum(ASK_MAS_STATUSES);

export const AskLogView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    sessionId: z.string().nullable(),
    question: z.string(),
    answer: z.string().nullable().openapi({ description: 'All of it, or what had streamed when it failed or was aborted' }),
    status: Status,
    agentId: z.uuid().nullable(),
    agentVersion: z.number().int().nullable(),
    provider: z.enum(LLM_KEY_PROVIDERS).nullable(),
    model: z.string().nullable(),
    usedUserKey: z.boolean().openapi({ description: 'True: the user’s own key answered, and the platform budget was not charged' }),
    promptTokens: z.number().int().nullable(),
    completionTokens: z.number().int().nullable().openapi({ description: 'From the vendor’s usage; estimated from the characters for a FAILED or ABORTED stream' }),
    costPaise: z.number().int(),
    providerRequestId: z.string().nullable(),
    finishReason: z.string().nullable(),
    firstTokenMs: z.number().int().nullable(),
    latencyMs: z.number().int().nullable(),
    context: z.record(z.string(), z.unknown()).nullable(),
    errorMessage: z.string().nullable().openapi({ description: 'The kind of failure (e.g. "rate_limited 429 rate_limit_exceeded"), never the vendor’s text' }),
    feedback: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AskLog');

export const AskLogPage = pageSchema(AskLogView).openapi('AskLogPage');

export const MyAskLogsQuery = PageQuery.extend({
  sessionId: z.string().max(100).optional(),
  status: Status.optional(),
});

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional();

export const AdminAskLogsQuery = PageQuery.extend({
  userId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  status: Status.optional(),
  usedUserKey: bool.openapi({ description: 'true: the users’ own keys only; false: the platform key only' }),
  from: instant.openapi({ description: 'createdAt ≥ this instant' }),
  to: instant.openapi({ description: 'createdAt < this instant' }),
});

export const AskLogId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const AskFeedbackBody = z
  .object({ feedback: z.union([z.literal(1), z.literal(-1)]).openapi({ description: '+1 helpful, -1 not helpful' }) })
  .strict()
  .openapi('AskFeedback');

export const BudgetProblem = ProblemSchema.extend({
  resetAt: z.string().openapi({ description: 'When the budget month (IST) resets: the first instant of the next month in Asia/Kolkata' }),
  budgetPaise: z.number().int(),
  spentPaise: z.number().int(),
}).openapi('AskBudgetProblem');
