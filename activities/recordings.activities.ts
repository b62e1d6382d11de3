// Meeting recording activities. The row moves PROCESSING → UPLOADED/FAILED by a conditional
// update (WHERE status = 'PROCESSING'), so a retried or duplicated activity settles it once;
// the object itself is only ever read here, and deleted only for a DELETED row.
import { meetingRecordingLifecycle } from '../domain/meeting-recording/status.js';
import { isRecordingContentType, type UploadInspection } from '../workflows/meeting-recording/meeting-recording.contract.js';
import type { ActivityDeps } from './deps.js';
import { refuse } from './failures.js';

/** Why an object that is present cannot be the recording, or null when it is fine. */
function objectProblem(info: { sizeBytes: number; contentType: string | null }, declaredType: string | null, maxBytes: number): string | null {
  if (info.sizeBytes === 0) return 'The uploaded object is empty';
  if (info.sizeBytes > maxBytes) return `The uploaded object is ${info.sizeBytes} bytes; the limit is ${maxBytes}`;
  if (!isRecordingContentType(info.contentType)) return `The uploaded object is ${info.contentType ?? 'untyped'}, not video or audio`;
  if (declaredType && info.contentType !== declaredType) return `The uploaded object is ${info.contentType}, not the declared ${declaredType}`;
  return null;
}

export function createRecordingActivities({ db, s3 }: ActivityDeps) {
  async function current(recordingId: string) {
    const rec = await db.meetingRecording.findUnique({ where: { id: recordingId }, select: { status: true, failureReason: true, objectKey: true, contentType: true } });
    if (!rec) refuse('NOT_FOUND', `Recording ${recordingId} does not exist`);
    return rec;
  }

  return {
    async inspectRecordingUpload({ recordingId, maxBytes }: { recordingId: string; maxBytes: number }): Promise<UploadInspection> {
      const rec = await current(recordingId);
      if (rec.status === 'RECORDING') refuse('ILLEGAL_TRANSITION', `Recording ${recordingId} was never completed`);
      if (rec.status !== 'PROCESSING') return { found: rec.status !== 'FAILED', status: rec.status, failureReason: rec.failureReason };
      const info = await s3.head(rec.objectKey);
      if (!info) return { found: false, status: 'PROCESSING', failureReason: null };
      const problem = objectProblem(info, rec.contentType, maxBytes);
      const to = problem ? 'FAILED' : 'UPLOADED';
      meetingRecordingLifecycle.assertTransition('PROCESSING', to);
      const moved = await db.meetingRecording.updateMany({
        where: { id: recordingId, status: 'PROCESSING' },
        data: problem
          ? { status: 'FAILED', failureReason: problem }
          : { status: 'UPLOADED', sizeBytes: BigInt(info.sizeBytes), contentType: info.contentType, uploadedAt: new Date(), failureReason: null },
      });
      if (moved.count === 0) {
        const now = await current(recordingId);
        return { found: true, status: now.status, failureReason: now.failureReason };
      }
      return { found: true, status: to, failureReason: problem };
    },

    async failRecordingUpload({ recordingId, reason }: { recordingId: string; reason: string }): Promise<UploadInspection> {
      meetingRecordingLifecycle.assertTransition('PROCESSING', 'FAILED');
      await db.meetingRecording.updateMany({ where: { id: recordingId, status: 'PROCESSING' }, data: { status: 'FAILED', failureReason: reason } });
      const now = await current(recordingId);
      return { found: false, status: now.status, failureReason: now.failureReason };
    },

    async deleteRecordingObject({ recordingId }: { recordingId: string }): Promise<{ objectKey: string }> {
      const rec = await current(recordingId);
      if (rec.status !== 'DELETED') refuse('ILLEGAL_TRANSITION', `Recording ${recordingId} is ${rec.status}; only a DELETED recording loses its object`);
      await s3.delete(rec.objectKey);
      return { objectKey: rec.objectKey };
    },
  };
}

export type RecordingActivities = ReturnType<typeof createRecordingActivities>;
