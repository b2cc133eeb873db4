// Structured logging (pino). Authorization headers, cookies and anything named like a secret are
// redacted so no password or token reaches a log.
import { pino } from 'pino';
import type { LogLevel } from './config.js';

export type Logger = pino.Logger;

/** `destination` lets a test read what the service logs (default: stdout). */
export function createLogger(level: LogLevel, { destination }: { destination?: pino.DestinationStream } = {}): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.newPassword',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        '*.secret',
        '*.clientSecret',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
