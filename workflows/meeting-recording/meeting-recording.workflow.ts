// meetingRecording: the browser says it finished uploading → confirm the object is in the
// bucket and acceptable, then the recording is UPLOADED (or FAILED). An upload can land a little
// after the "complete" call, so a missing object is looked for again with backoff until
// graceSeconds pass; only then does the recording FAIL. Both activities are conditional
// updates on PROCESSING, so duplicate runs and replays settle the row once.
import { proxyActivities, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import type { RecordingActivities } from '../../activities/recordings.activities.js';
import { MasState } from '../search-attributes.js';
import type { MeetingRecordingInput, MeetingRecordingResult } from './meeting-recording.contract.js';

const { inspectRecordingUpload, failRecordingUpload } = proxyActivities<RecordingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});

const FIRST_WAIT_MS = 500;
const MAX_WAIT_MS = 30_000;

export async function meetingRecording(input: MeetingRecordingInput): Promise<MeetingRecordingResult> {
  const { recordingId } = input;
  const deadline = Date.now() + input.graceSeconds * 1000;
  let wait = FIRST_WAIT_MS;
  for (;;) {
    const seen = await inspectRecordingUpload({ recordingId, maxBytes: input.maxBytes });
    if (seen.status !== 'PROCESSING') return finish(recordingId, seen.status, seen.failureReason);
    const left = deadline - Date.now();
    if (left <= 0) break;
    await sleep(Math.min(wait, left));
    wait = Math.min(wait * 2, MAX_WAIT_MS);
  }
  const failed = await failRecordingUpload({ recordingId, reason: `The upload did not arrive within ${input.graceSeconds} seconds of completion` });
  return finish(recordingId, failed.status, failed.failureReason);
}

function finish(recordingId: string, status: string, failureReason: string | null): MeetingRecordingResult {
  const final = status === 'UPLOADED' || status === 'DELETED' ? status : 'FAILED';
  upsertSearchAttributes([{ key: MasState, value: final }]);
  return { recordingId, status: final, failureReason };
}
