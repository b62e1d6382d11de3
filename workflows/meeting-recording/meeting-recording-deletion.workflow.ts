// meetingRecordingDeletion: a recording was marked DELETED in the database (by the api); this
// removes its object from the bucket, retrying through outages. Deleting a missing object
// succeeds, so retries and a second run are harmless.
import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { RecordingActivities } from '../../activities/recordings.activities.js';
import { MasState } from '../search-attributes.js';
import type { MeetingRecordingDeletionInput } from './meeting-recording.contract.js';

const { deleteRecordingObject } = proxyActivities<RecordingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 50 },
});

export async function meetingRecordingDeletion(input: MeetingRecordingDeletionInput): Promise<{ recordingId: string; objectKey: string }> {
  const result = await deleteRecordingObject(input);
  upsertSearchAttributes([{ key: MasState, value: 'OBJECT_DELETED' }]);
  return { recordingId: input.recordingId, objectKey: result.objectKey };
}
