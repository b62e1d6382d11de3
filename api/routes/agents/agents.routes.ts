import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import {
  AgentDiffView,
  AgentId,
  AgentListQuery,
  AgentPage,
  AgentVersionPage,
  AgentVersionParams,
  AgentVersionView,
  AgentView,
  CreateAgentBody,
  DeleteAgentQuery,
  DiffQuery,
  RollbackAgentBody,
  UpdateAgentBody,
  VersionsQuery,
} from './agents.schemas.js';

const TAGS = ['AI: agents'];
const notFound = { 404: problemResponse('No such agent (or version)') };
const stale = { 409: problemResponse('The version you sent is not the current one: nothing changed') };

export const createAgentRoute = createRoute({
  method: 'post',
  path: '/api/admin/agents',
  tags: TAGS,
  summary: 'Create an agent (version 1)',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateAgentBody) },
  responses: { 201: jsonResponse('The agent', AgentView), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('The key is taken') },
});

export const listAgentsRoute = createRoute({
  method: 'get',
  path: '/api/admin/agents',
  tags: TAGS,
  summary: 'Agents, newest first',
  ...bearer(STAFF),
  request: { query: AgentListQuery },
  responses: { 200: jsonResponse('A page of agents', AgentPage), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getAgentRoute = createRoute({
  method: 'get',
  path: '/api/admin/agents/{id}',
  tags: TAGS,
  summary: 'One agent, at its current version',
  ...bearer(STAFF),
  request: { params: AgentId },
  responses: { 200: jsonResponse('The agent', AgentView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const updateAgentRoute = createRoute({
  method: 'patch',
  path: '/api/admin/agents/{id}',
  tags: TAGS,
  summary: 'Change an agent: writes the next version (send the version you read)',
  ...bearer(STAFF),
  request: { params: AgentId, body: jsonBody(UpdateAgentBody) },
  responses: { 200: jsonResponse('The agent at its new version', AgentView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...stale },
});

export const deleteAgentRoute = createRoute({
  method: 'delete',
  path: '/api/admin/agents/{id}',
  tags: TAGS,
  summary: 'Delete an agent (its version history stays readable)',
  ...bearer(STAFF),
  request: { params: AgentId, query: DeleteAgentQuery },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id or version'), ...authProblems, ...notFound, ...stale },
});

export const listAgentVersionsRoute = createRoute({
  method: 'get',
  path: '/api/admin/agents/{id}/versions',
  tags: TAGS,
  summary: 'An agent’s versions, newest first',
  ...bearer(STAFF),
  request: { params: AgentId, query: VersionsQuery },
  responses: { 200: jsonResponse('A page of versions', AgentVersionPage), 400: problemResponse('Invalid id or cursor'), ...authProblems, ...notFound },
});

export const getAgentVersionRoute = createRoute({
  method: 'get',
  path: '/api/admin/agents/{id}/versions/{version}',
  tags: TAGS,
  summary: 'One version of an agent, as it was',
  ...bearer(STAFF),
  request: { params: AgentVersionParams },
  responses: { 200: jsonResponse('The version', AgentVersionView), 400: problemResponse('Invalid id or version'), ...authProblems, ...notFound },
});

export const diffAgentVersionsRoute = createRoute({
  method: 'get',
  path: '/api/admin/agents/{id}/diff',
  tags: TAGS,
  summary: 'What changed between two versions, field by field',
  ...bearer(STAFF),
  request: { params: AgentId, query: DiffQuery },
  responses: { 200: jsonResponse('The changed fields', AgentDiffView), 400: problemResponse('Invalid id or versions'), ...authProblems, ...notFound },
});

export const rollbackAgentRoute = createRoute({
  method: 'post',
  path: '/api/admin/agents/{id}/rollback',
  tags: TAGS,
  summary: 'Make an earlier version current again, as a new version',
  ...bearer(STAFF),
  request: { params: AgentId, body: jsonBody(RollbackAgentBody) },
  responses: { 200: jsonResponse('The agent at its new version', AgentView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...stale },
});
