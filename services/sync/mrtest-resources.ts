// Mr Test's resources in sync order: online exams, students (linked to our users by email),
// submissions (placed under the student and exam of the same config) and submission reports
// (one per submission). A child whose parent is not synced fails alone.
import { mrTestExamSchema, mrTestStudentSchema, mrTestSubmissionReportSchema, mrTestSubmissionSchema, MRTEST_PATHS, type MrTestResource } from '../../providers/mrtest/interface.js';
import type { z } from 'zod';
import { childResource, json, lower, simpleResource, type SyncResource } from './resources.js';
import type { UpsertSpec } from './upsert.js';

const perConfig = { conflict: ['syncConfigId', 'externalId'], constants: [{ name: 'syncConfigId', type: 'uuid' as const }] };

export const MRTEST_EXAMS_SPEC: UpsertSpec = {
  table: '"mrtest"."online_exams"',
  ...perConfig,
  columns: [
    { name: 'externalId', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'subject', type: 'text' },
    { name: 'durationMinutes', type: 'int' },
    { name: 'totalQuestions', type: 'int' },
    { name: 'totalMarks', type: 'numeric' },
    { name: 'passingMarks', type: 'numeric' },
    { name: 'startsAt', type: 'timestamptz' },
    { name: 'endsAt', type: 'timestamptz' },
    { name: 'externalStatus', type: 'text' },
    { name: 'externalUpdatedAt', type: 'timestamptz' },
    { name: 'raw', type: 'jsonb' },
  ],
};

export const MRTEST_STUDENTS_SPEC: UpsertSpec = {
  table: '"mrtest"."students"',
  ...perConfig,
  columns: [
    { name: 'externalId', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'userId', type: 'uuid', expression: (v) => `(SELECT "id" FROM "public"."users" WHERE lower("email") = ${v} LIMIT 1)` },
    { name: 'name', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'rollNumber', type: 'text' },
    { name: 'externalStatus', type: 'text' },
    { name: 'externalUpdatedAt', type: 'timestamptz' },
    { name: 'raw', type: 'jsonb' },
  ],
};

export const MRTEST_SUBMISSIONS_SPEC: UpsertSpec = {
  table: '"mrtest"."submissions"',
  ...perConfig,
  columns: [
    { name: 'externalId', type: 'text' },
    { name: 'studentId', type: 'uuid' },
    { name: 'onlineExamId', type: 'uuid' },
    { name: 'attemptNumber', type: 'int' },
    { name: 'externalStatus', type: 'text' },
    { name: 'score', type: 'numeric' },
    { name: 'maxScore', type: 'numeric' },
    { name: 'percentage', type: 'numeric' },
    { name: 'correctCount', type: 'int' },
    { name: 'incorrectCount', type: 'int' },
    { name: 'unattemptedCount', type: 'int' },
    { name: 'timeTakenSeconds', type: 'int' },
    { name: 'startedAt', type: 'timestamptz' },
    { name: 'submittedAt', type: 'timestamptz' },
    { name: 'externalUpdatedAt', type: 'timestamptz' },
    { name: 'raw', type: 'jsonb' },
  ],
};

export const MRTEST_REPORTS_SPEC: UpsertSpec = {
  table: '"mrtest"."submission_reports"',
  conflict: ['submissionId'],
  constants: [],
  columns: [
    { name: 'submissionId', type: 'uuid' },
    { name: 'rank', type: 'int' },
    { name: 'percentile', type: 'numeric' },
    { name: 'sectionScores', type: 'jsonb' },
    { name: 'report', type: 'jsonb' },
    { name: 'reportUrl', type: 'text' },
    { name: 'generatedAt', type: 'timestamptz' },
  ],
};

type Submission = z.infer<typeof mrTestSubmissionSchema>;
type Report = z.infer<typeof mrTestSubmissionReportSchema>;

const submissions = childResource({
  name: 'submissions',
  path: MRTEST_PATHS.submissions,
  schema: mrTestSubmissionSchema,
  spec: MRTEST_SUBMISSIONS_SPEC,
  perConfig: true,
  parents: [
    { table: '"mrtest"."students"', label: 'student', externalId: (r: Submission) => r.student_id },
    { table: '"mrtest"."online_exams"', label: 'exam', externalId: (r: Submission) => r.exam_id },
  ],
  cells: (r, [studentId, examId]) => [r.id, studentId!, examId!, r.attempt_number, r.status ?? null, r.score ?? null, r.max_score ?? null, r.percentage ?? null, r.correct_count ?? null, r.incorrect_count ?? null, r.unattempted_count ?? null, r.time_taken_seconds ?? null, r.started_at ?? null, r.submitted_at ?? null, r.updated_at, json(r)],
});

const reports = childResource({
  name: 'submission_reports',
  path: MRTEST_PATHS.submission_reports,
  schema: mrTestSubmissionReportSchema,
  spec: MRTEST_REPORTS_SPEC,
  perConfig: false,
  parents: [{ table: '"mrtest"."submissions"', label: 'submission', externalId: (r: Report) => r.submission_id }],
  // One report per submission: the last one in the page wins.
  keyOf: ([submissionId]) => submissionId!,
  cells: (r, [submissionId]) => [submissionId!, r.rank ?? null, r.percentile ?? null, r.section_scores ? json(r.section_scores) : null, json(r), r.report_url ?? null, r.generated_at ?? null],
});

export const MRTEST_RESOURCES: SyncResource[] = [
  simpleResource({
    name: 'online_exams' satisfies MrTestResource,
    path: MRTEST_PATHS.online_exams,
    schema: mrTestExamSchema,
    spec: MRTEST_EXAMS_SPEC,
    cells: (e) => [e.id, e.title, e.description ?? null, e.subject ?? null, e.duration_minutes ?? null, e.total_questions ?? null, e.total_marks ?? null, e.passing_marks ?? null, e.starts_at ?? null, e.ends_at ?? null, e.status ?? null, e.updated_at, json(e)],
  }),
  simpleResource({
    name: 'students',
    path: MRTEST_PATHS.students,
    schema: mrTestStudentSchema,
    spec: MRTEST_STUDENTS_SPEC,
    cells: (s) => [s.id, lower(s.email), lower(s.email), s.name, s.phone ?? null, s.roll_number ?? null, s.status ?? null, s.updated_at, json(s)],
  }),
  submissions,
  reports,
];
