// The post-call webhook signature: `ElevenLabs-Signature: t=<unix s>,v0=<hex HMAC-SHA256(secret,
// "<t>.<raw body>")>`. Verified over the bytes as received, in constant time, and only within
// the replay window (30 minutes old, 5 minutes ahead for clock skew).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { VOICE_SIGNATURE_TOLERANCE_SECONDS } from './interface.js';

/** How far ahead of our clock a t= may be. */
export const VOICE_SIGNATURE_FUTURE_SECONDS = 5 * 60;

export type VoiceSignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'future' | 'mismatch' };

function digest(secret: string, t: number, rawBody: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
}

/** The header value for this body at unix second `t`. */
export function signVoiceWebhook(secret: string, rawBody: string | Uint8Array, t: number): string {
  return `t=${t},v0=${digest(secret, t, rawBody).toString('hex')}`;
}

/** Why a signature is refused, or its timestamp. Extra comma-separated parts are ignored. */
export function checkVoiceSignature(secret: string, header: string | null | undefined, rawBody: string | Uint8Array, nowSeconds: number): VoiceSignatureCheck {
  if (typeof header !== 'string' || header.trim() === '') return { ok: false, reason: 'missing' };
  let t: number | null = null;
  const v0: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const [key, value] = [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    // Buffer.from(x, 'hex') silently drops bad characters, so check the shape first.
    if (key === 'v0' && /^[0-9a-f]{64}$/i.test(value)) v0.push(value);
  }
  if (t === null || !v0.length) return { ok: false, reason: 'malformed' };
  if (t < nowSeconds - VOICE_SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'expired' };
  if (t > nowSeconds + VOICE_SIGNATURE_FUTURE_SECONDS) return { ok: false, reason: 'future' };
  const expected = digest(secret, t, rawBody);
  // Every candidate is compared (no early exit on the first mismatch).
  let match = false;
  for (const candidate of v0) match = timingSafeEqual(Buffer.from(candidate, 'hex'), expected) || match;
  return match ? { ok: true, timestamp: t } : { ok: false, reason: 'mismatch' };
}

/** True only for a valid, fresh signature over exactly these bytes. */
export function verifyVoiceWebhook(secret: string, header: string | null | undefined, rawBody: string | Uint8Array, nowSeconds: number): boolean {
  return checkVoiceSignature(secret, header, rawBody, nowSeconds).ok;
}
