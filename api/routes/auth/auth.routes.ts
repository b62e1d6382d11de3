import { createRoute, type z } from '@hono/zod-openapi';
import { EVERYONE } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { problemResponse } from '../../openapi.js';
import { LoginBody, Me, PasswordChangeBody, RefreshBody, Session, SignupBody } from './auth.schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const sessionResponse = (description: string) => ({ description, content: { 'application/json': { schema: Session } } });

export const signupRoute = createRoute({
  method: 'post',
  path: '/api/auth/signup',
  tags: ['Auth'],
  summary: 'Create an account (user, token wallet, promotional tokens, login log) and sign in',
  ...publicRoute,
  request: { body: json(SignupBody) },
  responses: {
    201: sessionResponse('Account created'),
    400: problemResponse('Invalid body or weak password; `errors` lists why'),
    409: problemResponse('An account with this email already exists (case-insensitive)'),
  },
});

export const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['Auth'],
  summary: 'Sign in with email and password',
  ...publicRoute,
  request: { body: json(LoginBody) },
  responses: {
    200: sessionResponse('Signed in'),
    400: problemResponse('Invalid body'),
    401: problemResponse('Wrong email or password, or a deactivated account (one generic answer)'),
    429: problemResponse('Too many attempts for this IP or email; see Retry-After'),
  },
});

export const refreshRoute = createRoute({
  method: 'post',
  path: '/api/auth/refresh',
  tags: ['Auth'],
  summary: 'Rotate a refresh token; reuse of an old one revokes the whole session family',
  ...publicRoute,
  request: { body: json(RefreshBody) },
  responses: { 200: sessionResponse('New access and refresh tokens'), 400: problemResponse('Invalid body'), 401: problemResponse('Unknown, expired, revoked or reused token') },
});

export const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['Auth'],
  summary: 'End the session the refresh token belongs to (idempotent)',
  ...publicRoute,
  request: { body: json(RefreshBody) },
  responses: { 204: { description: 'Signed out' }, 400: problemResponse('Invalid body') },
});

export const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['Auth'],
  summary: 'Change the password: older access tokens and every refresh token stop working',
  ...bearer(EVERYONE),
  request: { body: json(PasswordChangeBody) },
  responses: {
    200: sessionResponse('Password changed; a fresh session'),
    400: problemResponse('Invalid body or weak password'),
    401: problemResponse('Not signed in, or the current password is wrong'),
  },
});

export const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['Auth'],
  summary: 'The signed-in user, with their token wallet',
  ...bearer(EVERYONE),
  responses: { 200: { description: 'The signed-in user', content: { 'application/json': { schema: Me } } }, 401: problemResponse('Not signed in') },
});
