// Meeting recording (seed: MeetingRecording.status). The seed lists the states; the edges
// are ours: an upload is processed once, and any finished recording can be deleted.
import { defineLifecycle } from '../lifecycle.js';

export const meetingRecordingLifecycle = defineLifecycle('recording', ['RECORDING', 'PROCESSING', 'UPLOADED', 'FAILED', 'DELETED'], 'RECORDING', {
  RECORDING: ['PROCESSING', 'FAILED'],
  PROCESSING: ['UPLOADED', 'FAILED'],
  UPLOADED: ['DELETED'],
  FAILED: ['DELETED'],
  DELETED: [],
});
export type RecordingStatus = (typeof meetingRecordingLifecycle.states)[number];
