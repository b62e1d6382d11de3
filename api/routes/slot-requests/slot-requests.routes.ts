import { createRoute, z } from '@hono/zod-openapi';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { SlotSchema } from '../slots/slots.schemas.js';

const Instant = z.iso.datetime({ offset: true });

export const SlotRequestSchema = z
  .object({
    id: z.uuid(),
    studentId: z.uuid(),
    mentorId: z.uuid(),
    requestedStart: z.string(),
    requestedEnd: z.string(),
    message: z.string().nullable(),
    status: z.enum(['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED']),
    slotId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('SlotRequest');

export const createRequestRoute = createRoute({
  method: 'post',
  path: '/api/slot-requests',
  tags: ['Slots'],
  summary: 'Ask a mentor for a session at a time of your choosing',
  ...bearer(['USER']),
  request: {
    body: jsonBody(
      z.object({ mentorId: z.uuid(), requestedStart: Instant, requestedEnd: Instant, message: z.string().trim().max(1000).optional() }).strict().openapi('SlotRequestCreate'),
    ),
  },
  responses: { 201: jsonResponse('Requested', SlotRequestSchema), 400: problemResponse('Invalid times'), ...authProblems, 404: problemResponse('No such mentor') },
});

export const listRequestsRoute = createRoute({
  method: 'get',
  path: '/api/slot-requests',
  tags: ['Slots'],
  summary: 'Your requests: made (student) or received (mentor), newest first',
  ...bearer(['USER', 'EXPERT']),
  request: { query: z.object({ status: z.enum(['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED']).optional() }) },
  responses: { 200: jsonResponse('Requests', z.object({ items: z.array(SlotRequestSchema) })), ...authProblems },
});

export const acceptRequestRoute = createRoute({
  method: 'post',
  path: '/api/slot-requests/{id}/accept',
  tags: ['Slots'],
  summary: "Accept (mentor): a slot is created MEETING_REQUESTED and confirmed with the student's tokens, in one transaction",
  ...bearer(['EXPERT']),
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: jsonResponse('Accepted and booked', z.object({ request: SlotRequestSchema, slot: SlotSchema })),
    ...authProblems,
    404: problemResponse('No such request to you'),
    409: problemResponse('Not pending, in the past, overlapping, or the student lacks tokens'),
  },
});

export const declineRequestRoute = createRoute({
  method: 'post',
  path: '/api/slot-requests/{id}/decline',
  tags: ['Slots'],
  summary: 'Decline (mentor)',
  ...bearer(['EXPERT']),
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonResponse('Declined', SlotRequestSchema), ...authProblems, 404: problemResponse('No such request to you'), 409: problemResponse('Not pending') },
});
