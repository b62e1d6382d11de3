// AES-256-GCM for secrets stored at rest: HR platform account credentials (one key,
// HR_CREDENTIALS_KEY) and per-user LLM keys (a keyring of KEKs, infra/kek-keyring.ts). A key is
// 32 bytes as 64 hex chars or base64; development falls back to a key derived from a fixed
// phrase, which production refuses (infra/env.ts). Each value gets a fresh 96-bit IV, and the
// caller's context (which row it belongs to) is bound in as associated data, so a ciphertext
// copied onto another row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
export const DEV_CREDENTIALS_PHRASE = 'mas-dev-hr-credentials-key';

/** A 32-byte key from its configured form; `name` is the setting the error message names (never the value). */
export function parseAesKey(configured: string, name: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, 'hex') : Buffer.from(configured, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes (64 hex characters or base64)`);
  return key;
}

/** The development key for a phrase: sha256 of it. */
export const devAesKey = (phrase: string): Buffer => createHash('sha256').update(phrase).digest();

export function credentialsKey(configured: string | undefined): Buffer {
  if (!configured) return devAesKey(DEV_CREDENTIALS_PHRASE);
  return parseAesKey(configured, 'HR_CREDENTIALS_KEY');
}

/** One AES-256-GCM ciphertext in its parts, each base64url. */
export interface SealedParts {
  ciphertext: string;
  iv: string;
  authTag: string;
}

export function aesGcmSeal(key: Buffer, plain: string, context: string): SealedParts {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { ciphertext: body.toString('base64url'), iv: iv.toString('base64url'), authTag: cipher.getAuthTag().toString('base64url') };
}

/** Throws when the key, the context or any part is wrong (GCM authenticates all of them). */
export function aesGcmOpen(key: Buffer, sealed: SealedParts, context: string): string {
  const iv = Buffer.from(sealed.iv, 'base64url');
  const tag = Buffer.from(sealed.authTag, 'base64url');
  if (iv.length !== 12 || tag.length !== 16) throw new Error('Ciphertext is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

export interface CredentialsCipher {
  encrypt(plain: string, context: string): string;
  decrypt(sealed: string, context: string): string;
}

/** The HR credentials format: one string, `v1:` + base64url(iv | tag | body). */
export function createCredentialsCipher(configured: string | undefined): CredentialsCipher {
  const key = credentialsKey(configured);
  const b = (s: string) => Buffer.from(s, 'base64url');
  return {
    encrypt(plain, context) {
      const p = aesGcmSeal(key, plain, context);
      return `${VERSION}:${Buffer.concat([b(p.iv), b(p.authTag), b(p.ciphertext)]).toString('base64url')}`;
    },
    decrypt(sealed, context) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) throw new Error('Unknown credentials format');
      const raw = Buffer.from(payload, 'base64url');
      if (raw.length < 28) throw new Error('Credentials ciphertext is truncated');
      const parts = { iv: raw.subarray(0, 12).toString('base64url'), authTag: raw.subarray(12, 28).toString('base64url'), ciphertext: raw.subarray(28).toString('base64url') };
      return aesGcmOpen(key, parts, context);
    },
  };
}
