// providers/lib over real sockets: the body bound, the client-side classification of every
// kind of failure, the webhook poster's retries, quick close, and the simulator env parser.
import { connect } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failureOf, kindForStatus, parseRetryAfter, ProviderError, type ProviderFailureKind } from '../../providers/lib/provider-error.js';
import { readSimEnv, simPort } from '../../providers/lib/sim-env.js';
import { BodyError, ok, readJson, replyHandler } from '../../providers/lib/sim-http.js';
import { startSimServer, type SimServer } from '../../providers/lib/sim-server.js';
import { callVendor, type VendorErrors } from '../../providers/lib/vendor-fetch.js';
import { postWebhook, retryDelayMs } from '../../providers/lib/webhook-poster.js';
import { freePort } from '../../scripts/lib/free-port.js';

const errors: VendorErrors = {
  transport: (kind, message, cause) => new ProviderError(message, { provider: 'test', kind, status: null, cause }),
  http: (status, _text, retryAfterSeconds) => new ProviderError(`HTTP ${status}`, { provider: 'test', kind: kindForStatus(status), status, retryAfterSeconds }),
  invalid: (status, message, cause) => new ProviderError(message, { provider: 'test', kind: 'invalid_response', status, cause }),
};

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProviderError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('readJson under a size bound', () => {
  let sim: SimServer;
  beforeAll(async () => {
    sim = await startSimServer(
      replyHandler(async (req) => ok({ got: await readJson(req, 16) }), {
        name: 'test',
        errorReply: (err) => (err instanceof BodyError ? { status: err.status, body: { error: err.message } } : null),
        internalError: () => ({ status: 500, body: { error: 'bug' } }),
      }),
    );
  });
  afterAll(() => sim.close());

  const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) => fetch(sim.origin, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('takes a body at the bound, refuses one byte more (declared or streamed) with 413, bad JSON with 400', async () => {
    expect(await (await post('{"a":"12345678"}')).json()).toEqual({ got: { a: '12345678' } });
    const declared = await post('{"a":"123456789"}');
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: 'Request body is too large' });
    // No Content-Length: the reader counts the chunks as they come.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode('{"x":1}'));
        c.close();
      },
    });
    expect((await post(stream)).status).toBe(413);
    const bad = await post('{nope');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'The request body is not valid JSON' });
    expect(await (await post('')).json()).toEqual({ got: {} });
  });
});

describe('callVendor classifies every failure', () => {
  let vendor: SimServer;
  const scripted: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/ok': (_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x1"}'),
    '/429': (_q, res) => res.writeHead(429, { 'retry-after': '7' }).end('{}'),
    '/429-date': (_q, res) => res.writeHead(429, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }).end(),
    '/429-bare': (_q, res) => res.writeHead(429).end(),
    '/503': (_q, res) => res.writeHead(503, { 'retry-after': '5' }).end('busy'),
    '/404': (_q, res) => res.writeHead(404).end('{"error":"no"}'),
    '/408': (_q, res) => res.writeHead(408).end(),
    '/bad-json': (_q, res) => res.writeHead(200).end('<html>'),
    '/bad-shape': (_q, res) => res.writeHead(200).end('{"id":5}'),
    '/hang': () => undefined,
    // Headers, half a body, then the connection drops.
    '/reset': (_q, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"id":');
      setTimeout(() => res.destroy(), 20);
    },
  };
  beforeAll(async () => {
    vendor = await startSimServer((req, res) => scripted[req.url ?? '']!(req, res));
  });
  afterAll(() => vendor.close());

  const call = (path: string, timeoutMs = 2_000, url = `${vendor.origin}${path}`) => callVendor({ url, init: { method: 'GET' }, timeoutMs, what: `GET ${path}` }, z.object({ id: z.string() }), errors);
  const shape = (e: ProviderError) => ({ kind: e.kind, status: e.status, retryable: e.retryable, retryAfterSeconds: e.retryAfterSeconds });
  const expected = (kind: ProviderFailureKind, status: number | null, retryable: boolean, retryAfterSeconds: number | null = null) => ({ kind, status, retryable, retryAfterSeconds });

  it('a 2xx in the documented shape is returned', async () => {
    expect(await call('/ok')).toEqual({ id: 'x1' });
  });

  it('429 is rate_limited and retryable, with Retry-After as seconds or a date; other statuses ignore Retry-After', async () => {
    expect(shape(await rejection(call('/429')))).toEqual(expected('rate_limited', 429, true, 7));
    const dated = await rejection(call('/429-date'));
    expect(dated.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(dated.retryAfterSeconds).toBeLessThanOrEqual(31);
    expect(shape(await rejection(call('/429-bare')))).toEqual(expected('rate_limited', 429, true, null));
    expect(shape(await rejection(call('/503')))).toEqual(expected('server', 503, true, null));
  });

  it('another 4xx is client and not retryable; 408 is a timeout', async () => {
    expect(shape(await rejection(call('/404')))).toEqual(expected('client', 404, false));
    expect(shape(await rejection(call('/408')))).toEqual(expected('timeout', 408, true));
  });

  it('an unreadable 2xx is invalid_response and not retryable', async () => {
    expect(shape(await rejection(call('/bad-json')))).toEqual(expected('invalid_response', 200, false));
    const wrong = await rejection(call('/bad-shape'));
    expect(shape(wrong)).toEqual(expected('invalid_response', 200, false));
    expect(wrong.message).toContain('id:');
  });

  it('no answer in time is a timeout; a refused connection or a dropped body is transport; both retryable', async () => {
    const slow = await rejection(call('/hang', 150));
    expect(shape(slow)).toEqual(expected('timeout', null, true));
    expect(slow.message).toBe('GET /hang got no complete answer within 150 ms');
    const refused = await rejection(call('/x', 2_000, `http://127.0.0.1:${await freePort()}/x`));
    expect(shape(refused)).toEqual(expected('transport', null, true));
    expect(refused.message).toContain('GET /x failed before an answer');
    const dropped = await rejection(call('/reset'));
    expect(shape(dropped)).toEqual(expected('transport', null, true));
    expect(dropped.message).toContain('failed while reading the 200 answer');
  });

  it('failureOf reads a ProviderError, an AWS SDK error by its status, and nothing else', () => {
    expect(failureOf(new ProviderError('x', { provider: 't', kind: 'rate_limited', status: 429, retryAfterSeconds: 3 }))).toEqual(expected('rate_limited', 429, true, 3));
    expect(failureOf(Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))).toEqual(expected('client', 403, false));
    expect(failureOf(Object.assign(new Error('slow'), { name: 'TimeoutError', $metadata: {} }))).toEqual(expected('timeout', null, true));
    expect(failureOf(new TypeError('a bug'))).toBeNull();
  });

  it('parseRetryAfter takes seconds and HTTP dates and refuses junk', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(' 12 ', now)).toBe(12);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:09 GMT', now)).toBe(9);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('postWebhook', () => {
  let receiver: SimServer;
  let answers: number[] = [];
  const seen: { body: string; signature: string | undefined }[] = [];
  beforeAll(async () => {
    receiver = await startSimServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-signature'] as string | undefined });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
  });
  afterAll(() => receiver.close());

  const post = (retries: number, signal?: AbortSignal) =>
    postWebhook({ url: receiver.origin, body: '{"n":1}', headers: { 'Content-Type': 'application/json', 'X-Signature': 'sig' }, timeoutMs: 2_000, retry: { retries, baseDelayMs: 10, maxDelayMs: 40 }, signal });

  it('retries a 5xx and a 4xx with the same bytes and signature until a 2xx', async () => {
    answers = [503, 401];
    seen.length = 0;
    expect(await post(3)).toEqual({ status: 200, attempts: 3 });
    expect(seen).toEqual(Array(3).fill({ body: '{"n":1}', signature: 'sig' }));
  });

  it('gives up after the policy\'s retries with the last answer, and an unreachable receiver is status null', async () => {
    answers = [500, 500, 502];
    expect(await post(2)).toEqual({ status: 502, attempts: 3 });
    const down = await postWebhook({ url: `http://127.0.0.1:${await freePort()}/`, body: '{}', headers: {}, timeoutMs: 500, retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 5 } });
    expect(down).toMatchObject({ status: null, attempts: 2 });
    expect(down.error).toBeTruthy();
  });

  it('without a policy posts once; an abort stops the waiting between attempts', async () => {
    answers = [500];
    expect(await postWebhook({ url: receiver.origin, body: '{}', headers: {}, timeoutMs: 2_000 })).toEqual({ status: 500, attempts: 1 });
    answers = [500, 500, 500];
    const stop = new AbortController();
    const started = Date.now();
    const pending = postWebhook({ url: receiver.origin, body: '{}', headers: {}, timeoutMs: 2_000, retry: { retries: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 }, signal: stop.signal });
    setTimeout(() => stop.abort(), 100);
    expect(await pending).toEqual({ status: 500, attempts: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    answers = [];
  });

  it('the delay doubles from the base up to the cap', () => {
    const policy = { retries: 9, baseDelayMs: 100, maxDelayMs: 500 };
    expect([1, 2, 3, 4, 5].map((r) => retryDelayMs(policy, r))).toEqual([100, 200, 400, 500, 500]);
  });
});

describe('startSimServer', () => {
  it('close() ends an idle keep-alive connection at once and can be called twice', async () => {
    const sim = await startSimServer((_req, res) => res.writeHead(200).end('hi'));
    const socket = connect(sim.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const closedSocket = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const started = Date.now();
    await sim.close();
    await sim.close();
    await closedSocket;
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('readSimEnv', () => {
  const schema = z.object({ SIM_PORT: simPort(4050), SIM_NAME: z.string().min(3) });

  it('applies defaults and coerces, or lists every bad variable by name', () => {
    expect(readSimEnv(schema, { SIM_NAME: 'abc' })).toEqual({ ok: true, env: { SIM_PORT: 4050, SIM_NAME: 'abc' } });
    expect(readSimEnv(schema, { SIM_PORT: '8080', SIM_NAME: 'abc' })).toEqual({ ok: true, env: { SIM_PORT: 8080, SIM_NAME: 'abc' } });
    const bad = readSimEnv(schema, { SIM_PORT: '70000', SIM_NAME: 'x' });
    expect(bad.ok).toBe(false);
    const message = (bad as { message: string }).message;
    expect(message).toMatch(/^Invalid environment:\n {2}SIM_PORT: /);
    expect(message).toContain('\n  SIM_NAME: ');
  });
});
