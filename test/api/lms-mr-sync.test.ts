// Batch ↔ Mr Learn / Mr Test maps and the synced progress over the api, on the real stack: maps
// are an idempotent upsert on (batch, external id) with a soft delete that a second POST undoes;
// an id the synced tables do not hold is 422; a member's progress and results show to staff, to
// the batch's super-mentor and to the student (matched by stored userId, else by lower-cased
// email, never through a row that names another user); a non-member and another batch are 404.
// Synced rows are written as the sync writes them (mrlearn.* / mrtest.* under one sync config).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

type User = Awaited<ReturnType<typeof createUser>>;
let stack: TestStack;
let call: ReturnType<typeof apiCaller>;
let admin: User;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  call = apiCaller(stack);
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack?.close());

const tag = () => randomUUID().slice(0, 8);
const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 9));

async function batch() {
  return stack.db.batch.create({ data: { code: `MR-${tag()}`, name: 'Mr sync batch', status: 'ACTIVE' } });
}
async function member(batchId: string, status: 'BATCH_ALLOCATED' | 'ENROLLED' | 'SUBMITTED' = 'ENROLLED') {
  const s = await createUser(stack, 'USER');
  await stack.db.application.create({ data: { userId: s.user.id, batchId, status, name: s.user.name, email: s.email } });
  return s;
}

/** A synced Mr Learn course under a fresh sync config. */
async function learnCourse(title = 'SQL Foundations') {
  const syncConfigId = randomUUID();
  const course = await stack.db.mrLearnCourse.create({ data: { syncConfigId, externalId: `crs_${tag()}`, title, lastSyncedAt: day(0) } });
  return { syncConfigId, course };
}

describe('batch ↔ Mr Learn course maps', () => {
  it('maps idempotently, caches the synced title, refuses an unknown id or batch, and soft-deletes', async () => {
    const b = await batch();
    const { course } = await learnCourse('Power BI 1');
    const path = `/api/admin/batches/${b.id}/mr-learn-courses`;

    const created = await call(admin.accessToken, 'POST', path, { mrLearnCourseId: course.externalId, name: 'ignored once synced' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ batchId: b.id, mrLearnCourseId: course.externalId, name: 'Power BI 1', synced: true, isActive: true });
    const again = await call(admin.accessToken, 'POST', path, { mrLearnCourseId: course.externalId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    // Parallel POSTs of one pair make one row.
    const parallel = await Promise.all([1, 2, 3].map(() => call(admin.accessToken, 'POST', path, { mrLearnCourseId: course.externalId })));
    expect(new Set(parallel.map((r) => r.body.id))).toEqual(new Set([created.body.id]));
    expect(await stack.db.batchMrLearnCourse.count({ where: { batchId: b.id } })).toBe(1);

    const unknown = await call(admin.accessToken, 'POST', path, { mrLearnCourseId: `crs_${tag()}` });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('json.mrLearnCourseId');
    expect((await call(admin.accessToken, 'POST', `/api/admin/batches/${randomUUID()}/mr-learn-courses`, { mrLearnCourseId: course.externalId })).status).toBe(404);
    expect((await call(admin.accessToken, 'POST', path, { mrLearnCourseId: 'has space' })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', path, { mrLearnCourseId: course.externalId, extra: 1 })).status).toBe(400);
    const student = await createUser(stack, 'USER');
    expect((await call(student.accessToken, 'POST', path, { mrLearnCourseId: course.externalId })).status).toBe(403);

    const removed = await call(admin.accessToken, 'DELETE', `${path}/${created.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: created.body.id, isActive: false });
    expect((await call(admin.accessToken, 'DELETE', `${path}/${randomUUID()}`)).status).toBe(404);
    expect((await call(admin.accessToken, 'GET', path)).body).toEqual([]);
    const all = await call(admin.accessToken, 'GET', `${path}?activeOnly=false`);
    expect(all.body).toMatchObject([{ id: created.body.id, isActive: false }]);
    // Another batch's map id is not this batch's.
    const other = await batch();
    expect((await call(admin.accessToken, 'DELETE', `/api/admin/batches/${other.id}/mr-learn-courses/${created.body.id}`)).status).toBe(404);

    const back = await call(admin.accessToken, 'POST', path, { mrLearnCourseId: course.externalId });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: created.body.id, isActive: true });
    expect((await call(admin.accessToken, 'GET', path)).body).toHaveLength(1);
  });

  it('maps Mr Test exams the same way', async () => {
    const b = await batch();
    const exam = await stack.db.mrTestOnlineExam.create({ data: { syncConfigId: randomUUID(), externalId: `exm_${tag()}`, title: 'Mock test 1' } });
    const path = `/api/admin/batches/${b.id}/mr-test-exams`;
    const created = await call(admin.accessToken, 'POST', path, { mrTestExamId: exam.externalId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mrTestExamId: exam.externalId, name: 'Mock test 1', synced: true, isActive: true });
    expect((await call(admin.accessToken, 'POST', path, { mrTestExamId: exam.externalId })).status).toBe(200);
    expect((await call(admin.accessToken, 'POST', path, { mrTestExamId: `exm_${tag()}` })).status).toBe(422);
    expect((await call(admin.accessToken, 'DELETE', `${path}/${created.body.id}`)).body).toMatchObject({ isActive: false });
    expect((await call(admin.accessToken, 'POST', path, { mrTestExamId: exam.externalId })).body).toMatchObject({ id: created.body.id, isActive: true });
  });
});

describe('a batch’s synced progress and results', () => {
  it('shows each member’s Mr Learn progress to staff, the batch’s super-mentor and the student; others get 404', async () => {
    const b = await batch();
    const [a, bee, none] = [await member(b.id), await member(b.id, 'BATCH_ALLOCATED'), await member(b.id)];
    const applicant = await member(b.id, 'SUBMITTED');
    const outsider = await createUser(stack, 'USER');
    // B's email differs in case from the synced (lower-cased) one.
    const beeEmail = `Bee-${tag()}@Mixed.Test`;
    await stack.db.user.update({ where: { id: bee.user.id }, data: { email: beeEmail } });

    const { syncConfigId, course } = await learnCourse('SQL Foundations');
    const { course: second } = await learnCourse('Excel 2');
    const learnerA = await stack.db.mrLearnLearner.create({ data: { syncConfigId, externalId: `lrn_${tag()}`, userId: a.user.id, email: a.email } });
    const learnerB = await stack.db.mrLearnLearner.create({ data: { syncConfigId, externalId: `lrn_${tag()}`, userId: null, email: beeEmail.toLowerCase() } });
    // A row with B's email but naming another user never matches B.
    const decoy = await stack.db.mrLearnLearner.create({ data: { syncConfigId, externalId: `lrn_${tag()}`, userId: outsider.user.id, email: beeEmail.toLowerCase() } });
    await stack.db.mrLearnLearnerReport.createMany({
      data: [
        { learnerId: learnerA.id, courseId: course.id, progressPercent: 42.5, completedLessons: 5, totalLessons: 12, timeSpentMinutes: 90, externalStatus: 'in_progress', lastActivityAt: day(3), lastSyncedAt: day(4) },
        { learnerId: learnerB.id, courseId: course.id, progressPercent: 100, completedLessons: 12, totalLessons: 12, score: 88.5, externalStatus: 'completed', lastActivityAt: day(2), completedAt: day(2) },
        { learnerId: decoy.id, courseId: course.id, progressPercent: 7, externalStatus: 'in_progress', lastActivityAt: day(5) },
      ],
    });
    for (const c of [course, second]) expect((await call(admin.accessToken, 'POST', `/api/admin/batches/${b.id}/mr-learn-courses`, { mrLearnCourseId: c.externalId })).status).toBe(201);

    const path = `/api/admin/batches/${b.id}/mr-learn-progress`;
    const page = await call(admin.accessToken, 'GET', `${path}?limit=100`);
    expect(page.status).toBe(200);
    // Three members × two maps; the applicant (SUBMITTED) is not a member.
    expect(page.body.items).toHaveLength(6);
    expect(page.body.items.some((r: { userId: string }) => r.userId === applicant.user.id)).toBe(false);
    const row = (u: User, externalId: string) => page.body.items.find((r: { userId: string; mrLearnCourseId: string }) => r.userId === u.user.id && r.mrLearnCourseId === externalId);
    expect(row(a, course.externalId)).toMatchObject({
      courseName: 'SQL Foundations',
      learnerId: learnerA.id,
      matchedBy: 'userId',
      progressPercent: 42.5,
      completedLessons: 5,
      totalLessons: 12,
      timeSpentMinutes: 90,
      status: 'in_progress',
      lastActivityAt: day(3).toISOString(),
      lastSyncedAt: day(4).toISOString(),
    });
    expect(row(bee, course.externalId)).toMatchObject({ learnerId: learnerB.id, matchedBy: 'email', progressPercent: 100, score: 88.5, status: 'completed', completedAt: day(2).toISOString() });
    // A course the learner has no report in (under another config): matched learner, no progress.
    expect(row(a, second.externalId)).toMatchObject({ courseName: 'Excel 2', learnerId: learnerA.id, progressPercent: null, lastActivityAt: null });
    expect(row(none, course.externalId)).toMatchObject({ learnerId: null, matchedBy: null, progressPercent: null, courseName: 'SQL Foundations' });

    // Cursor pages walk the same rows in the same order, without repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await call(admin.accessToken, 'GET', `${path}?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.status).toBe(200);
      seen.push(...p.body.items.map((r: { userId: string; mapId: string }) => `${r.userId}:${r.mapId}`));
      cursor = p.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(page.body.items.map((r: { userId: string; mapId: string }) => `${r.userId}:${r.mapId}`));
    expect((await call(admin.accessToken, 'GET', `${path}?cursor=not-a-cursor`)).status).toBe(400);
    const filtered = await call(admin.accessToken, 'GET', `${path}?userId=${bee.user.id}&mrLearnCourseId=${course.externalId}`);
    expect(filtered.body.items).toHaveLength(1);

    // An inactive map drops out.
    const maps = await call(admin.accessToken, 'GET', `/api/admin/batches/${b.id}/mr-learn-courses`);
    const secondMap = maps.body.find((m: { mrLearnCourseId: string }) => m.mrLearnCourseId === second.externalId);
    await call(admin.accessToken, 'DELETE', `/api/admin/batches/${b.id}/mr-learn-courses/${secondMap.id}`);
    expect((await call(admin.accessToken, 'GET', path)).body.items).toHaveLength(3);

    // The student sees their own rows only; a non-member and another batch are 404.
    const mine = await call(a.accessToken, 'GET', `/api/me/batches/${b.id}/mr-learn-progress`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ userId: a.user.id, progressPercent: 42.5, matchedBy: 'userId' });
    expect((await call(outsider.accessToken, 'GET', `/api/me/batches/${b.id}/mr-learn-progress`)).status).toBe(404);
    expect((await call(applicant.accessToken, 'GET', `/api/me/batches/${b.id}/mr-learn-progress`)).status).toBe(404);
    const otherBatch = await batch();
    expect((await call(a.accessToken, 'GET', `/api/me/batches/${otherBatch.id}/mr-learn-progress`)).status).toBe(404);
    expect((await call(a.accessToken, 'GET', `/api/me/batches/${randomUUID()}/mr-learn-progress`)).status).toBe(404);
    // A student cannot use the staff view.
    expect((await call(a.accessToken, 'GET', path)).status).toBe(403);

    // An expert sees it only for a batch they super-mentor; a SALES user only as its community manager.
    const expert = await createUser(stack, 'EXPERT');
    const sales = await createUser(stack, 'SALES');
    expect((await call(expert.accessToken, 'GET', path)).status).toBe(404);
    expect((await call(sales.accessToken, 'GET', path)).status).toBe(404);
    await stack.db.superMentorAssignment.create({ data: { batchId: b.id, superMentorId: expert.user.id } });
    await stack.db.batch.update({ where: { id: b.id }, data: { cmId: sales.user.id } });
    expect((await call(expert.accessToken, 'GET', path)).body.items).toHaveLength(3);
    expect((await call(sales.accessToken, 'GET', path)).body.items).toHaveLength(3);
    expect((await call(expert.accessToken, 'GET', `/api/admin/batches/${otherBatch.id}/mr-learn-progress`)).status).toBe(404);
  });

  it('shows each member’s latest Mr Test attempt with its report, to staff and to the student', async () => {
    const b = await batch();
    const [a, bee] = [await member(b.id), await member(b.id)];
    const stranger = await createUser(stack, 'USER');
    const syncConfigId = randomUUID();
    const exam = await stack.db.mrTestOnlineExam.create({ data: { syncConfigId, externalId: `exm_${tag()}`, title: 'SQL mock', totalMarks: 100, passingMarks: 40 } });
    const sa = await stack.db.mrTestStudent.create({ data: { syncConfigId, externalId: `stu_${tag()}`, userId: a.user.id, email: a.email } });
    const sb = await stack.db.mrTestStudent.create({ data: { syncConfigId, externalId: `stu_${tag()}`, email: bee.email.toLowerCase() } });
    const sub = (studentId: string, attemptNumber: number, score: number, submittedAt: Date) =>
      stack.db.mrTestSubmission.create({ data: { syncConfigId, externalId: `sub_${tag()}`, studentId, onlineExamId: exam.id, attemptNumber, score, maxScore: 100, percentage: score, externalStatus: 'evaluated', submittedAt } });
    await sub(sa.id, 1, 30, day(1));
    const latest = await sub(sa.id, 2, 55.5, day(6));
    await stack.db.mrTestSubmissionReport.create({ data: { submissionId: latest.id, rank: 3, percentile: 91.25, reportUrl: 'https://mrtest.example/r/1' } });
    await sub(sb.id, 1, 20, day(2));
    expect((await call(admin.accessToken, 'POST', `/api/admin/batches/${b.id}/mr-test-exams`, { mrTestExamId: exam.externalId })).status).toBe(201);

    const page = await call(admin.accessToken, 'GET', `/api/admin/batches/${b.id}/mr-test-results`);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    const byUser = (u: User) => page.body.items.find((r: { userId: string }) => r.userId === u.user.id);
    expect(byUser(a)).toMatchObject({
      examName: 'SQL mock',
      studentId: sa.id,
      matchedBy: 'userId',
      submissionId: latest.id,
      attemptNumber: 2,
      attempts: 2,
      score: 55.5,
      maxScore: 100,
      percentage: 55.5,
      passed: true,
      status: 'evaluated',
      submittedAt: day(6).toISOString(),
      rank: 3,
      percentile: 91.25,
      reportUrl: 'https://mrtest.example/r/1',
    });
    expect(byUser(bee)).toMatchObject({ studentId: sb.id, matchedBy: 'email', attempts: 1, score: 20, passed: false, rank: null });

    const mine = await call(bee.accessToken, 'GET', `/api/me/batches/${b.id}/mr-test-results`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: { userId: string }) => r.userId)).toEqual([bee.user.id]);
    expect((await call(stranger.accessToken, 'GET', `/api/me/batches/${b.id}/mr-test-results`)).status).toBe(404);
  });
});
