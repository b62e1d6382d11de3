// The generation steps of a course plan, run by activities of course-plan/<id>: the outline (one
// LLM call that writes the lecture rows), one lecture at a time (saved as it finishes), and the
// plan's status moves. Cost is booked in the statement that saves what the call produced, and
// only when that statement changed the row, so a retried activity or a worker killed between
// the call and the save never counts a call twice.
import { DomainError } from '../../domain/errors.js';
import { coursePlanLifecycle, type CoursePlanStatus } from '../../domain/course-plan/status.js';
import { llmCostMicroUsd, microUsdToPaise } from '../../domain/hire/pricing.js';
import {
  LECTURE_SCHEMA_NAME,
  LECTURE_SYSTEM,
  lectureAnswer,
  lectureJsonSchema,
  lectureUser,
  OUTLINE_SCHEMA_NAME,
  OUTLINE_SYSTEM,
  outlineAnswer,
  outlineJsonSchema,
  outlineUser,
} from '../../domain/course-plan/prompts.js';
import type { Db } from '../../infra/prisma.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { LlmJsonResult, LlmProvider } from '../../providers/llm/interface.js';
import type { z } from 'zod';

export interface GenerationDeps {
  db: Db;
  llm: LlmProvider;
}

/** A bad answer (refusal, not JSON, off-schema): retryable, a new call may do better. */
export class CoursePlanLlmOutputError extends Error {
  override readonly name = 'CoursePlanLlmOutputError';
}

/** What one call cost: tokens, and paise from the per-model price table (domain/hire/pricing.ts). */
export function callCost(result: Pick<LlmJsonResult, 'model' | 'usage'>): { costPaise: number; tokensUsed: number } {
  return { costPaise: microUsdToPaise(llmCostMicroUsd(result.model, result.usage.promptTokens, result.usage.completionTokens)), tokensUsed: result.usage.promptTokens + result.usage.completionTokens };
}

function parseAnswer<T>(result: LlmJsonResult, schema: z.ZodType<T>, what: string): T {
  if (result.content === null) throw new CoursePlanLlmOutputError(`${what}: the model refused (${(result.refusal ?? 'no content').slice(0, 200)})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.content);
  } catch {
    throw new CoursePlanLlmOutputError(`${what}: the answer is not JSON`);
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw new CoursePlanLlmOutputError(`${what}: the answer does not match the schema (${checked.error.issues[0]?.path.join('.') ?? '?'}: ${checked.error.issues[0]?.message ?? ''})`);
  return checked.data;
}

async function loadPlan(db: Db, planId: string) {
  const plan = await db.coursePlan.findUnique({ where: { id: planId }, include: { course: { select: { title: true } } } });
  if (!plan) throw new DomainError('NOT_FOUND', 'No such course plan');
  return plan;
}

/**
 * The outline: asks for exactly totalLectures lectures and writes them PENDING (by position).
 * Skipped when the plan already has one (a resumed or retried run).
 */
export async function generateOutline(deps: GenerationDeps, planId: string): Promise<{ lectures: number }> {
  const plan = await loadPlan(deps.db, planId);
  if (plan.outline !== null) return { lectures: plan.totalLectures };
  const n = plan.totalLectures;
  const schema = { ...outlineJsonSchema, properties: { lectures: { ...outlineJsonSchema.properties.lectures, minItems: n, maxItems: n } } };
  const model = plan.llmModel ?? deps.llm.defaultModel;
  const result = await deps.llm.completeJson({ model, system: OUTLINE_SYSTEM, user: outlineUser({ courseTitle: plan.course.title, title: plan.title, prompt: plan.prompt, lectureCount: n, reviewNote: plan.reviewNote }), schemaName: OUTLINE_SCHEMA_NAME, schema });
  const answer = parseAnswer(result, outlineAnswer, 'outline');
  if (answer.lectures.length < n) throw new CoursePlanLlmOutputError(`outline: ${answer.lectures.length} lectures, ${n} asked for`);
  const lectures = answer.lectures.slice(0, n);
  const cost = callCost(result);
  await deps.db.$transaction(async (tx) => {
    // Only the statement that sets the outline books its cost and writes the lectures.
    const set = await tx.coursePlan.updateMany({
      where: { id: planId, outline: { equals: Prisma.DbNull } },
      data: { outline: answer as unknown as Prisma.InputJsonObject, llmModel: result.model, costPaise: { increment: cost.costPaise }, tokensUsed: { increment: cost.tokensUsed } },
    });
    if (set.count === 0) return;
    await tx.coursePlanLecture.createMany({
      data: lectures.map((l, i) => ({ coursePlanId: planId, position: i + 1, title: l.title, description: l.description, learningObjectives: l.learningObjectives })),
      skipDuplicates: true,
    });
  });
  return { lectures: n };
}

/** Positions still to generate (not READY), in order. */
export async function pendingLectures(db: Db, planId: string): Promise<number[]> {
  const rows = await db.coursePlanLecture.findMany({ where: { coursePlanId: planId, status: { not: 'READY' } }, orderBy: { position: 'asc' }, select: { position: true } });
  return rows.map((r) => r.position);
}

/** One lecture's body; saved READY with its cost in one statement (a lecture already READY is left alone). */
export async function generateLecture(deps: GenerationDeps, planId: string, position: number, now: Date): Promise<{ costPaise: number; already: boolean }> {
  const plan = await loadPlan(deps.db, planId);
  const lecture = await deps.db.coursePlanLecture.findUnique({ where: { coursePlanId_position: { coursePlanId: planId, position } } });
  if (!lecture) throw new DomainError('NOT_FOUND', `The plan has no lecture ${position}`);
  if (lecture.status === 'READY') return { costPaise: 0, already: true };
  // Live progress: the lecture in flight shows GENERATING.
  await deps.db.coursePlanLecture.updateMany({ where: { id: lecture.id, status: { in: ['PENDING', 'FAILED'] } }, data: { status: 'GENERATING', errorMessage: null } });
  const model = plan.llmModel ?? deps.llm.defaultModel;
  const result = await deps.llm.completeJson({
    model,
    system: LECTURE_SYSTEM,
    user: lectureUser({ courseTitle: plan.course.title, planTitle: plan.title, position, total: plan.totalLectures, title: lecture.title, description: lecture.description, prompt: plan.prompt }),
    schemaName: LECTURE_SCHEMA_NAME,
    schema: lectureJsonSchema,
  });
  const answer = parseAnswer(result, lectureAnswer, `lecture ${position}`);
  const cost = callCost(result);
  const saved = await deps.db.$transaction(async (tx) => {
    const set = await tx.coursePlanLecture.updateMany({
      where: { id: lecture.id, status: { not: 'READY' } },
      data: {
        status: 'READY',
        content: answer as unknown as Prisma.InputJsonObject,
        learningObjectives: answer.learningObjectives.length ? answer.learningObjectives : lecture.learningObjectives,
        costPaise: { increment: cost.costPaise },
        tokensUsed: { increment: cost.tokensUsed },
        errorMessage: null,
        generatedAt: now,
      },
    });
    if (set.count === 0) return false;
    await tx.coursePlan.update({ where: { id: planId }, data: { costPaise: { increment: cost.costPaise }, tokensUsed: { increment: cost.tokensUsed }, generatedLectures: { increment: 1 } } });
    return true;
  });
  return { costPaise: saved ? cost.costPaise : 0, already: !saved };
}

/**
 * Moves the plan from -> to (a conditional update). Already in `to` is a no-op (a retried
 * activity); any other state is a refusal.
 */
export async function moveCoursePlan(db: Db, planId: string, from: CoursePlanStatus, to: CoursePlanStatus, now: Date, data: { errorMessage?: string | null } = {}): Promise<void> {
  coursePlanLifecycle.assertTransition(from, to);
  const stamps = to === 'DRAFT' && from === 'GENERATING' ? { completedAt: null } : {};
  const moved = await db.coursePlan.updateMany({ where: { id: planId, status: from }, data: { status: to, ...stamps, ...(data.errorMessage !== undefined ? { errorMessage: data.errorMessage } : {}), updatedAt: now } });
  if (moved.count === 1) return;
  const row = await db.coursePlan.findUnique({ where: { id: planId }, select: { status: true } });
  if (!row) throw new DomainError('NOT_FOUND', 'No such course plan');
  if (row.status === to) return;
  throw new DomainError('ILLEGAL_TRANSITION', `The course plan is ${row.status}, not ${from}`);
}

/** A lecture that failed after its retries: it is marked FAILED and the plan FAILED with the reason; finished lectures stay. */
export async function failCoursePlan(db: Db, planId: string, position: number | null, reason: string, now: Date): Promise<void> {
  const message = reason.slice(0, 1_000);
  await db.$transaction(async (tx) => {
    if (position !== null) await tx.coursePlanLecture.updateMany({ where: { coursePlanId: planId, position, status: { not: 'READY' } }, data: { status: 'FAILED', errorMessage: message } });
    await tx.coursePlan.updateMany({ where: { id: planId, status: 'GENERATING' }, data: { status: 'FAILED', errorMessage: position !== null ? `Lecture ${position}: ${message}` : `Outline: ${message}`, updatedAt: now } });
  });
}
