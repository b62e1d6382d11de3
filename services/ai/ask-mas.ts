// Ask MAS: one question to an agent, answered as a stream. Before any provider call: the agent,
// the per-user rate limit, the key (the user's own, else the platform key within the role's
// monthly budget), and a STREAMING log row. The provider call runs outside any transaction;
// the row is finished after it: SUCCESS with usage and cost, FAILED, or ABORTED with what was
// streamed so far. A failure before the first chunk is thrown as a DomainError (a plain
// problem+json); after it, the stream yields an `error` event and ends. The user's key and the
// vendor's error text (which may echo the key) never reach a log row, a log line or an answer.
import { budgetFor, budgetMonth, costPaise, decideBudget, priceOf } from '../../domain/ai/ask-mas.js';
import { DomainError, ERROR_STATUS, ERROR_TITLE, type ErrorCode } from '../../domain/errors.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import { createLlmClient } from '../../providers/llm/client.js';
import { LLM_ABORTED, LlmError, type LlmChatMessage, type LlmProvider, type LlmStreamEvent, type LlmUsage } from '../../providers/llm/interface.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { readConfig } from '../system-config/read-config.js';
import type { AuthContext } from '../deps.js';
import { resolveUserLlmKey, type LlmKeysDeps } from './llm-keys.js';

export type AskMasDeps = LlmKeysDeps & { llm: LlmProvider };

/** Deadline for a user's own provider to start answering, then the longest gap between chunks. */
export const USER_KEY_TIMEOUT_MS = 30_000;

export interface AskInput {
  agentId?: string;
  /** The agent's key (slug), e.g. "ask-mas". */
  agent?: string;
  question: string;
  sessionId?: string | null;
  context?: Record<string, unknown> | null;
}

/** The `error` event's body: a problem without the instance. */
export interface AskProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
}

export type AskEvent =
  | { type: 'delta'; text: string }
  | { type: 'done'; usage: LlmUsage | null; costPaise: number; finishReason: string; model: string }
  | { type: 'error'; problem: AskProblem };

export interface AskSession {
  logId: string;
  usedUserKey: boolean;
  model: string;
  agent: { id: string; key: string; version: number };
  /** Iterate once; stopping early (return) marks the exchange ABORTED. */
  events: AsyncIterable<AskEvent>;
}

/** The 402 of a spent budget, with the instant the budget month resets. */
export class AskBudgetExhausted extends DomainError {
  constructor(
    readonly budgetPaise: number,
    readonly spentPaise: number,
    readonly resetAt: Date,
  ) {
    super('BUDGET_EXHAUSTED', `Your Ask MAS budget for this month is spent (${spentPaise} of ${budgetPaise} paise). It resets at ${resetAt.toISOString()}; or save your own LLM key to go on.`);
  }
}

export const problemOf = (code: ErrorCode, detail: string): AskProblem => ({
  type: `https://docs.mas.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
  title: ERROR_TITLE[code],
  status: ERROR_STATUS[code],
  detail,
  code,
});

/** What a provider failure means to the caller; never the vendor's own text. */
export function providerFailure(err: LlmError, usedUserKey: boolean): { code: ErrorCode; detail: string; retryAfterSeconds: number | null } {
  const whose = usedUserKey ? 'Your LLM provider' : 'The LLM provider';
  switch (err.kind) {
    case 'rate_limited':
      return {
        code: 'DEPENDENCY_UNAVAILABLE',
        detail: err.code === 'insufficient_quota' ? `${whose} refused: its quota is used up` : `${whose} is rate limiting requests; try again shortly`,
        retryAfterSeconds: err.code === 'insufficient_quota' ? null : Math.max(1, err.retryAfterSeconds ?? 1),
      };
    case 'timeout':
      return { code: 'GATEWAY_TIMEOUT', detail: `${whose} did not answer in time`, retryAfterSeconds: null };
    case 'client':
      return { code: 'BAD_GATEWAY', detail: err.status === 401 || err.status === 403 ? `${whose} refused the API key` : `${whose} refused the request (${err.status ?? 'no status'})`, retryAfterSeconds: null };
    default:
      return { code: 'BAD_GATEWAY', detail: `${whose} failed (${err.kind}${err.status ? ` ${err.status}` : ''})`, retryAfterSeconds: null };
  }
}

/** The row's errorMessage: what kind of failure, never the vendor's message. */
const failureNote = (err: LlmError) => `${err.kind}${err.status ? ` ${err.status}` : ''}${err.code ? ` ${err.code}` : ''}`;

const tokensOf = (chars: number) => Math.ceil(chars / 4);

async function findAgent(deps: Pick<AskMasDeps, 'db'>, input: AskInput) {
  const agent = input.agentId ? await deps.db.agentConfiguration.findUnique({ where: { id: input.agentId } }) : await deps.db.agentConfiguration.findUnique({ where: { key: input.agent! } });
  if (!agent) throw new DomainError('NOT_FOUND', 'No such agent');
  if (!agent.isActive) throw new DomainError('UNPROCESSABLE', `The agent "${agent.key}" is not active`);
  return agent;
}

function messagesFor(systemPrompt: string, question: string, context: AskInput['context']): LlmChatMessage[] {
  return [
    { role: 'system', content: systemPrompt },
    ...(context ? [{ role: 'system' as const, content: `Where the question was asked from (JSON): ${JSON.stringify(context)}` }] : []),
    { role: 'user', content: question },
  ];
}

/** Spent this budget month on the platform key (the user's own key does not count). */
export async function platformSpend(deps: Pick<AskMasDeps, 'db'>, userId: string, now: Date): Promise<number> {
  const { _sum } = await deps.db.askMasLog.aggregate({ where: { userId, usedUserKey: false, createdAt: { gte: budgetMonth(now).start } }, _sum: { costPaise: true } });
  return _sum.costPaise ?? 0;
}

export async function startAsk(deps: AskMasDeps, auth: AuthContext, input: AskInput, signal?: AbortSignal): Promise<AskSession> {
  const started = Date.now();
  const now = new Date(started);
  // The limit comes first: every question counts, a refused one too.
  const limit = await readConfig(deps.db, 'ai.askMas.rateLimit');
  const rate = await consumeRateLimit(deps.db, `ask-mas:user:${auth.userId}`, limit.limit, limit.windowSeconds, now);
  if (!rate.allowed) {
    throw new DomainError('RATE_LIMITED', `At most ${limit.limit} questions per ${limit.windowSeconds} s; try again in ${rate.retryAfterSeconds} s`, undefined, { 'Retry-After': String(rate.retryAfterSeconds) });
  }
  // Independent reads at once: the answer's first byte waits on each round trip.
  const [agent, prices, budgets, spent] = await Promise.all([
    findAgent(deps, input),
    readConfig(deps.db, 'ai.askMas.modelPrices'),
    readConfig(deps.db, 'ai.askMas.monthlyBudgetPaise'),
    platformSpend(deps, auth.userId, now),
  ]);

  const base = {
    userId: auth.userId,
    sessionId: input.sessionId ?? null,
    question: input.question,
    agentId: agent.id,
    agentVersion: agent.version,
    provider: agent.provider,
    model: agent.model,
    ...(input.context ? { context: input.context as Prisma.InputJsonValue } : {}),
  };

  const userKey = await resolveUserLlmKey(deps, auth.userId, agent.provider);
  let llm: LlmProvider;
  if (userKey) {
    llm = createLlmClient({ baseUrl: userKey.baseUrl, apiKey: userKey.apiKey, model: agent.model, timeoutMs: USER_KEY_TIMEOUT_MS, maxRetries: 1 });
  } else {
    const decision = decideBudget(budgetFor(budgets, auth.role), spent, now);
    if (!decision.allowed) {
      await deps.db.askMasLog.create({ data: { ...base, status: 'BLOCKED', usedUserKey: false, errorMessage: `budget: ${decision.spentPaise} of ${decision.budgetPaise} paise spent`, latencyMs: Date.now() - started }, select: { id: true } });
      throw new AskBudgetExhausted(decision.budgetPaise, decision.spentPaise, decision.resetAt);
    }
    llm = deps.llm;
  }
  const usedUserKey = Boolean(userKey);

  const log = await deps.db.askMasLog.create({ data: { ...base, status: 'STREAMING', usedUserKey }, select: { id: true } });
  const messages = messagesFor(agent.systemPrompt, input.question, input.context);
  const promptChars = messages.reduce((n, m) => n + m.content.length, 0);
  const logCtx = { userId: auth.userId, askLogId: log.id, agent: agent.key, usedUserKey };

  /** The one write that ends the row; a row already ended is left alone. */
  const finish = async (data: Prisma.AskMasLogUpdateManyMutationInput) => {
    await deps.db.askMasLog.updateMany({ where: { id: log.id, status: 'STREAMING' }, data: { ...data, latencyMs: Date.now() - started } });
  };
  /** Usage for a stream that did not finish: estimated from the characters, so a stopped answer still counts against the budget. */
  const estimated = (answer: string) => ({ promptTokens: tokensOf(promptChars), completionTokens: tokensOf(answer.length) });
  const costFor = (model: string, usage: { promptTokens: number; completionTokens: number }) => costPaise(priceOf(prices, model), usage);
  const aborted = (err: unknown) => (err instanceof LlmError && err.code === LLM_ABORTED) || signal?.aborted === true;

  /** Failure before the first chunk: the row ends FAILED (or ABORTED) and the caller gets a problem. */
  const failEarly = async (err: unknown): Promise<never> => {
    if (aborted(err)) {
      await finish({ status: 'ABORTED', answer: '', ...estimated(''), costPaise: costFor(agent.model, estimated('')) });
      throw new DomainError('BAD_REQUEST', 'The request was cancelled');
    }
    if (!(err instanceof LlmError)) {
      await finish({ status: 'FAILED', errorMessage: 'internal error' });
      throw err;
    }
    const failure = providerFailure(err, usedUserKey);
    await finish({ status: 'FAILED', errorMessage: failureNote(err) });
    deps.logger.warn({ ...logCtx, kind: err.kind, status: err.status, code: err.code }, 'ask mas: provider failed before the first chunk');
    throw new DomainError(failure.code, failure.detail, undefined, failure.retryAfterSeconds !== null ? { 'Retry-After': String(failure.retryAfterSeconds) } : undefined);
  };

  let iterator: AsyncIterator<LlmStreamEvent>;
  let first: IteratorResult<LlmStreamEvent>;
  try {
    const stream = await llm.streamChat({ model: agent.model, messages, temperature: agent.temperature, maxTokens: agent.maxTokens, signal });
    iterator = stream[Symbol.asyncIterator]();
    first = await iterator.next();
  } catch (err) {
    return failEarly(err);
  }
  const firstTokenMs = Date.now() - started;

  async function* events(): AsyncGenerator<AskEvent> {
    let answer = '';
    let ended = false;
    try {
      for (let next = first; !next.done; next = await iterator.next()) {
        const ev = next.value;
        if (ev.type === 'delta') {
          answer += ev.text;
          yield { type: 'delta', text: ev.text };
          continue;
        }
        const usage = ev.usage ?? estimated(answer);
        const cost = costFor(ev.model, usage);
        await finish({ status: 'SUCCESS', firstTokenMs, answer, model: ev.model, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, costPaise: cost, providerRequestId: ev.requestId, finishReason: ev.finishReason });
        ended = true;
        deps.logger.info({ ...logCtx, costPaise: cost, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, firstTokenMs }, 'ask mas: answered');
        yield { type: 'done', usage: ev.usage, costPaise: cost, finishReason: ev.finishReason, model: ev.model };
      }
    } catch (err) {
      const usage = estimated(answer);
      const cost = costFor(agent.model, usage);
      ended = true;
      if (aborted(err)) {
        await finish({ status: 'ABORTED', firstTokenMs, answer, ...usage, costPaise: cost });
        deps.logger.info({ ...logCtx, streamedChars: answer.length }, 'ask mas: stopped by the client');
        return;
      }
      const llmErr = err instanceof LlmError ? err : null;
      await finish({ status: 'FAILED', firstTokenMs, answer, ...usage, costPaise: cost, errorMessage: llmErr ? failureNote(llmErr) : 'internal error' });
      deps.logger.warn({ ...logCtx, kind: llmErr?.kind, status: llmErr?.status, code: llmErr?.code, streamedChars: answer.length }, 'ask mas: the stream failed mid-way');
      if (!llmErr) deps.logger.error({ ...logCtx, err }, 'ask mas: unexpected error mid-stream');
      const failure = llmErr ? providerFailure(llmErr, usedUserKey) : { code: 'INTERNAL' as const, detail: 'The answer could not be completed' };
      yield { type: 'error', problem: problemOf(failure.code, `${failure.detail}; the answer was cut off`) };
    } finally {
      if (!ended) {
        // The consumer stopped iterating (the client went away): stop the provider too.
        await iterator.return?.();
        const usage = estimated(answer);
        await finish({ status: 'ABORTED', firstTokenMs, answer, ...usage, costPaise: costFor(agent.model, usage) });
      }
    }
  }

  return { logId: log.id, usedUserKey, model: agent.model, agent: { id: agent.id, key: agent.key, version: agent.version }, events: events() };
}
