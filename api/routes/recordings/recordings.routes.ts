import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { meetingRecordingLifecycle } from '../../../domain/meeting-recording/status.js';
import { isRecordingContentType } from '../../../workflows/meeting-recording/meeting-recording.contract.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const IdParam = z.object({ id: z.uuid() });
/** Who may upload and delete: the slot's mentor, or staff. */
const UPLOADERS = ['EXPERT', ...STAFF] as const;

export const RecordingSchema = z
  .object({
    id: z.uuid(),
    slotId: z.uuid(),
    status: z.enum(meetingRecordingLifecycle.states),
    contentType: z.string().nullable(),
    sizeBytes: z.number().int().nullable().openapi({ description: 'Set once UPLOADED: the stored object’s size' }),
    durationSeconds: z.number().int().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    uploadedAt: z.string().nullable(),
    uploadedById: z.uuid().nullable(),
    failureReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    download: z
      .object({ url: z.url(), expiresAt: z.string() })
      .nullable()
      .openapi({ description: 'UPLOADED only: a short-lived presigned GET URL for the recording' }),
  })
  .openapi('MeetingRecording');

const UploadSchema = z
  .object({
    url: z.url(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).openapi({ description: 'Send exactly these (they are signed): Content-Type, and Content-Length as declared' }),
    expiresAt: z.string(),
  })
  .openapi('PresignedUpload');

export const CreateRecordingBody = z
  .object({
    contentType: z
      .string()
      .trim()
      .refine(isRecordingContentType, { message: 'Must be a video/* or audio/* media type' })
      .openapi({ example: 'video/webm' }),
    sizeBytes: z.number().int().min(1).openapi({ description: 'The exact size of the file to upload; the upload URL accepts only this many bytes' }),
    durationSeconds: z.number().int().min(0).max(86_400).optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    endedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('CreateRecording');

const RecordingWithWorkflow = z.object({ recording: RecordingSchema, workflowId: z.string() }).openapi('RecordingWorkflowAccepted');

export const createRecordingRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/recordings',
  tags: ['Recordings'],
  summary: 'Start a recording upload (the slot’s mentor or staff): a RECORDING row and a presigned PUT URL for the file',
  ...bearer(UPLOADERS),
  request: { params: IdParam, body: jsonBody(CreateRecordingBody) },
  responses: {
    201: jsonResponse('Created, RECORDING; PUT the file to upload.url with upload.headers, then call complete', z.object({ recording: RecordingSchema, upload: UploadSchema }).openapi('RecordingUpload')),
    400: problemResponse('Invalid body (not video or audio)'),
    ...authProblems,
    404: problemResponse('No such slot of yours'),
    409: problemResponse('The slot is not a booked or held meeting'),
    422: problemResponse('Larger than the upload limit'),
  },
});

export const completeRecordingRoute = createRoute({
  method: 'post',
  path: '/api/recordings/{id}/complete',
  tags: ['Recordings'],
  summary: 'The upload finished: RECORDING → PROCESSING, and meeting-recording/<id> checks the object (UPLOADED or FAILED). Repeating it is safe',
  ...bearer(UPLOADERS),
  request: { params: IdParam },
  responses: { 202: jsonResponse('Processing (or already processed)', RecordingWithWorkflow), ...authProblems, 404: problemResponse('No such recording of yours'), 409: problemResponse('Illegal transition (DELETED)') },
});

export const listSlotRecordingsRoute = createRoute({
  method: 'get',
  path: '/api/slots/{id}/recordings',
  tags: ['Recordings'],
  summary: 'A slot’s recordings, newest first (its mentor, its student, or staff), with download URLs for UPLOADED ones',
  ...bearer(EVERYONE),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The recordings', z.object({ items: z.array(RecordingSchema) }).openapi('MeetingRecordingList')), ...authProblems, 404: problemResponse('No such slot of yours') },
});

export const getRecordingRoute = createRoute({
  method: 'get',
  path: '/api/recordings/{id}',
  tags: ['Recordings'],
  summary: 'One recording (the slot’s mentor, its student, or staff), with a download URL when UPLOADED',
  ...bearer(EVERYONE),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The recording', RecordingSchema), ...authProblems, 404: problemResponse('No such recording of yours') },
});

export const deleteRecordingRoute = createRoute({
  method: 'delete',
  path: '/api/recordings/{id}',
  tags: ['Recordings'],
  summary: 'Delete a finished recording (the slot’s mentor or staff): DELETED now, and meeting-recording-deletion/<id> removes the object. Repeating it is safe',
  ...bearer(UPLOADERS),
  request: { params: IdParam },
  responses: { 202: jsonResponse('Deleted; the object is being removed', RecordingWithWorkflow), ...authProblems, 404: problemResponse('No such recording of yours'), 409: problemResponse('Illegal transition (still RECORDING or PROCESSING)') },
});
