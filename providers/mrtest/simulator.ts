// A local Mr Test speaking the same HTTP as the real one (docs/sync-apis.md), on the shared
// learning-system simulator (providers/lib/lms-api-sim.ts). Computed from the index: `exams`
// online exams, `students` students (default 100 000), one or two submissions each, and one
// report per submission.
import { startLmsSimulator, unit, type LmsSimulator, type SimClient, type SimCollection } from '../lib/lms-api-sim.js';
import { MRTEST_PATHS } from './interface.js';

export const MRTEST_SIM_CLIENT: SimClient = { clientId: 'mas-dev', clientSecret: 'dev-mrtest-client-secret' };

export interface MrTestSimulatorOptions {
  port?: number;
  host?: string;
  clients?: SimClient[];
  /** Default 100 000. */
  students?: number;
  /** Default 50. */
  exams?: number;
  tokenTtlSeconds?: number;
  rateLimitPerSecond?: number;
  invalidEvery?: number;
}

const SUBJECTS = ['SQL', 'Excel', 'Python', 'Statistics', 'Aptitude', 'Power BI'];
const FIRST = ['Aditi', 'Dev', 'Neha', 'Siddharth', 'Pooja', 'Yash', 'Riya', 'Kabir', 'Tanvi', 'Omkar'];
const LAST = ['Kulkarni', 'Verma', 'Shetty', 'Bose', 'Pillai', 'Agarwal', 'Chopra', 'Rao'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const mrTestExamId = (e: number) => `exm_${pad(e, 4)}`;
export const mrTestStudentId = (s: number) => `stu_${pad(s, 6)}`;
const BASE = Date.parse('2026-01-05T04:30:00.000Z');
const DAY = 86_400_000;

/** The exams student s took (one or two). */
export function examsOfStudent(s: number, exams: number): number[] {
  const n = 1 + Math.floor(unit('attempts', s) * 2);
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    const e = (s * 3 + j * 7) % exams;
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

export function mrTestCollections(opts: { students: number; exams: number }): SimCollection[] {
  const questions = (e: number) => 20 + Math.floor(unit('questions', e) * 40);
  const submission = (r: number, v: number) => {
    const s = Math.floor(r / 2);
    const e = examsOfStudent(s, opts.exams)[r % 2]!;
    const q = questions(e);
    const correct = Math.floor(unit('correct', r, v) * (q + 1));
    const incorrect = Math.floor(unit('incorrect', r, v) * (q - correct + 1));
    const started = BASE + e * 7 * DAY + Math.floor(unit('start', r) * 3_600_000);
    const taken = 600 + Math.floor(unit('taken', r, v) * 3000);
    return { s, e, q, correct, incorrect, started, taken };
  };
  return [
    {
      name: 'online_exams',
      path: MRTEST_PATHS.online_exams,
      size: opts.exams,
      row: (e, v, updatedAt) => ({
        id: mrTestExamId(e),
        title: `${SUBJECTS[e % SUBJECTS.length]} assessment ${Math.floor(e / SUBJECTS.length) + 1}${v ? ` (rev ${v})` : ''}`,
        description: `Online exam ${e}`,
        subject: SUBJECTS[e % SUBJECTS.length],
        duration_minutes: 60,
        total_questions: questions(e),
        total_marks: questions(e) * 4,
        passing_marks: questions(e) * 4 * 0.4,
        starts_at: new Date(BASE + e * 7 * DAY).toISOString(),
        ends_at: new Date(BASE + e * 7 * DAY + 3 * DAY).toISOString(),
        status: 'ended',
        updated_at: updatedAt,
      }),
      corrupt: (row) => ({ ...row, title: '' }),
    },
    {
      name: 'students',
      path: MRTEST_PATHS.students,
      size: opts.students,
      row: (s, v, updatedAt) => {
        const first = FIRST[Math.floor(unit('first', s) * FIRST.length)]!;
        const last = LAST[Math.floor(unit('last', s) * LAST.length)]!;
        return {
          id: mrTestStudentId(s),
          email: `${first.toLowerCase()}.${last.toLowerCase()}.${s}@students.example`,
          name: `${first} ${last}`,
          phone: `+9197${pad((s * 6007) % 100_000_000, 8)}`,
          roll_number: `MAS-${pad(s, 6)}`,
          status: unit('status', s, v) < 0.03 ? 'inactive' : 'active',
          updated_at: updatedAt,
        };
      },
      corrupt: (row) => ({ ...row, name: '' }),
    },
    {
      name: 'submissions',
      path: MRTEST_PATHS.submissions,
      size: opts.students * 2,
      exists: (r) => r % 2 < examsOfStudent(Math.floor(r / 2), opts.exams).length,
      row: (r, v, updatedAt) => {
        const x = submission(r, v);
        const score = x.correct * 4 - x.incorrect;
        return {
          id: `sub_${pad(x.s, 6)}_${r % 2}`,
          student_id: mrTestStudentId(x.s),
          exam_id: mrTestExamId(x.e),
          attempt_number: 1,
          status: 'evaluated',
          score: Math.max(0, score),
          max_score: x.q * 4,
          percentage: Math.round((Math.max(0, score) / (x.q * 4)) * 10000) / 100,
          correct_count: x.correct,
          incorrect_count: x.incorrect,
          unattempted_count: x.q - x.correct - x.incorrect,
          time_taken_seconds: x.taken,
          started_at: new Date(x.started).toISOString(),
          submitted_at: new Date(x.started + x.taken * 1000).toISOString(),
          updated_at: updatedAt,
        };
      },
      corrupt: (row) => ({ ...row, percentage: 250 }),
    },
    {
      name: 'submission_reports',
      path: MRTEST_PATHS.submission_reports,
      size: opts.students * 2,
      exists: (r) => r % 2 < examsOfStudent(Math.floor(r / 2), opts.exams).length,
      row: (r, v, updatedAt) => {
        const x = submission(r, v);
        const percentile = Math.round(unit('percentile', r, v) * 10000) / 100;
        return {
          id: `rep_${pad(x.s, 6)}_${r % 2}`,
          submission_id: `sub_${pad(x.s, 6)}_${r % 2}`,
          rank: 1 + Math.floor((100 - percentile) * 10),
          percentile,
          section_scores: [
            { section: 'Concepts', score: Math.ceil((x.correct * 4) / 2), max_score: x.q * 2, time_seconds: Math.floor(x.taken / 2) },
            { section: 'Problems', score: Math.floor((x.correct * 4) / 2), max_score: x.q * 2, time_seconds: Math.ceil(x.taken / 2) },
          ],
          report_url: `https://mrtest.example/reports/${x.s}/${r % 2}`,
          generated_at: new Date(x.started + x.taken * 1000 + 600_000).toISOString(),
          updated_at: updatedAt,
        };
      },
      corrupt: (row) => ({ ...row, percentile: 120 }),
    },
  ];
}

export type MrTestSimulator = LmsSimulator;

export function startMrTestSimulator(opts: MrTestSimulatorOptions = {}): Promise<MrTestSimulator> {
  return startLmsSimulator({
    name: 'mrtest simulator',
    port: opts.port,
    host: opts.host,
    clients: opts.clients ?? [MRTEST_SIM_CLIENT],
    collections: mrTestCollections({ students: opts.students ?? 100_000, exams: opts.exams ?? 50 }),
    tokenTtlSeconds: opts.tokenTtlSeconds,
    rateLimitPerSecond: opts.rateLimitPerSecond,
    invalidEvery: opts.invalidEvery,
  });
}
