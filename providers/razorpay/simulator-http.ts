// The simulator's HTTP face: Razorpay's /v1 routes behind Basic auth and the fault switch, and
// the /_sim control routes (a customer paying, webhook delivery, faults), which Razorpay has not.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { REFUND_IDEMPOTENCY_HEADER, RAZORPAY_EVENT_NAMES, type RazorpayEventName } from './interface.js';
import { constantTimeEqual } from './signatures.js';
import { parseBody, simError, SimError, type PayOptions, type PayResult, type RazorpaySimState, type StoredEvent } from './simulator-state.js';
import type { DeliverOptions, Delivery } from './simulator-webhooks.js';

const MAX_BODY_BYTES = 1_048_576;

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

interface Reply {
  status: number;
  body: unknown;
}

type Handler = (ctx: SimContext, params: string[], body: unknown, req: IncomingMessage) => Reply | Promise<Reply>;

const ok = (body: unknown): Reply => ({ status: 200, body });

const API_ROUTES: [string, RegExp, Handler][] = [
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
});

const faultBodySchema = z.strictObject({ count: z.number().int().min(0).max(1000), status: z.union([z.literal(500), z.literal(429)]).default(500) });
const latencyBodySchema = z.strictObject({ refund_ms: z.number().int().min(0).max(60_000) });

const CONTROL_ROUTES: [string, RegExp, Handler][] = [
  ['POST', /^\/_sim\/orders\/([^/]+)\/pay$/, (c, [id], body) => ok(c.pay(id!, parseBody(payBodySchema, body)))],
  [
    'POST',
    /^\/_sim\/webhooks\/deliver$/,
    async (c, _p, body) => {
      const b = parseBody(deliverBodySchema, body);
      const deliveries = await c.deliverWebhooks({ paymentId: b.payment_id, orderId: b.order_id, events: b.events, duplicates: b.duplicates, outOfOrder: b.out_of_order, url: b.url });
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

export function createSimHandler(ctx: SimContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void answer(ctx, req).then(
      (reply) => send(res, reply),
      (err: unknown) => {
        if (err instanceof SimError) return send(res, { status: err.status, body: { error: err.body } });
        console.error('razorpay simulator: unexpected error', err);
        return send(res, { status: 500, body: { error: simError(500, 'The server encountered an error. The incident has been reported to admins').body } });
      },
    );
  };
}

async function answer(ctx: SimContext, req: IncomingMessage): Promise<Reply> {
  const pathname = new URL(req.url ?? '/', 'http://sim').pathname;
  const isApi = pathname.startsWith('/v1/');
  if (isApi) {
    const fault = ctx.takeFault();
    if (fault === 429) throw simError(429, 'Too many requests', undefined, 'BAD_REQUEST_ERROR');
    if (fault === 500) throw simError(500, 'The server encountered an error. The incident has been reported to admins');
    if (!authorized(ctx, req)) throw simError(401, 'Authentication failed');
  }
  const routes = isApi ? API_ROUTES : CONTROL_ROUTES;
  for (const [method, pattern, handler] of routes) {
    const m = pattern.exec(pathname);
    if (!m || method !== req.method) continue;
    const body = method === 'POST' ? await readJson(req) : undefined;
    return handler(ctx, m.slice(1).map(decodeURIComponent), body, req);
  }
  throw simError(404, 'The requested URL was not found on the server.');
}

function authorized(ctx: SimContext, req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
  if (!m) return false;
  return constantTimeEqual(Buffer.from(m[1]!, 'base64').toString('utf8'), `${ctx.keyId}:${ctx.keySecret}`);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw simError(413, 'Request body is too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw simError(400, 'The request body is not valid JSON');
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}
