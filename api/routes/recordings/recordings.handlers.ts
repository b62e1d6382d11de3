// Meeting recordings. The bytes never pass through the api: the mentor's browser PUTs the file
// to a presigned URL (its Content-Type and exact length are signed), then calls complete, and
// the meeting-recording workflow confirms the object with a HEAD before the row says UPLOADED.
import { randomUUID } from 'node:crypto';
import type { RouteHandler } from '@hono/zod-openapi';
import { meetingRecordingLifecycle } from '../../../domain/meeting-recording/status.js';
import { workflowIds } from '../../../domain/ids.js';
import { recordingObjectKey } from '../../../workflows/meeting-recording/meeting-recording.contract.js';
import type { AppEnv } from '../../deps.js';
import { DomainError } from '../../../domain/errors.js';
import type { completeRecordingRoute, createRecordingRoute, deleteRecordingRoute, getRecordingRoute, listSlotRecordingsRoute } from './recordings.routes.js';
import {
  RECORDABLE_SLOT_STATUSES,
  loadRecording,
  mayAccess,
  recordingSelect,
  recordingSettings,
  recordingView,
  startRecordingCheck,
  startRecordingDeletion,
} from '../../../services/meetings/recordings.js';

export const createRecordingHandler: RouteHandler<typeof createRecordingRoute, AppEnv> = async (c) => {
  const auth = c.get('auth')!;
  const deps = c.var.deps;
  const { id: slotId } = c.req.valid('param');
  const body = c.req.valid('json');
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
  return c.json({ recording: await recordingView(deps, rec), upload: { ...upload, expiresAt: upload.expiresAt.toISOString() } }, 201);
};

export const completeRecordingHandler: RouteHandler<typeof completeRecordingRoute, AppEnv> = async (c) => {
  const deps = c.var.deps;
  const { id } = c.req.valid('param');
  let rec = await loadRecording(deps, c.get('auth')!, id, 'manage');
  if (rec.status === 'RECORDING') {
    meetingRecordingLifecycle.assertTransition('RECORDING', 'PROCESSING');
    await deps.db.meetingRecording.updateMany({ where: { id, status: 'RECORDING' }, data: { status: 'PROCESSING' } });
    rec = await deps.db.meetingRecording.findUniqueOrThrow({ where: { id }, select: recordingSelect });
  }
  // PROCESSING: (re)start the check, which also recovers a start that failed after the update.
  // UPLOADED/FAILED: a repeated complete; answer with the outcome. DELETED: 409.
  if (rec.status === 'DELETED') meetingRecordingLifecycle.assertTransition('DELETED', 'PROCESSING');
  const workflowId = rec.status === 'PROCESSING' ? await startRecordingCheck(deps, rec) : workflowIds.meetingRecording(id);
  return c.json({ recording: await recordingView(deps, rec), workflowId }, 202);
};

export const listSlotRecordingsHandler: RouteHandler<typeof listSlotRecordingsRoute, AppEnv> = async (c) => {
  const deps = c.var.deps;
  const { id: slotId } = c.req.valid('param');
  const slot = await deps.db.slot.findUnique({ where: { id: slotId }, select: { mentorId: true, studentId: true } });
  if (!slot || !mayAccess(c.get('auth')!, slot, 'view')) throw new DomainError('NOT_FOUND', `No slot ${slotId} of yours`);
  const rows = await deps.db.meetingRecording.findMany({ where: { slotId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100, select: recordingSelect });
  return c.json({ items: await Promise.all(rows.map((r) => recordingView(deps, r))) }, 200);
};

export const getRecordingHandler: RouteHandler<typeof getRecordingRoute, AppEnv> = async (c) => {
  const deps = c.var.deps;
  const rec = await loadRecording(deps, c.get('auth')!, c.req.valid('param').id, 'view');
  return c.json(await recordingView(deps, rec), 200);
};

export const deleteRecordingHandler: RouteHandler<typeof deleteRecordingRoute, AppEnv> = async (c) => {
  const deps = c.var.deps;
  const { id } = c.req.valid('param');
  let rec = await loadRecording(deps, c.get('auth')!, id, 'manage');
  // A repeated delete of a DELETED recording only makes sure its object is being removed.
  if (rec.status !== 'DELETED') {
    meetingRecordingLifecycle.assertTransition(rec.status, 'DELETED');
    const moved = await deps.db.meetingRecording.updateMany({ where: { id, status: rec.status }, data: { status: 'DELETED' } });
    rec = await deps.db.meetingRecording.findUniqueOrThrow({ where: { id }, select: recordingSelect });
    if (moved.count === 0 && rec.status !== 'DELETED') throw new DomainError('CONFLICT', `Recording ${id} changed while it was being deleted (now ${rec.status}); try again`);
  }
  const workflowId = await startRecordingDeletion(deps, rec);
  return c.json({ recording: await recordingView(deps, rec), workflowId }, 202);
};
