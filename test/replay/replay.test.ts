// Recorded histories replay against today's workflow code without nondeterminism.
// After changing a workflow, record a fresh history (RECORD_HISTORIES=1 npx vitest run
// test/workflows) and keep the old ones: both must replay.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import { quietTemporalRuntime } from '../support/stack.js';

const dir = path.resolve('test/replay/histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('workflow replay', () => {
  it('has at least one recorded history per workflow that has run in production', () => {
    expect(files).toEqual(expect.arrayContaining(['meeting-earnings.json', 'meeting-earnings-review-refund.json', 'meeting-earnings-review-credit.json', 'meeting-earnings-scheduled-activities.json', 'meeting-earnings-review-refund-scheduled-activities.json', 'meeting-earnings-review-credit-scheduled-activities.json', 'slot-hold.json', 'token-purchase.json', 'purchase-refund.json', 'crm-followup.json', 'crm-enrollment.json', 'crm-enrollment-continue-as-new.json', 'crm-enrollment-pause-cancel.json', 'crm-enrollment-quiet-hours.json', 'crm-bulk.json', 'crm-trigger-sweeper.json', 'slot-notification.json', 'meeting-recording.json', 'meeting-recording-deletion.json', 'exotel-call.json', 'candidate-pipeline-shortlisted.json', 'candidate-pipeline-talent-pool.json', 'candidate-pipeline-rejected.json', 'hire-bulk-reject.json', 'talent-pool-match.json', 'ai-call-campaign.json', 'payment-token.json', 'payment-application.json', 'payment-refund.json', 'purchase-refund-credit-note.json', 'pap-upfront.json', 'pap-pay-after-placement.json', 'pap-reminders.json', 'pap-esign.json', 'payment-pap-upfront.json', 'pap-collection.json', 'pap-write-off.json', 'pap-esign-completed.json', 'pap-free-upfront.json', 'payment-pap-instalment.json', 'cleanup.json', 'kpi-rollup.json', 'mrlearn-sync.json', 'mrlearn-sync-reminders.json', 'mrlearn-sync-continue-as-new.json', 'mrlearn-sync-failed.json', 'mrlearn-sync-backfill.json', 'mrtest-sync.json', 'course-plan.json', 'course-plan-pause-resume.json', 'course-plan-retry.json', 'account-deletion-purged.json', 'account-deletion-cancelled.json', 'application-whatsapp.json', 'slot-calendar.json', 'slot-calendar-delete.json', 'slot-calendar-resync.json', 'slot-calendar-retried.json']));
  });

  it.each(files)('replays %s', async (file) => {
    quietTemporalRuntime();
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, `replay-${file}`),
    ).resolves.toBeUndefined();
  });
});
