// Staff-written records students read: a mentor rates only students they had a completed session
// with (others 404), a community manager only their batches' students; weekly ratings replace per
// rater and week; staff record progress, daily cards and eval tests (lifecycle and score checked);
// each student reads only their own — another student's card or test is 404.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

type User = Awaited<ReturnType<typeof createUser>>;
let stack: TestStack;
let admin: User;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack?.close());

/* eslint-disable @typescript-eslint/no-explicit-any */
const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const ok = async (p: ReturnType<typeof call>, status = 200): Promise<any> => {
  const res = await p;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

async function session(mentorId: string, studentId: string, status: 'COMPLETED' | 'CONFIRMED') {
  const start = new Date(Date.now() - 2 * 3_600_000);
  return stack.db.slot.create({ data: { mentorId, studentId, startDateTime: start, endDateTime: new Date(start.getTime() + 3_600_000), status } });
}

describe('skill and weekly ratings', () => {
  it('mentors rate only students they had a completed session with; managers their batches’; students read their own', async () => {
    const [student, other, mentor, stranger, cm] = await Promise.all([createUser(stack), createUser(stack), createUser(stack, 'EXPERT'), createUser(stack, 'EXPERT'), createUser(stack, 'SALES')]);
    await session(mentor.user.id, student.user.id, 'COMPLETED');
    await session(stranger.user.id, student.user.id, 'CONFIRMED');
    const batch = await stack.db.batch.create({ data: { code: `RAT-${randomUUID().slice(0, 8)}`, name: 'Ratings cohort' } });
    await stack.db.application.create({ data: { userId: student.user.id, batchId: batch.id, status: 'ENROLLED', name: 'S', email: student.email } });
    await stack.db.communityManagerAssignment.create({ data: { batchId: batch.id, communityManagerId: cm.user.id } });

    const path = `/api/students/${student.user.id}/skill-ratings`;
    expect((await call(stranger.accessToken, 'POST', path, { skill: 'SQL', rating: 4 })).status).toBe(404);
    expect((await call(mentor.accessToken, 'POST', `/api/students/${other.user.id}/skill-ratings`, { skill: 'SQL', rating: 4 })).status).toBe(404);
    expect((await call(cm.accessToken, 'POST', `/api/students/${other.user.id}/skill-ratings`, { skill: 'SQL', rating: 4 })).status).toBe(404);
    expect((await call(student.accessToken, 'POST', path, { skill: 'SQL', rating: 5 })).status).toBe(403);
    const bad = await call(mentor.accessToken, 'POST', path, { skill: 'SQL', rating: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path ?? bad.body.title).toBeTruthy();
    const rated = await ok(call(mentor.accessToken, 'POST', path, { skill: 'SQL', rating: 4, comment: 'Good joins' }), 201);
    expect(rated).toMatchObject({ userId: student.user.id, ratedById: mentor.user.id, skill: 'SQL', rating: 4 });
    await ok(call(cm.accessToken, 'POST', path, { skill: 'Communication', rating: 3, batchId: batch.id }), 201);
    await ok(call(admin.accessToken, 'POST', `/api/students/${other.user.id}/skill-ratings`, { skill: 'Excel', rating: 2 }), 201);
    expect((await ok(call(mentor.accessToken, 'GET', `${path}?skill=sql`))).items.map((r: any) => r.id)).toEqual([rated.id]);
    expect((await call(stranger.accessToken, 'GET', path)).status).toBe(404);

    const mine = await ok(call(student.accessToken, 'GET', '/api/me/skill-ratings'));
    expect(mine.items.map((r: any) => r.skill)).toEqual(['Communication', 'SQL']);
    expect((await ok(call(other.accessToken, 'GET', '/api/me/skill-ratings'))).items.map((r: any) => r.skill)).toEqual(['Excel']);

    // Weekly: one per rater and week (rating again replaces), weeks start on Mondays.
    const weekly = `/api/students/${student.user.id}/weekly-ratings`;
    expect((await call(mentor.accessToken, 'PUT', weekly, { weekStart: '2026-03-03', rating: 4 })).status).toBe(422);
    expect((await call(mentor.accessToken, 'PUT', weekly, { weekStart: '2026-03-02', rating: 4, breakdown: { vibes: 5 } })).status).toBe(400);
    const w1 = await ok(call(mentor.accessToken, 'PUT', weekly, { weekStart: '2026-03-02', rating: 3, breakdown: { attendance: 4 } }));
    const w2 = await ok(call(mentor.accessToken, 'PUT', weekly, { weekStart: '2026-03-02', rating: 5, breakdown: { attendance: 5, participation: 4 }, feedback: 'Great week' }));
    expect(w2).toMatchObject({ id: w1.id, rating: 5, weekStart: '2026-03-02', breakdown: { attendance: 5, participation: 4 } });
    await ok(call(cm.accessToken, 'PUT', weekly, { weekStart: '2026-03-02', rating: 2 }));
    expect((await call(stranger.accessToken, 'PUT', weekly, { weekStart: '2026-03-02', rating: 2 })).status).toBe(404);
    expect((await ok(call(student.accessToken, 'GET', '/api/me/weekly-ratings'))).items).toHaveLength(2);
    expect((await ok(call(other.accessToken, 'GET', '/api/me/weekly-ratings'))).items).toEqual([]);
    expect((await ok(call(admin.accessToken, 'GET', `${weekly}?limit=1`))).nextCursor).toBeTruthy();
  });
});

describe('progress, daily cards and eval tests', () => {
  it('staff write them; the student reads and marks only their own', async () => {
    const [student, other] = await Promise.all([createUser(stack), createUser(stack)]);
    const courseId = randomUUID();

    // Progress: one row per course, replaced on write; the percent follows the classes done.
    const progress = `/api/students/${student.user.id}/progress`;
    const counts = { courseId, completedClasses: 3, totalClasses: 4, completedQuizzes: 1, completedAssignments: 2 };
    expect((await call(admin.accessToken, 'PUT', progress, { ...counts, completedClasses: 5 })).status).toBe(422);
    expect((await call(admin.accessToken, 'PUT', progress, { ...counts, totalClasses: -1 })).status).toBe(400);
    expect((await call(admin.accessToken, 'PUT', `/api/students/${admin.user.id}/progress`, counts)).status).toBe(404);
    expect((await call(student.accessToken, 'PUT', progress, counts)).status).toBe(403);
    await ok(call(admin.accessToken, 'PUT', progress, counts));
    expect(await ok(call(admin.accessToken, 'PUT', progress, { ...counts, completedClasses: 4 }))).toMatchObject({ progressPercent: 100, completedClasses: 4 });
    expect((await ok(call(student.accessToken, 'GET', '/api/me/progress'))).items.map((p: any) => [p.courseId, p.progressPercent])).toEqual([[courseId, 100]]);
    expect((await ok(call(other.accessToken, 'GET', '/api/me/progress'))).items).toEqual([]);

    // Daily cards: one per day; the student marks their own viewed/completed; another's is 404.
    const cards = `/api/students/${student.user.id}/daily-cards`;
    expect((await call(admin.accessToken, 'PUT', cards, { cardDate: '2026-03-02', cardType: 'tip', title: 'Tip', content: { html: '<b>' } })).status).toBe(400);
    const c1 = await ok(call(admin.accessToken, 'PUT', cards, { cardDate: '2026-03-02', cardType: 'tip', title: 'Use CTEs', content: { text: 'WITH x AS (…)' } }));
    const c2 = await ok(call(admin.accessToken, 'PUT', cards, { cardDate: '2026-03-03', cardType: 'quiz', title: 'Which join?', content: { question: 'Keeps all left rows?', options: ['INNER', 'LEFT'], answer: 'LEFT' } }));
    const page1 = await ok(call(student.accessToken, 'GET', '/api/me/daily-cards?limit=1'));
    expect(page1.items.map((c: any) => c.id)).toEqual([c2.id]);
    expect((await ok(call(student.accessToken, 'GET', `/api/me/daily-cards?cursor=${page1.nextCursor}`))).items.map((c: any) => c.id)).toEqual([c1.id]);
    expect((await call(other.accessToken, 'PATCH', `/api/me/daily-cards/${c1.id}`, { completed: true })).status).toBe(404);
    expect((await call(student.accessToken, 'PATCH', `/api/me/daily-cards/${c1.id}`, {})).status).toBe(400);
    const done = await ok(call(student.accessToken, 'PATCH', `/api/me/daily-cards/${c1.id}`, { completed: true }));
    expect(done.viewedAt).not.toBeNull();
    expect(done.completedAt).not.toBeNull();
    expect((await ok(call(other.accessToken, 'GET', '/api/me/daily-cards'))).items).toEqual([]);

    // Eval tests: assigned by staff, moved forward through the lifecycle, scored within the maximum, frozen once evaluated.
    const test = await ok(call(admin.accessToken, 'POST', `/api/students/${student.user.id}/eval-tests`, { title: 'SQL mock', testType: 'module', maxScore: 50 }), 201);
    expect(test).toMatchObject({ status: 'ASSIGNED', maxScore: 50, percentage: null });
    expect((await call(admin.accessToken, 'POST', `/api/students/${student.user.id}/eval-tests`, { title: '' })).status).toBe(400);
    const patch = (body: unknown) => call(admin.accessToken, 'PATCH', `/api/admin/eval-tests/${test.id}`, body);
    expect((await patch({ status: 'EVALUATED' })).status).toBe(422);
    expect((await patch({ score: 51 })).status).toBe(422);
    await ok(patch({ status: 'SUBMITTED' }));
    expect((await patch({ status: 'IN_PROGRESS' })).status).toBe(409);
    const evaluated = await ok(patch({ status: 'EVALUATED', score: 40, feedback: 'Solid' }));
    expect(evaluated).toMatchObject({ status: 'EVALUATED', score: 40, percentage: 80, feedback: 'Solid' });
    expect(evaluated.submittedAt).not.toBeNull();
    expect(evaluated.evaluatedAt).not.toBeNull();
    expect((await patch({ feedback: 'Changed' })).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/eval-tests/${randomUUID()}`, { score: 1 })).status).toBe(404);

    expect(await ok(call(student.accessToken, 'GET', `/api/eval-tests/${test.id}`))).toMatchObject({ id: test.id, percentage: 80 });
    expect((await call(other.accessToken, 'GET', `/api/eval-tests/${test.id}`)).status).toBe(404);
    expect((await ok(call(student.accessToken, 'GET', '/api/me/eval-tests?status=EVALUATED'))).items.map((t: any) => t.id)).toEqual([test.id]);
    expect((await ok(call(other.accessToken, 'GET', '/api/me/eval-tests'))).items).toEqual([]);
    expect((await ok(call(admin.accessToken, 'GET', `/api/students/${student.user.id}/eval-tests`))).items).toHaveLength(1);
    expect((await call(student.accessToken, 'GET', '/api/me/eval-tests?status=DONE')).status).toBe(400);
  });
});
