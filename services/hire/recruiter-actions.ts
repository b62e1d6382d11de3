// A recruiter's moves on a candidate: advance (skip ahead), reject (with a reason code), hold and
// release, and override (replace the AI's verdict). While the candidate's run is open they are
// Workflow Updates: the run's validator refuses an illegal move (409) before anything changes.
// Once the run has completed (its decision window passed), only reject and override remain,
// applied straight to the rows under the same domain rules.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { refuseOverride, refuseReject, type Decision } from '../../domain/candidate/pipeline.js';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import { advanceUpdate, holdUpdate, overrideUpdate, rejectUpdate, releaseUpdate, type PipelineState } from '../../workflows/candidate-pipeline/candidate-pipeline.contract.js';
import type { ServiceDeps } from '../deps.js';
import { applicationForRecruiter, type RecruiterScope } from './job-access.js';
import { applyRecruiterWrite } from './pipeline-state.js';

export type CandidateMove =
  | { kind: 'advance'; to: CandidateStatus; note?: string | undefined }
  | { kind: 'reject'; code: string; note?: string | undefined }
  | { kind: 'hold'; note?: string | undefined }
  | { kind: 'release' }
  | { kind: 'override'; verdict: Decision; reason: string };

export interface CandidateMoveResult extends PipelineState {
  jobApplicationId: string;
}

export async function moveCandidate(deps: Pick<ServiceDeps, 'db' | 'temporal'>, scope: RecruiterScope, jobApplicationId: string, move: CandidateMove, now = new Date()): Promise<CandidateMoveResult> {
  await applicationForRecruiter(deps.db, scope, jobApplicationId);
  const userId = scope.actor.userId;
  const handle = deps.temporal.workflow.getHandle(workflowIds.candidatePipeline(jobApplicationId));
  try {
    const state =
      move.kind === 'advance'
        ? await handle.executeUpdate(advanceUpdate, { args: [{ userId, to: move.to, ...(move.note ? { note: move.note } : {}) }] })
        : move.kind === 'reject'
          ? await handle.executeUpdate(rejectUpdate, { args: [{ userId, code: move.code, ...(move.note ? { note: move.note } : {}) }] })
          : move.kind === 'hold'
            ? await handle.executeUpdate(holdUpdate, { args: [{ userId, ...(move.note ? { note: move.note } : {}) }] })
            : move.kind === 'release'
              ? await handle.executeUpdate(releaseUpdate, { args: [{ userId }] })
              : await handle.executeUpdate(overrideUpdate, { args: [{ userId, verdict: move.verdict, reason: move.reason }] });
    return { jobApplicationId, ...state };
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) throw new DomainError('ILLEGAL_TRANSITION', err.cause?.message ?? 'Not allowed in the candidate’s state');
    if (!(err instanceof WorkflowNotFoundError) && !isClosedRunError(err)) throw err;
  }
  return moveClosedCandidate(deps, jobApplicationId, move, userId, now);
}

/** The server's answer to an Update sent to a run that has completed. */
function isClosedRunError(err: unknown): boolean {
  return err instanceof Error && /already completed|workflow execution.*(completed|closed)/i.test(err.message);
}

async function moveClosedCandidate(deps: Pick<ServiceDeps, 'db'>, jobApplicationId: string, move: CandidateMove, userId: string, now: Date): Promise<CandidateMoveResult> {
  const app = await deps.db.jobApplication.findUniqueOrThrow({ where: { id: jobApplicationId }, select: { status: true, heldAt: true, rejectedAt: true, attentionReason: true, statusChangedAt: true } });
  const flags = { status: app.status, held: app.heldAt !== null, rejected: app.rejectedAt !== null };
  const key = `closed:${jobApplicationId}:${randomUUID()}`;
  let refusal: string | null;
  if (move.kind === 'override') refusal = refuseOverride(flags, move.verdict);
  else if (move.kind === 'reject') refusal = refuseReject(flags);
  else refusal = 'The candidate’s pipeline has ended; only reject and override remain';
  if (refusal) throw new DomainError('ILLEGAL_TRANSITION', refusal);
  const write =
    move.kind === 'override'
      ? { kind: 'override' as const, from: app.status, verdict: move.verdict, reason: move.reason, userId }
      : { kind: 'reject' as const, stage: app.status, code: (move as { code: string }).code, note: (move as { note?: string }).note, userId };
  const { applied } = await applyRecruiterWrite(deps.db, { jobApplicationId, key, write }, now);
  if (!applied) throw new DomainError('ILLEGAL_TRANSITION', 'The candidate changed meanwhile; reload and try again');
  const after = await deps.db.jobApplication.findUniqueOrThrow({ where: { id: jobApplicationId }, select: { status: true, heldAt: true, rejectedAt: true, attentionReason: true, statusChangedAt: true } });
  return { jobApplicationId, status: after.status, held: after.heldAt !== null, rejected: after.rejectedAt !== null, attention: after.attentionReason, stageSince: after.statusChangedAt.toISOString() };
}
