// The Razorpay client from config: the real HTTP client, pointed at the local simulator in
// sim mode (the default for npm start and tests) or at Razorpay in live mode.
import { createRazorpay } from '../providers/razorpay/index.js';
import type { Config } from './env.js';

export function razorpayFromConfig(config: Config) {
  const baseUrl = config.RAZORPAY_BASE_URL ?? (config.RAZORPAY_MODE === 'sim' ? `http://127.0.0.1:${config.RAZORPAY_SIM_PORT}/v1` : undefined);
  return createRazorpay({ mode: config.RAZORPAY_MODE, ...(baseUrl ? { baseUrl } : {}), keyId: config.RAZORPAY_KEY_ID, keySecret: config.RAZORPAY_KEY_SECRET, timeoutMs: 10_000 });
}
