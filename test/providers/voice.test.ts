// The real voice-AI client against the voice simulator over HTTP: an outbound call is followed by
// its signed post-call webhook at a local receiver (verified, parsed), duplicates, initiation
// failures, held and re-delivered webhooks with bad signatures or old timestamps, and
// getConversation; plus the signature rules on their own.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkVoiceSignature,
  createVoice,
  createVoiceClient,
  failureOutcome,
  parseVoiceWebhook,
  readVoiceWebhook,
  signVoiceWebhook,
  verifyVoiceWebhook,
  VOICE_SIGNATURE_HEADER,
  VoiceError,
  type VoiceProvider,
} from '../../providers/voice/index.js';
import { startVoiceSimulator, type VoiceSimulator } from '../../providers/voice/simulator.js';
import { startTestStack, TEST_VOICE, type TestStack } from '../support/stack.js';

const API_KEY = 'sim-voice-api-key-0123456789';
const SECRET = 'sim-voice-webhook-secret-9876';
const AGENT = { agentId: 'agent_interviewer', agentPhoneNumberId: 'phnum_0001' };
const VARS = { job_application_id: 'app-123', first_name: 'Asha', job_title: 'Data Analyst', company_name: 'Acme' };

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

let sim: VoiceSimulator;
let voice: VoiceProvider;
let receiverUrl: string;
let closeReceiver: () => Promise<void>;
const received: Received[] = [];

beforeAll(async () => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/voice`;
  closeReceiver = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  sim = await startVoiceSimulator({ apiKey: API_KEY, webhookSecret: SECRET, webhookUrl: receiverUrl, callDelayMs: 60, agentIds: [AGENT.agentId] });
  voice = createVoice({ mode: 'sim', baseUrl: sim.baseUrl, apiKey: API_KEY, timeoutMs: 5_000 });
});

afterAll(async () => {
  await sim.close();
  await closeReceiver();
});

beforeEach(() => {
  sim.reset();
  received.length = 0;
});

const now = () => Math.floor(Date.now() / 1000);
const call = (toNumber = '+919876543210', vars: Record<string, string> = VARS) => voice.startOutboundCall({ ...AGENT, toNumber, dynamicVariables: vars });

async function caught(p: Promise<unknown>): Promise<VoiceError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VoiceError);
  return err as VoiceError;
}

describe('an outbound call', () => {
  it('answers a conversation id at once, then the signed transcript webhook arrives, verifies and parses', async () => {
    const { conversationId, callSid } = await call();
    expect(conversationId).toMatch(/^conv_/);
    expect(callSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(sim.call(conversationId)).toMatchObject({ toNumber: '+919876543210', agentId: AGENT.agentId, dynamicVariables: VARS });
    await sim.settled();
    expect(received).toHaveLength(1);
    const [hook] = received;
    const header = hook!.headers[VOICE_SIGNATURE_HEADER.toLowerCase()] as string;
    expect(header).toMatch(/^t=\d+,v0=[0-9a-f]{64}$/);
    expect(verifyVoiceWebhook(SECRET, header, hook!.raw, now())).toBe(true);
    expect(verifyVoiceWebhook('another-secret', header, hook!.raw, now())).toBe(false);

    const read = readVoiceWebhook(SECRET, header, hook!.raw, now());
    expect(read.kind).toBe('event');
    if (read.kind !== 'event' || read.event.type !== 'post_call_transcription') throw new Error('expected a transcription');
    const c = read.event.conversation;
    expect(c).toMatchObject({ conversationId, agentId: AGENT.agentId, status: 'done', callSuccessful: 'success', dynamicVariables: VARS });
    expect(c.transcript.length).toBeGreaterThanOrEqual(6);
    expect(c.transcript[0]).toMatchObject({ role: 'agent', timeInCallSecs: 0, message: expect.stringContaining('Asha') });
    expect(c.transcript[0]!.message).toContain('Data Analyst');
    expect(c.transcript.map((t) => t.role)).toContain('user');
    const times = c.transcript.map((t) => t.timeInCallSecs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(c.callDurationSecs).toBeGreaterThan(times.at(-1)!);
    expect(c.summary).toContain('Asha');
    expect(read.event.eventTimestamp).toBeGreaterThan(now() - 60);
  });

  it('gives the same interview for the same variables and another for other ones', async () => {
    const a = await call('+919800000001');
    const b = await call('+919800000002');
    const c = await call('+919800000003', { ...VARS, first_name: 'Ravi' });
    await sim.settled();
    const text = (id: string) => sim.call(id).transcript.map((t) => t.message).join('\n');
    expect(text(b.conversationId)).toBe(text(a.conversationId));
    expect(text(c.conversationId)).not.toBe(text(a.conversationId));
  });

  it('getConversation returns the stored conversation: in progress, then done with the transcript', async () => {
    sim.queueOutcome({ callDelayMs: 400 });
    const { conversationId } = await call();
    const during = await voice.getConversation(conversationId);
    expect(['initiated', 'in-progress']).toContain(during.status);
    expect(during.transcript).toEqual([]);
    await sim.settled();
    const done = await voice.getConversation(conversationId);
    expect(done).toMatchObject({ conversationId, status: 'done', callSuccessful: 'success', dynamicVariables: VARS });
    expect(done.transcript).toEqual(sim.call(conversationId).transcript.map((t) => ({ role: t.role, message: t.message, timeInCallSecs: t.time_in_call_secs })));
  });

  it('duplicate: true posts the same webhook twice, byte for byte', async () => {
    sim.queueOutcome({ duplicate: true });
    await call();
    await sim.settled();
    expect(received).toHaveLength(2);
    expect(received[1]!.raw).toBe(received[0]!.raw);
    expect(received[1]!.headers[VOICE_SIGNATURE_HEADER.toLowerCase()]).toBe(received[0]!.headers[VOICE_SIGNATURE_HEADER.toLowerCase()]);
  });

  it.each([
    ['no_answer', 'no-answer'],
    ['busy', 'busy'],
    ['failed', 'failed'],
  ] as const)('%s ends in a signed call_initiation_failure (failure_reason %s)', async (outcome, reason) => {
    sim.queueOutcome({ outcome });
    const { conversationId } = await call();
    await sim.settled();
    expect(received).toHaveLength(1);
    const read = readVoiceWebhook(SECRET, received[0]!.headers[VOICE_SIGNATURE_HEADER.toLowerCase()] as string, received[0]!.raw, now());
    expect(read).toMatchObject({ kind: 'event', event: { type: 'call_initiation_failure', conversationId, agentId: AGENT.agentId, failureReason: reason, dynamicVariables: VARS } });
    expect(failureOutcome(reason)).toBe(outcome);
    expect((await voice.getConversation(conversationId)).status).toBe('failed');
  });

  it('an outcome queued for a number is taken only by a call to that number', async () => {
    sim.queueOutcome({ outcome: 'busy', toNumber: '+919800000009' });
    const other = await call('+919800000001');
    const target = await call('+919800000009');
    await sim.settled();
    expect(sim.call(other.conversationId).outcome).toBe('completed');
    expect(sim.call(target.conversationId).outcome).toBe('busy');
  });
});

describe('held and re-delivered webhooks', () => {
  it('deliver: false holds it; deliver() sends it; a bad signature and an old timestamp are refused by verify', async () => {
    sim.queueOutcome({ deliver: false });
    const { conversationId } = await call();
    await sim.settled();
    expect(received).toHaveLength(0);
    expect(sim.call(conversationId).webhook?.type).toBe('post_call_transcription');

    const [good] = await sim.deliver(conversationId);
    expect(good).toMatchObject({ conversationId, status: 200, attempts: 1, type: 'post_call_transcription' });
    const res = await fetch(`${sim.origin}/_sim/conversations/${conversationId}/deliver`, { method: 'POST', body: JSON.stringify({ badSignature: true }) });
    expect(res.status).toBe(200);
    await sim.deliver(conversationId, { timestampOffsetSeconds: -31 * 60 });
    expect(received).toHaveLength(3);
    const header = (i: number) => received[i]!.headers[VOICE_SIGNATURE_HEADER.toLowerCase()] as string;
    expect(received.every((r) => r.raw === received[0]!.raw)).toBe(true);
    expect(checkVoiceSignature(SECRET, header(0), received[0]!.raw, now())).toMatchObject({ ok: true });
    expect(checkVoiceSignature(SECRET, header(1), received[1]!.raw, now())).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkVoiceSignature(SECRET, header(2), received[2]!.raw, now())).toEqual({ ok: false, reason: 'expired' });
    expect(readVoiceWebhook(SECRET, header(2), received[2]!.raw, now())).toEqual({ kind: 'bad_signature', reason: 'expired' });
  });

  it('the control API lists calls and queues outcomes over HTTP, and DELETE resets', async () => {
    expect((await fetch(`${sim.origin}/_sim/outcomes`, { method: 'POST', body: JSON.stringify({ outcomes: [{ outcome: 'busy' }] }) })).status).toBe(201);
    const { conversationId } = await call();
    await sim.settled();
    const listed = (await (await fetch(`${sim.origin}/_sim/calls`)).json()) as { calls: { conversationId: string; outcome: string }[] };
    expect(listed.calls).toEqual([expect.objectContaining({ conversationId, outcome: 'busy' })]);
    expect((await fetch(`${sim.origin}/_sim/outcomes`, { method: 'POST', body: JSON.stringify({ outcome: 'maybe' }) })).status).toBe(400);
    expect((await fetch(`${sim.origin}/_sim/`, { method: 'DELETE' })).status).toBe(204);
    expect(sim.calls()).toEqual([]);
    expect(await caught(voice.getConversation(conversationId))).toMatchObject({ kind: 'client', status: 404 });
  });
});

describe('client errors', () => {
  it('success:false is a non-retryable VoiceError', async () => {
    sim.queueOutcome({ outcome: 'refused' });
    expect(await caught(call())).toMatchObject({ kind: 'client', retryable: false, provider: 'voice' });
    expect(sim.calls()).toEqual([]);
  });

  it('a wrong key is a 401, an unknown agent a 404, both not retryable', async () => {
    const bad = createVoiceClient({ baseUrl: sim.baseUrl, apiKey: 'not-the-key' });
    const err = await caught(bad.startOutboundCall({ ...AGENT, toNumber: '+919876543210', dynamicVariables: {} }));
    expect(err).toMatchObject({ kind: 'client', status: 401, retryable: false });
    expect(err.message).toMatch(/invalid_api_key/);
    expect(await caught(voice.startOutboundCall({ ...AGENT, agentId: 'agent_unknown', toNumber: '+919876543210', dynamicVariables: {} }))).toMatchObject({ status: 404, retryable: false });
  });

  it('a number that is not E.164 is refused before anything is sent', async () => {
    expect(await caught(call('9876543210'))).toMatchObject({ kind: 'invalid_request', status: null, retryable: false });
    expect(sim.calls()).toEqual([]);
  });

  it('the outbound path is configurable, on both sides', async () => {
    const custom = await startVoiceSimulator({ apiKey: API_KEY, webhookSecret: SECRET, outboundCallPath: '/v1/convai/sip-trunk/outbound-call' });
    try {
      const viaDefault = createVoiceClient({ baseUrl: custom.baseUrl, apiKey: API_KEY });
      expect(await caught(viaDefault.startOutboundCall({ ...AGENT, toNumber: '+919876543210', dynamicVariables: {} }))).toMatchObject({ status: 404 });
      const client = createVoice({ mode: 'sim', baseUrl: custom.baseUrl, apiKey: API_KEY, outboundCallPath: '/v1/convai/sip-trunk/outbound-call' });
      expect((await client.startOutboundCall({ ...AGENT, toNumber: '+919876543210', dynamicVariables: {} })).conversationId).toMatch(/^conv_/);
    } finally {
      await custom.close();
    }
  });

  it('no server is a retryable transport error; off refuses every call, not retryable', async () => {
    const dead = createVoiceClient({ baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY, timeoutMs: 1_000 });
    expect(await caught(dead.getConversation('conv_x'))).toMatchObject({ kind: 'transport', retryable: true });
    const off = createVoice({ mode: 'off', apiKey: '' });
    expect(await caught(off.startOutboundCall({ ...AGENT, toNumber: '+919876543210', dynamicVariables: {} }))).toMatchObject({ retryable: false });
    expect(await caught(off.getConversation('conv_x'))).toMatchObject({ retryable: false });
    expect(() => createVoice({ mode: 'sim', apiKey: API_KEY })).toThrow(/baseUrl/);
    expect(() => createVoice({ mode: 'sim', baseUrl: 'https://api.elevenlabs.io', apiKey: API_KEY })).toThrow(/live ElevenLabs/);
    expect(() => createVoice({ mode: 'live', baseUrl: sim.baseUrl, apiKey: API_KEY })).toThrow(/https/);
  });
});

describe('signatures and parsing on their own', () => {
  const body = JSON.stringify({ type: 'post_call_audio', event_timestamp: 1_800_000_000, data: { agent_id: 'a', conversation_id: 'conv_1', full_audio: 'SUQzBAAAAAAA' } });
  const t = 1_800_000_000;

  it('accepts within 30 minutes back and 5 ahead, with extra parts; refuses outside, tampered or malformed', () => {
    const header = signVoiceWebhook(SECRET, body, t);
    expect(verifyVoiceWebhook(SECRET, header, body, t + 29 * 60)).toBe(true);
    expect(verifyVoiceWebhook(SECRET, `${header},v1=abc,extra`, body, t)).toBe(true);
    expect(verifyVoiceWebhook(SECRET, `v0=${'0'.repeat(64)},${header}`, body, t)).toBe(true);
    expect(checkVoiceSignature(SECRET, header, body, t + 31 * 60)).toEqual({ ok: false, reason: 'expired' });
    expect(checkVoiceSignature(SECRET, header, body, t - 6 * 60)).toEqual({ ok: false, reason: 'future' });
    expect(checkVoiceSignature(SECRET, header, `${body} `, t)).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkVoiceSignature(SECRET, 't=abc,v0=zz', body, t)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkVoiceSignature(SECRET, undefined, body, t)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyVoiceWebhook(SECRET, header.replace(/v0=./, 'v0=g'), body, t)).toBe(false);
  });

  it('parses post_call_audio, ignores unknown types, and calls a broken body malformed', () => {
    expect(parseVoiceWebhook(Buffer.from(body))).toEqual({ kind: 'event', event: { type: 'post_call_audio', eventTimestamp: t, conversationId: 'conv_1', agentId: 'a', audioBase64: 'SUQzBAAAAAAA' } });
    expect(parseVoiceWebhook(JSON.stringify({ type: 'agent_updated', event_timestamp: t, data: {} }))).toEqual({ kind: 'ignored', type: 'agent_updated' });
    expect(parseVoiceWebhook('{"type":')).toMatchObject({ kind: 'malformed' });
    expect(parseVoiceWebhook(JSON.stringify({ type: 'post_call_transcription', event_timestamp: t, data: { conversation_id: 'c' } }))).toMatchObject({ kind: 'malformed', detail: expect.stringContaining('agent_id') });
  });
});

describe('the test stack', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('wires the real LLM and voice clients to its own simulators, and voice webhooks to its api', async () => {
    stack.llmSim.script({ schemaName: 'wiring_check', content: { ok: true } });
    const answer = await stack.deps.llm.completeJson({ system: 's', user: 'u', schemaName: 'wiring_check', schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false } });
    expect(answer.content).toBe('{"ok":true}');
    expect(stack.deps.config.llm.model).toBe(stack.deps.llm.defaultModel);

    const { conversationId } = await stack.deps.voice.startOutboundCall({ agentId: stack.deps.config.voice.agentId, agentPhoneNumberId: stack.deps.config.voice.agentPhoneNumberId, toNumber: '+919876543210', dynamicVariables: { first_name: 'Asha' } });
    expect(stack.voiceSim.call(conversationId).agentId).toBe(TEST_VOICE.agentId);
    await stack.voiceSim.settled();
    expect(stack.voiceSim.deliveries()).toEqual([expect.objectContaining({ conversationId, url: `${stack.apiUrl}/api/webhooks/voice`, attempts: 1 })]);
    expect(stack.deps.config.voice.webhookSecret).toBe(TEST_VOICE.webhookSecret);
  });
});
