import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig, senderAddress } from '../config/app-config';
import { Places, EvenPace } from './send-pacing';

export interface OutgoingEmail {
  from: string;
  to: { name: string; address: string };
  /** The organiser's contact address, for an event's email whose organiser has one. */
  replyTo?: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** The outbox row's (MailTransport.messageIdOf). */
  messageId: string;
  headers: Record<string, string>;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

/**
 * An .eml file's name: the time it was written, then the Message-ID without its brackets, whose
 * left part is the outbox row's id (MailTransport.messageIdOf). Sorted by time in a folder, and
 * found again by the row (forgetFiles), whatever domain MAIL_FROM had when it was written.
 */
const EML_NAME = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-([^@]+)@[^@]*\.eml$/;

/** The email was handed to another worker while it waited for the rate limit: not sent here. */
export class NotOurs extends Error {
  constructor() {
    super('handed back to the queue before it was sent');
  }
}

export interface SentEmail {
  messageId: string;
  /** The server's answer (e.g. `250 OK: queued as …`), or the file written. */
  response: string;
}

/**
 * The only code that knows nodemailer. With SMTP_URL: a pooled SMTP transport, at most
 * SMTP_RATE_PER_SECOND emails in any second of this process. Without: each email is written as an
 * .eml file under MAIL_DIR, so the service runs with nothing else installed.
 *
 * The rate is kept here rather than by nodemailer's pool (rateLimit/rateDelta): the pool counts
 * messages per fixed window that restarts when it is cleared, and connections already given a
 * message send it anyway, so a limit of 4 let 5 a second through, in bursts; and emails waiting in
 * it would be waiting after they were claimed. Ours spaces the emails evenly before sendMail.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  // Opened on first use: processes that never send (an HTTP-only instance) hold no SMTP connections.
  private transporter: Transporter | null = null;
  private readonly pace: EvenPace | null;
  private readonly places: Places;

  constructor(private readonly config: AppConfig) {
    this.pace = config.SMTP_URL ? new EvenPace(config.SMTP_RATE_PER_SECOND) : null;
    // Half a second of sending beside the pool's connections: enough to keep them busy, few enough
    // that an email claimed and then lost with its worker had its turn coming.
    this.places = new Places(
      config.SMTP_URL
        ? config.SMTP_POOL_SIZE + Math.ceil(config.SMTP_RATE_PER_SECOND / 2)
        : Number.POSITIVE_INFINITY,
    );
  }

  /**
   * Waits until an email taken now would be sent soon, and answers the release of its place (call
   * it once the email is sent or given up). The sender takes a place before it claims a row: what
   * waits for the rate limit waits unclaimed, so a worker that dies leaves it PENDING, neither
   * counted as possibly sent twice nor a try spent. `urgent` (mail someone waits for) goes first.
   */
  reserve(urgent: boolean): Promise<() => void> {
    return this.places.take(urgent);
  }

  /**
   * The Message-ID of an outbox row's email: the same at every try, so a resend after a crash
   * carries the same one, and the row finds its .eml files again (forgetFiles).
   */
  messageIdOf(outboxId: string): string {
    // The address's own: a display name may hold an `@` too (「"つなぐ@川口" <no-reply@…>」).
    const address = senderAddress(this.config.MAIL_FROM);
    const domain = address.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : '';
    return `<${outboxId}@${domain || 'tsunagu.local'}>`;
  }

  /**
   * Deletes the .eml files written for these outbox rows, for the processes that forget personal
   * data (an erasure, the retention of unconfirmed addresses): the file holds the whole email, its
   * reader's name and address included, which the mail log itself never keeps. A row may have
   * several (written again after a crash before it was marked sent), or none (skipped, refused).
   * Files are looked for whether or not SMTP_URL is set: those written before a switch to an SMTP
   * server are still there (what the server took is the recipient's). Called after the caller's
   * transaction commits, it never throws: a file it cannot delete is logged, by name (no address
   * in it), for someone to delete by hand, and what the caller forgot stays forgotten. Answers how
   * many files went.
   */
  async forgetFiles(outboxIds: readonly string[]): Promise<number> {
    if (outboxIds.length === 0) return 0;
    const forgotten = new Set(outboxIds);
    const files = await this.files(
      () => `${outboxIds.length} forgotten emails (outbox ${outboxIds.join(', ')})`,
    );
    let deleted = 0;
    const failed: string[] = [];
    for (const { name, outboxId } of files) {
      if (!forgotten.has(outboxId)) continue;
      try {
        await unlink(join(this.config.MAIL_DIR, name));
        deleted += 1;
      } catch (error) {
        // Deleted meanwhile by someone else: as good as done.
        if (codeOf(error) !== 'ENOENT') failed.push(`${name} (${codeOf(error) ?? String(error)})`);
      }
    }
    if (failed.length > 0) {
      this.logger.error(
        `could not delete ${failed.length} .eml files of forgotten emails under MAIL_DIR; delete them by hand: ${failed.join(', ')}`,
      );
    }
    return deleted;
  }

  /**
   * The outbox rows that have .eml files under MAIL_DIR (with SMTP_URL, those written before it was
   * set), for the nightly sweep of the files forgetFiles could not delete (see
   * sweepForgottenMailFiles).
   */
  async filedOutboxIds(): Promise<string[]> {
    return [...new Set((await this.files(() => 'the nightly sweep')).map((file) => file.outboxId))];
  }

  /** The .eml files under MAIL_DIR, with the outbox row each was written for; none without the folder. */
  private async files(forWhat: () => string): Promise<{ name: string; outboxId: string }[]> {
    let names: string[];
    try {
      names = await readdir(this.config.MAIL_DIR);
    } catch (error) {
      // No folder yet: nothing was ever written.
      if (codeOf(error) !== 'ENOENT')
        this.logger.error(
          `could not list MAIL_DIR to delete the .eml files of ${forWhat()}: ${codeOf(error) ?? String(error)}`,
        );
      return [];
    }
    return names.flatMap((name) => {
      const outboxId = EML_NAME.exec(name)?.[1];
      return outboxId ? [{ name, outboxId }] : [];
    });
  }

  /**
   * Sends once the rate allows. `stillOurs` is asked after that wait: false (the worker is stopping
   * and handed the row to another) sends nothing and throws NotOurs.
   */
  async send(email: OutgoingEmail, stillOurs: () => boolean = () => true): Promise<SentEmail> {
    const transporter = this.open();
    await this.pace?.take();
    if (!stillOurs()) throw new NotOurs();
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
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    return this.transporter;
  }

  private async writeEml(email: OutgoingEmail, info: { message?: Buffer }): Promise<string> {
    await mkdir(this.config.MAIL_DIR, { recursive: true });
    // <id@domain> → id@domain: the outbox row's id stays readable in the file name (EML_NAME).
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

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
