// Token packs for sale. Prices are integer paise, GST-inclusive. The catalogue lives in system
// config (tokens.packs, default below), so marketing changes a price without a deploy; a
// custom amount of tokens is priced per token.
import { z } from 'zod';
import { DomainError } from '../errors.js';

export const TokenPackSchema = z.object({ tokens: z.number().int().min(1).max(1000), amountPaise: z.number().int().min(100).max(10_000_000), label: z.string().trim().min(1).max(60).optional() }).strict();
export const TokenPacksSchema = z
  .record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/), TokenPackSchema)
  .refine((p) => Object.keys(p).length >= 1 && Object.keys(p).length <= 20, { message: 'Between 1 and 20 packs' });
export type TokenPacks = z.infer<typeof TokenPacksSchema>;

export const DEFAULT_TOKEN_PACKS: TokenPacks = {
  starter: { tokens: 5, amountPaise: 49_900 },
  pro: { tokens: 12, amountPaise: 99_900 },
  max: { tokens: 30, amountPaise: 199_900 },
};

/** Price of a custom amount of tokens (no pack). */
export const PRICE_PER_TOKEN_PAISE = 10_000;

export function quote(packs: TokenPacks, input: { packId?: string | undefined; tokens?: number | undefined }): { tokens: number; amountPaise: number; packId: string | null } {
  if (input.packId) {
    const pack = Object.hasOwn(packs, input.packId) ? packs[input.packId] : undefined;
    if (!pack) throw new DomainError('UNPROCESSABLE', `No token pack "${input.packId}"`, [{ path: 'json.packId', message: 'Not in the pack catalogue (GET /api/tokens/packs)' }]);
    return { tokens: pack.tokens, amountPaise: pack.amountPaise, packId: input.packId };
  }
  const tokens = input.tokens ?? 0;
  if (!Number.isSafeInteger(tokens) || tokens < 1) throw new RangeError('tokens must be a positive integer');
  return { tokens, amountPaise: tokens * PRICE_PER_TOKEN_PAISE, packId: null };
}
