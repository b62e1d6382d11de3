// Warnings: staff or the student's community manager issue them (anyone else 404); the student is
// notified and reads/acknowledges only their own; the 3rd active warning (and a CRITICAL one)
// escalates to the batch's community managers and lead — exactly once, even when two are issued
// at once; a revoked warning stops counting.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const notes = (userId: string) => stack.db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

describe('warnings', () => {
  it('notify the student, escalate from the 3rd active one to the batch’s managers and lead, and stay the student’s own', async () => {
    const [admin, cm, otherCm, lead, student, other] = await Promise.all([createUser(stack, 'ADMIN'), createUser(stack, 'SALES'), createUser(stack, 'SALES'), createUser(stack, 'SALES'), createUser(stack), createUser(stack)]);
    const batch = await stack.db.batch.create({ data: { code: `WRN-${randomUUID().slice(0, 8)}`, name: 'Warned cohort', batchLeadId: lead.user.id } });
    const elsewhere = await stack.db.batch.create({ data: { code: `WRO-${randomUUID().slice(0, 8)}`, name: 'Other cohort' } });
    await stack.db.application.create({ data: { userId: student.user.id, batchId: batch.id, status: 'ENROLLED', name: 'S', email: student.email } });
    await stack.db.communityManagerAssignment.createMany({ data: [{ batchId: batch.id, communityManagerId: cm.user.id }, { batchId: elsewhere.id, communityManagerId: otherCm.user.id }] });

    const path = `/api/students/${student.user.id}/warnings`;
    const body = (title: string, severity = 'MEDIUM') => ({ warningType: 'ATTENDANCE', severity, title, message: `${title}: please attend` });
    expect((await call(otherCm.accessToken, 'POST', path, body('Nope'))).status).toBe(404);
    expect((await call(student.accessToken, 'POST', path, body('Nope'))).status).toBe(403);
    expect((await call(cm.accessToken, 'POST', path, { ...body('Bad'), severity: 'EXTREME' })).status).toBe(400);
    expect((await call(cm.accessToken, 'POST', path, { ...body('Bad'), batchId: elsewhere.id })).status).toBe(422);

    const first = await ok(call(cm.accessToken, 'POST', path, body('Missed Monday')), 201);
    expect(first).toMatchObject({ userId: student.user.id, issuedById: cm.user.id, batchId: batch.id, activeWarnings: 1, escalation: null });
    expect((await notes(student.user.id)).map((n) => [n.type, n.title])).toEqual([['WARNING', 'Warning: Missed Monday']]);

    // Two at once: the lock orders them, so exactly one of them is the 3rd and escalates.
    const [a, b] = await Promise.all([call(cm.accessToken, 'POST', path, body('Missed Tuesday')), call(admin.accessToken, 'POST', path, body('Missed Wednesday'))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.activeWarnings, b.body.activeWarnings].sort()).toEqual([2, 3]);
    const third = a.body.activeWarnings === 3 ? a.body : b.body;
    expect(third.escalation).toEqual({ reason: '3rd active warning (escalates from the 3rd)', notified: [cm.user.id, lead.user.id].sort() });
    expect((await notes(cm.user.id)).map((n) => [n.type, n.priority, (n.data as any).warningId])).toEqual([['ACTION_REQUIRED', 'HIGH', third.id]]);
    expect(await notes(lead.user.id)).toHaveLength(1);
    expect(await notes(otherCm.user.id)).toHaveLength(0);
    expect(await notes(student.user.id)).toHaveLength(3);

    // Revoking one brings the count under the threshold: the next is the 3rd again and escalates once more.
    expect((await call(otherCm.accessToken, 'POST', `/api/warnings/${first.id}/revoke`)).status).toBe(404);
    expect((await ok(call(cm.accessToken, 'POST', `/api/warnings/${first.id}/revoke`))).revokedAt).not.toBeNull();
    const next = await ok(call(cm.accessToken, 'POST', path, body('Missed Thursday', 'LOW')), 201);
    expect(next.activeWarnings).toBe(3);
    expect(next.escalation?.notified).toHaveLength(2);

    // A CRITICAL warning escalates on its own.
    const victim = await createUser(stack);
    await stack.db.application.create({ data: { userId: victim.user.id, batchId: batch.id, status: 'ENROLLED', name: 'V', email: victim.email } });
    const critical = await ok(call(admin.accessToken, 'POST', `/api/students/${victim.user.id}/warnings`, { ...body('Plagiarism', 'CRITICAL'), warningType: 'PLAGIARISM' }), 201);
    expect(critical).toMatchObject({ activeWarnings: 1, escalation: { reason: 'Critical warning' } });

    // The student reads and acknowledges only their own.
    const mine = await ok(call(student.accessToken, 'GET', '/api/me/warnings'));
    expect(mine.items).toHaveLength(4);
    expect((await ok(call(other.accessToken, 'GET', '/api/me/warnings'))).items).toEqual([]);
    expect((await call(other.accessToken, 'POST', `/api/me/warnings/${next.id}/acknowledge`)).status).toBe(404);
    const acked = await ok(call(student.accessToken, 'POST', `/api/me/warnings/${next.id}/acknowledge`));
    expect(acked.acknowledgedAt).not.toBeNull();
    expect((await ok(call(student.accessToken, 'POST', `/api/me/warnings/${next.id}/acknowledge`))).acknowledgedAt).toBe(acked.acknowledgedAt);
    expect((await ok(call(cm.accessToken, 'GET', `${path}?limit=2`))).nextCursor).toBeTruthy();
    expect((await call(otherCm.accessToken, 'GET', path)).status).toBe(404);
  });
});
