// Ask MAS over HTTP: the question streamed back with Hono's streamSSE; services/ai/ask-mas.ts
// holds the rules, the log row and the provider call. Everything that can refuse the question
// (validation, rate limit, budget, a provider failure before the first chunk) answers
// problem+json before the stream starts; a closed connection aborts the provider call.
import type { RouteHandler } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { adminListAskLogs, listMyAskLogs, setAskFeedback, toAskLogView } from '../../../services/ai/ask-mas-logs.js';
import { AskBudgetExhausted, problemOf, startAsk, type AskSession } from '../../../services/ai/ask-mas.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { problemBody } from '../../problem.js';
import type { adminAskLogsRoute, askFeedbackRoute, askRoute, myAskLogsRoute } from './ask-mas.routes.js';

export const askHandler: RouteHandler<typeof askRoute, AppEnv> = async (c) => {
  // One signal for the provider call: the client hanging up (the request's signal, or the
  // response stream cancelled) stops it.
  const stop = new AbortController();
  const abort = () => stop.abort();
  const clientSignal = c.req.raw.signal;
  clientSignal.addEventListener('abort', abort, { once: true });
  let session: AskSession;
  try {
    session = await startAsk(c.var.deps, c.get('auth')!, c.req.valid('json'), stop.signal);
  } catch (err) {
    clientSignal.removeEventListener('abort', abort);
    if (err instanceof AskBudgetExhausted) {
      return c.json({ ...problemBody(c, err.code, err.message), resetAt: err.resetAt.toISOString(), budgetPaise: err.budgetPaise, spentPaise: err.spentPaise }, 402, { 'Content-Type': 'application/problem+json' });
    }
    throw err;
  }
  const { logId } = session;
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    stream.onAbort(abort);
    try {
      await stream.writeSSE({ event: 'meta', data: JSON.stringify({ logId, agent: session.agent, model: session.model, usedUserKey: session.usedUserKey }) });
      for await (const ev of session.events) {
        if (stop.signal.aborted) break;
        if (ev.type === 'delta') await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: ev.text }) });
        else if (ev.type === 'done') await stream.writeSSE({ event: 'done', data: JSON.stringify({ logId, usage: ev.usage, costPaise: ev.costPaise, finishReason: ev.finishReason, model: ev.model }) });
        else await stream.writeSSE({ event: 'error', data: JSON.stringify({ ...ev.problem, logId }) });
      }
    } catch (err) {
      // A bug or a database failure mid-stream: logged here, and the client still gets an end.
      c.var.deps.logger.error({ err, requestId: c.get('requestId'), askLogId: logId }, 'ask mas: the stream failed');
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ ...problemOf('INTERNAL', 'The answer could not be completed'), logId }) });
    } finally {
      clientSignal.removeEventListener('abort', abort);
    }
  });
};

export const myAskLogsHandler: RouteHandler<typeof myAskLogsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listMyAskLogs(c.var.deps, c.get('auth')!.userId, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toAskLogView), nextCursor }, 200);
};

export const adminAskLogsHandler: RouteHandler<typeof adminAskLogsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await adminListAskLogs(c.var.deps, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toAskLogView), nextCursor }, 200);
};

export const askFeedbackHandler: RouteHandler<typeof askFeedbackRoute, AppEnv> = async (c) =>
  c.json(await setAskFeedback(c.var.deps, c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json').feedback), 200);
