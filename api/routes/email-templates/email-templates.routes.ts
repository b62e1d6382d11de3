import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { CreateEmailTemplateBody, EmailPreviewView, EmailTemplatesQuery, EmailTemplateView, PreviewEmailTemplateBody, TemplateId, UpdateEmailTemplateBody } from './email-templates.schemas.js';

const TAGS = ['Email templates'];
const notFound = { 404: problemResponse('No such email template') };
const invalid = problemResponse('Invalid body, or placeholders that do not match the declared variables (field errors list them)');

export const listEmailTemplatesRoute = createRoute({
  method: 'get',
  path: '/api/email-templates',
  tags: TAGS,
  summary: 'Email templates, newest first (the system ones are seeded on first use)',
  ...bearer(STAFF),
  request: { query: EmailTemplatesQuery },
  responses: { 200: jsonResponse('A page of templates', pageSchema(EmailTemplateView).openapi('EmailTemplatePage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const createEmailTemplateRoute = createRoute({
  method: 'post',
  path: '/api/email-templates',
  tags: TAGS,
  summary: 'Create a template (version 1); its placeholders must be exactly its variables',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateEmailTemplateBody) },
  responses: { 201: jsonResponse('The template', EmailTemplateView), 400: invalid, ...authProblems, 409: problemResponse('The key is taken') },
});

export const getEmailTemplateRoute = createRoute({
  method: 'get',
  path: '/api/email-templates/{id}',
  tags: TAGS,
  summary: 'One template',
  ...bearer(STAFF),
  request: { params: TemplateId },
  responses: { 200: jsonResponse('The template', EmailTemplateView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const updateEmailTemplateRoute = createRoute({
  method: 'patch',
  path: '/api/email-templates/{id}',
  tags: TAGS,
  summary: 'Change a template: the version goes up by one; a concurrent edit or a stale expectedVersion is 409',
  ...bearer(STAFF),
  request: { params: TemplateId, body: jsonBody(UpdateEmailTemplateBody) },
  responses: { 200: jsonResponse('The template', EmailTemplateView), 400: invalid, ...authProblems, ...notFound, 409: problemResponse('Changed meanwhile, or a system template deactivated') },
});

export const deleteEmailTemplateRoute = createRoute({
  method: 'delete',
  path: '/api/email-templates/{id}',
  tags: TAGS,
  summary: 'Delete a template (not one the system sends)',
  ...bearer(STAFF),
  request: { params: TemplateId },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...notFound, 409: problemResponse('A system template') },
});

export const previewEmailTemplateRoute = createRoute({
  method: 'post',
  path: '/api/email-templates/{id}/preview',
  tags: TAGS,
  summary: 'Render the stored template with sample data, as a send would (values HTML-escaped in the HTML body)',
  ...bearer(STAFF),
  request: { params: TemplateId, body: jsonBody(PreviewEmailTemplateBody) },
  responses: { 200: jsonResponse('The rendered email', EmailPreviewView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 422: problemResponse('The data lacks a declared variable') },
});
