// The meeting server signs each event: hex HMAC-SHA256 of the raw body with MEETING_EVENTS_SECRET.
// Pure helpers for the header format; the HMAC itself is computed by the caller (api, tests).
export const MEETING_SIGNATURE_HEADER = 'x-meeting-signature';

export function formatSignature(hexDigest: string): string {
  return `sha256=${hexDigest}`;
}

export function parseSignature(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  return m ? m[1]!.toLowerCase() : null;
}
