// A local Mr Learn speaking the same HTTP as the real one (docs/sync-apis.md), on the shared
// learning-system simulator (providers/lib/lms-api-sim.ts: tokens, cursor pages, updated_since,
// 429/5xx faults, expiring tokens, generations of changed rows, the /_sim/ control API).
// The data is computed from the index: `learners` learners (default 100 000), `courses` courses,
// and one report per course a learner takes (one to three each). Nothing is held in memory.
import { startLmsSimulator, unit, type LmsSimulator, type SimClient, type SimCollection } from '../lib/lms-api-sim.js';
import { MRLEARN_PATHS } from './interface.js';

/** The simulator's defaults (MRLEARN_SIM_LEARNERS / MRLEARN_SIM_COURSES of `npm start`). */
export const MRLEARN_SIM_DEFAULTS = { learners: 100_000, courses: 200 } as const;

export const MRLEARN_SIM_CLIENT: SimClient = { clientId: 'mas-dev', clientSecret: 'dev-mrlearn-client-secret' };

export interface MrLearnSimulatorOptions {
  port?: number;
  host?: string;
  clients?: SimClient[];
  /** Default 100 000. */
  learners?: number;
  /** Default 200. */
  courses?: number;
  tokenTtlSeconds?: number;
  rateLimitPerSecond?: number;
  invalidEvery?: number;
  /** The day last_active_at counts back from (default: today, UTC midnight). */
  today?: Date;
}

const CATEGORIES = ['Data Analytics', 'SQL', 'Python', 'Excel', 'Power BI', 'Statistics', 'Machine Learning', 'Communication'];
const FIRST = ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Kavya', 'Rahul', 'Isha', 'Karan', 'Meera'];
const LAST = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Khan', 'Das', 'Menon', 'Joshi'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const mrLearnCourseId = (c: number) => `crs_${pad(c, 4)}`;
export const mrLearnLearnerId = (i: number) => `lrn_${pad(i, 6)}`;

/** Learner i's id, email and name (the same in every generation). */
export function mrLearnLearnerIdentity(i: number): { id: string; email: string; name: string } {
  const first = FIRST[Math.floor(unit('first', i) * FIRST.length)]!;
  const last = LAST[Math.floor(unit('last', i) * LAST.length)]!;
  return { id: mrLearnLearnerId(i), email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@learners.example`, name: `${first} ${last}` };
}

/** The courses learner i takes (one to three, distinct). */
export function coursesOfLearner(i: number, courses: number): number[] {
  const n = 1 + Math.floor(unit('enroll', i) * 3);
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    const c = (i * 7 + j * 13) % courses;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

export function mrLearnCollections(opts: { learners: number; courses: number; today: Date }): SimCollection[] {
  const dayMs = 86_400_000;
  const today = Math.floor(opts.today.getTime() / dayMs) * dayMs;
  const totalLessons = (c: number) => 10 + Math.floor(unit('lessons', c) * 30);
  return [
    {
      name: 'courses',
      path: MRLEARN_PATHS.courses,
      size: opts.courses,
      row: (c, v, updatedAt) => ({
        id: mrLearnCourseId(c),
        title: `${CATEGORIES[c % CATEGORIES.length]} ${Math.floor(c / CATEGORIES.length) + 1}${v ? ` (rev ${v})` : ''}`,
        slug: `${CATEGORIES[c % CATEGORIES.length]!.toLowerCase().replace(/\s+/g, '-')}-${Math.floor(c / CATEGORIES.length) + 1}`,
        description: `Course ${c} of the MAS catalogue`,
        category: CATEGORIES[c % CATEGORIES.length],
        status: unit('draft', c) < 0.1 ? 'draft' : 'published',
        total_lessons: totalLessons(c),
        duration_minutes: totalLessons(c) * 25,
        thumbnail_url: `https://cdn.mrlearn.example/courses/${c}.png`,
        updated_at: updatedAt,
      }),
      corrupt: (row) => ({ ...row, title: '' }),
    },
    {
      name: 'learners',
      path: MRLEARN_PATHS.learners,
      size: opts.learners,
      row: (i, v, updatedAt) => {
        const idleDays = Math.floor(unit('idle', i, v) * 30);
        return {
          ...mrLearnLearnerIdentity(i),
          phone: `+9198${pad((i * 7919) % 100_000_000, 8)}`,
          status: unit('status', i, v) < 0.05 ? 'inactive' : 'active',
          last_active_at: new Date(today - idleDays * dayMs + Math.floor(unit('hour', i, v) * dayMs)).toISOString(),
          updated_at: updatedAt,
        };
      },
      corrupt: (row) => ({ ...row, name: '' }),
    },
    {
      name: 'learner_reports',
      path: MRLEARN_PATHS.learner_reports,
      // Three slots per learner; slot j exists when the learner takes a j-th course.
      size: opts.learners * 3,
      exists: (r) => r % 3 < coursesOfLearner(Math.floor(r / 3), opts.courses).length,
      row: (r, v, updatedAt) => {
        const i = Math.floor(r / 3);
        const c = coursesOfLearner(i, opts.courses)[r % 3]!;
        const total = totalLessons(c);
        const done = Math.min(total, Math.floor(unit('progress', r, v) * (total + 1)));
        const percent = Math.round((done / total) * 10000) / 100;
        const lastActivity = new Date(today - Math.floor(unit('idle', i, v) * 30) * dayMs).toISOString();
        return {
          id: `rpt_${pad(i, 6)}_${pad(c, 4)}`,
          learner_id: mrLearnLearnerId(i),
          course_id: mrLearnCourseId(c),
          progress_percent: percent,
          completed_lessons: done,
          total_lessons: total,
          time_spent_minutes: done * 22 + Math.floor(unit('extra', r, v) * 20),
          score: done === 0 ? null : Math.round(unit('score', r, v) * 6000) / 100 + 40,
          status: done === 0 ? 'not_started' : done === total ? 'completed' : 'in_progress',
          last_activity_at: done === 0 ? null : lastActivity,
          completed_at: done === total ? lastActivity : null,
          modules: [
            { module: 'Foundations', progress_percent: Math.min(100, percent * 2) },
            { module: 'Practice', progress_percent: Math.max(0, percent * 2 - 100) },
          ],
          updated_at: updatedAt,
        };
      },
      corrupt: (row) => ({ ...row, progress_percent: 150 }),
    },
  ];
}

export type MrLearnSimulator = LmsSimulator;

export function startMrLearnSimulator(opts: MrLearnSimulatorOptions = {}): Promise<MrLearnSimulator> {
  return startLmsSimulator({
    name: 'mrlearn simulator',
    port: opts.port,
    host: opts.host,
    clients: opts.clients ?? [MRLEARN_SIM_CLIENT],
    collections: mrLearnCollections({ learners: opts.learners ?? MRLEARN_SIM_DEFAULTS.learners, courses: opts.courses ?? MRLEARN_SIM_DEFAULTS.courses, today: opts.today ?? new Date() }),
    tokenTtlSeconds: opts.tokenTtlSeconds,
    rateLimitPerSecond: opts.rateLimitPerSecond,
    invalidEvery: opts.invalidEvery,
  });
}
