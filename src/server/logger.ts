import { pino } from 'pino';
import type { Config } from './config';

/** Structured JSON logs, one line per event; personal data and secrets are redacted. */
export function createLogger(config: Config) {
  return pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.code',
      ],
      censor: '[redacted]',
    },
  });
}
