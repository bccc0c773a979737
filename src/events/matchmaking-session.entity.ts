import { Column, CreateDateColumn, Entity, Exclusion, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SessionMode } from './event-enums';
import type { Event } from './event.entity';

/**
 * 商談枠: a block of equal time slots inside an event, at tables or at exhibitors' booths.
 *
 * Two sessions of one event never overlap in time. The per-session indexes on meetings (one
 * meeting per person, slot and table) only rule out double bookings because of this: a person in
 * slot 0 of one session and slot 1 of an overlapping one would be in two places at once. The
 * service refuses an overlapping session with a readable error; the constraint holds whoever writes.
 */
@Entity('matchmaking_sessions')
@Exclusion(
  'ex_matchmaking_sessions_no_overlap',
  `USING gist ("event_id" WITH =, matchmaking_session_span("starts_at", "slot_minutes", "slot_count") WITH &&)`,
)
export class MatchmakingSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne('Event', 'sessions', { onDelete: 'CASCADE' })
  event: Event;

  @Column('uuid')
  eventId: string;

  @Column({ default: '' })
  name: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column('int')
  slotMinutes: number;

  @Column('int')
  slotCount: number;

  @Column({ type: 'enum', enum: SessionMode, enumName: 'session_mode', default: SessionMode.TABLES })
  mode: SessionMode;

  /** Number of tables (TABLES mode); booths come from the exhibitors' registrations. */
  @Column({ type: 'int', nullable: true })
  tableCount: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
