// The workflow_enrollments row as the enrollment workflow moves: written once at the start
// (when the starter did not), then patched in the order the workflow decides. Every status
// change is an edge of the domain lifecycle (the update is guarded by it); an
// ended enrollment never moves again: a late write from a step cut short is dropped.
import { workflowEnrollmentLifecycle } from '../../domain/workflow-enrollment/status.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { EnrollmentStatus, PauseInfo } from '../../workflows/crm-enrollment/crm-enrollment.contract.js';

const json = (v: unknown) => v as Prisma.InputJsonValue;

/** For each status, the stored statuses a write of it may land on: its sources, and itself. */
const MAY_BECOME = Object.fromEntries(
  workflowEnrollmentLifecycle.states.map((to) => [to, workflowEnrollmentLifecycle.states.filter((from) => from === to || workflowEnrollmentLifecycle.canTransition(from, to))]),
) as Record<EnrollmentStatus, EnrollmentStatus[]>;

interface Deps {
  db: Db;
  now: () => Date;
}

export interface EnrollmentPatch {
  enrollmentId: string;
  status: EnrollmentStatus;
  currentNodeId?: string;
  waitingUntil?: string | null;
  /** undefined leaves the pause columns alone; null clears them. */
  paused?: PauseInfo | null;
  remainingDelayMs?: number | null;
  lastError?: string | null;
  ended?: boolean;
  goalReached?: boolean;
  /** The delay node being entered (a WAITING node run) or finished (SUCCEEDED). */
  delay?: { nodeId: string; nodeType: string; visit: number; phase: 'waiting' | 'done' };
}

export interface BeginEnrollment {
  enrollmentId: string;
  crmWorkflowId: string;
  version: number;
  leadId: string;
  enrolledBy: string | null;
  temporalWorkflowId: string;
  triggerNodeId: string;
  triggerType: string;
}

/** The row and the trigger's node run, for runs whose starter did not write them. Idempotent. */
export async function beginEnrollmentRow(deps: Deps, b: BeginEnrollment): Promise<void> {
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    await tx.workflowEnrollment.createMany({
      data: [
        {
          id: b.enrollmentId,
          workflowId: b.crmWorkflowId,
          definitionVersion: b.version,
          subjectType: 'RAW_LEAD',
          subjectId: b.leadId,
          status: 'ACTIVE',
          currentNodeId: b.triggerNodeId,
          temporalWorkflowId: b.temporalWorkflowId,
          enrolledBy: b.enrolledBy,
        },
      ],
      skipDuplicates: true,
    });
    await tx.workflowNodeRun.createMany({
      data: [{ enrollmentId: b.enrollmentId, nodeId: b.triggerNodeId, nodeType: b.triggerType, attempt: 1, status: 'SUCCEEDED', startedAt: now, endedAt: now }],
      skipDuplicates: true,
    });
  });
}

/**
 * Applies the patch, or throws ILLEGAL_TRANSITION (and writes nothing) when the lifecycle has
 * no edge from the stored status. Writing the status the row already has is a retry: allowed.
 * A write to an ended (or missing) row is dropped whole, node runs included.
 */
export async function patchEnrollment(deps: Deps, p: EnrollmentPatch): Promise<void> {
  const { db, now } = deps;
  const data: Prisma.WorkflowEnrollmentUncheckedUpdateInput = { status: p.status };
  if (p.currentNodeId !== undefined) data.currentNodeId = p.currentNodeId;
  if (p.waitingUntil !== undefined) data.waitingUntil = p.waitingUntil ? new Date(p.waitingUntil) : null;
  if (p.paused !== undefined) {
    data.pausedAt = p.paused ? new Date(p.paused.at) : null;
    data.pauseReason = p.paused?.reason ?? null;
    data.pausedBy = p.paused?.by ?? null;
  }
  if (p.remainingDelayMs !== undefined) data.resumeRemainingDelayMs = p.remainingDelayMs === null ? null : BigInt(Math.round(p.remainingDelayMs));
  if (p.lastError !== undefined) data.lastError = p.lastError;
  if (p.ended) {
    if (p.status === 'COMPLETED') data.completedAt = now();
    else data.endedAt = now();
  }
  if (p.goalReached) data.context = json({ goalReached: true });
  await db.$transaction(async (tx) => {
    // One guarded UPDATE (no extra round trip, no lock held longer): it matches only when the
    // stored status may move to p.status, or already is it (a retry). Postgres re-checks the
    // guard on the row it updates, so a concurrent write cannot slip an illegal edge through.
    const { count } = await tx.workflowEnrollment.updateMany({ where: { id: p.enrollmentId, status: { in: MAY_BECOME[p.status] } }, data });
    if (count === 0) {
      const row = await tx.workflowEnrollment.findUnique({ where: { id: p.enrollmentId }, select: { status: true } });
      if (!row || workflowEnrollmentLifecycle.isTerminal(row.status)) return;
      workflowEnrollmentLifecycle.assertTransition(row.status, p.status);
    }
    if (p.delay) {
      const { nodeId, nodeType, visit, phase } = p.delay;
      const where = { enrollmentId_nodeId_attempt: { enrollmentId: p.enrollmentId, nodeId, attempt: visit } };
      if (phase === 'waiting') {
        await tx.workflowNodeRun.upsert({
          where,
          create: { enrollmentId: p.enrollmentId, nodeId, nodeType, attempt: visit, status: 'WAITING', startedAt: now(), input: json({ waitingUntil: p.waitingUntil }) },
          update: { status: 'WAITING', input: json({ waitingUntil: p.waitingUntil }) },
        });
      } else {
        await tx.workflowNodeRun.updateMany({ where: { enrollmentId: p.enrollmentId, nodeId, attempt: visit }, data: { status: 'SUCCEEDED', endedAt: now() } });
      }
    }
    if (p.status === 'CANCELLED') {
      await tx.workflowNodeRun.updateMany({ where: { enrollmentId: p.enrollmentId, status: { in: ['WAITING', 'RUNNING', 'PENDING'] } }, data: { status: 'CANCELLED', endedAt: now() } });
    }
  });
}
