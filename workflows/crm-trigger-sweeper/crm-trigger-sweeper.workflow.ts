// crmTriggerSweeper: one long-lived run (id crm-trigger-sweeper) that dispatches CRM trigger
// events a crash or a Temporal outage left in the outbox. The api dispatches each event right
// after its commit; this only picks up what is still undispatched after `olderThanSeconds`.
import { continueAsNew, proxyActivities, setCurrentDetails, sleep } from '@temporalio/workflow';
import type { CrmEngineActivities } from '../../activities/crm-engine.activities.js';

export interface CrmTriggerSweeperInput {
  intervalSeconds?: number;
  olderThanSeconds?: number;
  batch?: number;
  /** Sweeps per run before continuing-as-new. */
  sweepsPerRun?: number;
}

const { dispatchPendingTriggers } = proxyActivities<CrmEngineActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function crmTriggerSweeper(input: CrmTriggerSweeperInput = {}): Promise<never> {
  const interval = (input.intervalSeconds ?? 30) * 1000;
  const batch = input.batch ?? 500;
  let total = 0;
  for (let i = 0; i < (input.sweepsPerRun ?? 500); i++) {
    const r = await dispatchPendingTriggers({ olderThanMs: (input.olderThanSeconds ?? 60) * 1000, limit: batch });
    total += r.dispatched;
    setCurrentDetails(`Dispatched ${total} left-behind trigger events this run; ${r.pending} still failing`);
    // A full batch means more may be waiting: go again at once.
    if (r.dispatched + r.pending < batch) await sleep(interval);
  }
  return await continueAsNew<typeof crmTriggerSweeper>(input);
}
