import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Event } from '../events/event.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { Participant } from '../participants/participant.entity';
import type { AgendaSnapshot } from './agenda-changes';

/**
 * One agenda email as it was written: the meetings it listed, with their times and tables. The
 * newest one whose outbox row is SENT is the agenda the participant holds, and the next agenda
 * email marks what changed since (【変更】【追加】, 取り消しになった面談). Keyed by the outbox row
 * and written when the email is composed: a retry rewrites its own row, and an email that never
 * went out (failed, or not yet sent) is not taken for one the reader has.
 */
@Entity('agenda_deliveries')
@Index(['participantId', 'eventId'])
export class AgendaDelivery {
  @PrimaryColumn('uuid')
  outboxMessageId: string;

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn()
  outboxMessage?: OutboxMessage;

  @Column('uuid')
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn()
  participant?: Participant;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn()
  event?: Event;

  @Column('jsonb')
  agenda: AgendaSnapshot;

  /** When the email was (last) composed: of two sent, the later written is what the reader holds. */
  @UpdateDateColumn({ type: 'timestamptz' })
  composedAt: Date;
}
