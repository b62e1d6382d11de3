// CRM click-to-call on the real stack: the real Exotel client against the simulator, the
// StatusCallback posted over HTTP into the api, exotel-call/<CallSid> re-fetching the call on
// the real Temporal dev server, and lead_call_logs in PostgreSQL.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { parseStatusCallback } from '../../providers/exotel/callbacks.js';
import { acceptExotelCallback } from '../../services/crm/exotel-callbacks.js';
import { callStateQuery } from '../../workflows/exotel-call/exotel-call.contract.js';
import type { ExotelCallOutcome } from '../../workflows/exotel-call/exotel-call.contract.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, TEST_EXOTEL, type TestStack } from '../support/stack.js';

let stack: TestStack;
let offStack: TestStack;
beforeAll(async () => {
  [stack, offStack] = await Promise.all([startTestStack(), startTestStack({ worker: false, exotel: false })]);
});
afterAll(async () => {
  await stack?.close();
  await offStack?.close();
});

let seq = 0;
const uniquePhone = () => `+9196${(Date.now() % 1_000_000).toString().padStart(6, '0')}${String(++seq % 100).padStart(2, '0')}`;

async function rep(s: TestStack, opts: { phone?: string | null; salesHeadId?: string } = {}) {
  const u = await createUser(s, 'SALES');
  await s.db.user.update({ where: { id: u.user.id }, data: { phone: opts.phone === undefined ? uniquePhone().slice(3) : opts.phone, salesHeadId: opts.salesHeadId ?? null } });
  return u;
}

async function leadOf(s: TestStack, assignedTo: string, phone: string | null = uniquePhone()) {
  return s.db.rawLead.create({ data: { name: 'Asha Verma', phone, sessionYear: '2026', sourceType: 'manual', assignedTo, platform: 'mr-mentor' } });
}

const call = (s: TestStack, leadId: string, token: string) => s.app.request(json('POST', `/api/crm/leads/${leadId}/call`, undefined, bearerHeader(token)));

async function placeCall() {
  const sales = await rep(stack);
  const lead = await leadOf(stack, sales.user.id);
  const res = await call(stack, lead.id, sales.accessToken);
  expect(res.status).toBe(202);
  const body = (await res.json()) as { mode: string; callSid: string; status: string; callLogId: string };
  return { sales, lead, ...body };
}

describe('click-to-call', () => {
  it('Exotel dials the salesperson, then the lead, with our callback URL; the call is logged in progress', async () => {
    const { sales, lead, mode, callSid, status, callLogId } = await placeCall();
    expect({ mode, status }).toEqual({ mode: 'exotel', status: 'in_progress' });
    const dialled = stack.exotelSim.call(callSid);
    expect(dialled).toMatchObject({
      from: `+91${(await stack.db.user.findUniqueOrThrow({ where: { id: sales.user.id } })).phone}`,
      to: lead.phone,
      callerId: TEST_EXOTEL.callerId,
      customField: lead.id,
      record: true,
      statusCallback: `${stack.apiUrl}/api/webhooks/exotel/calls/${TEST_EXOTEL.callbackSecret}`,
      statusCallbackEvents: ['terminal', 'answered'],
    });
    const log = await stack.db.leadCallLog.findUniqueOrThrow({ where: { id: callLogId } });
    expect(log).toMatchObject({ rawLeadId: lead.id, userId: sales.user.id, source: 'exotel', status: 'in_progress', exotelCallSid: callSid, toNumber: lead.phone, callerId: TEST_EXOTEL.callerId, outcome: null });
    const activity = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: lead.id } });
    expect(activity).toEqual([expect.objectContaining({ activityType: 'call_logged', performedBy: sales.user.id, metadata: expect.objectContaining({ callSid }) })]);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead.id } })).lastContactedAt).not.toBeNull();
  });

  it('the completed call’s figures are re-fetched from Exotel once they fill in, not taken from the callback', async () => {
    const { lead, callSid, callLogId } = await placeCall();
    stack.exotelSim.answer(callSid);
    expect((await stack.exotelSim.deliverCallbacks({ callSid, events: ['answered'] })).map((d) => d.status)).toEqual([200]);
    stack.exotelSim.complete(callSid, { talkSeconds: 95, durationSeconds: 104, figuresDelayMs: 1_200 });
    // The callback claims 999 s of talk: the api must not believe it.
    const delivered = await stack.exotelSim.deliverCallbacks({ callSid, events: ['terminal'], override: { ConversationDuration: 999 } });
    expect(delivered.map((d) => d.status)).toEqual([200]);
    const handle = stack.temporal.workflow.getHandle(workflowIds.exotelCall(callSid));
    const outcome = (await handle.result()) as ExotelCallOutcome;
    expect(outcome).toMatchObject({ status: 'completed', figures: 'confirmed' });
    expect(outcome.events.sort()).toEqual(['answered', 'terminal']);
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/exotel-call.json', historyToJSON(await handle.fetchHistory()));
    const log = await stack.db.leadCallLog.findUniqueOrThrow({ where: { id: callLogId } });
    expect(log).toMatchObject({ status: 'completed', outcome: 'connected', durationSeconds: 104, talkDurationSeconds: 95, costPaise: 120, recordingUrl: `${stack.exotelSim.origin}/_sim/recordings/${callSid}.mp3` });
    expect(log.endedAt).not.toBeNull();
    expect(log.providerPayload).toMatchObject({ callbacks: { answered: { EventType: 'answered' }, terminal: { ConversationDuration: 999 } }, details: { status: 'completed' } });
    const ended = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: lead.id, description: { startsWith: 'Call completed' } } });
    expect(ended).toHaveLength(1);
    expect(ended[0]!.description).toBe('Call completed (95 s talk time)');
  });

  it('duplicate and out-of-order callbacks end in one final state, written once', async () => {
    const { lead, callSid, callLogId } = await placeCall();
    stack.exotelSim.end(callSid, 'busy');
    // A busy call was never answered: its only callback is the terminal one, delivered three times.
    const first = await stack.exotelSim.deliverCallbacks({ callSid, duplicates: 3 });
    expect(first.map((d) => d.status)).toEqual([200, 200, 200]);
    expect(await stack.db.webhookEvent.count({ where: { provider: 'exotel', subjectId: callSid } })).toBe(1);
    await stack.temporal.workflow.getHandle(workflowIds.exotelCall(callSid)).result();
    const log = await stack.db.leadCallLog.findUniqueOrThrow({ where: { id: callLogId } });
    expect(log).toMatchObject({ status: 'busy', outcome: 'busy', talkDurationSeconds: 0, durationSeconds: 25 });
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: lead.id, description: { startsWith: 'Call busy' } } })).toBe(1);

    const second = await placeCall();
    stack.exotelSim.complete(second.callSid, { talkSeconds: 12 });
    const reversed = await stack.exotelSim.deliverCallbacks({ callSid: second.callSid, outOfOrder: true, duplicates: 2 });
    expect(reversed.map((d) => [d.event, d.status])).toEqual([
      ['terminal', 200],
      ['terminal', 200],
      ['answered', 200],
      ['answered', 200],
    ]);
    // The late "answered" (in-progress) must not move the completed call back.
    const settled = await until(
      () => stack.db.leadCallLog.findUniqueOrThrow({ where: { id: second.callLogId } }),
      (r) => r.status === 'completed' && r.talkDurationSeconds === 12,
    );
    expect(settled).toMatchObject({ status: 'completed', outcome: 'connected', talkDurationSeconds: 12 });
    await stack.temporal.workflow.getHandle(workflowIds.exotelCall(second.callSid)).result();
    await new Promise((r) => setTimeout(r, 300));
    expect((await stack.db.leadCallLog.findUniqueOrThrow({ where: { id: second.callLogId } })).status).toBe('completed');
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: second.lead.id, description: { startsWith: 'Call completed' } } })).toBe(1);
    expect(await stack.db.webhookEvent.count({ where: { provider: 'exotel', subjectId: second.callSid } })).toBe(2);
  });

  it('a callback with the wrong secret is refused and starts nothing; with Exotel off the webhook is 404', async () => {
    const { callSid } = await placeCall();
    stack.exotelSim.end(callSid, 'no-answer');
    const wrong = await stack.exotelSim.deliverCallbacks({ callSid, url: `${stack.apiUrl}/api/webhooks/exotel/calls/not-the-secret` });
    expect(wrong.map((d) => d.status)).toEqual([401]);
    expect(await stack.db.webhookEvent.count({ where: { subjectId: callSid } })).toBe(0);
    // The call's sync workflow runs from placement; the refused callback reached it with nothing.
    expect(await stack.temporal.workflow.getHandle(workflowIds.exotelCall(callSid)).query(callStateQuery)).toMatchObject({ events: [] });
    const off = await offStack.app.request(json('POST', `/api/webhooks/exotel/calls/${TEST_EXOTEL.callbackSecret}`, { CallSid: callSid, Status: 'completed', EventType: 'terminal' }));
    expect(off.status).toBe(404);
    const direct = await stack.app.request(json('POST', '/api/webhooks/exotel/calls/not-the-secret', { CallSid: callSid, Status: 'completed', EventType: 'terminal' }));
    expect(direct.status).toBe(401);
    expect(JSON.stringify(await direct.json())).not.toContain('not-the-secret'); // the problem's instance is the route, not the path
    const garbage = await stack.app.request(json('POST', `/api/webhooks/exotel/calls/${TEST_EXOTEL.callbackSecret}`, { hello: 'world' }));
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get('content-type')).toContain('application/problem+json');
  });

  it('with Exotel off, the answer is a tel: link and nothing is dialled', async () => {
    const sales = await rep(offStack);
    const lead = await leadOf(offStack, sales.user.id);
    const res = await call(offStack, lead.id, sales.accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ mode: 'tel', telLink: `tel:${lead.phone}` });
    expect(offStack.exotelSim.calls({ to: lead.phone! })).toEqual([]);
    expect(await offStack.db.leadCallLog.count({ where: { rawLeadId: lead.id } })).toBe(0);
  });

  it('only the owner, their sales head or an admin may call: another rep gets 404', async () => {
    const head = await rep(stack);
    const owner = await rep(stack, { salesHeadId: head.user.id });
    const lead = await leadOf(stack, owner.user.id);
    const other = await rep(stack);
    expect((await call(stack, lead.id, other.accessToken)).status).toBe(404);
    expect(stack.exotelSim.calls({ to: lead.phone! })).toEqual([]);
    expect((await call(stack, lead.id, head.accessToken)).status).toBe(202);
    const admin = await createUser(stack, 'ADMIN');
    await stack.db.user.update({ where: { id: admin.user.id }, data: { phone: '+919000000001' } });
    expect((await call(stack, lead.id, admin.accessToken)).status).toBe(202);
    expect(stack.exotelSim.calls({ to: lead.phone! }).map((c) => c.from)).toEqual([`+91${(await stack.db.user.findUniqueOrThrow({ where: { id: head.user.id } })).phone}`, '+919000000001']);
  });

  it('422 without a phone on the caller or the lead; 503 with Retry-After when Exotel rate limits', async () => {
    const noPhone = await rep(stack, { phone: null });
    const lead = await leadOf(stack, noPhone.user.id);
    const res = await call(stack, lead.id, noPhone.accessToken);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('user.phone');
    const sales = await rep(stack);
    const phoneless = await leadOf(stack, sales.user.id, null);
    expect((await call(stack, phoneless.id, sales.accessToken)).status).toBe(422);

    const target = await leadOf(stack, sales.user.id);
    stack.exotelSim.failNext(2, 429, 0);
    const limited = await call(stack, target.id, sales.accessToken);
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('0');
    const failed = await stack.db.leadCallLog.findFirstOrThrow({ where: { rawLeadId: target.id } });
    expect(failed).toMatchObject({ status: 'failed', exotelCallSid: null, source: 'exotel' });
  });
});

describe('call logs', () => {
  it('a call made from the tel: link is logged with its outcome and listed newest first, page by page', async () => {
    const sales = await rep(stack);
    const lead = await leadOf(stack, sales.user.id);
    const log = (outcome: string, extra: Record<string, unknown> = {}) =>
      stack.app.request(json('POST', `/api/crm/leads/${lead.id}/call-logs`, { outcome, source: 'tel_link', ...extra }, bearerHeader(sales.accessToken)));
    const first = await log('no_answer');
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ source: 'tel_link', status: 'no_answer', outcome: 'no_answer', toNumber: lead.phone, exotelCallSid: null });
    const startedAt = new Date(Date.now() - 600_000).toISOString();
    const second = (await (await log('interested', { durationSeconds: 240, startedAt, notes: 'Wants the weekend batch' })).json()) as Record<string, unknown>;
    expect(second).toMatchObject({ status: 'completed', outcome: 'interested', durationSeconds: 240, notes: 'Wants the weekend batch', startedAt });
    expect(second.endedAt).toBe(new Date(Date.parse(startedAt) + 240_000).toISOString());
    expect((await log('sort_of_maybe')).status).toBe(400);

    const list = (query: string) => stack.app.request(json('GET', `/api/crm/leads/${lead.id}/call-logs${query}`, undefined, bearerHeader(sales.accessToken)));
    const page1 = (await (await list('?limit=1')).json()) as { items: { outcome: string }[]; nextCursor: string };
    expect(page1.items.map((i) => i.outcome)).toEqual(['interested']);
    const page2 = (await (await list(`?limit=1&cursor=${page1.nextCursor}`)).json()) as { items: { outcome: string }[]; nextCursor: string | null };
    expect(page2).toEqual({ items: [expect.objectContaining({ outcome: 'no_answer' })], nextCursor: null });
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: lead.id, activityType: 'call_logged' } })).toBe(2);

    const other = await rep(stack);
    expect((await stack.app.request(json('GET', `/api/crm/leads/${lead.id}/call-logs`, undefined, bearerHeader(other.accessToken)))).status).toBe(404);
    expect((await stack.app.request(json('POST', `/api/crm/leads/${lead.id}/call-logs`, { outcome: 'busy' }, bearerHeader(other.accessToken)))).status).toBe(404);
  });

  it('the salesperson sets the outcome of an Exotel call afterwards; the figures stay Exotel\'s and others get 404', async () => {
    const { sales, lead, callLogId } = await placeCall();
    const patch = (token: string, body: unknown) => stack.app.request(json('PATCH', `/api/crm/call-logs/${callLogId}`, body, bearerHeader(token)));
    const res = await patch(sales.accessToken, { outcome: 'interested', notes: 'Wants the weekend batch' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: callLogId, outcome: 'interested', notes: 'Wants the weekend batch', source: 'exotel' });
    expect((await patch(sales.accessToken, { durationSeconds: 5 })).status).toBe(400);
    expect((await patch(sales.accessToken, {})).status).toBe(400);
    const other = await rep(stack);
    expect((await patch(other.accessToken, { outcome: 'busy' })).status).toBe(404);
    const log = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: lead.id, description: { startsWith: 'Call outcome' } } });
    expect(log).toHaveLength(1);
  });
});

describe('late StatusCallbacks (after the call and its workflow finished)', () => {
  it('a late genuine callback is acknowledged 2xx and recorded, applies nothing twice; its retry too; a wrong secret is still 401', async () => {
    const { lead, callSid, callLogId } = await placeCall();
    stack.exotelSim.answer(callSid);
    stack.exotelSim.complete(callSid, { talkSeconds: 30, durationSeconds: 41 });
    expect((await stack.exotelSim.deliverCallbacks({ callSid, events: ['terminal'] })).map((d) => d.status)).toEqual([200]);
    const handle = stack.temporal.workflow.getHandle(workflowIds.exotelCall(callSid));
    expect(await handle.result()).toMatchObject({ status: 'completed', figures: 'confirmed' });
    const settled = await stack.db.leadCallLog.findUniqueOrThrow({ where: { id: callLogId } });

    // The "answered" callback Exotel held back arrives after everything closed, then is retried.
    const late = await stack.exotelSim.deliverCallbacks({ callSid, events: ['answered'], duplicates: 2 });
    expect(late.map((d) => d.status)).toEqual([200, 200]);
    expect(await stack.db.webhookEvent.count({ where: { provider: 'exotel', subjectId: callSid } })).toBe(2);
    // The terminal callback's own retry, long after, is a duplicate.
    expect((await stack.exotelSim.deliverCallbacks({ callSid, events: ['terminal'] })).map((d) => d.status)).toEqual([200]);
    // Whatever ran for the late event is done, and it moved nothing back or wrote nothing twice.
    await until(
      () => handle.describe(),
      (d) => d.status.name !== 'RUNNING',
    );
    const after = await stack.db.leadCallLog.findUniqueOrThrow({ where: { id: callLogId } });
    expect(after).toMatchObject({ status: 'completed', outcome: 'connected', talkDurationSeconds: 30, durationSeconds: 41, endedAt: settled.endedAt, costPaise: settled.costPaise });
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: lead.id, description: { startsWith: 'Call completed' } } })).toBe(1);

    const forged = await stack.exotelSim.deliverCallbacks({ callSid, events: ['answered'], url: `${stack.apiUrl}/api/webhooks/exotel/calls/not-the-secret` });
    expect(forged.map((d) => d.status)).toEqual([401]);
  });
});

describe('StatusCallback when Temporal is unreachable', () => {
  it('nothing is recorded, so Exotel\'s retry is processed once Temporal is back', async () => {
    const { callSid } = await placeCall();
    stack.exotelSim.end(callSid, 'busy');
    const parsed = parseStatusCallback(JSON.stringify({ CallSid: callSid, Status: 'busy', EventType: 'terminal' }), 'application/json');
    if (!parsed.ok) throw new Error(parsed.detail);
    const down = { ...stack.deps, temporal: { workflow: { signalWithStart: () => Promise.reject(new Error('temporal unavailable')) } } } as unknown as typeof stack.deps;
    await expect(acceptExotelCallback(down, parsed.callback, parsed.raw)).rejects.toThrow('temporal unavailable');
    expect(await stack.db.webhookEvent.count({ where: { provider: 'exotel', subjectId: callSid } })).toBe(0);
    expect((await stack.exotelSim.deliverCallbacks({ callSid, events: ['terminal'] })).map((d) => d.status)).toEqual([200]);
    expect(await stack.db.webhookEvent.count({ where: { provider: 'exotel', subjectId: callSid } })).toBe(1);
    await stack.temporal.workflow.getHandle(workflowIds.exotelCall(callSid)).result();
    expect(await stack.db.leadCallLog.findFirstOrThrow({ where: { exotelCallSid: callSid } })).toMatchObject({ status: 'busy', outcome: 'busy' });
  });
});

describe('click-to-call double submit', () => {
  const callWithKey = (leadId: string, token: string, key: string) =>
    stack.app.request(json('POST', `/api/crm/leads/${leadId}/call`, undefined, { ...bearerHeader(token), 'idempotency-key': key }));

  it('two parallel POSTs dial once: one 202, one 409; once that call ends, the lead can be called again', async () => {
    const sales = await rep(stack);
    const lead = await leadOf(stack, sales.user.id);
    const [a, b] = await Promise.all([call(stack, lead.id, sales.accessToken), call(stack, lead.id, sales.accessToken)]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    expect(stack.exotelSim.calls({ to: lead.phone! })).toHaveLength(1);
    const first = (await (a.status === 202 ? a : b).json()) as { callSid: string };
    // Still live: another click is refused too.
    expect((await call(stack, lead.id, sales.accessToken)).status).toBe(409);
    stack.exotelSim.end(first.callSid, 'no-answer');
    await stack.exotelSim.deliverCallbacks({ callSid: first.callSid });
    await stack.temporal.workflow.getHandle(workflowIds.exotelCall(first.callSid)).result();
    expect((await call(stack, lead.id, sales.accessToken)).status).toBe(202);
    expect(stack.exotelSim.calls({ to: lead.phone! })).toHaveLength(2);
  });

  it('the same Idempotency-Key dials once, in parallel and on a later retry, and replays the first answer', async () => {
    const sales = await rep(stack);
    const lead = await leadOf(stack, sales.user.id);
    const key = randomUUID();
    const parallel = await Promise.all([callWithKey(lead.id, sales.accessToken, key), callWithKey(lead.id, sales.accessToken, key)]);
    expect(parallel.map((r) => r.status)).toContain(202);
    for (const r of parallel) expect([202, 409]).toContain(r.status);
    expect(stack.exotelSim.calls({ to: lead.phone! })).toHaveLength(1);
    const answer = (await parallel.find((r) => r.status === 202)!.json()) as { callSid: string; callLogId: string; status: string };
    const retry = await callWithKey(lead.id, sales.accessToken, key);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual({ mode: 'exotel', ...answer });
    expect(stack.exotelSim.calls({ to: lead.phone! })).toHaveLength(1);
    expect(await stack.db.leadCallLog.count({ where: { rawLeadId: lead.id } })).toBe(1);
    // The key is the caller's, for this lead only.
    const other = await leadOf(stack, sales.user.id);
    expect((await callWithKey(other.id, sales.accessToken, key)).status).toBe(422);
  });

  it('a call Exotel never placed holds neither the key nor the lead: the retry dials', async () => {
    const sales = await rep(stack);
    const lead = await leadOf(stack, sales.user.id);
    const key = randomUUID();
    stack.exotelSim.failNext(1, 500, 0);
    expect((await callWithKey(lead.id, sales.accessToken, key)).status).toBe(503); // Exotel answered 500: not placed
    const retry = await callWithKey(lead.id, sales.accessToken, key);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(stack.exotelSim.calls({ to: lead.phone! })).toHaveLength(1);
  });
});
