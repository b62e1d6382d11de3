import { createRoute, z } from '@hono/zod-openapi';
import { ROLES, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { PublicUser } from '../auth/auth.schemas.js';

export const UserListQuery = PageQuery.extend({
  role: z.enum(ROLES).optional(),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().min(2).max(100).optional().openapi({ description: 'Matches email or name (case-insensitive)' }),
  platform: z.string().max(64).optional(),
});

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: ['Admin'],
  summary: 'List users with filters, newest first (cursor pagination)',
  ...bearer(STAFF),
  request: { query: UserListQuery },
  responses: {
    200: { description: 'A page of users', content: { 'application/json': { schema: pageSchema(PublicUser).openapi('UserPage') } } },
    400: problemResponse('Invalid filters or cursor'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not an admin'),
  },
});

export const UpdateUserBody = z
  .object({ role: z.enum(ROLES).optional(), isActive: z.boolean().optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.isActive !== undefined, { message: 'Give role or isActive' })
  .openapi('UpdateUserRequest');

export const updateUserRoute = createRoute({
  method: 'patch',
  path: '/api/admin/users/{id}',
  tags: ['Admin'],
  summary: "Change a user's role or deactivate them (never a delete: deletes cascade widely)",
  ...bearer(STAFF),
  request: { params: z.object({ id: z.uuid() }), body: { required: true, content: { 'application/json': { schema: UpdateUserBody } } } },
  responses: {
    200: { description: 'The updated user', content: { 'application/json': { schema: PublicUser } } },
    400: problemResponse('Invalid body'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not allowed to grant that role, or to change yourself'),
    404: problemResponse('No such user'),
  },
});
