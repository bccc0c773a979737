import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PageArgs, keysetPage } from '../common/pagination/keyset-page';
import { Participant } from '../participants/participant.entity';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxStatus } from './outbox-status';
import { markOutboxWritten } from './outbox-commit.subscriber';
import { OutboxRelay } from './outbox-relay';

export interface OutboxRequest {
  /** Unique per logical message, e.g. `invitation-<registrationId>`; a second write is ignored. */
  key: string;
  /** Name of a registered MailComposer. */
  template: string;
  /** The recipient: a participant, or (`userId`) a staff member for work mail. Exactly one. */
  participantId?: string;
  userId?: string;
  /**
   * Transactional mail (a sign-in link) goes to anyone whose address works. Everything else needs
   * the participant's consent to email (特定電子メール法), honours their unsubscribe, and carries
   * the one-click List-Unsubscribe headers.
   */
  transactional?: boolean;
  eventId?: string | null;
  batchId?: string | null;
  /** IDs the composer needs; never content or secrets. */
  params?: Record<string, string>;
  /**
   * Another address than the participant's, for mail about their address itself (see
   * OutboxMessage.toAddress): written whatever their consent or suppression, always transactional.
   */
  toAddress?: string;
}

export interface OutboxWriteResult {
  /** Keys written now. */
  written: string[];
  /** Keys not written because the participant may not be emailed (no consent, unsubscribed, bounced). */
  notEmailable: string[];
  /** Keys that were already in the outbox. */
  existing: string[];
}

export type OutboxCounts = Record<'total' | 'queued' | 'sent' | 'failed' | 'skipped', number>;

/** A row whose error still matters: not one that went out on a later try. */
const TROUBLED = `last_error IS NOT NULL AND status <> 'SENT'`;

export interface BatchTrouble {
  retrying: number;
  /** Raw SMTP or Node message. */
  lastError: string | null;
  lastErrorAt: Date | null;
}

const INSERT_CHUNK = 1000;

type Recipient = Pick<Participant, 'id' | 'consentEmail' | 'emailOptOut' | 'emailSuppressedAt'>;

/**
 * The entry point for every feature that sends email: write the intent inside your own
 * transaction; the relay hands it to the queue after the commit, and the sender delivers it.
 */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async enqueue(manager: EntityManager, requests: OutboxRequest[]): Promise<OutboxWriteResult> {
    const result: OutboxWriteResult = { written: [], notEmailable: [], existing: [] };
    if (requests.length === 0) return result;
    // Plain SQL over arrays: a 10,000-invitee campaign is written in a few statements, and its
    // commit is what the first email waits for.
    const ids = [...new Set(requests.flatMap((request) => request.participantId ?? []))];
    const recipients = new Map<string, Recipient>();
    for (let start = 0; start < ids.length; start += INSERT_CHUNK) {
      const found: Recipient[] = await manager.query(
        `SELECT id, consent_email AS "consentEmail", email_opt_out AS "emailOptOut",
                email_suppressed_at AS "emailSuppressedAt"
           FROM participants WHERE id = ANY($1::uuid[])`,
        [ids.slice(start, start + INSERT_CHUNK)],
      );
      for (const participant of found) recipients.set(participant.id, participant);
    }
    const rows = requests.filter((request) => {
      // Staff receive work mail as part of their job: no consent or unsubscribe applies.
      if (request.userId || request.toAddress) return true;
      const recipient = request.participantId ? recipients.get(request.participantId) : undefined;
      const ok = recipient !== undefined && mayEmail(recipient, request.transactional ?? false);
      if (!ok) result.notEmailable.push(request.key);
      return ok;
    });
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const inserted: { key: string }[] = await manager.query(
        `INSERT INTO outbox_messages (key, template, transactional, participant_id, user_id, event_id, batch_id, params, to_address)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::boolean[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::jsonb[], $9::varchar[])
         ON CONFLICT DO NOTHING
         RETURNING key`,
        [
          chunk.map((request) => request.key),
          chunk.map((request) => request.template),
          chunk.map((request) =>
            request.userId || request.toAddress ? true : (request.transactional ?? false),
          ),
          chunk.map((request) => request.participantId ?? null),
          chunk.map((request) => request.userId ?? null),
          chunk.map((request) => request.eventId ?? null),
          chunk.map((request) => request.batchId ?? null),
          chunk.map((request) => JSON.stringify(request.params ?? {})),
          chunk.map((request) => request.toAddress ?? null),
        ],
      );
      const written = new Set(inserted.map((row) => row.key));
      for (const request of chunk)
        (written.has(request.key) ? result.written : result.existing).push(request.key);
    }
    if (result.written.length > 0 && !markOutboxWritten(manager)) this.relay.kick();
    return result;
  }

  /**
   * Rows under `keys` that were skipped as having nothing to send when they were composed
   * (NOTHING_TO_SEND: the moment for them had not come), written again for the sender in the
   * caller's transaction. Their composers read the rows anew, so what no longer applies is skipped
   * again. Never a row that was sent, or skipped for its recipient (opted out, bounced).
   */
  async reopenSkipped(manager: EntityManager, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    return this.reopen(
      manager,
      `m.key = ANY($1::varchar[]) AND m.status = 'SKIPPED' AND m.skip_reason = 'NOTHING_TO_SEND'`,
      [keys],
    );
  }

  /**
   * One transactional email that someone asked for themselves (a sign-in link, a password reset),
   * unless `perHour` of its template were already written for the recipient in the last hour.
   * Counted in the outbox itself, so the limit holds while Redis is away, and a request for an
   * unknown address counts against nobody. Lock the recipient's row first, in the same
   * transaction, so that parallel requests are counted one after the other and none passes the
   * limit. Answers whether it was written; asked too often, nothing is, and the caller's answer is
   * the same. An email about an event (an application link) names it in `about`, with the ids its
   * composer needs beside `requestedAt`; one to another address (a new address to confirm) names
   * that address.
   */
  async enqueueAskedFor(
    manager: EntityManager,
    recipient: { participantId: string } | { userId: string },
    template: string,
    perHour: number,
    about: { eventId?: string; params?: Record<string, string>; toAddress?: string } = {},
  ): Promise<boolean> {
    const [column, id] =
      'userId' in recipient ? ['user_id', recipient.userId] : ['participant_id', recipient.participantId];
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM outbox_messages
        WHERE ${column} = $1 AND template = $2 AND created_at > now() - interval '1 hour'`,
      [id, template],
    );
    if (count >= perHour) return false;
    await this.enqueue(manager, [
      {
        // Each request is its own message; the key only has to be unique.
        key: `${template}-${id}-${randomUUID()}`,
        template,
        ...recipient,
        transactional: true,
        eventId: about.eventId ?? null,
        params: { ...about.params, requestedAt: String(Date.now()) },
        toAddress: about.toAddress,
      },
    ]);
    return true;
  }

  /**
   * When enqueueAskedFor would write `template` for the recipient again: an hour after the
   * `perHour`-th latest of the last hour's was written (now, if fewer were). For someone asking in
   * their own session, who may be told they asked too often.
   */
  async askableAgainAt(
    manager: EntityManager,
    recipient: { participantId: string } | { userId: string },
    template: string,
    perHour: number,
  ): Promise<Date> {
    const [column, id] =
      'userId' in recipient ? ['user_id', recipient.userId] : ['participant_id', recipient.participantId];
    const [row]: { at: Date }[] = await manager.query(
      `SELECT created_at + interval '1 hour' AS at FROM outbox_messages
        WHERE ${column} = $1 AND template = $2 AND created_at > now() - interval '1 hour'
        ORDER BY created_at DESC OFFSET $3 LIMIT 1`,
      [id, template, perHour - 1],
    );
    return row ? new Date(row.at) : new Date();
  }

  /**
   * Progress of a send operation (an invitation campaign, a digest run, an event's survey),
   * counted from its rows; `eventId` keeps the count to one event's mail.
   */
  async countsForBatch(batchId: string, eventId?: string): Promise<OutboxCounts> {
    const query = this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('message')
      .select('message.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('message.batchId = :batchId', { batchId });
    if (eventId) query.andWhere('message.eventId = :eventId', { eventId });
    const rows: { status: OutboxStatus; count: string }[] = await query
      .groupBy('message.status')
      .getRawMany();
    const by = (status: OutboxStatus) => Number(rows.find((row) => row.status === status)?.count ?? 0);
    return {
      total: rows.reduce((sum, row) => sum + Number(row.count), 0),
      queued: by(OutboxStatus.PENDING) + by(OutboxStatus.SENDING),
      sent: by(OutboxStatus.SENT),
      failed: by(OutboxStatus.FAILED),
      skipped: by(OutboxStatus.SKIPPED),
    };
  }

  /**
   * Whether a batch is stuck rather than slow: rows waiting for another try after an error, and
   * the latest error of the batch (retrying or given up), so that a broken mail server shows.
   */
  async troubleForBatch(batchId: string, eventId?: string): Promise<BatchTrouble> {
    const [row]: { retrying: number; last_error: string | null; last_error_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING') AND last_error IS NOT NULL)::int AS retrying,
                (array_agg(last_error ORDER BY updated_at DESC) FILTER (WHERE ${TROUBLED}))[1] AS last_error,
                max(updated_at) FILTER (WHERE ${TROUBLED}) AS last_error_at
           FROM outbox_messages
          WHERE batch_id = $1 AND ($2::uuid IS NULL OR event_id = $2)`,
        [batchId, eventId ?? null],
      );
    return { retrying: row.retrying, lastError: row.last_error, lastErrorAt: row.last_error_at };
  }

  /**
   * Sends an event's failed emails again (one batch's, when given) once their cause is fixed —
   * the mail server was down for longer than the retries lasted, say. The composers read the
   * event as it is then, so mail that no longer applies (a reminder after the event) is skipped,
   * not sent. An address that bounced is left failed: it is suppressed, and would only bounce
   * again. Answers how many go again.
   */
  async resendFailed(scope: { eventId: string; batchId?: string | null }): Promise<number> {
    return this.dataSource.transaction((manager) =>
      this.reopen(
        manager,
        `m.event_id = $1 AND ($2::uuid IS NULL OR m.batch_id = $2) AND m.status = 'FAILED'`,
        [scope.eventId, scope.batchId ?? null],
      ),
    );
  }

  /**
   * What did not reach a participant, sent again in the caller's transaction once their address is
   * corrected (the sender reads the new one): the emails that failed, of every event, and those
   * skipped because the old address had bounced. Not mail about an address itself (`toAddress`).
   */
  resendFailedTo(manager: EntityManager, participantId: string): Promise<number> {
    return this.reopen(
      manager,
      `m.participant_id = $1 AND m.to_address IS NULL
         AND (m.status = 'FAILED' OR (m.status = 'SKIPPED' AND m.skip_reason = 'SUPPRESSED'))`,
      [participantId],
    );
  }

  /** These rows go again (two profiles of one person merged: what failed to reach the one that went). */
  resend(manager: EntityManager, ids: string[]): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return this.reopen(manager, 'm.id = ANY($1::uuid[])', [ids]);
  }

  /** The rows `scope` (a condition on `m`) selects go back to PENDING, but none to a suppressed address. */
  private async reopen(manager: EntityManager, scope: string, parameters: unknown[]): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `WITH resent AS (
         UPDATE outbox_messages AS m
            SET status = 'PENDING', skip_reason = NULL, enqueued_at = NULL, lease_expires_at = NULL,
                failed_at = NULL, failure = NULL, updated_at = now()
          WHERE ${scope}
            AND NOT EXISTS (SELECT 1 FROM participants p
                             WHERE p.id = m.participant_id AND p.email_suppressed_at IS NOT NULL)
         RETURNING 1)
       SELECT count(*)::int AS count FROM resent`,
      parameters,
    );
    if (count > 0 && !markOutboxWritten(manager)) this.relay.kick();
    return count;
  }

  list<N>(
    filter: { eventId: string; batchId?: string | null; status?: OutboxStatus | null },
    page: PageArgs,
    toNode: (message: OutboxMessage) => N,
  ) {
    const query = this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('message')
      .leftJoinAndSelect('message.participant', 'participant')
      .leftJoinAndSelect('participant.company', 'company')
      .where('message.eventId = :eventId', { eventId: filter.eventId });
    if (filter.batchId) query.andWhere('message.batchId = :batchId', { batchId: filter.batchId });
    if (filter.status) query.andWhere('message.status = :status', { status: filter.status });
    return keysetPage(query, 'message.createdAt', page, toNode);
  }
}

/** Whether this kind of mail may go to this participant now. */
export function mayEmail(
  participant: Pick<Participant, 'consentEmail' | 'emailOptOut' | 'emailSuppressedAt'>,
  transactional: boolean,
): boolean {
  if (participant.emailSuppressedAt) return false;
  return transactional || (participant.consentEmail && !participant.emailOptOut);
}
