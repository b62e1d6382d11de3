// Staff use cases of AI course plans: create a plan for a course, start (or retry) its
// generation run, pause/resume/cancel it (Updates of course-plan/<id>), review the finished
// draft (approve, or send back with a note), and publish an approved plan to its course as a
// module with one class per lecture. Reads show the lectures, progress and cost.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { coursePlanLifecycle, type CoursePlanStatus } from '../../domain/course-plan/status.js';
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import {
  COURSE_PLAN_WORKFLOW,
  coursePlanStateQuery,
  REFUSED,
  cancelCoursePlanUpdate,
  pauseCoursePlanUpdate,
  resumeCoursePlanUpdate,
  type CoursePlanInput,
  type CoursePlanLiveState,
} from '../../workflows/course-plan/course-plan.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';

export interface CoursePlanDeps {
  db: Db;
  temporal: Client;
  config: { taskQueue: string };
}

export interface CreateCoursePlanInput {
  courseId: string;
  title: string;
  goals?: string | null;
  lectureCount: number;
  model?: string | null;
}

const withLectures = { lectures: { orderBy: { position: 'asc' } }, course: { select: { title: true } } } satisfies Prisma.CoursePlanInclude;
type PlanRow = Prisma.CoursePlanGetPayload<{ include: typeof withLectures }>;

export function toCoursePlanView(plan: PlanRow, live: CoursePlanLiveState | null = null) {
  return {
    id: plan.id,
    courseId: plan.courseId,
    courseTitle: plan.course.title,
    title: plan.title,
    goals: plan.prompt,
    status: plan.status,
    llmModel: plan.llmModel,
    errorMessage: plan.errorMessage,
    reviewNote: plan.reviewNote,
    progress: { totalLectures: plan.totalLectures, generatedLectures: plan.generatedLectures, percent: plan.totalLectures ? Math.floor((plan.generatedLectures * 100) / plan.totalLectures) : 0 },
    cost: { totalPaise: plan.costPaise, tokensUsed: plan.tokensUsed },
    live,
    lectures: plan.lectures.map((l) => ({
      position: l.position,
      title: l.title,
      description: l.description,
      learningObjectives: l.learningObjectives,
      status: l.status,
      errorMessage: l.errorMessage,
      content: l.content ?? null,
      costPaise: l.costPaise,
      tokensUsed: l.tokensUsed,
      generatedAt: l.generatedAt?.toISOString() ?? null,
    })),
    createdById: plan.createdById,
    createdAt: plan.createdAt.toISOString(),
    startedAt: plan.startedAt?.toISOString() ?? null,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    completedAt: plan.completedAt?.toISOString() ?? null,
  };
}
export type CoursePlanView = ReturnType<typeof toCoursePlanView>;

async function loadPlan(db: Db, planId: string): Promise<PlanRow> {
  const plan = await db.coursePlan.findUnique({ where: { id: planId }, include: withLectures });
  if (!plan) throw new DomainError('NOT_FOUND', 'No such course plan');
  return plan;
}

/** The run's live step, or null when it cannot be asked (no open run, no worker in time). */
async function liveState(temporal: Client, planId: string, timeoutMs = 3_000): Promise<CoursePlanLiveState | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const handle = temporal.workflow.getHandle(workflowIds.coursePlan(planId));
    const described = await handle.describe();
    if (described.status.name !== 'RUNNING') return null;
    return await Promise.race([
      handle.query(coursePlanStateQuery),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export async function createCoursePlan(deps: CoursePlanDeps, actorId: string, input: CreateCoursePlanInput): Promise<CoursePlanView> {
  const course = await deps.db.course.findUnique({ where: { id: input.courseId }, select: { id: true } });
  if (!course) throw new DomainError('NOT_FOUND', 'No such course');
  const plan = await deps.db.coursePlan.create({
    data: { courseId: input.courseId, createdById: actorId, title: input.title, prompt: input.goals ?? null, totalLectures: input.lectureCount, llmModel: input.model ?? null },
    include: withLectures,
  });
  return toCoursePlanView(plan);
}

export async function getCoursePlan(deps: CoursePlanDeps, planId: string): Promise<CoursePlanView> {
  const plan = await loadPlan(deps.db, planId);
  const live = plan.status === 'GENERATING' || plan.status === 'PAUSED' ? await liveState(deps.temporal, planId) : null;
  return toCoursePlanView(plan, live);
}

export async function listCoursePlans(db: Db, q: { page: { where: object; orderBy: object[] }; take: number; courseId?: string; status?: CoursePlanStatus }) {
  return db.coursePlan.findMany({
    where: { AND: [q.page.where, q.courseId ? { courseId: q.courseId } : {}, q.status ? { status: q.status } : {}] },
    orderBy: q.page.orderBy as Prisma.CoursePlanOrderByWithRelationInput[],
    take: q.take,
    include: withLectures,
  });
}

/**
 * Starts a generation run: DRAFT (not yet generated, or sent back) or FAILED (retry failed) ->
 * GENERATING, then a new run of course-plan/<id>, which goes on from the first lecture not
 * READY. The conditional move makes two concurrent starts one run; a start that fails puts the
 * plan back.
 */
export async function startCoursePlanGeneration(deps: CoursePlanDeps, actorId: string, planId: string, from: 'DRAFT' | 'FAILED'): Promise<CoursePlanView> {
  const plan = await loadPlan(deps.db, planId);
  if (plan.status !== from) throw new DomainError('ILLEGAL_TRANSITION', `The course plan is ${plan.status}; ${from === 'FAILED' ? 'only a FAILED plan can be retried' : 'generation starts from DRAFT'}`);
  if (from === 'DRAFT' && plan.outline !== null && plan.lectures.length > 0 && plan.lectures.every((l) => l.status === 'READY')) {
    throw new DomainError('ILLEGAL_TRANSITION', 'The course plan is already generated; approve it or send it back with a note');
  }
  coursePlanLifecycle.assertTransition(from, 'GENERATING');
  const moved = await deps.db.coursePlan.updateMany({ where: { id: planId, status: from }, data: { status: 'GENERATING', errorMessage: null, startedAt: plan.startedAt ?? new Date() } });
  if (moved.count === 0) throw new DomainError('ILLEGAL_TRANSITION', 'The course plan changed meanwhile; reload it');
  if (from === 'FAILED') await deps.db.coursePlanLecture.updateMany({ where: { coursePlanId: planId, status: 'FAILED' }, data: { status: 'PENDING', errorMessage: null } });
  const input: CoursePlanInput = { planId };
  try {
    await deps.temporal.workflow.start(COURSE_PLAN_WORKFLOW, {
      taskQueue: deps.config.taskQueue,
      workflowId: workflowIds.coursePlan(planId),
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      staticSummary: `Course plan · ${plan.course.title}`,
      staticDetails: `AI course plan ${plan.id} "${plan.title}": ${plan.totalLectures} lectures, started by ${actorId}.`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'course_plan' },
        { key: MasEntityId, value: plan.id },
        { key: MasState, value: 'GENERATING' },
        { key: MasUserId, value: actorId },
      ],
    });
  } catch (err) {
    await deps.db.coursePlan.updateMany({ where: { id: planId, status: 'GENERATING' }, data: { status: from } });
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw new DomainError('CONFLICT', 'A generation run of this plan is still open');
    throw err;
  }
  return getCoursePlan(deps, planId);
}

async function sendUpdate(deps: CoursePlanDeps, planId: string, update: UpdateDefinition<CoursePlanLiveState, [{ actorId: string }]>, actorId: string): Promise<CoursePlanView> {
  await loadPlan(deps.db, planId);
  try {
    await deps.temporal.workflow.getHandle(workflowIds.coursePlan(planId)).executeUpdate(update, { args: [{ actorId }] });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const message = err.cause?.message ?? 'The step was refused';
      throw new DomainError(message.startsWith(REFUSED) ? 'ILLEGAL_TRANSITION' : 'CONFLICT', message.startsWith(REFUSED) ? message.slice(REFUSED.length).trim() : message);
    }
    if (err instanceof WorkflowNotFoundError) throw new DomainError('ILLEGAL_TRANSITION', 'The course plan has no generation run open');
    throw err;
  }
  return getCoursePlan(deps, planId);
}

export const pauseCoursePlan = (deps: CoursePlanDeps, actorId: string, planId: string) => sendUpdate(deps, planId, pauseCoursePlanUpdate, actorId);
export const resumeCoursePlan = (deps: CoursePlanDeps, actorId: string, planId: string) => sendUpdate(deps, planId, resumeCoursePlanUpdate, actorId);
export const cancelCoursePlan = (deps: CoursePlanDeps, actorId: string, planId: string) => sendUpdate(deps, planId, cancelCoursePlanUpdate, actorId);

function assertReviewable(plan: PlanRow) {
  if (plan.status !== 'DRAFT') throw new DomainError('ILLEGAL_TRANSITION', `The course plan is ${plan.status}; only a generated DRAFT is reviewed`);
  if (plan.lectures.length === 0 || plan.lectures.some((l) => l.status !== 'READY')) throw new DomainError('ILLEGAL_TRANSITION', 'The course plan is not fully generated yet');
}

/** Staff approve a fully generated draft (DRAFT -> APPROVED). */
export async function approveCoursePlan(deps: CoursePlanDeps, _actorId: string, planId: string): Promise<CoursePlanView> {
  assertReviewable(await loadPlan(deps.db, planId));
  const moved = await deps.db.coursePlan.updateMany({ where: { id: planId, status: 'DRAFT' }, data: { status: 'APPROVED', approvedAt: new Date(), reviewNote: null } });
  if (moved.count === 0) throw new DomainError('ILLEGAL_TRANSITION', 'The course plan changed meanwhile; reload it');
  return getCoursePlan(deps, planId);
}

/** Staff send a generated draft back with a note: its lectures are generated again (with the note) on the next start. */
export async function sendBackCoursePlan(deps: CoursePlanDeps, _actorId: string, planId: string, note: string): Promise<CoursePlanView> {
  assertReviewable(await loadPlan(deps.db, planId));
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.coursePlan.updateMany({ where: { id: planId, status: 'DRAFT' }, data: { reviewNote: note, generatedLectures: 0 } });
    if (moved.count === 0) throw new DomainError('ILLEGAL_TRANSITION', 'The course plan changed meanwhile; reload it');
    await tx.coursePlanLecture.updateMany({ where: { coursePlanId: planId }, data: { status: 'PENDING' } });
  });
  return getCoursePlan(deps, planId);
}

/** Publishes an approved plan to its course: one module (after the course's last), one class per lecture, in order (APPROVED -> COMPLETED). */
export async function publishCoursePlan(deps: CoursePlanDeps, _actorId: string, planId: string): Promise<{ plan: CoursePlanView; moduleId: string; classIds: string[] }> {
  const plan = await loadPlan(deps.db, planId);
  coursePlanLifecycle.assertTransition(plan.status, 'COMPLETED');
  const made = await deps.db.$transaction(async (tx) => {
    const moved = await tx.coursePlan.updateMany({ where: { id: planId, status: 'APPROVED' }, data: { status: 'COMPLETED', completedAt: new Date() } });
    if (moved.count === 0) throw new DomainError('ILLEGAL_TRANSITION', 'The course plan changed meanwhile; reload it');
    const last = await tx.module.aggregate({ where: { courseId: plan.courseId }, _max: { position: true } });
    const mod = await tx.module.create({ data: { courseId: plan.courseId, title: plan.title, description: plan.prompt, position: (last._max.position ?? -1) + 1 } });
    const classIds: string[] = [];
    for (const l of plan.lectures) {
      const summary = (l.content as { summary?: string } | null)?.summary;
      const cls = await tx.class.create({ data: { moduleId: mod.id, title: l.title, description: summary ?? l.description, type: 'RECORDED', position: l.position } });
      classIds.push(cls.id);
    }
    return { moduleId: mod.id, classIds };
  });
  return { plan: await getCoursePlan(deps, planId), ...made };
}
