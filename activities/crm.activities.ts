// CRM activities: thin adapters over services/crm (remindFollowUp claims the reminder with a
// conditional update, so a retried activity notifies the assignee once).
import { remindFollowUp } from '../services/crm/follow-ups.js';
import type { ActivityDeps } from './deps.js';

export function createCrmActivities({ db, now }: ActivityDeps) {
  return {
    async remindFollowUp({ followUpId }: { followUpId: string }): Promise<{ reminded: boolean }> {
      return remindFollowUp({ db, now }, followUpId);
    },
  };
}

export type CrmActivities = ReturnType<typeof createCrmActivities>;
