import { createRoute, z } from '@hono/zod-openapi';
import { MEETING_SIGNATURE_HEADER } from '../../../domain/meeting/signature.js';
import { problemResponse } from '../../openapi.js';
import { verifyHmacSignature } from '../../middleware/hmac-signature.js';

export const MeetingEndedBody = z
  .object({
    endedAt: z.iso.datetime({ offset: true }).describe('When the meeting ended (ISO-8601)'),
    startedAt: z.iso.datetime({ offset: true }).optional().describe('When the meeting actually started'),
    eventId: z.string().min(1).max(200).optional().describe("The meeting server's own event id, for tracing"),
  })
  .strict()
  .openapi('MeetingEndedEvent');

export const MeetingEndAcceptedSchema = z
  .object({
    workflowId: z.string().openapi({ example: 'meeting-earnings/6f1c…' }),
    status: z.enum(['accepted', 'already-ended']),
  })
  .openapi('MeetingEndAccepted');

export const meetingEnded = createRoute({
  method: 'post',
  path: '/api/internal/meetings/{slotId}/ended',
  tags: ['Internal'],
  summary: "The meeting server's signed meeting-ended event",
  description:
    'Signed with `' +
    MEETING_SIGNATURE_HEADER +
    ': sha256=<hex HMAC-SHA256(MEETING_EVENTS_SECRET, raw body)>`. Starts `meeting-earnings/<slotId>`. ' +
    'Idempotent: a duplicate event for a slot whose meeting already ended answers 202 with `status: "already-ended"` ' +
    'and the same workflowId; it never credits twice.',
  security: [{ meetingSignature: [] }],
  'x-roles': ['meeting-server'],
  middleware: [verifyHmacSignature(MEETING_SIGNATURE_HEADER, (c) => c.get('deps').config.meetingEventsSecret)] as const,
  request: {
    params: z.object({ slotId: z.uuid().openapi({ param: { name: 'slotId', in: 'path' } }) }),
    body: { required: true, content: { 'application/json': { schema: MeetingEndedBody } } },
  },
  responses: {
    202: { description: 'Accepted; earnings are credited by the workflow', content: { 'application/json': { schema: MeetingEndAcceptedSchema } } },
    400: problemResponse('Invalid body; `errors` lists the fields'),
    401: problemResponse('Missing or bad signature'),
    404: problemResponse('Unknown slot'),
    409: problemResponse('The slot is not in a state that can end (only CONFIRMED can)'),
    422: problemResponse('endedAt is implausible: in the future, or before the slot starts'),
  },
});
