import { createRouter } from '../../openapi.js';
import * as h from './cm-notes.handlers.js';
import * as r from './cm-notes.routes.js';

export const cmNotesRouter = createRouter()
  .openapi(r.addCmNoteRoute, h.addCmNoteHandler)
  .openapi(r.studentCmNotesRoute, h.studentCmNotesHandler)
  .openapi(r.listCmNotesRoute, h.listCmNotesHandler)
  .openapi(r.updateCmNoteRoute, h.updateCmNoteHandler)
  .openapi(r.deleteCmNoteRoute, h.deleteCmNoteHandler);
