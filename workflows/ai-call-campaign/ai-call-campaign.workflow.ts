// aiCallCampaign: `concurrency` lanes take the batch's recipients in order; each places one
// call (an idempotent activity per recipient), waits for its webhook (or asks the provider after
// a while), and books the outcome. Runs on the AI-calls task queue with its own worker slots.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { HireActivities } from '../../activities/hire.activities.js';
import { aiCallCampaignProgressQuery, aiCallEndedSignal, type AiCallCampaignInput, type AiCallCampaignProgress } from './ai-call-campaign.contract.js';

const acts = proxyActivities<HireActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 20 },
});

const RECONCILE_AFTER_MS = 20 * 60_000;
const RECONCILE_LIMIT = 6;

export async function aiCallCampaign(input: AiCallCampaignInput): Promise<AiCallCampaignProgress> {
  const progress: AiCallCampaignProgress = { total: input.total, placed: 0, completed: 0, failed: 0, inFlight: 0, done: false };
  const ended = new Set<string>();
  setHandler(aiCallCampaignProgressQuery, () => progress);
  setHandler(aiCallEndedSignal, ({ aiCallId }) => {
    ended.add(aiCallId);
  });
  await acts.campaignMark({ batchId: input.batchId, status: 'in_progress' });

  let next = 0;
  const lane = async () => {
    while (next < input.total) {
      const index = next++;
      progress.inFlight++;
      const call = await acts.campaignPlaceCall({ batchId: input.batchId, index });
      let outcome: 'completed' | 'failed' = 'failed';
      if (call.outcome === 'placed') {
        progress.placed++;
        for (let asked = 0; ; ) {
          const s = await acts.campaignCallState(call.aiCallId);
          if (s !== 'open') {
            outcome = s;
            break;
          }
          const woke = await condition(() => ended.has(call.aiCallId), RECONCILE_AFTER_MS);
          if (woke) continue;
          const r = await acts.campaignReconcileCall(call.aiCallId);
          if (r !== 'open') {
            outcome = r;
            break;
          }
          if (++asked >= RECONCILE_LIMIT) break;
        }
      }
      progress.inFlight--;
      if (outcome === 'completed') progress.completed++;
      else progress.failed++;
      await acts.campaignTally({ batchId: input.batchId });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, input.total)) }, lane));
  await acts.campaignMark({ batchId: input.batchId, status: 'completed' });
  progress.done = true;
  return progress;
}
