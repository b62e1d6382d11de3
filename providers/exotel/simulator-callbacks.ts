// StatusCallback delivery as Exotel does it: POST the JSON body to the URL given in the connect
// request. Unsigned, at least once, and possibly late or out of order, so tests can ask for
// duplicates, the events reversed, a delay, or a doctored body. Exotel documents no retries of a
// failed callback, so by default there are none (the policy can ask for some).
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExotelCallbackEvent } from './interface.js';
import type { StoredCallback } from './simulator-state.js';
import { NO_RETRIES, postWebhook, WEBHOOK_TIMEOUT_MS, withRetries, type DeliveryAttempts, type RetryPolicy } from '../lib/webhook-poster.js';

export interface DeliverOptions {
  callSid: string;
  /** Only these events (default: every callback the call produced, oldest first). */
  events?: ExotelCallbackEvent[];
  /** Send each callback this many times in a row. Default 1. */
  duplicates?: number;
  /** Newest first (the terminal callback before the answered one). */
  outOfOrder?: boolean;
  /** Wait this long before the first POST (a late delivery). */
  delayMs?: number;
  /** Override the URL from the connect request. */
  url?: string;
  /** Fields merged into the body (e.g. figures that disagree with the call's details). */
  override?: Record<string, unknown>;
  /** Retries of a failed POST (no answer or non-2xx), with backoff. Default 0. */
  retries?: number;
}

export interface Delivery extends DeliveryAttempts {
  callSid: string;
  event: ExotelCallbackEvent;
  /** The receiver's HTTP status, or null when it did not answer. */
  status: number | null;
}

/** Automatic callbacks: sent once, as Exotel does. */
export const EXOTEL_CALLBACK_RETRY: RetryPolicy = NO_RETRIES;

export function selectCallbacks(all: StoredCallback[], opts: DeliverOptions): StoredCallback[] {
  const picked = all.filter((c) => !opts.events || opts.events.includes(c.event));
  return opts.outOfOrder ? [...picked].reverse() : picked;
}

export async function deliverCallbacks(callbacks: StoredCallback[], opts: DeliverOptions, signal?: AbortSignal): Promise<Delivery[]> {
  if (opts.delayMs) await sleep(opts.delayMs);
  const times = Math.max(1, Math.floor(opts.duplicates ?? 1));
  const retry = withRetries(opts.retries);
  const out: Delivery[] = [];
  for (const cb of callbacks) {
    const raw = opts.override ? JSON.stringify({ ...(JSON.parse(cb.raw) as Record<string, unknown>), ...opts.override }) : cb.raw;
    for (let i = 0; i < times; i++) out.push(await deliverOne(cb, raw, { url: opts.url ?? cb.url, retry, signal }));
  }
  return out;
}

export async function deliverOne(cb: StoredCallback, raw: string, opts: { url: string; retry?: RetryPolicy; signal?: AbortSignal }): Promise<Delivery> {
  const result = await postWebhook({
    url: opts.url,
    body: raw,
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'Exotel-StatusCallback (simulator)' },
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    retry: opts.retry,
    signal: opts.signal,
  });
  return { callSid: cb.callSid, event: cb.event, url: opts.url, ...result };
}
