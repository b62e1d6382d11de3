// Email: the one place that builds the provider from config. Both modes run the real SMTP
// client; `sim` points it at the local SMTP simulator.
import { createSmtpClient, type SmtpClientOptions } from './client.js';
import type { EmailProvider } from './interface.js';

export * from './interface.js';
export { createSmtpClient, type SmtpClientOptions } from './client.js';

/** The SMTP client's options (url, or host/port/secure/user/pass; from; timeoutMs) and the mode. */
export interface EmailConfig extends SmtpClientOptions {
  mode: 'sim' | 'smtp';
}

export function createEmail(config: EmailConfig): EmailProvider {
  if (!config.url && !config.host) throw new Error(`Email ${config.mode} mode needs an SMTP url or host`);
  return createSmtpClient(config);
}
