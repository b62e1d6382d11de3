// Quiz grading, on the server only. Rule: a question earns its full marks when the selected
// option ids are exactly its correct set (order and repeats ignored), else 0 — no partial credit,
// so guessing every option of a multi-answer question earns nothing. Unanswered questions earn 0.
// passed = score ≥ passingMarks; a quiz without a pass mark passes every graded attempt.
// A submission later than the time limit plus LATE_GRACE_SECONDS is not credited (score 0).

export const LATE_GRACE_SECONDS = 60;

export interface SnapshotQuestion {
  id: string;
  prompt: string;
  options: { id: string; text: string }[];
  correctOptionIds: string[];
  marks: number;
}

export interface Answer {
  questionId: string;
  selectedOptionIds: string[];
}

export interface QuestionResult {
  questionId: string;
  marks: number;
  awarded: number;
  correct: boolean;
}

export interface Grade {
  score: number;
  maxScore: number;
  passed: boolean;
  late: boolean;
  results: QuestionResult[];
}

export const totalMarks = (questions: readonly SnapshotQuestion[]) => questions.reduce((sum, q) => sum + q.marks, 0);

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** Whether an attempt that took `seconds` is past the quiz's limit (plus the grace). */
export function isLate(timeLimitMinutes: number | null, seconds: number): boolean {
  return timeLimitMinutes !== null && seconds > timeLimitMinutes * 60 + LATE_GRACE_SECONDS;
}

/** Grades `answers` against the snapshot; answers naming no question of the quiz are ignored. */
export function gradeQuiz(questions: readonly SnapshotQuestion[], answers: readonly Answer[], opts: { passingMarks: number | null; late?: boolean }): Grade {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.selectedOptionIds]));
  const late = opts.late ?? false;
  const results = questions.map((q) => {
    const correct = sameSet(byQuestion.get(q.id) ?? [], q.correctOptionIds);
    return { questionId: q.id, marks: q.marks, awarded: correct && !late ? q.marks : 0, correct };
  });
  const score = results.reduce((sum, r) => sum + r.awarded, 0);
  const maxScore = totalMarks(questions);
  return { score, maxScore, passed: !late && score >= (opts.passingMarks ?? 0), late, results };
}
