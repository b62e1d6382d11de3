// Turns a webhook request into a typed event: the signature over the raw bytes first, then the
// envelope. Events we do not handle are reported as `ignored`, so the receiver can answer 2xx
// and Razorpay stops retrying them.
import { RAZORPAY_EVENT_NAMES, type RazorpayEventName, type RazorpayWebhookEvent } from './interface.js';
import { webhookEventSchema } from './schemas.js';
import { verifyWebhookSignature } from './signatures.js';
import { describeIssues } from '../lib/local-http.js';
import { readSignedJson } from '../lib/webhook-body.js';

export type ParsedWebhook =
  | { ok: true; event: RazorpayWebhookEvent }
  | { ok: false; reason: 'bad_signature' }
  | { ok: false; reason: 'malformed'; detail: string }
  | { ok: false; reason: 'ignored'; eventName: string };

export function parseWebhookEvent(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, webhookSecret: string): ParsedWebhook {
  const body = readSignedJson(rawBody, (raw) => verifyWebhookSignature(raw, signatureHeader, webhookSecret));
  if (!body.ok) return body;
  const json = body.json;
  const name = json && typeof json === 'object' ? (json as { event?: unknown }).event : undefined;
  if (typeof name === 'string' && !RAZORPAY_EVENT_NAMES.includes(name as RazorpayEventName)) return { ok: false, reason: 'ignored', eventName: name };
  const parsed = webhookEventSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: describeIssues(parsed.error) };
  return { ok: true, event: parsed.data };
}
