// Student queries: a student raises and follows only their own (another's is 404); staff assign,
// reply and move them OPEN → IN_PROGRESS → RESOLVED → CLOSED (illegal moves 409); a student's
// reply reopens a resolved query; a closed one takes no replies. A query unanswered past the SLA
// notifies its assignee once, however often (or concurrently) the check runs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifySlaBreaches } from '../../services/engagement/queries.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack?.close());

/* eslint-disable @typescript-eslint/no-explicit-any */
const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const ok = async (p: ReturnType<typeof call>, status = 200): Promise<any> => {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};
const notesAbout = (userId: string, queryId: string) => stack.db.notification.findMany({ where: { userId, data: { path: ['queryId'], equals: queryId } } });

describe('student queries', () => {
  it('flow through their lifecycle with replies; students see only their own', async () => {
    const [admin, agent, student, other, sales] = await Promise.all([createUser(stack, 'ADMIN'), createUser(stack, 'ADMIN'), createUser(stack), createUser(stack), createUser(stack, 'SALES')]);
    expect((await call(student.accessToken, 'POST', '/api/student-queries', { subject: '', description: 'x' })).status).toBe(400);
    expect((await call(student.accessToken, 'POST', '/api/student-queries', { subject: 'Hi', description: 'x', batchId: randomUUID() })).status).toBe(422);
    const q = await ok(call(student.accessToken, 'POST', '/api/student-queries', { subject: 'Video 3 will not play', description: 'It stops at 2:10', category: 'technical' }), 201);
    expect(q).toMatchObject({ status: 'OPEN', priority: 'MEDIUM', assignedToId: null, firstResponseAt: null });

    expect((await call(other.accessToken, 'GET', `/api/student-queries/${q.id}`)).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/student-queries/${q.id}/replies`, { body: 'me too' })).status).toBe(404);
    expect((await ok(call(other.accessToken, 'GET', '/api/student-queries'))).items).toEqual([]);
    expect((await call(sales.accessToken, 'GET', '/api/student-queries')).status).toBe(403);

    // Assigning to non-staff is refused; assigning moves OPEN → IN_PROGRESS and notifies the assignee.
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${q.id}`, { assignedToId: student.user.id })).status).toBe(422);
    expect(await ok(call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${q.id}`, { assignedToId: agent.user.id, priority: 'HIGH' }))).toMatchObject({ status: 'IN_PROGRESS', assignedToId: agent.user.id, priority: 'HIGH' });
    expect(await notesAbout(agent.user.id, q.id)).toHaveLength(1);
    expect((await ok(call(admin.accessToken, 'GET', `/api/student-queries?assignedToId=${agent.user.id}`))).items.map((x: any) => x.id)).toEqual([q.id]);

    await ok(call(agent.accessToken, 'POST', `/api/student-queries/${q.id}/replies`, { body: 'Try another browser?' }), 201);
    await ok(call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${q.id}`, { status: 'RESOLVED', resolution: 'Browser cache' }));
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${q.id}`, { status: 'OPEN' })).status).toBe(409);
    // The student's reply reopens it.
    await ok(call(student.accessToken, 'POST', `/api/student-queries/${q.id}/replies`, { body: 'Still broken' }), 201);
    const thread = await ok(call(student.accessToken, 'GET', `/api/student-queries/${q.id}`));
    expect(thread).toMatchObject({ status: 'IN_PROGRESS', resolution: 'Browser cache', resolvedAt: null });
    expect(thread.firstResponseAt).not.toBeNull();
    expect(thread.replies.map((r: any) => [r.fromStaff, r.body])).toEqual([
      [true, 'Try another browser?'],
      [false, 'Still broken'],
    ]);
    await ok(call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${q.id}`, { status: 'CLOSED' }));
    expect((await call(student.accessToken, 'POST', `/api/student-queries/${q.id}/replies`, { body: 'Hello?' })).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${q.id}`, { priority: 'LOW' })).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${randomUUID()}`, { priority: 'LOW' })).status).toBe(404);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/student-queries/${q.id}`, {})).status).toBe(400);
  });

  it('a query unanswered past the SLA notifies its assignee once, even when checked twice at once', async () => {
    const [agent, student] = await Promise.all([createUser(stack, 'ADMIN'), createUser(stack)]);
    const raise = async (subject: string) => (await ok(call(student.accessToken, 'POST', '/api/student-queries', { subject, description: 'Help' }), 201)).id as string;
    const [late, answered, fresh] = [await raise('Late'), await raise('Answered'), await raise('Fresh')];
    await ok(call(agent.accessToken, 'PATCH', `/api/admin/student-queries/${late}`, { assignedToId: agent.user.id }));
    await ok(call(agent.accessToken, 'POST', `/api/student-queries/${answered}/replies`, { body: 'Done' }), 201);
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await stack.db.studentQuery.updateMany({ where: { id: { in: [late, answered] } }, data: { createdAt: dayAgo } });

    await Promise.all([notifySlaBreaches(stack.db, new Date()), notifySlaBreaches(stack.db, new Date())]);
    await notifySlaBreaches(stack.db, new Date());
    const breach = (await notesAbout(agent.user.id, late)).filter((n) => n.title.startsWith('Query past its'));
    expect(breach.map((n) => [n.title, n.priority])).toEqual([['Query past its 24 h SLA: Late', 'HIGH']]);
    const rows = await stack.db.studentQuery.findMany({ where: { id: { in: [late, answered, fresh] } }, select: { subject: true, slaBreachNotifiedAt: true } });
    expect(rows.filter((r) => r.slaBreachNotifiedAt).map((r) => r.subject)).toEqual(['Late']);
  });
});
