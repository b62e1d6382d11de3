// One LLM question of the pipeline: ask for JSON matching the prompt's strict schema, check the
// answer with zod, and hand back what the audit trail needs (model, prompt version, input hash,
// raw output). A bad answer (unparseable, off-schema) has its cost booked at once and throws a
// retryable LlmOutputError; a refusal throws LlmRefusedError (retrying will not change a refusal).
import { createHash } from 'node:crypto';
import type { AiPrompt } from '../../domain/hire/ai-prompts.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { CostStage } from '../../prisma/generated/client.js';
import type { LlmJsonResult, LlmProvider } from '../../providers/llm/interface.js';
import { llmCost, recordCost, type CostEntry } from './cost-ledger.js';

export class LlmOutputError extends Error {
  override readonly name = 'LlmOutputError';
}
export class LlmRefusedError extends Error {
  override readonly name = 'LlmRefusedError';
}

export interface LlmAnswer<T> {
  value: T;
  raw: string;
  model: string;
  promptVersion: string;
  inputHash: string;
  /** Book it in the same transaction as the verdict. */
  cost: CostEntry;
}

export interface AskContext {
  /** The step's idempotency key (workflow id / activity id): the verdict and its cost share it. */
  key: string;
  /** The activity attempt, so a bad answer of each attempt is booked once. */
  attempt: number;
  stage: CostStage;
  jobApplicationId: string;
  jobPostId: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function askLlm<T>(deps: { db: Db; llm: LlmProvider; logger: Logger }, prompt: AiPrompt<T>, user: string, ctx: AskContext): Promise<LlmAnswer<T>> {
  const model = deps.llm.defaultModel;
  const inputHash = sha256(JSON.stringify([prompt.version, model, prompt.system, user]));
  const result: LlmJsonResult = await deps.llm.completeJson({ model, system: prompt.system, user, schemaName: prompt.name, schema: prompt.jsonSchema });
  const ids = { jobApplicationId: ctx.jobApplicationId, jobPostId: ctx.jobPostId };
  const cost = llmCost(ctx.key, ctx.stage, ids, result, { prompt: prompt.version });
  const bad = async (why: string, Err: typeof LlmOutputError | typeof LlmRefusedError) => {
    await recordCost(deps.db, { ...cost, idempotencyKey: `${ctx.key}#${ctx.attempt}`, metadata: { prompt: prompt.version, rejected: why.slice(0, 200) } });
    deps.logger.warn({ jobApplicationId: ctx.jobApplicationId, prompt: prompt.version, why }, 'LLM answer refused by the pipeline');
    return new Err(`${prompt.name}: ${why}`);
  };
  if (result.content === null) throw await bad(`refused: ${(result.refusal ?? 'no content').slice(0, 300)}`, LlmRefusedError);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.content);
  } catch {
    throw await bad('the answer is not JSON', LlmOutputError);
  }
  const checked = prompt.zod.safeParse(parsed);
  if (!checked.success) throw await bad(`the answer does not match the schema (${checked.error.issues[0]?.path.join('.') ?? '?'}: ${checked.error.issues[0]?.message ?? ''})`, LlmOutputError);
  return { value: checked.data, raw: result.content, model: result.model, promptVersion: prompt.version, inputHash, cost };
}
