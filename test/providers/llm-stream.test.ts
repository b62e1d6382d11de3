// The real `openai`-based client's streamChat against the LLM simulator's SSE: deltas then a
// final event with usage, a 429 or 5xx refused before the stream starts, a stream cut mid-way
// (dropped connection or an error chunk) failing the iteration, a chunk gap past the timeout,
// and a caller abort closing the provider's stream (the simulator counts it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlm, LlmError, type LlmChatStream, type LlmProvider, type LlmStreamEvent } from '../../providers/llm/index.js';
import { startLlmSimulator, type LlmSimulator } from '../../providers/llm/simulator.js';
import { until } from '../support/poll.js';

const API_KEY = 'sim-llm-api-key-0123456789';
let sim: LlmSimulator;
let llm: LlmProvider;

beforeAll(async () => {
  sim = await startLlmSimulator({ apiKey: API_KEY });
  llm = createLlm({ mode: 'sim', baseUrl: sim.baseUrl, apiKey: API_KEY, model: 'gpt-4o-mini', timeoutMs: 5_000 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const ask = (question: string, over: Partial<Parameters<LlmProvider['streamChat']>[0]> = {}) =>
  llm.streamChat({ messages: [{ role: 'system', content: 'You are MAS.' }, { role: 'user', content: question }], ...over });

async function drain(stream: LlmChatStream): Promise<{ events: LlmStreamEvent[]; error: unknown }> {
  const events: LlmStreamEvent[] = [];
  try {
    for await (const e of stream) events.push(e);
    return { events, error: null };
  } catch (error) {
    return { events, error };
  }
}
const textOf = (events: LlmStreamEvent[]) => events.map((e) => (e.type === 'delta' ? e.text : '')).join('');

describe('streamChat', () => {
  it('streams deterministic deltas for the question, then done with usage and the finish reason', async () => {
    const a = await drain(await ask('What is SQL?'));
    const b = await drain(await ask('What is SQL?'));
    expect(a.error).toBeNull();
    expect(a.events.filter((e) => e.type === 'delta').length).toBeGreaterThan(20);
    expect(textOf(a.events)).toContain('What is SQL?');
    expect(textOf(a.events)).toBe(textOf(b.events));
    const done = a.events.at(-1)!;
    expect(done).toMatchObject({ type: 'done', model: 'gpt-4o-mini', finishReason: 'stop', requestId: expect.stringMatching(/^chatcmpl-/) });
    expect(done.type === 'done' && done.usage).toMatchObject({ promptTokens: expect.any(Number), completionTokens: Math.ceil(textOf(a.events).length / 4) });
    expect(sim.streams()).toMatchObject({ started: 2, completed: 2, open: 0, clientClosed: 0 });
    expect(sim.requests().map((r) => r.stream)).toEqual(['completed', 'completed']);
  });

  it('a 429 or a 5xx before the stream starts rejects with a typed LlmError (after the SDK retries)', async () => {
    sim.script({ match: 'rate me', status: 429, retryAfterMs: 0, times: 3 });
    const limited = await ask('rate me').then(
      () => null,
      (e: unknown) => e,
    );
    expect(limited).toBeInstanceOf(LlmError);
    expect(limited).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterSeconds: 0 });
    sim.script({ match: 'break me', status: 503, times: 1 });
    await expect(ask('break me', { maxRetries: 0 })).rejects.toMatchObject({ kind: 'server', status: 503 });
  });

  it('a stream cut after N chunks fails the iteration after those chunks, dropped or with an error chunk', async () => {
    sim.script({ match: 'drop', cutAfterChunks: 3 });
    const dropped = await drain(await ask('drop me'));
    expect(dropped.events.filter((e) => e.type === 'delta')).toHaveLength(3);
    expect(dropped.error).toMatchObject({ name: 'LlmError', kind: 'transport' });

    sim.script({ match: 'error chunk', cutAfterChunks: 2, cutWith: 'error' });
    const errored = await drain(await ask('error chunk'));
    expect(errored.events.filter((e) => e.type === 'delta')).toHaveLength(2);
    expect(errored.error).toMatchObject({ name: 'LlmError', kind: 'server' });
    expect(sim.streams()).toMatchObject({ cut: 2 });
  });

  it('a gap between chunks past timeoutMs is a timeout', async () => {
    sim.script({ match: 'slow', chunkDelayMs: 400 });
    const slow = await drain(await ask('slow', { timeoutMs: 150 }));
    expect(slow.error).toMatchObject({ name: 'LlmError', kind: 'timeout' });
  });

  it('aborting the signal mid-stream ends the iteration with ABORTED and closes the provider stream', async () => {
    sim.script({ match: 'long', chunkDelayMs: 30 });
    const controller = new AbortController();
    const stream = await ask('long answer', { signal: controller.signal });
    const seen: string[] = [];
    let error: unknown = null;
    try {
      for await (const e of stream) {
        if (e.type === 'delta') seen.push(e.text);
        if (seen.length === 3) controller.abort();
      }
    } catch (err) {
      error = err;
    }
    expect(seen).toHaveLength(3);
    expect(error).toMatchObject({ name: 'LlmError', code: 'ABORTED' });
    await until(async () => sim.streams(), (s) => s.clientClosed === 1, 3_000, 20);
    expect(sim.streams()).toMatchObject({ started: 1, completed: 0, clientClosed: 1, open: 0 });
  });
});
