// AES-256-GCM for secrets stored at rest (HR platform account credentials). The key comes from
// HR_CREDENTIALS_KEY (32 bytes as 64 hex chars or base64); development falls back to a key
// derived from a fixed phrase, which production refuses (infra/env.ts). Each value gets a fresh
// 96-bit IV, and the caller's context (which row it belongs to) is bound in as associated data,
// so a ciphertext copied onto another row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
export const DEV_CREDENTIALS_PHRASE = 'mas-dev-hr-credentials-key';

export function credentialsKey(configured: string | undefined): Buffer {
  if (!configured) return createHash('sha256').update(DEV_CREDENTIALS_PHRASE).digest();
  const key = /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, 'hex') : Buffer.from(configured, 'base64');
  if (key.length !== 32) throw new Error('HR_CREDENTIALS_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
}

export interface CredentialsCipher {
  encrypt(plain: string, context: string): string;
  decrypt(sealed: string, context: string): string;
}

export function createCredentialsCipher(configured: string | undefined): CredentialsCipher {
  const key = credentialsKey(configured);
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(sealed, context) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) throw new Error('Unknown credentials format');
      const raw = Buffer.from(payload, 'base64url');
      if (raw.length < 28) throw new Error('Credentials ciphertext is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
