// Identity activities: adapters over services/identity (the account deletion's notice and purge).
// Both are idempotent: the notice is one emails_sent row per deletion, the purge one transaction
// guarded by the account_deletions row's status.
import { sendDeletionNotice } from '../services/identity/account-deletion.js';
import { purgeAccount, type PurgeOutcome } from '../services/identity/account-purge.js';
import type { ActivityDeps } from './deps.js';

export function createIdentityActivities(deps: ActivityDeps) {
  return {
    async sendDeletionNotice(input: { deletionId: string }) {
      return sendDeletionNotice({ db: deps.db, email: deps.email, logger: deps.logger, now: deps.now, notifications: deps.notifications }, input);
    },
    async purgeAccount(input: { userId: string; deletionId: string }): Promise<{ outcome: PurgeOutcome }> {
      return purgeAccount(deps.db, input, deps.now());
    },
  };
}

export type IdentityActivities = ReturnType<typeof createIdentityActivities>;
