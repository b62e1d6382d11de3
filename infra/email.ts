// The email provider from config: the real SMTP client, pointed at the local SMTP simulator in
// sim mode (the default for npm start) or at SMTP_URL / SMTP_HOST in smtp mode.
import { createEmail } from '../providers/email/index.js';
import type { Config } from './env.js';

export function emailFromConfig(config: Config) {
  if (config.EMAIL_MODE === 'sim' && !config.SMTP_URL && !config.SMTP_HOST) {
    return createEmail({ mode: 'sim', url: `smtp://127.0.0.1:${config.EMAIL_SIM_SMTP_PORT}`, from: config.EMAIL_FROM, timeoutMs: 10_000 });
  }
  return createEmail({
    mode: config.EMAIL_MODE,
    ...(config.SMTP_URL ? { url: config.SMTP_URL } : {}),
    ...(config.SMTP_HOST ? { host: config.SMTP_HOST } : {}),
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...(config.SMTP_USER ? { user: config.SMTP_USER } : {}),
    ...(config.SMTP_PASS ? { pass: config.SMTP_PASS } : {}),
    from: config.EMAIL_FROM,
    timeoutMs: 10_000,
  });
}

/** What the notification activities need to build links. */
export function notificationsFromConfig(config: Config) {
  return { publicWebUrl: config.PUBLIC_WEB_URL.replace(/\/+$/, ''), publicApiUrl: config.PUBLIC_API_URL.replace(/\/+$/, ''), meetingActionTtlHours: config.MEETING_ACTION_TTL_HOURS, emailFrom: config.EMAIL_FROM };
}
