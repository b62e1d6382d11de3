// The Mr Learn / Mr Test sync activities: adapters over services/sync/runs.ts. syncRunPagesActivity
// heartbeats the cursor after every committed page; the cursor in the run row is what a retry
// resumes from, so a retry after a crash neither skips nor recounts a page.
import { Context } from '@temporalio/activity';
import { finishSyncRun, startSyncRun, syncRunPages, type FinishRunInput, type FinishRunResult, type PagesInput, type PagesResult, type StartRunInput, type StartRunResult } from '../services/sync/runs.js';
import { sendMrLearnReminders, type RemindersResult } from '../services/sync/reminders.js';
import type { SyncDeps } from '../services/sync/settings.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createSyncActivities(deps: ActivityDeps) {
  const syncDeps: SyncDeps = { db: deps.db, logger: deps.logger, temporal: deps.temporal, config: { taskQueue: deps.taskQueue, sync: deps.sync } };
  return {
    async syncStartRunActivity(input: Omit<StartRunInput, 'now'>): Promise<StartRunResult> {
      return refusingDomainErrors(() => startSyncRun(syncDeps, { ...input, now: deps.now() }));
    },
    async syncRunPagesActivity(input: PagesInput): Promise<PagesResult> {
      const ctx = Context.current();
      return refusingDomainErrors(() => syncRunPages(syncDeps, input, (details) => ctx.heartbeat(details)));
    },
    async syncFinishRunActivity(input: Omit<FinishRunInput, 'now'>): Promise<FinishRunResult> {
      return refusingDomainErrors(() => finishSyncRun(syncDeps, { ...input, now: deps.now() }));
    },
    /** After a successful Mr Learn run: this period's inactivity reminders for the config's learners (services/sync/reminders.ts); heartbeats per page. */
    async syncMrLearnRemindersActivity(input: { configId: string }): Promise<RemindersResult> {
      const ctx = Context.current();
      const reminderDeps = { db: deps.db, email: deps.email, logger: deps.logger, now: deps.now, notifications: deps.notifications };
      return refusingDomainErrors(() => sendMrLearnReminders(reminderDeps, { syncConfigId: input.configId }, (p) => ctx.heartbeat(p)));
    },
  };
}

export type SyncActivities = ReturnType<typeof createSyncActivities>;
