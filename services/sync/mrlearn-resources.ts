// Mr Learn's resources in sync order: courses, learners (linked to our users by email), and
// learner reports (placed under the learner and course of the same config; a report whose
// learner or course is not synced fails alone).
import { mrLearnCourseSchema, mrLearnLearnerReportSchema, mrLearnLearnerSchema, MRLEARN_PATHS, type MrLearnLearnerReport } from '../../providers/mrlearn/interface.js';
import { idsByExternalId, json, lower, parserFor, simpleResource, type FailedRow, type SyncResource } from './resources.js';
import { upsertPage, type UpsertSpec } from './upsert.js';

export const MRLEARN_COURSES_SPEC: UpsertSpec = {
  table: '"mrlearn"."courses"',
  conflict: ['syncConfigId', 'externalId'],
  constants: [{ name: 'syncConfigId', type: 'uuid' }],
  columns: [
    { name: 'externalId', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'slug', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'externalStatus', type: 'text' },
    { name: 'totalLessons', type: 'int' },
    { name: 'durationMinutes', type: 'int' },
    { name: 'thumbnailUrl', type: 'text' },
    { name: 'externalUpdatedAt', type: 'timestamptz' },
    { name: 'raw', type: 'jsonb' },
  ],
};

export const MRLEARN_LEARNERS_SPEC: UpsertSpec = {
  table: '"mrlearn"."learners"',
  conflict: ['syncConfigId', 'externalId'],
  constants: [{ name: 'syncConfigId', type: 'uuid' }],
  columns: [
    { name: 'externalId', type: 'text' },
    { name: 'email', type: 'text' },
    // Our user with that (lower-cased) email, if any: re-evaluated on every write.
    { name: 'userId', type: 'uuid', expression: (v) => `(SELECT "id" FROM "public"."users" WHERE lower("email") = ${v} LIMIT 1)` },
    { name: 'name', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'externalStatus', type: 'text' },
    { name: 'lastActiveAt', type: 'timestamptz' },
    { name: 'externalUpdatedAt', type: 'timestamptz' },
    { name: 'raw', type: 'jsonb' },
  ],
};

export const MRLEARN_REPORTS_SPEC: UpsertSpec = {
  table: '"mrlearn"."learner_reports"',
  conflict: ['learnerId', 'courseId'],
  constants: [],
  columns: [
    { name: 'learnerId', type: 'uuid' },
    { name: 'courseId', type: 'uuid' },
    { name: 'progressPercent', type: 'numeric' },
    { name: 'completedLessons', type: 'int' },
    { name: 'totalLessons', type: 'int' },
    { name: 'timeSpentMinutes', type: 'int' },
    { name: 'score', type: 'numeric' },
    { name: 'externalStatus', type: 'text' },
    { name: 'lastActivityAt', type: 'timestamptz' },
    { name: 'completedAt', type: 'timestamptz' },
    { name: 'report', type: 'jsonb' },
  ],
};

const reports: SyncResource = {
  name: 'learner_reports',
  path: MRLEARN_PATHS.learner_reports,
  parse: parserFor(mrLearnLearnerReportSchema),
  async write(tx, syncConfigId, rows) {
    const page = rows as unknown as MrLearnLearnerReport[];
    const learners = await idsByExternalId(tx, '"mrlearn"."learners"', syncConfigId, page.map((r) => r.learner_id));
    const courses = await idsByExternalId(tx, '"mrlearn"."courses"', syncConfigId, page.map((r) => r.course_id));
    const failed: FailedRow[] = [];
    // One report per (learner, course): the last one in the page wins.
    const placed = new Map<string, (string | number | null)[]>();
    for (const r of page) {
      const learnerId = learners.get(r.learner_id);
      const courseId = courses.get(r.course_id);
      if (!learnerId || !courseId) {
        failed.push({ externalId: r.id, reason: !learnerId ? `unknown learner ${r.learner_id}` : `unknown course ${r.course_id}` });
        continue;
      }
      placed.set(`${learnerId}:${courseId}`, [learnerId, courseId, r.progress_percent, r.completed_lessons, r.total_lessons ?? null, r.time_spent_minutes, r.score ?? null, r.status ?? null, r.last_activity_at ?? null, r.completed_at ?? null, json(r)]);
    }
    const outcome = await upsertPage(tx, MRLEARN_REPORTS_SPEC, [], [...placed.values()]);
    return { ...outcome, failed };
  },
};

export const MRLEARN_RESOURCES: SyncResource[] = [
  simpleResource({
    name: 'courses',
    path: MRLEARN_PATHS.courses,
    schema: mrLearnCourseSchema,
    spec: MRLEARN_COURSES_SPEC,
    cells: (c) => [c.id, c.title, c.slug ?? null, c.description ?? null, c.category ?? null, c.status ?? null, c.total_lessons ?? null, c.duration_minutes ?? null, c.thumbnail_url ?? null, c.updated_at, json(c)],
  }),
  simpleResource({
    name: 'learners',
    path: MRLEARN_PATHS.learners,
    schema: mrLearnLearnerSchema,
    spec: MRLEARN_LEARNERS_SPEC,
    cells: (l) => [l.id, lower(l.email), lower(l.email), l.name, l.phone ?? null, l.status ?? null, l.last_active_at ?? null, l.updated_at, json(l)],
  }),
  reports,
];
