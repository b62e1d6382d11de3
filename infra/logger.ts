// pino JSON logger; secrets are redacted wherever they appear in a logged object.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = 'info', name = 'mas'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'authorization', '*.authorization', 'req.headers.authorization', 'req.headers["x-api-key"]', 'apiKey', '*.apiKey', '*.*.apiKey'],
      censor: '[redacted]',
    },
  });
}
