// Re-seals every sync credentials row (Mr Learn and Mr Test) under the active KEK, batch by
// batch (keyset on id), so an old KEK can be retired. The secret and the cached token move
// together. Idempotent: rows already under the active KEK are not selected, and each update is
// conditional on the ciphertext read, so a row changed meanwhile (already sealed afresh) is
// skipped. A row whose KEK is not configured, or that does not open, is reported, never dropped.
import { SYNC_SYSTEMS, type SyncSystem } from '../../domain/sync/systems.js';
import { credentialsContext, credentialsTable } from './credentials.js';
import { syncKeyring, type SyncDeps } from './settings.js';

export interface SyncResealResult {
  activeKekId: string;
  scanned: number;
  resealed: number;
  skipped: number;
  failed: { system: SyncSystem; id: string; encryptionKeyId: string; reason: 'kek not configured' | 'does not open' }[];
  batches: number;
}

export async function resealSyncCredentials(deps: Pick<SyncDeps, 'db' | 'logger' | 'config'>, opts: { batchSize?: number } = {}): Promise<SyncResealResult> {
  const ring = syncKeyring(deps.config.sync);
  const batchSize = opts.batchSize ?? 100;
  const result: SyncResealResult = { activeKekId: ring.activeId, scanned: 0, resealed: 0, skipped: 0, failed: [], batches: 0 };
  for (const system of SYNC_SYSTEMS) {
    const table = credentialsTable(deps.db, system);
    let after: string | undefined;
    for (;;) {
      const rows = await table.findMany({ where: { encryptionKeyId: { not: ring.activeId }, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take: batchSize });
      if (rows.length === 0) break;
      result.batches++;
      for (const row of rows) {
        result.scanned++;
        if (!ring.has(row.encryptionKeyId)) {
          result.failed.push({ system, id: row.id, encryptionKeyId: row.encryptionKeyId, reason: 'kek not configured' });
          continue;
        }
        let data;
        try {
          const secret = ring.seal(ring.open({ ciphertext: row.secretCiphertext, iv: row.secretIv, authTag: row.secretAuthTag ?? '' }, row.encryptionKeyId, credentialsContext(system, row.id, 'secret')), credentialsContext(system, row.id, 'secret'));
          let token = null;
          if (row.accessTokenCiphertext && row.accessTokenIv) {
            try {
              token = ring.seal(ring.open({ ciphertext: row.accessTokenCiphertext, iv: row.accessTokenIv, authTag: row.accessTokenAuthTag ?? '' }, row.encryptionKeyId, credentialsContext(system, row.id, 'token')), credentialsContext(system, row.id, 'token'));
            } catch {
              token = null; // a cached token that does not open is dropped; the next run fetches one
            }
          }
          data = {
            secretCiphertext: secret.ciphertext,
            secretIv: secret.iv,
            secretAuthTag: secret.authTag,
            encryptionKeyId: secret.keyId,
            accessTokenCiphertext: token?.ciphertext ?? null,
            accessTokenIv: token?.iv ?? null,
            accessTokenAuthTag: token?.authTag ?? null,
            ...(token ? {} : { tokenExpiresAt: null }),
          };
        } catch {
          result.failed.push({ system, id: row.id, encryptionKeyId: row.encryptionKeyId, reason: 'does not open' });
          continue;
        }
        const { count } = await table.updateMany({ where: { id: row.id, encryptionKeyId: row.encryptionKeyId, secretCiphertext: row.secretCiphertext }, data });
        if (count === 1) result.resealed++;
        else result.skipped++;
      }
      after = rows.at(-1)!.id;
      deps.logger.info({ system, batch: result.batches, scanned: result.scanned, resealed: result.resealed, failed: result.failed.length }, 'sync credentials reseal batch');
      if (rows.length < batchSize) break;
    }
  }
  return result;
}
