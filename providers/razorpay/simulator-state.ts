// The simulator's in-memory Razorpay: orders, payments and refunds whose states only move
// forward, refund idempotency keys, and a log of webhook events (snapshots taken when they
// happened, with their raw body fixed so a redelivery sends the same bytes).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  IDEMPOTENCY_KEY_PATTERN,
  REFUND_IDEMPOTENCY_HEADER,
  type Collection,
  type Order,
  type Payment,
  type RazorpayErrorBody,
  type RazorpayEventName,
  type RazorpayWebhookEvent,
  type Refund,
} from './interface.js';
import { captureBodySchema, createOrderBodySchema, refundBodySchema } from './schemas.js';
import { checkoutSignature } from './signatures.js';

/** An answer the simulator gives in Razorpay's error envelope. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: RazorpayErrorBody,
  ) {
    super(body.description);
  }
}

export function simError(status: number, description: string, field?: string, code = status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST_ERROR'): SimError {
  return new SimError(status, { code, description, source: 'NA', step: 'NA', reason: 'NA', metadata: {}, ...(field ? { field } : {}) });
}

/** Parses a body the way Razorpay reports it: the first problem, with its field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') throw simError(400, `${issue.keys.join(', ')} is/are not required and should not be sent`, issue.keys[0]);
  const field = issue.path.map(String).join('.');
  throw simError(400, field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}

export type PayOutcome = 'captured' | 'authorized' | 'failed';

export interface PayOptions {
  method?: string;
  outcome: PayOutcome;
  email?: string;
  contact?: string;
}

/** What Razorpay Checkout would give the browser; the signature is null for a failed payment. */
export interface PayResult {
  payment: Payment;
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string | null;
}

export interface StoredEvent {
  id: string;
  event: RazorpayEventName;
  paymentId: string;
  orderId: string | null;
  body: RazorpayWebhookEvent;
  /** The exact bytes every delivery of this event sends. */
  raw: string;
}

interface IdempotencyEntry {
  fingerprint: string;
  refundId: string | null;
}

export interface SimStateOptions {
  keySecret: string;
  accountId: string;
  onEvent?: (event: StoredEvent) => void;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string): string {
  return `${prefix}_${[...randomBytes(14)].map((b) => BASE62[b % 62]).join('')}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const clone = <T>(v: T): T => structuredClone(v);

export class RazorpaySimState {
  private readonly orders = new Map<string, Order>();
  private readonly payments = new Map<string, Payment>();
  private readonly refunds = new Map<string, Refund>();
  private readonly idempotency = new Map<string, IdempotencyEntry>();
  private readonly log: StoredEvent[] = [];

  constructor(private readonly opts: SimStateOptions) {}

  createOrder(rawBody: unknown): Order {
    const body = parseBody(createOrderBodySchema, rawBody);
    const order: Order = {
      id: newId('order'),
      entity: 'order',
      amount: body.amount,
      amount_paid: 0,
      amount_due: body.amount,
      currency: body.currency,
      receipt: body.receipt ?? null,
      status: 'created',
      attempts: 0,
      notes: body.notes ?? {},
      created_at: nowSeconds(),
    };
    this.orders.set(order.id, order);
    return clone(order);
  }

  getOrder(id: string): Order {
    return clone(this.order(id));
  }

  orderPayments(orderId: string): Collection<Payment> {
    this.order(orderId);
    const items = [...this.payments.values()].filter((p) => p.order_id === orderId).reverse().map(clone);
    return { entity: 'collection', count: items.length, items };
  }

  getPayment(id: string): Payment {
    return clone(this.payment(id));
  }

  getRefund(id: string): Refund {
    const refund = this.refunds.get(id);
    if (!refund) throw simError(404, 'The id provided does not exist', 'id');
    return clone(refund);
  }

  /** Acts out a customer paying the order at checkout. */
  pay(orderId: string, opts: PayOptions): PayResult {
    const order = this.order(orderId);
    if (order.status === 'paid') throw simError(400, 'Order has been paid already', 'order_id');
    const payment: Payment = {
      id: newId('pay'),
      entity: 'payment',
      amount: order.amount_due,
      currency: order.currency,
      status: 'created',
      order_id: order.id,
      method: opts.method ?? 'upi',
      amount_refunded: 0,
      refund_status: null,
      captured: false,
      email: opts.email ?? 'customer@example.com',
      contact: opts.contact ?? '+919999999999',
      fee: null,
      tax: null,
      notes: {},
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
      created_at: nowSeconds(),
    };
    this.payments.set(payment.id, payment);
    order.attempts += 1;
    if (order.status === 'created') order.status = 'attempted';

    if (opts.outcome === 'failed') {
      Object.assign(payment, {
        status: 'failed',
        error_code: 'BAD_REQUEST_ERROR',
        error_description: 'Payment failed because the customer cancelled it at the bank',
        error_source: 'customer',
        error_step: 'payment_authentication',
        error_reason: 'payment_cancelled',
      } satisfies Partial<Payment>);
      this.record('payment.failed', payment, { payment });
    } else {
      payment.status = 'authorized';
      this.record('payment.authorized', payment, { payment });
      if (opts.outcome === 'captured') this.settleCapture(payment);
    }
    return {
      payment: clone(payment),
      razorpay_order_id: order.id,
      razorpay_payment_id: payment.id,
      razorpay_signature: payment.status === 'failed' ? null : checkoutSignature(order.id, payment.id, this.opts.keySecret),
    };
  }

  capture(paymentId: string, rawBody: unknown): Payment {
    const payment = this.payment(paymentId);
    const body = parseBody(captureBodySchema, rawBody);
    if (payment.captured) throw simError(400, 'This payment has already been captured');
    if (payment.status !== 'authorized') throw simError(400, 'Only payments which have been authorized and not yet captured can be captured');
    if (body.amount !== payment.amount) throw simError(400, 'Capture amount must be equal to the amount authorized', 'amount');
    if (body.currency !== payment.currency) throw simError(400, 'Currency should be same as that of the payment', 'currency');
    this.settleCapture(payment);
    return clone(payment);
  }

  /**
   * POST /payments/:id/refund. With a key: same key and body → the first refund; same key,
   * other body → 400; key still in flight (during `latency`) → 409. A failed attempt frees its key.
   */
  async refund(paymentId: string, rawBody: unknown, key: string | undefined, latency: () => Promise<void>): Promise<Refund> {
    if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw simError(400, 'The idempotency key must be at least 10 characters of alphabets, digits, - and _', REFUND_IDEMPOTENCY_HEADER);
    }
    this.payment(paymentId);
    const body = parseBody(refundBodySchema, rawBody);
    if (key !== undefined) {
      const fingerprint = `${paymentId}:${canonicalJson(body)}`;
      const seen = this.idempotency.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) throw simError(400, 'The idempotency key was already used with a different request', REFUND_IDEMPOTENCY_HEADER);
        if (seen.refundId === null) throw simError(409, 'A request with this idempotency key is still being processed', REFUND_IDEMPOTENCY_HEADER);
        return this.getRefund(seen.refundId);
      }
      this.idempotency.set(key, { fingerprint, refundId: null });
    }
    try {
      await latency();
      const refund = this.createRefund(this.payment(paymentId), body);
      if (key !== undefined) this.idempotency.set(key, { fingerprint: this.idempotency.get(key)!.fingerprint, refundId: refund.id });
      return refund;
    } catch (err) {
      if (key !== undefined) this.idempotency.delete(key);
      throw err;
    }
  }

  /** Logged events, oldest first, optionally for one payment or one order. */
  events(filter: { paymentId?: string; orderId?: string } = {}): StoredEvent[] {
    return this.log.filter((e) => (!filter.paymentId || e.paymentId === filter.paymentId) && (!filter.orderId || e.orderId === filter.orderId));
  }

  private createRefund(payment: Payment, body: z.infer<typeof refundBodySchema>): Refund {
    const remaining = payment.amount - payment.amount_refunded;
    if (payment.captured && remaining <= 0) throw simError(400, 'The payment has been fully refunded already', 'amount');
    if (payment.status !== 'captured') throw simError(400, 'Only captured payments can be refunded', 'payment_id');
    const amount = body.amount ?? remaining;
    if (amount > remaining) throw simError(400, 'The refund amount provided is greater than amount captured', 'amount');

    const refund: Refund = {
      id: newId('rfnd'),
      entity: 'refund',
      amount,
      currency: payment.currency,
      payment_id: payment.id,
      notes: body.notes ?? {},
      receipt: body.receipt ?? null,
      status: 'pending',
      speed_requested: body.speed ?? 'normal',
      speed_processed: null,
      created_at: nowSeconds(),
    };
    this.refunds.set(refund.id, refund);
    payment.amount_refunded += amount;
    const full = payment.amount_refunded === payment.amount;
    payment.refund_status = full ? 'full' : 'partial';
    if (full) payment.status = 'refunded';
    this.record('refund.created', payment, { refund, payment });
    // The simulator settles at once; the events still show pending, then processed.
    refund.status = 'processed';
    refund.speed_processed = refund.speed_requested === 'optimum' ? 'instant' : 'normal';
    this.record('refund.processed', payment, { refund, payment });
    return clone(refund);
  }

  private settleCapture(payment: Payment): void {
    const feeBase = Math.round(payment.amount * 0.02);
    const tax = Math.round(feeBase * 0.18);
    Object.assign(payment, { status: 'captured', captured: true, fee: feeBase + tax, tax } satisfies Partial<Payment>);
    this.record('payment.captured', payment, { payment });
    const order = payment.order_id ? this.orders.get(payment.order_id) : undefined;
    if (order && order.status !== 'paid') {
      Object.assign(order, { status: 'paid', amount_paid: order.amount, amount_due: 0 } satisfies Partial<Order>);
      this.record('order.paid', payment, { payment, order });
    }
  }

  private record(event: RazorpayEventName, payment: Payment, entities: { payment: Payment; order?: Order; refund?: Refund }): void {
    const contains = event.startsWith('refund.') ? ['refund', 'payment'] : entities.order ? ['payment', 'order'] : ['payment'];
    const payload: RazorpayWebhookEvent['payload'] = {};
    if (entities.refund) payload.refund = { entity: clone(entities.refund) };
    payload.payment = { entity: clone(entities.payment) };
    if (entities.order) payload.order = { entity: clone(entities.order) };
    const body: RazorpayWebhookEvent = { entity: 'event', account_id: this.opts.accountId, event, contains, payload, created_at: nowSeconds() };
    const stored: StoredEvent = { id: newId('evt'), event, paymentId: payment.id, orderId: payment.order_id, body, raw: JSON.stringify(body) };
    this.log.push(stored);
    this.opts.onEvent?.(stored);
  }

  private order(id: string): Order {
    const order = this.orders.get(id);
    if (!order) throw simError(404, 'The id provided does not exist', 'id');
    return order;
  }

  private payment(id: string): Payment {
    const payment = this.payments.get(id);
    if (!payment) throw simError(404, 'The id provided does not exist', 'id');
    return payment;
  }
}

/** JSON with object keys sorted, so equal bodies compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
