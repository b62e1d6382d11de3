// The email contract the rest of the system (booking notifications, the CRM workflow engine)
// codes against. The SMTP client and the local simulator both honour it.

export interface EmailMessage { to: string; subject: string; text: string; html?: string; from?: string; headers?: Record<string, string> }
export interface EmailProvider { send(msg: EmailMessage): Promise<{ messageId: string }>; }

/**
 * Every failure of a send. `retryable` is true for connection problems, timeouts and SMTP 4xx
 * (the server says "try later"); false for 5xx (the server refused this message for good) and
 * for a message we could not even build.
 */
export class EmailError extends Error {
  override readonly name = 'EmailError';
  /** The SMTP reply code, or null when no SMTP answer arrived. */
  readonly responseCode: number | null;
  /** nodemailer's error code (ECONNECTION, ETIMEDOUT, EAUTH, EENVELOPE, EMESSAGE, …) when known. */
  readonly code: string | null;
  readonly retryable: boolean;

  constructor(message: string, opts: { responseCode?: number | null; code?: string | null; retryable: boolean; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.responseCode = opts.responseCode ?? null;
    this.code = opts.code ?? null;
    this.retryable = opts.retryable;
  }
}

/** SMTP 4xx is transient (greylisting, mailbox busy, rate limits); 5xx is permanent. */
export function isRetryableSmtpCode(responseCode: number | null): boolean {
  if (responseCode === null) return true;
  return responseCode >= 400 && responseCode < 500;
}
