// The receiving side of a signed webhook, for every vendor that signs: the signature is checked
// over the raw bytes as received, before anything parses them; then the body must be JSON.

export type SignedJson = { ok: true; json: unknown } | { ok: false; reason: 'bad_signature' } | { ok: false; reason: 'malformed'; detail: string };

/** `verify` checks the vendor's signature over exactly these bytes. */
export function readSignedJson(rawBody: string | Uint8Array, verify: (raw: string | Uint8Array) => boolean): SignedJson {
  if (!verify(rawBody)) return { ok: false, reason: 'bad_signature' };
  try {
    return { ok: true, json: JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8')) as unknown };
  } catch {
    return { ok: false, reason: 'malformed', detail: 'the body is not JSON' };
  }
}
