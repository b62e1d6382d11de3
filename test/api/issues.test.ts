// User-reported issues through REST: file (about one's own session only), read one's own (others
// are 404), staff triage through the status flow with a notification to the reporter, the
// reporter closes or reopens, illegal moves are 409, and two staff moving one issue at once get
// one move and one 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { createMentorWithSlot } from '../support/fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
let student: Awaited<ReturnType<typeof createUser>>;
let other: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
  student = await createUser(stack, 'USER');
  other = await createUser(stack, 'USER');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

describe('user-reported issues', () => {
  it('file → staff triage → resolved (the reporter is notified) → reopened → closed; BOLA and illegal moves refused', async () => {
    const { slot, student: slotStudent } = await createMentorWithSlot(stack.db);
    expect((await call(student.accessToken, 'POST', '/api/issues', { title: 'Mentor never joined', description: 'Waited 20 minutes', slotId: slot.id })).status).toBe(404);
    expect((await call(student.accessToken, 'POST', '/api/issues', { title: 'x', description: '' })).status).toBe(400);
    expect((await call(student.accessToken, 'POST', '/api/issues', { title: 'Fine title', description: 'd', category: 'NOPE' })).status).toBe(400);
    await stack.db.slot.update({ where: { id: slot.id }, data: { studentId: student.user.id } });
    const filed = await call(student.accessToken, 'POST', '/api/issues', { title: 'Mentor never joined', description: 'Waited 20 minutes', category: 'SESSION', slotId: slot.id });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'OPEN', userId: student.user.id, slotId: slot.id, category: 'SESSION', resolvedAt: null });
    const id = filed.body.id as string;
    expect(slotStudent.id).not.toBe(student.user.id);

    // Only the reporter and staff see it.
    expect((await call(other.accessToken, 'GET', `/api/issues/${id}`)).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'CLOSED' })).status).toBe(404);
    expect((await call(other.accessToken, 'GET', '/api/me/issues')).body.items).toEqual([]);
    expect((await call(student.accessToken, 'GET', '/api/me/issues')).body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await call(admin.accessToken, 'GET', `/api/issues/${id}`)).status).toBe(200);
    expect((await call(student.accessToken, 'GET', '/api/admin/issues')).status).toBe(403);

    // The reporter cannot triage; staff can, and the reporter hears of it.
    expect((await call(student.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'RESOLVED' })).status).toBe(403);
    expect((await call(admin.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'IN_PROGRESS' })).body.status).toBe('IN_PROGRESS');
    const resolved = await call(admin.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'RESOLVED', note: 'Refunded your 2 tokens' });
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolvedAt: expect.any(String) });
    const notes = await stack.db.notification.findMany({ where: { userId: student.user.id }, orderBy: { createdAt: 'asc' }, select: { title: true, message: true } });
    expect(notes.map((n) => n.message)).toEqual(['We are working on your issue', 'Refunded your 2 tokens']);
    const triage = await call(admin.accessToken, 'GET', '/api/admin/issues?status=RESOLVED&category=SESSION');
    expect(triage.body.items.map((i: { id: string }) => i.id)).toContain(id);

    // The reporter reopens (the resolution did not help), then closes; a closed issue stays closed.
    expect((await call(student.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'OPEN' })).body).toMatchObject({ status: 'OPEN', resolvedAt: null });
    expect((await call(student.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'CLOSED' })).body.status).toBe('CLOSED');
    expect((await call(admin.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'OPEN' })).status).toBe(409);
    expect((await call(student.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'CLOSED' })).status).toBe(409);
  });

  it('two staff moving one issue at once: one move, one 409, one notification', async () => {
    const filed = await call(student.accessToken, 'POST', '/api/issues', { title: 'Invoice has the wrong name', description: 'Please fix', category: 'PAYMENT' });
    const id = filed.body.id as string;
    const second = await createUser(stack, 'SUPERADMIN');
    const before = await stack.db.notification.count({ where: { userId: student.user.id } });
    const results = await Promise.all([
      call(admin.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'RESOLVED', note: 'Fixed by admin' }),
      call(second.accessToken, 'POST', `/api/issues/${id}/status`, { status: 'RESOLVED', note: 'Fixed by superadmin' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stack.db.notification.count({ where: { userId: student.user.id } })).toBe(before + 1);
  });
});
