// Reading an Exotel StatusCallback. It is not signed (the secret is in our URL), so the body is
// only a hint: the receiver re-fetches the call before trusting any figure in it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ExotelStatusCallback } from './interface.js';
import { statusCallbackSchema } from './schemas.js';

export type ParsedStatusCallback = { ok: true; callback: ExotelStatusCallback; raw: Record<string, unknown> } | { ok: false; detail: string };

/** JSON (what we ask for), or form fields (Exotel's default when the content type is not set). */
export function parseStatusCallback(body: string, contentType: string | undefined): ParsedStatusCallback {
  let raw: Record<string, unknown>;
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    raw = Object.fromEntries(new URLSearchParams(body));
  } else {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, detail: 'the body is not JSON' };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, detail: 'the body is not a JSON object' };
    raw = json as Record<string, unknown>;
  }
  const parsed = statusCallbackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  return { ok: true, callback: parsed.data, raw };
}

/** Constant-time check of the token in the callback URL (digests first, so lengths never leak). */
export function callbackTokenMatches(given: string, expected: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length;
}
