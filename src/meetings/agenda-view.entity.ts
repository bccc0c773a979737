import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Event } from '../events/event.entity';
import { Participant } from '../participants/participant.entity';
import type { AgendaSnapshot } from './agenda-changes';

/**
 * The agenda a participant last marked as seen at an event (markAgendaSeen): myAgenda marks what
 * changed since, so someone checking the schedule on their phone on the day sees at a glance what
 * moved. One row per participant and event, overwritten each time.
 */
@Entity('agenda_views')
export class AgendaView {
  @PrimaryColumn('uuid')
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn()
  participant?: Participant;

  @PrimaryColumn('uuid')
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn()
  event?: Event;

  @Column('jsonb')
  agenda: AgendaSnapshot;

  @Column({ type: 'timestamptz' })
  seenAt: Date;
}
