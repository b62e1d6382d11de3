import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { AddCmNoteBody, CmNoteView, CmNotesQuery, NoteId, StudentId, StudentNotesQuery, UpdateCmNoteBody } from './cm-notes.schemas.js';

const TAGS = ['CM notes'];
const WRITERS = ['SALES', ...STAFF] as const;
const noStudent = { 404: problemResponse('No such student in a batch you manage') };

export const addCmNoteRoute = createRoute({
  method: 'post',
  path: '/api/students/{id}/cm-notes',
  tags: TAGS,
  summary: 'Write a note about a student (internal; a community manager for students of the batches they manage)',
  ...bearer(WRITERS),
  request: { params: StudentId, body: jsonBody(AddCmNoteBody) },
  responses: { 201: jsonResponse('The note', CmNoteView), 400: problemResponse('Invalid body'), ...authProblems, ...noStudent, 422: problemResponse('Not one of the student’s batches you manage') },
});

export const studentCmNotesRoute = createRoute({
  method: 'get',
  path: '/api/students/{id}/cm-notes',
  tags: TAGS,
  summary: 'Notes about a student, newest first',
  ...bearer(WRITERS),
  request: { params: StudentId, query: StudentNotesQuery },
  responses: { 200: jsonResponse('A page of notes', pageSchema(CmNoteView).openapi('StudentCmNotePage')), 400: problemResponse('Invalid query'), ...authProblems, ...noStudent },
});

export const listCmNotesRoute = createRoute({
  method: 'get',
  path: '/api/cm-notes',
  tags: TAGS,
  summary: 'Notes by batch, author, category or pin; a community manager sees the batches they manage',
  ...bearer(WRITERS),
  request: { query: CmNotesQuery },
  responses: { 200: jsonResponse('A page of notes', pageSchema(CmNoteView).openapi('CmNotePage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const updateCmNoteRoute = createRoute({
  method: 'patch',
  path: '/api/cm-notes/{id}',
  tags: TAGS,
  summary: 'Edit or (un)pin a note: its author, or ADMIN/SUPERADMIN',
  ...bearer(WRITERS),
  request: { params: NoteId, body: jsonBody(UpdateCmNoteBody) },
  responses: { 200: jsonResponse('The note', CmNoteView), 400: problemResponse('Invalid body'), ...authProblems, 403: problemResponse('Another manager’s note'), 404: problemResponse('No such note') },
});

export const deleteCmNoteRoute = createRoute({
  method: 'delete',
  path: '/api/cm-notes/{id}',
  tags: TAGS,
  summary: 'Delete a note: its author, or ADMIN/SUPERADMIN',
  ...bearer(WRITERS),
  request: { params: NoteId },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, 403: problemResponse('Another manager’s note'), 404: problemResponse('No such note') },
});
