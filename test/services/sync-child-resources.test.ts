// The sync's child resources (a page of rows placed under parents synced before them) on the real
// database: a row whose parent is not synced fails alone with the parent named, the rest of the
// page lands; rows keyed by their parents (one report per submission) keep the page's last one;
// rewriting the same page counts everything unchanged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MRLEARN_RESOURCES } from '../../services/sync/mrlearn-resources.js';
import { MRTEST_RESOURCES } from '../../services/sync/mrtest-resources.js';
import type { SyncResource } from '../../services/sync/resources.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const at = '2026-12-01T10:00:00.000Z';
const resource = (list: SyncResource[], name: string) => list.find((r) => r.name === name)!;
const write = (r: SyncResource, configId: string, rows: Record<string, unknown>[]) =>
  stack.db.$transaction((tx) => r.write(tx, configId, rows.map((raw) => { const p = r.parse(raw); if (!p.ok) throw new Error(p.failed.reason); return p.row; })));

describe('sync child resources', () => {
  it('Mr Test: submissions need their student and exam, reports their submission; the last report of a page wins', async () => {
    const config = await stack.db.mrTestSyncConfig.create({ data: { name: `child-${randomUUID().slice(0, 8)}`, authCredentialsId: randomUUID() } });
    await write(resource(MRTEST_RESOURCES, 'online_exams'), config.id, [{ id: 'ex_1', title: 'SQL', updated_at: at }]);
    await write(resource(MRTEST_RESOURCES, 'students'), config.id, [{ id: 'st_1', name: 'Asha', email: 'Asha@X.example', updated_at: at }]);
    const subs = await write(resource(MRTEST_RESOURCES, 'submissions'), config.id, [
      { id: 'sub_ok', student_id: 'st_1', exam_id: 'ex_1', attempt_number: 1, score: 40, updated_at: at },
      { id: 'sub_no_student', student_id: 'st_9', exam_id: 'ex_1', attempt_number: 1, updated_at: at },
      { id: 'sub_no_exam', student_id: 'st_1', exam_id: 'ex_9', attempt_number: 2, updated_at: at },
    ]);
    expect(subs).toMatchObject({ inserted: 1, failed: [{ externalId: 'sub_no_student', reason: 'unknown student st_9' }, { externalId: 'sub_no_exam', reason: 'unknown exam ex_9' }] });
    const student = await stack.db.mrTestStudent.findFirstOrThrow({ where: { syncConfigId: config.id, externalId: 'st_1' } });
    expect(student.email).toBe('asha@x.example');
    const sub = await stack.db.mrTestSubmission.findFirstOrThrow({ where: { syncConfigId: config.id, externalId: 'sub_ok' } });
    expect(sub.studentId).toBe(student.id);

    const reports = await write(resource(MRTEST_RESOURCES, 'submission_reports'), config.id, [
      { id: 'rep_1', submission_id: 'sub_ok', rank: 9, updated_at: at },
      { id: 'rep_2', submission_id: 'sub_ok', rank: 3, updated_at: at },
      { id: 'rep_3', submission_id: 'sub_gone', rank: 1, updated_at: at },
    ]);
    expect(reports).toMatchObject({ inserted: 1, failed: [{ externalId: 'rep_3', reason: 'unknown submission sub_gone' }] });
    expect((await stack.db.mrTestSubmissionReport.findUniqueOrThrow({ where: { submissionId: sub.id } })).rank).toBe(3);

    const again = await write(resource(MRTEST_RESOURCES, 'submissions'), config.id, [{ id: 'sub_ok', student_id: 'st_1', exam_id: 'ex_1', attempt_number: 1, score: 40, updated_at: at }]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, failed: [] });
  });

  it('Mr Learn: a report needs its learner and course, one per (learner, course)', async () => {
    const config = await stack.db.mrLearnSyncConfig.create({ data: { name: `child-${randomUUID().slice(0, 8)}`, authCredentialsId: randomUUID() } });
    await write(resource(MRLEARN_RESOURCES, 'courses'), config.id, [{ id: 'crs_1', title: 'SQL 1', updated_at: at }]);
    await write(resource(MRLEARN_RESOURCES, 'learners'), config.id, [{ id: 'lrn_1', name: 'Ravi', email: 'ravi@x.example', updated_at: at }]);
    const report = (id: string, learner: string, course: string, progress: number) => ({ id, learner_id: learner, course_id: course, progress_percent: progress, completed_lessons: 1, time_spent_minutes: 5, updated_at: at });
    const out = await write(resource(MRLEARN_RESOURCES, 'learner_reports'), config.id, [report('r1', 'lrn_1', 'crs_1', 10), report('r2', 'lrn_1', 'crs_1', 55), report('r3', 'lrn_1', 'crs_9', 1), report('r4', 'lrn_9', 'crs_1', 1)]);
    expect(out).toMatchObject({ inserted: 1, failed: [{ externalId: 'r3', reason: 'unknown course crs_9' }, { externalId: 'r4', reason: 'unknown learner lrn_9' }] });
    const learner = await stack.db.mrLearnLearner.findFirstOrThrow({ where: { syncConfigId: config.id, externalId: 'lrn_1' } });
    const rows = await stack.db.mrLearnLearnerReport.findMany({ where: { learnerId: learner.id } });
    expect(rows.map((r) => Number(r.progressPercent))).toEqual([55]);
  });
});
