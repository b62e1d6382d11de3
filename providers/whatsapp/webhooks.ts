// Turns a webhook request into typed status updates: the signature over the raw bytes first,
// then the envelope: statuses and inbound messages. Other changes (template events) and
// statuses we do not track are counted as skipped, so the receiver can still answer 200.
import type { InboundMessage, StatusUpdate } from './interface.js';
import { inboundMessageSchema, statusUpdateSchema, webhookEnvelopeSchema, webhookMetadataSchema } from './schemas.js';
import { verifyWebhookSignature } from './signatures.js';
import { describeIssues } from '../lib/local-http.js';
import { readSignedJson } from '../lib/webhook-body.js';

export type ParsedStatusWebhook =
  | { ok: true; statuses: StatusUpdate[]; messages: InboundMessage[]; skipped: number }
  | { ok: false; reason: 'bad_signature' }
  | { ok: false; reason: 'malformed'; detail: string };

export function parseStatusWebhook(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, appSecret: string): ParsedStatusWebhook {
  const body = readSignedJson(rawBody, (raw) => verifyWebhookSignature(raw, signatureHeader, appSecret));
  if (!body.ok) return body;
  const envelope = webhookEnvelopeSchema.safeParse(body.json);
  if (!envelope.success) return { ok: false, reason: 'malformed', detail: describeIssues(envelope.error) };
  const statuses: StatusUpdate[] = [];
  const messages: InboundMessage[] = [];
  let skipped = 0;
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      for (const raw of change.value.statuses ?? []) {
        const s = statusUpdateSchema.safeParse(raw);
        if (s.success) statuses.push(s.data);
        else skipped += 1;
      }
      if (!change.value.messages?.length) continue;
      const meta = webhookMetadataSchema.safeParse(change.value.metadata);
      for (const raw of change.value.messages) {
        const m = inboundMessageSchema.safeParse(raw);
        if (!m.success || !meta.success) {
          skipped += 1;
          continue;
        }
        const { id, from, timestamp, type } = m.data;
        messages.push({ id, from, timestamp, type, text: m.data.text?.body ?? m.data.button?.text ?? null, phoneNumberId: meta.data.phone_number_id, displayPhoneNumber: meta.data.display_phone_number ?? null });
      }
    }
  }
  return { ok: true, statuses, messages, skipped };
}
