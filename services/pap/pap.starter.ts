// Starting and messaging pap/<papWorkflowId>. The row is written first; the run is started with
// USE_EXISTING (an open run is joined) and REJECT_DUPLICATE (a closed one is never restarted). A
// start that failed is healed on the next step: an Update that finds no run starts it (resuming
// in the row's status) and is sent again. Refusals come back as DomainErrors: a validator's as
// 409, an activity's with its own code (e.g. 422 for a missing upload).
import { ActivityFailure, ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { DomainError, ERROR_STATUS, type ErrorCode } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import type { PapStatus } from '../../domain/pap/status.js';
import { papStateQuery, REFUSED, type PapInput, type PapLiveState } from '../../workflows/pap/pap.contract.js';
import { MasBatchId, MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';

export interface PapRunDeps {
  temporal: Client;
  config: { taskQueue: string };
}

export interface PapRunRow {
  id: string;
  applicationId: string;
  userId: string;
  batchId: string | null;
  status: PapStatus;
  batchCode: string | null;
}

export async function startPapRun(deps: PapRunDeps, row: PapRunRow, extra: Pick<PapInput, 'reminderOffsetsMs' | 'collectionReminderOffsetsMs'> = {}): Promise<void> {
  const input: PapInput = { papId: row.id, applicationId: row.applicationId, userId: row.userId, batchId: row.batchId, status: row.status, ...extra };
  try {
    await deps.temporal.workflow.start('pap', {
      taskQueue: deps.config.taskQueue,
      workflowId: workflowIds.pap(row.id),
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `PAP · ${row.batchCode ?? 'no batch'} · application ${row.applicationId}`,
      staticDetails: `PAP agreement ${row.id} of user ${row.userId}: MOU details, signed MOU, review, payment option, enrolment, placement, collection of the instalments.`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'pap' },
        { key: MasEntityId, value: row.id },
        { key: MasState, value: row.status },
        { key: MasUserId, value: row.userId },
        ...(row.batchId ? [{ key: MasBatchId, value: row.batchId }] : []),
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** The refusal an Update came back with, as the DomainError the api answers with. */
function refusalOf(err: WorkflowUpdateFailedError): DomainError {
  const cause = err.cause;
  const message = cause?.message ?? 'The step was refused';
  if (message.startsWith(REFUSED)) return new DomainError('ILLEGAL_TRANSITION', message.slice(REFUSED.length).trim());
  const app = cause instanceof ActivityFailure ? cause.cause : cause;
  if (app instanceof ApplicationFailure && app.type && app.type in ERROR_STATUS) return new DomainError(app.type as ErrorCode, app.message);
  return new DomainError('CONFLICT', message);
}

/** Sends one step's Update and returns the run's state after it. */
export async function sendPapStep<A>(deps: PapRunDeps, row: PapRunRow, update: UpdateDefinition<PapLiveState, [A]>, args: A): Promise<PapLiveState> {
  const handle = deps.temporal.workflow.getHandle(workflowIds.pap(row.id));
  for (let attempt = 0; ; attempt++) {
    try {
      return await handle.executeUpdate(update, { args: [args] });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw refusalOf(err);
      if (err instanceof WorkflowNotFoundError && attempt === 0) {
        await startPapRun(deps, row);
        continue;
      }
      if (err instanceof WorkflowNotFoundError) throw new DomainError('CONFLICT', 'The PAP agreement’s run has ended');
      throw err;
    }
  }
}

/** The run's live step, or null when it cannot be asked (no run, no worker in time). */
export async function papLiveState(temporal: Client, papId: string, timeoutMs = 5_000): Promise<PapLiveState | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      temporal.workflow.getHandle(workflowIds.pap(papId)).query(papStateQuery),
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

/** Signals the agreement's run; a missing run is started in the row's state (the Updates' healing), then signalled. */
export async function signalPap<A>(deps: PapRunDeps, row: PapRunRow, signal: SignalDefinition<[A]>, args: A): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(workflowIds.pap(row.id));
  try {
    await handle.signal(signal, args);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    await startPapRun(deps, row);
    await handle.signal(signal, args);
  }
}
