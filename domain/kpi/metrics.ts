// The KPI rollup's vocabulary: the metric keys it writes to performance_metrics and the day
// windows they cover. A day is an India (IST, UTC+05:30, no daylight saving) calendar day, the
// business's own; every rollup row is DAILY, [periodStart, periodEnd) = that day, and ranges
// (a week, a month, a target) are sums of days.
import { DomainError } from '../errors.js';

export const IST_OFFSET_MINUTES = 330;
const DAY_MS = 86_400_000;

/** Metric keys. A key about a subject other than the user carries it after "@" (a batch, a job). */
export const KPI = {
  mentorSessionsCompleted: 'mentor.sessions_completed',
  mentorEarningsPaise: 'mentor.earnings_paise',
  crmCallsMade: 'crm.calls_made',
  crmCallsConnected: 'crm.calls_connected',
  crmLeadsAssigned: 'crm.leads_assigned',
  crmLeadsConverted: 'crm.leads_converted',
  /** hire.pipeline.<CandidateStatus>@<jobPostId>: applications in that stage (a snapshot), credited to the job's owner. */
  hirePipelinePrefix: 'hire.pipeline.',
  /** lms.attendance_pct@<batchId>: a student's attendance in that batch that day (PRESENT or LATE over marked sessions). */
  lmsAttendancePrefix: 'lms.attendance_pct@',
} as const;

export const pipelineKey = (status: string, jobPostId: string) => `${KPI.hirePipelinePrefix}${status}@${jobPostId}`;
export const attendanceKey = (batchId: string) => `${KPI.lmsAttendancePrefix}${batchId}`;

export interface KpiDayWindow {
  day: string;
  start: Date;
  end: Date;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The IST day "YYYY-MM-DD" as a UTC instant window. */
export function kpiDay(day: string): KpiDayWindow {
  const start = new Date(`${day}T00:00:00+05:30`);
  if (!DAY_RE.test(day) || Number.isNaN(start.getTime()) || istDayOf(start) !== day) throw new DomainError('VALIDATION_FAILED', `${day} is not a calendar day (YYYY-MM-DD)`);
  return { day, start, end: new Date(start.getTime() + DAY_MS) };
}

/** The IST calendar day an instant falls in. */
export function istDayOf(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Every IST day from `from` to `to`, both included; at most `max` days. */
export function kpiDaysBetween(from: string, to: string, max = 366): string[] {
  const a = kpiDay(from).start.getTime();
  const b = kpiDay(to).start.getTime();
  if (b < a) throw new DomainError('VALIDATION_FAILED', `to (${to}) is before from (${from})`);
  const n = Math.round((b - a) / DAY_MS) + 1;
  if (n > max) throw new DomainError('VALIDATION_FAILED', `At most ${max} days at a time (asked for ${n})`);
  return Array.from({ length: n }, (_, i) => istDayOf(new Date(a + i * DAY_MS)));
}
