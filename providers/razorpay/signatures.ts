// Razorpay's two HMAC-SHA256 signatures: checkout (key secret over `order_id|payment_id`) and
// webhooks (webhook secret over the raw body). Comparisons are constant time, unlike the SDK's.
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function hmacSha256Hex(secret: string, data: string | Uint8Array): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

/** What Razorpay Checkout hands the browser as `razorpay_signature`. */
export function checkoutSignature(orderId: string, paymentId: string, keySecret: string): string {
  return hmacSha256Hex(keySecret, `${orderId}|${paymentId}`);
}

/**
 * True when `signature` is the checkout signature of this order and payment. Pass the order id
 * from our own record, never the one the browser posted.
 */
export function verifyCheckoutSignature(orderId: string, paymentId: string, signature: string | null | undefined, keySecret: string): boolean {
  return hexDigestEquals(signature, checkoutSignature(orderId, paymentId, keySecret));
}

/** The `X-Razorpay-Signature` of a webhook body. */
export function signWebhook(rawBody: string | Uint8Array, webhookSecret: string): string {
  return hmacSha256Hex(webhookSecret, rawBody);
}

/** Verify the raw bytes as received, before parsing them. */
export function verifyWebhookSignature(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, webhookSecret: string): boolean {
  return hexDigestEquals(signatureHeader, signWebhook(rawBody, webhookSecret));
}

export { constantTimeEqual } from '../lib/constant-time.js';

function hexDigestEquals(presented: string | null | undefined, expectedHex: string): boolean {
  if (typeof presented !== 'string') return false;
  const candidate = presented.trim();
  // Buffer.from(x, 'hex') silently drops bad characters, so check the shape first.
  if (!HEX_SHA256.test(candidate)) return false;
  return timingSafeEqual(Buffer.from(candidate, 'hex'), Buffer.from(expectedHex, 'hex'));
}
