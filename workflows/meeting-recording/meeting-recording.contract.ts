// Contract of the meeting-recording workflows, shared by the workflows, the api that starts
// them, the activities and tests. Also the media rule: recordings are video/* or audio/*.

export interface MeetingRecordingInput {
  recordingId: string;
  /** Largest object accepted; a bigger one FAILS the recording. */
  maxBytes: number;
  /** How long to keep looking for the object before the recording FAILS. */
  graceSeconds: number;
}

export interface MeetingRecordingResult {
  recordingId: string;
  status: 'UPLOADED' | 'FAILED' | 'DELETED';
  failureReason: string | null;
}

export interface MeetingRecordingDeletionInput {
  recordingId: string;
}

/** What one look at the bucket found; `found: false` with PROCESSING means "not there yet". */
export interface UploadInspection {
  found: boolean;
  status: 'PROCESSING' | 'UPLOADED' | 'FAILED' | 'DELETED' | 'RECORDING';
  failureReason: string | null;
}

/** MasState values meetingRecording publishes, in order. */
export const MEETING_RECORDING_STATES = ['PROCESSING', 'UPLOADED', 'FAILED'] as const;

/** video/* or audio/*, optionally with parameters (MediaRecorder gives `video/webm;codecs=vp9,opus`). */
const MEDIA_TYPE = /^(video|audio)\/[a-z0-9][a-z0-9.+-]{0,126}(\s*;\s*[a-z0-9-]+=("[^"]*"|[^;"\s]+))*$/i;

export function isRecordingContentType(contentType: string | null | undefined): contentType is string {
  return typeof contentType === 'string' && contentType.length <= 255 && MEDIA_TYPE.test(contentType);
}

const EXTENSIONS: Record<string, string> = {
  'video/webm': 'webm',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/x-matroska': 'mkv',
  'video/ogg': 'ogv',
  'audio/webm': 'weba',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
};

/** The object key's file extension for a media type (`bin` when we do not know it). */
export function recordingExtension(contentType: string): string {
  return EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] ?? 'bin';
}

/** recordings/<slotId>/<recordingId>.<ext>: one object per row (objectKey is unique). */
export function recordingObjectKey(slotId: string, recordingId: string, contentType: string): string {
  return `recordings/${slotId}/${recordingId}.${recordingExtension(contentType)}`;
}
