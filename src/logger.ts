// Structured logging (pino). Authorization headers, cookies and anything named like a secret are
// redacted so no password or token reaches a log. A person at a terminal gets readable lines
// (pino-pretty, in-process and synchronous so the last lines before an exit are not lost); a
// supervisor or log collector (stdout not a TTY) gets one JSON object per line.
import { pino } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type Logger = pino.Logger;

/**
 * `pretty` defaults to whether stdout is a terminal; `destination` lets a test read what the
 * service logs (default: stdout, always JSON then).
 */
export function createLogger(level: LogLevel, options: { pretty?: boolean; destination?: pino.DestinationStream } = {}): Logger {
  const readable = !options.destination && (options.pretty ?? Boolean(process.stdout.isTTY));
  const settings: pino.LoggerOptions = {
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
  if (options.destination) return pino(settings, options.destination);
  if (!readable) return pino(settings);
  return pino(settings, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
}
