// The real WhatsApp Cloud API client: a small typed fetch client for template and text sends. It never
// retries (Temporal activities do) and turns every failure into a WhatsAppError; every
// response body is validated before anyone sees it.
import { transportCode } from '../lib/provider-error.js';
import { callVendor, errorEnvelope, type VendorErrors } from '../lib/vendor-fetch.js';
import {
  DEFAULT_API_VERSION,
  LOCAL_ERROR_CODES,
  TEXT_MAX_LENGTH,
  WHATSAPP_LIVE_BASE_URL,
  WhatsAppError,
  toWireNumber,
  type PhoneNumberInfo,
  type SendBody,
  type TemplateSendBody,
  type TextSendBody,
  type WhatsAppProvider,
  type WhatsAppSendResult,
  type WhatsAppTemplateMessage,
  type WhatsAppTextMessage,
} from './interface.js';
import { errorEnvelopeSchema, phoneNumberInfoSchema, sendResponseSchema } from './schemas.js';

export interface WhatsAppClientOptions {
  /** Default https://graph.facebook.com; the simulator's origin in dev and tests. */
  baseUrl?: string;
  /** "v21.0" (or "21.0"). */
  apiVersion?: string;
  phoneNumberId: string;
  /** A system-user access token. */
  token: string;
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** "21", "21.0" or "v21.0" → "v21.0". */
export function normalizeApiVersion(version: string): string {
  const m = /^v?(\d+)(?:\.0)?$/.exec(version.trim());
  if (!m) throw new Error(`Not a Graph API version: ${version} (want e.g. v21.0)`);
  return `v${m[1]}.0`;
}

export function templateBody(msg: WhatsAppTemplateMessage, to: string): TemplateSendBody {
  const params = msg.params ?? [];
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: {
      name: msg.template,
      language: { code: msg.languageCode ?? 'en' },
      ...(params.length ? { components: [{ type: 'body' as const, parameters: params.map((text) => ({ type: 'text' as const, text })) }] } : {}),
    },
  };
}

export function createWhatsAppClient(opts: WhatsAppClientOptions): WhatsAppProvider {
  const baseUrl = (opts.baseUrl ?? WHATSAPP_LIVE_BASE_URL).replace(/\/+$/, '');
  const numberUrl = `${baseUrl}/${normalizeApiVersion(opts.apiVersion ?? DEFAULT_API_VERSION)}/${encodeURIComponent(opts.phoneNumberId)}`;
  const url = `${numberUrl}/messages`;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;

  async function post(payload: SendBody): Promise<WhatsAppSendResult> {
    const init = {
      method: 'POST',
      headers: { Authorization: `Bearer ${opts.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    };
    const body = await callVendor({ url, init, timeoutMs, what: 'POST messages', fetch: doFetch }, sendResponseSchema, WHATSAPP_ERRORS);
    return { messageId: body.messages[0]!.id, waId: body.contacts[0]!.wa_id };
  }

  return {
    async sendTemplate(msg: WhatsAppTemplateMessage): Promise<WhatsAppSendResult> {
      const to = wireNumber(msg.to);
      if (!msg.template) throw localRefusal('A template name is required');
      return post(templateBody(msg, to));
    },
    async sendText(msg: WhatsAppTextMessage): Promise<WhatsAppSendResult> {
      const to = wireNumber(msg.to);
      if (!msg.text || msg.text.length > TEXT_MAX_LENGTH) throw localRefusal(`A text message has 1 to ${TEXT_MAX_LENGTH} characters`);
      const body: TextSendBody = { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body: msg.text } };
      return post(body);
    },
    async verifyNumber(): Promise<PhoneNumberInfo> {
      const init = { method: 'GET', headers: { Authorization: `Bearer ${opts.token}`, Accept: 'application/json' } };
      const body = await callVendor({ url: `${numberUrl}?fields=id,display_phone_number,verified_name`, init, timeoutMs, what: 'GET phone number', fetch: doFetch }, phoneNumberInfoSchema, WHATSAPP_ERRORS);
      return { id: body.id, displayPhoneNumber: body.display_phone_number ?? null, verifiedName: body.verified_name ?? null };
    },
    forNumber: (phoneNumberId: string, token: string) => createWhatsAppClient({ ...opts, phoneNumberId, token }),
  };
}

const localRefusal = (message: string) => new WhatsAppError(null, { message, type: 'LocalValidation', code: LOCAL_ERROR_CODES.invalidRequest }, { kind: 'invalid_request', retryable: false });

function wireNumber(e164: string): string {
  const to = toWireNumber(e164);
  if (!to) throw localRefusal(`"${e164}" is not an E.164 number (+ and 7 to 15 digits)`);
  return to;
}

const WHATSAPP_ERRORS: VendorErrors = {
  transport: (kind, message, cause) =>
    new WhatsAppError(null, { message, type: 'Transport', code: transportCode(kind) }, { kind, retryable: true, cause }),
  http(status, text, retryAfterSeconds) {
    // Without the Graph API's envelope (a proxy's HTML page, an empty body) it is described from the status.
    const body = errorEnvelope(errorEnvelopeSchema, text)?.error ?? { message: `HTTP ${status} without a Graph API error body`, type: 'HttpError', code: status, error_data: { details: text.slice(0, 200) } };
    return new WhatsAppError(status, body, { retryAfterSeconds });
  },
  // A 2xx we cannot read is a contract problem, not a blip; but the message may have gone out,
  // so a retry could send it twice: not retryable.
  invalid: (status, message, cause) => new WhatsAppError(status, { message, type: 'InvalidResponse', code: LOCAL_ERROR_CODES.invalidResponse }, { kind: 'invalid_response', retryable: false, cause }),
};
