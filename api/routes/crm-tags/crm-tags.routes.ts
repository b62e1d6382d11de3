import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const TAGS = ['CRM tags'];
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const Color = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'A hex colour like #F59E0B' });

export const LeadTagView = z
  .object({ id: z.uuid(), name: z.string(), color: z.string().nullable(), description: z.string().nullable(), platform: z.string(), createdById: z.uuid().nullable(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('LeadTag');
const LeadTagOnLead = LeadTagView.extend({ taggedById: z.uuid().nullable(), taggedAt: z.string() }).openapi('LeadTagOnLead');

export const listTagsRoute = createRoute({
  method: 'get',
  path: '/api/crm/tags',
  tags: TAGS,
  summary: 'The platform’s lead tags, by name',
  ...bearer(CRM_ROLES),
  request: { query: z.object({ q: z.string().trim().min(1).max(50).optional() }) },
  responses: { 200: jsonResponse('Tags', z.object({ items: z.array(LeadTagView) })), 400: problemResponse('Invalid query'), ...authProblems },
});

export const createTagRoute = createRoute({
  method: 'post',
  path: '/api/crm/tags',
  tags: TAGS,
  summary: 'Create a lead tag on the platform (names are unique per platform)',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(z.object({ name: z.string().trim().min(1).max(50), color: Color.optional(), description: z.string().trim().max(500).optional() }).strict().openapi('CreateLeadTag')) },
  responses: { 201: jsonResponse('The tag', LeadTagView), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('A tag of that name exists') },
});

export const updateTagRoute = createRoute({
  method: 'patch',
  path: '/api/crm/tags/{id}',
  tags: TAGS,
  summary: 'Rename or recolour a tag (admins)',
  ...bearer(STAFF),
  request: {
    params: Id,
    body: jsonBody(
      z
        .object({ name: z.string().trim().min(1).max(50).optional(), color: Color.nullable().optional(), description: z.string().trim().max(500).nullable().optional() })
        .strict()
        .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
        .openapi('UpdateLeadTag'),
    ),
  },
  responses: { 200: jsonResponse('The tag', LeadTagView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such tag'), 409: problemResponse('A tag of that name exists') },
});

export const deleteTagRoute = createRoute({
  method: 'delete',
  path: '/api/crm/tags/{id}',
  tags: TAGS,
  summary: 'Delete a tag (admins); every lead loses it',
  ...bearer(STAFF),
  request: { params: Id },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such tag') },
});

export const leadTagsRoute = createRoute({
  method: 'get',
  path: '/api/crm/leads/{id}/tags',
  tags: TAGS,
  summary: 'The tags on a lead you may see',
  ...bearer(CRM_ROLES),
  request: { params: Id },
  responses: { 200: jsonResponse('Its tags', z.object({ items: z.array(LeadTagOnLead) })), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such lead') },
});

export const tagLeadRoute = createRoute({
  method: 'post',
  path: '/api/crm/leads/{id}/tags',
  tags: TAGS,
  summary: 'Tag a lead you may see (idempotent: a tag already on it stays)',
  ...bearer(CRM_ROLES),
  request: { params: Id, body: jsonBody(z.object({ tagIds: z.array(z.uuid()).min(1).max(20) }).strict().openapi('TagLead')) },
  responses: { 200: jsonResponse('Its tags now', z.object({ items: z.array(LeadTagOnLead) })), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such lead'), 422: problemResponse('A tag of another platform, or none') },
});

export const untagLeadRoute = createRoute({
  method: 'delete',
  path: '/api/crm/leads/{id}/tags/{tagId}',
  tags: TAGS,
  summary: 'Take a tag off a lead you may see',
  ...bearer(CRM_ROLES),
  request: { params: Id.extend({ tagId: z.uuid().openapi({ param: { name: 'tagId', in: 'path' } }) }) },
  responses: { 204: { description: 'Untagged (or it was not there)' }, 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such lead') },
});
