// Badge rules, one declaration each: a badge is earned when its rule holds over the student's
// engagement stats, and its `why` (stored with the badge) says what earned it. Rules are pure;
// services/engagement/badges.ts gathers the stats after each XP award and awards each badge once
// (unique userId + badgeKey).

export interface EngagementStats {
  xpTotal: number;
  sessionsCompleted: number;
  quizzesPassed: number;
  classesAttended: number;
  assignmentsSubmitted: number;
  /** Monday (YYYY-MM-DD) of the first ISO week with at least PERFECT_WEEK_MIN_SESSIONS marked sessions, every one PRESENT; null when none. */
  perfectAttendanceWeek: string | null;
}

export interface BadgeRule {
  key: string;
  name: string;
  description: string;
  tier: 'bronze' | 'silver' | 'gold';
  /** Why the badge is earned, or null while it is not. */
  why(stats: EngagementStats): string | null;
}

export const PERFECT_WEEK_MIN_SESSIONS = 3;

const atLeast = (n: number, have: number, what: string) => (have >= n ? `${have} ${what} (needs ${n})` : null);

export const BADGE_RULES: readonly BadgeRule[] = [
  {
    key: 'first_session',
    name: 'First session',
    description: 'Completed a first mentor session',
    tier: 'bronze',
    why: (s) => (s.sessionsCompleted >= 1 ? 'Completed your first mentor session' : null),
  },
  {
    key: 'xp_100',
    name: 'Century',
    description: 'Earned 100 XP',
    tier: 'bronze',
    why: (s) => atLeast(100, s.xpTotal, 'XP earned'),
  },
  {
    key: 'xp_1000',
    name: 'Thousand club',
    description: 'Earned 1,000 XP',
    tier: 'gold',
    why: (s) => atLeast(1000, s.xpTotal, 'XP earned'),
  },
  {
    key: 'quizzes_5',
    name: 'Quiz whiz',
    description: 'Passed 5 quizzes',
    tier: 'silver',
    why: (s) => atLeast(5, s.quizzesPassed, 'quizzes passed'),
  },
  {
    key: 'assignments_5',
    name: 'Hands-on',
    description: 'Handed in 5 assignments',
    tier: 'silver',
    why: (s) => atLeast(5, s.assignmentsSubmitted, 'assignments handed in'),
  },
  {
    key: 'perfect_week',
    name: 'Perfect attendance week',
    description: `Present at every session of a week (at least ${PERFECT_WEEK_MIN_SESSIONS})`,
    tier: 'silver',
    why: (s) => (s.perfectAttendanceWeek ? `Present at every marked session in the week of ${s.perfectAttendanceWeek}` : null),
  },
];

export const BADGE_KEYS = BADGE_RULES.map((r) => r.key);

/** The badges `stats` earn that the student does not hold yet, each with its reason. */
export function newlyEarned(stats: EngagementStats, held: ReadonlySet<string>): { rule: BadgeRule; why: string }[] {
  return BADGE_RULES.flatMap((rule) => {
    if (held.has(rule.key)) return [];
    const why = rule.why(stats);
    return why ? [{ rule, why }] : [];
  });
}
