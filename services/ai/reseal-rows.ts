// The reseal pass every table of KEK-sealed secrets shares (LLM keys, WhatsApp config tokens):
// rows under another KEK, batch by batch (keyset on id), each opened and sealed again under the
// active KEK and written only if its ciphertext is still the one read, so a secret replaced
// meanwhile is left alone. A row whose KEK is not configured, or that does not open, is reported,
// never dropped. Idempotent: a row already under the active KEK is not selected again.
import type { SealedParts } from '../../infra/credentials-cipher.js';
import type { KekKeyring } from '../../infra/kek-keyring.js';
import type { Logger } from '../../infra/logger.js';

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

export interface SealedRow {
  id: string;
  encryptionKeyId: string;
  sealed: SealedParts;
  /** The AAD the secret was sealed with (binds it to its owner). */
  context: string;
}

export async function resealRows<R extends SealedRow>(opts: {
  ring: KekKeyring;
  batchSize?: number;
  logger: Logger;
  /** Names the pass in the batch log line, e.g. "llm keys". */
  label: string;
  /** The next batch of rows not under `activeKekId`, ids after `after`, in id order. */
  load: (args: { activeKekId: string; after: string | undefined; take: number }) => Promise<R[]>;
  /** Writes the new seal if the row still holds `row.sealed`; true when it did. */
  write: (row: R, sealed: SealedParts & { keyId: string }) => Promise<boolean>;
}): Promise<ResealResult> {
  const { ring } = opts;
  const batchSize = opts.batchSize ?? 100;
  const result: ResealResult = { activeKekId: ring.activeId, scanned: 0, resealed: 0, skipped: 0, failed: [], batches: 0 };
  let after: string | undefined;
  for (;;) {
    const rows = await opts.load({ activeKekId: ring.activeId, after, take: batchSize });
    if (rows.length === 0) break;
    result.batches++;
    for (const row of rows) {
      result.scanned++;
      if (!ring.has(row.encryptionKeyId)) {
        result.failed.push({ id: row.id, encryptionKeyId: row.encryptionKeyId, reason: 'kek not configured' });
        continue;
      }
      let sealed;
      try {
        sealed = ring.seal(ring.open(row.sealed, row.encryptionKeyId, row.context), row.context);
      } catch {
        result.failed.push({ id: row.id, encryptionKeyId: row.encryptionKeyId, reason: 'does not open' });
        continue;
      }
      if (await opts.write(row, sealed)) result.resealed++;
      else result.skipped++;
    }
    after = rows.at(-1)!.id;
    opts.logger.info({ batch: result.batches, scanned: result.scanned, resealed: result.resealed, failed: result.failed.length }, `${opts.label} reseal batch`);
    if (rows.length < batchSize) break;
  }
  return result;
}
