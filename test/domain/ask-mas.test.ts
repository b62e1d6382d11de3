// Ask MAS rules: model prices (exact, dated-id prefix, fallback), the cost in whole paise, the
// budget per role, and the IST budget month with its reset instant; the status list mirrors the
// Prisma enum.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as enums from '../../prisma/generated/enums.js';
import {
  ASK_MAS_STATUSES,
  budgetFor,
  budgetMonth,
  costPaise,
  decideBudget,
  DEFAULT_MODEL_PRICES,
  DEFAULT_MONTHLY_BUDGET,
  ModelPricesSchema,
  MonthlyBudgetSchema,
  priceOf,
} from '../../domain/ai/ask-mas.js';
import { SYSTEM_CONFIG } from '../../domain/system-config/keys.js';

describe('prices and cost', () => {
  it('a model takes its own price, a dated id its longest listed prefix, anything else the fallback', () => {
    expect(priceOf(DEFAULT_MODEL_PRICES, 'gpt-4o-mini')).toEqual(DEFAULT_MODEL_PRICES.models['gpt-4o-mini']);
    expect(priceOf(DEFAULT_MODEL_PRICES, 'gpt-4o-mini-2024-07-18')).toEqual(DEFAULT_MODEL_PRICES.models['gpt-4o-mini']);
    expect(priceOf(DEFAULT_MODEL_PRICES, 'gpt-4o-2024-08-06')).toEqual(DEFAULT_MODEL_PRICES.models['gpt-4o']);
    expect(priceOf(DEFAULT_MODEL_PRICES, 'llama-3.1-8b')).toEqual(DEFAULT_MODEL_PRICES.fallback);
  });

  it('costs whole paise from both token counts, rounded up, float noise aside', () => {
    const price = { promptPaisePer1k: 10, completionPaisePer1k: 40 };
    expect(costPaise(price, { promptTokens: 1000, completionTokens: 500 })).toBe(30);
    expect(costPaise(price, { promptTokens: 1, completionTokens: 0 })).toBe(1);
    expect(costPaise(price, { promptTokens: 0, completionTokens: 0 })).toBe(0);
    expect(costPaise({ promptPaisePer1k: 0.1, completionPaisePer1k: 0.2 }, { promptTokens: 1000, completionTokens: 1000 })).toBe(1);
  });

  it('cost never decreases with more tokens and never undercounts the exact figure', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), fc.nat(1_000), (p, c, extra) => {
        const price = DEFAULT_MODEL_PRICES.models['gpt-4o-mini']!;
        const a = costPaise(price, { promptTokens: p, completionTokens: c });
        expect(a).toBeGreaterThanOrEqual((p * price.promptPaisePer1k + c * price.completionPaisePer1k) / 1000 - 1e-6);
        expect(costPaise(price, { promptTokens: p + extra, completionTokens: c })).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('the defaults are valid system config', () => {
    expect(ModelPricesSchema.parse(DEFAULT_MODEL_PRICES)).toEqual(DEFAULT_MODEL_PRICES);
    expect(MonthlyBudgetSchema.parse(DEFAULT_MONTHLY_BUDGET)).toEqual(DEFAULT_MONTHLY_BUDGET);
    for (const key of ['ai.askMas.modelPrices', 'ai.askMas.monthlyBudgetPaise', 'ai.askMas.rateLimit'] as const) {
      expect(SYSTEM_CONFIG[key].schema.safeParse(SYSTEM_CONFIG[key].default).success).toBe(true);
    }
    expect(ModelPricesSchema.safeParse({ models: {}, fallback: { promptPaisePer1k: -1, completionPaisePer1k: 0 } }).success).toBe(false);
  });
});

describe('budget', () => {
  it('per role, with default for a role not listed', () => {
    expect(budgetFor({ default: 100, USER: 10 }, 'USER')).toBe(10);
    expect(budgetFor({ default: 100, USER: 10 }, 'EXPERT')).toBe(100);
  });

  it('refuses once spending reaches the budget, with the next IST month as the reset', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(decideBudget(100, 99, now)).toEqual({ allowed: true, remainingPaise: 1 });
    expect(decideBudget(100, 100, now)).toEqual({ allowed: false, budgetPaise: 100, spentPaise: 100, resetAt: new Date('2026-12-31T18:30:00Z') });
    expect(decideBudget(0, 0, now).allowed).toBe(false);
  });

  it('the month is the IST calendar month: 1 Jan 00:00 IST is still 31 Dec in UTC', () => {
    expect(budgetMonth(new Date('2026-12-31T18:29:59.999Z'))).toEqual({ start: new Date('2026-11-30T18:30:00Z'), resetAt: new Date('2026-12-31T18:30:00Z'), month: '2026-12' });
    expect(budgetMonth(new Date('2026-12-31T18:30:00Z'))).toEqual({ start: new Date('2026-12-31T18:30:00Z'), resetAt: new Date('2027-01-31T18:30:00Z'), month: '2027-01' });
    expect(budgetMonth(new Date('2028-02-15T00:00:00Z')).resetAt).toEqual(new Date('2028-02-29T18:30:00Z'));
  });

  it('every instant lies in [start, resetAt) of its month', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        const m = budgetMonth(d);
        expect(m.start.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(m.resetAt.getTime()).toBeGreaterThan(d.getTime());
        expect(budgetMonth(m.start)).toEqual(m);
      }),
    );
  });
});

it('the statuses mirror the Prisma enum AskMasLogStatus', () => {
  expect([...ASK_MAS_STATUSES].sort()).toEqual(Object.values(enums.AskMasLogStatus).sort());
});
