import { createRoute, z } from '@hono/zod-openapi';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { LeadCallOutcome, LeadCallSource, LeadCallStatus, LeadCommDirection } from '../../../prisma/generated/enums.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['CRM'];
const LeadId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const Instant = z.iso.datetime({ offset: true });

export const CallLogSchema = z
  .object({
    id: z.uuid(),
    rawLeadId: z.uuid(),
    userId: z.uuid().nullable(),
    direction: z.enum(LeadCommDirection),
    source: z.enum(LeadCallSource),
    status: z.enum(LeadCallStatus),
    outcome: z.enum(LeadCallOutcome).nullable(),
    exotelCallSid: z.string().nullable(),
    fromNumber: z.string().nullable(),
    toNumber: z.string().nullable(),
    callerId: z.string().nullable(),
    durationSeconds: z.number().int().nullable().openapi({ description: 'Whole call, ringing included' }),
    talkDurationSeconds: z.number().int().nullable().openapi({ description: 'Both legs connected' }),
    recordingUrl: z.string().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    costPaise: z.number().int().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LeadCallLog');

const ClickToCallStarted = z
  .object({
    mode: z.literal('exotel'),
    callSid: z.string(),
    status: z.enum(LeadCallStatus),
    callLogId: z.uuid(),
  })
  .openapi('ClickToCallStarted');

const ClickToCallTelLink = z
  .object({ mode: z.literal('tel'), telLink: z.string().openapi({ example: 'tel:+919876543210' }) })
  .openapi('ClickToCallTelLink');

export const callLeadRoute = createRoute({
  method: 'post',
  path: '/api/crm/leads/{id}/call',
  tags: TAGS,
  summary: 'Click-to-call: Exotel rings you, then the lead; without Exotel, a tel: link',
  description:
    'With Exotel configured, your phone (your profile’s phone) is dialled first and then the lead’s, from the ExoPhone; a lead_call_logs row ' +
    'follows the call through Exotel’s status callbacks (the figures are re-fetched from Exotel). Without Exotel, nothing is dialled: the answer is ' +
    'a tel: link, and the call is logged afterwards with POST …/call-logs. A double submit never dials twice: with an Idempotency-Key the ' +
    'retry gets the first answer; without one, a new call while your last call to this lead is still live is refused (409).',
  ...bearer(CRM_ROLES),
  request: {
    params: LeadId,
    headers: z.object({
      'idempotency-key': z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: 'Makes a retry safe: the same key (yours, for this lead) answers the first call again (Idempotent-Replayed: true) instead of dialling twice' }),
    }),
  },
  responses: {
    200: jsonResponse('Exotel is not configured: dial this link yourself', ClickToCallTelLink),
    202: jsonResponse('Exotel is dialling you first (or, for a repeated Idempotency-Key, was)', ClickToCallStarted),
    ...authProblems,
    404: problemResponse('No such lead you can see'),
    409: problemResponse('Your previous call to this lead is still live, or the call with this Idempotency-Key is still being placed (Retry-After)'),
    422: problemResponse('The lead has no phone, you have no phone on your profile, or Exotel refused the numbers'),
    503: problemResponse('Exotel is unavailable (Retry-After when it is rate limiting)'),
  },
});

export const CreateCallLogBody = z
  .object({
    outcome: z.enum(LeadCallOutcome),
    source: z.enum(['tel_link', 'manual']).default('manual').openapi({ description: 'tel_link: placed from the tel: link the api gave; manual: logged after the fact' }),
    direction: z.enum(LeadCommDirection).default('outbound'),
    durationSeconds: z.number().int().min(0).max(86_400).optional(),
    startedAt: Instant.optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('CallLogCreate');

export const createCallLogRoute = createRoute({
  method: 'post',
  path: '/api/crm/leads/{id}/call-logs',
  tags: TAGS,
  summary: 'Log a call placed outside Exotel (a tel: link or another phone) with its outcome',
  ...bearer(CRM_ROLES),
  request: { params: LeadId, body: jsonBody(CreateCallLogBody) },
  responses: {
    201: jsonResponse('Logged', CallLogSchema),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such lead you can see'),
  },
});

export const listCallLogsRoute = createRoute({
  method: 'get',
  path: '/api/crm/leads/{id}/call-logs',
  tags: TAGS,
  summary: 'The lead’s calls, newest first (cursor pagination)',
  ...bearer(CRM_ROLES),
  request: { params: LeadId, query: PageQuery },
  responses: {
    200: jsonResponse('A page of calls', pageSchema(CallLogSchema).openapi('LeadCallLogPage')),
    400: problemResponse('Invalid cursor or limit'),
    ...authProblems,
    404: problemResponse('No such lead you can see'),
  },
});

export const UpdateCallLogBody = z
  .object({
    outcome: z.enum(LeadCallOutcome).optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .refine((b) => b.outcome !== undefined || b.notes !== undefined, { message: 'Nothing to change' })
  .openapi('CallLogUpdate');

export const updateCallLogRoute = createRoute({
  method: 'patch',
  path: '/api/crm/call-logs/{id}',
  tags: TAGS,
  summary: 'Set the outcome or notes of a call (e.g. after an Exotel call ends); Exotel’s own figures are not editable',
  ...bearer(CRM_ROLES),
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }), body: jsonBody(UpdateCallLogBody) },
  responses: {
    200: jsonResponse('The call', CallLogSchema),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such call on a lead you can see'),
  },
});
