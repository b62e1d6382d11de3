// The real Razorpay client: a small typed fetch client (the SDK cannot send X-Refund-Idempotency).
// It never retries (Temporal activities do) and turns every failure into a RazorpayError;
// every response body is validated before anyone sees it.
import type { z } from 'zod';
import { parseVendorJson } from '../lib/local-http.js';
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

  async function call<T>({ method, path, schema, body, headers }: Call<T>): Promise<T> {
    const init: RequestInit = {
      method,
      headers: { Authorization: authorization, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      signal: AbortSignal.timeout(timeoutMs),
    };
    if (body !== undefined) init.body = JSON.stringify(body);

    let status: number | null = null;
    let text: string;
    try {
      const res = await doFetch(`${baseUrl}${path}`, init);
      status = res.status;
      text = await res.text();
    } catch (err) {
      throw transportError(status, err, `${method} ${path}`, timeoutMs);
    }

    if (status < 200 || status >= 300) throw httpError(status, text);

    return parseVendorJson(schema, text, `${method} ${path} answered ${status}`, (message, cause) => invalidResponse(status, message, cause));
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
            { retryable: false },
          ),
        );
      }
      return call({ method: 'POST', path: `/payments/${id(paymentId)}/refund`, body: input, headers: { [REFUND_IDEMPOTENCY_HEADER]: idempotencyKey }, schema: refundSchema });
    },
    fetchRefund: (refundId) => call({ method: 'GET', path: `/refunds/${id(refundId)}`, schema: refundSchema }),
  };
}

function httpError(status: number, text: string): RazorpayError {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A proxy's HTML page or an empty body: described below from the status alone.
  }
  const envelope = errorEnvelopeSchema.safeParse(json);
  if (envelope.success) return new RazorpayError(status, envelope.data.error);
  return new RazorpayError(status, { code: status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST_ERROR', description: `HTTP ${status} without a Razorpay error body`, metadata: { body: text.slice(0, 200) } });
}

function transportError(status: number | null, err: unknown, what: string, timeoutMs: number): RazorpayError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RazorpayError(null, { code: LOCAL_ERROR_CODES.timeout, description: `${what} got no complete answer within ${timeoutMs} ms` }, { retryable: true, cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  const detail = status === null ? 'failed before an answer' : `failed while reading the ${status} answer`;
  return new RazorpayError(null, { code: LOCAL_ERROR_CODES.network, description: `${what} ${detail}: ${message}` }, { retryable: true, cause: err });
}

function invalidResponse(status: number, description: string, cause: unknown): RazorpayError {
  // A 2xx we cannot read is a contract problem, not a blip: retrying would not fix it.
  return new RazorpayError(status, { code: LOCAL_ERROR_CODES.invalidResponse, description }, { retryable: false, cause });
}
