import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import {
  BackfillBody,
  ConfigDetailView,
  ConfigPage,
  ConfigView,
  CreateConfigBody,
  CreateCredentialsBody,
  CredentialsPage,
  CredentialsView,
  NoteBody,
  PageQuery,
  RunPage,
  RunsQuery,
  RunView,
  SystemIdParams,
  SystemParams,
  TriggerBody,
  TriggerView,
  UpdateConfigBody,
  UpdateCredentialsBody,
} from './sync.schemas.js';

const TAGS = ['Syncs: Mr Learn and Mr Test'];
const BASE = '/api/admin/sync/{system}';
const invalid = { 400: problemResponse('Invalid system, id or body') };
const notFound = { 404: problemResponse('No such row') };
const unavailable = { 503: problemResponse('Temporal did not take the Schedule change, so nothing changed') };

export const createCredentialsRoute = createRoute({
  method: 'post',
  path: `${BASE}/credentials`,
  tags: TAGS,
  summary: 'Store API credentials (checked by asking for a token first; the secret is sealed and never shown again)',
  ...bearer(STAFF),
  request: { params: SystemParams, body: jsonBody(CreateCredentialsBody) },
  responses: { 201: jsonResponse('The credentials, without the secret', CredentialsView), ...invalid, ...authProblems, 409: problemResponse('The name is taken'), 422: problemResponse('The learning system refused the credentials, or the baseUrl is not allowed') },
});

export const listCredentialsRoute = createRoute({
  method: 'get',
  path: `${BASE}/credentials`,
  tags: TAGS,
  summary: 'Stored credentials, newest first',
  ...bearer(STAFF),
  request: { params: SystemParams, query: PageQuery },
  responses: { 200: jsonResponse('A page of credentials', CredentialsPage), ...invalid, ...authProblems },
});

export const getCredentialsRoute = createRoute({
  method: 'get',
  path: `${BASE}/credentials/{id}`,
  tags: TAGS,
  summary: 'One set of credentials (never the secret or token)',
  ...bearer(STAFF),
  request: { params: SystemIdParams },
  responses: { 200: jsonResponse('The credentials', CredentialsView), ...invalid, ...authProblems, ...notFound },
});

export const updateCredentialsRoute = createRoute({
  method: 'patch',
  path: `${BASE}/credentials/{id}`,
  tags: TAGS,
  summary: 'Rename, deactivate, or rotate the secret (a new secret, client or baseUrl is checked first)',
  ...bearer(STAFF),
  request: { params: SystemIdParams, body: jsonBody(UpdateCredentialsBody) },
  responses: { 200: jsonResponse('The credentials', CredentialsView), ...invalid, ...authProblems, ...notFound, 409: problemResponse('The name is taken, or the row changed meanwhile'), 422: problemResponse('The learning system refused the new credentials') },
});

export const createConfigRoute = createRoute({
  method: 'post',
  path: `${BASE}/configs`,
  tags: TAGS,
  summary: 'Create a sync config and its Schedule sync/<system>/<id>',
  ...bearer(STAFF),
  request: { params: SystemParams, body: jsonBody(CreateConfigBody) },
  responses: { 201: jsonResponse('The config', ConfigView), ...invalid, ...authProblems, 409: problemResponse('The name is taken'), 422: problemResponse('No such credentials, or Temporal refused the spec'), ...unavailable },
});

export const listConfigsRoute = createRoute({
  method: 'get',
  path: `${BASE}/configs`,
  tags: TAGS,
  summary: 'Sync configs, newest first',
  ...bearer(STAFF),
  request: { params: SystemParams, query: PageQuery },
  responses: { 200: jsonResponse('A page of configs', ConfigPage), ...invalid, ...authProblems },
});

export const getConfigRoute = createRoute({
  method: 'get',
  path: `${BASE}/configs/{id}`,
  tags: TAGS,
  summary: 'One config with its Schedule as Temporal has it (paused, note, next and recent actions)',
  ...bearer(STAFF),
  request: { params: SystemIdParams },
  responses: { 200: jsonResponse('The config and its Schedule', ConfigDetailView), ...invalid, ...authProblems, ...notFound },
});

export const updateConfigRoute = createRoute({
  method: 'patch',
  path: `${BASE}/configs/{id}`,
  tags: TAGS,
  summary: 'Change a config; its Schedule changes with it or neither does',
  ...bearer(STAFF),
  request: { params: SystemIdParams, body: jsonBody(UpdateConfigBody) },
  responses: { 200: jsonResponse('The config', ConfigView), ...invalid, ...authProblems, ...notFound, 409: problemResponse('The name is taken'), 422: problemResponse('No such credentials, or Temporal refused the spec'), ...unavailable },
});

export const pauseConfigRoute = createRoute({
  method: 'post',
  path: `${BASE}/configs/{id}/pause`,
  tags: TAGS,
  summary: 'Pause the config and its Schedule, with a note',
  ...bearer(STAFF),
  request: { params: SystemIdParams, body: jsonBody(NoteBody) },
  responses: { 200: jsonResponse('The config', ConfigView), ...invalid, ...authProblems, ...notFound, ...unavailable },
});

export const unpauseConfigRoute = createRoute({
  method: 'post',
  path: `${BASE}/configs/{id}/unpause`,
  tags: TAGS,
  summary: 'Unpause the config and its Schedule, with a note',
  ...bearer(STAFF),
  request: { params: SystemIdParams, body: jsonBody(NoteBody) },
  responses: { 200: jsonResponse('The config', ConfigView), ...invalid, ...authProblems, ...notFound, ...unavailable },
});

export const triggerConfigRoute = createRoute({
  method: 'post',
  path: `${BASE}/configs/{id}/trigger`,
  tags: TAGS,
  summary: 'Run now through the Schedule (shows in its recent actions); full: read every row again',
  ...bearer(STAFF),
  request: { params: SystemIdParams, body: jsonBody(TriggerBody) },
  responses: { 202: jsonResponse('Triggered', TriggerView), ...invalid, ...authProblems, ...notFound, 409: problemResponse('Paused, or a run is in progress'), ...unavailable },
});

export const backfillConfigRoute = createRoute({
  method: 'post',
  path: `${BASE}/configs/{id}/backfill`,
  tags: TAGS,
  summary: 'Run every action the Schedule would have taken in a past window (at most 31 days), one after another',
  ...bearer(STAFF),
  request: { params: SystemIdParams, body: jsonBody(BackfillBody) },
  responses: { 202: jsonResponse('Backfill requested', ConfigView), ...invalid, ...authProblems, ...notFound, 409: problemResponse('Paused'), ...unavailable },
});

export const listRunsRoute = createRoute({
  method: 'get',
  path: `${BASE}/runs`,
  tags: TAGS,
  summary: 'Sync runs, newest first (filter by config)',
  ...bearer(STAFF),
  request: { params: SystemParams, query: RunsQuery },
  responses: { 200: jsonResponse('A page of runs', RunPage), ...invalid, ...authProblems },
});

export const getRunRoute = createRoute({
  method: 'get',
  path: `${BASE}/runs/{id}`,
  tags: TAGS,
  summary: 'One run: counts per resource, cursors, duration, errors',
  ...bearer(STAFF),
  request: { params: SystemIdParams },
  responses: { 200: jsonResponse('The run', RunView), ...invalid, ...authProblems, ...notFound },
});
