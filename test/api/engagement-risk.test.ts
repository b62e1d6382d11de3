// Risk scores on fixed data: attendance and inactivity (no quizzes or hand-ins: those factors are
// left out and the weights rescaled) give a known score, level and factor breakdown; a rerun with
// nothing changed writes no row; a batch's at-risk list is for staff and its managers only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRiskScores } from '../../services/engagement/risk.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack?.close());

/* eslint-disable @typescript-eslint/no-explicit-any */
const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

describe('risk scores', () => {
  it('score attendance and inactivity with the configured weights, explain themselves, and list a batch’s at-risk students', async () => {
    const [weak, strong, cm, otherCm, student] = await Promise.all([createUser(stack), createUser(stack), createUser(stack, 'SALES'), createUser(stack, 'SALES'), createUser(stack)]);
    const batch = await stack.db.batch.create({ data: { code: `RSK-${randomUUID().slice(0, 8)}`, name: 'Risk cohort' } });
    await stack.db.communityManagerAssignment.create({ data: { batchId: batch.id, communityManagerId: cm.user.id } });
    for (const s of [weak, strong]) await stack.db.application.create({ data: { userId: s.user.id, batchId: batch.id, status: 'ENROLLED', name: 'S', email: s.email, enrolledAt: new Date('2026-02-01T00:00:00Z') } });
    const days = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-31'];
    const meetings = await Promise.all(days.map((d) => stack.db.batchMeeting.create({ data: { batchId: batch.id, title: `Class ${d}`, startTime: new Date(`${d}T10:00:00Z`), endTime: new Date(`${d}T11:00:00Z`) } })));
    await stack.db.attendance.createMany({
      data: meetings.flatMap((m, i) => [
        { userId: weak.user.id, batchMeetingId: m.id, batchId: batch.id, sessionDate: m.startTime, status: i === 0 ? 'PRESENT' : 'ABSENT' },
        { userId: strong.user.id, batchMeetingId: m.id, batchId: batch.id, sessionDate: m.startTime, status: 'PRESENT' },
      ]),
    });

    const now = new Date('2026-04-01T12:00:00Z');
    await computeRiskScores(stack.db, now);
    const current = async (userId: string) => stack.db.studentRiskScore.findMany({ where: { userId, batchId: batch.id } });
    const [w] = await current(weak.user.id);
    // 25% attendance (risk 0.75, weight 35) and 30 days inactive (risk 1, weight 20), over 55: 47.73 + 36.36.
    expect(w).toMatchObject({ score: 84.09, riskLevel: 'CRITICAL', modelVersion: 'rules-v1' });
    expect((w!.factors as any).factors.map((f: any) => [f.factor, f.value, f.risk, f.contribution])).toEqual([
      ['attendance', 25, 0.75, 47.73],
      ['inactivity', 30, 1, 36.36],
    ]);
    expect((await current(strong.user.id)).map((r) => [r.score, r.riskLevel])).toEqual([[2.6, 'LOW']]);

    await computeRiskScores(stack.db, now);
    expect(await current(weak.user.id)).toHaveLength(1);

    const path = `/api/batches/${batch.id}/at-risk`;
    const risky = await call(cm.accessToken, 'GET', path);
    expect(risky.status).toBe(200);
    expect(risky.body.items.map((i: any) => [i.userId, i.riskLevel])).toEqual([[weak.user.id, 'CRITICAL']]);
    expect((await call(cm.accessToken, 'GET', `${path}?minLevel=LOW`)).body.items.map((i: any) => i.userId)).toEqual([weak.user.id, strong.user.id]);
    expect((await call(otherCm.accessToken, 'GET', path)).status).toBe(404);
    expect((await call(student.accessToken, 'GET', path)).status).toBe(403);
    expect((await call(cm.accessToken, 'GET', `${path}?minLevel=SEVERE`)).status).toBe(400);
  });
});
