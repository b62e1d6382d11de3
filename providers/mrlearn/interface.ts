// The Mr Learn REST API as the sync codes against it (docs/sync-apis.md; Mr Learn has no public
// docs, so this is our contract, and the simulator keeps to it): OAuth 2 client credentials at
// POST /oauth/token, and three Bearer-protected collections paged by cursor with updated_since.
// Rows come back raw; each is checked against its schema here, so one bad row fails alone.
import { z } from 'zod';
import type { LmsApiClient, LmsPage, LmsPageQuery } from '../lib/lms-api-client.js';

export { LmsApiError as MrLearnError, type AccessToken, type LmsPage, type LmsPageQuery } from '../lib/lms-api-client.js';

export const MRLEARN_RESOURCES = ['courses', 'learners', 'learner_reports'] as const;
export type MrLearnResource = (typeof MRLEARN_RESOURCES)[number];

export const MRLEARN_PATHS: Record<MrLearnResource, string> = {
  courses: '/v1/courses',
  learners: '/v1/learners',
  learner_reports: '/v1/learner-reports',
};

const isoDate = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(100);

export const mrLearnCourseSchema = z.object({
  id,
  title: z.string().min(1).max(500),
  slug: z.string().max(300).nullish(),
  description: z.string().max(10_000).nullish(),
  category: z.string().max(200).nullish(),
  status: z.string().max(50).nullish(),
  total_lessons: z.number().int().min(0).max(100_000).nullish(),
  duration_minutes: z.number().int().min(0).max(10_000_000).nullish(),
  thumbnail_url: z.string().max(2000).nullish(),
  updated_at: isoDate,
});
export type MrLearnCourse = z.infer<typeof mrLearnCourseSchema>;

export const mrLearnLearnerSchema = z.object({
  id,
  email: z.string().max(320).nullish(),
  name: z.string().min(1).max(300),
  phone: z.string().max(40).nullish(),
  status: z.string().max(50).nullish(),
  last_active_at: isoDate.nullish(),
  updated_at: isoDate,
});
export type MrLearnLearner = z.infer<typeof mrLearnLearnerSchema>;

export const mrLearnLearnerReportSchema = z.object({
  id,
  learner_id: id,
  course_id: id,
  progress_percent: z.number().min(0).max(100),
  completed_lessons: z.number().int().min(0).max(100_000),
  total_lessons: z.number().int().min(0).max(100_000).nullish(),
  time_spent_minutes: z.number().int().min(0).max(10_000_000),
  score: z.number().min(0).max(100).nullish(),
  status: z.string().max(50).nullish(),
  last_activity_at: isoDate.nullish(),
  completed_at: isoDate.nullish(),
  modules: z.array(z.object({ module: z.string().max(200), progress_percent: z.number().min(0).max(100) })).max(200).optional(),
  updated_at: isoDate,
});
export type MrLearnLearnerReport = z.infer<typeof mrLearnLearnerReportSchema>;

export const MRLEARN_ROW_SCHEMAS = {
  courses: mrLearnCourseSchema,
  learners: mrLearnLearnerSchema,
  learner_reports: mrLearnLearnerReportSchema,
} as const;

export interface MrLearnProvider {
  /** One page of a collection (rows unchecked: see MRLEARN_ROW_SCHEMAS). */
  page(resource: MrLearnResource, query: LmsPageQuery): Promise<LmsPage>;
  /** The underlying client (token, stats). */
  readonly api: LmsApiClient;
}
