// Badge rules and XP keys are pure: each rule holds exactly when its threshold is met, says why,
// and is never offered again once held; one event's key is the same however it is spelled.
import { describe, expect, it } from 'vitest';
import { BADGE_KEYS, newlyEarned, type EngagementStats } from '../../domain/engagement/badges.js';
import { levelFor, xpDedupeKey } from '../../domain/engagement/xp.js';

const none: EngagementStats = { xpTotal: 0, sessionsCompleted: 0, quizzesPassed: 0, classesAttended: 0, assignmentsSubmitted: 0, perfectAttendanceWeek: null };

describe('badge rules', () => {
  it('nothing is earned from nothing; keys are unique', () => {
    expect(newlyEarned(none, new Set())).toEqual([]);
    expect(new Set(BADGE_KEYS).size).toBe(BADGE_KEYS.length);
  });

  it('thresholds hold at the boundary, each with its reason, and held badges are skipped', () => {
    expect(newlyEarned({ ...none, quizzesPassed: 4, xpTotal: 99 }, new Set()).map((e) => e.rule.key)).toEqual([]);
    const earned = newlyEarned({ ...none, quizzesPassed: 5, xpTotal: 100, sessionsCompleted: 1, perfectAttendanceWeek: '2026-03-02' }, new Set());
    expect(earned.map((e) => [e.rule.key, e.why])).toEqual([
      ['first_session', 'Completed your first mentor session'],
      ['xp_100', '100 XP earned (needs 100)'],
      ['quizzes_5', '5 quizzes passed (needs 5)'],
      ['perfect_week', 'Present at every marked session in the week of 2026-03-02'],
    ]);
    expect(newlyEarned({ ...none, xpTotal: 1000 }, new Set(['xp_100'])).map((e) => e.rule.key)).toEqual(['xp_1000']);
  });
});

describe('xp keys and levels', () => {
  it('one event, one key, whatever the uuid case; levels every 100 XP', () => {
    expect(xpDedupeKey('quiz_passed', 'ABC', 'DEF')).toBe(xpDedupeKey('quiz_passed', 'abc', 'def'));
    expect(xpDedupeKey('quiz_passed', 'abc', 'u1')).not.toBe(xpDedupeKey('quiz_passed', 'abc', 'u2'));
    expect([0, 99, 100, 250, -5].map(levelFor)).toEqual([1, 1, 2, 3, 1]);
  });
});

describe('eval test lifecycle', () => {
  it('mirrors the Prisma enum and only moves forward', async () => {
    const { EvalTestStatus } = await import('../../prisma/generated/enums.js');
    const { evalTestLifecycle, percentageOf } = await import('../../domain/engagement/records.js');
    expect([...evalTestLifecycle.states].sort()).toEqual(Object.values(EvalTestStatus).sort());
    expect(evalTestLifecycle.canTransition('SUBMITTED', 'IN_PROGRESS')).toBe(false);
    expect(evalTestLifecycle.isTerminal('EVALUATED')).toBe(true);
    expect([percentageOf(40, 50), percentageOf(1, 3), percentageOf(null, 50), percentageOf(1, 0)]).toEqual([80, 33.33, null, null]);
  });
});

describe('student query lifecycle', () => {
  it('mirrors the Prisma enum; CLOSED is final', async () => {
    const { StudentQueryStatus } = await import('../../prisma/generated/enums.js');
    const { studentQueryLifecycle } = await import('../../domain/engagement/queries.js');
    expect([...studentQueryLifecycle.states].sort()).toEqual(Object.values(StudentQueryStatus).sort());
    expect(studentQueryLifecycle.isTerminal('CLOSED')).toBe(true);
    expect(studentQueryLifecycle.canTransition('RESOLVED', 'IN_PROGRESS')).toBe(true);
    expect(studentQueryLifecycle.canTransition('RESOLVED', 'OPEN')).toBe(false);
  });
});

describe('risk scoring', () => {
  it('leaves out signals without data, rescales weights, and levels by score', async () => {
    const { DEFAULT_RISK_WEIGHTS, scoreRisk, levelOf } = await import('../../domain/engagement/risk.js');
    expect(scoreRisk({ attendancePct: null, quizPassPct: null, latePct: null, daysInactive: 0 }, DEFAULT_RISK_WEIGHTS)).toMatchObject({ score: 0, level: 'LOW' });
    expect(scoreRisk({ attendancePct: 0, quizPassPct: 0, latePct: 100, daysInactive: 99 }, DEFAULT_RISK_WEIGHTS)).toMatchObject({ score: 100, level: 'CRITICAL' });
    expect([24.99, 25, 50, 75].map(levelOf)).toEqual(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
  });
});
