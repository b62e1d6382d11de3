// Re-seals every stored WhatsApp config token under the active KEK of the user-secrets keyring
// (the LLM keys' KEKs), batch by batch (keyset on id), so an old KEK can be retired; run by
// `npm run llm-keys:reseal` together with the LLM keys. Same rules as
// services/ai/llm-keys-reseal.ts: idempotent, conditional on the ciphertext read, and a row whose
// KEK is not configured is reported, never dropped. Revoked rows (no ciphertext) are skipped.
import type { ResealResult } from '../ai/llm-keys-reseal.js';
import { whatsappConfigKeyring, whatsappTokenContext, type WhatsAppConfigDeps } from './whatsapp-configs.js';

export async function resealWhatsAppConfigs(deps: Pick<WhatsAppConfigDeps, 'db' | 'logger' | 'config'>, opts: { batchSize?: number; userId?: string } = {}): Promise<ResealResult> {
  const ring = whatsappConfigKeyring(deps.config);
  const batchSize = opts.batchSize ?? 100;
  const result: ResealResult = { activeKekId: ring.activeId, scanned: 0, resealed: 0, skipped: 0, failed: [], batches: 0 };
  let after: string | undefined;
  for (;;) {
    const rows = await deps.db.whatsAppConfig.findMany({
      where: { accessTokenCiphertext: { not: '' }, encryptionKeyId: { not: ring.activeId }, ...(opts.userId ? { userId: opts.userId } : {}), ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, userId: true, phoneNumberId: true, accessTokenCiphertext: true, accessTokenIv: true, accessTokenAuthTag: true, encryptionKeyId: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) break;
    result.batches++;
    for (const row of rows) {
      result.scanned++;
      if (!ring.has(row.encryptionKeyId)) {
        result.failed.push({ id: row.id, encryptionKeyId: row.encryptionKeyId, reason: 'kek not configured' });
        continue;
      }
      const context = whatsappTokenContext(row.userId, row.phoneNumberId);
      let sealed;
      try {
        sealed = ring.seal(ring.open({ ciphertext: row.accessTokenCiphertext, iv: row.accessTokenIv, authTag: row.accessTokenAuthTag ?? '' }, row.encryptionKeyId, context), context);
      } catch {
        result.failed.push({ id: row.id, encryptionKeyId: row.encryptionKeyId, reason: 'does not open' });
        continue;
      }
      const { count } = await deps.db.whatsAppConfig.updateMany({
        where: { id: row.id, encryptionKeyId: row.encryptionKeyId, accessTokenCiphertext: row.accessTokenCiphertext },
        data: { accessTokenCiphertext: sealed.ciphertext, accessTokenIv: sealed.iv, accessTokenAuthTag: sealed.authTag, encryptionKeyId: sealed.keyId },
      });
      if (count === 1) result.resealed++;
      else result.skipped++;
    }
    after = rows.at(-1)!.id;
    deps.logger.info({ batch: result.batches, scanned: result.scanned, resealed: result.resealed, failed: result.failed.length }, 'whatsapp configs reseal batch');
    if (rows.length < batchSize) break;
  }
  return result;
}
