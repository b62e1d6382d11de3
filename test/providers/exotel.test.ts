// The real Exotel client against the simulator over HTTP: click-to-call, call details whose
// figures fill in after the end, SMS, typed errors (auth, 404, validation, 429, 5xx, garbage),
// and StatusCallback delivery (duplicates, out of order, late).
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExotel, createExotelClient, ExotelError, parseExotelTime, parseStatusCallback, type ExotelProvider, type ExotelStatusCallback } from '../../providers/exotel/index.js';
import { startExotelSimulator, type ExotelSimulator } from '../../providers/exotel/simulator.js';

const ACCOUNT = { accountSid: 'mas-provider-test', apiKey: 'exo-key-0123', apiToken: 'exo-token-4567' };
const CALLER_ID = '+918047112233';

async function listen(handler: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let sim: ExotelSimulator;
let exotel: ExotelProvider;
let receiver: Awaited<ReturnType<typeof listen>>;
const received: { contentType: string | undefined; raw: string }[] = [];

beforeAll(async () => {
  receiver = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ contentType: req.headers['content-type'], raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  sim = await startExotelSimulator({ ...ACCOUNT });
  exotel = createExotel({ mode: 'sim', baseUrl: sim.baseUrl, ...ACCOUNT, callerId: CALLER_ID, timeoutMs: 5_000 });
});
afterAll(async () => {
  await sim?.close();
  await receiver?.close();
});

const connect = (over: Partial<Parameters<ExotelProvider['connectCall']>[0]> = {}) =>
  exotel.connectCall({ from: '+919800000001', to: '+919811111111', callerId: CALLER_ID, statusCallback: `${receiver.url}/cb/secret`, customField: 'lead-1', record: true, ...over });

async function rejection(promise: Promise<unknown>): Promise<ExotelError> {
  const err = await promise.then(
    () => expect.unreachable('expected an ExotelError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExotelError);
  return err as ExotelError;
}

const callbacksFor = (sid: string) => received.map((r) => JSON.parse(r.raw) as Record<string, unknown>).filter((b) => b.CallSid === sid);

describe('click-to-call', () => {
  it('connects with the agent dialled first and the call in progress', async () => {
    const call = await connect();
    expect(call).toMatchObject({ from: '+919800000001', to: '+919811111111', status: 'in-progress', direction: 'outbound-api', duration: null, price: null, customField: 'lead-1' });
    expect(call.sid).toMatch(/^[0-9a-f]{32}$/);
    const seen = sim.call(call.sid);
    expect(seen).toMatchObject({ from: '+919800000001', to: '+919811111111', callerId: CALLER_ID, record: true, statusCallback: `${receiver.url}/cb/secret`, statusCallbackEvents: ['terminal', 'answered'] });
  });

  it('details show the end at once and the figures only once they fill in', async () => {
    const call = await connect();
    sim.complete(call.sid, { talkSeconds: 95, durationSeconds: 104, figuresDelayMs: 300 });
    const early = await exotel.getCall(call.sid);
    expect(early).toMatchObject({ status: 'completed', duration: null, price: null, recordingUrl: null, details: { conversationDuration: null, leg2Status: 'completed' } });
    await new Promise((r) => setTimeout(r, 350));
    const late = await exotel.getCall(call.sid);
    expect(late).toMatchObject({ status: 'completed', duration: 104, price: 1.2, details: { conversationDuration: 95, leg1Status: 'completed', leg2Status: 'completed' } });
    expect(late.details.legs).toEqual([
      { id: 1, onCallDuration: 104, status: 'completed' },
      { id: 2, onCallDuration: 95, status: 'completed' },
    ]);
    expect(late.recordingUrl).toBe(`${sim.origin}/_sim/recordings/${call.sid}.mp3`);
    expect((await fetch(late.recordingUrl!)).headers.get('content-type')).toBe('audio/mpeg');
    const ended = parseExotelTime(late.endTime)!;
    expect(Math.abs(ended.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('a busy customer leg ends the call busy with no talk time', async () => {
    const call = await connect({ record: false });
    sim.end(call.sid, 'busy');
    expect(await exotel.getCall(call.sid)).toMatchObject({ status: 'busy', details: { conversationDuration: 0, leg2Status: 'busy' }, recordingUrl: null });
  });
});

describe('StatusCallback delivery', () => {
  it('posts JSON to the URL given at connect: answered, then terminal; duplicates and reversed on request', async () => {
    const call = await connect();
    sim.answer(call.sid);
    sim.complete(call.sid, { talkSeconds: 40 });
    const first = await sim.deliverCallbacks({ callSid: call.sid });
    expect(first.map((d) => [d.event, d.status])).toEqual([
      ['answered', 200],
      ['terminal', 200],
    ]);
    await sim.deliverCallbacks({ callSid: call.sid, outOfOrder: true, duplicates: 2 });
    const bodies = callbacksFor(call.sid);
    expect(bodies.map((b) => b.EventType)).toEqual(['answered', 'terminal', 'terminal', 'terminal', 'answered', 'answered']);
    expect(received.at(-1)!.contentType).toBe('application/json');
    const terminal = parseStatusCallback(JSON.stringify(bodies[1]), 'application/json');
    expect(terminal.ok).toBe(true);
    expect((terminal as { callback: ExotelStatusCallback }).callback).toMatchObject({ callSid: call.sid, status: 'completed', eventType: 'terminal', conversationDuration: 40, customField: 'lead-1' });
  });

  it('a late delivery waits; a doctored body is sent as asked', async () => {
    const call = await connect();
    sim.end(call.sid, 'no-answer');
    const started = Date.now();
    await sim.deliverCallbacks({ callSid: call.sid, delayMs: 150, override: { ConversationDuration: 999 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(callbacksFor(call.sid)).toEqual([expect.objectContaining({ EventType: 'terminal', Status: 'no-answer', ConversationDuration: 999 })]);
  });

  it('parses form-encoded callbacks and refuses what is not a callback', () => {
    const form = new URLSearchParams({ CallSid: 'abc123', Status: 'completed', EventType: 'terminal', ConversationDuration: '12' }).toString();
    expect(parseStatusCallback(form, 'application/x-www-form-urlencoded')).toMatchObject({ ok: true, callback: { callSid: 'abc123', conversationDuration: 12 } });
    expect(parseStatusCallback('{"CallSid":"x y","Status":"completed","EventType":"terminal"}', 'application/json').ok).toBe(false);
    expect(parseStatusCallback('{"CallSid":"abc","Status":"exploded","EventType":"terminal"}', 'application/json').ok).toBe(false);
    expect(parseStatusCallback('not json', 'application/json').ok).toBe(false);
  });
});

describe('SMS', () => {
  it('sends form-encoded with DLT ids and the configured sender by default', async () => {
    const sent = await exotel.sendSms({ to: '+919822222222', body: 'Your counselling call is at 5 pm', dltEntityId: '1101000000', dltTemplateId: '1107000000', customField: 'wf-1' });
    expect(sent.status).toBe('queued');
    expect(sim.sms().find((m) => m.sid === sent.sid)).toMatchObject({ from: CALLER_ID, to: '+919822222222', dltEntityId: '1101000000', dltTemplateId: '1107000000', customField: 'wf-1' });
  });

  it('a simulator that requires DLT refuses an SMS without it (400, not retryable)', async () => {
    const strict = await startExotelSimulator({ ...ACCOUNT, requireDlt: true });
    try {
      const client = createExotelClient({ baseUrl: strict.baseUrl, ...ACCOUNT, defaultSmsFrom: CALLER_ID });
      const err = await rejection(client.sendSms({ to: '+919822222222', body: 'hi' }));
      expect(err).toMatchObject({ status: 400, code: 'BAD_REQUEST', retryable: false });
      expect(err.message).toContain('DltEntityId');
    } finally {
      await strict.close();
    }
  });
});

describe('errors', () => {
  it('wrong credentials → 401, not retryable; an unknown Sid → 404', async () => {
    const bad = createExotelClient({ baseUrl: sim.baseUrl, ...ACCOUNT, apiToken: 'wrong' });
    expect(await rejection(bad.getCall('nope'))).toMatchObject({ status: 401, code: 'UNAUTHORIZED', retryable: false });
    const otherAccount = createExotelClient({ baseUrl: sim.baseUrl, ...ACCOUNT, accountSid: 'someone-else' });
    expect((await rejection(otherAccount.getCall('nope'))).status).toBe(401);
    const missing = await rejection(exotel.getCall('0123456789abcdef0123456789abcdef'));
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND', retryable: false });
    expect(missing.message).toContain('not found');
  });

  it('a bad parameter is Exotel 400; a too-long CustomField is refused before sending', async () => {
    expect(await rejection(connect({ to: 'not-a-number' }))).toMatchObject({ status: 400, retryable: false });
    expect(await rejection(connect({ customField: 'x'.repeat(129) }))).toMatchObject({ status: null, code: 'INVALID_REQUEST', retryable: false });
    expect(await rejection(connect({ timeLimitSeconds: 20_000 }))).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('a 429 is retried once after Retry-After; a second 429 surfaces as retryable with its Retry-After', async () => {
    sim.failNext(1, 429, 0);
    expect((await connect()).status).toBe('in-progress');
    sim.failNext(2, 429, 0);
    expect(await rejection(connect())).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 0 });
    sim.failNext(1, 429, 30);
    const long = await rejection(exotel.getCall('x'));
    expect(long).toMatchObject({ status: 429, retryAfterSeconds: 30 });
  });

  it('5xx and a dead server are retryable; a 200 that is not the documented shape is not', async () => {
    sim.failNext(1, 500);
    expect(await rejection(exotel.getCall('x'))).toMatchObject({ status: 500, code: 'SERVER_ERROR', retryable: true });
    const dead = createExotelClient({ baseUrl: 'http://127.0.0.1:9', ...ACCOUNT });
    expect(await rejection(dead.getCall('x'))).toMatchObject({ status: null, code: 'NETWORK_ERROR', retryable: true });
    const odd = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Call: { Sid: 'a', Status: 'teleported' } })));
    try {
      const client = createExotelClient({ baseUrl: odd.url, ...ACCOUNT });
      expect(await rejection(client.getCall('a'))).toMatchObject({ status: 200, code: 'INVALID_RESPONSE', retryable: false });
    } finally {
      await odd.close();
    }
  });

  it('live mode refuses development credentials and plain http', () => {
    expect(() => createExotel({ mode: 'live', ...ACCOUNT, apiKey: 'dev-exotel-api-key' })).toThrow(/development credentials/);
    expect(() => createExotel({ mode: 'live', baseUrl: 'http://api.exotel.com', ...ACCOUNT })).toThrow(/https/);
    expect(() => createExotel({ mode: 'sim', ...ACCOUNT })).toThrow(/simulator baseUrl/);
  });
});
