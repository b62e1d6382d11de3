// Ask MAS rules, pure: the price of a model's tokens and the cost of an exchange in paise, the
// platform key's monthly budget per role, and the budget month (a calendar month in IST,
// Asia/Kolkata, UTC+05:30 all year) with the instant it resets. The service reads the tunable
// values from system config (ai.askMas.*) and applies these.
import { z } from 'zod';
import type { Role } from '../auth/roles.js';

/** Mirrors the Prisma enum AskMasLogStatus (a test checks the two agree). */
export const ASK_MAS_STATUSES = ['STREAMING', 'SUCCESS', 'FAILED', 'ABORTED', 'BLOCKED'] as const;
export type AskMasStatus = (typeof ASK_MAS_STATUSES)[number];
/** A STREAMING row ends in one of these, once. */
export const ASK_MAS_FINAL: readonly AskMasStatus[] = ['SUCCESS', 'FAILED', 'ABORTED'];

export const MAX_QUESTION_CHARS = 4_000;

/** Paise per 1,000 tokens (fractions allowed: cheap models cost about a paisa per 1k). */
export const ModelPrice = z
  .object({
    promptPaisePer1k: z.number().min(0).max(1_000_000),
    completionPaisePer1k: z.number().min(0).max(1_000_000),
  })
  .strict();
export type ModelPrice = z.infer<typeof ModelPrice>;

export const ModelPricesSchema = z
  .object({
    /** By model id; a dated id (gpt-4o-mini-2024-07-18) takes the price of its longest listed prefix. */
    models: z.record(z.string().min(1).max(200), ModelPrice).refine((m) => Object.keys(m).length <= 200, 'at most 200 models'),
    /** A model not listed. */
    fallback: ModelPrice,
  })
  .strict();
export type ModelPrices = z.infer<typeof ModelPricesSchema>;

/** OpenAI's list prices at ₹84/US$ (gpt-4o-mini: $0.15 / $0.60 per 1M tokens). */
export const DEFAULT_MODEL_PRICES: ModelPrices = {
  models: {
    'gpt-4o-mini': { promptPaisePer1k: 1.26, completionPaisePer1k: 5.04 },
    'gpt-4o': { promptPaisePer1k: 21, completionPaisePer1k: 84 },
    'gpt-4.1-mini': { promptPaisePer1k: 3.36, completionPaisePer1k: 13.44 },
    'gpt-4.1': { promptPaisePer1k: 16.8, completionPaisePer1k: 67.2 },
  },
  fallback: { promptPaisePer1k: 21, completionPaisePer1k: 84 },
};

export function priceOf(prices: ModelPrices, model: string): ModelPrice {
  const exact = prices.models[model];
  if (exact) return exact;
  const prefix = Object.keys(prices.models)
    .filter((m) => model.startsWith(`${m}-`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? prices.models[prefix]! : prices.fallback;
}

/** Whole paise, rounded up: any usage costs at least a paisa, and a budget is never undercounted. */
export function costPaise(price: ModelPrice, usage: { promptTokens: number; completionTokens: number }): number {
  const exact = (usage.promptTokens * price.promptPaisePer1k + usage.completionTokens * price.completionPaisePer1k) / 1000;
  // Float noise (0.1 + 0.2) must not add a paisa.
  return Math.ceil(Math.round(exact * 1e6) / 1e6);
}

const paise = z.number().int().min(0).max(100_000_000);
/** Monthly platform-key budget in paise per role; `default` for a role not listed. 0 = no platform key. */
export const MonthlyBudgetSchema = z
  .object({ default: paise, USER: paise.optional(), EXPERT: paise.optional(), ADMIN: paise.optional(), SUPERADMIN: paise.optional(), SALES: paise.optional() })
  .strict();
export type MonthlyBudget = z.infer<typeof MonthlyBudgetSchema>;
export const DEFAULT_MONTHLY_BUDGET: MonthlyBudget = { default: 5_000, USER: 5_000, EXPERT: 10_000, SALES: 10_000, ADMIN: 50_000, SUPERADMIN: 50_000 };

export const budgetFor = (budget: MonthlyBudget, role: Role): number => budget[role] ?? budget.default;

export const AskRateLimitSchema = z.object({ limit: z.number().int().min(1).max(10_000), windowSeconds: z.number().int().min(1).max(86_400) }).strict();
export type AskRateLimit = z.infer<typeof AskRateLimitSchema>;
export const DEFAULT_ASK_RATE_LIMIT: AskRateLimit = { limit: 20, windowSeconds: 60 };

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** The IST calendar month `now` falls in: its first instant, the next month's (the reset), and "YYYY-MM". */
export function budgetMonth(now: Date): { start: Date; resetAt: Date; month: string } {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  const y = ist.getUTCFullYear();
  const m = ist.getUTCMonth();
  return {
    start: new Date(Date.UTC(y, m, 1) - IST_OFFSET_MS),
    resetAt: new Date(Date.UTC(y, m + 1, 1) - IST_OFFSET_MS),
    month: `${y}-${String(m + 1).padStart(2, '0')}`,
  };
}

export type BudgetDecision = { allowed: true; remainingPaise: number } | { allowed: false; budgetPaise: number; spentPaise: number; resetAt: Date };

/** Spending that has reached the budget refuses the next question (an exchange in flight may overshoot by its own cost). */
export function decideBudget(budgetPaise: number, spentPaise: number, now: Date): BudgetDecision {
  if (spentPaise < budgetPaise) return { allowed: true, remainingPaise: budgetPaise - spentPaise };
  return { allowed: false, budgetPaise, spentPaise, resetAt: budgetMonth(now).resetAt };
}
