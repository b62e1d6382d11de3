// Google Calendar for bookings, against the Google simulator: connect (authorize → callback →
// tokens sealed), bad state, BOLA, a booking's event with its Meet link, cancellation removing it,
// a revoked grant marking the connection broken (the booking still confirmed), one event per slot.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { devAesKey } from '../../infra/credentials-cipher.js';
import { DEV_LLM_KEYS_KEK_ID, DEV_LLM_KEYS_KEK_PHRASE } from '../../infra/kek-keyring.js';
import { accessTokenFor, startGoogleConnect } from '../../services/calendar/google-connection.js';
import { resealGoogleTokens } from '../../services/calendar/google-tokens-reseal.js';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { slotEventId } from '../../services/calendar/slot-calendar.js';
import { googleTokenContext } from '../../services/calendar/google-connection.js';
import { syncSlotCalendar } from '../../services/calendar/slot-calendar.starter.js';
import { llmKeyring } from '../../services/ai/llm-keys.js';
import { createActivities } from '../../activities/index.js';
import { bearerHeader, createMentor, createOpenSlot, createStudent, createUser, json } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const call = (method: string, path: string, token?: string, body?: unknown) => stack.app.request(json(method, path, body, token ? bearerHeader(token) : {}));

/** The browser's trip: our connect → Google's consent (the sim redirects at once) → our callback. */
async function consent(token: string, email: string, extra = ''): Promise<URL> {
  const res = await call('POST', '/api/me/google/connect', token);
  expect(res.status).toBe(200);
  const { authorizeUrl } = (await res.json()) as { authorizeUrl: string };
  const google = await fetch(`${authorizeUrl}&login_hint=${encodeURIComponent(email)}${extra}`, { redirect: 'manual' });
  expect(google.status).toBe(302);
  return new URL(google.headers.get('location')!);
}
async function connect(u: { accessToken: string; email: string }) {
  const back = await consent(u.accessToken, u.email);
  const res = await stack.app.request(`http://test/api/google/oauth/callback${back.search}`);
  expect(res.status).toBe(200);
  return back;
}
const book = (slotId: string, token: string) => call('POST', `/api/slots/${slotId}/book`, token);
const result = (slotId: string) => stack.temporal.workflow.getHandle(workflowIds.slotCalendar(slotId)).result();
async function record(slotId: string, file: string) {
  if (process.env.RECORD_HISTORIES === '1') writeFileSync(`test/replay/histories/${file}`, historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.slotCalendar(slotId)).fetchHistory()));
}

describe('Google connect', () => {
  it('authorize → callback seals the tokens (no plaintext in the row); the status shows connected', async () => {
    const u = await createUser(stack, 'EXPERT');
    const res = await call('POST', '/api/me/google/connect', u.accessToken);
    const { authorizeUrl } = (await res.json()) as { authorizeUrl: string };
    const q = new URL(authorizeUrl).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({ response_type: 'code', access_type: 'offline', prompt: 'consent', code_challenge_method: 'S256', scope: 'https://www.googleapis.com/auth/calendar.events' });
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The state is stored only as its hash.
    const stored = await stack.db.googleOAuthState.findMany({ where: { userId: u.user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.stateHash).not.toBe(q.get('state'));

    const back = await connect(u);
    const row = await stack.db.googleAuthToken.findUniqueOrThrow({ where: { userId: u.user.id } });
    const raw = JSON.stringify(row);
    expect(raw).not.toMatch(/ya29\.|1\/\//);
    const ring = llmKeyring({});
    expect(ring.open({ ciphertext: row.accessTokenCiphertext, iv: row.iv, authTag: row.accessTokenAuthTag! }, row.keyId, googleTokenContext(u.user.id, 'access'))).toMatch(/^ya29\.sim-/);
    expect(ring.open({ ciphertext: row.refreshTokenCiphertext!, iv: row.refreshTokenIv!, authTag: row.refreshTokenAuthTag! }, row.keyId, googleTokenContext(u.user.id, 'refresh'))).toMatch(/^1\/\/sim-/);
    expect(row.iv).not.toBe(row.refreshTokenIv);
    // Sealed to this user: another user's context does not open it.
    expect(() => ring.open({ ciphertext: row.accessTokenCiphertext, iv: row.iv, authTag: row.accessTokenAuthTag! }, row.keyId, googleTokenContext('someone-else', 'access'))).toThrow();

    const status = (await (await call('GET', '/api/me/google', u.accessToken)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ connected: true, broken: false, scope: 'https://www.googleapis.com/auth/calendar.events', calendarId: 'primary' });
    expect(JSON.stringify(status)).not.toMatch(/sim-/);

    // Single use: the same callback again is refused.
    const again = await stack.app.request(`http://test/api/google/oauth/callback${back.search}`);
    expect(again.status).toBe(400);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('the KEK reseal pass moves both tokens to the active KEK, idempotently; they still work', async () => {
    const u = await createUser(stack, 'EXPERT');
    await connect(u);
    const kekB = { id: `g-b-${randomBytes(3).toString('hex')}`, key: randomBytes(32).toString('hex') };
    const rotated = { keks: `${DEV_LLM_KEYS_KEK_ID}:${devAesKey(DEV_LLM_KEYS_KEK_PHRASE).toString('hex')},${kekB.id}:${kekB.key}`, activeKekId: kekB.id };
    const deps = { db: stack.db, logger: stack.deps.logger, llmKeys: rotated };
    expect(await resealGoogleTokens(deps, { userId: u.user.id })).toMatchObject({ activeKekId: kekB.id, scanned: 1, resealed: 1, failed: [] });
    expect(await resealGoogleTokens(deps, { userId: u.user.id })).toMatchObject({ scanned: 0, resealed: 0 });
    expect((await stack.db.googleAuthToken.findUniqueOrThrow({ where: { userId: u.user.id } })).keyId).toBe(kekB.id);
    const onlyB = { db: stack.db, logger: stack.deps.logger, google: stack.deps.google, llmKeys: { keks: `${kekB.id}:${kekB.key}` } };
    expect(await accessTokenFor(onlyB, u.user.id)).toMatchObject({ status: 'ok' });
    expect(await accessTokenFor(onlyB, u.user.id, { forceRefresh: true })).toMatchObject({ status: 'ok' });
  });

  it('bad state, no state, or a refused consent: 400 / 400 / 422 problem+json, nothing stored', async () => {
    const u = await createUser(stack, 'USER');
    const back = await consent(u.accessToken, u.email);
    const forged = new URLSearchParams(back.search);
    forged.set('state', 'not-the-state');
    const bad = await stack.app.request(`http://test/api/google/oauth/callback?${forged}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await stack.app.request(`http://test/api/google/oauth/callback?code=abc`)).status).toBe(400);
    expect((await stack.app.request(`http://test/api/google/oauth/callback?state=${'x'.repeat(300)}&code=abc`)).status).toBe(400);

    const denied = await consent(u.accessToken, u.email, '&sim_deny=1');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect((await stack.app.request(`http://test/api/google/oauth/callback${denied.search}`)).status).toBe(422);
    expect(await stack.db.googleAuthToken.findUnique({ where: { userId: u.user.id } })).toBeNull();
  });

  it('two callbacks racing with the same state: one connects, the other is 400', async () => {
    const u = await createUser(stack, 'USER');
    const back = await consent(u.accessToken, u.email);
    const answers = await Promise.all([0, 1].map(() => stack.app.request(`http://test/api/google/oauth/callback${back.search}`)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('a code sent with another connect request’s state (a swapped verifier) is refused', async () => {
    const u = await createUser(stack, 'USER');
    const first = await consent(u.accessToken, u.email);
    const second = await consent(u.accessToken, u.email);
    const mixed = new URLSearchParams({ code: first.searchParams.get('code')!, state: second.searchParams.get('state')! });
    expect((await stack.app.request(`http://test/api/google/oauth/callback?${mixed}`)).status).toBe(400);
    expect(await stack.db.googleAuthToken.findUnique({ where: { userId: u.user.id } })).toBeNull();
  });

  it('BOLA: each user sees and disconnects only their own connection; unauthenticated is 401', async () => {
    const a = await createUser(stack, 'EXPERT');
    const b = await createUser(stack, 'USER');
    await connect(a);
    expect(await (await call('GET', '/api/me/google', b.accessToken)).json()).toMatchObject({ connected: false });
    expect(await (await call('DELETE', '/api/me/google', b.accessToken)).json()).toEqual({ disconnected: false });
    expect(await (await call('GET', '/api/me/google', a.accessToken)).json()).toMatchObject({ connected: true });
    expect((await call('GET', '/api/me/google')).status).toBe(401);
    expect((await call('POST', '/api/me/google/connect')).status).toBe(401);
    expect(await (await call('DELETE', '/api/me/google', a.accessToken)).json()).toEqual({ disconnected: true });
    expect(await (await call('GET', '/api/me/google', a.accessToken)).json()).toMatchObject({ connected: false });
  });
});

describe('booking → calendar event', () => {
  it('a booking makes one event on the mentor’s calendar with a Meet link; the cancellation deletes it', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack);
    await connect(m);
    const slot = await createOpenSlot(stack, m.user.id);
    expect((await book(slot.id, s.accessToken)).status).toBe(200);
    expect(await result(slot.id)).toMatchObject({ outcome: 'created', eventId: slotEventId(slot.id) });
    const [event, ...more] = stack.googleSim.events({ owner: m.email });
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ id: slotEventId(slot.id), status: 'confirmed', requestId: `mas-slot-${slot.id}`, sendUpdates: 'all' });
    expect(event!.attendees.map((a) => a.email).sort()).toEqual([m.email, s.email].sort());
    expect(event!.start.dateTime).toBe(slot.startDateTime.toISOString());
    const stored = await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    expect(stored).toMatchObject({ calendarEventId: event!.id, calendarEventLink: event!.htmlLink, meetingLink: event!.hangoutLink });
    await record(slot.id, 'slot-calendar.json');

    const cancel = await call('POST', `/api/slots/${slot.id}/cancel`, m.accessToken, { reason: 'sick' });
    expect(cancel.status).toBe(200);
    await until(() => Promise.resolve(stack.googleSim.events({ owner: m.email })[0]!.status), (st) => st === 'cancelled');
    await until(() => stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } }), (r) => r.calendarEventId === null);
    expect(await result(slot.id)).toMatchObject({ outcome: 'deleted', eventId: null });
    await record(slot.id, 'slot-calendar-delete.json');
    // A second delete (a retried activity) answers 410 from Google: done.
    const acts = createActivities({ ...workerDeps(), google: stack.deps.google });
    await stack.db.slot.update({ where: { id: slot.id }, data: { calendarEventId: event!.id } });
    expect(await acts.reconcileSlotCalendar({ slotId: slot.id })).toEqual({ outcome: 'already-gone', eventId: null });
  });

  it('duplicate starts and a lost insert answer still make one event', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack);
    await connect(m);
    const slot = await createOpenSlot(stack, m.user.id);
    await stack.db.slot.update({ where: { id: slot.id }, data: { status: 'CONFIRMED', studentId: s.user.id } });
    // The insert went through but its answer was lost: the event is there, the slot does not know.
    const acts = createActivities({ ...workerDeps(), google: stack.deps.google });
    const slotView = { id: slot.id, startDateTime: slot.startDateTime.toISOString() };
    await Promise.all([syncSlotCalendar(stack.deps, slotView, 'booked'), syncSlotCalendar(stack.deps, slotView, 'booked'), acts.reconcileSlotCalendar({ slotId: slot.id })]);
    await result(slot.id);
    await record(slot.id, 'slot-calendar-resync.json');
    await stack.db.slot.update({ where: { id: slot.id }, data: { calendarEventId: null } });
    expect(await acts.reconcileSlotCalendar({ slotId: slot.id })).toMatchObject({ outcome: 'created', eventId: slotEventId(slot.id) });
    expect(stack.googleSim.events({ owner: m.email })).toHaveLength(1);
  });

  it('Google 429/500 on the insert is retried by the workflow: one event', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack);
    await connect(m);
    const slot = await createOpenSlot(stack, m.user.id);
    stack.googleSim.failNext(2, 429);
    expect((await book(slot.id, s.accessToken)).status).toBe(200);
    expect(await result(slot.id)).toMatchObject({ outcome: 'created' });
    expect(stack.googleSim.events({ owner: m.email })).toHaveLength(1);
    await record(slot.id, 'slot-calendar-retried.json');
  });

  it('a revoked grant: the refresh answers invalid_grant, the connection is marked broken and the mentor notified; the booking stands', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack);
    await connect(m);
    expect(stack.googleSim.revoke(m.email)).toBe(1);
    const slot = await createOpenSlot(stack, m.user.id);
    expect((await book(slot.id, s.accessToken)).status).toBe(200);
    expect(await result(slot.id)).toMatchObject({ outcome: 'skipped-broken' });
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('CONFIRMED');
    expect(stack.googleSim.events({ owner: m.email })).toHaveLength(0);
    expect(await (await call('GET', '/api/me/google', m.accessToken)).json()).toMatchObject({ connected: true, broken: true });
    const notes = await stack.db.notification.findMany({ where: { userId: m.user.id } });
    expect(notes.filter((n) => n.title === 'Google Calendar disconnected')).toHaveLength(1);

    // A second booking while broken: skipped, no second notification. Connecting again clears it.
    const next = await createOpenSlot(stack, m.user.id, { inHours: 72 });
    expect((await book(next.id, s.accessToken)).status).toBe(200);
    expect(await result(next.id)).toMatchObject({ outcome: 'skipped-broken' });
    expect(await stack.db.notification.count({ where: { userId: m.user.id, title: 'Google Calendar disconnected' } })).toBe(1);
    await connect(m);
    expect(await (await call('GET', '/api/me/google', m.accessToken)).json()).toMatchObject({ connected: true, broken: false });
  });

  it('an expired access token is refreshed (sealed back), then the event is made', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack);
    await connect(m);
    const before = await stack.db.googleAuthToken.findUniqueOrThrow({ where: { userId: m.user.id } });
    await stack.db.googleAuthToken.update({ where: { userId: m.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refreshes = stack.googleSim.tokenRequests().refresh_token;
    const slot = await createOpenSlot(stack, m.user.id);
    expect((await book(slot.id, s.accessToken)).status).toBe(200);
    expect(await result(slot.id)).toMatchObject({ outcome: 'created' });
    expect(stack.googleSim.tokenRequests().refresh_token).toBe(refreshes + 1);
    const after = await stack.db.googleAuthToken.findUniqueOrThrow({ where: { userId: m.user.id } });
    expect(after.accessTokenCiphertext).not.toBe(before.accessTokenCiphertext);
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('Google off (GOOGLE_MODE=off): connect is 503, bookings start no calendar run', async () => {
    const u = await createUser(stack, 'EXPERT');
    await expect(startGoogleConnect({ db: stack.db, logger: stack.deps.logger }, u.user.id)).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect(await syncSlotCalendar({ ...stack.deps, google: undefined }, { id: crypto.randomUUID(), startDateTime: new Date().toISOString() }, 'booked')).toBeNull();
  });

  it('no Google connected: the booking is confirmed and the run skips', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack);
    const slot = await createOpenSlot(stack, m.user.id);
    expect((await book(slot.id, s.accessToken)).status).toBe(200);
    expect(await result(slot.id)).toMatchObject({ outcome: 'skipped-not-connected' });
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).meetingLink).toBeNull();
  });
});

function workerDeps() {
  const d = stack.deps;
  return { db: d.db, logger: d.logger, now: () => new Date(), temporal: d.temporal, taskQueue: stack.taskQueue, razorpay: d.razorpay, s3: d.s3, resumes: d.resumes, documents: d.documents, whatsapp: d.whatsapp, email: d.email, llm: d.llm, voice: d.voice, leegality: d.leegality, leegalityProfileId: 'x', voiceAgent: { agentId: 'a', agentPhoneNumberId: 'p' } };
}
