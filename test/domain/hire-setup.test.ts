// Mr-Hire setup rules without a database: the quiz question schema and its candidate view, the
// stage SLA schema, job post bands and actions, the external posting lifecycle, and the
// credentials cipher.
import { describe, expect, it } from 'vitest';
import * as enums from '../../prisma/generated/enums.js';
import { DomainError } from '../../domain/errors.js';
import { bandErrors, JOB_ACTIONS } from '../../domain/hire/job-post.js';
import { maxPoints, publicQuestions, QuizQuestions } from '../../domain/hire/quiz-questions.js';
import { parseStageSlaHours, StageSlaHours } from '../../domain/hire/screening-config.js';
import { jobPlatformPostingLifecycle } from '../../domain/job-platform-posting/status.js';
import { jobPostLifecycle } from '../../domain/job-post/status.js';
import { createCredentialsCipher, credentialsKey } from '../../infra/credentials-cipher.js';

const q = (extra: Record<string, unknown> = {}) => ({ id: 'q1', question: 'Pick one', type: 'single_choice', options: ['a', 'b', 'c'], correct: [2], points: 10, ...extra });
const issuePaths = (v: unknown) => {
  const r = QuizQuestions.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('quiz questions', () => {
  it('accept 1–50 well-formed questions', () => {
    expect(issuePaths([q(), q({ id: 'q2', type: 'multiple_choice', correct: [0, 1] })])).toEqual([]);
    expect(issuePaths(Array.from({ length: 50 }, (_, i) => q({ id: `q${i}` })))).toEqual([]);
  });

  it('refuse what the grader could not grade', () => {
    expect(issuePaths([])).toEqual(['']);
    expect(issuePaths(Array.from({ length: 51 }, (_, i) => q({ id: `q${i}` })))).toEqual(['']);
    expect(issuePaths([q({ correct: [0, 1] })])).toEqual(['0.correct']);
    expect(issuePaths([q({ correct: [] })])).toContain('0.correct');
    expect(issuePaths([q({ correct: [3] })])).toEqual(['0.correct.0']);
    expect(issuePaths([q({ type: 'multiple_choice', correct: [1, 1] })])).toEqual(['0.correct']);
    expect(issuePaths([q({ options: ['a'] })])).toContain('0.options');
    expect(issuePaths([q({ options: Array.from({ length: 11 }, (_, i) => `o${i}`), correct: [0] })])).toEqual(['0.options']);
    expect(issuePaths([q({ points: 101 })])).toEqual(['0.points']);
    expect(issuePaths([q({ points: 1.5 })])).toEqual(['0.points']);
    expect(issuePaths([q({ id: 'x'.repeat(41) })])).toEqual(['0.id']);
    expect(issuePaths([q({ question: 'x'.repeat(2001) })])).toEqual(['0.question']);
    expect(issuePaths([q({ type: 'free_text' })])).toEqual(['0.type']);
    expect(issuePaths([q({ answer: 1 })])).toEqual(['0']);
    expect(issuePaths([q(), q()])).toEqual(['1.id']);
  });

  it('publicQuestions strips the answers and nothing else', () => {
    const questions = QuizQuestions.parse([q(), q({ id: 'q2', type: 'multiple_choice', correct: [0, 2], points: 5 })]);
    const shown = publicQuestions(questions);
    expect(JSON.stringify(shown)).not.toContain('correct');
    expect(shown).toEqual(questions.map(({ correct: _c, ...rest }) => rest));
    expect(maxPoints(questions)).toBe(15);
    expect(questions[0]!.correct).toEqual([2]);
  });
});

describe('stage SLA hours', () => {
  it('takes CandidateStatus keys and 1–720 whole hours', () => {
    expect(StageSlaHours.safeParse({ resume_received: 24, voice_interview_scheduled: 720 }).success).toBe(true);
    expect(StageSlaHours.safeParse({}).success).toBe(true);
    for (const bad of [{ resume_received: 0 }, { resume_received: 721 }, { resume_received: 1.5 }, { lunch: 4 }, { resume_received: '24' }]) expect(StageSlaHours.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('parses stored values, an unreadable one as no SLAs', () => {
    expect(parseStageSlaHours({ quiz_invited: 48 })).toEqual({ quiz_invited: 48 });
    expect(parseStageSlaHours(null)).toEqual({});
    expect(parseStageSlaHours({ quiz_invited: -1 })).toEqual({});
  });
});

describe('job post rules', () => {
  const now = new Date('2026-12-02T00:00:00Z');
  it('bands and the deadline', () => {
    expect(bandErrors({ salaryMin: 1, salaryMax: 1, experienceMinYears: 2, experienceMaxYears: 2, applicationDeadline: new Date('2026-12-03') }, now)).toEqual([]);
    expect(bandErrors({ salaryMin: 2, salaryMax: 1 }, now).map((e) => e.path)).toEqual(['json.salaryMin']);
    expect(bandErrors({ experienceMinYears: 3, experienceMaxYears: 1 }, now).map((e) => e.path)).toEqual(['json.experienceMinYears']);
    expect(bandErrors({ applicationDeadline: now }, now).map((e) => e.path)).toEqual(['json.applicationDeadline']);
    expect(bandErrors({ salaryMin: 5, salaryMax: null }, now)).toEqual([]);
  });

  it('every action is an edge of the job post lifecycle from each state it starts from', () => {
    for (const { from, to } of Object.values(JOB_ACTIONS)) for (const f of from) expect(jobPostLifecycle.canTransition(f, to), `${f} → ${to}`).toBe(true);
  });
});

describe('job platform posting lifecycle', () => {
  it('has the states of the Prisma enum, reaches them all, and ends at removed', () => {
    expect([...jobPlatformPostingLifecycle.states].sort()).toEqual(Object.values(enums.JobPlatformPostingStatus).sort());
    expect(jobPlatformPostingLifecycle.isTerminal('removed')).toBe(true);
    expect(jobPlatformPostingLifecycle.canTransition('failed', 'pending')).toBe(true);
    expect(jobPlatformPostingLifecycle.canTransition('posted', 'pending')).toBe(false);
    expect(() => jobPlatformPostingLifecycle.assertTransition('removed', 'posted')).toThrowError(DomainError);
  });
});

describe('credentials cipher', () => {
  it('round-trips, uses a fresh IV each time, and refuses a wrong context, key or tampering', () => {
    const cipher = createCredentialsCipher(undefined);
    const a = cipher.encrypt('{"token":"s3cret"}', 'row-1');
    const b = cipher.encrypt('{"token":"s3cret"}', 'row-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cret');
    expect(cipher.decrypt(a, 'row-1')).toBe('{"token":"s3cret"}');
    expect(() => cipher.decrypt(a, 'row-2')).toThrow();
    expect(() => createCredentialsCipher('ab'.repeat(32)).decrypt(a, 'row-1')).toThrow();
    const at = a.length - 2;
    const flipped = `${a.slice(0, at)}${a[at] === 'A' ? 'B' : 'A'}${a.slice(at + 1)}`;
    expect(flipped).not.toBe(a);
    expect(() => cipher.decrypt(flipped, 'row-1')).toThrow();
  });

  it('takes a 32-byte key as hex or base64 and refuses any other length', () => {
    expect(credentialsKey('ab'.repeat(32))).toHaveLength(32);
    expect(credentialsKey(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32);
    expect(() => credentialsKey('too-short')).toThrow(/32 bytes/);
  });
});
