// The real Exotel client: a small typed fetch client for the v1 `.json` API (Basic auth
// api_key:api_token, form-encoded POSTs). Every response is validated; every failure becomes
// an ExotelError. It retries only a 429 (Exotel did nothing), briefly; Temporal retries the rest.
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { transportCode } from '../lib/provider-error.js';
import { callVendor, errorEnvelope, type VendorErrors } from '../lib/vendor-fetch.js';
import {
  codeForStatus,
  EXOTEL_LIVE_SUBDOMAIN,
  ExotelError,
  LOCAL_ERROR_CODES,
  MAX_CUSTOM_FIELD_LENGTH,
  MAX_SMS_BODY_LENGTH,
  MAX_TIME_LIMIT_SECONDS,
  type ConnectCallInput,
  type ExotelCall,
  type ExotelCallDetails,
  type ExotelProvider,
  type SendSmsInput,
} from './interface.js';
import { callDetailsEnvelopeSchema, callEnvelopeSchema, restExceptionSchema, smsEnvelopeSchema } from './schemas.js';

export interface ExotelClientOptions {
  /** Origin the `/v1/Accounts/<sid>/…` paths hang off; default `https://<subdomain>`. The simulator's origin in dev and tests. */
  baseUrl?: string;
  /** `api.exotel.com` (default) or `api.in.exotel.com`. */
  subdomain?: string;
  accountSid: string;
  apiKey: string;
  apiToken: string;
  /** Default `From` of an SMS (the ExoPhone). */
  defaultSmsFrom?: string;
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  /** How many times a 429 is retried in place (default 1), and the longest wait for it (default 2 s). */
  rateLimitRetries?: number;
  maxRateLimitWaitMs?: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

interface Call<T> {
  method: 'GET' | 'POST';
  path: string;
  schema: z.ZodType<T>;
  form?: URLSearchParams;
}

export function createExotelClient(opts: ExotelClientOptions): ExotelProvider {
  const origin = (opts.baseUrl ?? `https://${opts.subdomain ?? EXOTEL_LIVE_SUBDOMAIN}`).replace(/\/+$/, '');
  const base = `${origin}/v1/Accounts/${encodeURIComponent(opts.accountSid)}`;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const rateLimitRetries = opts.rateLimitRetries ?? 1;
  const maxRateLimitWaitMs = opts.maxRateLimitWaitMs ?? 2_000;
  const doFetch = opts.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${opts.apiKey}:${opts.apiToken}`, 'utf8').toString('base64')}`;

  function once<T>({ method, path, schema, form }: Call<T>): Promise<T> {
    const init: RequestInit = {
      method,
      headers: { Authorization: authorization, Accept: 'application/json', ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    };
    if (form) init.body = form.toString();
    return callVendor({ url: `${base}${path}`, init, timeoutMs, what: `${method} ${path}`, fetch: doFetch }, schema, EXOTEL_ERRORS);
  }

  async function call<T>(c: Call<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(c);
      } catch (err) {
        // A 429 was refused before anything happened, so even a POST is safe to send again.
        if (!(err instanceof ExotelError) || err.status !== 429 || attempt >= rateLimitRetries) throw err;
        const waitMs = (err.retryAfterSeconds ?? 1) * 1000;
        if (waitMs > maxRateLimitWaitMs) throw err;
        await sleep(waitMs);
      }
    }
  }

  return {
    connectCall(p: ConnectCallInput): Promise<ExotelCall> {
      const problem = connectProblem(p);
      if (problem) return Promise.reject(new ExotelError(null, LOCAL_ERROR_CODES.invalidRequest, problem, { kind: 'invalid_request', retryable: false }));
      const form = new URLSearchParams({ From: p.from, To: p.to, CallerId: p.callerId, CallType: 'trans', StatusCallback: p.statusCallback });
      form.append('StatusCallbackEvents[0]', 'terminal');
      form.append('StatusCallbackEvents[1]', 'answered');
      form.append('StatusCallbackContentType', 'application/json');
      if (p.record !== undefined) form.append('Record', String(p.record));
      if (p.timeLimitSeconds !== undefined) form.append('TimeLimit', String(p.timeLimitSeconds));
      if (p.customField !== undefined) form.append('CustomField', p.customField);
      return call({ method: 'POST', path: '/Calls/connect.json', form, schema: callEnvelopeSchema });
    },
    getCall(sid: string): Promise<ExotelCallDetails> {
      return call({ method: 'GET', path: `/Calls/${encodeURIComponent(sid)}.json?details=true`, schema: callDetailsEnvelopeSchema });
    },
    sendSms(p: SendSmsInput) {
      const from = p.from ?? opts.defaultSmsFrom;
      const problem = !from ? 'An SMS needs a From (or a configured default sender)' : smsProblem(p);
      if (problem) return Promise.reject(new ExotelError(null, LOCAL_ERROR_CODES.invalidRequest, problem, { kind: 'invalid_request', retryable: false }));
      const form = new URLSearchParams({ From: from!, To: p.to, Body: p.body });
      if (p.dltEntityId) form.append('DltEntityId', p.dltEntityId);
      if (p.dltTemplateId) form.append('DltTemplateId', p.dltTemplateId);
      if (p.customField !== undefined) form.append('CustomField', p.customField);
      if (p.statusCallback) form.append('StatusCallback', p.statusCallback);
      return call({ method: 'POST', path: '/Sms/send.json', form, schema: smsEnvelopeSchema });
    },
  };
}

function connectProblem(p: ConnectCallInput): string | null {
  if (!p.from.trim() || !p.to.trim() || !p.callerId.trim()) return 'From, To and CallerId are required';
  if (p.customField !== undefined && p.customField.length > MAX_CUSTOM_FIELD_LENGTH) return `CustomField is longer than ${MAX_CUSTOM_FIELD_LENGTH} characters`;
  if (p.timeLimitSeconds !== undefined && !(Number.isInteger(p.timeLimitSeconds) && p.timeLimitSeconds > 0 && p.timeLimitSeconds <= MAX_TIME_LIMIT_SECONDS)) {
    return `TimeLimit must be 1..${MAX_TIME_LIMIT_SECONDS} seconds`;
  }
  return null;
}

function smsProblem(p: SendSmsInput): string | null {
  if (!p.to.trim()) return 'To is required';
  if (!p.body || p.body.length > MAX_SMS_BODY_LENGTH) return `Body must be 1..${MAX_SMS_BODY_LENGTH} characters`;
  if (p.customField !== undefined && p.customField.length > MAX_CUSTOM_FIELD_LENGTH) return `CustomField is longer than ${MAX_CUSTOM_FIELD_LENGTH} characters`;
  return null;
}

const EXOTEL_ERRORS: VendorErrors = {
  transport: (kind, message, cause) => new ExotelError(null, transportCode(kind), message, { kind, retryable: true, cause }),
  http(status, text, retryAfterSeconds) {
    // An XML error page, a proxy's HTML or an empty body is described from the status alone.
    const envelope = errorEnvelope(restExceptionSchema, text);
    const message = envelope ? envelope.RestException.Message : `HTTP ${status} without a RestException body: ${text.slice(0, 200)}`;
    return new ExotelError(status, codeForStatus(status), message, { retryAfterSeconds });
  },
  // A 2xx we cannot read is a contract problem, not a blip: retrying would not fix it.
  invalid: (status, message, cause) => new ExotelError(status, LOCAL_ERROR_CODES.invalidResponse, message, { kind: 'invalid_response', retryable: false, cause }),
};
