// A local mail server for dev and tests: a real SMTP server (smtp-server) that accepts every
// message, parses it with mailparser and keeps it in memory, so the real nodemailer client runs
// end to end. What was captured is readable over HTTP (/_sim/messages) and on the returned
// object for in-process tests. It never relays anything anywhere.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createControlHandler } from './simulator-http.js';
import { EmailSimState, type CapturedEmail, type MessageFilter, type SmtpFaultCode } from './simulator-state.js';
import { listenLocal } from '../lib/local-http.js';
import { DEFAULT_SIM_HOST, quickCloser, startSimServer, type SimServer } from '../lib/sim-server.js';

export type { CapturedEmail, MessageFilter, SmtpFaultCode } from './simulator-state.js';

export interface EmailSimulatorOptions {
  /** SMTP port; default 0 (the OS picks a free one). */
  smtpPort?: number;
  /** Control API port; default 0. */
  httpPort?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, SMTP AUTH must use these; otherwise AUTH is optional and anything is accepted. */
  auth?: { user: string; pass: string };
}

export interface EmailSimulator {
  /** smtp://host:port, what the client's url should be. */
  smtpUrl: string;
  smtpPort: number;
  /** http://host:port; the control API is under /_sim/. */
  origin: string;
  httpPort: number;
  messages(filter?: MessageFilter): CapturedEmail[];
  /** Waits until `count` messages match (default 1, 10 s), for tests that send through a workflow. */
  waitFor(filter: MessageFilter, opts?: { count?: number; timeoutMs?: number }): Promise<CapturedEmail[]>;
  clear(): void;
  /** The next `count` messages are refused with `code` (4xx transient, 5xx permanent). */
  failNext(count: number, code?: SmtpFaultCode): void;
  state: EmailSimState;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startEmailSimulator(opts: EmailSimulatorOptions = {}): Promise<EmailSimulator> {
  const host = opts.host ?? DEFAULT_SIM_HOST;
  const state = new EmailSimState();

  const smtp = new SMTPServer({
    logger: false,
    banner: 'MAS email simulator',
    disabledCommands: ['STARTTLS'],
    authOptional: !opts.auth,
    onAuth(auth, _session, callback) {
      if (opts.auth && (auth.username !== opts.auth.user || auth.password !== opts.auth.pass)) return callback(smtpError(535, 'Authentication failed'));
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const fault = state.takeFault();
      if (fault !== null) {
        stream.on('end', () => callback(smtpError(fault, `Simulated failure ${fault}`)));
        stream.resume();
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
          state.add(mail, { from, to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        },
        (err: unknown) => callback(smtpError(554, `Could not parse the message: ${(err as Error).message}`)),
      );
    },
  });
  // smtp.close() alone waits up to 30 s for clients to hang up; the closer ends them at once.
  const closeSmtp = quickCloser(smtp.server, (done) => smtp.close(() => done()));
  const smtpBound = await listenLocal(smtp.server, opts.smtpPort ?? 0, host);

  let http: SimServer;
  try {
    http = await startSimServer(createControlHandler(state), { port: opts.httpPort, host });
  } catch (err) {
    await closeSmtp();
    throw err;
  }

  return {
    smtpUrl: smtpBound.origin.replace(/^http:/, 'smtp:'),
    smtpPort: smtpBound.port,
    origin: http.origin,
    httpPort: http.port,
    messages: (filter) => state.list(filter),
    waitFor: (filter, waitOpts) => state.waitFor(filter, waitOpts),
    clear: () => void state.clear(),
    failNext: (count, code) => state.failNext(count, code),
    state,
    async close() {
      await Promise.all([closeSmtp(), http.close()]);
    },
  };
}
