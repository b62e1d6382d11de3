// The real voice-AI client (ElevenLabs Conversational AI over Twilio): place an outbound call and
// fetch a conversation. A small typed fetch client: `xi-api-key` auth, zod-checked answers, every
// failure a VoiceError. It never retries (Temporal activities do); an outbound call that may
// have been placed is not retryable when its answer cannot be read.
import { kindForStatus } from '../lib/provider-error.js';
import { callVendor, errorEnvelope, type VendorErrors } from '../lib/vendor-fetch.js';
import { VoiceError, type OutboundCallRequest, type OutboundCallResult, type VoiceConversation, type VoiceProvider } from './interface.js';
import { conversationSchema, describeErrorBody, errorBodySchema, outboundCallResponseSchema, toConversation, type OutboundCallBody } from './schemas.js';

export const VOICE_LIVE_BASE_URL = 'https://api.elevenlabs.io';
/** Unconfirmed in the vendor docs we have; keep it configurable (VOICE_OUTBOUND_CALL_PATH). */
export const DEFAULT_OUTBOUND_CALL_PATH = '/v1/convai/twilio/outbound-call';

export interface VoiceClientOptions {
  /** Default https://api.elevenlabs.io; the simulator's origin in dev and tests. */
  baseUrl?: string;
  apiKey: string;
  outboundCallPath?: string;
  /** Per request, including reading the body. Default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function outboundCallBody(req: OutboundCallRequest): OutboundCallBody {
  return {
    agent_id: req.agentId,
    agent_phone_number_id: req.agentPhoneNumberId,
    to_number: req.toNumber,
    conversation_initiation_client_data: { dynamic_variables: req.dynamicVariables },
  };
}

const invalidRequest = (message: string) => new VoiceError(message, { kind: 'invalid_request', status: null, retryable: false });

export function createVoiceClient(opts: VoiceClientOptions): VoiceProvider {
  const baseUrl = (opts.baseUrl ?? VOICE_LIVE_BASE_URL).replace(/\/+$/, '');
  const path = opts.outboundCallPath ?? DEFAULT_OUTBOUND_CALL_PATH;
  if (!path.startsWith('/')) throw new Error(`outboundCallPath must start with /: ${path}`);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const headers = { 'xi-api-key': opts.apiKey, Accept: 'application/json' };

  return {
    async startOutboundCall(req: OutboundCallRequest): Promise<OutboundCallResult> {
      if (!/^\+[1-9]\d{6,14}$/.test(req.toNumber)) throw invalidRequest(`"${req.toNumber}" is not an E.164 number (+ and 7 to 15 digits)`);
      if (!req.agentId || !req.agentPhoneNumberId) throw invalidRequest('agentId and agentPhoneNumberId are required');
      const init = { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(outboundCallBody(req)) };
      const what = `POST ${path}`;
      const body = await callVendor({ url: `${baseUrl}${path}`, init, timeoutMs, what, fetch: opts.fetch }, outboundCallResponseSchema, OUTBOUND_ERRORS);
      // The vendor answers 200 with success:false when the telephony side refused the call.
      if (!body.success) throw new VoiceError(`${what} refused the call: ${body.message ?? 'no reason given'}`, { kind: 'client', status: 200, retryable: false });
      if (!body.conversation_id) throw new VoiceError(`${what} answered success without a conversation_id`, { kind: 'invalid_response', status: 200, retryable: false });
      return { conversationId: body.conversation_id, callSid: body.callSid ?? null };
    },

    async getConversation(conversationId: string): Promise<VoiceConversation> {
      if (!conversationId) throw invalidRequest('conversationId is required');
      const what = 'GET /v1/convai/conversations/{id}';
      const url = `${baseUrl}/v1/convai/conversations/${encodeURIComponent(conversationId)}`;
      const body = await callVendor({ url, init: { method: 'GET', headers }, timeoutMs, what, fetch: opts.fetch }, conversationSchema, READ_ERRORS);
      return toConversation(body);
    },
  };
}

function httpError(status: number, text: string, retryAfterSeconds: number | null): VoiceError {
  const env = errorEnvelope(errorBodySchema, text);
  const { status: code, message } = env ? describeErrorBody(env) : { status: null, message: `HTTP ${status} without an error body: ${text.slice(0, 200)}` };
  return new VoiceError(`voice API answered ${status}${code ? ` (${code})` : ''}: ${message}`, { kind: kindForStatus(status), status, retryAfterSeconds });
}

const READ_ERRORS: VendorErrors = {
  transport: (kind, message, cause) => new VoiceError(message, { kind, status: null, cause }),
  http: httpError,
  invalid: (status, message, cause) => new VoiceError(message, { kind: 'invalid_response', status, cause }),
};

// A call whose answer we could not read may be ringing already: retrying could call twice.
const OUTBOUND_ERRORS: VendorErrors = {
  ...READ_ERRORS,
  invalid: (status, message, cause) => new VoiceError(message, { kind: 'invalid_response', status, retryable: false, cause }),
};
