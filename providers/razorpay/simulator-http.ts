// The simulator's HTTP face: Razorpay's /v1 routes behind Basic auth and the fault switch, and
// the /_sim control routes (a customer paying, webhook delivery, faults), which Razorpay has not.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { REFUND_IDEMPOTENCY_HEADER, RAZORPAY_EVENT_NAMES, type RazorpayEventName } from './interface.js';
import { parseBody, simError, SimError, type PayOptions, type PayResult, type RazorpaySimState, type StoredEvent } from './simulator-state.js';
import type { DeliverOptions, Delivery } from './simulator-webhooks.js';
import { basicAuthMatches, BodyError, findRoute, headerValue, ok, readJson, replyHandler, type Reply, type Route } from '../lib/sim-http.js';

export type FaultStatus = 500 | 429;

/** What the routes need from the simulator that owns them. */
export interface SimContext {
  state: RazorpaySimState;
  keyId: string;
  keySecret: string;
  /** Consumes one injected fault, if any is armed, and returns its status. */
  takeFault(): FaultStatus | null;
  failNext(count: number, status: FaultStatus): void;
  setRefundLatency(ms: number): void;
  refundLatency(): Promise<void>;
  pay(orderId: string, opts: PayOptions): PayResult;
  deliverWebhooks(opts: DeliverOptions): Promise<Delivery[]>;
  deliveries(): readonly Delivery[];
}

type Handler = (ctx: SimContext, params: string[], body: unknown, req: IncomingMessage) => Reply | Promise<Reply>;

const API_ROUTES: Route<Handler>[] = [
  ['POST', /^\/v1\/orders$/, (c, _p, body) => ok(c.state.createOrder(body))],
  ['GET', /^\/v1\/orders\/([^/]+)$/, (c, [id]) => ok(c.state.getOrder(id!))],
  ['GET', /^\/v1\/orders\/([^/]+)\/payments$/, (c, [id]) => ok(c.state.orderPayments(id!))],
  ['GET', /^\/v1\/payments\/([^/]+)$/, (c, [id]) => ok(c.state.getPayment(id!))],
  ['POST', /^\/v1\/payments\/([^/]+)\/capture$/, (c, [id], body) => ok(c.state.capture(id!, body))],
  [
    'POST',
    /^\/v1\/payments\/([^/]+)\/refund$/,
    async (c, [id], body, req) => ok(await c.state.refund(id!, body, headerValue(req, REFUND_IDEMPOTENCY_HEADER), () => c.refundLatency())),
  ],
  ['GET', /^\/v1\/refunds\/([^/]+)$/, (c, [id]) => ok(c.state.getRefund(id!))],
];

const payBodySchema = z.strictObject({
  outcome: z.enum(['captured', 'authorized', 'failed']),
  method: z.string().min(1).optional(),
  email: z.string().optional(),
  contact: z.string().optional(),
});

const deliverBodySchema = z.strictObject({
  payment_id: z.string().optional(),
  order_id: z.string().optional(),
  events: z.array(z.enum(RAZORPAY_EVENT_NAMES as [RazorpayEventName, ...RazorpayEventName[]])).optional(),
  duplicates: z.number().int().min(1).max(100).optional(),
  out_of_order: z.boolean().optional(),
  url: z.url().optional(),
  retries: z.number().int().min(0).max(10).optional(),
});

const faultBodySchema = z.strictObject({ count: z.number().int().min(0).max(1000), status: z.union([z.literal(500), z.literal(429)]).default(500) });
const latencyBodySchema = z.strictObject({ refund_ms: z.number().int().min(0).max(60_000) });

const CONTROL_ROUTES: Route<Handler>[] = [
  ['POST', /^\/_sim\/orders\/([^/]+)\/pay$/, (c, [id], body) => ok(c.pay(id!, parseBody(payBodySchema, body)))],
  [
    'POST',
    /^\/_sim\/webhooks\/deliver$/,
    async (c, _p, body) => {
      const b = parseBody(deliverBodySchema, body);
      const deliveries = await c.deliverWebhooks({ paymentId: b.payment_id, orderId: b.order_id, events: b.events, duplicates: b.duplicates, outOfOrder: b.out_of_order, url: b.url, retries: b.retries });
      return ok({ deliveries });
    },
  ],
  ['GET', /^\/_sim\/webhooks\/deliveries$/, (c) => ok({ deliveries: c.deliveries() })],
  [
    'GET',
    /^\/_sim\/events$/,
    (c, _p, _b, req) => {
      const q = new URL(req.url ?? '/', 'http://sim').searchParams;
      const events = c.state.events({ paymentId: q.get('payment_id') ?? undefined, orderId: q.get('order_id') ?? undefined });
      return ok({ events: events.map((e: StoredEvent) => ({ id: e.id, ...e.body })) });
    },
  ],
  [
    'POST',
    /^\/_sim\/faults$/,
    (c, _p, body) => {
      const b = parseBody(faultBodySchema, body);
      c.failNext(b.count, b.status);
      return ok({ armed: b.count, status: b.status });
    },
  ],
  [
    'POST',
    /^\/_sim\/latency$/,
    (c, _p, body) => {
      const b = parseBody(latencyBodySchema, body);
      c.setRefundLatency(b.refund_ms);
      return ok({ refund_ms: b.refund_ms });
    },
  ],
];

const errorBody = (err: SimError): Reply => ({ status: err.status, body: { error: err.body } });

export function createSimHandler(ctx: SimContext): (req: IncomingMessage, res: ServerResponse) => void {
  return replyHandler((req) => answer(ctx, req), {
    name: 'razorpay simulator',
    errorReply(err) {
      if (err instanceof SimError) return errorBody(err);
      if (err instanceof BodyError) return errorBody(simError(err.status, err.message));
      return null;
    },
    internalError: () => errorBody(simError(500, 'The server encountered an error. The incident has been reported to admins')),
  });
}

async function answer(ctx: SimContext, req: IncomingMessage): Promise<Reply> {
  const pathname = new URL(req.url ?? '/', 'http://sim').pathname;
  const isApi = pathname.startsWith('/v1/');
  if (isApi) {
    const fault = ctx.takeFault();
    if (fault === 429) throw simError(429, 'Too many requests', undefined, 'BAD_REQUEST_ERROR');
    if (fault === 500) throw simError(500, 'The server encountered an error. The incident has been reported to admins');
    if (!basicAuthMatches(req, ctx.keyId, ctx.keySecret)) throw simError(401, 'Authentication failed');
  }
  const route = findRoute(isApi ? API_ROUTES : CONTROL_ROUTES, req.method, pathname);
  if (!route) throw simError(404, 'The requested URL was not found on the server.');
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  return route.handler(ctx, route.params, body, req);
}
