// Login history: my own, and any user's for admins.
import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { LoginAction } from '../../../prisma/generated/enums.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

export const LoginLogView = z
  .object({
    id: z.uuid(),
    action: z.enum(LoginAction),
    success: z.boolean(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    platform: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('LoginLog');

const Query = PageQuery.extend({ action: z.enum(LoginAction).optional() });
const page = pageSchema(LoginLogView).openapi('LoginLogPage');

export const myLoginHistoryRoute = createRoute({
  method: 'get',
  path: '/api/me/login-history',
  tags: ['Auth'],
  summary: 'My sign-ins, sign-outs, refreshes and failed attempts, newest first',
  ...bearer(EVERYONE),
  request: { query: Query },
  responses: { 200: jsonResponse('A page of login events', page), 400: problemResponse('Invalid query'), ...authProblems },
});

export const userLoginHistoryRoute = createRoute({
  method: 'get',
  path: '/api/admin/users/{id}/login-history',
  tags: ['Admin'],
  summary: 'A user’s login events, newest first (admins)',
  ...bearer(STAFF),
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }), query: Query },
  responses: { 200: jsonResponse('A page of login events', page), 400: problemResponse('Invalid query'), ...authProblems, 404: problemResponse('No such user') },
});
