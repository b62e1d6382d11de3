// The real email client: nodemailer's SMTP transport. Dev and tests point it at the local SMTP
// simulator, production at the mail relay; the code path is the same.
import nodemailer from 'nodemailer';
import { EmailError, isRetryableSmtpCode, type EmailMessage, type EmailProvider } from './interface.js';

export interface SmtpClientOptions {
  /** smtp://user:pass@host:port or smtps://…; wins over host/port/user/pass. */
  url?: string;
  host?: string;
  port?: number;
  /** Implicit TLS (port 465). Plain connections still upgrade with STARTTLS when offered. */
  secure?: boolean;
  user?: string;
  pass?: string;
  /** The From of every message that does not name its own. */
  from: string;
  /** Connection, greeting and socket timeouts. Default 10 s. */
  timeoutMs?: number;
}

/** Codes nodemailer gives to failures that are about the message itself, not the network. */
const PERMANENT_LOCAL_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EAUTH']);

function toEmailError(err: unknown): EmailError {
  const e = err as { message?: string; code?: string; responseCode?: number };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : null;
  const retryable = responseCode !== null ? isRetryableSmtpCode(responseCode) : !(code && PERMANENT_LOCAL_CODES.has(code));
  return new EmailError(`SMTP send failed${responseCode ? ` (${responseCode})` : ''}: ${e.message ?? String(err)}`, { responseCode, code, retryable, cause: err });
}

export function createSmtpClient(opts: SmtpClientOptions): EmailProvider {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const timeouts = { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
  const transport = opts.url
    ? nodemailer.createTransport({ url: opts.url, ...timeouts })
    : nodemailer.createTransport({
        host: opts.host ?? '127.0.0.1',
        port: opts.port ?? 587,
        secure: opts.secure ?? false,
        ...(opts.user ? { auth: { user: opts.user, pass: opts.pass ?? '' } } : {}),
        ...timeouts,
      });

  return {
    async send(msg: EmailMessage) {
      try {
        const info = await transport.sendMail({
          from: msg.from ?? opts.from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          ...(msg.html === undefined ? {} : { html: msg.html }),
          ...(msg.headers ? { headers: msg.headers } : {}),
        });
        return { messageId: info.messageId };
      } catch (err) {
        throw toEmailError(err);
      }
    },
  };
}
