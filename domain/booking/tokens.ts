// Token arithmetic for bookings and refunds. Pure, so it is property-tested on its own.
//
// Spending rule: promotional tokens go first (they are free to us and may lapse), then paid
// tokens. Refunds go back where the tokens came from, paid tokens first (they are money).

export interface Wallet {
  paid: number;
  promo: number;
}

export interface Split {
  fromPaid: number;
  fromPromo: number;
}

/** How a price is taken from a wallet, or null when the wallet cannot cover it. */
export function splitSpend(price: number, wallet: Wallet): Split | null {
  if (!Number.isSafeInteger(price) || price < 0) throw new RangeError('price must be a non-negative integer');
  if (wallet.paid + wallet.promo < price) return null;
  const fromPromo = Math.min(price, wallet.promo);
  return { fromPromo, fromPaid: price - fromPromo };
}

export interface CancellationPolicy {
  fullRefundHoursBefore: number;
  partialRefundPercent: number;
}

/** Tokens to refund when a booking is cancelled. A mentor's cancellation always refunds in full. */
export function refundTokens(opts: { price: number; by: 'mentor' | 'student' | 'admin'; slotStart: Date; now: Date; policy: CancellationPolicy }): number {
  if (opts.by !== 'student') return opts.price;
  const cutoff = opts.slotStart.getTime() - opts.policy.fullRefundHoursBefore * 3_600_000;
  if (opts.now.getTime() <= cutoff) return opts.price;
  return Math.floor((opts.price * opts.policy.partialRefundPercent) / 100);
}

/** Splits a refund over what was spent: paid tokens back first, then promotional. */
export function splitRefund(refund: number, spent: Split): Split {
  const fromPaid = Math.min(refund, spent.fromPaid);
  return { fromPaid, fromPromo: Math.min(refund - fromPaid, spent.fromPromo) };
}
