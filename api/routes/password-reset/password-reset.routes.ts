import { createRoute } from '@hono/zod-openapi';
import { publicRoute } from '../../middleware/auth.js';
import { jsonBody, problemResponse } from '../../openapi.js';
import { ForgotPasswordAccepted, ForgotPasswordBody, ResetPasswordBody } from './password-reset.schemas.js';

export const forgotPasswordRoute = createRoute({
  method: 'post',
  path: '/api/auth/forgot-password',
  tags: ['Auth'],
  summary: 'Email a one-time password reset link (same answer whether or not the account exists)',
  ...publicRoute,
  request: { body: jsonBody(ForgotPasswordBody) },
  responses: {
    202: { description: 'Accepted; a link is emailed if an active account uses the address', content: { 'application/json': { schema: ForgotPasswordAccepted } } },
    400: problemResponse('Invalid body'),
    429: problemResponse('Too many requests for this IP or email; see Retry-After'),
  },
});

export const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/api/auth/reset-password',
  tags: ['Auth'],
  summary: 'Set a new password with the emailed token (works once): every session ends',
  ...publicRoute,
  request: { body: jsonBody(ResetPasswordBody) },
  responses: {
    204: { description: 'Password changed; older access tokens and every refresh token stop working' },
    400: problemResponse('Invalid body or weak password'),
    410: problemResponse('The link is unknown, expired, superseded or already used'),
  },
});
