import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Event } from '../events/event.entity';
import { MatchmakingSession } from '../events/matchmaking-session.entity';
import { Participant } from '../participants/participant.entity';
import { MeetingStatus } from './meeting-enums';
import { MeetingParticipant } from './meeting-participant.entity';
import { MeetingRequest } from './meeting-request.entity';

/**
 * 面談: an agreed pair placed in a slot at a table (or the exhibitor's booth), or, at an event
 * without 商談枠, a pair who meet in the room (会場内): no session, slot or table, and the event's
 * hours as its time. The database, not the service, keeps a table to one meeting per slot and a
 * request to one live meeting; a person to one meeting per slot is kept by `meeting_participants`.
 */
@Entity('meetings')
@Check(
  'ck_meetings_slot_or_venue',
  '("session_id" IS NULL) = ("slot_index" IS NULL) AND ("session_id" IS NULL) = ("table_label" IS NULL)',
)
@Index('uq_meetings_table_slot', ['sessionId', 'slotIndex', 'tableLabel'], {
  unique: true,
  where: `status <> 'CANCELLED'`,
})
@Index('uq_meetings_live_request', ['requestId'], { unique: true, where: `status <> 'CANCELLED'` })
@Index(['eventId', 'status'])
@Index('idx_meetings_event_time', ['eventId', 'startsAt', 'id'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => MeetingRequest, { onDelete: 'CASCADE' })
  request: MeetingRequest;

  @Column('uuid')
  requestId: string;

  /**
   * Null for a meeting at the venue (会場内), as are its slot and table. A session is never deleted
   * under its meetings: one removed by staff is only marked so (MatchmakingSession.removedAt).
   */
  @ManyToOne(() => MatchmakingSession, { onDelete: 'RESTRICT', nullable: true })
  session: MatchmakingSession | null;

  @Column('uuid', { nullable: true })
  sessionId: string | null;

  /** 0-based slot within the session. */
  @Column('int', { nullable: true })
  slotIndex: number | null;

  /** Table name (TABLES mode) or the exhibitor's booth (BOOTHS mode). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  tableLabel: string | null;

  /**
   * The slot's time; for a meeting at the venue, the event's hours (kept with them when the event
   * changes): it takes place some time then, which is all that "not marked held before it could
   * be", the deal's date, 出席 from a meeting and the reports need of it. It has no calendar entry.
   */
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participantA: Participant;

  @Column('uuid')
  participantAId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participantB: Participant;

  @Column('uuid')
  participantBId: string;

  @Column({ type: 'enum', enum: MeetingStatus, enumName: 'meeting_status', default: MeetingStatus.SCHEDULED })
  status: MeetingStatus;

  /** iCalendar SEQUENCE: raised whenever a published meeting moves or is cancelled (RFC 5546). */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  /** Published meetings were sent to both sides: re-running the scheduler never moves them. */
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @OneToMany(() => MeetingParticipant, (side) => side.meeting)
  sides: MeetingParticipant[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
