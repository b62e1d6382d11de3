// Email: the one place that builds the provider from config. Both modes run the real SMTP
// client; `sim` points it at the local SMTP simulator.
import { createSmtpClient } from './client.js';
import type { EmailProvider } from './interface.js';

export * from './interface.js';
export { createSmtpClient, type SmtpClientOptions } from './client.js';

export interface EmailConfig {
  mode: 'sim' | 'smtp';
  /** smtp://user:pass@host:port (smtps:// for implicit TLS); or give host/port/user/pass. */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  pass?: string;
  /** Default From, e.g. `MAS <no-reply@example.com>`. */
  from: string;
  timeoutMs?: number;
}

export function createEmail(config: EmailConfig): EmailProvider {
  if (!config.url && !config.host) throw new Error(`Email ${config.mode} mode needs an SMTP url or host`);
  return createSmtpClient(config);
}
