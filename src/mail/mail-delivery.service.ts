import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActionTokensService, PreparedToken, TokenRequest } from '../action-tokens/action-tokens.service';
import { AppConfig, senderAddress } from '../config/app-config';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { suppressEmail } from '../participants/participant-store';
import { EventMailContexts, eventMailVersionSql } from './event-mail-context';
import { everyAddressButOursSql } from './forgotten-addresses';
import { EarlierEmailInFlight, MailComposers } from './mail-composers';
import { MailTransport, NotOurs, OutgoingEmail, SentEmail } from './mail-transport';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxFailure, OutboxStatus } from './outbox-status';
import { UnsubscribeLinks } from './unsubscribe-links';
import { MicroBatch } from '../common/batching/micro-batch';
import { mayEmail } from './outbox.service';
import { ADDRESS_PATTERN, classifySendFailure, REFUSED_PREFIX, withoutAddresses } from './send-failure';
import { ComposedEmail, MailLocale } from './templates/email-layout';
import { EmailShown } from './email-shown';

export type DeliveryOutcome =
  | { kind: 'done' }
  /**
   * Another sender holds the row until `until`, or the row waits for an earlier email to the same
   * reader that is still being sent (EarlierEmailInFlight): look again then.
   */
  | { kind: 'busy'; until: Date }
  /**
   * Failed for now: the row is back to PENDING, to be tried again `afterMs` from now (the backoff,
   * MAIL_RETRY_BASE_MS doubling with each try).
   */
  | { kind: 'retry'; reason: string; afterMs: number };

/**
 * How the sender's per-row statements are shared (MicroBatch): up to 100 rows each, two in flight
 * (each holds a pool connection), waiting up to 25 ms for company. A lone email leaves at most
 * 0.1 s later (four statements); an unthrottled campaign's statements carry ~30 rows each.
 */
export const SENDER_BATCH = { maxSize: 100, maxRunning: 2, lingerMs: 25 };

/**
 * Sends one outbox row: claim it (`sending`, with a lease), compose, send, record. The status
 * column makes a retry of a sent row a no-op; a row found `sending` with its lease run out was
 * orphaned by a dead sender and is sent again, counted in `resentAfterCrash`.
 *
 * The claim, the token INSERT and the mark-sent of concurrent jobs share statements (MicroBatch):
 * each row still goes through the same steps in the same order, and a job finishes only after its
 * own row is recorded, so a crash leaves exactly the states a single-row sender would.
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger(MailDelivery.name);
  private temporaryFailures = { loggedAt: 0, since: 0 };
  /** Rows this process handed back to the queue while stopping (release). */
  private readonly handedBack = new Set<string>();
  /** Claims on their way to the database (release waits for them). */
  private readonly claimsInFlight = new Set<Promise<unknown>>();
  /** Rows from past the rate limit until marked sent: they may have reached the SMTP server. */
  private readonly onTheWire = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly composers: MailComposers,
    private readonly transport: MailTransport,
    private readonly tokens: ActionTokensService,
    private readonly unsubscribeLinks: UnsubscribeLinks,
    private readonly eventContexts: EventMailContexts,
  ) {}

  private readonly claims = new MicroBatch((ids: string[]) => this.claimRows(ids), SENDER_BATCH);
  private readonly tokenWrites = new MicroBatch(async (emails: PreparedToken[][]) => {
    await this.tokens.save(this.dataSource.manager, emails.flat());
    return emails.map(() => undefined);
  }, SENDER_BATCH);
  private readonly sentMarks = new MicroBatch((rows: SentRow[]) => this.markSent(rows), SENDER_BATCH);

  /**
   * `attempt` of `attempts`: the queue job's, which govern the retries (the relay that handed the
   * row over set them from its MAIL_MAX_ATTEMPTS).
   */
  async deliver(outboxMessageId: string, options: DeliveryAttempt): Promise<DeliveryOutcome> {
    const release = await this.transport.reserve(options.urgent ?? false);
    try {
      return await this.deliverClaimed(outboxMessageId, options);
    } finally {
      release();
    }
  }

  private async deliverClaimed(outboxMessageId: string, options: DeliveryAttempt): Promise<DeliveryOutcome> {
    // Its place came after this worker, stopping, handed the job to another.
    if (this.handedBack.has(outboxMessageId)) return { kind: 'done' };
    const claiming = this.claim(outboxMessageId);
    this.claimsInFlight.add(claiming);
    const claimed = await claiming.finally(() => this.claimsInFlight.delete(claiming));
    if (!claimed) return this.whyNotClaimed(outboxMessageId);
    // Claimed in the same moment as this worker, stopping, handed the job back.
    if (this.handedBack.has(outboxMessageId)) return this.unclaim(outboxMessageId);
    const { message, participant, staffDeactivated } = claimed;

    let composed: { email: OutgoingEmail; shown: EmailShown | null } | null;
    try {
      composed = await this.compose(message, participant, staffDeactivated);
    } catch (error) {
      if (error instanceof EarlierEmailInFlight) {
        // Not a failure: as if it had not been claimed yet, and its job waits without using a try.
        await this.handBack(message.id);
        this.logger.debug(`${message.key} waits for an earlier email to its reader (outbox ${message.id})`);
        return { kind: 'busy', until: error.until };
      }
      this.logger.error(`composing ${message.key}: ${(error as Error).stack ?? String(error)}`);
      const to = message.toAddress ?? participant?.email;
      return this.failTemporarily(message, `compose: ${(error as Error).message}`, options, to);
    }
    if (!composed) return { kind: 'done' };
    const { email, shown } = composed;

    try {
      const sent = await this.transport.send(email, () => {
        if (this.handedBack.has(message.id)) return false;
        this.onTheWire.add(message.id);
        return true;
      });
      await this.sentMarks.add({ id: message.id, ...sent, shown, to: email.to.address });
      this.onTheWire.delete(message.id);
      this.logger.debug(`${message.key} sent (outbox ${message.id}): ${sent.response}`);
      return { kind: 'done' };
    } catch (error) {
      this.onTheWire.delete(message.id);
      if (error instanceof NotOurs) return this.unclaim(message.id);
      const failure = classifySendFailure(error);
      if (failure.kind === 'hard-bounce') {
        await this.dataSource.transaction(async (manager) => {
          await this.fail(manager, message.id, OutboxFailure.BOUNCED, failure.reason, email.to.address);
          // An address given for this one email (a new one to confirm) is not the participant's.
          if (message.participantId && !message.toAddress)
            await suppressEmail(manager, message.participantId);
        });
        this.logger.warn(
          `${message.key} refused for good (outbox ${message.id}, ${recipientLabel(message)}): ${withoutAddresses(failure.reason)}; no more email goes to this address`,
        );
        return { kind: 'done' };
      }
      return this.failTemporarily(message, failure.reason, options, email.to.address);
    }
  }

  /**
   * PENDING → SENDING, or SENDING with an expired lease → SENDING (a resend, counted), with the
   * recipient and the version of the row's event read in the same round trip. The row was written
   * with (or after) the change that caused it, so the claim sees that change: the event's details
   * the composer then reads are no older than the version it read (EventMailContexts.require).
   */
  private async claim(
    id: string,
  ): Promise<{ message: OutboxMessage; participant: Participant | null; staffDeactivated: boolean } | null> {
    const row = await this.claims.add(id);
    if (!row) return null;
    if (row.event_id) await this.eventContexts.require(row.event_id, row.event_version);
    const message = Object.assign(new OutboxMessage(), {
      id: row.id,
      key: row.key,
      template: row.template,
      transactional: row.transactional,
      participantId: row.participant_id,
      userId: row.user_id,
      eventId: row.event_id,
      batchId: row.batch_id,
      params: row.params,
      toAddress: row.to_address,
      attempts: row.attempts,
      status: OutboxStatus.SENDING,
    });
    return { message, participant: recipientOf(row), staffDeactivated: row.user_deactivated_at !== null };
  }

  /**
   * One claim statement for many rows; each id answers its claimed row or null. The version of
   * each event is read once per statement, however many of its emails the statement claims.
   */
  private async claimRows(ids: string[]): Promise<(ClaimedRow | null)[]> {
    const rows = (await this.dataSource.query(
      // `was` is the row as this statement found it: whether it was taken over from a dead sender.
      `WITH claimed AS (
         UPDATE outbox_messages AS m
            SET status = 'SENDING',
                attempts = m.attempts + 1,
                resent_after_crash = m.resent_after_crash + CASE WHEN m.status = 'SENDING' THEN 1 ELSE 0 END,
                lease_expires_at = now() + $2 * interval '1 millisecond',
                updated_at = now()
           FROM outbox_messages AS was
          WHERE m.id = ANY($1::uuid[]) AND was.id = m.id
            AND (m.status = 'PENDING' OR (m.status = 'SENDING' AND m.lease_expires_at < now()))
          RETURNING m.id, m.key, m.template, m.transactional, m.participant_id, m.user_id, m.event_id,
                    m.batch_id, m.params, m.to_address, m.attempts, was.status = 'SENDING' AS taken_over),
            versions AS (
         SELECT about.event_id, ${eventMailVersionSql('about.event_id')} AS event_version
           FROM (SELECT DISTINCT event_id FROM claimed WHERE event_id IS NOT NULL) AS about)
       SELECT claimed.*, p.email, p.name, p.locale, p.consent_email, p.email_opt_out, p.email_suppressed_at,
              u.email AS user_email, u.name AS user_name, u.deactivated_at AS user_deactivated_at,
              versions.event_version
         FROM claimed
         LEFT JOIN versions ON versions.event_id = claimed.event_id
         LEFT JOIN participants p ON p.id = claimed.participant_id
         LEFT JOIN users u ON u.id = claimed.user_id`,
      [ids, this.config.MAIL_LEASE_MS],
    )) as ClaimedRow[];
    const orphans = rows.filter((row) => row.taken_over).map((row) => row.id);
    if (orphans.length > 0) {
      this.logger.warn(
        `took over ${orphans.length} emails left sending by a worker that stopped; sending them again, ` +
          `counted in resentAfterCrash (outbox ${orphans.join(', ')})`,
      );
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    // Each claimed row goes to one caller only, should the same id be asked for twice.
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      byId.delete(id);
      return row;
    });
  }

  /**
   * For a worker stopping with these rows' jobs still running: they go to another worker at once
   * rather than after MAIL_LEASE_MS, without using up a try. Those not yet handed to SMTP (most wait
   * behind the rate limit) are PENDING again, as if never claimed. Those on the wire keep SENDING
   * with their lease ended and their try given back: the next worker sends them again, counted in
   * resent_after_crash, as this process may have sent them just before it exits.
   */
  async release(ids: string[]): Promise<void> {
    // Jobs waiting here for their place or their turn at the rate limit neither claim nor send
    // these any more: the process goes on running until it exits.
    for (const id of ids) this.handedBack.add(id);
    // A claim already on its way lands first, so that the statements below see its row.
    await Promise.allSettled([...this.claimsInFlight]);
    const wire = ids.filter((id) => this.onTheWire.has(id));
    const held = ids.filter((id) => !this.onTheWire.has(id));
    await this.dataSource.query(
      `UPDATE outbox_messages
          SET status = 'PENDING', lease_expires_at = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
        WHERE id = ANY($1) AND status = 'SENDING'`,
      [held],
    );
    if (wire.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox_messages
          SET lease_expires_at = now() - interval '1 millisecond', attempts = greatest(attempts - 1, 0), updated_at = now()
        WHERE id = ANY($1) AND status = 'SENDING'`,
      [wire],
    );
  }

  /**
   * A row this stopping worker claimed but did not send, its job handed to another worker: PENDING
   * again, its try given back, so the next worker sends it at once and counts no resend. Only on
   * the way out, one row at a time.
   */
  private async unclaim(id: string): Promise<DeliveryOutcome> {
    await this.handBack(id);
    return { kind: 'done' };
  }

  /**
   * A claimed row back to PENDING, its try given back, as if it had not been claimed: by a worker
   * stopping (unclaim), or for an email that waits for an earlier one (EarlierEmailInFlight). One
   * row at a time: both are rare.
   */
  private async handBack(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_messages
          SET status = 'PENDING', lease_expires_at = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
        WHERE id = $1 AND status = 'SENDING'`,
      [id],
    );
  }

  /**
   * SENDING → SENT for many rows in one statement, each with its own SMTP answer (as the log keeps
   * it, asLogged) and what it showed its reader (OutboxMessage.shown). The rows' people are locked
   * before any of the rows, all in id order as lockPeople locks them: the first row's look-up in
   * `people` reads all of it. Locked row by row instead, the statement could hold one person while
   * it waits for another whom a merge of the two holds, waiting for the first: a deadlock, which
   * Postgres answers by failing one of them (here: emails already sent, retried as if they were not).
   */
  private async markSent(rows: SentRow[]): Promise<void[]> {
    await this.dataSource.query(
      // The people of the answers that quote an address, and only theirs: an answer that quotes
      // none has nothing to forget (most servers say `250 OK: queued as …`), and its person's row
      // stays free for a merge, which locks it for the whole of its transaction.
      `WITH people AS MATERIALIZED (
         SELECT p.id, p.email, p.erased_at FROM participants p
          WHERE p.id IN (SELECT m.participant_id FROM outbox_messages m
                           JOIN unnest($1::uuid[], $3::varchar[]) AS a(id, response) ON a.id = m.id
                          WHERE a.response ~ $6::text)
          ORDER BY p.id FOR KEY SHARE)
       UPDATE outbox_messages AS m
          SET status = 'SENT', sent_at = now(), smtp_message_id = s.message_id,
              smtp_response = ${asLogged('s.response', { row: 'm', from: '$5::text', to: 'ARRAY[s.to_address]', people: 'people' })},
              lease_expires_at = NULL, last_error = NULL, updated_at = now(),
              -- A try given back by a stopping worker (release) while its email was on the wire was spent.
              attempts = greatest(m.attempts, 1), shown = s.shown::jsonb
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $7::text[])
              AS s(id, message_id, response, shown, to_address)
        WHERE m.id = s.id`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.messageId),
        rows.map((row) => row.response.slice(0, 500)),
        rows.map((row) => (row.shown ? JSON.stringify(row.shown) : null)),
        senderAddress(this.config.MAIL_FROM),
        ADDRESS_PATTERN,
        rows.map((row) => row.to),
      ],
    );
    return rows.map(() => undefined);
  }

  private async whyNotClaimed(id: string): Promise<DeliveryOutcome> {
    const row = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id });
    // Gone, or already sent / failed / skipped: nothing to do (a retry after `sent` sends nothing).
    if (row?.status !== OutboxStatus.SENDING || !row.leaseExpiresAt) return { kind: 'done' };
    return { kind: 'busy', until: row.leaseExpiresAt };
  }

  private async compose(
    message: OutboxMessage,
    participant: Participant | null,
    staffDeactivated: boolean,
  ): Promise<{ email: OutgoingEmail; shown: EmailShown | null } | null> {
    if (!participant) return this.skip(message, 'RECIPIENT_GONE');
    // Work mail written before the staff member's account was switched off stays unsent.
    if (staffDeactivated) return this.skip(message, 'RECIPIENT_DEACTIVATED');
    if (!message.toAddress && !mayEmail(participant, message.transactional)) {
      return this.skip(message, participant.emailSuppressedAt ? 'SUPPRESSED' : 'OPTED_OUT');
    }
    const tokens: PreparedToken[] = [];
    const issueToken = (request: TokenRequest) => {
      const { raw, row } = this.tokens.prepare(request);
      tokens.push(row);
      return raw;
    };
    const unsubscribeUrl = message.transactional
      ? null
      : `${this.config.PUBLIC_URL}/unsubscribe/${this.unsubscribeLinks.token(participant.id)}`;
    const manager = this.dataSource.manager;
    const composed = await this.composers
      .get(message.template)
      .compose({ message, participant, unsubscribeUrl, manager, issueToken });
    if (!composed) return this.skip(message, 'NOTHING_TO_SEND');
    // The links must work before anyone can click them.
    if (tokens.length > 0) await this.tokenWrites.add(tokens);
    const email = this.envelope(
      message,
      participant,
      composed,
      unsubscribeUrl,
      composed.replyTo ?? (await this.replyTo(message, languageOf(participant))),
    );
    return { email, shown: composed.shown ?? null };
  }

  /**
   * An event's email is answered to its organiser's contact address: MAIL_FROM is a no-reply
   * address, and a participant who replies means the organiser. The event context is the one the
   * composer just read (cached), so this costs no query.
   */
  private async replyTo(message: OutboxMessage, locale: MailLocale): Promise<OutgoingEmail['replyTo']> {
    if (!message.eventId || message.userId) return undefined;
    const event = await this.eventContexts.get(this.dataSource.manager, message.eventId, locale);
    const address = event?.organizerContact?.email;
    return address ? { name: event.organizer, address } : undefined;
  }

  private envelope(
    message: OutboxMessage,
    participant: Participant,
    composed: ComposedEmail,
    unsubscribeUrl: string | null,
    replyTo: OutgoingEmail['replyTo'],
  ): OutgoingEmail {
    return {
      from: this.config.MAIL_FROM,
      ...(replyTo ? { replyTo } : {}),
      to: { name: participant.name, address: message.toAddress ?? participant.email },
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      attachments: composed.attachments,
      messageId: this.transport.messageIdOf(message.id),
      headers: unsubscribeUrl
        ? {
            // RFC 2369 + RFC 8058: mail clients offer a one-click unsubscribe that POSTs here.
            'List-Unsubscribe': `<${unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {},
    };
  }

  private async skip(message: OutboxMessage, reason: string): Promise<null> {
    await this.finish(this.dataSource.manager, message.id, OutboxStatus.SKIPPED, { skipReason: reason });
    this.logger.debug(
      `${message.key} not sent (outbox ${message.id}, ${recipientLabel(message)}): ${reason}`,
    );
    return null;
  }

  /**
   * SMTP down or refusing for now: every email of a campaign fails the same way, so one line a
   * minute says so (with how many more did), instead of one per email or none until the last try.
   */
  private noteTemporaryFailure(
    message: OutboxMessage,
    reason: string,
    { attempt, attempts }: DeliveryAttempt,
  ): void {
    const now = Date.now();
    if (now - this.temporaryFailures.loggedAt < TEMPORARY_FAILURE_LOG_EVERY_MS) {
      this.temporaryFailures.since += 1;
      return;
    }
    const more = this.temporaryFailures.since;
    this.logger.warn(
      `${message.key} not sent yet (outbox ${message.id}, try ${attempt} of ${attempts}): ${withoutAddresses(reason)}; retried with backoff` +
        (more > 0 ? ` (${more} other temporary failures since the last such line)` : ''),
    );
    this.temporaryFailures = { loggedAt: now, since: 0 };
  }

  /** `to`: the address the email went to, or was for (see fail). */
  private async failTemporarily(
    message: OutboxMessage,
    reason: string,
    attempt: DeliveryAttempt,
    to: string | undefined,
  ): Promise<DeliveryOutcome> {
    if (attempt.attempt >= attempt.attempts) {
      const why = reason.startsWith(REFUSED_PREFIX) ? OutboxFailure.REFUSED : OutboxFailure.GAVE_UP;
      await this.fail(this.dataSource.manager, message.id, why, reason, to);
      this.logger.warn(
        `giving up on ${message.key} (outbox ${message.id}, ${recipientLabel(message)}) after ${attempt.attempts} tries: ${withoutAddresses(reason)}`,
      );
      return { kind: 'done' };
    }
    this.noteTemporaryFailure(message, reason, attempt);
    const afterMs = this.config.MAIL_RETRY_BASE_MS * 2 ** (attempt.attempt - 1);
    await this.finish(this.dataSource.manager, message.id, OutboxStatus.PENDING, {
      lastError: reason,
      to,
      afterMs,
    });
    return { kind: 'retry', reason, afterMs };
  }

  /**
   * Given up: FAILED, with when and why for /health/mail's last 24 hours. `to` is the address the
   * email went to: the error forgets it should its person have been erased meanwhile, even where it
   * is also one of ours (a staff member's work address they registered with, see asLogged).
   */
  private async fail(
    manager: DataSource['manager'],
    id: string,
    failure: OutboxFailure,
    reason: string,
    to: string | undefined,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({
        status: OutboxStatus.FAILED,
        leaseExpiresAt: null,
        lastError: () => LAST_ERROR_SQL,
        failedAt: () => 'now()',
        failure,
      })
      .where('id = :id', { id })
      .setParameters({ lastError: reason, ...loggedWith(this.config.MAIL_FROM, to) })
      .execute();
  }

  /**
   * Back to PENDING with why this try failed (see fail), or SKIPPED with why not sent. A row back
   * to PENDING is in the queue again as of its next try, `afterMs` from now (MailProcessor): the
   * relay, which hands over again what stays unsent OUTBOX_REENQUEUE_AFTER_MS after its hand-over,
   * counts from then and does not cut the backoff short.
   */
  private async finish(
    manager: DataSource['manager'],
    id: string,
    status: OutboxStatus,
    fields: { lastError: string; to: string | undefined; afterMs: number } | { skipReason: string },
  ): Promise<void> {
    if ('skipReason' in fields) {
      await manager.update(OutboxMessage, id, { status, leaseExpiresAt: null, ...fields });
      return;
    }
    await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({
        status,
        leaseExpiresAt: null,
        lastError: () => LAST_ERROR_SQL,
        enqueuedAt: () => `now() + ${Math.round(fields.afterMs)} * interval '1 millisecond'`,
      })
      .where('id = :id', { id })
      .setParameters({ lastError: fields.lastError, ...loggedWith(this.config.MAIL_FROM, fields.to) })
      .execute();
  }
}

/**
 * SQL: `text`, what the mail server said about the outbox row `row` (its error, its answer), as the
 * row keeps it. A server's text often quotes the mailbox; once the row's person is erased (the
 * erasure forgot every address in their rows while this one was being sent, see
 * forgetAddressesInMailLog), their placeholder address stands in for every address it quotes but
 * ours (everyAddressButOursSql, our sender `from`), and for those in `to` (SQL giving a text[]: the
 * address the email went to) even where one is ours too. Their row is locked first, as the erasure locks
 * it first: one under way finishes before this is written, and this sees it. `people` names rows
 * of participants the statement has locked already (markSent, those whose answer quotes an
 * address: the text of one not among them is kept as it is); otherwise the row is locked here.
 */
function asLogged(
  text: string,
  { row, from, to, people }: { row: string; from: string; to: string; people?: string },
): string {
  return `coalesce(
  (SELECT CASE WHEN p.erased_at IS NULL THEN ${text}
               ELSE regexp_replace(${text}, ${everyAddressButOursSql(from, `(VALUES (${text}))`, to)}, p.email, 'gi') END
     FROM ${people ?? 'participants'} p WHERE p.id = ${row}.participant_id${people ? '' : ' FOR KEY SHARE'}),
  ${text})`;
}

/**
 * The error `:lastError` as the row keeps it (asLogged), MAIL_FROM's address being `:mailFrom`, the
 * email's recipient `:to` (loggedWith gives both).
 */
const LAST_ERROR_SQL = asLogged('CAST(:lastError AS text)', {
  row: 'outbox_messages',
  from: 'CAST(:mailFrom AS text)',
  to: 'CAST(:to AS text[])',
});

/** LAST_ERROR_SQL's parameters but the error: our sender's address, and whom the email went to. */
function loggedWith(mailFrom: string, to: string | undefined): { mailFrom: string; to: string[] } {
  return { mailFrom: senderAddress(mailFrom), to: to ? [to] : [] };
}

/** `to`: the address the email went to (see fail). */
type SentRow = { id: string; shown: EmailShown | null; to: string } & SentEmail;

/** Which try of the queue job this is, counted from 1, and how many it has. */
export interface DeliveryAttempt {
  attempt: number;
  attempts: number;
  /** Mail someone waits for: it goes before the campaign's emails waiting for the SMTP pool. */
  urgent?: boolean;
}

const TEMPORARY_FAILURE_LOG_EVERY_MS = 60_000;

/** Who an email was for, by id: enough to find the row, no address in the log. */
function recipientLabel(message: OutboxMessage): string {
  if (message.participantId) return `participant ${message.participantId}`;
  if (message.userId) return `staff user ${message.userId}`;
  return 'no recipient';
}

interface ClaimedRow {
  id: string;
  key: string;
  template: string;
  transactional: boolean;
  participant_id: string | null;
  user_id: string | null;
  event_id: string | null;
  batch_id: string | null;
  params: Record<string, string>;
  to_address: string | null;
  attempts: number;
  taken_over: boolean;
  email: string | null;
  name: string;
  locale: Participant['locale'];
  consent_email: boolean;
  email_opt_out: boolean;
  email_suppressed_at: Date | null;
  user_email: string | null;
  user_name: string | null;
  user_deactivated_at: Date | null;
  /** eventMailVersionSql of event_id, as the claim saw it. */
  event_version: string | null;
}

/**
 * Who a claimed row goes to, as composers see it. A staff member (work mail) is addressed like a
 * participant who may always be emailed, in Japanese; a recipient deleted since is null.
 */
function recipientOf(row: ClaimedRow): Participant | null {
  if (row.participant_id && row.email !== null) {
    return Object.assign(new Participant(), {
      id: row.participant_id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      consentEmail: row.consent_email,
      emailOptOut: row.email_opt_out,
      emailSuppressedAt: row.email_suppressed_at,
    });
  }
  if (row.user_id && row.user_email !== null) {
    return Object.assign(new Participant(), {
      id: row.user_id,
      email: row.user_email,
      name: row.user_name ?? '',
      locale: 'ja',
      consentEmail: true,
      emailOptOut: false,
      emailSuppressedAt: null,
    });
  }
  return null;
}
