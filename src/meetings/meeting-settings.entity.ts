import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Event } from '../events/event.entity';
import { AcceptanceMode } from './meeting-enums';

/**
 * How an event handles meeting requests. A row of its own rather than columns on `events`: only
 * matchmaking events have one, and an event without a row uses the defaults below.
 */
@Entity('meeting_settings')
export class MeetingSettings {
  @PrimaryColumn('uuid')
  eventId: string;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn()
  event: Event;

  @Column({
    type: 'enum',
    enum: AcceptanceMode,
    enumName: 'meeting_acceptance_mode',
    default: AcceptanceMode.RECIPIENT_ACCEPTS,
  })
  acceptanceMode: AcceptanceMode;

  /** Outgoing requests one participant may send at this event; null = no cap. */
  @Column({ type: 'int', nullable: true })
  maxRequestsPerParticipant: number | null;

  /** A request not answered within this many hours expires; null = until the event ends. */
  @Column({ type: 'int', nullable: true })
  requestExpiryHours: number | null;

  /** Meetings one participant may have at this event; null = as many as there are slots. */
  @Column({ type: 'int', nullable: true })
  maxMeetingsPerParticipant: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const DEFAULT_MEETING_SETTINGS: Pick<
  MeetingSettings,
  'acceptanceMode' | 'maxRequestsPerParticipant' | 'requestExpiryHours' | 'maxMeetingsPerParticipant'
> = {
  acceptanceMode: AcceptanceMode.RECIPIENT_ACCEPTS,
  maxRequestsPerParticipant: null,
  requestExpiryHours: null,
  maxMeetingsPerParticipant: null,
};
