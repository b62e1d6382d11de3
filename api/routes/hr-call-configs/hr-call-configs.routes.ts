// HR phone-call configurations (admins).
import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { HR_CALL_PROVIDERS } from '../../../services/hire/hr-call-configs.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['Admin'];
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A local time HH:mm');

export const HrCallConfigView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    provider: z.string(),
    callerId: z.string().nullable(),
    voiceId: z.string().nullable(),
    language: z.string(),
    aiCallPromptId: z.uuid().nullable(),
    maxCallDurationSeconds: z.number().int(),
    maxRetries: z.number().int(),
    retryIntervalMinutes: z.number().int(),
    callWindowStart: z.string(),
    callWindowEnd: z.string(),
    timezone: z.string(),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('HrCallConfig');

const fields = {
  callerId: z.string().regex(/^\+[1-9]\d{7,14}$/, 'E.164, e.g. +918047100000').nullable().optional(),
  voiceId: z.string().trim().min(1).max(100).nullable().optional(),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'A language tag such as en-IN').optional(),
  aiCallPromptId: z.uuid().nullable().optional(),
  maxCallDurationSeconds: z.number().int().min(30).max(3600).optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  retryIntervalMinutes: z.number().int().min(1).max(1440).optional(),
  callWindowStart: HHMM.optional(),
  callWindowEnd: HHMM.optional(),
  timezone: z.string().regex(/^[A-Za-z_]+\/[A-Za-z_]+$/, 'An IANA zone such as Asia/Kolkata').optional(),
  isActive: z.boolean().optional(),
};
const CreateBody = z.object({ userId: z.uuid(), provider: z.enum(HR_CALL_PROVIDERS), ...fields }).strict().openapi('CreateHrCallConfig');
const UpdateBody = z
  .object({ provider: z.enum(HR_CALL_PROVIDERS).optional(), ...fields })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateHrCallConfig');

const BASE = '/api/admin/hr-call-configs';
const noConfig = { 404: problemResponse('No such HR call config') };

export const listHrCallConfigsRoute = createRoute({
  method: 'get',
  path: BASE,
  tags: TAGS,
  summary: 'HR phone-call configurations, newest first',
  ...bearer(STAFF),
  request: { query: PageQuery.extend({ userId: z.uuid().optional() }) },
  responses: { 200: jsonResponse('A page of configs', pageSchema(HrCallConfigView).openapi('HrCallConfigPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const createHrCallConfigRoute = createRoute({
  method: 'post',
  path: BASE,
  tags: TAGS,
  summary: 'Create a recruiter’s HR phone-call configuration',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateBody) },
  responses: { 201: jsonResponse('The config', HrCallConfigView), 400: problemResponse('Invalid body (or a call window that ends before it starts)'), ...authProblems, 422: problemResponse('Unknown user or prompt') },
});

export const updateHrCallConfigRoute = createRoute({
  method: 'patch',
  path: `${BASE}/{id}`,
  tags: TAGS,
  summary: 'Change an HR phone-call configuration',
  ...bearer(STAFF),
  request: { params: Id, body: jsonBody(UpdateBody) },
  responses: { 200: jsonResponse('The config', HrCallConfigView), 400: problemResponse('Invalid body'), ...authProblems, ...noConfig, 422: problemResponse('Unknown prompt') },
});

export const deleteHrCallConfigRoute = createRoute({
  method: 'delete',
  path: `${BASE}/{id}`,
  tags: TAGS,
  summary: 'Delete an HR phone-call configuration',
  ...bearer(STAFF),
  request: { params: Id },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...noConfig },
});
