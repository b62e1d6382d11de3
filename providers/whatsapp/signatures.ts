// The webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
// Verification runs over the bytes as received, before parsing, and compares in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_FORMAT = /^sha256=([0-9a-f]{64})$/i;

export function signWebhook(rawBody: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function verifyWebhookSignature(rawBody: string | Uint8Array, header: string | null | undefined, appSecret: string): boolean {
  if (typeof header !== 'string') return false;
  // Buffer.from(x, 'hex') silently drops bad characters, so check the shape first.
  const m = HEADER_FORMAT.exec(header.trim());
  if (!m) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(m[1]!, 'hex'), expected);
}

export { constantTimeEqual } from '../lib/constant-time.js';
