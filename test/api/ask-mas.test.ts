// Ask MAS through the api over real HTTP, on the real stack and the LLM simulator's SSE: the
// answer streams (meta, deltas, done with cost) and is logged SUCCESS with usage and cost; the
// client stopping early aborts the provider's stream and logs ABORTED with the partial answer;
// the per-user rate limit bites (429 + Retry-After); a spent budget is a 402 with the reset
// date; a provider 429, 5xx or timeout before the first chunk is a problem+json (503 / 502 /
// 504); a half-streamed failure ends with an `error` event; a user's own key answers instead of
// the platform key and is not charged to the budget, and never appears in an answer; one user
// cannot read or rate another's exchanges.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// First: the api (and @hono/zod-openapi's zod extension) loads before the domain schemas.
import { startTestStack, type TestStack } from '../support/stack.js';
import { budgetMonth, DEFAULT_MONTHLY_BUDGET } from '../../domain/ai/ask-mas.js';
import { createLlm } from '../../providers/llm/index.js';
import { createAgent } from '../../services/ai/agents.js';
import { startAsk } from '../../services/ai/ask-mas.js';
import { readConfig } from '../../services/system-config/read-config.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { TEST_LLM } from '../support/stack.js';
import { until } from '../support/poll.js';

const tag = randomBytes(3).toString('hex');
let stack: TestStack;
let agent: { id: string; key: string; version: number };

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  const admin = await createUser(stack, 'ADMIN');
  const created = await createAgent(stack.deps, admin.user.id, { key: `ask-mas-${tag}`, name: 'Ask MAS', model: 'gpt-4o-mini', systemPrompt: 'You are MAS, a careers mentor. Answer briefly.' });
  agent = { id: created.id, key: created.key, version: created.version };
});
afterAll(() => stack?.close());

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}
function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}
const textOf = (events: SseEvent[]) => events.filter((e) => e.event === 'delta').map((e) => e.data.text as string).join('');

const ask = (token: string, body: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(`${stack.apiUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearerHeader(token) }, body: JSON.stringify({ agent: agent.key, ...body }), signal });

async function askAll(token: string, body: Record<string, unknown>) {
  const res = await ask(token, body);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, events: res.headers.get('content-type')?.startsWith('text/event-stream') ? parseSse(text) : [], body: res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : null };
}
const call = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await stack.app.request(json(method, path, body, bearerHeader(token)));
  const text = await res.text();
  return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, unknown> & { items?: Record<string, unknown>[] }) : null };
};
const logRow = (id: string) => stack.db.askMasLog.findUniqueOrThrow({ where: { id } });

describe('asking', () => {
  it('streams meta, deltas and done with usage and cost, and logs the exchange SUCCESS', async () => {
    const u = await createUser(stack, 'USER');
    const question = `What should I learn first for data analytics? ${tag}-ok`;
    const r = await askAll(u.accessToken, { question, sessionId: 'session-1', context: { page: 'course', courseId: 'c-1' } });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const [meta, ...rest] = r.events;
    expect(meta).toMatchObject({ event: 'meta', data: { agent: { id: agent.id, key: agent.key, version: agent.version }, model: 'gpt-4o-mini', usedUserKey: false } });
    const logId = meta!.data.logId as string;
    expect(rest.filter((e) => e.event === 'delta').length).toBeGreaterThan(10);
    const answer = textOf(r.events);
    expect(answer).toContain(question.slice(0, 40));
    const done = r.events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', data: { logId, finishReason: 'stop', model: 'gpt-4o-mini', costPaise: expect.any(Number) } });
    expect(done.data.usage).toMatchObject({ promptTokens: expect.any(Number), completionTokens: Math.ceil(answer.length / 4) });

    const row = await logRow(logId);
    const simRequest = stack.llmSim.requests().find((q) => q.id === row.providerRequestId);
    expect(simRequest).toMatchObject({ stream: 'completed', model: 'gpt-4o-mini' });
    expect(row).toMatchObject({
      userId: u.user.id,
      status: 'SUCCESS',
      answer,
      agentId: agent.id,
      agentVersion: agent.version,
      sessionId: 'session-1',
      usedUserKey: false,
      finishReason: 'stop',
      costPaise: done.data.costPaise,
      context: { page: 'course', courseId: 'c-1' },
    });
    expect(row.costPaise).toBeGreaterThan(0);
    expect(row.firstTokenMs).toEqual(expect.any(Number));
    expect(row.latencyMs).toBeGreaterThanOrEqual(row.firstTokenMs!);

    const mine = await call(u.accessToken, 'GET', '/api/ask/logs?sessionId=session-1');
    expect(mine.status).toBe(200);
    expect(mine.body!.items!.map((i) => i.id)).toEqual([logId]);
    expect(mine.body!.items![0]).toMatchObject({ status: 'SUCCESS', answer, costPaise: row.costPaise });
  });

  it('refuses a bad body, an unknown agent and an inactive one before any provider call', async () => {
    const u = await createUser(stack, 'USER');
    const before = stack.llmSim.requests().length;
    expect((await askAll(u.accessToken, { question: '' })).status).toBe(400);
    expect((await askAll(u.accessToken, { question: 'x'.repeat(4001) })).status).toBe(400);
    expect((await askAll(u.accessToken, { agentId: agent.id, question: 'both given' })).status).toBe(400);
    expect((await askAll(u.accessToken, { question: 'deep', context: { a: { b: { c: { d: { e: 1 } } } } } })).status).toBe(400);
    const missing = await askAll(u.accessToken, { agent: `nope-${tag}`, question: 'anyone?' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    expect(stack.llmSim.requests().length).toBe(before);
  });
});

describe('stopping early', () => {
  it('the client closing the stream aborts the provider stream and logs ABORTED with what had streamed', async () => {
    const u = await createUser(stack, 'USER');
    const marker = `${tag}-stop-early`;
    stack.llmSim.script({ match: marker, chunkDelayMs: 40 });
    const before = stack.llmSim.streams().clientClosed;
    const controller = new AbortController();
    const res = await ask(u.accessToken, { question: `Tell me everything. ${marker}` }, controller.signal);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((text.match(/event: delta/g) ?? []).length < 3) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    await reader.cancel().catch(() => undefined);
    const logId = parseSse(text.slice(0, text.lastIndexOf('\n\n') + 2))[0]!.data.logId as string;

    const row = await until(
      () => logRow(logId),
      (r) => r.status !== 'STREAMING',
      5_000,
      50,
    );
    expect(row.status).toBe('ABORTED');
    expect(row.answer!.length).toBeGreaterThan(0);
    expect(row.answer!.length).toBeLessThan(200);
    expect(row.completionTokens).toBe(Math.ceil(row.answer!.length / 4));
    await until(async () => stack.llmSim.streams().clientClosed, (n) => n > before, 5_000, 50);
    const simRequest = stack.llmSim.requests().at(-1)!;
    expect(simRequest.stream).toBe('client_closed');
  });
});

describe('limits', () => {
  it('the per-user rate limit bites: 429 with Retry-After, other users unaffected', async () => {
    const { limit } = await readConfig(stack.db, 'ai.askMas.rateLimit');
    const u = await createUser(stack, 'USER');
    // An unknown agent is refused after the limit is counted: cheap requests that still count.
    for (let i = 0; i < limit; i++) expect((await askAll(u.accessToken, { agent: `nope-${tag}`, question: `q${i}` })).status).toBe(404);
    const limited = await askAll(u.accessToken, { question: 'one more' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await createUser(stack, 'USER');
    expect((await askAll(other.accessToken, { question: `fine ${tag}` })).status).toBe(200);
  });

  it('a spent monthly budget is a 402 with the reset date (the first of next month in IST), logged BLOCKED', async () => {
    const u = await createUser(stack, 'USER');
    const budget = DEFAULT_MONTHLY_BUDGET.USER!;
    await stack.db.askMasLog.create({ data: { userId: u.user.id, question: 'earlier', status: 'SUCCESS', costPaise: budget, usedUserKey: false } });
    const before = stack.llmSim.requests().length;
    const r = await askAll(u.accessToken, { question: 'over budget?' });
    expect(r.status).toBe(402);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect(r.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', status: 402, budgetPaise: budget, spentPaise: budget, resetAt: budgetMonth(new Date()).resetAt.toISOString() });
    expect(new Date(r.body!.resetAt as string).toISOString()).toMatch(/T18:30:00\.000Z$/);
    expect(stack.llmSim.requests().length).toBe(before);
    const rows = await stack.db.askMasLog.findMany({ where: { userId: u.user.id, question: 'over budget?' } });
    expect(rows.map((x) => x.status)).toEqual(['BLOCKED']);
  });
});

describe('provider failures', () => {
  it('a provider 429 before the first chunk is a 503 with Retry-After, a 5xx a 502; both logged FAILED without the vendor text', async () => {
    const u = await createUser(stack, 'USER');
    stack.llmSim.script({ match: `${tag}-rate`, status: 429, retryAfterMs: 0, times: 3, message: 'vendor secret text' });
    const limited = await askAll(u.accessToken, { question: `busy? ${tag}-rate` });
    expect(limited.status).toBe(503);
    expect(limited.body).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', status: 503 });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.text).not.toContain('vendor secret text');

    stack.llmSim.script({ match: `${tag}-down`, status: 500, times: 3 });
    const down = await askAll(u.accessToken, { question: `down? ${tag}-down` });
    expect(down.status).toBe(502);
    expect(down.body).toMatchObject({ code: 'BAD_GATEWAY' });

    const rows = await stack.db.askMasLog.findMany({ where: { userId: u.user.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.status, r.errorMessage])).toEqual([
      ['FAILED', 'rate_limited 429 rate_limit_exceeded'],
      ['FAILED', 'server 500'],
    ]);
    expect(rows.every((r) => r.costPaise === 0)).toBe(true);
  });

  it('a half-streamed failure ends with an error event after the chunks that arrived, and logs FAILED with them', async () => {
    const u = await createUser(stack, 'USER');
    for (const [marker, cutWith] of [[`${tag}-cut-drop`, 'drop'], [`${tag}-cut-error`, 'error']] as const) {
      stack.llmSim.script({ match: marker, cutAfterChunks: 4, cutWith });
      const r = await askAll(u.accessToken, { question: `cut me ${marker}` });
      expect(r.status).toBe(200);
      expect(r.events.map((e) => e.event)).toEqual(['meta', 'delta', 'delta', 'delta', 'delta', 'error']);
      expect(r.events.at(-1)!.data).toMatchObject({ type: expect.stringContaining('bad-gateway'), title: 'Bad gateway', status: 502, detail: expect.stringContaining('cut off'), logId: r.events[0]!.data.logId });
      const row = await logRow(r.events[0]!.data.logId as string);
      expect(row).toMatchObject({ status: 'FAILED', answer: textOf(r.events) });
      expect(row.costPaise).toBeGreaterThan(0);
    }
  });
});

describe('provider timeouts', () => {
  // A provider with a short deadline and no retries: the stack's own waits 5 s three times.
  const quick = () => ({ ...stack.deps, llm: createLlm({ mode: 'sim', baseUrl: stack.llmSim.baseUrl, apiKey: TEST_LLM.apiKey, model: TEST_LLM.model, timeoutMs: 300, maxRetries: 0 }) });

  it('no answer before the deadline is a 504 (GATEWAY_TIMEOUT), the row FAILED', async () => {
    const u = await createUser(stack, 'USER');
    stack.llmSim.script({ match: `${tag}-late`, delayMs: 1_000 });
    await expect(startAsk(quick(), { userId: u.user.id, role: 'USER' }, { agent: agent.key, question: `late ${tag}-late` })).rejects.toMatchObject({ code: 'GATEWAY_TIMEOUT' });
    const [row] = await stack.db.askMasLog.findMany({ where: { userId: u.user.id } });
    expect(row).toMatchObject({ status: 'FAILED', errorMessage: 'timeout TIMEOUT' });
  });

  it('headers on time but no chunk before the deadline is a 504 too (the chunk-gap timer, not the SDK timeout)', async () => {
    const u = await createUser(stack, 'USER');
    stack.llmSim.script({ match: `${tag}-stall`, chunkDelayMs: 600 });
    await expect(startAsk(quick(), { userId: u.user.id, role: 'USER' }, { agent: agent.key, question: `stall ${tag}-stall` })).rejects.toMatchObject({ code: 'GATEWAY_TIMEOUT' });
    const [row] = await stack.db.askMasLog.findMany({ where: { userId: u.user.id } });
    expect(row).toMatchObject({ status: 'FAILED', errorMessage: 'timeout TIMEOUT' });
    await until(async () => stack.llmSim.requests().at(-1)!.stream, (st) => st === 'client_closed', 3_000, 20);
  });
});

describe('a user’s own key', () => {
  it('answers instead of the platform key, is not charged to the budget, and never appears in an answer', async () => {
    const u = await createUser(stack, 'USER');
    const key = `sk-own-${randomBytes(18).toString('base64url')}`;
    stack.llmSim.acceptKey(key);
    const saved = await call(u.accessToken, 'POST', '/api/me/llm-keys', { provider: 'OPENAI', baseUrl: stack.llmSim.baseUrl, apiKey: key });
    expect(saved.status, saved.text).toBe(201);
    // The platform budget is spent: only the own key can answer.
    await stack.db.askMasLog.create({ data: { userId: u.user.id, question: 'earlier', status: 'SUCCESS', costPaise: DEFAULT_MONTHLY_BUDGET.USER!, usedUserKey: false } });

    const r = await askAll(u.accessToken, { question: `own key ${tag}` });
    expect(r.status, r.text).toBe(200);
    expect(r.events[0]!.data).toMatchObject({ usedUserKey: true });
    expect(r.events.at(-1)!.event).toBe('done');
    const row = await logRow(r.events[0]!.data.logId as string);
    expect(row).toMatchObject({ status: 'SUCCESS', usedUserKey: true });
    expect(row.costPaise).toBeGreaterThan(0);
    // Still over budget on the platform key: own-key spending did not move it.
    const spent = await stack.db.askMasLog.aggregate({ where: { userId: u.user.id, usedUserKey: false }, _sum: { costPaise: true } });
    expect(spent._sum.costPaise).toBe(DEFAULT_MONTHLY_BUDGET.USER);

    const logs = await call(u.accessToken, 'GET', '/api/ask/logs');
    const admin = await createUser(stack, 'ADMIN');
    const adminLogs = await call(admin.accessToken, 'GET', `/api/admin/ask/logs?userId=${u.user.id}&usedUserKey=true`);
    expect(adminLogs.body!.items!.map((i) => i.id)).toEqual([row.id]);
    for (const text of [r.text, logs.text, adminLogs.text]) expect(text).not.toContain(key);
    const dump = (await stack.db.$queryRawUnsafe<{ row: string }[]>('SELECT t::text AS row FROM public.ask_mas_logs t WHERE "userId" = $1::uuid', u.user.id)).map((x) => x.row).join('\n');
    expect(dump).not.toContain(key);
  });
});

describe('logs and feedback (BOLA)', () => {
  it('a user sees and rates only their own exchanges; staff see everyone’s with filters', async () => {
    const a = await createUser(stack, 'USER');
    const b = await createUser(stack, 'EXPERT');
    const r = await askAll(a.accessToken, { question: `mine ${tag}` });
    const logId = r.events[0]!.data.logId as string;

    const bLogs = await call(b.accessToken, 'GET', '/api/ask/logs');
    expect(bLogs.body!.items!.map((i) => i.id)).not.toContain(logId);
    const bFeedback = await call(b.accessToken, 'POST', `/api/ask/logs/${logId}/feedback`, { feedback: -1 });
    expect(bFeedback.status).toBe(404);
    expect(await call(b.accessToken, 'GET', '/api/admin/ask/logs')).toMatchObject({ status: 403 });

    const aFeedback = await call(a.accessToken, 'POST', `/api/ask/logs/${logId}/feedback`, { feedback: 1 });
    expect(aFeedback.status).toBe(200);
    expect(aFeedback.body).toMatchObject({ id: logId, feedback: 1 });
    expect((await call(a.accessToken, 'POST', `/api/ask/logs/${logId}/feedback`, { feedback: 2 })).status).toBe(400);
    expect((await logRow(logId)).feedback).toBe(1);

    const admin = await createUser(stack, 'SUPERADMIN');
    const filtered = await call(admin.accessToken, 'GET', `/api/admin/ask/logs?userId=${a.user.id}&status=SUCCESS&agentId=${agent.id}`);
    expect(filtered.status).toBe(200);
    expect(filtered.body!.items!.map((i) => i.id)).toEqual([logId]);
    const none = await call(admin.accessToken, 'GET', `/api/admin/ask/logs?userId=${a.user.id}&status=ABORTED`);
    expect(none.body!.items).toEqual([]);
  });
});
