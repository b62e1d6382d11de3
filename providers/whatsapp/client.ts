// The real WhatsApp Cloud API client: a small typed fetch client for template sends. It never
// retries (Temporal activities do) and turns every failure into a WhatsAppError; every
// response body is validated before anyone sees it.
import { parseVendorJson } from '../lib/local-http.js';
import {
  DEFAULT_API_VERSION,
  LOCAL_ERROR_CODES,
  WHATSAPP_LIVE_BASE_URL,
  WhatsAppError,
  toWireNumber,
  type TemplateSendBody,
  type WhatsAppProvider,
  type WhatsAppSendResult,
  type WhatsAppTemplateMessage,
} from './interface.js';
import { errorEnvelopeSchema, sendResponseSchema } from './schemas.js';

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
  const url = `${baseUrl}/${normalizeApiVersion(opts.apiVersion ?? DEFAULT_API_VERSION)}/${encodeURIComponent(opts.phoneNumberId)}/messages`;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;

  return {
    async sendTemplate(msg: WhatsAppTemplateMessage): Promise<WhatsAppSendResult> {
      const to = toWireNumber(msg.to);
      if (!to) throw new WhatsAppError(null, { message: `"${msg.to}" is not an E.164 number (+ and 7 to 15 digits)`, type: 'LocalValidation', code: LOCAL_ERROR_CODES.invalidRequest }, { retryable: false });
      if (!msg.template) throw new WhatsAppError(null, { message: 'A template name is required', type: 'LocalValidation', code: LOCAL_ERROR_CODES.invalidRequest }, { retryable: false });

      let status: number | null = null;
      let text: string;
      try {
        const res = await doFetch(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${opts.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify(templateBody(msg, to)),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        throw transportError(status, err, timeoutMs);
      }
      if (status < 200 || status >= 300) throw httpError(status, text);

      const body = parseVendorJson(sendResponseSchema, text, `POST messages answered ${status}`, (message, cause) => invalidResponse(status, message, cause));
      return { messageId: body.messages[0]!.id, waId: body.contacts[0]!.wa_id };
    },
  };
}

function httpError(status: number, text: string): WhatsAppError {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A proxy's HTML page or an empty body: described below from the status alone.
  }
  const envelope = errorEnvelopeSchema.safeParse(json);
  if (envelope.success) return new WhatsAppError(status, envelope.data.error);
  return new WhatsAppError(status, { message: `HTTP ${status} without a Graph API error body`, type: 'HttpError', code: status, error_data: { details: text.slice(0, 200) } });
}

function transportError(status: number | null, err: unknown, timeoutMs: number): WhatsAppError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new WhatsAppError(null, { message: `POST messages got no complete answer within ${timeoutMs} ms`, type: 'Transport', code: LOCAL_ERROR_CODES.timeout }, { retryable: true, cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  const detail = status === null ? 'failed before an answer' : `failed while reading the ${status} answer`;
  return new WhatsAppError(null, { message: `POST messages ${detail}: ${message}`, type: 'Transport', code: LOCAL_ERROR_CODES.network }, { retryable: true, cause: err });
}

function invalidResponse(status: number, message: string, cause: unknown): WhatsAppError {
  // A 2xx we cannot read is a contract problem, not a blip; but the message may have gone out,
  // so a retry could send it twice: not retryable.
  return new WhatsAppError(status, { message, type: 'InvalidResponse', code: LOCAL_ERROR_CODES.invalidResponse }, { retryable: false, cause });
}
