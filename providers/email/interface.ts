// The email contract the rest of the system (booking notifications, the CRM workflow engine)
// codes against. The SMTP client and the local simulator both honour it.
import { ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export interface EmailMessage { to: string; subject: string; text: string; html?: string; from?: string; headers?: Record<string, string> }
export interface EmailProvider { send(msg: EmailMessage): Promise<{ messageId: string }>; }

/**
 * Every failure of a send. `retryable` is true for connection problems, timeouts and SMTP 4xx
 * (the server says "try later"); false for 5xx (the server refused this message for good) and
 * for a message we could not even build. A ProviderError whose status is the SMTP reply code,
 * so activities can map it without knowing SMTP.
 */
export class EmailError extends ProviderError {
  override readonly name = 'EmailError';
  /** The SMTP reply code, or null when no SMTP answer arrived. */
  readonly responseCode: number | null;
  /** nodemailer's error code (ECONNECTION, ETIMEDOUT, EAUTH, EENVELOPE, EMESSAGE, …) when known. */
  readonly code: string | null;

  constructor(message: string, opts: { responseCode?: number | null; code?: string | null; retryable: boolean; kind?: ProviderFailureKind; cause?: unknown }) {
    const responseCode = opts.responseCode ?? null;
    super(message, { provider: 'email', status: responseCode, kind: opts.kind ?? smtpFailureKind(responseCode, opts.code ?? null), retryable: opts.retryable, cause: opts.cause });
    this.responseCode = responseCode;
    this.code = opts.code ?? null;
  }
}

/** SMTP read as the shared kinds: a 4xx reply is the server's "try later", a 5xx a refusal for good. */
export function smtpFailureKind(responseCode: number | null, code: string | null): ProviderFailureKind {
  if (responseCode !== null) return responseCode >= 400 && responseCode < 500 ? 'server' : 'client';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'EAUTH') return 'client';
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return 'invalid_request';
  return 'transport';
}

/** SMTP 4xx is transient (greylisting, mailbox busy, rate limits); 5xx is permanent. */
export function isRetryableSmtpCode(responseCode: number | null): boolean {
  if (responseCode === null) return true;
  return responseCode >= 400 && responseCode < 500;
}
