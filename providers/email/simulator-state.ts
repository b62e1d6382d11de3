// What the SMTP simulator keeps: every message it accepted, parsed, in arrival order, and the
// fault switch that makes the next deliveries fail with an SMTP code.
import type { ParsedMail } from 'mailparser';

export interface CapturedEmail {
  /** The simulator's own id, `sim_<n>`. */
  id: string;
  /** The Message-ID header (what the client returned as messageId), or null. */
  messageId: string | null;
  /** The SMTP envelope: MAIL FROM and every RCPT TO. */
  envelope: { from: string | null; to: string[] };
  /** The From header as written. */
  from: string;
  /** Addresses in the To header. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Every header, lower-cased names; a repeated header keeps its first value. */
  headers: Record<string, string>;
  receivedAt: string;
}

export interface MessageFilter {
  /** Matches a recipient (envelope or To header), case-insensitive. */
  to?: string;
  /** Matches a substring of the subject. */
  subject?: string;
}

/** An SMTP reply code the simulator answers a message with instead of accepting it. */
export type SmtpFaultCode = 421 | 451 | 452 | 550 | 552 | 554;
export const SMTP_FAULT_CODES: readonly SmtpFaultCode[] = [421, 451, 452, 550, 552, 554];

export class EmailSimState {
  private readonly captured: CapturedEmail[] = [];
  private seq = 0;
  private faults = { remaining: 0, code: 451 as SmtpFaultCode };
  private readonly waiters = new Set<() => void>();

  add(mail: ParsedMail, envelope: CapturedEmail['envelope']): CapturedEmail {
    const headers: Record<string, string> = {};
    for (const line of mail.headerLines) {
      if (headers[line.key] !== undefined) continue;
      const i = line.line.indexOf(':');
      headers[line.key] = line.line.slice(i + 1).trim();
    }
    const toField = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    const email: CapturedEmail = {
      id: `sim_${++this.seq}`,
      messageId: mail.messageId ?? null,
      envelope,
      from: mail.from?.text ?? '',
      to: toField.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean),
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : null,
      headers,
      receivedAt: new Date().toISOString(),
    };
    this.captured.push(email);
    for (const wake of this.waiters) wake();
    return email;
  }

  list(filter: MessageFilter = {}): CapturedEmail[] {
    const to = filter.to?.toLowerCase();
    return this.captured.filter(
      (m) =>
        (!to || m.envelope.to.some((a) => a.toLowerCase() === to) || m.to.some((a) => a.toLowerCase() === to)) &&
        (!filter.subject || m.subject.includes(filter.subject)),
    );
  }

  get(id: string): CapturedEmail | undefined {
    return this.captured.find((m) => m.id === id);
  }

  clear(): number {
    const n = this.captured.length;
    this.captured.length = 0;
    return n;
  }

  failNext(count: number, code: SmtpFaultCode = 451): void {
    this.faults = { remaining: count, code };
  }

  /** Consumes one armed fault, if any, and returns its code. */
  takeFault(): SmtpFaultCode | null {
    if (this.faults.remaining <= 0) return null;
    this.faults.remaining -= 1;
    return this.faults.code;
  }

  /** Resolves with the first `count` messages matching `filter`, waiting for them to arrive. */
  async waitFor(filter: MessageFilter, opts: { count?: number; timeoutMs?: number } = {}): Promise<CapturedEmail[]> {
    const count = opts.count ?? 1;
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.list(filter);
        if (found.length < count) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found.slice(0, count));
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`email simulator: no ${count} message(s) matching ${JSON.stringify(filter)} within ${timeoutMs} ms (have ${this.list(filter).length})`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }
}
