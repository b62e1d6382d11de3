// The Mr Test REST API as the sync codes against it (docs/sync-apis.md; no public docs, so this
// is our contract and the simulator keeps to it): the same OAuth 2 client credentials and cursor
// pages as Mr Learn (providers/lib/lms-api-client.ts) over four collections.
import { z } from 'zod';
import type { LmsApiClient, LmsPage, LmsPageQuery } from '../lib/lms-api-client.js';

export { LmsApiError as MrTestError, type AccessToken, type LmsPage, type LmsPageQuery } from '../lib/lms-api-client.js';

export const MRTEST_RESOURCES = ['online_exams', 'students', 'submissions', 'submission_reports'] as const;
export type MrTestResource = (typeof MRTEST_RESOURCES)[number];

export const MRTEST_PATHS: Record<MrTestResource, string> = {
  online_exams: '/v1/online-exams',
  students: '/v1/students',
  submissions: '/v1/submissions',
  submission_reports: '/v1/submission-reports',
};

const isoDate = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(100);
const marks = z.number().min(0).max(100_000);

export const mrTestExamSchema = z.object({
  id,
  title: z.string().min(1).max(500),
  description: z.string().max(10_000).nullish(),
  subject: z.string().max(200).nullish(),
  duration_minutes: z.number().int().min(0).max(100_000).nullish(),
  total_questions: z.number().int().min(0).max(10_000).nullish(),
  total_marks: marks.nullish(),
  passing_marks: marks.nullish(),
  starts_at: isoDate.nullish(),
  ends_at: isoDate.nullish(),
  status: z.string().max(50).nullish(),
  updated_at: isoDate,
});

export const mrTestStudentSchema = z.object({
  id,
  email: z.string().max(320).nullish(),
  name: z.string().min(1).max(300),
  phone: z.string().max(40).nullish(),
  roll_number: z.string().max(100).nullish(),
  status: z.string().max(50).nullish(),
  updated_at: isoDate,
});

export const mrTestSubmissionSchema = z.object({
  id,
  student_id: id,
  exam_id: id,
  attempt_number: z.number().int().min(1).max(1000),
  status: z.string().max(50).nullish(),
  score: marks.nullish(),
  max_score: marks.nullish(),
  percentage: z.number().min(0).max(100).nullish(),
  correct_count: z.number().int().min(0).max(10_000).nullish(),
  incorrect_count: z.number().int().min(0).max(10_000).nullish(),
  unattempted_count: z.number().int().min(0).max(10_000).nullish(),
  time_taken_seconds: z.number().int().min(0).max(10_000_000).nullish(),
  started_at: isoDate.nullish(),
  submitted_at: isoDate.nullish(),
  updated_at: isoDate,
});

export const mrTestSubmissionReportSchema = z.object({
  id,
  submission_id: id,
  rank: z.number().int().min(1).max(100_000_000).nullish(),
  percentile: z.number().min(0).max(100).nullish(),
  section_scores: z.array(z.object({ section: z.string().max(200), score: marks, max_score: marks, time_seconds: z.number().int().min(0) })).max(100).nullish(),
  report_url: z.string().max(2000).nullish(),
  generated_at: isoDate.nullish(),
  updated_at: isoDate,
});

export const MRTEST_ROW_SCHEMAS = {
  online_exams: mrTestExamSchema,
  students: mrTestStudentSchema,
  submissions: mrTestSubmissionSchema,
  submission_reports: mrTestSubmissionReportSchema,
} as const;

export interface MrTestProvider {
  page(resource: MrTestResource, query: LmsPageQuery): Promise<LmsPage>;
  readonly api: LmsApiClient;
}
