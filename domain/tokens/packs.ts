// Token packs for sale. Prices are integer paise, GST-inclusive.
export const TOKEN_PACKS = {
  starter: { tokens: 5, amountPaise: 49_900 },
  pro: { tokens: 12, amountPaise: 99_900 },
  max: { tokens: 30, amountPaise: 199_900 },
} as const;

export type TokenPackId = keyof typeof TOKEN_PACKS;

/** Price of a custom amount of tokens (no pack). */
export const PRICE_PER_TOKEN_PAISE = 10_000;

export function quote(input: { packId?: TokenPackId | undefined; tokens?: number | undefined }): { tokens: number; amountPaise: number; packId: TokenPackId | null } {
  if (input.packId) return { ...TOKEN_PACKS[input.packId], packId: input.packId };
  const tokens = input.tokens ?? 0;
  if (!Number.isSafeInteger(tokens) || tokens < 1) throw new RangeError('tokens must be a positive integer');
  return { tokens, amountPaise: tokens * PRICE_PER_TOKEN_PAISE, packId: null };
}
