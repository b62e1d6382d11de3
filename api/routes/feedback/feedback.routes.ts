import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

export const FeedbackSchema = z
  .object({
    id: z.uuid(),
    slotId: z.uuid(),
    side: z.enum(['STUDENT', 'MENTOR']),
    givenById: z.uuid(),
    aboutUserId: z.uuid(),
    rating: z.number().int(),
    experience: z.enum(['EXCELLENT', 'GOOD', 'AVERAGE', 'POOR']).nullable(),
    comment: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('SlotFeedback');

export const giveFeedbackRoute = createRoute({
  method: 'post',
  path: '/api/slots/{id}/feedback',
  tags: ['Slots'],
  summary: 'Rate a completed session: the student rates the mentor, the mentor the student; once per side',
  ...bearer(EVERYONE),
  request: {
    params: z.object({ id: z.uuid() }),
    body: jsonBody(
      z
        .object({ rating: z.number().int().min(1).max(5), experience: z.enum(['EXCELLENT', 'GOOD', 'AVERAGE', 'POOR']).optional(), comment: z.string().trim().max(2000).optional() })
        .strict()
        .openapi('SlotFeedbackRequest'),
    ),
  },
  responses: {
    201: jsonResponse('Recorded', FeedbackSchema),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such session of yours'),
    409: problemResponse('Not completed yet, or this side already gave feedback'),
  },
});

export const listFeedbackRoute = createRoute({
  method: 'get',
  path: '/api/slots/{id}/feedback',
  tags: ['Slots'],
  summary: "A session's feedback (its mentor, its student, or an admin)",
  ...bearer(EVERYONE),
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonResponse('Feedback, both sides', z.object({ items: z.array(FeedbackSchema) })), ...authProblems, 404: problemResponse('No such session of yours') },
});
