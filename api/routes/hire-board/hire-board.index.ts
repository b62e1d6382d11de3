import { createRouter } from '../../openapi.js';
import {
  applicationCostsHandler,
  auditExportHandler,
  boardHandler,
  candidateFileHandler,
  jobCostsHandler,
  listCandidatesHandler,
  talentPoolMatchesHandler,
} from './hire-board.handlers.js';
import { applicationCostsRoute, auditExportRoute, boardRoute, candidateFileRoute, jobCostsRoute, listCandidatesRoute, talentPoolMatchesRoute } from './hire-board.routes.js';

export const hireBoardRouter = createRouter()
  .openapi(boardRoute, boardHandler)
  .openapi(listCandidatesRoute, listCandidatesHandler)
  .openapi(auditExportRoute, auditExportHandler)
  .openapi(jobCostsRoute, jobCostsHandler)
  .openapi(talentPoolMatchesRoute, talentPoolMatchesHandler)
  .openapi(candidateFileRoute, candidateFileHandler)
  .openapi(applicationCostsRoute, applicationCostsHandler);
