// Opaque secrets (refresh tokens, email action tokens): 256 random bits, stored as SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
