// Re-seals every stored LLM key under the active KEK (services/ai/reseal-rows.ts has the rules),
// so an old KEK can be retired.
import { llmKeyContext } from '../../domain/ai/llm-keys.js';
import { llmKeyring, type LlmKeysDeps } from './llm-keys.js';
import { resealRows, type ResealResult } from './reseal-rows.js';

export type { ResealResult };

export async function resealLlmKeys(deps: LlmKeysDeps, opts: { batchSize?: number; userId?: string } = {}): Promise<ResealResult> {
  return resealRows({
    ring: llmKeyring(deps.config),
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    logger: deps.logger,
    label: 'llm keys',
    load: async ({ activeKekId, after, take }) => {
      const rows = await deps.db.userLlmKey.findMany({
        where: { isActive: true, encryptionKeyId: { not: activeKekId }, ...(opts.userId ? { userId: opts.userId } : {}), ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, userId: true, provider: true, keyCiphertext: true, keyIv: true, keyAuthTag: true, encryptionKeyId: true },
        orderBy: { id: 'asc' },
        take,
      });
      return rows.map((r) => ({ id: r.id, encryptionKeyId: r.encryptionKeyId, sealed: { ciphertext: r.keyCiphertext, iv: r.keyIv, authTag: r.keyAuthTag ?? '' }, context: llmKeyContext(r.userId, r.provider) }));
    },
    write: async (row, sealed) => {
      const { count } = await deps.db.userLlmKey.updateMany({
        where: { id: row.id, encryptionKeyId: row.encryptionKeyId, keyCiphertext: row.sealed.ciphertext },
        data: { keyCiphertext: sealed.ciphertext, keyIv: sealed.iv, keyAuthTag: sealed.authTag, encryptionKeyId: sealed.keyId },
      });
      return count === 1;
    },
  });
}
