// Webhook delivery as Razorpay does it: POST the raw event body with X-Razorpay-Signature over
// those bytes and the event's own x-razorpay-event-id. At least once and in no guaranteed
// order, so tests can ask for duplicates and for the events reversed. Failures are retried with
// backoff (Razorpay keeps trying for 24 h; the simulator a few times, quickly).
import { WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, type RazorpayEventName } from './interface.js';
import { signWebhook } from './signatures.js';
import type { StoredEvent } from './simulator-state.js';
import { postWebhook, VENDOR_BACKOFF, WEBHOOK_TIMEOUT_MS, type DeliveryAttempts, type RetryPolicy } from '../lib/webhook-poster.js';

export interface DeliverOptions {
  /** Only this payment's events (its payment.*, order.paid and refund.* events). */
  paymentId?: string;
  /** Only the events of this order's payments. */
  orderId?: string;
  /** Only these event names. */
  events?: RazorpayEventName[];
  /** Send each event this many times in a row, with the same event id. Default 1. */
  duplicates?: number;
  /** Send the events newest first. */
  outOfOrder?: boolean;
  /** Override the simulator's webhookUrl for this delivery. */
  url?: string;
  /** Retries of a failed POST (no answer or non-2xx), with backoff. Default 0: exactly what was asked. */
  retries?: number;
}

export interface Delivery extends DeliveryAttempts {
  eventId: string;
  event: RazorpayEventName;
  /** The receiver's HTTP status, or null when it did not answer. */
  status: number | null;
}

/** What automatic deliveries retry with: Razorpay's backoff, compressed from hours to seconds. */
export const RAZORPAY_WEBHOOK_RETRY: RetryPolicy = VENDOR_BACKOFF;

export function selectEvents(all: StoredEvent[], opts: DeliverOptions): StoredEvent[] {
  const picked = all.filter((e) => (!opts.events || opts.events.includes(e.event)));
  return opts.outOfOrder ? [...picked].reverse() : picked;
}

/** Sends the events one after another (so their order is the order asked for). */
export async function deliverEvents(events: StoredEvent[], opts: { url: string; webhookSecret: string; duplicates?: number; retry?: RetryPolicy; signal?: AbortSignal }): Promise<Delivery[]> {
  const times = Math.max(1, Math.floor(opts.duplicates ?? 1));
  const out: Delivery[] = [];
  for (const event of events) {
    for (let i = 0; i < times; i++) out.push(await deliverOne(event, opts));
  }
  return out;
}

export async function deliverOne(event: StoredEvent, opts: { url: string; webhookSecret: string; retry?: RetryPolicy; signal?: AbortSignal }): Promise<Delivery> {
  const result = await postWebhook({
    url: opts.url,
    body: event.raw,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Razorpay-Webhook/v1 (simulator)',
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(event.raw, opts.webhookSecret),
      [WEBHOOK_EVENT_ID_HEADER]: event.id,
    },
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    retry: opts.retry,
    signal: opts.signal,
  });
  return { eventId: event.id, event: event.event, url: opts.url, ...result };
}
