// Webhook delivery as the vendors do it: POST the same bytes (and so the same signature) to the
// receiver, give it a deadline, and on no answer or a non-2xx try again after a growing delay,
// up to the policy's retries. An abort signal (the simulator closing) stops the waiting.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** The wait before the first retry; it doubles each time, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** One attempt only: what a test acting out a delivery by hand gets unless it asks for more. */
export const NO_RETRIES: RetryPolicy = { retries: 0, baseDelayMs: 0, maxDelayMs: 0 };

/** How the vendors that retry do it (Razorpay for 24 h, Meta for days), compressed to seconds. */
export const VENDOR_BACKOFF: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 4_000 };

/** `retries` extra attempts on the vendor backoff; 0 (the default) sends once. */
export const withRetries = (retries = 0): RetryPolicy => ({ ...VENDOR_BACKOFF, retries });

/** The receiver's deadline the vendors give (Razorpay documents 5 s; Meta and Exotel "a few seconds"). */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/** What every simulator's delivery record says about the POSTs besides the vendor's fields. */
export interface DeliveryAttempts {
  url: string;
  error?: string;
  /** POSTs made for this delivery (1 + retries). */
  attempts: number;
}

export interface WebhookPost {
  url: string;
  /** The raw body: every attempt sends these bytes. */
  body: string;
  /** Content-Type, User-Agent and the vendor's signature headers. */
  headers: Record<string, string>;
  /** How long the receiver has to answer each attempt. */
  timeoutMs: number;
  retry?: RetryPolicy;
  /** Aborting it gives up the remaining retries (the attempt under way still finishes). */
  signal?: AbortSignal;
}

export interface WebhookResult {
  /** The receiver's last HTTP status, or null when it did not answer. */
  status: number | null;
  error?: string;
  /** How many POSTs were made. */
  attempts: number;
}

export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

export async function postWebhook(post: WebhookPost): Promise<WebhookResult> {
  const policy = post.retry ?? NO_RETRIES;
  for (let attempt = 1; ; attempt++) {
    const result = await postOnce(post);
    const done = result.status !== null && result.status >= 200 && result.status < 300;
    if (done || attempt > policy.retries || post.signal?.aborted) return { ...result, attempts: attempt };
    try {
      await sleep(retryDelayMs(policy, attempt), undefined, { signal: post.signal });
    } catch {
      return { ...result, attempts: attempt };
    }
  }
}

async function postOnce(post: WebhookPost): Promise<{ status: number | null; error?: string }> {
  try {
    const res = await fetch(post.url, { method: 'POST', headers: post.headers, body: post.body, signal: AbortSignal.timeout(post.timeoutMs) });
    await res.arrayBuffer();
    return { status: res.status };
  } catch (err) {
    return { status: null, error: err instanceof Error ? err.message : String(err) };
  }
}
