// A local Exotel speaking the same HTTP as api.exotel.com/v1/Accounts/<sid>/… (the `.json`
// paths we use), in memory, so the real client runs in dev and tests. Calls are acted out on
// /_sim/… over HTTP, or on the returned object in-process.
import { deliverCallbacks, deliverOne, EXOTEL_CALLBACK_RETRY, selectCallbacks, type DeliverOptions, type Delivery } from './simulator-callbacks.js';
import { createSimHandler, type FaultStatus, type SimContext } from './simulator-http.js';
import { ExotelSimState, type EndOptions, type EndOutcome, type SimCall, type SimSms, type StoredCallback } from './simulator-state.js';
import { startSimServer } from '../lib/sim-server.js';
import type { RetryPolicy } from '../lib/webhook-poster.js';

export type { DeliverOptions, Delivery } from './simulator-callbacks.js';
export type { EndOptions, EndOutcome, SimCall, SimSms } from './simulator-state.js';

export interface ExotelSimulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  accountSid: string;
  apiKey: string;
  apiToken: string;
  /** How long after a call ends its figures show in GET details. Default 0. */
  figuresDelayMs?: number;
  /** POST each StatusCallback as it happens (the dev stack's choice). Default false. */
  autoDeliverCallbacks?: boolean;
  /** How automatic callbacks retry a failed POST. Default none (EXOTEL_CALLBACK_RETRY). */
  callbackRetry?: RetryPolicy;
  /** Act every new call out by itself: answered after answerAfterMs, completed talkMs later (dev). */
  autoPlay?: { answerAfterMs: number; talkMs: number };
  /** Refuse SMS without DltEntityId and DltTemplateId, as Indian traffic is refused. Default false. */
  requireDlt?: boolean;
}

export interface ExotelSimulator {
  /** The client's baseUrl (the origin; the client adds /v1/Accounts/<sid>). */
  baseUrl: string;
  /** http://host:port; the control API is under /_sim/. */
  origin: string;
  port: number;
  accountSid: string;
  calls(filter?: { from?: string; to?: string }): SimCall[];
  call(sid: string): SimCall;
  answer(sid: string): SimCall;
  /** Ends the call (a completed call is answered first); figures fill in figuresDelayMs later. */
  end(sid: string, outcome: EndOutcome, opts?: EndOptions): SimCall;
  complete(sid: string, opts?: EndOptions): SimCall;
  /** (Re)sends the call's callbacks; see DeliverOptions for duplicates, order and lateness. */
  deliverCallbacks(opts: DeliverOptions): Promise<Delivery[]>;
  /** Every delivery attempt so far, manual and automatic. */
  deliveries(): readonly Delivery[];
  sms(): SimSms[];
  /** The next `count` /v1 calls answer `status` (500, or 429 with Retry-After) instead of doing anything. */
  failNext(count: number, status?: FaultStatus, retryAfterSeconds?: number): void;
  state: ExotelSimState;
  close(): Promise<void>;
}

export async function startExotelSimulator(opts: ExotelSimulatorOptions): Promise<ExotelSimulator> {
  let faults = { remaining: 0, status: 500 as FaultStatus, retryAfterSeconds: 1 };
  let origin = '';
  const log: Delivery[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  // Closing gives up pending retries instead of waiting them out.
  const closing = new AbortController();
  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  const autoDeliver = (cb: StoredCallback) => {
    if (!opts.autoDeliverCallbacks) return;
    track(deliverOne(cb, cb.raw, { url: cb.url, retry: opts.callbackRetry ?? EXOTEL_CALLBACK_RETRY, signal: closing.signal }).then((d) => log.push(d)));
  };

  const state = new ExotelSimState({ accountSid: opts.accountSid, origin: () => origin, figuresDelayMs: opts.figuresDelayMs ?? 0, requireDlt: opts.requireDlt ?? false, onCallback: autoDeliver });

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      try {
        fn();
      } catch {
        // The call was ended by hand meanwhile.
      }
    }, ms);
    timers.add(t);
  };

  const ctx: SimContext = {
    state,
    accountSid: opts.accountSid,
    apiKey: opts.apiKey,
    apiToken: opts.apiToken,
    takeFault() {
      if (faults.remaining <= 0) return null;
      faults.remaining -= 1;
      return { status: faults.status, retryAfterSeconds: faults.retryAfterSeconds };
    },
    failNext(count, status = 500, retryAfterSeconds = 1) {
      faults = { remaining: count, status, retryAfterSeconds };
    },
    async deliverCallbacks(d) {
      const done = await deliverCallbacks(selectCallbacks(state.callbacksOf(d.callSid), d), d, closing.signal);
      log.push(...done);
      return done;
    },
    deliveries: () => [...log],
  };

  const handler = createSimHandler(ctx);
  const server = await startSimServer((req, res) => {
    handler(req, res);
    // Dev only: a new call plays itself out.
    if (opts.autoPlay && req.method === 'POST' && req.url?.endsWith('/Calls/connect.json')) {
      res.once('finish', () => {
        const newest = state.list().at(-1);
        if (!newest || res.statusCode !== 200) return;
        later(opts.autoPlay!.answerAfterMs, () => state.answer(newest.sid));
        later(opts.autoPlay!.answerAfterMs + opts.autoPlay!.talkMs, () => state.end(newest.sid, 'completed', { talkSeconds: Math.round(opts.autoPlay!.talkMs / 1000) }));
      });
    }
  }, { port: opts.port, host: opts.host });
  const port = server.port;
  origin = server.origin;

  return {
    baseUrl: origin,
    origin,
    port,
    accountSid: opts.accountSid,
    calls: (filter) => state.list(filter),
    call: (sid) => state.get(sid),
    answer: (sid) => state.answer(sid),
    end: (sid, outcome, o) => state.end(sid, outcome, o),
    complete: (sid, o) => state.end(sid, 'completed', o),
    deliverCallbacks: ctx.deliverCallbacks,
    deliveries: ctx.deliveries,
    sms: () => state.sms(),
    failNext: ctx.failNext,
    state,
    async close() {
      for (const t of timers) clearTimeout(t);
      closing.abort();
      await Promise.allSettled([...inFlight]);
      await server.close();
    },
  };
}
