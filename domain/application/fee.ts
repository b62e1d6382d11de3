// What a program application owes: the fee snapshot less the approved discount, never below zero.
export interface ApplicationFee {
  feePaise: number | null;
  discountPaise: number;
}

export function amountDuePaise({ feePaise, discountPaise }: ApplicationFee): number {
  return Math.max(0, (feePaise ?? 0) - discountPaise);
}

/** Batch fees are rupees in a decimal column (the seed's); applications snapshot them in paise. */
export function rupeesToPaise(rupees: { toString(): string } | string | number): number {
  const [whole = '0', frac = ''] = String(rupees).split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number.parseInt(whole, 10)) * 100 + Number.parseInt((frac + '00').slice(0, 2), 10));
}
