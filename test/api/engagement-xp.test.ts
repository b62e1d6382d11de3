// XP is awarded through one service, once per source event: a completed mentor session, a passed
// quiz (once per quiz, whichever attempt), a handed-in assignment (re-submits do not re-award) and
// attendance (re-marking does not re-award) — parallel duplicates too. Each award writes a feed
// row; badges follow the rules with their reason; batch leaderboards rank enrolled students and
// are 404 to anyone outside the batch.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardXp } from '../../services/engagement/xp.js';
import { completeMeeting } from '../../services/meetings/meeting-completion.js';
import { apiCaller, createUser } from '../support/auth.js';
import { createMentorWithSlot } from '../support/fixtures.js';
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
const xpOf = async (userId: string) => (await stack.db.studentProfile.findUnique({ where: { userId } }))?.xpTotal ?? 0;
const events = (userId: string, eventType?: string) => stack.db.xpEvent.findMany({ where: { userId, ...(eventType ? { eventType } : {}) } });

async function course() {
  const c = await stack.db.course.create({ data: { slug: `xp-${randomUUID().slice(0, 8)}`, title: 'Analytics 101', status: 'PUBLISHED' } });
  const mod = await stack.db.module.create({ data: { courseId: c.id, title: 'Week 1', isPublished: true } });
  return { courseId: c.id, moduleId: mod.id };
}
const enroll = (userId: string, courseId: string) => stack.db.enrollment.create({ data: { userId, courseId } });

async function publishedQuiz(moduleId: string) {
  const category = await ok(call(admin.accessToken, 'POST', '/api/admin/question-bank/categories', { name: `XP ${randomUUID().slice(0, 6)}` }), 201);
  const question = await ok(
    call(admin.accessToken, 'POST', '/api/admin/question-bank/questions', { categoryId: category.id, question: 'Which?', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correctAnswer: ['b'], difficulty: 'EASY' }),
    201,
  );
  const quiz = await ok(call(admin.accessToken, 'POST', `/api/admin/modules/${moduleId}/quizzes`, { title: 'Joins check', questions: [{ questionId: question.id }], passingMarks: 1 }), 201);
  await ok(call(admin.accessToken, 'POST', `/api/admin/quizzes/${quiz.id}/publish`));
  return { quizId: quiz.id as string, questionId: question.id as string };
}

describe('XP awards', () => {
  it('parallel duplicates of one event award once: one ledger row, one feed row, XP counted once', async () => {
    const student = await createUser(stack, 'USER');
    const sourceId = randomUUID();
    const award = () => stack.db.$transaction((tx) => awardXp(tx, { userId: student.user.id, eventType: 'assignment_submitted', sourceId, title: 'Handed in: Joins' }));
    const results = await Promise.all(Array.from({ length: 8 }, award));
    expect(results.filter((r) => r.awarded)).toHaveLength(1);
    expect(await events(student.user.id)).toHaveLength(1);
    expect(await xpOf(student.user.id)).toBe(20);
    expect(await stack.db.studentActivity.count({ where: { userId: student.user.id, type: 'assignment_submitted' } })).toBe(1);
    expect((await award()).awarded).toBe(false);
  });

  it('a completed session earns its student XP once, even when the end is reported again or in parallel; the first-session badge says why', async () => {
    const { slot, student } = await createMentorWithSlot(stack.db);
    const end = () => completeMeeting(stack.db, { slotId: slot.id, endedAt: new Date().toISOString(), source: 'admin' });
    await Promise.all([end(), end(), end()]);
    await end();
    expect((await events(student.id, 'session_completed')).map((e) => [e.points, e.sourceType, e.sourceId])).toEqual([[50, 'slot', slot.id]]);
    expect(await xpOf(student.id)).toBe(50);
    const badges = await stack.db.studentBadge.findMany({ where: { userId: student.id } });
    expect(badges.map((b) => [b.badgeKey, (b.metadata as any).why])).toEqual([['first_session', 'Completed your first mentor session']]);
  });

  it('quiz passes, hand-ins and attendance award once each over the api; the feed pages; badges and XP read back', async () => {
    const { courseId, moduleId } = await course();
    const student = await createUser(stack, 'USER');
    await enroll(student.user.id, courseId);
    const { quizId, questionId } = await publishedQuiz(moduleId);

    // A failed attempt earns nothing; the first pass earns 30; a second pass earns nothing more.
    const attempt = async (option: string) => {
      const started = await ok(call(student.accessToken, 'POST', `/api/quizzes/${quizId}/attempts`), 201);
      return ok(call(student.accessToken, 'POST', `/api/quiz-attempts/${started.attempt.id}/submit`, { answers: [{ questionId, selectedOptionIds: [option] }] }));
    };
    expect((await attempt('a')).attempt.passed).toBe(false);
    expect(await events(student.user.id, 'quiz_passed')).toHaveLength(0);
    expect((await attempt('b')).attempt.passed).toBe(true);
    expect((await attempt('b')).attempt.passed).toBe(true);
    expect((await events(student.user.id, 'quiz_passed')).map((e) => [e.points, e.sourceId])).toEqual([[30, quizId]]);

    const assignment = await stack.db.assignment.create({ data: { moduleId, title: 'Write a join', isPublished: true } });
    await ok(call(student.accessToken, 'PUT', `/api/assignments/${assignment.id}/submission`, { content: 'SELECT 1' }));
    await ok(call(student.accessToken, 'PUT', `/api/assignments/${assignment.id}/submission`, { content: 'SELECT 2' }));
    expect((await events(student.user.id, 'assignment_submitted')).map((e) => e.sourceId)).toEqual([assignment.id]);

    // Attendance: ABSENT earns nothing; PRESENT earns once per row however often it is re-marked. Three PRESENT classes in one week: a perfect week.
    const days = ['2026-03-02T10:00:00Z', '2026-03-04T10:00:00Z', '2026-03-06T10:00:00Z'];
    const classes = await Promise.all(days.map((d, i) => stack.db.class.create({ data: { moduleId, title: `Live ${i}`, type: 'LIVE', isPublished: true, scheduledAt: new Date(d) } })));
    const mark = (classId: string, status: string) => ok(call(admin.accessToken, 'PUT', `/api/admin/classes/${classId}/attendance`, { entries: [{ userId: student.user.id, status }] }));
    await mark(classes[0]!.id, 'ABSENT');
    expect(await events(student.user.id, 'class_attended')).toHaveLength(0);
    await mark(classes[0]!.id, 'PRESENT');
    await mark(classes[0]!.id, 'PRESENT');
    await Promise.all([mark(classes[1]!.id, 'PRESENT'), mark(classes[2]!.id, 'PRESENT')]);
    expect(await events(student.user.id, 'class_attended')).toHaveLength(3);
    expect(await xpOf(student.user.id)).toBe(30 + 20 + 3 * 10);

    const badges = await ok(call(student.accessToken, 'GET', '/api/me/badges'));
    expect(badges.items.map((b: any) => [b.badgeKey, b.why])).toEqual([['perfect_week', 'Present at every marked session in the week of 2026-03-02']]);
    expect(await ok(call(student.accessToken, 'GET', '/api/me/xp'))).toMatchObject({ xpTotal: 80, level: 1 });

    // The feed: newest first, cursor pages, filter by type; bad input is 400 problem+json.
    const first = await ok(call(student.accessToken, 'GET', '/api/me/activity?limit=2'));
    expect(first.items).toHaveLength(2);
    const rest = await ok(call(student.accessToken, 'GET', `/api/me/activity?limit=100&cursor=${first.nextCursor}`));
    const all = [...first.items, ...rest.items];
    expect(all).toHaveLength(1 + 1 + 3 + 1); // quiz, hand-in, three classes, one badge
    expect(new Set(all.map((a: any) => a.id)).size).toBe(all.length);
    expect(all.filter((a: any) => a.type === 'quiz_passed').map((a: any) => [a.xp, a.entityId])).toEqual([[30, quizId]]);
    expect((await ok(call(student.accessToken, 'GET', '/api/me/activity?type=badge_earned'))).items.map((a: any) => a.title)).toEqual(['Badge earned: Perfect attendance week']);
    const bad = await call(student.accessToken, 'GET', '/api/me/activity?limit=0');
    expect(bad.status).toBe(400);
    expect((await call(student.accessToken, 'GET', '/api/me/activity?cursor=nope')).status).toBe(400);
    // Another student's feed is simply not theirs to read.
    const other = await createUser(stack, 'USER');
    expect((await ok(call(other.accessToken, 'GET', '/api/me/activity'))).items).toEqual([]);
    expect((await call(admin.accessToken, 'GET', '/api/me/activity')).status).toBe(403);
  });

  it('points come from system config engagement.xpPoints at award time; a bad stored value falls back to the defaults', async () => {
    const student = await createUser(stack, 'USER');
    const award = () => stack.db.$transaction((tx) => awardXp(tx, { userId: student.user.id, eventType: 'class_attended', sourceId: randomUUID(), title: 'Class' }));
    const key = 'engagement.xpPoints';
    // Set over the api (validated per key), then an award reads it.
    const sa = await createUser(stack, 'SUPERADMIN');
    const badPut = await call(sa.accessToken, 'PUT', `/api/system-config/${key}`, { value: { session_completed: 50, quiz_passed: 30, class_attended: -5, assignment_submitted: 20 } });
    expect(badPut.status).toBe(400);
    await ok(call(sa.accessToken, 'PUT', `/api/system-config/${key}`, { value: { session_completed: 50, quiz_passed: 30, class_attended: 7, assignment_submitted: 20 } }));
    try {
      expect((await award()).points).toBe(7);
      await stack.db.systemConfig.update({ where: { key }, data: { value: { class_attended: 'many' } } });
      expect((await award()).points).toBe(10);
    } finally {
      await stack.db.systemConfig.delete({ where: { key } });
    }
    expect((await award()).points).toBe(10);
    expect(await xpOf(student.user.id)).toBe(27);
  });

  it('attendance undone (re-marked ABSENT/EXCUSED) is revoked once by a revoke:<key> row; re-marked PRESENT earns a new versioned award; duplicates and parallel re-marks stay exactly-once', async () => {
    const { courseId, moduleId } = await course();
    const student = await createUser(stack, 'USER');
    await enroll(student.user.id, courseId);
    const cls = await stack.db.class.create({ data: { moduleId, title: 'Live undo', type: 'LIVE', isPublished: true, scheduledAt: new Date('2026-04-06T10:00:00Z') } });
    const mark = (status: string) => ok(call(admin.accessToken, 'PUT', `/api/admin/classes/${cls.id}/attendance`, { entries: [{ userId: student.user.id, status }] }));
    const ledger = async () =>
      (await stack.db.xpEvent.findMany({ where: { userId: student.user.id, eventType: 'class_attended' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map((e) => [e.points, e.dedupeKey]);
    const sum = async () => (await stack.db.xpEvent.aggregate({ where: { userId: student.user.id }, _sum: { points: true } }))._sum.points ?? 0;

    // Revoking what was never awarded is a no-op.
    await mark('ABSENT');
    expect(await ledger()).toEqual([]);
    await mark('PRESENT');
    const row = await stack.db.attendance.findFirstOrThrow({ where: { userId: student.user.id, classId: cls.id } });
    const key = `class_attended:${row.id}:${student.user.id}`;
    expect(await ledger()).toEqual([[10, key]]);
    // Undo, duplicated and in parallel: one compensating row.
    await Promise.all([mark('ABSENT'), mark('ABSENT'), mark('EXCUSED')]);
    await mark('ABSENT');
    expect(await ledger()).toEqual([[10, key], [-10, `revoke:${key}`]]);
    expect(await xpOf(student.user.id)).toBe(0);
    // Re-marked present (in parallel, twice): one new award with its own key; undone again: its own revoke.
    await Promise.all([mark('PRESENT'), mark('LATE')]);
    await mark('PRESENT');
    expect(await ledger()).toEqual([[10, key], [-10, `revoke:${key}`], [10, `${key}:v2`]]);
    await mark('ABSENT');
    await mark('ABSENT');
    expect(await ledger()).toEqual([[10, key], [-10, `revoke:${key}`], [10, `${key}:v2`], [-10, `revoke:${key}:v2`]]);
    expect(await xpOf(student.user.id)).toBe(0);
    expect(await sum()).toBe(0);
    // A revocation takes back what was awarded, even if the configured points changed since.
    await mark('PRESENT');
    const cfg = 'engagement.xpPoints';
    await stack.db.systemConfig.create({ data: { key: cfg, value: { session_completed: 50, quiz_passed: 30, class_attended: 25, assignment_submitted: 20 } } });
    try {
      await mark('ABSENT');
    } finally {
      await stack.db.systemConfig.delete({ where: { key: cfg } });
    }
    expect((await ledger()).slice(-2)).toEqual([[10, `${key}:v3`], [-10, `revoke:${key}:v3`]]);
    expect(await xpOf(student.user.id)).toBe(await sum());
    const feed = await ok(call(student.accessToken, 'GET', '/api/me/activity?type=xp_revoked'));
    expect(feed.items.map((a: any) => [a.xp, a.title])).toEqual(Array.from({ length: 3 }, () => [-10, 'Attendance changed: Live undo']));
  });

  it('reaching 100 XP earns the Century badge once', async () => {
    const student = await createUser(stack, 'USER');
    for (let i = 0; i < 5; i++) await stack.db.$transaction((tx) => awardXp(tx, { userId: student.user.id, eventType: 'assignment_submitted', sourceId: randomUUID(), title: `Hand-in ${i}` }));
    const badges = await ok(call(student.accessToken, 'GET', '/api/me/badges'));
    expect(badges.items.map((b: any) => [b.badgeKey, b.why]).sort()).toEqual([
      ['assignments_5', '5 assignments handed in (needs 5)'],
      ['xp_100', '100 XP earned (needs 100)'],
    ]);
    expect(await stack.db.notification.count({ where: { userId: student.user.id } })).toBe(2);
  });
});

describe('batch leaderboard', () => {
  it('ranks the batch’s enrolled students by XP; members, its managers and staff read it; anyone else 404', async () => {
    const batch = await stack.db.batch.create({ data: { code: `XPL-${randomUUID().slice(0, 8)}`, name: 'Leaderboard cohort' } });
    const other = await stack.db.batch.create({ data: { code: `XPO-${randomUUID().slice(0, 8)}`, name: 'Other cohort' } });
    const [a, b, c, outsider, cm, otherCm] = await Promise.all([createUser(stack), createUser(stack), createUser(stack), createUser(stack), createUser(stack, 'SALES'), createUser(stack, 'SALES')]);
    for (const s of [a, b, c]) await stack.db.application.create({ data: { userId: s.user.id, batchId: batch.id, status: 'ENROLLED', name: s.email, email: s.email } });
    await stack.db.application.create({ data: { userId: outsider.user.id, batchId: batch.id, status: 'SUBMITTED', name: 'x', email: outsider.email } });
    await stack.db.communityManagerAssignment.createMany({ data: [{ batchId: batch.id, communityManagerId: cm.user.id }, { batchId: other.id, communityManagerId: otherCm.user.id }] });
    const give = (userId: string, n: number) =>
      Promise.all(Array.from({ length: n }, () => stack.db.$transaction((tx) => awardXp(tx, { userId, eventType: 'class_attended', sourceId: randomUUID(), batchId: batch.id, title: 'Class' }))));
    await give(a.user.id, 1);
    await give(b.user.id, 3);
    // XP earned in another batch (and batchless XP) does not count on this batch's board; scope=all counts it.
    await stack.db.$transaction((tx) => awardXp(tx, { userId: a.user.id, eventType: 'session_completed', sourceId: randomUUID(), batchId: other.id, title: 'Elsewhere' }));
    await stack.db.$transaction((tx) => awardXp(tx, { userId: c.user.id, eventType: 'quiz_passed', sourceId: randomUUID(), title: 'No batch' }));

    const path = `/api/batches/${batch.id}/leaderboard`;
    const board = await ok(call(a.accessToken, 'GET', path));
    expect(board).toMatchObject({ batchId: batch.id, scope: 'batch', students: 3, me: { userId: a.user.id, rank: 2, xp: 10 } });
    expect(board.items.map((e: any) => [e.userId, e.rank, e.xp])).toEqual([
      [b.user.id, 1, 30],
      [a.user.id, 2, 10],
      [c.user.id, 3, 0],
    ]);
    const total = await ok(call(a.accessToken, 'GET', `${path}?scope=all`));
    expect(total.scope).toBe('all');
    expect(total.items[0]).toMatchObject({ userId: a.user.id, rank: 1, xp: 60 });
    expect(total.items.slice(1).map((e: any) => [e.userId, e.rank, e.xp]).sort()).toEqual([[b.user.id, 2, 30], [c.user.id, 2, 30]].sort());
    expect((await call(a.accessToken, 'GET', `${path}?scope=mine`)).status).toBe(400);
    expect((await ok(call(cm.accessToken, 'GET', `${path}?limit=1`))).items).toHaveLength(1);
    expect((await ok(call(admin.accessToken, 'GET', `${path}?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`))).items.every((e: any) => e.xp === 0)).toBe(true);
    expect((await call(outsider.accessToken, 'GET', path)).status).toBe(404);
    expect((await call(otherCm.accessToken, 'GET', path)).status).toBe(404);
    expect((await call(admin.accessToken, 'GET', `/api/batches/${randomUUID()}/leaderboard`)).status).toBe(404);
    const bad = await call(admin.accessToken, 'GET', `${path}?limit=1000`);
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBeTruthy();
  });
});
