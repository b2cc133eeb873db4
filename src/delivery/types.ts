// Delivery channels, chosen from the config: SMTP / webhook when configured, a log sender in
// development. Tests point them at a real SMTP server and a real HTTP endpoint.
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The code (or sign-in link) the message carries: only the development log sender uses it, as its own log field. */
  secret?: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

export interface SmsMessage {
  to: string;
  text: string;
  /** As EmailMessage.secret; never sent to the webhook. */
  secret?: string;
}

export interface SmsSender {
  /** False in production without SMS_WEBHOOK_URL: phone codes are refused before anything is stored. */
  readonly available: boolean;
  send(message: SmsMessage): Promise<void>;
}
