import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { MyPreferences, PreferencePage, PreferencesQuery, PreferenceView, SetPreferenceBody, UnsubscribeToken, UnsubscribeView, UpdateMyPreferencesBody } from './comms-preferences.schemas.js';

const TAGS = ['Communications'];

export const myPreferencesRoute = createRoute({
  method: 'get',
  path: '/api/me/comms-preferences',
  tags: TAGS,
  summary: 'Your marketing preferences: one per channel of your email and phone (quiet hours, unsubscribed)',
  description: 'Marketing sends (CRM workflow sends, Mr Learn reminders) honour them; transactional ones (booking, payment, password) do not.',
  ...bearer(EVERYONE),
  responses: { 200: jsonResponse('Your preferences', MyPreferences), ...authProblems },
});

export const updateMyPreferencesRoute = createRoute({
  method: 'put',
  path: '/api/me/comms-preferences',
  tags: TAGS,
  summary: 'Set your quiet hours and turn marketing on or off per channel',
  ...bearer(EVERYONE),
  request: { body: jsonBody(UpdateMyPreferencesBody) },
  responses: { 200: jsonResponse('Your preferences', MyPreferences), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('No phone number on your account for WhatsApp or SMS') },
});

export const describeUnsubscribeRoute = createRoute({
  method: 'get',
  path: '/api/unsubscribe/{token}',
  tags: TAGS,
  summary: 'What an unsubscribe link would stop (does not act: link scanners fetch links)',
  ...publicRoute,
  request: { params: UnsubscribeToken },
  responses: { 200: jsonResponse('The link', UnsubscribeView), 400: problemResponse('Malformed token'), 404: problemResponse('No such link') },
});

export const unsubscribeRoute = createRoute({
  method: 'post',
  path: '/api/unsubscribe/{token}',
  tags: TAGS,
  summary: 'One-click unsubscribe (RFC 8058): stops marketing on that channel to that address; repeating it is harmless',
  description: 'The List-Unsubscribe URL of marketing emails. Any body is ignored (mail clients send `List-Unsubscribe=One-Click` form-encoded).',
  ...publicRoute,
  request: { params: UnsubscribeToken },
  responses: { 200: jsonResponse('Unsubscribed', UnsubscribeView), 400: problemResponse('Malformed token'), 404: problemResponse('No such link') },
});

export const listPreferencesRoute = createRoute({
  method: 'get',
  path: '/api/admin/comms-preferences',
  tags: TAGS,
  summary: 'Marketing preferences by channel, address or unsubscribed, newest first',
  ...bearer(STAFF),
  request: { query: PreferencesQuery },
  responses: { 200: jsonResponse('A page of preferences', PreferencePage), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const setPreferenceRoute = createRoute({
  method: 'put',
  path: '/api/admin/comms-preferences',
  tags: TAGS,
  summary: 'Unsubscribe an address from marketing on a channel, or resubscribe it (for a request by phone or letter)',
  ...bearer(STAFF),
  request: { body: jsonBody(SetPreferenceBody) },
  responses: { 200: jsonResponse('The preference', PreferenceView), 400: problemResponse('Invalid body'), ...authProblems },
});
