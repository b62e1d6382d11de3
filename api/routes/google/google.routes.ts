import { createRoute } from '@hono/zod-openapi';
import { EVERYONE } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { CallbackAnswer, CallbackQuery, ConnectAnswer, ConnectionView, DisconnectAnswer } from './google.schemas.js';

const TAGS = ['Google Calendar'];

export const connectGoogleRoute = createRoute({
  method: 'post',
  path: '/api/me/google/connect',
  tags: TAGS,
  summary: "Start connecting your Google Calendar: answers Google's consent URL (OAuth 2.0 with PKCE)",
  description: 'Once connected, sessions booked with you (as the mentor) are added to your primary calendar with a Google Meet link, and removed when cancelled.',
  ...bearer(EVERYONE),
  responses: { 200: jsonResponse('Send the browser to authorizeUrl', ConnectAnswer), ...authProblems, 503: problemResponse('Google is not configured on this server') },
});

export const googleCallbackRoute = createRoute({
  method: 'get',
  path: '/api/google/oauth/callback',
  tags: TAGS,
  summary: "Google's OAuth redirect: exchanges the code and stores the tokens sealed (the state says whose connection it is)",
  description: 'With GOOGLE_RETURN_URL set the browser is redirected there with `?google=connected` (or `?google=error&reason=<code>`); otherwise JSON or problem+json.',
  ...publicRoute,
  request: { query: CallbackQuery },
  responses: {
    200: jsonResponse('Connected', CallbackAnswer),
    302: { description: 'To GOOGLE_RETURN_URL with the outcome' },
    400: problemResponse('Unknown, used or expired state, or a code Google refused'),
    422: problemResponse('Access not granted (the user cancelled or unticked the calendar)'),
    503: problemResponse('Google is not configured or unavailable'),
  },
});

export const myGoogleRoute = createRoute({
  method: 'get',
  path: '/api/me/google',
  tags: TAGS,
  summary: 'Your Google Calendar connection: connected, scope, broken (never a token)',
  ...bearer(EVERYONE),
  responses: { 200: jsonResponse('Your connection', ConnectionView), ...authProblems },
});

export const disconnectGoogleRoute = createRoute({
  method: 'delete',
  path: '/api/me/google',
  tags: TAGS,
  summary: 'Disconnect your Google Calendar (the stored tokens are deleted; events already made stay)',
  ...bearer(EVERYONE),
  responses: { 200: jsonResponse('Disconnected (or there was nothing to disconnect)', DisconnectAnswer), ...authProblems },
});
