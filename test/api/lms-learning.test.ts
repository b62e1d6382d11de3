// The LMS learning slice over the api: the question bank's validation, quizzes snapshotted from it,
// attempts graded on the server (limits under parallel starts, one grading per attempt, answers
// hidden), assignment hand-ins and grades, bulk attendance as an upsert, and progress moving
// NOT_STARTED → IN_PROGRESS → COMPLETED. Every student sees only their own rows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/auth/roles.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

type User = Awaited<ReturnType<typeof createUser>>;
let stack: TestStack;
let admin: User;
let expert: User;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  [admin, expert] = await Promise.all([createUser(stack, 'ADMIN'), createUser(stack, 'EXPERT')]);
});
afterAll(() => stack?.close());

/* eslint-disable @typescript-eslint/no-explicit-any */
const call = (token: string, method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, bearerHeader(token)));
const ok = async (res: Response, status = 200): Promise<any> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.status === 204 ? null : await res.json();
};
const user = (role: Role = 'USER') => createUser(stack, role);
const opts = (...ids: string[]) => ids.map((id) => ({ id, text: `Option ${id.toUpperCase()}` }));

/** A published course with one published module (and whatever content the test adds). */
async function makeCourse() {
  const course = await stack.db.course.create({ data: { slug: `lms-${randomUUID().slice(0, 8)}`, title: 'Analytics 101', status: 'PUBLISHED' } });
  const mod = await stack.db.module.create({ data: { courseId: course.id, title: 'Week 1', isPublished: true } });
  return { courseId: course.id, moduleId: mod.id };
}
const enroll = (userId: string, courseId: string) => stack.db.enrollment.create({ data: { userId, courseId } });

async function bank(n: number, token = admin.accessToken) {
  const category = await ok(await call(token, 'POST', '/api/admin/question-bank/categories', { name: `SQL ${randomUUID().slice(0, 6)}` }), 201);
  const questions = [];
  for (let i = 0; i < n; i++) {
    questions.push(await ok(await call(token, 'POST', '/api/admin/question-bank/questions', { categoryId: category.id, question: `Q${i}: which?`, options: opts('a', 'b', 'c'), correctAnswer: i === 1 ? ['a', 'c'] : ['b'], difficulty: 'EASY', tags: ['Joins'] }), 201));
  }
  return { categoryId: category.id as string, questions: questions as { id: string }[] };
}

/** A published quiz over `n` fresh bank questions (q0: b, q1: a+c, others: b), one mark each. */
async function publishedQuiz(moduleId: string, n: number, settings: Record<string, unknown> = {}) {
  const { questions } = await bank(n);
  const quiz = await ok(await call(admin.accessToken, 'POST', `/api/admin/modules/${moduleId}/quizzes`, { title: 'Check-in', questions: questions.map((q) => ({ questionId: q.id })), ...settings }), 201);
  await ok(await call(admin.accessToken, 'POST', `/api/admin/quizzes/${quiz.id}/publish`));
  return { quiz, questions };
}

describe('question bank', () => {
  it('refuses bad options or correct answers with 422, lets experts author, and filters by category, difficulty, tag and text', async () => {
    const category = await ok(await call(admin.accessToken, 'POST', '/api/admin/question-bank/categories', { name: `Stats ${randomUUID().slice(0, 6)}` }), 201);
    expect((await call(admin.accessToken, 'POST', '/api/admin/question-bank/categories', { name: category.name })).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/question-bank/categories/${randomUUID()}`, { name: 'Nope' })).status).toBe(404);
    const base = { categoryId: category.id, question: 'What is a median?' };
    const bad = [
      { options: opts('a'), correctAnswer: ['a'] },
      { options: opts(...'abcdefghijk'), correctAnswer: ['a'] },
      { options: [...opts('a', 'b'), { id: 'a', text: 'again' }], correctAnswer: ['a'] },
      { options: opts('a', 'b'), correctAnswer: [] },
      { options: opts('a', 'b'), correctAnswer: ['z'] },
    ];
    for (const b of bad) expect((await call(admin.accessToken, 'POST', '/api/admin/question-bank/questions', { ...base, ...b })).status, JSON.stringify(b)).toBe(422);
    expect((await call(admin.accessToken, 'POST', '/api/admin/question-bank/questions', { ...base, categoryId: randomUUID(), options: opts('a', 'b'), correctAnswer: ['a'] })).status).toBe(422);
    const student = await user();
    expect((await call(student.accessToken, 'POST', '/api/admin/question-bank/questions', { ...base, options: opts('a', 'b'), correctAnswer: ['a'] })).status).toBe(403);

    const q = await ok(await call(expert.accessToken, 'POST', '/api/admin/question-bank/questions', { ...base, options: opts('a', 'b'), correctAnswer: ['b'], difficulty: 'HARD', tags: [' Central-Tendency '] }), 201);
    expect(q).toMatchObject({ difficulty: 'HARD', tags: ['central-tendency'], isActive: true, correctAnswer: ['b'] });
    await ok(await call(admin.accessToken, 'POST', '/api/admin/question-bank/questions', { ...base, question: 'What is a mode?', options: opts('a', 'b'), correctAnswer: ['a'] }), 201);
    const patched = await call(admin.accessToken, 'PATCH', `/api/admin/question-bank/questions/${q.id}`, { correctAnswer: ['c'] });
    expect(patched.status).toBe(422);

    const find = async (query: string) => ((await ok(await call(admin.accessToken, 'GET', `/api/admin/question-bank/questions?categoryId=${category.id}&${query}`))).items as { id: string }[]).map((x) => x.id);
    expect(await find('difficulty=HARD')).toEqual([q.id]);
    expect(await find('tag=central-tendency')).toEqual([q.id]);
    expect(await find('q=MEDIAN')).toEqual([q.id]);
    expect(await find('limit=1')).toHaveLength(1);
    // An unused question is really deleted; the category then still holds the other one.
    expect(await ok(await call(admin.accessToken, 'DELETE', `/api/admin/question-bank/questions/${q.id}`))).toEqual({ id: q.id, deleted: true, isActive: false });
    expect((await call(admin.accessToken, 'DELETE', `/api/admin/question-bank/categories/${category.id}`)).status).toBe(409);
  });
});

describe('quizzes and attempts', () => {
  it('snapshots bank questions: later bank edits leave the quiz alone, a used question is deactivated, an attempted quiz is frozen', async () => {
    const { courseId, moduleId } = await makeCourse();
    const { categoryId, questions } = await bank(3);
    const [q0, q1] = questions;
    const body = { title: 'Joins', questions: [{ questionId: q0!.id, marks: 2 }, { questionId: q1!.id }], draw: { categoryId, count: 1 }, maxAttempts: 3 };
    expect((await call(admin.accessToken, 'POST', `/api/admin/modules/${moduleId}/quizzes`, { ...body, passingMarks: 5 })).status).toBe(422);
    expect((await call(admin.accessToken, 'POST', `/api/admin/modules/${moduleId}/quizzes`, { ...body, draw: { categoryId, count: 2 } })).status).toBe(422);
    const quiz = await ok(await call(admin.accessToken, 'POST', `/api/admin/modules/${moduleId}/quizzes`, { ...body, passingMarks: 3 }), 201);
    expect(quiz).toMatchObject({ totalMarks: 4, passingMarks: 3, isPublished: false, courseId });
    expect(quiz.questions.map((q: { id: string }) => q.id)).toEqual([q0!.id, q1!.id, questions[2]!.id]);

    await ok(await call(admin.accessToken, 'PATCH', `/api/admin/question-bank/questions/${q0!.id}`, { question: 'Rewritten', options: opts('x', 'y'), correctAnswer: ['y'] }));
    const again = await ok(await call(admin.accessToken, 'GET', `/api/admin/quizzes/${quiz.id}`));
    expect(again.questions[0]).toEqual({ id: q0!.id, prompt: 'Q0: which?', options: opts('a', 'b', 'c'), correctOptionIds: ['b'], marks: 2 });
    expect(await ok(await call(admin.accessToken, 'DELETE', `/api/admin/question-bank/questions/${q0!.id}`))).toEqual({ id: q0!.id, deleted: false, isActive: false });
    expect((await stack.db.questionBankQuestion.findUniqueOrThrow({ where: { id: q0!.id } })).isActive).toBe(false);

    await ok(await call(admin.accessToken, 'PATCH', `/api/admin/quizzes/${quiz.id}`, { title: 'Joins, part 1' }));
    await ok(await call(admin.accessToken, 'POST', `/api/admin/quizzes/${quiz.id}/publish`));
    const student = await user();
    await enroll(student.user.id, courseId);
    await ok(await call(student.accessToken, 'POST', `/api/quizzes/${quiz.id}/attempts`), 201);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/quizzes/${quiz.id}`, { title: 'Too late' })).status).toBe(409);
    expect((await call(admin.accessToken, 'DELETE', `/api/admin/quizzes/${quiz.id}`)).status).toBe(409);
  });

  it('grades on the server with answers hidden, refuses a second submit, hides other students’ attempts and needs an enrollment', async () => {
    const { courseId, moduleId } = await makeCourse();
    const { quiz, questions } = await publishedQuiz(moduleId, 3, { passingMarks: 2, maxAttempts: 2 });
    const [student, other, outsider] = await Promise.all([user(), user(), user()]);
    await Promise.all([enroll(student.user.id, courseId), enroll(other.user.id, courseId)]);

    expect((await call(outsider.accessToken, 'GET', `/api/quizzes/${quiz.id}`)).status).toBe(404);
    expect((await call(outsider.accessToken, 'POST', `/api/quizzes/${quiz.id}/attempts`)).status).toBe(404);
    const view = await ok(await call(student.accessToken, 'GET', `/api/quizzes/${quiz.id}`));
    expect(view).toMatchObject({ attemptsUsed: 0, attemptsLeft: 2, totalMarks: 3 });
    expect(JSON.stringify(view)).not.toContain('correctOptionIds');

    const started = await ok(await call(student.accessToken, 'POST', `/api/quizzes/${quiz.id}/attempts`), 201);
    expect(JSON.stringify(started)).not.toContain('correctOptionIds');
    const attemptId = started.attempt.id as string;
    expect((await ok(await call(student.accessToken, 'POST', `/api/quizzes/${quiz.id}/attempts`))).attempt.id).toBe(attemptId);
    expect((await call(other.accessToken, 'GET', `/api/quiz-attempts/${attemptId}`)).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/quiz-attempts/${attemptId}/submit`, { answers: [] })).status).toBe(404);
    expect((await call(student.accessToken, 'POST', `/api/quiz-attempts/${attemptId}/submit`, { answers: [{ questionId: questions[0]!.id, selectedOptionIds: ['nope'] }] })).status).toBe(422);

    const answers = [
      { questionId: questions[0]!.id, selectedOptionIds: ['b'] },
      { questionId: questions[1]!.id, selectedOptionIds: ['c', 'a'] },
      { questionId: questions[2]!.id, selectedOptionIds: ['a'] },
    ];
    const [first, second] = await Promise.all([
      call(student.accessToken, 'POST', `/api/quiz-attempts/${attemptId}/submit`, { answers }),
      call(student.accessToken, 'POST', `/api/quiz-attempts/${attemptId}/submit`, { answers }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const row = await stack.db.quizSubmission.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row).toMatchObject({ score: 2, maxScore: 3, passed: true });
    const graded = await ok(await call(student.accessToken, 'GET', `/api/quiz-attempts/${attemptId}`));
    expect(graded.attempt).toMatchObject({ status: 'SUBMITTED', score: 2, maxScore: 3, passed: true, late: false });
    // One attempt left: which questions were wrong is shown, the right options are not.
    expect(graded.attempt.results.map((r: any) => [r.awarded, r.correct, r.correctOptionIds])).toEqual([
      [1, true, null],
      [1, true, null],
      [0, false, null],
    ]);
    expect((await call(student.accessToken, 'POST', `/api/quiz-attempts/${attemptId}/submit`, { answers })).status).toBe(409);
    expect(await stack.db.enrollment.findUniqueOrThrow({ where: { userId_courseId: { userId: student.user.id, courseId } } })).toMatchObject({ status: 'COMPLETED', progressPercent: 100 });

    const last = await ok(await call(student.accessToken, 'POST', `/api/quizzes/${quiz.id}/attempts`), 201);
    const done = await ok(await call(student.accessToken, 'POST', `/api/quiz-attempts/${last.attempt.id}/submit`, { answers: [] }));
    expect(done.attempt).toMatchObject({ attemptNumber: 2, score: 0, passed: false });
    expect(done.attempt.results[1].correctOptionIds).toEqual(['a', 'c']);

    const page = await ok(await call(admin.accessToken, 'GET', `/api/admin/quizzes/${quiz.id}/submissions`));
    expect(page.items).toHaveLength(2);
    expect(page.stats).toMatchObject({ attempts: 2, submitted: 2, inProgress: 0, students: 1, passedStudents: 1, passRate: 100, averageScore: 1, minScore: 0, maxScore: 2 });
    expect((await call(student.accessToken, 'GET', `/api/admin/quizzes/${quiz.id}/submissions`)).status).toBe(403);
  });

  it('keeps maxAttempts under 10 parallel starts; a late submission scores 0 and an expired open attempt is closed uncredited', async () => {
    const { courseId, moduleId } = await makeCourse();
    const { quiz, questions } = await publishedQuiz(moduleId, 1, { maxAttempts: 3, timeLimitMinutes: 10 });
    const student = await user();
    await enroll(student.user.id, courseId);
    const startAll = () => Promise.all(Array.from({ length: 10 }, () => call(student.accessToken, 'POST', `/api/quizzes/${quiz.id}/attempts`)));
    const right = { answers: [{ questionId: questions[0]!.id, selectedOptionIds: ['b'] }] };
    const age = (id: string) => stack.db.quizSubmission.update({ where: { id }, data: { startedAt: new Date(Date.now() - 20 * 60_000) } });

    const firstWave = await startAll();
    expect(firstWave.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(firstWave.map(async (r) => ((await r.json()) as any).attempt.id as string)));
    expect(ids.size).toBe(1);
    const [first] = [...ids];
    await age(first!);
    const late = await ok(await call(student.accessToken, 'POST', `/api/quiz-attempts/${first}/submit`, right));
    expect(late.attempt).toMatchObject({ late: true, score: 0, passed: false });

    const secondWave = await startAll();
    expect(secondWave.filter((r) => r.status === 201)).toHaveLength(1);
    const second = await stack.db.quizSubmission.findFirstOrThrow({ where: { quizId: quiz.id, submittedAt: null } });
    await age(second.id);
    const third = await ok(await call(student.accessToken, 'POST', `/api/quizzes/${quiz.id}/attempts`), 201);
    expect(third.attempt.attemptNumber).toBe(3);
    expect(await stack.db.quizSubmission.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ score: 0, passed: false, answers: [] });
    expect((await stack.db.quizSubmission.findUniqueOrThrow({ where: { id: second.id } })).submittedAt).not.toBeNull();
    expect(await ok(await call(student.accessToken, 'POST', `/api/quiz-attempts/${third.attempt.id}/submit`, right))).toMatchObject({ attempt: { score: 1, passed: true, late: false } });

    const lastWave = await startAll();
    expect(lastWave.map((r) => r.status)).toEqual(Array(10).fill(409));
    expect(await stack.db.quizSubmission.count({ where: { quizId: quiz.id, userId: student.user.id } })).toBe(3);
  });
});

describe('assignment submissions and attendance', () => {
  it('hand-ins: enrolled only, replaced until graded, flagged late, frozen after grading; progress moves to IN_PROGRESS then COMPLETED', async () => {
    const { courseId, moduleId } = await makeCourse();
    const cls = await stack.db.class.create({ data: { moduleId, title: 'Live: joins', type: 'LIVE', isPublished: true, scheduledAt: new Date('2026-03-04T10:30:00Z') } });
    const assignment = await stack.db.assignment.create({ data: { moduleId, title: 'Write a join', isPublished: true, maxScore: 10, dueAt: new Date(Date.now() - 60_000) } });
    const draft = await stack.db.assignment.create({ data: { moduleId, title: 'Draft', isPublished: false } });
    const [student, other, outsider] = await Promise.all([user(), user(), user()]);
    await Promise.all([enroll(student.user.id, courseId), enroll(other.user.id, courseId)]);
    const progress = async () => stack.db.enrollment.findUniqueOrThrow({ where: { userId_courseId: { userId: student.user.id, courseId } } });

    expect((await call(outsider.accessToken, 'PUT', `/api/assignments/${assignment.id}/submission`, { content: 'x' })).status).toBe(404);
    expect((await call(student.accessToken, 'PUT', `/api/assignments/${draft.id}/submission`, { content: 'x' })).status).toBe(404);
    expect((await call(student.accessToken, 'PUT', `/api/assignments/${assignment.id}/submission`, {})).status).toBe(400);
    const first = await ok(await call(student.accessToken, 'PUT', `/api/assignments/${assignment.id}/submission`, { content: 'SELECT 1' }));
    expect(first).toMatchObject({ status: 'SUBMITTED', late: true, maxScore: 10, links: [] });
    expect(await progress()).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 50 });
    const replaced = await ok(await call(student.accessToken, 'PUT', `/api/assignments/${assignment.id}/submission`, { content: 'SELECT a.* FROM a JOIN b USING (id)', links: [{ title: 'Gist', url: 'https://example.com/g' }] }));
    expect(replaced.id).toBe(first.id);
    expect(await stack.db.assignmentSubmission.count({ where: { assignmentId: assignment.id } })).toBe(1);
    expect((await call(other.accessToken, 'GET', `/api/assignments/${assignment.id}/submission`)).status).toBe(404);

    expect((await call(admin.accessToken, 'POST', `/api/admin/assignment-submissions/${first.id}/grade`, { score: 11 })).status).toBe(422);
    expect((await call(student.accessToken, 'POST', `/api/admin/assignment-submissions/${first.id}/grade`, { score: 10 })).status).toBe(403);
    const graded = await ok(await call(admin.accessToken, 'POST', `/api/admin/assignment-submissions/${first.id}/grade`, { score: 8, feedback: 'Good' }));
    expect(graded).toMatchObject({ status: 'GRADED', score: 8, feedback: 'Good', gradedById: admin.user.id });
    expect((await call(student.accessToken, 'PUT', `/api/assignments/${assignment.id}/submission`, { content: 'new' })).status).toBe(409);
    expect(await ok(await call(student.accessToken, 'GET', `/api/assignments/${assignment.id}/submission`))).toMatchObject({ score: 8, content: 'SELECT a.* FROM a JOIN b USING (id)' });
    const list = await ok(await call(admin.accessToken, 'GET', `/api/admin/assignments/${assignment.id}/submissions?graded=true`));
    expect(list.items.map((s: any) => s.userId)).toEqual([student.user.id]);

    // Attendance: marking twice keeps one row per student and updates it.
    const mark = (entries: unknown[], token = admin.accessToken) => call(token, 'PUT', `/api/admin/classes/${cls.id}/attendance`, { entries });
    expect((await mark([{ userId: outsider.user.id, status: 'PRESENT' }])).status).toBe(422);
    expect((await mark([{ userId: student.user.id, status: 'PRESENT' }], expert.accessToken)).status).toBe(403);
    expect(await ok(await mark([{ userId: student.user.id, status: 'ABSENT' }, { userId: other.user.id, status: 'PRESENT' }]))).toEqual({ marked: 2, created: 2, updated: 0, sessionDate: '2026-03-04' });
    expect(await progress()).toMatchObject({ status: 'IN_PROGRESS', progressPercent: 50 });
    expect(await ok(await mark([{ userId: student.user.id, status: 'LATE', remarks: 'joined 10 min late' }]))).toMatchObject({ marked: 1, created: 0, updated: 1 });
    const rows = await stack.db.attendance.findMany({ where: { classId: cls.id, userId: student.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'LATE', remarks: 'joined 10 min late', markedById: admin.user.id });
    expect(await progress()).toMatchObject({ status: 'COMPLETED', progressPercent: 100 });
    expect((await progress()).completedAt).not.toBeNull();

    const mine = await ok(await call(student.accessToken, 'GET', '/api/me/attendance'));
    expect(mine.items.map((a: any) => [a.userId, a.classId, a.status])).toEqual([[student.user.id, cls.id, 'LATE']]);
    expect((await call(student.accessToken, 'GET', `/api/admin/classes/${cls.id}/attendance`)).status).toBe(403);
    expect((await ok(await call(admin.accessToken, 'GET', `/api/admin/classes/${cls.id}/attendance`))).items).toHaveLength(2);
  });

  it('batch meetings: staff or the hosting expert mark ENROLLED batch members; the batch lists them', async () => {
    const batch = await stack.db.batch.create({ data: { code: `LRN-${randomUUID().slice(0, 8)}`, name: 'Cohort' } });
    const meeting = await stack.db.batchMeeting.create({ data: { batchId: batch.id, hostId: expert.user.id, title: 'Town hall', startTime: new Date('2026-05-06T15:00:00Z'), endTime: new Date('2026-05-06T16:00:00Z') } });
    const [member, stranger, otherExpert] = await Promise.all([user(), user(), user('EXPERT')]);
    await stack.db.application.create({ data: { userId: member.user.id, batchId: batch.id, status: 'ENROLLED', name: 'M', email: member.email } });
    const mark = (token: string, entries: unknown[]) => call(token, 'PUT', `/api/admin/batch-meetings/${meeting.id}/attendance`, { entries });

    expect((await mark(otherExpert.accessToken, [{ userId: member.user.id, status: 'PRESENT' }])).status).toBe(403);
    expect((await mark(expert.accessToken, [{ userId: stranger.user.id, status: 'PRESENT' }])).status).toBe(422);
    expect((await mark(expert.accessToken, [{ userId: member.user.id, status: 'PRESENT' }, { userId: member.user.id, status: 'ABSENT' }])).status).toBe(422);
    expect(await ok(await mark(expert.accessToken, [{ userId: member.user.id, status: 'PRESENT' }]))).toMatchObject({ created: 1, sessionDate: '2026-05-06' });
    expect(await ok(await mark(admin.accessToken, [{ userId: member.user.id, status: 'EXCUSED' }]))).toMatchObject({ created: 0, updated: 1 });
    const rows = await stack.db.attendance.findMany({ where: { batchMeetingId: meeting.id } });
    expect(rows.map((r) => [r.userId, r.status, r.batchId, r.markedById])).toEqual([[member.user.id, 'EXCUSED', batch.id, admin.user.id]]);

    expect((await ok(await call(expert.accessToken, 'GET', `/api/admin/batch-meetings/${meeting.id}/attendance`))).items).toHaveLength(1);
    expect((await call(otherExpert.accessToken, 'GET', `/api/admin/batch-meetings/${meeting.id}/attendance`)).status).toBe(403);
    expect((await ok(await call(admin.accessToken, 'GET', `/api/admin/batches/${batch.id}/attendance?status=EXCUSED`))).items).toHaveLength(1);
    expect((await ok(await call(stranger.accessToken, 'GET', '/api/me/attendance'))).items).toEqual([]);
    expect((await ok(await call(member.accessToken, 'GET', `/api/me/attendance?batchId=${batch.id}`))).items).toHaveLength(1);
  });
});
