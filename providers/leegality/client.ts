// The real Leegality client: a small typed fetch client. Every call carries X-Auth-Token; it
// never retries (Temporal activities do) and turns every failure, a non-2xx or a 2xx saying
// `status: 0`, into a LeegalityError. Nothing here logs, so the token and the PDF stay out of logs.
// Leegality's public docs do not confirm the details and fetchDocument answers: we read
// `data.status` + `data.invitations[]` flags and the file as base64 in `data.file` (schemas.ts,
// tolerant of extra fields). Check both against the sandbox before going live.
import type { z } from 'zod';
import { transportCode } from '../lib/provider-error.js';
import { callVendor, errorEnvelope, type VendorErrors } from '../lib/vendor-fetch.js';
import { describeIssues } from '../lib/local-http.js';
import {
  AUTH_TOKEN_HEADER,
  DOCUMENT_DETAILS_PATH,
  FETCH_DOCUMENT_PATH,
  LEEGALITY_LIVE_BASE_URL,
  LeegalityError,
  LOCAL_ERROR_CODES,
  SIGN_REQUEST_PATH,
  type CreateSignRequestInput,
  type DocumentSummary,
  type DownloadType,
  type LeegalityProvider,
  type SignRequest,
} from './interface.js';
import { createDataSchema, detailsDataSchema, envelopeSchema, failureEnvelopeSchema, fileDataSchema } from './schemas.js';

export interface LeegalityClientOptions {
  /** Default https://app1.leegality.com/api; the simulator's baseUrl in dev and tests. */
  baseUrl?: string;
  authToken: string;
  /** Per request, including reading the body (uploads and downloads are PDFs). Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The largest PDF we send (Leegality's own limit is larger; agreements are a few hundred KB). */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

const invalidRequest = (message: string) => new LeegalityError(null, [{ code: LOCAL_ERROR_CODES.invalidRequest, message }], { kind: 'invalid_request', retryable: false });

export function createLeegalityClient(opts: LeegalityClientOptions): LeegalityProvider {
  const baseUrl = (opts.baseUrl ?? LEEGALITY_LIVE_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const doFetch = opts.fetch ?? fetch;

  /** One call: the envelope, then `status: 0` → LeegalityError, then the data against its schema. */
  async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, query: Record<string, string> | null, body: unknown, schema: S): Promise<z.infer<S>> {
    const init: RequestInit = {
      method,
      headers: { [AUTH_TOKEN_HEADER]: opts.authToken, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    const qs = query ? `?${new URLSearchParams(query).toString()}` : '';
    const what = `${method} ${path}`;
    const envelope = await callVendor({ url: `${baseUrl}${path}${qs}`, init, timeoutMs, what, fetch: doFetch }, envelopeSchema, LEEGALITY_ERRORS);
    if (envelope.status === 0) throw new LeegalityError(200, envelope.messages.length ? envelope.messages : [{ code: 'FAILED', message: `${what} answered status 0` }], { kind: 'client', retryable: false });
    const data = schema.safeParse(envelope.data);
    if (!data.success) throw new LeegalityError(200, [{ code: LOCAL_ERROR_CODES.invalidResponse, message: `${what} answered an unexpected data: ${describeIssues(data.error)}` }], { kind: 'invalid_response', retryable: false, cause: data.error });
    return data.data as z.infer<S>;
  }

  return {
    async createSignRequest(input: CreateSignRequestInput): Promise<SignRequest> {
      if (!input.profileId) throw invalidRequest('A Leegality profileId is required');
      if (!input.fileName || input.fileName.length > 200) throw invalidRequest('The file name must be 1 to 200 characters');
      if (input.pdf.byteLength === 0 || input.pdf.byteLength > MAX_PDF_BYTES) throw invalidRequest(`The PDF must be 1 byte to ${MAX_PDF_BYTES} bytes`);
      if (!input.invitee.name || !input.invitee.email) throw invalidRequest('The invitee needs a name and an email');
      const data = await call(
        'POST',
        SIGN_REQUEST_PATH,
        null,
        {
          profileId: input.profileId,
          file: { name: input.fileName, file: Buffer.from(input.pdf.buffer, input.pdf.byteOffset, input.pdf.byteLength).toString('base64') },
          invitees: [{ name: input.invitee.name, email: input.invitee.email, ...(input.invitee.phone ? { phone: input.invitee.phone } : {}) }],
          irn: input.irn,
        },
        createDataSchema,
      );
      return { documentId: data.documentId, signUrl: data.invitees[0]!.signUrl };
    },

    async documentDetails(documentId: string): Promise<DocumentSummary> {
      if (!documentId) throw invalidRequest('A documentId is required');
      const d = await call('GET', DOCUMENT_DETAILS_PATH, { documentId }, undefined, detailsDataSchema);
      return {
        documentId: d.documentId,
        irn: d.irn ?? null,
        status: d.status,
        invitations: d.invitations.map((i) => ({ name: i.name, email: i.email, phone: i.phone ?? '', signUrl: i.signUrl ?? null, signed: i.signed, expired: i.expired, rejected: i.rejected })),
      };
    },

    async fetchDocument(documentId: string, type: DownloadType): Promise<Uint8Array> {
      if (!documentId) throw invalidRequest('A documentId is required');
      const d = await call('GET', FETCH_DOCUMENT_PATH, { documentId, documentDownloadType: type }, undefined, fileDataSchema);
      return new Uint8Array(Buffer.from(d.file, 'base64'));
    },
  };
}

const LEEGALITY_ERRORS: VendorErrors = {
  transport: (kind, message, cause) => new LeegalityError(null, [{ code: transportCode(kind), message }], { kind, retryable: true, cause }),
  http(status, text, retryAfterSeconds) {
    // A non-2xx is a failure whatever the body says; Leegality's messages are kept when present.
    const messages = errorEnvelope(failureEnvelopeSchema, text)?.messages;
    return new LeegalityError(status, messages?.length ? messages : [{ code: status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR', message: `HTTP ${status} without a Leegality error body` }], { retryAfterSeconds });
  },
  // A 2xx we cannot read is a contract problem, not a blip.
  invalid: (status, message, cause) => new LeegalityError(status, [{ code: LOCAL_ERROR_CODES.invalidResponse, message }], { kind: 'invalid_response', retryable: false, cause }),
};
