// Meeting recordings: who may see or change one, its api view (with a presigned download URL),
// and the starts of its two workflows. Rows change state only through the lifecycle and by
// conditional updates, so a repeated or concurrent call cannot move a recording twice.
import { startOrJoin } from '../start-or-join.js';
import type { Role } from '../../domain/auth/roles.js';
import { STAFF } from '../../domain/auth/roles.js';
import { workflowIds } from '../../domain/ids.js';
import type { MeetingRecordingDeletionInput, MeetingRecordingInput } from '../../workflows/meeting-recording/meeting-recording.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps, AuthContext, RecordingSettings } from '../deps.js';
import { DomainError } from '../../domain/errors.js';

export const RECORDING_DEFAULTS: RecordingSettings = {
  maxBytes: 2 * 1024 ** 3,
  uploadUrlTtlSeconds: 3600,
  downloadUrlTtlSeconds: 300,
  uploadGraceSeconds: 120,
};

export const recordingSettings = (deps: ServiceDeps): RecordingSettings => ({ ...RECORDING_DEFAULTS, ...deps.config.recordings });

/** Slots a recording may belong to: booked (or being reviewed/finished) meetings. */
export const RECORDABLE_SLOT_STATUSES = ['CONFIRMED', 'UNDER_REVIEW', 'COMPLETED'] as const;

export const recordingSelect = {
  id: true,
  slotId: true,
  status: true,
  objectKey: true,
  contentType: true,
  sizeBytes: true,
  durationSeconds: true,
  startedAt: true,
  endedAt: true,
  uploadedAt: true,
  uploadedById: true,
  failureReason: true,
  createdAt: true,
  updatedAt: true,
  slot: { select: { mentorId: true, studentId: true } },
} as const;

type RecordingRow = {
  id: string;
  slotId: string;
  status: 'RECORDING' | 'PROCESSING' | 'UPLOADED' | 'FAILED' | 'DELETED';
  objectKey: string;
  contentType: string | null;
  sizeBytes: bigint | null;
  durationSeconds: number | null;
  startedAt: Date | null;
  endedAt: Date | null;
  uploadedAt: Date | null;
  uploadedById: string | null;
  failureReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  slot: { mentorId: string; studentId: string | null };
};

const isStaff = (role: Role) => STAFF.includes(role);

/** 'manage' = the slot's mentor or staff; 'view' adds the slot's student. */
export function mayAccess(auth: AuthContext, slot: { mentorId: string; studentId: string | null }, need: 'view' | 'manage'): boolean {
  if (isStaff(auth.role) || slot.mentorId === auth.userId) return true;
  return need === 'view' && slot.studentId === auth.userId;
}

/** The recording if this user may see (or manage) it; everyone else gets the same 404. */
export async function loadRecording(deps: ServiceDeps, auth: AuthContext, id: string, need: 'view' | 'manage'): Promise<RecordingRow> {
  const rec = await deps.db.meetingRecording.findUnique({ where: { id }, select: recordingSelect });
  if (!rec || !mayAccess(auth, rec.slot, need)) throw new DomainError('NOT_FOUND', `No recording ${id} of yours`);
  return rec;
}

/** The download name: meeting-<slot start>-<recording id prefix>.<ext of the key>. */
function downloadName(rec: RecordingRow): string {
  const ext = rec.objectKey.slice(rec.objectKey.lastIndexOf('.') + 1);
  return `meeting-recording-${rec.id.slice(0, 8)}.${ext}`;
}

export async function recordingView(deps: ServiceDeps, rec: RecordingRow) {
  const download =
    rec.status === 'UPLOADED' ? await deps.s3.presignGet(rec.objectKey, { expiresInSeconds: recordingSettings(deps).downloadUrlTtlSeconds, downloadName: downloadName(rec) }) : null;
  return {
    id: rec.id,
    slotId: rec.slotId,
    status: rec.status,
    contentType: rec.contentType,
    sizeBytes: rec.sizeBytes === null ? null : Number(rec.sizeBytes),
    durationSeconds: rec.durationSeconds,
    startedAt: rec.startedAt?.toISOString() ?? null,
    endedAt: rec.endedAt?.toISOString() ?? null,
    uploadedAt: rec.uploadedAt?.toISOString() ?? null,
    uploadedById: rec.uploadedById,
    failureReason: rec.failureReason,
    createdAt: rec.createdAt.toISOString(),
    updatedAt: rec.updatedAt.toISOString(),
    download: download ? { url: download.url, expiresAt: download.expiresAt.toISOString() } : null,
  };
}

function searchAttributes(rec: RecordingRow, state: string) {
  return [
    { key: MasEntityType, value: 'meeting_recording' },
    { key: MasEntityId, value: rec.id },
    { key: MasState, value: state },
    { key: MasUserId, value: rec.slot.mentorId },
  ];
}

/**
 * Starts (or joins) meeting-recording/<id>. USE_EXISTING joins an open run; after a run has
 * closed, ALLOW_DUPLICATE_FAILED_ONLY refuses a second one, which is the same answer.
 */
export async function startRecordingCheck(deps: ServiceDeps, rec: RecordingRow): Promise<string> {
  const settings = recordingSettings(deps);
  const workflowId = workflowIds.meetingRecording(rec.id);
  const input: MeetingRecordingInput = { recordingId: rec.id, maxBytes: settings.maxBytes, graceSeconds: settings.uploadGraceSeconds };
  await startOrJoin(deps.temporal, 'meetingRecording', {
    taskQueue: deps.config.taskQueue,
    workflowId,
    args: [input],
    staticSummary: `Meeting recording · slot ${rec.slotId}`,
    typedSearchAttributes: searchAttributes(rec, 'PROCESSING'),
  });
  return workflowId;
}

/** Starts (or joins) meeting-recording-deletion/<id>, which removes the object of a DELETED row. */
export async function startRecordingDeletion(deps: ServiceDeps, rec: RecordingRow): Promise<string> {
  const workflowId = workflowIds.meetingRecordingDeletion(rec.id);
  const input: MeetingRecordingDeletionInput = { recordingId: rec.id };
  await startOrJoin(deps.temporal, 'meetingRecordingDeletion', {
    taskQueue: deps.config.taskQueue,
    workflowId,
    args: [input],
    staticSummary: `Delete meeting recording · slot ${rec.slotId}`,
    typedSearchAttributes: searchAttributes(rec, 'DELETED'),
  });
  return workflowId;
}
