// What the AI pipeline cost, from superadmin.pipeline_cost_ledger: totals (calls, tokens, paise,
// micro-USD) for a job or one candidate, overall and by stage and by provider, in one
// GROUPING SETS query.
import { Prisma } from '../../prisma/generated/client.js';
import type { CostProvider, CostStage } from '../../prisma/generated/enums.js';
import type { ServiceDeps } from '../deps.js';
import { applicationForRecruiter, jobForRecruiter, type RecruiterScope } from './job-access.js';

export interface CostTotals {
  calls: number;
  tokensIn: number;
  tokensOut: number;
  costPaise: number;
  costMicroUsd: number;
}

export interface CostReport {
  scope: { jobPostId: string; jobApplicationId: string | null };
  total: CostTotals;
  byStage: (CostTotals & { stage: CostStage })[];
  byProvider: (CostTotals & { provider: CostProvider })[];
}

interface Row {
  stage: CostStage | null;
  provider: CostProvider | null;
  by_stage: number;
  by_provider: number;
  calls: bigint;
  tokens_in: bigint;
  tokens_out: bigint;
  cost_paise: bigint;
  cost_micro_usd: bigint;
}

const ZERO: CostTotals = { calls: 0, tokensIn: 0, tokensOut: 0, costPaise: 0, costMicroUsd: 0 };

async function costs(db: ServiceDeps['db'], where: Prisma.Sql, scope: CostReport['scope']): Promise<CostReport> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT l."stage"::text AS "stage", l."provider"::text AS "provider",
           GROUPING(l."stage")::int AS "by_stage", GROUPING(l."provider")::int AS "by_provider",
           count(*)::bigint AS "calls",
           COALESCE(sum(l."tokensIn"), 0)::bigint AS "tokens_in",
           COALESCE(sum(l."tokensOut"), 0)::bigint AS "tokens_out",
           COALESCE(sum(l."costPaise"), 0)::bigint AS "cost_paise",
           COALESCE(sum(l."costMicroUsd"), 0)::bigint AS "cost_micro_usd"
      FROM "superadmin"."pipeline_cost_ledger" l
     WHERE ${where}
     GROUP BY GROUPING SETS ((), (l."stage"), (l."provider"))`;
  const totals = (r: Row): CostTotals => ({
    calls: Number(r.calls),
    tokensIn: Number(r.tokens_in),
    tokensOut: Number(r.tokens_out),
    costPaise: Number(r.cost_paise),
    costMicroUsd: Number(r.cost_micro_usd),
  });
  const report: CostReport = { scope, total: { ...ZERO }, byStage: [], byProvider: [] };
  for (const r of rows) {
    // GROUPING() is 1 for a column rolled up in that row's set: (1,1) is the grand total.
    if (r.by_stage === 1 && r.by_provider === 1) report.total = totals(r);
    else if (r.by_stage === 0) report.byStage.push({ stage: r.stage!, ...totals(r) });
    else report.byProvider.push({ provider: r.provider!, ...totals(r) });
  }
  report.byStage.sort((a, b) => b.costPaise - a.costPaise || a.stage.localeCompare(b.stage));
  report.byProvider.sort((a, b) => b.costPaise - a.costPaise || a.provider.localeCompare(b.provider));
  return report;
}

/** A job's costs: rows booked to the job, or to one of its candidates. */
export async function jobCosts(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, jobPostId: string): Promise<CostReport> {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true });
  const where = Prisma.sql`(l."jobPostId" = ${job.id}::uuid OR (l."jobPostId" IS NULL AND l."jobApplicationId" IN (
      SELECT a."id" FROM "public"."job_applications" a WHERE a."jobPostId" = ${job.id}::uuid)))`;
  return costs(deps.db, where, { jobPostId: job.id, jobApplicationId: null });
}

export async function applicationCosts(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, jobApplicationId: string): Promise<CostReport> {
  const app = await applicationForRecruiter(deps.db, scope, jobApplicationId);
  return costs(deps.db, Prisma.sql`l."jobApplicationId" = ${app.id}::uuid`, { jobPostId: app.jobPostId, jobApplicationId: app.id });
}
