// A real SMTP server (smtp-server) that captures what the service sends, parsed with mailparser.
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export class MailSink {
  readonly messages: CapturedMail[] = [];
  private waiters: (() => void)[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<MailSink> {
    let sink: MailSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            sink?.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
            });
            for (const wake of sink?.waiters.splice(0) ?? []) wake();
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sink = new MailSink(server, `smtp://127.0.0.1:${port}`);
    return sink;
  }

  /** The newest message to `address` (with this subject, when given), waiting up to 5 s for it to arrive. */
  async latestTo(address: string, subject?: string, timeoutMs = 5000): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter((m) => m.to.includes(address.toLowerCase()) && (!subject || m.subject === subject)).at(-1);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address}${subject ? ` with subject "${subject}"` : ''}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** The 6-digit code in the newest verification-code message to `address` (security notices are skipped). */
  async codeFor(address: string): Promise<string> {
    const mail = await this.latestTo(address, 'Your verification code');
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    if (!code) throw new Error(`no code in mail to ${address}: ${mail.text}`);
    return code;
  }

  clear(): void {
    this.messages.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
