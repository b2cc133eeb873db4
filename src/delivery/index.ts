// Picks the delivery channels from config: SMTP via nodemailer, SMS via an HTTP webhook, and a
// log sender when neither is configured outside production. In production SMTP is required
// (config.ts); SMS is optional, and without it phone codes answer PHONE_DELIVERY_UNAVAILABLE.
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { EmailSender, SmsSender } from './types.js';

export function createEmailSender(config: Config, logger: Logger): EmailSender {
  if (config.smtpUrl) {
    const smtpUrl = config.smtpUrl;
    // nodemailer (~0.4 MB of code) loads with the first message, not at start.
    let transport: Promise<Transporter> | undefined;
    return {
      async send({ secret: _secret, ...message }) {
        transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
        await (await transport).sendMail({ from: config.mailFrom, ...message });
      },
    };
  }
  if (config.production) throw new Error('SMTP_URL is required when NODE_ENV=production (config.ts checks it)');
  return {
    async send(message) {
      // Development only: the message (with its code) goes to the log so a developer can use it.
      // `code` is a field of its own, so `jq -r 'select(.code) | .code' service.log | tail -1` prints the last one.
      logger.warn({ to: message.to, subject: message.subject, code: message.secret, text: message.text }, 'email not sent (SMTP_URL unset): logged instead');
    },
  };
}

export function createSmsSender(config: Config, logger: Logger): SmsSender {
  if (config.smsWebhookUrl) {
    const url = config.smsWebhookUrl;
    return {
      available: true,
      async send(message) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to: message.to, text: message.text }),
          signal: AbortSignal.timeout(10_000),
        });
        // Drain the body either way: an unread body keeps its connection out of the keep-alive pool.
        await response.arrayBuffer().catch(() => undefined);
        if (!response.ok) throw new Error(`SMS webhook answered ${response.status}`);
      },
    };
  }
  if (config.production) {
    return {
      available: false,
      async send() {
        throw new Error('SMS_WEBHOOK_URL is not set: this service sends no text messages');
      },
    };
  }
  return {
    available: true,
    async send(message) {
      logger.warn({ to: message.to, code: message.secret, text: message.text }, 'SMS not sent (SMS_WEBHOOK_URL unset): logged instead');
    },
  };
}
