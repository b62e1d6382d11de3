// Meeting recordings, the api's use cases. The bytes never pass through the api: the mentor's
// browser PUTs the file to a presigned URL (its Content-Type and exact length are signed), then
// calls complete, and the meeting-recording workflow confirms the object with a HEAD before the
// row says UPLOADED. Rows move only by the lifecycle and conditional updates.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import { meetingRecordingLifecycle } from '../../domain/meeting-recording/status.js';
import { recordingObjectKey } from '../../workflows/meeting-recording/meeting-recording.contract.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { RECORDABLE_SLOT_STATUSES, loadRecording, mayAccess, recordingSelect, recordingSettings, recordingView, startRecordingCheck, startRecordingDeletion } from './recordings.js';

export interface NewRecording {
  contentType: string;
  sizeBytes: number;
  durationSeconds?: number | undefined;
  startedAt?: string | undefined;
  endedAt?: string | undefined;
}

export async function createRecording(deps: ServiceDeps, auth: AuthContext, slotId: string, body: NewRecording) {
  const slot = await deps.db.slot.findUnique({ where: { id: slotId }, select: { mentorId: true, studentId: true, status: true } });
  if (!slot || !mayAccess(auth, slot, 'manage')) throw new DomainError('NOT_FOUND', `No slot ${slotId} of yours`);
  if (!(RECORDABLE_SLOT_STATUSES as readonly string[]).includes(slot.status)) {
    throw new DomainError('CONFLICT', `Slot ${slotId} is ${slot.status}; recordings belong to ${RECORDABLE_SLOT_STATUSES.join(', ')} meetings`);
  }
  const settings = recordingSettings(deps);
  if (body.sizeBytes > settings.maxBytes) throw new DomainError('UNPROCESSABLE', `A recording may be at most ${settings.maxBytes} bytes`);

  const id = randomUUID();
  const objectKey = recordingObjectKey(slotId, id, body.contentType);
  const upload = await deps.s3.presignPut(objectKey, { contentType: body.contentType, contentLength: body.sizeBytes, expiresInSeconds: settings.uploadUrlTtlSeconds });
  const rec = await deps.db.meetingRecording.create({
    data: {
      id,
      slotId,
      uploadedById: auth.userId,
      status: meetingRecordingLifecycle.initial,
      bucket: deps.s3.bucket,
      objectKey,
      contentType: body.contentType,
      durationSeconds: body.durationSeconds ?? null,
      startedAt: body.startedAt ? new Date(body.startedAt) : null,
      endedAt: body.endedAt ? new Date(body.endedAt) : null,
    },
    select: recordingSelect,
  });
  return { recording: await recordingView(deps, rec), upload: { ...upload, expiresAt: upload.expiresAt.toISOString() } };
}

export async function completeRecording(deps: ServiceDeps, auth: AuthContext, id: string) {
  let rec = await loadRecording(deps, auth, id, 'manage');
  if (rec.status === 'RECORDING') {
    meetingRecordingLifecycle.assertTransition('RECORDING', 'PROCESSING');
    await deps.db.meetingRecording.updateMany({ where: { id, status: 'RECORDING' }, data: { status: 'PROCESSING' } });
    rec = await deps.db.meetingRecording.findUniqueOrThrow({ where: { id }, select: recordingSelect });
  }
  // PROCESSING: (re)start the check, which also recovers a start that failed after the update.
  // UPLOADED/FAILED: a repeated complete; answer with the outcome. DELETED: 409.
  if (rec.status === 'DELETED') meetingRecordingLifecycle.assertTransition('DELETED', 'PROCESSING');
  const workflowId = rec.status === 'PROCESSING' ? await startRecordingCheck(deps, rec) : workflowIds.meetingRecording(id);
  return { recording: await recordingView(deps, rec), workflowId };
}

export async function listSlotRecordings(deps: ServiceDeps, auth: AuthContext, slotId: string) {
  const slot = await deps.db.slot.findUnique({ where: { id: slotId }, select: { mentorId: true, studentId: true } });
  if (!slot || !mayAccess(auth, slot, 'view')) throw new DomainError('NOT_FOUND', `No slot ${slotId} of yours`);
  const rows = await deps.db.meetingRecording.findMany({ where: { slotId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100, select: recordingSelect });
  return Promise.all(rows.map((r) => recordingView(deps, r)));
}

export async function getRecording(deps: ServiceDeps, auth: AuthContext, id: string) {
  return recordingView(deps, await loadRecording(deps, auth, id, 'view'));
}

export async function deleteRecording(deps: ServiceDeps, auth: AuthContext, id: string) {
  let rec = await loadRecording(deps, auth, id, 'manage');
  // A repeated delete of a DELETED recording only makes sure its object is being removed.
  if (rec.status !== 'DELETED') {
    meetingRecordingLifecycle.assertTransition(rec.status, 'DELETED');
    const moved = await deps.db.meetingRecording.updateMany({ where: { id, status: rec.status }, data: { status: 'DELETED' } });
    rec = await deps.db.meetingRecording.findUniqueOrThrow({ where: { id }, select: recordingSelect });
    if (moved.count === 0 && rec.status !== 'DELETED') throw new DomainError('CONFLICT', `Recording ${id} changed while it was being deleted (now ${rec.status}); try again`);
  }
  const workflowId = await startRecordingDeletion(deps, rec);
  return { recording: await recordingView(deps, rec), workflowId };
}
