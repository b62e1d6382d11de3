// Mr Learn's resources in sync order: courses, learners (linked to our users by email), and
// learner reports (placed under the learner and course of the same config; a report whose
// learner or course is not synced fails alone).
import type { z } from 'zod';
import { mrLearnCourseSchema, mrLearnLearnerReportSchema, mrLearnLearnerSchema, MRLEARN_PATHS } from '../../providers/mrlearn/interface.js';
import { childResource, json, lower, simpleResource, type SyncResource } from './resources.js';
import type { UpsertSpec } from './upsert.js';

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

type Report = z.infer<typeof mrLearnLearnerReportSchema>;

const reports = childResource({
  name: 'learner_reports',
  path: MRLEARN_PATHS.learner_reports,
  schema: mrLearnLearnerReportSchema,
  spec: MRLEARN_REPORTS_SPEC,
  perConfig: false,
  parents: [
    { table: '"mrlearn"."learners"', label: 'learner', externalId: (r: Report) => r.learner_id },
    { table: '"mrlearn"."courses"', label: 'course', externalId: (r: Report) => r.course_id },
  ],
  // One report per (learner, course): the last one in the page wins.
  keyOf: ([learnerId, courseId]) => `${learnerId}:${courseId}`,
  cells: (r, [learnerId, courseId]) => [learnerId!, courseId!, r.progress_percent, r.completed_lessons, r.total_lessons ?? null, r.time_spent_minutes, r.score ?? null, r.status ?? null, r.last_activity_at ?? null, r.completed_at ?? null, json(r)],
});

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
