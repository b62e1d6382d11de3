// pino JSON logger; secrets are redacted wherever they appear in a logged object.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** `destination` defaults to stdout (tests pass a capture stream). */
export function createLogger(level: string = 'info', name = 'mas', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'secret', '*.secret', 'authorization', '*.authorization', 'req.headers.authorization', 'req.headers["x-api-key"]', 'apiKey', '*.apiKey', '*.*.apiKey'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
