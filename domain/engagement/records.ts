// Rules of the staff-written records students read: an eval test's lifecycle (the Prisma enum
// EvalTestStatus mirrors it), its percentage, and the week a weekly rating is for (a Monday).
import { DomainError } from '../errors.js';
import { defineLifecycle } from '../lifecycle.js';

export const evalTestLifecycle = defineLifecycle('eval test', ['ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'EVALUATED'], 'ASSIGNED', {
  ASSIGNED: ['IN_PROGRESS', 'SUBMITTED', 'EVALUATED'],
  IN_PROGRESS: ['SUBMITTED', 'EVALUATED'],
  SUBMITTED: ['EVALUATED'],
  EVALUATED: [],
});
export type EvalTestStatus = (typeof evalTestLifecycle.states)[number];

/** 0–100 with two decimals, or null without both numbers. */
export function percentageOf(score: number | null, maxScore: number | null): number | null {
  if (score === null || maxScore === null || maxScore <= 0) return null;
  return Math.round((score / maxScore) * 10_000) / 100;
}

export function assertScoreFits(score: number | null, maxScore: number | null): void {
  if (score !== null && maxScore !== null && score > maxScore) {
    throw new DomainError('UNPROCESSABLE', `The score exceeds the maximum of ${maxScore}`, [{ path: 'json.score', message: `At most ${maxScore}` }]);
  }
}

/** A weekly rating's week starts on a Monday (YYYY-MM-DD, UTC). */
export function assertMonday(day: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.getUTCDay() !== 1) throw new DomainError('UNPROCESSABLE', 'weekStart must be a Monday', [{ path: 'json.weekStart', message: 'Not a Monday' }]);
  return d;
}

export const SKILL_RATING_MIN = 1;
export const SKILL_RATING_MAX = 5;
export const DAILY_CARD_TYPES = ['tip', 'concept', 'challenge', 'quiz'] as const;
export const WEEKLY_DIMENSIONS = ['attendance', 'assignments', 'participation', 'communication'] as const;
