// Re-seals every stored Google token pair under the active KEK of the user-secrets keyring (the
// LLM keys' KEKs), so an old KEK can be retired; run by `npm run llm-keys:reseal` with the LLM
// keys and WhatsApp tokens, with the rules of services/ai/reseal-rows.ts. The access token is the
// row's checked secret; the refresh token moves with it in the same conditional write (one keyId
// per row). A row whose refresh token does not open is left as it is and logged (counted skipped).
import { llmKeyring } from '../ai/llm-keys.js';
import { resealRows, type ResealResult } from '../ai/reseal-rows.js';
import { googleTokenContext, type GoogleDeps } from './google-connection.js';

export async function resealGoogleTokens(deps: Pick<GoogleDeps, 'db' | 'logger' | 'llmKeys'>, opts: { batchSize?: number; userId?: string } = {}): Promise<ResealResult> {
  const ring = llmKeyring({ llmKeys: deps.llmKeys });
  return resealRows({
    ring,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    logger: deps.logger,
    label: 'google tokens',
    load: async ({ activeKekId, after, take }) => {
      const rows = await deps.db.googleAuthToken.findMany({
        where: { keyId: { not: activeKekId }, ...(opts.userId ? { userId: opts.userId } : {}), ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, userId: true, accessTokenCiphertext: true, iv: true, accessTokenAuthTag: true, refreshTokenCiphertext: true, refreshTokenIv: true, refreshTokenAuthTag: true, keyId: true },
        orderBy: { id: 'asc' },
        take,
      });
      return rows.map((r) => ({
        id: r.id,
        userId: r.userId,
        encryptionKeyId: r.keyId,
        sealed: { ciphertext: r.accessTokenCiphertext, iv: r.iv, authTag: r.accessTokenAuthTag ?? '' },
        context: googleTokenContext(r.userId, 'access'),
        refresh: r.refreshTokenCiphertext && r.refreshTokenIv && r.refreshTokenAuthTag ? { ciphertext: r.refreshTokenCiphertext, iv: r.refreshTokenIv, authTag: r.refreshTokenAuthTag } : null,
      }));
    },
    write: async (row, sealed) => {
      let refresh = null;
      if (row.refresh) {
        try {
          refresh = ring.seal(ring.open(row.refresh, row.encryptionKeyId, googleTokenContext(row.userId, 'refresh')), googleTokenContext(row.userId, 'refresh'));
        } catch {
          deps.logger.error({ googleAuthTokenId: row.id, kek: row.encryptionKeyId }, 'google refresh token does not open; row left as it is');
          return false;
        }
      }
      const { count } = await deps.db.googleAuthToken.updateMany({
        where: { id: row.id, keyId: row.encryptionKeyId, accessTokenCiphertext: row.sealed.ciphertext },
        data: {
          accessTokenCiphertext: sealed.ciphertext,
          iv: sealed.iv,
          accessTokenAuthTag: sealed.authTag,
          keyId: sealed.keyId,
          ...(refresh ? { refreshTokenCiphertext: refresh.ciphertext, refreshTokenIv: refresh.iv, refreshTokenAuthTag: refresh.authTag } : {}),
        },
      });
      return count === 1;
    },
  });
}
