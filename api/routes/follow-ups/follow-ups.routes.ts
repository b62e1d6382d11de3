import { createRoute, z } from '@hono/zod-openapi';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const CRM_ROLES = ['SALES', 'ADMIN', 'SUPERADMIN'] as const;
const Instant = z.iso.datetime({ offset: true });

export const FollowUpSchema = z
  .object({
    id: z.uuid(),
    rawLeadId: z.uuid(),
    assigneeId: z.uuid().nullable(),
    dueAt: z.string(),
    status: z.enum(['scheduled', 'completed', 'cancelled', 'missed']),
    channel: z.enum(['call', 'sms', 'email', 'whatsapp', 'meeting', 'other']),
    note: z.string().nullable(),
    outcomeNote: z.string().nullable(),
    reminderSentAt: z.string().nullable(),
    temporalWorkflowId: z.string().nullable(),
  })
  .openapi('LeadFollowUp');

export const createFollowUpRoute = createRoute({
  method: 'post',
  path: '/api/crm/leads/{id}/follow-ups',
  tags: ['CRM'],
  summary: 'Schedule a follow-up; crm-followup/<id> reminds the assignee when it is due',
  ...bearer(CRM_ROLES),
  request: {
    params: z.object({ id: z.uuid() }),
    body: jsonBody(
      z
        .object({ dueAt: Instant, channel: z.enum(['call', 'sms', 'email', 'whatsapp', 'meeting', 'other']).optional(), note: z.string().trim().max(1000).optional() })
        .strict()
        .openapi('FollowUpCreate'),
    ),
  },
  responses: { 201: jsonResponse('Scheduled', FollowUpSchema), 400: problemResponse('Invalid body or a past dueAt'), ...authProblems, 404: problemResponse('No such lead you can see') },
});

export const rescheduleFollowUpRoute = createRoute({
  method: 'patch',
  path: '/api/crm/follow-ups/{id}',
  tags: ['CRM'],
  summary: 'Reschedule: the timer moves (a Workflow Update that refuses a closed follow-up)',
  ...bearer(CRM_ROLES),
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(z.object({ dueAt: Instant }).strict().openapi('FollowUpReschedule')) },
  responses: { 200: jsonResponse('Rescheduled', FollowUpSchema), 400: problemResponse('Invalid body or a past dueAt'), ...authProblems, 404: problemResponse('No such follow-up'), 409: problemResponse('Already closed') },
});

export const completeFollowUpRoute = createRoute({
  method: 'post',
  path: '/api/crm/follow-ups/{id}/complete',
  tags: ['CRM'],
  summary: 'Complete a follow-up; its reminder timer ends',
  ...bearer(CRM_ROLES),
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(z.object({ outcomeNote: z.string().trim().max(2000).optional() }).strict().openapi('FollowUpComplete')) },
  responses: { 200: jsonResponse('Completed', FollowUpSchema), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such follow-up'), 409: problemResponse('Already closed') },
});
