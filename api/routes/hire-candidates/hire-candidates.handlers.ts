// Recruiter moves on a candidate. HTTP only: the rules and the Workflow Updates are in
// services/hire/recruiter-actions.ts.
import type { RouteHandler } from '@hono/zod-openapi';
import type { CandidateStatus } from '../../../domain/candidate/status.js';
import { moveCandidate, type CandidateMove } from '../../../services/hire/recruiter-actions.js';
import type { AuthContext, ServiceDeps } from '../../../services/deps.js';
import type { AppEnv } from '../../deps.js';
import { bulkRejectProgress, startBulkReject } from '../../../services/hire/bulk-reject.js';
import { createCampaign, getCampaign } from '../../../services/hire/ai-call-campaigns.js';
import type { advanceRoute, bulkRejectProgressRoute, bulkRejectRoute, createCampaignRoute, getCampaignRoute, holdRoute, overrideRoute, rejectRoute, releaseRoute } from './hire-candidates.routes.js';

const run = (v: { deps: ServiceDeps; auth?: AuthContext; platform: string }, id: string, m: CandidateMove) => moveCandidate(v.deps, { actor: v.auth!, platform: v.platform }, id, m);

export const advanceHandler: RouteHandler<typeof advanceRoute, AppEnv> = async (c) => {
  const b = c.req.valid('json');
  return c.json(await run(c.var, c.req.valid('param').id, { kind: 'advance', to: b.to as CandidateStatus, note: b.note }), 200);
};
export const rejectHandler: RouteHandler<typeof rejectRoute, AppEnv> = async (c) => {
  const b = c.req.valid('json');
  return c.json(await run(c.var, c.req.valid('param').id, { kind: 'reject', code: b.code, note: b.note }), 200);
};
export const holdHandler: RouteHandler<typeof holdRoute, AppEnv> = async (c) => c.json(await run(c.var, c.req.valid('param').id, { kind: 'hold', note: c.req.valid('json').note }), 200);
export const releaseHandler: RouteHandler<typeof releaseRoute, AppEnv> = async (c) => c.json(await run(c.var, c.req.valid('param').id, { kind: 'release' }), 200);
export const overrideHandler: RouteHandler<typeof overrideRoute, AppEnv> = async (c) => {
  const b = c.req.valid('json');
  return c.json(await run(c.var, c.req.valid('param').id, { kind: 'override', verdict: b.verdict, reason: b.reason }), 200);
};

export const bulkRejectHandler: RouteHandler<typeof bulkRejectRoute, AppEnv> = async (c) =>
  c.json(await startBulkReject(c.get('deps'), { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').id, c.req.valid('json')), 202);
export const bulkRejectProgressHandler: RouteHandler<typeof bulkRejectProgressRoute, AppEnv> = async (c) =>
  c.json(await bulkRejectProgress(c.get('deps'), { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').operationId), 200);

export const createCampaignHandler: RouteHandler<typeof createCampaignRoute, AppEnv> = async (c) => {
  const d = c.get('deps');
  const started = await createCampaign({ db: d.db, temporal: d.temporal, aiCallsTaskQueue: d.config.aiCallsTaskQueue ?? `${d.config.taskQueue}-ai-calls` }, { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').id, c.req.valid('json'));
  return c.json(started, 202);
};
export const getCampaignHandler: RouteHandler<typeof getCampaignRoute, AppEnv> = async (c) => {
  const { batch, calls } = await getCampaign(c.get('deps').db, { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').batchId);
  return c.json(
    {
      batchId: batch.id,
      jobPostId: batch.jobPostId,
      name: batch.name,
      status: batch.status,
      totalCalls: batch.totalCalls,
      completedCalls: batch.completedCalls,
      failedCalls: batch.failedCalls,
      createdAt: batch.createdAt.toISOString(),
      calls: calls.map((k) => ({ id: k.id, jobApplicationId: k.jobApplicationId, status: k.status, durationSeconds: k.durationSeconds, summary: k.summary, outcome: k.outcome, errorMessage: k.errorMessage })),
    },
    200,
  );
};
