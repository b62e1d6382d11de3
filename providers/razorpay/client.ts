// The real Razorpay client: a small typed fetch client (the SDK cannot send X-Refund-Idempotency).
// It never retries (Temporal activities do) and turns every failure into a RazorpayError;
// every response body is validated before anyone sees it.
import type { z } from 'zod';
import { transportCode } from '../lib/provider-error.js';
import { callVendor, errorEnvelope, type VendorErrors } from '../lib/vendor-fetch.js';
import {
  IDEMPOTENCY_KEY_PATTERN,
  LOCAL_ERROR_CODES,
  RAZORPAY_LIVE_BASE_URL,
  RazorpayError,
  REFUND_IDEMPOTENCY_HEADER,
  type CaptureInput,
  type Collection,
  type CreateOrderInput,
  type CreateRefundInput,
  type Order,
  type Payment,
  type RazorpayProvider,
  type Refund,
} from './interface.js';
import { collectionSchema, errorEnvelopeSchema, orderSchema, paymentSchema, refundSchema } from './schemas.js';

export interface RazorpayClientOptions {
  /** Default https://api.razorpay.com/v1; the simulator's baseUrl in dev and tests. */
  baseUrl?: string;
  keyId: string;
  keySecret: string;
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

interface Call<T> {
  method: 'GET' | 'POST';
  path: string;
  schema: z.ZodType<T>;
  body?: unknown;
  headers?: Record<string, string>;
}

const paymentCollectionSchema = collectionSchema(paymentSchema);

export function createRazorpayClient(opts: RazorpayClientOptions): RazorpayProvider {
  const baseUrl = (opts.baseUrl ?? RAZORPAY_LIVE_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${opts.keyId}:${opts.keySecret}`, 'utf8').toString('base64')}`;

  function call<T>({ method, path, schema, body, headers }: Call<T>): Promise<T> {
    const init: RequestInit = {
      method,
      headers: { Authorization: authorization, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    return callVendor({ url: `${baseUrl}${path}`, init, timeoutMs, what: `${method} ${path}`, fetch: doFetch }, schema, RAZORPAY_ERRORS);
  }

  const id = (value: string) => encodeURIComponent(value);

  return {
    createOrder: (input: CreateOrderInput): Promise<Order> => call({ method: 'POST', path: '/orders', body: input, schema: orderSchema }),
    fetchOrder: (orderId) => call({ method: 'GET', path: `/orders/${id(orderId)}`, schema: orderSchema }),
    fetchOrderPayments: (orderId): Promise<Collection<Payment>> => call({ method: 'GET', path: `/orders/${id(orderId)}/payments`, schema: paymentCollectionSchema }),
    fetchPayment: (paymentId) => call({ method: 'GET', path: `/payments/${id(paymentId)}`, schema: paymentSchema }),
    capturePayment: (paymentId, input: CaptureInput) => call({ method: 'POST', path: `/payments/${id(paymentId)}/capture`, body: input, schema: paymentSchema }),
    createRefund(paymentId, input: CreateRefundInput, idempotencyKey): Promise<Refund> {
      // Without a valid key Razorpay might ignore the header and refund twice on a retry: refuse here.
      if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
        return Promise.reject(
          new RazorpayError(
            null,
            { code: LOCAL_ERROR_CODES.invalidRequest, description: 'The refund idempotency key must be at least 10 characters of [A-Za-z0-9_-]', field: REFUND_IDEMPOTENCY_HEADER },
            { kind: 'invalid_request', retryable: false },
          ),
        );
      }
      return call({ method: 'POST', path: `/payments/${id(paymentId)}/refund`, body: input, headers: { [REFUND_IDEMPOTENCY_HEADER]: idempotencyKey }, schema: refundSchema });
    },
    fetchRefund: (refundId) => call({ method: 'GET', path: `/refunds/${id(refundId)}`, schema: refundSchema }),
  };
}

const RAZORPAY_ERRORS: VendorErrors = {
  transport: (kind, description, cause) => new RazorpayError(null, { code: transportCode(kind), description }, { kind, retryable: true, cause }),
  http(status, text, retryAfterSeconds) {
    // Without Razorpay's envelope (a proxy's HTML page, an empty body) it is described from the status.
    const body = errorEnvelope(errorEnvelopeSchema, text)?.error ?? { code: status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST_ERROR', description: `HTTP ${status} without a Razorpay error body`, metadata: { body: text.slice(0, 200) } };
    return new RazorpayError(status, body, { retryAfterSeconds });
  },
  // A 2xx we cannot read is a contract problem, not a blip: retrying would not fix it.
  invalid: (status, description, cause) => new RazorpayError(status, { code: LOCAL_ERROR_CODES.invalidResponse, description }, { kind: 'invalid_response', retryable: false, cause }),
};
