// Vendor API keys: `mas_vk_<8 hex prefix>_<43 base64url secret>`. Only the SHA-256 of the whole
// key and its prefix are stored; the key is shown once, when it is made.
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'mas_vk_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = `${API_KEY_PREFIX}${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The stored prefix of a presented key, or null when it is not shaped like one. */
export function apiKeyPrefix(key: string): string | null {
  const m = /^(mas_vk_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$/.exec(key);
  return m ? m[1]! : null;
}
