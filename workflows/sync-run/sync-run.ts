// The sync run both systems share (mrLearnSync, mrTestSync are this with their system):
// start the run (a sync_runs row, the config's lease), then for each resource in order call
// syncRunPagesActivity until it is done (each call commits up to SYNC_PAGES_PER_ACTIVITY pages
// and heartbeats its cursor), continuing as new every activitiesPerRun calls, and finish the run
// record. The cursor and counts live in the run row, so a retry or a new run of the chain resumes
// from what is committed. A failure no retry fixes (a permanent 401, a config gone) is written
// on the run, then fails the workflow: its Schedule pauses (pause on failure).
// A successful Mr Learn run then sends the period's inactivity reminders (patched
// 'mrlearn-reminders', services/sync/reminders.ts); their failure is logged, the run stands.
import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition, continueAsNew, log, patched, proxyActivities, setCurrentDetails, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import type { SyncActivities } from '../../activities/sync.activities.js';
import { MasState, TemporalScheduledStartTime } from '../search-attributes.js';
import type { SyncWorkflowInput, SyncWorkflowResult } from './sync-run.contract.js';

const { syncStartRunActivity, syncFinishRunActivity } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** Mr Learn inactivity reminders after a successful run (patched 'mrlearn-reminders'); a failure there never fails the sync. */
const { syncMrLearnRemindersActivity } = proxyActivities<SyncActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** The pages activity; its heartbeat timeout (SYNC_HEARTBEAT_TIMEOUT_SECONDS) is how soon a killed worker's page is picked up again. */
const pagesActivity = (heartbeatTimeoutSeconds: number) =>
  proxyActivities<SyncActivities>({
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: `${heartbeatTimeoutSeconds} seconds`,
    // Rate limits and outages the client could not ride out in place: retried for about half an hour.
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 20 },
  }).syncRunPagesActivity;

const messageOf = (err: unknown) => (err instanceof ActivityFailure ? (err.cause?.message ?? err.message) : err instanceof Error ? err.message : String(err));

export async function syncRun(input: SyncWorkflowInput): Promise<SyncWorkflowResult | null> {
  let runId = input.runId;
  let resources = input.resources;
  let activitiesPerRun = input.activitiesPerRun ?? 100;
  let heartbeatTimeoutSeconds = input.heartbeatTimeoutSeconds ?? 120;
  if (!runId || !resources) {
    const info = workflowInfo();
    const scheduledAt = info.typedSearchAttributes.get(TemporalScheduledStartTime);
    const started = await syncStartRunActivity({
      system: input.system,
      configId: input.configId,
      runId: uuid4(),
      workflowId: info.workflowId,
      startedAt: info.startTime.toISOString(),
      ...(scheduledAt ? { scheduledAt: scheduledAt.toISOString() } : {}),
    });
    if (started.skipped) {
      upsertSearchAttributes([{ key: MasState, value: 'SKIPPED' }]);
      setCurrentDetails('Skipped: another run holds this config');
      return null;
    }
    runId = started.runId;
    resources = started.resources;
    activitiesPerRun = started.activitiesPerRun;
    heartbeatTimeoutSeconds = started.heartbeatTimeoutSeconds;
    upsertSearchAttributes([{ key: MasState, value: 'RUNNING' }]);
  }
  const syncRunPagesActivity = pagesActivity(heartbeatTimeoutSeconds);
  try {
    let calls = 0;
    for (let at = input.resourceAt ?? 0; at < resources.length; at++) {
      const resource = resources[at]!;
      for (;;) {
        const r = await syncRunPagesActivity({ system: input.system, runId, resource });
        calls++;
        if (r.progress) setCurrentDetails(`${resource} (${at + 1} of ${resources.length}): ${r.progress.pages} pages, ${r.progress.fetched} rows — ${r.progress.inserted} new, ${r.progress.updated} updated, ${r.progress.unchanged} unchanged, ${r.progress.failed} failed`);
        if (r.stopped) break;
        if (r.done) break;
        if (calls >= activitiesPerRun || workflowInfo().continueAsNewSuggested) {
          await condition(allHandlersFinished);
          return await continueAsNew<(i: SyncWorkflowInput) => Promise<SyncWorkflowResult | null>>({ system: input.system, configId: input.configId, runId, resources, resourceAt: at, activitiesPerRun, heartbeatTimeoutSeconds });
        }
      }
    }
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const message = messageOf(err);
    await syncFinishRunActivity({ system: input.system, runId, error: message });
    upsertSearchAttributes([{ key: MasState, value: 'FAILED' }]);
    throw ApplicationFailure.nonRetryable(`Sync run ${runId} failed: ${message}`, 'SYNC_FAILED');
  }
  const result = await syncFinishRunActivity({ system: input.system, runId });
  upsertSearchAttributes([{ key: MasState, value: result.status }]);
  setCurrentDetails(`${result.status}: ${result.fetched} rows — ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.failed} failed`);
  // Histories from before the reminders step replay without it.
  if (input.system === 'mrlearn' && result.status === 'SUCCEEDED' && patched('mrlearn-reminders')) {
    try {
      const sent = await syncMrLearnRemindersActivity({ configId: input.configId });
      log.info('Mr Learn reminders', { runId, ...sent });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      log.warn('Mr Learn reminders failed; the sync run stands', { runId, error: messageOf(err) });
    }
  }
  return result;
}
