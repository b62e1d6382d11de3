// Community managers' notes over HTTP; services/cm-notes/ holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { addCmNote, deleteCmNote, listCmNotes, studentCmNotes, toCmNoteView, updateCmNote } from '../../../services/cm-notes/cm-notes.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { addCmNoteRoute, deleteCmNoteRoute, listCmNotesRoute, studentCmNotesRoute, updateCmNoteRoute } from './cm-notes.routes.js';

export const addCmNoteHandler: RouteHandler<typeof addCmNoteRoute, AppEnv> = async (c) => c.json(await addCmNote(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const studentCmNotesHandler: RouteHandler<typeof studentCmNotesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await studentCmNotes(c.get('deps'), c.get('auth')!, c.req.valid('param').id, filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toCmNoteView), nextCursor }, 200);
};

export const listCmNotesHandler: RouteHandler<typeof listCmNotesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listCmNotes(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toCmNoteView), nextCursor }, 200);
};

export const updateCmNoteHandler: RouteHandler<typeof updateCmNoteRoute, AppEnv> = async (c) => c.json(await updateCmNote(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteCmNoteHandler: RouteHandler<typeof deleteCmNoteRoute, AppEnv> = async (c) => {
  await deleteCmNote(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};
