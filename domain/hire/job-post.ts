// Job post field rules shared by the api schemas and the services (a PATCH is checked against
// the stored row merged with the change).
import type { FieldError } from '../errors.js';

export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'internship'] as const;
export const WORK_MODES = ['onsite', 'remote', 'hybrid'] as const;
export const MAX_SKILLS = 50;
/** Annual CTC in whole rupees; the column is Decimal(12,2). */
export const MAX_SALARY_RUPEES = 1_000_000_000;
export const MAX_EXPERIENCE_YEARS = 60;

export interface Bands {
  salaryMin?: number | null;
  salaryMax?: number | null;
  experienceMinYears?: number | null;
  experienceMaxYears?: number | null;
  applicationDeadline?: Date | null;
}

/** Band and deadline problems, with the body path of the field at fault. */
export function bandErrors(b: Bands, now: Date, prefix = 'json'): FieldError[] {
  const errors: FieldError[] = [];
  if (b.salaryMin != null && b.salaryMax != null && b.salaryMin > b.salaryMax) errors.push({ path: `${prefix}.salaryMin`, message: 'salaryMin must not exceed salaryMax' });
  if (b.experienceMinYears != null && b.experienceMaxYears != null && b.experienceMinYears > b.experienceMaxYears) errors.push({ path: `${prefix}.experienceMinYears`, message: 'experienceMinYears must not exceed experienceMaxYears' });
  if (b.applicationDeadline != null && b.applicationDeadline.getTime() <= now.getTime()) errors.push({ path: `${prefix}.applicationDeadline`, message: 'The deadline must be in the future' });
  return errors;
}

/** A recruiter's action on a job and the states it may start from. */
export const JOB_ACTIONS = {
  publish: { from: ['draft'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  close: { from: ['draft', 'active', 'paused'], to: 'closed' },
} as const;
export type JobAction = keyof typeof JOB_ACTIONS;
