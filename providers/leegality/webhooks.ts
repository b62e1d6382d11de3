// Leegality's webhook: a JSON POST `{ webhookType, documentId, documentStatus, irn, mac }` with
// `mac = hex(HMAC_SHA1(private salt, documentId))`. Verification is pure: parse with bounds,
// then compare the MAC in constant time. The signed file is not in the webhook; fetch it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DocumentStatus, WebhookType } from './interface.js';
import { webhookBodySchema } from './schemas.js';
import { describeIssues } from '../lib/local-http.js';

const HEX_SHA1 = /^[0-9a-f]{40}$/i;

export interface LeegalityWebhookEvent {
  webhookType: WebhookType;
  documentId: string;
  documentStatus: DocumentStatus;
  irn: string | null;
}

export type VerifiedLeegalityWebhook = { ok: true; event: LeegalityWebhookEvent } | { ok: false; reason: 'malformed'; detail: string } | { ok: false; reason: 'bad_mac' };

/** The MAC Leegality sends with a webhook about `documentId`. */
export function signLeegalityMac(documentId: string, privateSalt: string): string {
  return createHmac('sha1', privateSalt).update(documentId, 'utf8').digest('hex');
}

/** `body` is the parsed JSON, or the raw text/bytes of the request. */
export function verifyLeegalityWebhook(body: unknown, privateSalt: string): VerifiedLeegalityWebhook {
  let json = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    try {
      json = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed', detail: 'the body is not JSON' };
    }
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error) };
  const { mac, irn, ...rest } = parsed.data;
  if (!privateSalt || !macMatches(mac, signLeegalityMac(rest.documentId, privateSalt))) return { ok: false, reason: 'bad_mac' };
  return { ok: true, event: { ...rest, irn: irn ?? null } };
}

function macMatches(presented: string, expectedHex: string): boolean {
  const candidate = presented.trim();
  // Buffer.from(x, 'hex') silently drops bad characters, so check the shape (and so the length) first.
  if (!HEX_SHA1.test(candidate)) return false;
  const a = Buffer.from(candidate, 'hex');
  const b = Buffer.from(expectedHex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
