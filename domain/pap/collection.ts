// What a PAP agreement's collection owes and when (pure): the agreement's terms on the verified
// CTC, split into instalments. Amounts are INR paise with GST included, as every fee here.
const DAY_MS = 24 * 3600 * 1000;

export interface PapTerms {
  /** A fixed fee payable after placement. */
  papFeePaise: number | null;
  /** Or a share of the first-year CTC, e.g. 12.5 (two decimals). */
  papFeePercent: number | null;
}

/** The largest amount one agreement can owe (the payments' Int column). */
export const MAX_COLLECTION_PAISE = 2_000_000_000;
/** Each instalment is at least Rs. 100. */
export const MIN_INSTALMENT_PAISE = 10_000;
export const MAX_INSTALMENTS = 24;

/**
 * What is owed after placement: nothing under the upfront option (already paid), the fixed fee,
 * or the percentage of the verified CTC rounded to the paisa; null when the terms state neither.
 */
export function papAmountOwedPaise(option: 'UPFRONT' | 'PAP' | null, terms: PapTerms, ctcPaise: number): number | null {
  if (option === 'UPFRONT') return 0;
  if (terms.papFeePaise !== null && terms.papFeePaise > 0) return terms.papFeePaise;
  if (terms.papFeePercent !== null && terms.papFeePercent > 0) {
    const hundredths = Math.round(terms.papFeePercent * 100);
    return Math.round((ctcPaise * hundredths) / 10_000);
  }
  return null;
}

export interface InstalmentPlan {
  seq: number;
  amountPaise: number;
  dueAt: Date;
}

/**
 * Splits `totalPaise` into `count` instalments, the first due at `firstDueAt` and the rest every
 * `intervalDays` after; equal parts, the odd paise on the first ones, so the sum is exact.
 */
export function splitInstalments(totalPaise: number, count: number, firstDueAt: Date, intervalDays: number): InstalmentPlan[] {
  if (!Number.isSafeInteger(totalPaise) || totalPaise <= 0) throw new RangeError('The total must be a positive number of paise');
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTALMENTS) throw new RangeError(`1 to ${MAX_INSTALMENTS} instalments`);
  const base = Math.floor(totalPaise / count);
  const extra = totalPaise - base * count;
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    amountPaise: base + (i < extra ? 1 : 0),
    dueAt: new Date(firstDueAt.getTime() + i * intervalDays * DAY_MS),
  }));
}

/** Why a plan cannot be made, or null. */
export function collectionPlanProblem(totalPaise: number, count: number): string | null {
  if (totalPaise > MAX_COLLECTION_PAISE) return `The amount owed (${totalPaise} paise) is above the ${MAX_COLLECTION_PAISE} paise an agreement can collect`;
  if (Math.floor(totalPaise / count) < MIN_INSTALMENT_PAISE) return `${count} instalments of ${totalPaise} paise would be under Rs. ${MIN_INSTALMENT_PAISE / 100} each; choose fewer`;
  return null;
}
