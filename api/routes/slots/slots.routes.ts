import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { MeetingEndAcceptedSchema } from '../meeting-events/meeting-events.routes.js';
import {
  BookingResult,
  CancelBody,
  CancellationAnswerBody,
  CancellationResult,
  CreateSlotBody,
  EndBody,
  HoldConfirmation,
  HoldResult,
  NoShowAccepted,
  NoShowBody,
  ReviewBody,
  ReviewResult,
  SlotListQuery,
  SlotSchema,
  UpdateSlotBody,
} from './slots.schemas.js';

const IdParam = z.object({ id: z.uuid() });

export const createSlotRoute = createRoute({
  method: 'post',
  path: '/api/slots',
  tags: ['Slots'],
  summary: 'Offer a slot (mentor). UTC times, in the future, 15–240 minutes; no overlap with your other slots',
  ...bearer(['EXPERT']),
  request: { body: jsonBody(CreateSlotBody) },
  responses: { 201: jsonResponse('Created, TENTATIVE', SlotSchema), 400: problemResponse('Invalid times'), ...authProblems, 409: problemResponse('Overlaps another of your slots') },
});

export const updateSlotRoute = createRoute({
  method: 'patch',
  path: '/api/slots/{id}',
  tags: ['Slots'],
  summary: 'Move or rename your unbooked slot',
  ...bearer(['EXPERT']),
  request: { params: IdParam, body: jsonBody(UpdateSlotBody) },
  responses: { 200: jsonResponse('Updated', SlotSchema), 400: problemResponse('Invalid times'), ...authProblems, 404: problemResponse('No such slot of yours'), 409: problemResponse('Booked, or overlapping') },
});

export const deleteSlotRoute = createRoute({
  method: 'delete',
  path: '/api/slots/{id}',
  tags: ['Slots'],
  summary: 'Withdraw your unbooked slot',
  ...bearer(['EXPERT']),
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...authProblems, 404: problemResponse('No such slot of yours'), 409: problemResponse('Already booked') },
});

export const listSlotsRoute = createRoute({
  method: 'get',
  path: '/api/slots',
  tags: ['Slots'],
  summary: 'Search slots by mentor, time range, status and expertise; soonest first',
  ...bearer(EVERYONE),
  request: { query: SlotListQuery },
  responses: { 200: jsonResponse('A page of slots', pageSchema(SlotSchema).openapi('SlotPage')), 400: problemResponse('Invalid filters'), ...authProblems },
});

export const getSlotRoute = createRoute({
  method: 'get',
  path: '/api/slots/{id}',
  tags: ['Slots'],
  summary: 'One slot',
  ...bearer(EVERYONE),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The slot', SlotSchema), ...authProblems, 404: problemResponse('No such slot') },
});

export const bookSlotRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/book',
  tags: ['Slots'],
  summary: 'Book a slot with tokens (promotional first, then paid). Race-free: one booking wins',
  ...bearer(['USER', 'EXPERT']),
  request: { params: IdParam },
  responses: {
    200: jsonResponse('Booked: the slot is CONFIRMED', BookingResult),
    ...authProblems,
    402: problemResponse('Not enough tokens'),
    404: problemResponse('No such slot'),
    409: problemResponse('Not bookable: taken, cancelled, started, or your own'),
  },
});

export const cancelSlotRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/cancel',
  tags: ['Slots'],
  summary:
    "Cancel a booking, or withdraw your unbooked slot (mentor). Mentor or admin: full refund. Student: full before the policy cutoff; inside it (booking.cancellationPolicy.fullRefundHoursBefore) the slot becomes CANCELLATION_REQUESTED for the mentor to approve or decline. Idempotent",
  ...bearer(['USER', 'EXPERT', 'ADMIN', 'SUPERADMIN']),
  request: { params: IdParam, body: jsonBody(CancelBody) },
  responses: { 200: jsonResponse('Cancelled, with the refund', CancellationResult), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such slot of yours'), 409: problemResponse('Cannot be cancelled now') },
});

export const endSlotRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/end',
  tags: ['Slots'],
  summary: 'End a meeting (its mentor or an admin); credits the mentor once through meeting-earnings/<slotId>',
  ...bearer(['EXPERT', 'ADMIN', 'SUPERADMIN']),
  request: { params: IdParam, body: jsonBody(EndBody) },
  responses: {
    202: jsonResponse('Accepted (or already ended)', MeetingEndAcceptedSchema),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such slot of yours'),
    409: problemResponse('Only a CONFIRMED meeting can end'),
    422: problemResponse('endedAt is implausible'),
  },
});

export const holdSlotRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/hold',
  tags: ['Slots'],
  summary: 'Hold a slot for a few minutes with the tokens in escrow; slot-hold/<slotId> releases it if not confirmed in time',
  ...bearer(['USER', 'EXPERT']),
  request: { params: IdParam },
  responses: {
    201: jsonResponse('Held: the slot is MEETING_REQUESTED until expiresAt', HoldResult),
    ...authProblems,
    402: problemResponse('Not enough tokens'),
    404: problemResponse('No such slot'),
    409: problemResponse('Not bookable, or its previous hold is still settling'),
  },
});

export const confirmHoldRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/hold/confirm',
  tags: ['Slots'],
  summary: 'Confirm your hold: the booking completes (idempotent). Races the expiry: exactly one wins',
  ...bearer(['USER', 'EXPERT']),
  request: { params: IdParam },
  responses: { 200: jsonResponse('Confirmed', HoldConfirmation), ...authProblems, 404: problemResponse('You hold no such slot'), 409: problemResponse('The hold has expired') },
});

const answerResponses = {
  200: jsonResponse('Answered', CancellationResult),
  400: problemResponse('Invalid body'),
  ...authProblems,
  404: problemResponse('No such slot of yours'),
  409: problemResponse('No cancellation request is pending (already answered)'),
};

export const approveCancellationRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/cancellation/approve',
  tags: ['Slots'],
  summary: "Approve a student's cancellation request (the slot's mentor or an admin): CANCELLED, with the policy's late-cancel refund",
  ...bearer(['EXPERT', ...STAFF]),
  request: { params: IdParam, body: jsonBody(CancellationAnswerBody) },
  responses: answerResponses,
});

export const declineCancellationRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/cancellation/decline',
  tags: ['Slots'],
  summary: "Decline a student's cancellation request (the slot's mentor or an admin): the booking stands, CONFIRMED again",
  ...bearer(['EXPERT', ...STAFF]),
  request: { params: IdParam, body: jsonBody(CancellationAnswerBody) },
  responses: answerResponses,
});

export const reportNoShowRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/no-show',
  tags: ['Slots'],
  summary: "Report that the mentor did not show (the session's student, once it has started): UNDER_REVIEW until an admin rules. Idempotent",
  ...bearer(['USER', 'EXPERT']),
  request: { params: IdParam, body: jsonBody(NoShowBody) },
  responses: {
    202: jsonResponse('Under review; meeting-earnings/<slotId> waits for the ruling', NoShowAccepted),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such session of yours'),
    409: problemResponse('Not a CONFIRMED session that has started'),
  },
});

export const reviewSlotRoute = createRoute({
  method: 'post',
  path: '/api/admin/slots/{id}/review',
  tags: ['Slots'],
  summary: 'Rule on a disputed (UNDER_REVIEW) session: credit → COMPLETED and the mentor credited once; refund → the student refunded in full, CANCELLED, no earnings',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(ReviewBody) },
  responses: {
    200: jsonResponse('Ruled and applied', ReviewResult),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such slot'),
    409: problemResponse('Not under review, or already ruled on'),
  },
});

export const MeetingLogEntry = z
  .object({ id: z.uuid(), userId: z.uuid().nullable(), event: z.enum(['SCHEDULED', 'JOINED', 'LEFT', 'STARTED', 'ENDED', 'CANCELLED']), occurredAt: z.string(), source: z.string() })
  .openapi('MeetingLogEntry');

export const slotMeetingLogRoute = createRoute({
  method: 'get',
  path: '/api/slots/{id}/meeting-log',
  tags: ['Slots'],
  summary: 'The session’s meeting log in order (joins, leaves, start, end): its mentor, its student, or staff',
  ...bearer(EVERYONE),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The log (at most 500 entries)', z.object({ items: z.array(MeetingLogEntry) }).openapi('MeetingLog')), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such slot of yours') },
});
