// Ask MAS streamed answers through the api (POST /api/ask over HTTP: auth, rate limit, budget,
// the log row before and after, SSE re-framing) next to the same streamed completion asked of
// the LLM simulator directly, in the same run and alternating. Prints time to the first answer
// chunk and to the end of the stream, and the api / direct ratios (the api's overhead).
import os from 'node:os';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '../api/app.js';
import { createLlm } from '../providers/llm/index.js';
import { startLlmSimulator } from '../providers/llm/simulator.js';
import { createAgent } from '../services/ai/agents.js';
import { TEST_LLM } from '../test/support/stack.js';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';

const ASKS = Number(process.env.BENCH_ASKS ?? 200);
const WARMUP = 20;
/** Between the simulator's chunks: 0 shows the api's overhead alone; a few ms is closer to a model. */
const CHUNK_DELAY_MS = Number(process.env.BENCH_CHUNK_DELAY_MS ?? 0);

const env = await startBenchEnvironment({ taskQueue: 'bench-ask-mas', poolMax: 10 });
const llmSim = await startLlmSimulator({ apiKey: TEST_LLM.apiKey });
const llm = createLlm({ mode: 'sim', baseUrl: llmSim.baseUrl, apiKey: TEST_LLM.apiKey, model: TEST_LLM.model, timeoutMs: 10_000 });
const deps = { ...env.deps, llm, config: { ...env.deps.config, llm: { model: TEST_LLM.model } } };
const { db } = deps;
// The benchmark asks far more than a user may: lift the limit and the budget.
for (const [key, value] of [
  ['ai.askMas.rateLimit', { limit: 10_000, windowSeconds: 3_600 }],
  ['ai.askMas.monthlyBudgetPaise', { default: 100_000_000 }],
] as const) {
  await db.systemConfig.upsert({ where: { key }, create: { key, value }, update: { value } });
}
if (CHUNK_DELAY_MS > 0) llmSim.script({ chunkDelayMs: CHUNK_DELAY_MS, times: 10_000 });

const app = createApp(deps);
let server: Server | undefined;
const port = await new Promise<number>((resolve) => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)) as Server;
});
const apiUrl = `http://127.0.0.1:${port}`;

const user = await db.user.create({ data: { email: `bench-ask-${Date.now()}@bench.local`, name: 'Bench', role: 'USER', platform: 'mr-mentor' } });
const token = await deps.jwt.sign({ sub: user.id, role: 'USER', pwd: 0 });
const agent = await createAgent(deps, user.id, { key: `bench-ask-${Date.now()}`, name: 'Bench', model: TEST_LLM.model, systemPrompt: 'You are MAS. Answer briefly.' });
const QUESTION = 'What should I learn first to become a data analyst?';

/** Reads a streamed body to its end: time to the first chunk holding `marker`, and in total. */
async function timed(res: Response, marker: string, start: number): Promise<{ ttfb: number; total: number; text: string }> {
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let ttfb = -1;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (ttfb < 0 && text.includes(marker)) ttfb = performance.now() - start;
  }
  return { ttfb, total: performance.now() - start, text };
}

async function viaApi() {
  const start = performance.now();
  const res = await fetch(`${apiUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ agentId: agent.id, question: QUESTION }) });
  return timed(res, 'event: delta', start);
}

async function direct() {
  const start = performance.now();
  const res = await fetch(`${llmSim.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_LLM.apiKey}` },
    body: JSON.stringify({ model: TEST_LLM.model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'system', content: 'You are MAS. Answer briefly.' }, { role: 'user', content: QUESTION }] }),
  });
  return timed(res, '"content":"Simulated', start);
}

try {
  for (let i = 0; i < WARMUP; i++) {
    await viaApi();
    await direct();
  }
  const chunks = ((await viaApi()).text.match(/event: delta/g) ?? []).length;
  const api = { ttfb: [] as number[], total: [] as number[] };
  const sim = { ttfb: [] as number[], total: [] as number[] };
  for (let i = 0; i < ASKS; i++) {
    const a = await viaApi();
    const d = await direct();
    api.ttfb.push(a.ttfb);
    api.total.push(a.total);
    sim.ttfb.push(d.ttfb);
    sim.total.push(d.total);
  }
  const rows = { apiTtfb: summarize(api.ttfb), apiTotal: summarize(api.total), simTtfb: summarize(sim.ttfb), simTotal: summarize(sim.total) };
  const tokens = (await db.askMasLog.findFirstOrThrow({ where: { userId: user.id, status: 'SUCCESS' }, select: { completionTokens: true } })).completionTokens;
  console.log(
    `\nAsk MAS streaming benchmark (${ASKS} answers one at a time, api and direct alternating; ${chunks} chunks, ${tokens} completion tokens each; simulator chunk delay ${CHUNK_DELAY_MS} ms; ${temporalLabel(env.temporalKind)}, embedded PostgreSQL, ${os.cpus().length} cores)\n`,
  );
  console.log(
    table([
      ['simulator direct: time to first chunk', rows.simTtfb],
      ['POST /api/ask: time to first delta', rows.apiTtfb],
      ['simulator direct: whole stream', rows.simTotal],
      ['POST /api/ask: whole stream', rows.apiTotal],
    ]),
  );
  console.log(`\nratio api / direct: first chunk p50 ${(rows.apiTtfb.p50 / rows.simTtfb.p50).toFixed(1)}×, whole stream p50 ${(rows.apiTotal.p50 / rows.simTotal.p50).toFixed(1)}× (p95 ${(rows.apiTotal.p95 / rows.simTotal.p95).toFixed(1)}×)`);
  console.log(`api overhead p50: +${(rows.apiTtfb.p50 - rows.simTtfb.p50).toFixed(1)} ms to the first delta, +${(rows.apiTotal.p50 - rows.simTotal.p50).toFixed(1)} ms per answer`);
  const logged = await db.askMasLog.groupBy({ by: ['status'], where: { userId: user.id }, _count: true });
  console.log(`log rows: ${logged.map((g) => `${g.status} ${g._count}`).join(', ')} (must be SUCCESS ${ASKS + WARMUP + 1})`);
} finally {
  server!.closeAllConnections();
  await new Promise<void>((resolve) => server!.close(() => resolve()));
  await llmSim.close();
  await env.close();
}
