// The Razorpay contract the rest of the system codes against: entities as the v1 API returns
// them, the calls we make, and one typed error. The real client and the simulator both honour it.
import { kindOf, ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export const RAZORPAY_LIVE_BASE_URL = 'https://api.razorpay.com/v1';
export const REFUND_IDEMPOTENCY_HEADER = 'X-Refund-Idempotency';
export const WEBHOOK_SIGNATURE_HEADER = 'X-Razorpay-Signature';
export const WEBHOOK_EVENT_ID_HEADER = 'x-razorpay-event-id';
/** Razorpay's rule for refund idempotency keys: at least 10 of `[A-Za-z0-9_-]`. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{10,}$/;

/** String key/value pairs (at most 15) that Razorpay stores with an entity. */
export type Notes = Record<string, string>;
export type Currency = 'INR';

export type OrderStatus = 'created' | 'attempted' | 'paid';
export type PaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
export type RefundStatus = 'pending' | 'processed' | 'failed';
export type RefundSpeed = 'normal' | 'optimum';

export interface Order {
  id: string;
  entity: 'order';
  /** Integer paise. */
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  status: OrderStatus;
  attempts: number;
  notes: Notes;
  /** Unix seconds. */
  created_at: number;
}

export interface Payment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: PaymentStatus;
  order_id: string | null;
  method: string;
  amount_refunded: number;
  refund_status: 'partial' | 'full' | null;
  captured: boolean;
  email: string | null;
  contact: string | null;
  /** Razorpay's fee including tax, in paise; null until captured. */
  fee: number | null;
  tax: number | null;
  notes: Notes;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  created_at: number;
}

export interface Refund {
  id: string;
  entity: 'refund';
  amount: number;
  currency: string;
  payment_id: string;
  notes: Notes;
  receipt: string | null;
  status: RefundStatus;
  speed_requested: string | null;
  speed_processed: string | null;
  created_at: number;
}

export interface Collection<T> {
  entity: 'collection';
  count: number;
  items: T[];
}

export interface CreateOrderInput {
  /** Integer paise, at least 100 (₹1). */
  amount: number;
  currency: Currency;
  /** Our own reference, at most 40 characters. */
  receipt: string;
  notes?: Notes;
  partial_payment?: boolean;
}

export interface CaptureInput {
  /** Must equal the payment's amount. */
  amount: number;
  currency: Currency;
}

export interface CreateRefundInput {
  /** Paise; absent refunds whatever is left. */
  amount?: number;
  speed?: RefundSpeed;
  notes?: Notes;
  receipt?: string;
}

export interface RazorpayProvider {
  createOrder(input: CreateOrderInput): Promise<Order>;
  fetchOrder(orderId: string): Promise<Order>;
  /** Every payment attempt on an order; what reconciliation reads. */
  fetchOrderPayments(orderId: string): Promise<Collection<Payment>>;
  fetchPayment(paymentId: string): Promise<Payment>;
  capturePayment(paymentId: string, input: CaptureInput): Promise<Payment>;
  /**
   * Sends `X-Refund-Idempotency: idempotencyKey`: a retry with the same key and body returns
   * the first refund instead of refunding twice. The key must match IDEMPOTENCY_KEY_PATTERN.
   */
  createRefund(paymentId: string, input: CreateRefundInput, idempotencyKey: string): Promise<Refund>;
  fetchRefund(refundId: string): Promise<Refund>;
}

export type RazorpayEventName =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.failed'
  | 'order.paid'
  | 'refund.created'
  | 'refund.processed'
  | 'refund.failed';

export const RAZORPAY_EVENT_NAMES: readonly RazorpayEventName[] = [
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'order.paid',
  'refund.created',
  'refund.processed',
  'refund.failed',
];

/** The webhook body. Entities are snapshots taken when the event happened. */
export interface RazorpayWebhookEvent {
  entity: 'event';
  account_id: string;
  event: RazorpayEventName;
  contains: string[];
  payload: {
    payment?: { entity: Payment };
    order?: { entity: Order };
    refund?: { entity: Refund };
  };
  created_at: number;
}

/** The body of every Razorpay error response. */
export interface RazorpayErrorBody {
  code: string;
  description: string;
  source?: string | null;
  step?: string | null;
  reason?: string | null;
  metadata?: Record<string, unknown> | null;
  field?: string | null;
}

export { LOCAL_ERROR_CODES } from '../lib/provider-error.js';

/**
 * Every failure of a Razorpay call. `status` is null when no HTTP answer arrived.
 * `retryable` is true for network errors, timeouts, 408, 409 (an idempotency key still in
 * flight: the retry will get the finished refund), 429 and 5xx; false for other 4xx.
 * A ProviderError, so activities can map it without knowing Razorpay.
 */
export class RazorpayError extends ProviderError {
  override readonly name = 'RazorpayError';
  readonly code: string;
  readonly description: string;
  readonly source: string | null;
  readonly step: string | null;
  readonly reason: string | null;
  readonly field: string | null;
  readonly metadata: Record<string, unknown> | null;

  constructor(status: number | null, body: RazorpayErrorBody, opts: { retryable?: boolean; kind?: ProviderFailureKind; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    super(`Razorpay ${status ?? 'request'} ${body.code}: ${body.description}`, {
      provider: 'razorpay',
      status,
      kind: opts.kind ?? kindOf(status),
      retryable: opts.retryable ?? isRetryableStatus(status),
      retryAfterSeconds: opts.retryAfterSeconds,
      cause: opts.cause,
    });
    this.code = body.code;
    this.description = body.description;
    this.source = body.source ?? null;
    this.step = body.step ?? null;
    this.reason = body.reason ?? null;
    this.field = body.field ?? null;
    this.metadata = body.metadata ?? null;
  }
}

export function isRetryableStatus(status: number | null): boolean {
  if (status === null) return true;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
