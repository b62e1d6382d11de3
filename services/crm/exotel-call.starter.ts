// Starting and signalling exotel-call/<CallSid>: the workflow that follows one Exotel call. It is
// started when the call is placed and by the call's first StatusCallback, whichever comes first.
import { workflowIds } from '../../domain/ids.js';
import { callEventSignal, type CallEvent, type ExotelCallInput } from '../../workflows/exotel-call/exotel-call.contract.js';
import { MasEntityId, MasEntityType, MasState } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';

export function callWorkflowOptions(deps: Pick<ServiceDeps, 'config'>, callSid: string) {
  const input: ExotelCallInput = { callSid };
  return {
    taskQueue: deps.config.taskQueue,
    workflowId: workflowIds.exotelCall(callSid),
    args: [input] as [ExotelCallInput],
    staticSummary: `Exotel call ${callSid}`,
    typedSearchAttributes: [
      { key: MasEntityType, value: 'lead_call' },
      { key: MasEntityId, value: callSid },
      { key: MasState, value: 'SYNCING' },
    ],
  };
}

/** Starts the call's sync workflow, or joins the one already running. */
export async function startCallSync(deps: Pick<ServiceDeps, 'config' | 'temporal'>, callSid: string): Promise<void> {
  await deps.temporal.workflow.start('exotelCall', { ...callWorkflowOptions(deps, callSid), workflowIdConflictPolicy: 'USE_EXISTING' });
}

/**
 * Hands one callback to the call's workflow, starting it when none runs. A call whose workflow
 * already finished gets a fresh run (the id may be reused once closed): it re-fetches the call,
 * and the write only moves forward, so nothing is applied twice.
 */
export async function signalCallEvent(deps: Pick<ServiceDeps, 'config' | 'temporal'>, callSid: string, event: CallEvent): Promise<void> {
  await deps.temporal.workflow.signalWithStart('exotelCall', { ...callWorkflowOptions(deps, callSid), workflowIdReusePolicy: 'ALLOW_DUPLICATE', signal: callEventSignal, signalArgs: [event] });
}
