import { createRoute, z } from '@hono/zod-openapi';
import { MEETING_ACTIONS } from '../../../domain/meeting-actions/policy.js';
import { publicRoute } from '../../middleware/auth.js';
import { jsonResponse, problemResponse } from '../../openapi.js';
import { SlotSchema } from '../slots/slots.schemas.js';

const TokenParam = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The one-time token from the email link (43 base64url characters)', example: 'q3N0b2tlbi1mcm9tLXRoZS1lbWFpbC1saW5rLTMyYnl0ZXM' }),
});

export const MeetingActionPreview = z
  .object({
    action: z.enum(MEETING_ACTIONS),
    description: z.string(),
    expiresAt: z.string(),
    slot: SlotSchema,
  })
  .openapi('MeetingActionPreview');

export const MeetingActionResult = z
  .object({
    action: z.enum(MEETING_ACTIONS),
    outcome: z.enum(['join', 'confirmed', 'already-confirmed', 'cancelled', 'cancellation-requested']).openapi({ description: 'cancellation-requested: a student cancel inside the notice window awaits the mentor' }),
    slot: SlotSchema,
    joinUrl: z.string().optional().openapi({ description: 'JOIN only: where to join the meeting' }),
    refunded: z.object({ paid: z.number().int(), promotional: z.number().int() }).optional().openapi({ description: 'CANCEL only: tokens returned under the cancellation policy' }),
  })
  .openapi('MeetingActionResult');

const tokenProblems = {
  404: problemResponse('Unknown token'),
  410: problemResponse('The link was already used, or has expired'),
};

export const previewMeetingActionRoute = createRoute({
  method: 'get',
  path: '/api/meeting-actions/{token}',
  tags: ['Meeting actions'],
  summary: 'What an emailed link would do. Safe: never uses the token, so mail scanners that prefetch links change nothing',
  description: 'The token in the link is the credential: no bearer token. Only its SHA-256 is stored.',
  ...publicRoute,
  request: { params: TokenParam },
  responses: { 200: jsonResponse('The action and its slot', MeetingActionPreview), ...tokenProblems },
});

export const performMeetingActionRoute = createRoute({
  method: 'post',
  path: '/api/meeting-actions/{token}',
  tags: ['Meeting actions'],
  summary: 'Use an emailed link once: JOIN answers the join URL, CONFIRM confirms the held slot, CANCEL cancels the booking (refund policy applies)',
  description:
    'The token is claimed (`usedAt IS NULL` → now) in the same transaction as the action, so concurrent uses have exactly one winner; ' +
    'the rest get 410. A failed action (e.g. 409) leaves the token unused.',
  ...publicRoute,
  request: { params: TokenParam },
  responses: {
    200: jsonResponse('Done', MeetingActionResult),
    403: problemResponse('The account behind the link is deactivated'),
    ...tokenProblems,
    409: problemResponse('The slot is not in a state where this action applies'),
  },
});
