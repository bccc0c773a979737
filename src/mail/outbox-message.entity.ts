import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Event } from '../events/event.entity';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
import { EmailShown } from './email-shown';
import { OutboxFailure, OutboxStatus } from './outbox-status';

/**
 * One email the service has decided to send, written in the same transaction as the change that
 * caused it. Its status is the truth about delivery; the queue only carries its id.
 *
 * Every row is updated three times on its way (handed to the queue, claimed, sent). No index
 * holds `status` itself, nor `updated_at`, and the table keeps room on each page (fillfactor 70,
 * set in the migration), so the first two are HOT updates that touch no index; only the last,
 * which closes the row, does. An index on a column those two write would end that for every row.
 */
@Entity('outbox_messages')
@Index(['eventId'])
@Index(['batchId'])
// What the relay scans: only the few rows still open.
@Index('idx_outbox_messages_open', ['createdAt'], { where: 'is_open' })
// What /health/mail counts of the last day's failures: only the rows that failed are in it, and
// `failure` beside the time lets it count them from the index alone.
@Index('idx_outbox_messages_failed', ['failedAt', 'failure'], { where: 'failed_at IS NOT NULL' })
// An event's emails about one registration (what an invitee was last shown, deadlines-told.ts): on
// (event_id, params ->> 'registrationId'), an expression written in the migration.
@Index('idx_outbox_messages_registration', { synchronize: false })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One logical message, e.g. `invitation-<registrationId>`: writing it twice is a no-op. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  key: string;

  /** Which registered composer writes it (e.g. `invitation`). */
  @Column({ type: 'varchar', length: 60 })
  template: string;

  /** Sign-in links and the like: sent even to those who unsubscribed, without List-Unsubscribe. */
  @Column({ default: false })
  transactional: boolean;

  @ManyToOne(() => Participant, { onDelete: 'SET NULL', nullable: true })
  participant: Participant | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  /**
   * Set only for mail about the participant's address itself, which goes elsewhere: the
   * confirmation of a new address (sent to it), the notice that it changed (sent to the old one).
   * Their consent and bounce suppression are about their own address, so neither applies, and a
   * bounce here suppresses nothing.
   */
  @Column({ type: 'varchar', nullable: true })
  toAddress: string | null;

  /** Mail to a staff member instead (work mail such as the follow-ups due): always transactional. */
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: true })
  user: User | null;

  /**
   * Indexed for the per-hour limit of password-reset emails (counted per staff member). Partial:
   * only the few staff rows are in it, so a campaign's inserts do not write to it.
   */
  @Index('idx_outbox_messages_user', { where: 'user_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => Event, { onDelete: 'SET NULL', nullable: true })
  event: Event | null;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  /** The send operation it belongs to (an invitation campaign, a digest run…), for progress counts. */
  @Column({ type: 'uuid', nullable: true })
  batchId: string | null;

  /** IDs the composer reloads (e.g. `{ registrationId }`); never the content itself. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string>;

  /**
   * What the email showed its reader that later emails go by (the 申込締切 an invitee was asked to
   * answer by, see deadlinesTold), as its composer wrote it; null until it is sent. Written by the
   * statement that marks it SENT, so it costs no statement of its own, and never by the change that
   * wrote the row: what an email shows is the event as it is when the email leaves, which its
   * params cannot know, and an email not sent showed nobody anything. Kept apart from params,
   * which are what the composer reads, so a row sent again is composed from the same input.
   */
  @Column({ type: 'jsonb', nullable: true })
  shown: EmailShown | null;

  @Column({ type: 'enum', enum: OutboxStatus, enumName: 'outbox_status', default: OutboxStatus.PENDING })
  status: OutboxStatus;

  /** PENDING or SENDING: derived from status by Postgres, never written. */
  @Column({
    type: 'boolean',
    generatedType: 'STORED',
    asExpression: `status IN ('PENDING', 'SENDING')`,
    insert: false,
    update: false,
  })
  isOpen: boolean;

  /** Sends started (a retry after a temporary failure counts again). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /**
   * Sends started again after a sender died mid-send (lease expired): the only way a recipient
   * can get the same email twice.
   */
  @Column({ type: 'int', default: 0 })
  resentAfterCrash: number;

  @Column({ type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  /**
   * Last hand-over to the queue, or for a row waiting out its backoff when its next try is due; the
   * relay hands over again if it stays unsent for long after that.
   */
  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Message-ID of the sent email. */
  @Column({ type: 'varchar', nullable: true })
  smtpMessageId: string | null;

  /** What the SMTP server answered (its queue id), for tracing with the mail provider. */
  @Column({ type: 'varchar', nullable: true })
  smtpResponse: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Why a SKIPPED row was not sent, e.g. OPTED_OUT. */
  @Column({ type: 'varchar', nullable: true })
  skipReason: string | null;

  /**
   * When a FAILED row was given up, and why (`OutboxFailure`); both null again once it goes again.
   * Written only by the update that closes the row, which touches the indexes anyway, and read
   * through idx_outbox_messages_failed: the claim and the hand-over stay HOT updates.
   */
  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  failure: OutboxFailure | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
