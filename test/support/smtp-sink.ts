import { EventEmitter } from 'node:events';
import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  /** When the client started sending it (MAIL FROM), by this process's clock (ms). */
  startedAt: number;
  raw: Buffer;
  /** Set unless the sink was started with `parse: false`. */
  parsed: ParsedMail | null;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** A header as sent, unfolded (e.g. `header('List-Unsubscribe')`). */
  header(name: string): string | undefined;
  /** The text of each iCalendar (.ics) attachment. */
  calendars: string[];
}

export interface SmtpSinkOptions {
  /** Parse each message with mailparser (default true); benchmarks count raw messages only. */
  parse?: boolean;
  /**
   * Refuse a recipient at RCPT TO: return an SMTP code (451 = try later, 550 = no such mailbox), a
   * code with the text after it (`{ code: 550, text: '5.7.1 Relaying denied' }`, the enhanced code
   * in the text as real servers send it), or undefined to accept. `attempt` counts the RCPTs seen
   * for that address, from 1.
   */
  refuseRecipient?: (address: string, attempt: number) => number | { code: number; text: string } | undefined;
  /**
   * Keep a recipient waiting at RCPT TO, as a server slow to answer does: while the promise
   * returned is unsettled, the email is neither taken nor refused (its sender is still sending
   * it); then refuseRecipient answers as usual. undefined: answered at once.
   */
  holdRecipient?: (address: string, attempt: number) => Promise<void> | undefined;
  /**
   * What the server says after 250 once it has taken an email to these envelope recipients (some
   * quote the recipient: 「2.0.0 OK <x@example.jp> queued」); undefined: smtp-server's own
   * 「OK: message queued」.
   */
  acceptedWith?: (to: string[]) => string | undefined;
  /**
   * Answer without enhanced status codes of the server's own (RFC 2034): the refusals' texts carry
   * theirs, or none at all, as a mail server that does not offer them.
   */
  ownStatusCodes?: boolean;
}

/**
 * A real SMTP server on loopback for tests and benchmarks: start on port 0, point SMTP_URL at
 * `sink.url`, and wait for messages by count or predicate (never by sleeping).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  readonly refusals: { address: string; code: number }[] = [];
  /** Server errors other than clients resetting their connections. */
  readonly serverErrors: Error[] = [];
  private readonly rcptAttempts = new Map<string, number>();
  private readonly events = new EventEmitter();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {
    this.events.setMaxListeners(0);
  }

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    // The server's callbacks need the sink, which needs the server's port: filled in below.
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      size: 25 * 1024 * 1024,
      maxClients: 1000,
      hideENHANCEDSTATUSCODES: options.ownStatusCodes ?? false,
      onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error) => void) {
        const recipient = address.address.toLowerCase();
        const attempt = (ref.sink!.rcptAttempts.get(recipient) ?? 0) + 1;
        ref.sink!.rcptAttempts.set(recipient, attempt);
        const answer = () => {
          const refusal = options.refuseRecipient?.(recipient, attempt);
          if (refusal) {
            const { code, text } =
              typeof refusal === 'number'
                ? { code: refusal, text: refusal >= 500 ? 'No such user here' : 'Try again later' }
                : refusal;
            ref.sink!.refusals.push({ address: recipient, code });
            return callback(Object.assign(new Error(text), { responseCode: code }));
          }
          callback();
        };
        const hold = options.holdRecipient?.(recipient, attempt);
        if (hold) void hold.then(answer, answer);
        else answer();
      },
      onMailFrom(_address: SMTPServerAddress, session: SMTPServerSession, callback: () => void) {
        (session as SMTPServerSession & { startedAt?: number }).startedAt = Date.now();
        callback();
      },
      onData(
        stream: SMTPServerDataStream,
        session: SMTPServerSession,
        callback: (error?: Error | null, message?: string) => void,
      ) {
        const startedAt = (session as SMTPServerSession & { startedAt?: number }).startedAt ?? Date.now();
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((address) => address.address.toLowerCase());
          // Like a real server, answer 250 only once the message is stored: a sender that has
          // recorded SENT must find it here.
          ref.sink!.receive(raw, to, startedAt, options.parse ?? true).then(
            () => callback(null, options.acceptedWith?.(to)),
            (error: Error) => callback(error),
          );
        });
      },
    });
    // A client dying mid-session (a SIGKILLed worker) resets its connections: expected, not a failure.
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') ref.sink?.serverErrors.push(error);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address() as AddressInfo;
    ref.sink = new SmtpSink(server, address.port);
    return ref.sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /**
   * Settings for a test app that sends its email here at once: no rate limit to wait for, and a
   * relay that hands rows to the queue every 200 ms. Spread them first, then a test's own.
   */
  appSettings(): Record<string, string> {
    return { SMTP_URL: this.url, SMTP_RATE_PER_SECOND: '1000', OUTBOX_POLL_MS: '200' };
  }

  /** Messages whose envelope includes `address`. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((message) => message.to.includes(address.toLowerCase()));
  }

  async waitFor(count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    await this.waitUntil(() => this.messages.length >= count, timeoutMs, `${count} messages`);
    return this.messages;
  }

  /** Resolves as soon as `predicate` holds (checked on each arriving message). */
  waitUntil(
    predicate: (messages: ReceivedMail[]) => boolean,
    timeoutMs = 30_000,
    what = 'condition',
  ): Promise<void> {
    if (predicate(this.messages)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.messages)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `SMTP sink: timed out after ${timeoutMs} ms waiting for ${what} (have ${this.messages.length})`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('message', check);
      };
      this.events.on('message', check);
    });
  }

  clear(): void {
    this.messages.length = 0;
    this.refusals.length = 0;
    this.rcptAttempts.clear();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async receive(raw: Buffer, to: string[], startedAt: number, parse: boolean): Promise<void> {
    const parsed = parse ? await simpleParser(raw) : null;
    const headerLines = parsed?.headerLines ?? [];
    this.messages.push({
      to,
      startedAt,
      raw,
      parsed,
      subject: parsed?.subject ?? '',
      text: parsed?.text ?? '',
      html: typeof parsed?.html === 'string' ? parsed.html : '',
      messageId: parsed?.messageId ?? '',
      calendars: (parsed?.attachments ?? [])
        .filter((attachment) => attachment.contentType.startsWith('text/calendar'))
        .map((attachment) => attachment.content.toString('utf8')),
      header(name: string) {
        const line = headerLines.find((header) => header.key === name.toLowerCase())?.line;
        return line
          ?.slice(line.indexOf(':') + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim();
      },
    });
    this.events.emit('message');
  }
}
