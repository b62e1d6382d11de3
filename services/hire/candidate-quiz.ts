// Pipeline step 3, the quiz: an invite email with a one-time link (only the token's SHA-256 is
// stored, with an expiry), a public page that shows the questions without their answers, and a
// submission graded on the server against the snapshot of the template taken at invite time.
// A second submission changes nothing (409); an expired link is 410.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import { newOpaqueToken, sha256 } from '../../infra/auth/opaque-tokens.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { quizCompletedSignal } from '../../workflows/candidate-pipeline/candidate-pipeline.contract.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { hireSettings, type HireStepDeps } from './hire-deps.js';
import { moveStageIn, recordDecision, screeningSettings } from './pipeline-state.js';
import type { StepOutcome } from './resume-parse.js';

/** What the invite stores of each template question: the candidate never sees `correct`. */
const storedQuestion = z.object({
  id: z.string(),
  question: z.string(),
  type: z.enum(['single_choice', 'multiple_choice']),
  options: z.array(z.string()),
  correct: z.array(z.number().int()),
  points: z.number().int().positive(),
});
type StoredQuestion = z.infer<typeof storedQuestion>;
const storedQuestions = z.array(storedQuestion);

export const DEFAULT_PASS_PERCENTAGE = 60;

export type QuizInviteOutcome = StepOutcome & { expiresAt?: string };

export async function inviteToQuizStep(deps: HireStepDeps, input: { jobApplicationId: string; from: CandidateStatus }): Promise<QuizInviteOutcome> {
  const { db, now } = deps;
  const { jobApplicationId } = input;
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, name: true, email: true, rejectedAt: true } });
  if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
  if (!app.email) return { outcome: 'attention', reason: 'no_email' };
  const existing = await db.candidateQuizResponse.findFirst({ where: { jobApplicationId }, orderBy: { createdAt: 'desc' }, select: { expiresAt: true } });
  const move = () => (input.from === 'quiz_invited' ? Promise.resolve(true) : moveStageIn(db, jobApplicationId, input.from, 'quiz_invited', now()));
  if (existing) {
    await move();
    return { outcome: 'done', ...(existing.expiresAt ? { expiresAt: existing.expiresAt.toISOString() } : {}) };
  }
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true, belongsTo: true } });
  const s = await screeningSettings(db, app.jobPostId, job?.belongsTo ?? null);
  const template = s.quizTemplateId ? await db.quizTemplate.findUnique({ where: { id: s.quizTemplateId }, select: { id: true, questions: true, timeLimitMinutes: true } }) : null;
  const questions = storedQuestions.safeParse(template?.questions);
  if (!template || !questions.success || questions.data.length === 0) throw new DomainError('UNPROCESSABLE', `Job ${app.jobPostId} has the quiz on but no usable quiz template`);

  const settings = hireSettings(deps);
  const { token, hash } = newOpaqueToken();
  const expiresAt = new Date(now().getTime() + s.quizExpiryHours * 3_600_000);
  const link = `${settings.publicWebUrl}/hire/quiz/${token}`;
  await sendClaimedEmail(
    deps,
    {
      dedupeKey: `hire-quiz-invite:${jobApplicationId}`,
      emailType: 'HIRE_QUIZ_INVITE',
      userId: null,
      to: app.email,
      from: settings.emailFrom,
      subject: `A short quiz for your ${job?.title ?? ''} application`.replace(/\s+/g, ' '),
      text: `Hi,\n\nThe next step is a short quiz (${questions.data.length} questions${template.timeLimitMinutes ? `, ${template.timeLimitMinutes} minutes` : ''}).\nOpen it here: ${link}\nThe link works once and expires at ${expiresAt.toISOString()}.\n\nMAS Hiring`,
      headers: { 'X-Mas-Job-Application-Id': jobApplicationId },
      metadata: { jobApplicationId, quizTemplateId: template.id },
    },
    {
      // The row (with the token's hash) is written only once its email has gone.
      onSent: async (tx) => {
        await tx.candidateQuizResponse.create({ data: { jobApplicationId, quizTemplateId: template.id, inviteToken: hash, status: 'invited', questions: questions.data as unknown as Prisma.InputJsonValue, expiresAt } });
      },
    },
  );
  await move();
  const row = await db.candidateQuizResponse.findFirst({ where: { jobApplicationId }, orderBy: { createdAt: 'desc' }, select: { expiresAt: true } });
  return { outcome: 'done', ...(row?.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {}) };
}

/** Has the candidate submitted? (The run checks before it gives up on an expired quiz.) */
export async function quizSubmitted(db: Db, jobApplicationId: string): Promise<boolean> {
  return (await db.candidateQuizResponse.count({ where: { jobApplicationId, status: 'submitted' } })) > 0;
}

export async function expireQuiz(db: Db, jobApplicationId: string): Promise<void> {
  await db.candidateQuizResponse.updateMany({ where: { jobApplicationId, status: { in: ['invited', 'in_progress'] } }, data: { status: 'expired' } });
}

export interface PublicQuiz {
  status: 'invited' | 'in_progress' | 'submitted' | 'expired';
  expiresAt: string | null;
  questions: { id: string; question: string; type: 'single_choice' | 'multiple_choice'; options: string[]; points: number }[];
}

async function responseByToken(db: Db, token: string) {
  const row = await db.candidateQuizResponse.findUnique({ where: { inviteToken: sha256(token) } });
  if (!row) throw new DomainError('NOT_FOUND', 'No quiz for this link');
  return row;
}

export async function openQuiz(deps: { db: Db; now: () => Date }, token: string): Promise<PublicQuiz> {
  const row = await responseByToken(deps.db, token);
  if (row.status === 'submitted') throw new DomainError('CONFLICT', 'This quiz has been submitted already');
  if (row.status === 'expired' || (row.expiresAt && row.expiresAt <= deps.now())) throw new DomainError('GONE', 'This quiz link has expired');
  const questions = storedQuestions.parse(row.questions).map(({ correct: _hidden, ...q }) => q);
  if (row.status === 'invited') await deps.db.candidateQuizResponse.updateMany({ where: { id: row.id, status: 'invited' }, data: { status: 'in_progress', startedAt: deps.now() } });
  return { status: row.status === 'invited' ? 'in_progress' : row.status, expiresAt: row.expiresAt?.toISOString() ?? null, questions };
}

export const quizAnswersSchema = z
  .object({
    answers: z
      .array(z.object({ questionId: z.string().min(1).max(40), selected: z.array(z.number().int().min(0).max(9)).max(10) }).strict())
      .max(50),
  })
  .strict();
export type QuizAnswers = z.infer<typeof quizAnswersSchema>;

export interface QuizGrade {
  score: number;
  maxScore: number;
  percentage: number;
  passed: boolean;
}

/** Full points when the chosen options are exactly the correct ones; unknown questions score nothing. */
export function gradeQuiz(questions: StoredQuestion[], answers: QuizAnswers['answers'], passPercentage: number): QuizGrade {
  const chosen = new Map(answers.map((a) => [a.questionId, new Set(a.selected)]));
  let score = 0;
  let maxScore = 0;
  for (const q of questions) {
    maxScore += q.points;
    const pick = chosen.get(q.id);
    const right = new Set(q.correct);
    if (pick && pick.size === right.size && [...pick].every((i) => right.has(i))) score += q.points;
  }
  const percentage = maxScore ? Math.round((10_000 * score) / maxScore) / 100 : 0;
  return { score, maxScore, percentage, passed: percentage >= passPercentage };
}

export async function submitQuiz(deps: { db: Db; temporal: Client; logger: Logger; now: () => Date }, token: string, body: QuizAnswers): Promise<{ status: 'submitted'; submittedAt: string }> {
  const { db, now } = deps;
  const row = await responseByToken(db, token);
  const questions = storedQuestions.parse(row.questions);
  const ids = new Set(questions.map((q) => q.id));
  const unknown = body.answers.find((a) => !ids.has(a.questionId));
  if (unknown) throw new DomainError('VALIDATION_FAILED', `Unknown question ${unknown.questionId}`, [{ path: 'answers', message: `Unknown question ${unknown.questionId}` }]);
  const template = row.quizTemplateId ? await db.quizTemplate.findUnique({ where: { id: row.quizTemplateId }, select: { passPercentage: true } }) : null;
  const grade = gradeQuiz(questions, body.answers, Number(template?.passPercentage ?? DEFAULT_PASS_PERCENTAGE));
  const at = now();
  const app = await db.jobApplication.findUnique({ where: { id: row.jobApplicationId }, select: { jobPostId: true, status: true } });
  const stored = await db.$transaction(async (tx) => {
    // One conditional update: of two racing submissions exactly one is stored.
    const { count } = await tx.candidateQuizResponse.updateMany({
      where: { id: row.id, status: { in: ['invited', 'in_progress'] }, OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] },
      data: { status: 'submitted', answers: body.answers, score: grade.score, maxScore: grade.maxScore, passed: grade.passed, submittedAt: at, durationSeconds: row.startedAt ? Math.round((at.getTime() - row.startedAt.getTime()) / 1000) : null },
    });
    if (count === 0) return false;
    if (app) {
      await recordDecision(tx, {
        jobApplicationId: row.jobApplicationId,
        jobPostId: app.jobPostId,
        stage: app.status,
        kind: 'quiz_grade',
        actorType: 'system',
        score: grade.percentage,
        reasons: { score: grade.score, maxScore: grade.maxScore, passed: grade.passed },
        idempotencyKey: `${row.jobApplicationId}:quiz_grade:${row.id}`,
      });
    }
    return true;
  });
  if (!stored) {
    const now2 = await db.candidateQuizResponse.findUnique({ where: { id: row.id }, select: { status: true } });
    if (now2?.status === 'submitted') throw new DomainError('CONFLICT', 'This quiz has been submitted already');
    throw new DomainError('GONE', 'This quiz link has expired');
  }
  try {
    await deps.temporal.workflow.getHandle(workflowIds.candidatePipeline(row.jobApplicationId)).signal(quizCompletedSignal, { quizResponseId: row.id });
  } catch (err) {
    // The answers are stored; a run that is gone (rejected) needs nothing, and a live run re-checks the DB before the quiz expires.
    deps.logger.warn({ jobApplicationId: row.jobApplicationId, err: (err as Error).message }, 'quizCompleted signal not delivered');
  }
  return { status: 'submitted', submittedAt: at.toISOString() };
}

/** quiz_invited → quiz_completed once the quiz is in. */
export async function completeQuizStage(deps: { db: Db; now: () => Date }, jobApplicationId: string): Promise<{ moved: boolean }> {
  return { moved: await moveStageIn(deps.db, jobApplicationId, 'quiz_invited', 'quiz_completed', deps.now()) };
}
