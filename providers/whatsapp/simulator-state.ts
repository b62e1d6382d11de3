// The simulator's in-memory WhatsApp: the template sends it accepted (with the exact request
// body), armed faults, and status webhooks built as the Cloud API sends them and signed with
// the app secret. Delivery is at least once and in no guaranteed order, so tests can ask for
// duplicates and reversed order.
import { randomBytes } from 'node:crypto';
import { WEBHOOK_SIGNATURE_HEADER, type DeliveryStatus, type StatusError, type SendBody, type StatusWebhookBody, type WhatsAppErrorBody } from './interface.js';
import { signWebhook } from './signatures.js';
import { postWebhook, VENDOR_BACKOFF, WEBHOOK_TIMEOUT_MS, type DeliveryAttempts, type RetryPolicy } from '../lib/webhook-poster.js';

/** An answer the simulator gives in the Graph API error envelope. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: WhatsAppErrorBody,
  ) {
    super(body.message);
  }
}

export function simError(status: number, code: number, message: string, opts: { type?: string; details?: string } = {}): SimError {
  return new SimError(status, {
    message,
    type: opts.type ?? 'OAuthException',
    code,
    ...(opts.details ? { error_data: { messaging_product: 'whatsapp', details: opts.details } } : {}),
    fbtrace_id: randomBytes(9).toString('base64url'),
  });
}

export type FaultKind = 'rate_limit' | 'invalid_number' | 'server_error';

/** The Cloud API's answers for each injectable fault. */
export function faultError(kind: FaultKind, status?: number): SimError {
  switch (kind) {
    case 'rate_limit':
      return simError(status ?? 429, 130429, '(#130429) Rate limit hit', { details: 'Cloud API message throughput has been reached.' });
    case 'invalid_number':
      return simError(status ?? 400, 131026, 'Message Undeliverable.', { details: 'The recipient phone number is not a WhatsApp phone number.' });
    case 'server_error':
      return simError(status ?? 500, 131000, 'Something went wrong', { type: 'OAuthException', details: 'Something went wrong' });
  }
}

export interface SimMessage {
  /** The wamid. */
  id: string;
  waId: string;
  phoneNumberId: string;
  apiVersion: string;
  /** The request body exactly as parsed (a template or a text send). */
  body: SendBody;
  receivedAt: string;
}

export interface DeliverOptions {
  /** The wamid whose statuses to send. */
  messageId: string;
  /** In their natural order; default sent, delivered, read. */
  statuses?: DeliveryStatus[];
  /** For a failed status; default 131026 Message undeliverable. */
  error?: StatusError;
  /** Send each webhook this many times in a row (the same bytes). Default 1. */
  duplicates?: number;
  /** Send them newest first. */
  outOfOrder?: boolean;
  /** Override the simulator's webhookUrl. */
  url?: string;
  /** Retries of a failed POST (no answer or non-2xx), with backoff. Default 0: exactly what was asked. */
  retries?: number;
}

export interface Delivery extends DeliveryAttempts {
  messageId: string;
  status: DeliveryStatus;
  /** The receiver's HTTP status, or null when it did not answer. */
  httpStatus: number | null;
}

/** What automatic status webhooks retry with: Meta's backoff (it keeps trying for days), compressed to seconds. */
export const WHATSAPP_WEBHOOK_RETRY: RetryPolicy = VENDOR_BACKOFF;

export function newWamid(): string {
  return `wamid.${randomBytes(24).toString('base64url')}`;
}

/** One webhook per status, as the Cloud API does; timestamps follow the natural order. */
export function statusWebhooks(msg: SimMessage, opts: { statuses: DeliveryStatus[]; error?: StatusError; wabaId: string; displayPhoneNumber: string; now?: number }): { status: DeliveryStatus; raw: string }[] {
  const base = Math.floor((opts.now ?? Date.now()) / 1000);
  return opts.statuses.map((status, i) => {
    const body: StatusWebhookBody = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: opts.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: opts.displayPhoneNumber, phone_number_id: msg.phoneNumberId },
                statuses: [
                  {
                    id: msg.id,
                    status,
                    timestamp: String(base + i),
                    recipient_id: msg.waId,
                    ...(status === 'failed' ? { errors: [opts.error ?? { code: 131026, title: 'Message undeliverable' }] } : {}),
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    return { status, raw: JSON.stringify(body) };
  });
}

export async function deliverOne(
  messageId: string,
  hook: { status: DeliveryStatus; raw: string },
  opts: { url: string; appSecret: string; retry?: RetryPolicy; signal?: AbortSignal },
): Promise<Delivery> {
  const { status: httpStatus, ...rest } = await postWebhook({
    url: opts.url,
    body: hook.raw,
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'facebookexternalua (simulator)', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(hook.raw, opts.appSecret) },
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    retry: opts.retry,
    signal: opts.signal,
  });
  return { messageId, status: hook.status, url: opts.url, httpStatus, ...rest };
}
