// Server-side quiz grading: exact option sets, no partial credit, late attempts earn nothing,
// and the score always lies in [0, maxScore], reaching maxScore for the correct answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeQuiz, isLate, LATE_GRACE_SECONDS, totalMarks, type SnapshotQuestion } from '../../domain/lms/grading.js';
import { questionShapeErrors } from '../../domain/lms/questions.js';

const opts = (...ids: string[]) => ids.map((id) => ({ id, text: `option ${id}` }));
const quiz: SnapshotQuestion[] = [
  { id: 'q1', prompt: 'single', options: opts('a', 'b', 'c'), correctOptionIds: ['b'], marks: 2 },
  { id: 'q2', prompt: 'multi', options: opts('a', 'b', 'c', 'd'), correctOptionIds: ['a', 'c'], marks: 3 },
  { id: 'q3', prompt: 'other', options: opts('x', 'y'), correctOptionIds: ['y'], marks: 5 },
];

describe('quiz grading', () => {
  it('gives full marks only for the exact set of a multi-answer question, ignoring order and repeats', () => {
    const g = gradeQuiz(
      quiz,
      [
        { questionId: 'q1', selectedOptionIds: ['b'] },
        { questionId: 'q2', selectedOptionIds: ['c', 'a', 'c'] },
      ],
      { passingMarks: 5 },
    );
    expect(g).toMatchObject({ score: 5, maxScore: 10, passed: true, late: false });
    expect(g.results.map((r) => [r.questionId, r.awarded, r.correct])).toEqual([
      ['q1', 2, true],
      ['q2', 3, true],
      ['q3', 0, false],
    ]);
    const partial = gradeQuiz(quiz, [{ questionId: 'q2', selectedOptionIds: ['a'] }], { passingMarks: 1 });
    expect(partial).toMatchObject({ score: 0, passed: false });
    const everything = gradeQuiz(quiz, [{ questionId: 'q2', selectedOptionIds: ['a', 'b', 'c', 'd'] }], { passingMarks: null });
    expect(everything.score).toBe(0);
    expect(everything.passed).toBe(true);
  });

  it('a late attempt scores 0 and fails, though the results still tell right from wrong', () => {
    const g = gradeQuiz(quiz, [{ questionId: 'q3', selectedOptionIds: ['y'] }], { passingMarks: 0, late: true });
    expect(g).toMatchObject({ score: 0, maxScore: 10, passed: false, late: true });
    expect(g.results[2]).toMatchObject({ correct: true, awarded: 0 });
    expect(isLate(10, 600 + LATE_GRACE_SECONDS)).toBe(false);
    expect(isLate(10, 601 + LATE_GRACE_SECONDS)).toBe(true);
    expect(isLate(null, 10 ** 9)).toBe(false);
  });

  it('scores lie between 0 and maxScore, and the correct answers always earn maxScore', () => {
    const question = fc
      .record({ n: fc.integer({ min: 2, max: 10 }), marks: fc.integer({ min: 1, max: 100 }), pick: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }) })
      .map(({ n, marks, pick }) => {
        const ids = Array.from({ length: n }, (_, i) => `o${i}`);
        const correct = ids.filter((_, i) => pick[i]);
        return { options: opts(...ids), correctOptionIds: correct.length ? correct : [ids[0]!], marks };
      });
    const arb = fc.array(question, { minLength: 1, maxLength: 20 }).chain((qs) => {
      const snapshot = qs.map((q, i) => ({ ...q, id: `q${i}`, prompt: `Q${i}` }));
      const answers = fc.array(
        fc.record({ questionId: fc.constantFrom(...snapshot.map((q) => q.id), 'unknown'), selectedOptionIds: fc.array(fc.constantFrom('o0', 'o1', 'o2', 'o3', 'o9'), { maxLength: 5 }) }),
        { maxLength: 25 },
      );
      return fc.tuple(fc.constant(snapshot), answers, fc.integer({ min: 0, max: 2000 }));
    });
    fc.assert(
      fc.property(arb, ([snapshot, answers, pass]) => {
        const max = totalMarks(snapshot);
        const g = gradeQuiz(snapshot, answers, { passingMarks: pass });
        expect(g.maxScore).toBe(max);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(max);
        expect(g.passed).toBe(g.score >= pass);
        const perfect = gradeQuiz(snapshot, snapshot.map((q) => ({ questionId: q.id, selectedOptionIds: [...q.correctOptionIds].reverse() })), { passingMarks: pass });
        expect(perfect.score).toBe(max);
      }),
    );
  });

  it('a question needs 2–10 uniquely named options and a non-empty correct subset', () => {
    expect(questionShapeErrors(opts('a', 'b'), ['a'])).toEqual([]);
    expect(questionShapeErrors(opts('a'), ['a']).map((e) => e.path)).toEqual(['json.options']);
    expect(questionShapeErrors(opts('a', 'a'), ['a']).map((e) => e.path)).toEqual(['json.options.1.id']);
    expect(questionShapeErrors(opts('a', 'b'), []).map((e) => e.message)).toEqual(['At least one correct option']);
    expect(questionShapeErrors(opts('a', 'b'), ['z']).map((e) => e.message)).toEqual(['"z" is not an option id']);
    expect(questionShapeErrors(opts(...'abcdefghijk'), ['a']).map((e) => e.path)).toEqual(['json.options']);
  });
});
