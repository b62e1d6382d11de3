// crmEnrollment: walks one lead through the pinned version of a CRM workflow graph. Actions and
// conditions run as activities (each recorded in workflow_node_runs); delays are durable timers
// that a pause interrupts and a resume continues with only the time that was left. Long graphs
// and loops continue-as-new, carrying where they are.
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CrmEngineActivities, EnrollmentPatch } from '../../activities/crm-engine.activities.js';
import { delayMs, nextNodeId, nodeById, triggerNode } from '../../domain/crm-engine/graph.js';
import { enrollmentMoveRefusal, type EnrollmentMove } from '../../domain/workflow-enrollment/status.js';
import { MasState } from '../search-attributes.js';
import {
  cancelUpdate,
  pauseUpdate,
  REJECT,
  resumeUpdate,
  stateQuery,
  type CancelArgs,
  type CrmEnrollmentInput,
  type CrmEnrollmentOutcome,
  type EnrollmentLiveState,
  type EnrollmentStatus,
  type PauseArgs,
  type PauseInfo,
  type ResumeArgs,
} from './crm-enrollment.contract.js';

const bookkeeping = proxyActivities<CrmEngineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
/** Sends and calls to the outside world: bounded retries, then the enrollment fails. */
const actions = proxyActivities<CrmEngineActivities>({
  // Above the 10 s a webhook or provider call may take; a lost worker's attempt is retried then.
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

export async function crmEnrollment(input: CrmEnrollmentInput): Promise<CrmEnrollmentOutcome> {
  const def = input.definition;
  const carry = input.carry;
  const stepsPerRun = input.stepsPerRun ?? 200;
  const visits: Record<string, number> = { ...carry?.visits };
  let at = carry?.atNodeId ?? triggerNode(def).id;
  let paused: PauseInfo | null = carry?.paused ?? null;
  let status: EnrollmentStatus = paused ? 'PAUSED' : 'ACTIVE';
  let remainingDelayMs: number | null = carry?.remainingDelayMs ?? null;
  let waitingUntil: number | null = null;
  let cancelled = false;
  let steps = carry?.steps ?? 0;
  const run = (carry?.runs ?? 0) + 1;
  let stepsThisRun = 0;

  // Every write of the enrollment row goes through one chain, so rows land in the order the
  // workflow decided them even when an Update handler writes while the main loop does.
  let chain: Promise<unknown> = Promise.resolve();
  const persist = (patch: Omit<EnrollmentPatch, 'enrollmentId'>) => {
    const next = chain.then(() => bookkeeping.syncEnrollment({ enrollmentId: input.enrollmentId, ...patch }));
    chain = next.catch(() => undefined);
    return next;
  };
  const setStatus = (next: EnrollmentStatus) => {
    status = next;
    upsertSearchAttributes([{ key: MasState, value: next }]);
  };
  const live = (): EnrollmentLiveState => {
    const node = nodeById(def, at);
    const left = waitingUntil !== null ? Math.max(0, waitingUntil - Date.now()) : remainingDelayMs;
    return {
      status,
      currentNodeId: at,
      currentNodeType: node.type,
      waitingUntil: waitingUntil !== null ? new Date(waitingUntil).toISOString() : null,
      remainingDelayMs: left,
      paused,
      steps,
      run,
    };
  };
  const describeAt = () => {
    const node = nodeById(def, at);
    const where = `**${node.label ?? node.id}** (${node.type})`;
    if (status === 'PAUSED' && paused) return `Paused at ${where} by ${paused.by ?? 'system'}: ${paused.reason}`;
    if (status === 'WAITING' && waitingUntil !== null) return `Waiting at ${where} until ${new Date(waitingUntil).toISOString()}`;
    return `At ${where}`;
  };

  setHandler(stateQuery, live);
  // The validators ask the domain lifecycle, so a refused Update changes nothing. Replay never
  // reruns a validator (accepted Updates are in the history), and for every state a run can be
  // in this accepts exactly what the old checks did.
  const refuseUnlessAllowed = (move: EnrollmentMove) => {
    const refusal = enrollmentMoveRefusal(move, cancelled ? 'CANCELLED' : status);
    if (refusal) throw new Error(REJECT[refusal]);
  };
  setHandler(
    pauseUpdate,
    async ({ reason, actorId }) => {
      if (waitingUntil !== null) remainingDelayMs = Math.max(0, waitingUntil - Date.now());
      waitingUntil = null;
      paused = { at: new Date().toISOString(), by: actorId, reason };
      setStatus('PAUSED');
      setCurrentDetails(describeAt());
      await persist({ status: 'PAUSED', currentNodeId: at, waitingUntil: null, paused, remainingDelayMs });
      return live();
    },
    {
      validator: (_args: PauseArgs) => refuseUnlessAllowed('pause'),
    },
  );
  setHandler(
    resumeUpdate,
    async () => {
      paused = null;
      setStatus('ACTIVE');
      setCurrentDetails(describeAt());
      await persist({ status: 'ACTIVE', currentNodeId: at, paused: null, remainingDelayMs });
      return live();
    },
    {
      validator: (_args: ResumeArgs) => refuseUnlessAllowed('resume'),
    },
  );
  setHandler(
    cancelUpdate,
    async ({ reason }) => {
      cancelled = true;
      waitingUntil = null;
      setStatus('CANCELLED');
      setCurrentDetails(`Cancelled at ${at}${reason ? `: ${reason}` : ''}`);
      await persist({ status: 'CANCELLED', currentNodeId: at, waitingUntil: null, lastError: reason ? `cancelled: ${reason}` : null, ended: true });
      return live();
    },
    {
      validator: (_args: CancelArgs) => refuseUnlessAllowed('cancel'),
    },
  );

  if (!carry) {
    // Runs started before the starter wrote the row themselves keep their first activity.
    if (!input.rowWritten) {
      await bookkeeping.beginEnrollment({
        enrollmentId: input.enrollmentId,
        crmWorkflowId: input.crmWorkflowId,
        version: input.version,
        leadId: input.leadId,
        enrolledBy: input.enrolledBy,
        temporalWorkflowId: workflowInfo().workflowId,
        triggerNodeId: at,
        triggerType: nodeById(def, at).type,
      });
      upsertSearchAttributes([{ key: MasState, value: status }]);
    }
    visits[at] = 1;
    at = nextNodeId(def, at) ?? at;
  } else {
    upsertSearchAttributes([{ key: MasState, value: status }]);
  }

  /** Serves `ms` of the delay at `at`; false when a pause or cancel cut it short. */
  const serveDelay = async (ms: number, visit: number): Promise<boolean> => {
    waitingUntil = Date.now() + ms;
    remainingDelayMs = null;
    setStatus('WAITING');
    setCurrentDetails(describeAt());
    const delay = { nodeId: at, nodeType: nodeById(def, at).type, visit };
    await persist({ status: 'WAITING', currentNodeId: at, waitingUntil: new Date(waitingUntil).toISOString(), delay: { ...delay, phase: 'waiting' } });
    if (paused || cancelled) return false;
    const interrupted = await condition(() => paused !== null || cancelled, ms);
    if (interrupted) return false;
    waitingUntil = null;
    setStatus('ACTIVE');
    await persist({ status: 'ACTIVE', currentNodeId: at, waitingUntil: null, remainingDelayMs: null, delay: { ...delay, phase: 'done' } });
    return true;
  };

  let outcome: CrmEnrollmentOutcome = 'completed';
  try {
    for (;;) {
      if (cancelled) break;
      if (paused) {
        await condition(() => paused === null || cancelled);
        continue;
      }
      const node = nodeById(def, at);

      // A delay cut by a pause (or by continue-as-new) serves only what was left.
      if (remainingDelayMs !== null && node.type.startsWith('delay.')) {
        if (!(await serveDelay(remainingDelayMs, visits[at] ?? 1))) continue;
        at = nextNodeId(def, at)!;
        continue;
      }

      if (stepsThisRun >= stepsPerRun || workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        await chain;
        if (!cancelled) {
          return await continueAsNew<typeof crmEnrollment>({
            ...input,
            carry: { atNodeId: at, visits, paused, remainingDelayMs, steps, runs: run },
          });
        }
        break;
      }

      const visit = (visits[at] = (visits[at] ?? 0) + 1);
      steps++;
      stepsThisRun++;
      setCurrentDetails(describeAt());

      if (node.type === 'end') break;
      if (node.type === 'condition.if' || node.type === 'goal') {
        const holds = await bookkeeping.evaluateNode({ enrollmentId: input.enrollmentId, leadId: input.leadId, node, visit });
        if (node.type === 'goal' && holds) {
          outcome = 'goal_reached';
          break;
        }
        at = nextNodeId(def, at, node.type === 'condition.if' ? holds : undefined)!;
        continue;
      }
      if (node.type.startsWith('delay.')) {
        const ms = delayMs(node, Date.now());
        if (!(await serveDelay(ms, visit))) continue;
        at = nextNodeId(def, at)!;
        continue;
      }
      if (node.type.startsWith('action.')) {
        const done = await actions.runAction({ enrollmentId: input.enrollmentId, crmWorkflowId: input.crmWorkflowId, leadId: input.leadId, node, visit });
        if (cancelled) break;
        // A marketing send in the recipient's quiet hours: wait (pausable, like a delay), then run this same visit again.
        if (typeof done?.deferredUntil === 'string') {
          visits[at] = visit - 1;
          const ms = Math.max(1_000, Date.parse(done.deferredUntil) - Date.now());
          // Cut short by a pause, the send asks again after the resume (quiet hours are recomputed, not carried).
          await serveDelay(ms, visit);
          remainingDelayMs = null;
          continue;
        }
        at = nextNodeId(def, at)!;
        continue;
      }
      throw ApplicationFailure.nonRetryable(`Unexpected node type ${node.type} at ${at}`);
    }
  } catch (err) {
    if (!(err instanceof ActivityFailure || err instanceof ApplicationFailure)) throw err;
    const message = err instanceof ActivityFailure ? (err.cause?.message ?? err.message) : err.message;
    setStatus('FAILED');
    setCurrentDetails(`Failed at ${at}: ${message}`);
    await condition(allHandlersFinished);
    await persist({ status: 'FAILED', currentNodeId: at, waitingUntil: null, lastError: message, ended: true });
    return 'failed';
  }

  await condition(allHandlersFinished);
  if (cancelled) {
    await chain;
    return 'cancelled';
  }
  setStatus('COMPLETED');
  setCurrentDetails(outcome === 'goal_reached' ? `Goal reached at ${at}` : 'Completed');
  await persist({ status: 'COMPLETED', currentNodeId: at, waitingUntil: null, ended: true, goalReached: outcome === 'goal_reached' });
  return outcome;
}
