// A local Razorpay speaking the same HTTP as api.razorpay.com/v1, in memory, so the real client
// runs in dev and tests. The control surface (customer pays, webhook delivery, faults) is on
// /_sim/… over HTTP and on the returned object for in-process tests.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RazorpayWebhookEvent } from './interface.js';
import { createSimHandler, type FaultStatus, type SimContext } from './simulator-http.js';
import { newId, RazorpaySimState, simError, type PayOptions, type PayResult, type StoredEvent } from './simulator-state.js';
import { deliverEvents, deliverOne, RAZORPAY_WEBHOOK_RETRY, selectEvents, type DeliverOptions, type Delivery } from './simulator-webhooks.js';
import { startSimServer } from '../lib/sim-server.js';
import { withRetries, type RetryPolicy } from '../lib/webhook-poster.js';

export type { DeliverOptions, Delivery } from './simulator-webhooks.js';
export type { PayOptions, PayOutcome, PayResult } from './simulator-state.js';

export interface RazorpaySimulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  /** Where deliverWebhooks() posts unless told otherwise. */
  webhookUrl?: string;
  /** Post every event to webhookUrl as it happens (the dev stack's choice). Default false. */
  autoDeliverWebhooks?: boolean;
  /** How automatic deliveries retry a failed POST. Default RAZORPAY_WEBHOOK_RETRY. */
  webhookRetry?: RetryPolicy;
  /** How long a refund stays "in flight" (a second request with its key gets 409). Default 0. */
  refundLatencyMs?: number;
  accountId?: string;
}

export interface RazorpaySimulator {
  /** The client's baseUrl: http://host:port/v1. */
  baseUrl: string;
  /** http://host:port; the control API is under /_sim/. */
  origin: string;
  port: number;
  /** A customer pays the order at checkout; returns what the browser would post back. */
  pay(orderId: string, opts: PayOptions): PayResult;
  /** (Re)sends logged events to the webhook URL; see DeliverOptions for duplicates and order. */
  deliverWebhooks(opts?: DeliverOptions): Promise<Delivery[]>;
  /** The next `count` /v1 calls answer `status` (500 or 429) instead of doing anything. */
  failNext(count: number, status?: FaultStatus): void;
  setRefundLatency(ms: number): void;
  /** Logged webhook events (with their ids), oldest first. */
  events(filter?: { paymentId?: string; orderId?: string }): (RazorpayWebhookEvent & { id: string })[];
  /** Every delivery attempt so far, manual and automatic. */
  deliveries(): readonly Delivery[];
  state: RazorpaySimState;
  close(): Promise<void>;
}

export async function startRazorpaySimulator(opts: RazorpaySimulatorOptions): Promise<RazorpaySimulator> {
  let faults = { remaining: 0, status: 500 as FaultStatus };
  let refundLatencyMs = opts.refundLatencyMs ?? 0;
  const log: Delivery[] = [];
  const inFlight = new Set<Promise<unknown>>();
  // Closing gives up pending retries instead of waiting them out.
  const closing = new AbortController();

  const autoDeliver = (event: StoredEvent) => {
    if (!opts.autoDeliverWebhooks || !opts.webhookUrl) return;
    const retry = opts.webhookRetry ?? RAZORPAY_WEBHOOK_RETRY;
    const p = deliverOne(event, { url: opts.webhookUrl, webhookSecret: opts.webhookSecret, retry, signal: closing.signal }).then((d) => {
      log.push(d);
      inFlight.delete(p);
    });
    inFlight.add(p);
  };

  const state = new RazorpaySimState({ keySecret: opts.keySecret, accountId: opts.accountId ?? newId('acc'), onEvent: autoDeliver });

  const ctx: SimContext = {
    state,
    keyId: opts.keyId,
    keySecret: opts.keySecret,
    takeFault() {
      if (faults.remaining <= 0) return null;
      faults.remaining -= 1;
      return faults.status;
    },
    failNext(count, status = 500) {
      faults = { remaining: count, status };
    },
    setRefundLatency(ms) {
      refundLatencyMs = ms;
    },
    refundLatency: () => (refundLatencyMs > 0 ? sleep(refundLatencyMs) : Promise.resolve()),
    pay: (orderId, payOpts) => state.pay(orderId, payOpts),
    async deliverWebhooks(deliverOpts = {}) {
      const url = deliverOpts.url ?? opts.webhookUrl;
      if (!url) throw simError(400, 'No webhook URL: start the simulator with webhookUrl or pass url', 'url');
      const events = selectEvents(state.events({ paymentId: deliverOpts.paymentId, orderId: deliverOpts.orderId }), deliverOpts);
      const done = await deliverEvents(events, { url, webhookSecret: opts.webhookSecret, duplicates: deliverOpts.duplicates, retry: withRetries(deliverOpts.retries), signal: closing.signal });
      log.push(...done);
      return done;
    },
    deliveries: () => [...log],
  };

  const { port, origin, close } = await startSimServer(createSimHandler(ctx), { port: opts.port, host: opts.host });

  return {
    baseUrl: `${origin}/v1`,
    origin,
    port,
    pay: ctx.pay,
    deliverWebhooks: ctx.deliverWebhooks,
    failNext: ctx.failNext,
    setRefundLatency: ctx.setRefundLatency,
    events: (filter) => state.events(filter).map((e) => ({ id: e.id, ...e.body })),
    deliveries: ctx.deliveries,
    state,
    async close() {
      closing.abort();
      await Promise.allSettled([...inFlight]);
      await close();
    },
  };
}
