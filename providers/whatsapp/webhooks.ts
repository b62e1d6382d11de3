// Turns a webhook request into typed status updates: the signature over the raw bytes first,
// then the envelope. Changes that are not statuses (inbound messages, template events) and
// statuses we do not track are counted as skipped, so the receiver can still answer 200.
import type { StatusUpdate } from './interface.js';
import { statusUpdateSchema, webhookEnvelopeSchema } from './schemas.js';
import { verifyWebhookSignature } from './signatures.js';
import { describeIssues } from '../lib/local-http.js';
import { readSignedJson } from '../lib/webhook-body.js';

export type ParsedStatusWebhook =
  | { ok: true; statuses: StatusUpdate[]; skipped: number }
  | { ok: false; reason: 'bad_signature' }
  | { ok: false; reason: 'malformed'; detail: string };

export function parseStatusWebhook(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, appSecret: string): ParsedStatusWebhook {
  const body = readSignedJson(rawBody, (raw) => verifyWebhookSignature(raw, signatureHeader, appSecret));
  if (!body.ok) return body;
  const envelope = webhookEnvelopeSchema.safeParse(body.json);
  if (!envelope.success) return { ok: false, reason: 'malformed', detail: describeIssues(envelope.error) };
  const statuses: StatusUpdate[] = [];
  let skipped = 0;
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      for (const raw of change.value.statuses ?? []) {
        const s = statusUpdateSchema.safeParse(raw);
        if (s.success) statuses.push(s.data);
        else skipped += 1;
      }
    }
  }
  return { ok: true, statuses, skipped };
}
