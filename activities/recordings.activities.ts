// Meeting recording activities: adapters over services/meetings/recording-checks.ts. Its
// refusals (unknown recording, illegal state) become non-retryable failures.
import * as checks from '../services/meetings/recording-checks.js';
import type { UploadInspection } from '../workflows/meeting-recording/meeting-recording.contract.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createRecordingActivities({ db, s3 }: ActivityDeps) {
  return {
    async inspectRecordingUpload(input: { recordingId: string; maxBytes: number }): Promise<UploadInspection> {
      return refusingDomainErrors(() => checks.inspectRecordingUpload({ db, s3 }, input));
    },
    async failRecordingUpload(input: { recordingId: string; reason: string }): Promise<UploadInspection> {
      return refusingDomainErrors(() => checks.failRecordingUpload(db, input));
    },
    async deleteRecordingObject(input: { recordingId: string }): Promise<{ objectKey: string }> {
      return refusingDomainErrors(() => checks.deleteRecordingObject({ db, s3 }, input));
    },
  };
}

export type RecordingActivities = ReturnType<typeof createRecordingActivities>;
