// accountDeletion: email the cancel link, wait out the grace period on a durable timer, then
// purge. The database row decides, not the signal: a cancel commits PENDING → CANCELLED before it
// signals, and purgeAccount refuses a row that is no longer PENDING, so a lost signal or a cancel
// racing the timer can never purge a restored account.
import { ActivityFailure, condition, log, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { IdentityActivities } from '../../activities/identity.activities.js';
import { MasState } from '../search-attributes.js';
import { cancelDeletionSignal, deletionStateQuery, type AccountDeletionInput, type AccountDeletionOutcome } from './account-deletion.contract.js';

const { sendDeletionNotice } = proxyActivities<IdentityActivities>({
  startToCloseTimeout: '45 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});
const { purgeAccount } = proxyActivities<IdentityActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function accountDeletion(input: AccountDeletionInput): Promise<AccountDeletionOutcome> {
  let cancelled = false;
  let state: 'notifying' | 'grace' | 'purging' | AccountDeletionOutcome = 'notifying';
  setHandler(cancelDeletionSignal, ({ deletionId }) => {
    if (deletionId === input.deletionId) cancelled = true;
  });
  setHandler(deletionStateQuery, () => ({ state, purgeAfter: input.purgeAfter }));

  const finish = (outcome: AccountDeletionOutcome) => {
    state = outcome;
    upsertSearchAttributes([{ key: MasState, value: outcome.toUpperCase() }]);
    return outcome;
  };

  try {
    const { outcome } = await sendDeletionNotice({ deletionId: input.deletionId });
    // No PENDING row: the request's transaction never committed, or it was cancelled already.
    if (outcome === 'not-pending') return finish(cancelled ? 'cancelled' : 'abandoned');
  } catch (err) {
    // The notice is a courtesy (an admin can still cancel); the deletion goes on without it.
    if (!(err instanceof ActivityFailure)) throw err;
    log.warn('account deletion notice could not be sent', { deletionId: input.deletionId });
  }

  state = 'grace';
  const remainingMs = Math.max(0, Date.parse(input.purgeAfter) - Date.now());
  if (await condition(() => cancelled, remainingMs)) return finish('cancelled');

  state = 'purging';
  const { outcome } = await purgeAccount({ userId: input.userId, deletionId: input.deletionId });
  if (outcome === 'purged' || outcome === 'already-purged') return finish('purged');
  return finish(outcome === 'cancelled' ? 'cancelled' : 'abandoned');
}
