// Re-seals every stored LLM key under the active KEK, batch by batch (keyset on id), so an old
// KEK can be retired. Idempotent: a row already under the active KEK is not selected, and each
// update is conditional on the ciphertext it read, so a key the user replaced meanwhile is left
// alone. A row whose KEK is not configured is reported, never dropped.
import { llmKeyContext } from '../../domain/ai/llm-keys.js';
import { llmKeyring, type LlmKeysDeps } from './llm-keys.js';

export interface ResealResult {
  activeKekId: string;
  /** Rows read that were under another KEK. */
  scanned: number;
  resealed: number;
  /** Changed by someone else between read and write (already sealed afresh). */
  skipped: number;
  failed: { id: string; encryptionKeyId: string; reason: 'kek not configured' | 'does not open' }[];
  batches: number;
}

export async function resealLlmKeys(deps: LlmKeysDeps, opts: { batchSize?: number; userId?: string } = {}): Promise<ResealResult> {
  const ring = llmKeyring(deps.config);
  const batchSize = opts.batchSize ?? 100;
  const result: ResealResult = { activeKekId: ring.activeId, scanned: 0, resealed: 0, skipped: 0, failed: [], batches: 0 };
  let after: string | undefined;
  for (;;) {
    const rows = await deps.db.userLlmKey.findMany({
      where: { isActive: true, encryptionKeyId: { not: ring.activeId }, ...(opts.userId ? { userId: opts.userId } : {}), ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, userId: true, provider: true, keyCiphertext: true, keyIv: true, keyAuthTag: true, encryptionKeyId: true },
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
      const context = llmKeyContext(row.userId, row.provider);
      let sealed;
      try {
        sealed = ring.seal(ring.open({ ciphertext: row.keyCiphertext, iv: row.keyIv, authTag: row.keyAuthTag ?? '' }, row.encryptionKeyId, context), context);
      } catch {
        result.failed.push({ id: row.id, encryptionKeyId: row.encryptionKeyId, reason: 'does not open' });
        continue;
      }
      const { count } = await deps.db.userLlmKey.updateMany({
        where: { id: row.id, encryptionKeyId: row.encryptionKeyId, keyCiphertext: row.keyCiphertext },
        data: { keyCiphertext: sealed.ciphertext, keyIv: sealed.iv, keyAuthTag: sealed.authTag, encryptionKeyId: sealed.keyId },
      });
      if (count === 1) result.resealed++;
      else result.skipped++;
    }
    after = rows.at(-1)!.id;
    deps.logger.info({ batch: result.batches, scanned: result.scanned, resealed: result.resealed, failed: result.failed.length }, 'llm keys reseal batch');
    if (rows.length < batchSize) break;
  }
  return result;
}
