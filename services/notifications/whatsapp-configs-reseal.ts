// Re-seals every stored WhatsApp config token under the active KEK of the user-secrets keyring
// (the LLM keys' KEKs), so an old KEK can be retired; run by `npm run llm-keys:reseal` together
// with the LLM keys, with the rules of services/ai/reseal-rows.ts. Revoked rows (no ciphertext)
// are skipped.
import { resealRows, type ResealResult } from '../ai/reseal-rows.js';
import { whatsappConfigKeyring, whatsappTokenContext, type WhatsAppConfigDeps } from './whatsapp-configs.js';

export async function resealWhatsAppConfigs(deps: Pick<WhatsAppConfigDeps, 'db' | 'logger' | 'config'>, opts: { batchSize?: number; userId?: string } = {}): Promise<ResealResult> {
  return resealRows({
    ring: whatsappConfigKeyring(deps.config),
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    logger: deps.logger,
    label: 'whatsapp configs',
    load: async ({ activeKekId, after, take }) => {
      const rows = await deps.db.whatsAppConfig.findMany({
        where: { accessTokenCiphertext: { not: '' }, encryptionKeyId: { not: activeKekId }, ...(opts.userId ? { userId: opts.userId } : {}), ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, userId: true, phoneNumberId: true, accessTokenCiphertext: true, accessTokenIv: true, accessTokenAuthTag: true, encryptionKeyId: true },
        orderBy: { id: 'asc' },
        take,
      });
      return rows.map((r) => ({
        id: r.id,
        encryptionKeyId: r.encryptionKeyId,
        sealed: { ciphertext: r.accessTokenCiphertext, iv: r.accessTokenIv, authTag: r.accessTokenAuthTag ?? '' },
        context: whatsappTokenContext(r.userId, r.phoneNumberId),
      }));
    },
    write: async (row, sealed) => {
      const { count } = await deps.db.whatsAppConfig.updateMany({
        where: { id: row.id, encryptionKeyId: row.encryptionKeyId, accessTokenCiphertext: row.sealed.ciphertext },
        data: { accessTokenCiphertext: sealed.ciphertext, accessTokenIv: sealed.iv, accessTokenAuthTag: sealed.authTag, encryptionKeyId: sealed.keyId },
      });
      return count === 1;
    },
  });
}
