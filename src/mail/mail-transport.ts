import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface OutgoingEmail {
  from: string;
  to: { name: string; address: string };
  /** The organiser's contact address, for an event's email whose organiser has one. */
  replyTo?: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Deterministic per outbox row, so a resend after a crash carries the same Message-ID. */
  messageId: string;
  headers: Record<string, string>;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface SentEmail {
  messageId: string;
  /** The server's answer (e.g. `250 OK: queued as …`), or the file written. */
  response: string;
}

/**
 * The only code that knows nodemailer. With SMTP_URL: a pooled SMTP transport, rate-limited to
 * SMTP_RATE_PER_SECOND per process. Without: each email is written as an .eml file under MAIL_DIR,
 * so the service runs with nothing else installed.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  // Opened on first use: processes that never send (an HTTP-only instance) hold no SMTP connections.
  private transporter: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  async send(email: OutgoingEmail): Promise<SentEmail> {
    const transporter = this.open();
    const info = (await transporter.sendMail({
      from: email.from,
      to: email.to,
      replyTo: email.replyTo,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: email.headers,
      attachments: email.attachments,
      textEncoding: 'base64',
    })) as { messageId: string; response?: string; message?: Buffer };
    if (!this.config.SMTP_URL)
      return { messageId: info.messageId, response: await this.writeEml(email, info) };
    return { messageId: info.messageId, response: String(info.response ?? '') };
  }

  private open(): Transporter {
    if (this.transporter) return this.transporter;
    this.transporter = this.config.SMTP_URL
      ? createTransport({
          pool: true,
          url: this.config.SMTP_URL,
          maxConnections: this.config.SMTP_POOL_SIZE,
          maxMessages: 1000,
          rateLimit: this.config.SMTP_RATE_PER_SECOND,
          rateDelta: 1000,
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    return this.transporter;
  }

  private async writeEml(email: OutgoingEmail, info: { message?: Buffer }): Promise<string> {
    await mkdir(this.config.MAIL_DIR, { recursive: true });
    // <id@domain> → id@domain: the outbox row's id stays readable in the file name.
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.messageId.replace(/[^\w.@-]/g, '')}.eml`;
    const path = join(this.config.MAIL_DIR, name);
    await writeFile(path, info.message ?? Buffer.alloc(0));
    return `written ${path}`;
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
    this.transporter = null;
    this.logger.debug('mail transport closed');
  }
}
