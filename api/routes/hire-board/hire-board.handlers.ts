// The recruiter's read side of Mr-Hire over HTTP: board, candidate search, candidate file, audit
// CSV, costs and talent-pool matches. Scope (owner or SUPERADMIN, per x-platform) is checked in
// services/hire; anything outside it is a 404.
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { auditExport } from '../../../services/hire/audit-export.js';
import { jobBoard } from '../../../services/hire/board.js';
import { searchCandidates } from '../../../services/hire/candidate-search.js';
import { candidateFile } from '../../../services/hire/candidate-view.js';
import { applicationCosts, jobCosts } from '../../../services/hire/costs.js';
import type { RecruiterScope } from '../../../services/hire/job-access.js';
import { listTalentPoolMatches } from '../../../services/hire/talent-pool-matches.js';
import { csvDownload } from '../../csv-stream.js';
import type { AppEnv } from '../../deps.js';
import type {
  applicationCostsRoute,
  auditExportRoute,
  boardRoute,
  candidateFileRoute,
  jobCostsRoute,
  listCandidatesRoute,
  talentPoolMatchesRoute,
} from './hire-board.routes.js';

const recruiter = (c: Context<AppEnv>): RecruiterScope => ({ actor: c.get('auth')!, platform: c.get('platform') });

export const boardHandler: RouteHandler<typeof boardRoute, AppEnv> = async (c) => {
  const board = await jobBoard(c.get('deps'), recruiter(c), c.req.valid('param').id);
  return c.json(
    {
      ...board,
      asOf: board.asOf.toISOString(),
      stages: board.stages.map((s) => ({ ...s, oldestSince: s.oldestSince?.toISOString() ?? null })),
    },
    200,
  );
};

export const listCandidatesHandler: RouteHandler<typeof listCandidatesRoute, AppEnv> = async (c) => {
  const { items, nextCursor } = await searchCandidates(c.get('deps'), recruiter(c), c.req.valid('param').id, c.req.valid('query'));
  return c.json(
    { items: items.map((i) => ({ ...i, statusChangedAt: i.statusChangedAt.toISOString(), heldAt: i.heldAt?.toISOString() ?? null })), nextCursor },
    200,
  );
};

export const candidateFileHandler: RouteHandler<typeof candidateFileRoute, AppEnv> = async (c) => {
  const file = await candidateFile(c.get('deps'), recruiter(c), c.req.valid('param').id, { includeText: c.req.valid('query').include === 'text', resumes: c.get('deps').resumes });
  return c.json(file, 200);
};

export const auditExportHandler: RouteHandler<typeof auditExportRoute, AppEnv> = async (c) => {
  const { filename, chunks } = await auditExport(c.get('deps'), recruiter(c), c.req.valid('param').id);
  return csvDownload(c, chunks, filename, 'audit export');
};

export const jobCostsHandler: RouteHandler<typeof jobCostsRoute, AppEnv> = async (c) => {
  return c.json(await jobCosts(c.get('deps'), recruiter(c), c.req.valid('param').id), 200);
};

export const applicationCostsHandler: RouteHandler<typeof applicationCostsRoute, AppEnv> = async (c) => {
  return c.json(await applicationCosts(c.get('deps'), recruiter(c), c.req.valid('param').id), 200);
};

export const talentPoolMatchesHandler: RouteHandler<typeof talentPoolMatchesRoute, AppEnv> = async (c) => {
  return c.json(await listTalentPoolMatches(c.get('deps'), recruiter(c), c.req.valid('param').id, c.req.valid('query')), 200);
};
