// Pause, resume and cancel as the enrollment workflow's validated Updates, for one enrollment
// (the api) or many (bulk batches). The validator's refusal means nothing changed.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { EnrollmentMove } from '../../domain/workflow-enrollment/status.js';
import { cancelUpdate, pauseUpdate, resumeUpdate, type EnrollmentLiveState } from '../../workflows/crm-enrollment/crm-enrollment.contract.js';

export interface MoveArgs {
  /** Required by pause; cancel keeps null. */
  reason: string | null;
  actorId: string | null;
}

export type MoveOutcome = { moved: true; live: EnrollmentLiveState } | { moved: false; detail: string };

/** Sends the Update; a refusal (the validator's, or the run is gone) comes back as `moved: false`. */
export async function sendEnrollmentMove(temporal: Client, temporalWorkflowId: string, move: EnrollmentMove, args: MoveArgs): Promise<MoveOutcome> {
  const handle = temporal.workflow.getHandle(temporalWorkflowId);
  try {
    const live =
      move === 'pause'
        ? await handle.executeUpdate(pauseUpdate, { args: [{ reason: args.reason ?? '', actorId: args.actorId }] })
        : move === 'resume'
          ? await handle.executeUpdate(resumeUpdate, { args: [{ actorId: args.actorId }] })
          : await handle.executeUpdate(cancelUpdate, { args: [{ reason: args.reason, actorId: args.actorId }] });
    return { moved: true, live };
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return { moved: false, detail: err.cause?.message ?? 'Not allowed from the enrollment’s state' };
    if (err instanceof WorkflowNotFoundError) return { moved: false, detail: 'The enrollment has ended' };
    throw err;
  }
}
