import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { jsonBody, problemResponse } from '../../openapi.js';
import { CancelByTokenBody, Deletion, DeletionRequestBody } from './account-deletion.schemas.js';

const deletionResponse = (description: string) => ({ description, content: { 'application/json': { schema: Deletion } } });

export const requestDeletionRoute = createRoute({
  method: 'post',
  path: '/api/me/account/deletion',
  tags: ['Auth'],
  summary: 'Delete my account: deactivated at once, anonymised after the grace period (account.deletionGraceDays) unless cancelled',
  ...bearer(EVERYONE),
  request: { body: jsonBody(DeletionRequestBody) },
  responses: {
    202: deletionResponse('Deactivated; the purge is scheduled and a cancel link emailed'),
    400: problemResponse('Invalid body'),
    401: problemResponse('Not signed in, or the password is wrong'),
    409: problemResponse('A deletion is already pending'),
  },
});

export const cancelDeletionByTokenRoute = createRoute({
  method: 'post',
  path: '/api/auth/account-deletion/cancel',
  tags: ['Auth'],
  summary: 'Keep my account: the one-time token from the deletion email cancels the deletion and reactivates the account',
  ...publicRoute,
  request: { body: jsonBody(CancelByTokenBody) },
  responses: {
    200: deletionResponse('Cancelled; the account is active again (sign in as before)'),
    400: problemResponse('Invalid body'),
    410: problemResponse('The link is unknown or used, or the account has already been deleted'),
  },
});

export const adminCancelDeletionRoute = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/deletion/cancel',
  tags: ['Admin'],
  summary: "Cancel a user's pending account deletion and reactivate the account",
  ...bearer(STAFF),
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: deletionResponse('Cancelled; the account is active again'),
    400: problemResponse('Invalid id'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not an admin'),
    404: problemResponse('No pending deletion for this user (none, cancelled, or already purged)'),
  },
});
