import {
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
 * 面談: an agreed pair placed in a slot at a table (or the exhibitor's booth). The database, not
 * the service, keeps a table to one meeting per slot and a request to one live meeting; a person
 * to one meeting per slot is kept by `meeting_participants`.
 */
@Entity('meetings')
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

  @ManyToOne(() => MatchmakingSession, { onDelete: 'CASCADE' })
  session: MatchmakingSession;

  @Column('uuid')
  sessionId: string;

  /** 0-based slot within the session. */
  @Column('int')
  slotIndex: number;

  /** Table name (TABLES mode) or the exhibitor's booth (BOOTHS mode). */
  @Column({ type: 'varchar', length: 60 })
  tableLabel: string;

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
