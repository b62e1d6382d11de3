// crmFollowUp: sleeps until the follow-up is due (moving when it is rescheduled) and reminds
// the assignee, unless it is completed or cancelled first.
import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { CrmActivities } from '../../activities/crm.activities.js';
import { MasState } from '../search-attributes.js';
import { closedSignal, rescheduleUpdate, type CrmFollowUpInput, type CrmFollowUpOutcome } from './crm-followup.contract.js';

const { remindFollowUp } = proxyActivities<CrmActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});

export async function crmFollowUp(input: CrmFollowUpInput): Promise<CrmFollowUpOutcome> {
  let dueAt = input.dueAt;
  let closed = false;
  setHandler(closedSignal, () => {
    closed = true;
  });
  setHandler(
    rescheduleUpdate,
    ({ dueAt: next }) => {
      dueAt = next;
      return { dueAt };
    },
    {
      validator: ({ dueAt: next }) => {
        if (closed) throw new Error('The follow-up is closed');
        if (!(Date.parse(next) > Date.now())) throw new Error('dueAt must be in the future');
      },
    },
  );

  for (;;) {
    const current = dueAt;
    const woke = await condition(() => closed || dueAt !== current, Math.max(0, Date.parse(current) - Date.now()));
    if (closed) break;
    if (!woke) {
      await remindFollowUp({ followUpId: input.followUpId });
      upsertSearchAttributes([{ key: MasState, value: 'REMINDED' }]);
      return 'reminded';
    }
  }
  upsertSearchAttributes([{ key: MasState, value: 'CLOSED' }]);
  return 'closed';
}
