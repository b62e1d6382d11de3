// pipeline_cost_ledger writes: one row per external call, keyed so that a retried activity or a
// replayed step never books a call twice (the key is unique; a second insert is skipped).
import type { Db } from '../../infra/prisma.js';
import type { CostProvider, CostStage, Prisma } from '../../prisma/generated/client.js';
import { llmCostMicroUsd, microUsdToPaise } from '../../domain/hire/pricing.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface CostEntry {
  idempotencyKey: string;
  stage: CostStage;
  provider: CostProvider;
  model?: string | null;
  tokensIn?: number;
  tokensOut?: number;
  units?: number | null;
  unitType?: string | null;
  costMicroUsd: number;
  jobApplicationId: string;
  jobPostId: string;
  providerRequestId?: string | null;
  metadata?: Prisma.InputJsonObject;
}

export async function recordCost(db: Db | Tx, entry: CostEntry): Promise<void> {
  await db.pipelineCostLedger.createMany({
    data: [
      {
        idempotencyKey: entry.idempotencyKey,
        stage: entry.stage,
        provider: entry.provider,
        model: entry.model ?? null,
        tokensIn: entry.tokensIn ?? 0,
        tokensOut: entry.tokensOut ?? 0,
        units: entry.units ?? null,
        unitType: entry.unitType ?? null,
        costMicroUsd: entry.costMicroUsd,
        costPaise: microUsdToPaise(entry.costMicroUsd),
        jobApplicationId: entry.jobApplicationId,
        jobPostId: entry.jobPostId,
        providerRequestId: entry.providerRequestId ?? null,
        ...(entry.metadata ? { metadata: entry.metadata } : {}),
      },
    ],
    skipDuplicates: true,
  });
}

export function llmCost(key: string, stage: CostStage, ids: { jobApplicationId: string; jobPostId: string }, call: { model: string; requestId: string; usage: { promptTokens: number; completionTokens: number } }, extra?: Prisma.InputJsonObject): CostEntry {
  return {
    idempotencyKey: key,
    stage,
    provider: 'OPENAI',
    model: call.model,
    tokensIn: call.usage.promptTokens,
    tokensOut: call.usage.completionTokens,
    costMicroUsd: llmCostMicroUsd(call.model, call.usage.promptTokens, call.usage.completionTokens),
    providerRequestId: call.requestId,
    ...ids,
    ...(extra ? { metadata: extra } : {}),
  };
}
