// The Leegality eSign contract the rest of the system codes against (the PAP agreement): a sign
// request for one PDF and its invitees, the document's state, the signed file and audit trail,
// and one typed error. The real client and the simulator both honour it.
import { kindOf, ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export const LEEGALITY_LIVE_BASE_URL = 'https://app1.leegality.com/api';
export const LEEGALITY_SANDBOX_BASE_URL = 'https://sandbox.leegality.com/api';
export const AUTH_TOKEN_HEADER = 'X-Auth-Token';

export const SIGN_REQUEST_PATH = '/v3.0/sign/request';
export const DOCUMENT_DETAILS_PATH = '/v3.3/document/details';
export const FETCH_DOCUMENT_PATH = '/v3.3/document/fetchDocument';

export type DocumentStatus = 'Draft' | 'Sent' | 'Completed';
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['Draft', 'Sent', 'Completed'];
export type DownloadType = 'DOCUMENT' | 'AUDIT_TRAIL';
export type WebhookType = 'Success' | 'Error';

export interface Invitee {
  name: string;
  email: string;
  /** Ten digits (Indian mobile) as Leegality takes it. */
  phone: string;
}

export interface CreateSignRequestInput {
  /** The Leegality workflow profile (LEEGALITY_PROFILE_ID): stamp, signature types, expiry. */
  profileId: string;
  /** Shown to the signer; ends in .pdf. */
  fileName: string;
  pdf: Uint8Array;
  invitee: Invitee;
  /** Our reference (the PAP workflow id); Leegality echoes it in webhooks. */
  irn: string;
}

export interface SignRequest {
  documentId: string;
  /** Where the invitee signs; send it to them. */
  signUrl: string;
}

export interface InvitationSummary {
  name: string;
  email: string;
  phone: string;
  signUrl: string | null;
  signed: boolean;
  expired: boolean;
  rejected: boolean;
}

export interface DocumentSummary {
  documentId: string;
  irn: string | null;
  status: DocumentStatus;
  invitations: InvitationSummary[];
}

export interface LeegalityProvider {
  /** POST /v3.0/sign/request with the base64 PDF; one invitee. Not idempotent: a retry makes a second document. */
  createSignRequest(input: CreateSignRequestInput): Promise<SignRequest>;
  /** GET /v3.3/document/details. */
  documentDetails(documentId: string): Promise<DocumentSummary>;
  /** GET /v3.3/document/fetchDocument: the signed PDF or its audit trail; only for Completed documents. */
  fetchDocument(documentId: string, type: DownloadType): Promise<Uint8Array>;
}

/** One entry of Leegality's `messages` (why a call answered `status: 0`). */
export interface LeegalityMessage {
  code: string;
  message: string;
}

export { LOCAL_ERROR_CODES } from '../lib/provider-error.js';

/**
 * Every failure of a Leegality call. `status` is the HTTP status (null when no answer came);
 * a 2xx answering `status: 0` is a `client` failure with Leegality's messages, never retried.
 * Network errors, timeouts, 408, 429 and 5xx are retryable; other 4xx are not.
 */
export class LeegalityError extends ProviderError {
  override readonly name = 'LeegalityError';
  /** The first message's code. */
  readonly code: string;
  readonly messages: LeegalityMessage[];

  constructor(status: number | null, messages: LeegalityMessage[], opts: { retryable?: boolean; kind?: ProviderFailureKind; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    const first = messages[0] ?? { code: 'UNKNOWN', message: 'Leegality gave no message' };
    super(`Leegality ${status ?? 'request'} ${first.code}: ${first.message}`, {
      provider: 'leegality',
      status,
      kind: opts.kind ?? kindOf(status),
      retryable: opts.retryable,
      retryAfterSeconds: opts.retryAfterSeconds,
      cause: opts.cause,
    });
    this.code = first.code;
    this.messages = messages;
  }
}
