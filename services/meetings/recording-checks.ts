// The meeting-recording workflow's steps. The row moves PROCESSING → UPLOADED/FAILED by a
// conditional update (WHERE status = 'PROCESSING'), so a retried or duplicated step settles it
// once; the object itself is only ever read here, and deleted only for a DELETED row.
import { DomainError } from '../../domain/errors.js';
import { meetingRecordingLifecycle } from '../../domain/meeting-recording/status.js';
import type { Db } from '../../infra/prisma.js';
import type { ObjectStore } from '../../providers/s3/interface.js';
import { isRecordingContentType, type UploadInspection } from '../../workflows/meeting-recording/meeting-recording.contract.js';

/** Why an object that is present cannot be the recording, or null when it is fine. */
function objectProblem(info: { sizeBytes: number; contentType: string | null }, declaredType: string | null, maxBytes: number): string | null {
  if (info.sizeBytes === 0) return 'The uploaded object is empty';
  if (info.sizeBytes > maxBytes) return `The uploaded object is ${info.sizeBytes} bytes; the limit is ${maxBytes}`;
  if (!isRecordingContentType(info.contentType)) return `The uploaded object is ${info.contentType ?? 'untyped'}, not video or audio`;
  if (declaredType && info.contentType !== declaredType) return `The uploaded object is ${info.contentType}, not the declared ${declaredType}`;
  return null;
}

async function current(db: Db, recordingId: string) {
  const rec = await db.meetingRecording.findUnique({ where: { id: recordingId }, select: { status: true, failureReason: true, objectKey: true, contentType: true } });
  if (!rec) throw new DomainError('NOT_FOUND', `Recording ${recordingId} does not exist`);
  return rec;
}

export async function inspectRecordingUpload(deps: { db: Db; s3: ObjectStore }, { recordingId, maxBytes }: { recordingId: string; maxBytes: number }): Promise<UploadInspection> {
  const { db, s3 } = deps;
  const rec = await current(db, recordingId);
  if (rec.status === 'RECORDING') throw new DomainError('ILLEGAL_TRANSITION', `Recording ${recordingId} was never completed`);
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
    const now = await current(db, recordingId);
    return { found: true, status: now.status, failureReason: now.failureReason };
  }
  return { found: true, status: to, failureReason: problem };
}

export async function failRecordingUpload(db: Db, { recordingId, reason }: { recordingId: string; reason: string }): Promise<UploadInspection> {
  meetingRecordingLifecycle.assertTransition('PROCESSING', 'FAILED');
  await db.meetingRecording.updateMany({ where: { id: recordingId, status: 'PROCESSING' }, data: { status: 'FAILED', failureReason: reason } });
  const now = await current(db, recordingId);
  return { found: false, status: now.status, failureReason: now.failureReason };
}

export async function deleteRecordingObject(deps: { db: Db; s3: ObjectStore }, { recordingId }: { recordingId: string }): Promise<{ objectKey: string }> {
  const rec = await current(deps.db, recordingId);
  if (rec.status !== 'DELETED') throw new DomainError('ILLEGAL_TRANSITION', `Recording ${recordingId} is ${rec.status}; only a DELETED recording loses its object`);
  await deps.s3.delete(rec.objectKey);
  return { objectKey: rec.objectKey };
}
