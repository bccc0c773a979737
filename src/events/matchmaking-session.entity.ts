import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Exclusion,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SessionMode } from './event-enums';
import type { Event } from './event.entity';

/**
 * 商談枠: a block of equal time slots inside an event, at tables or at exhibitors' booths.
 *
 * Two sessions of one event never overlap in time. The per-session indexes on meetings (one
 * meeting per person, slot and table) only rule out double bookings because of this: a person in
 * slot 0 of one session and slot 1 of an overlapping one would be in two places at once. The
 * service refuses an overlapping session with a readable error; the constraint holds whoever writes.
 * A removed session (removedAt) holds no time any more: the one added in its place may overlap it.
 */
@Entity('matchmaking_sessions')
@Check('chk_matchmaking_sessions_given_up_removed', `"given_up_at" IS NULL OR "removed_at" IS NOT NULL`)
@Exclusion(
  'ex_matchmaking_sessions_no_overlap',
  `USING gist ("event_id" WITH =, matchmaking_session_span("starts_at", "slot_minutes", "slot_count") WITH &&) WHERE ("removed_at" IS NULL)`,
)
export class MatchmakingSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Saving an event with its sessions loaded (removed ones are not) never takes a session missing
  // from the list for one to delete: a removed one is kept for its meetings' history. (TypeORM 1.1
  // compares with the stored list read without removed ones too; this does not depend on it.)
  @ManyToOne('Event', 'sessions', { onDelete: 'CASCADE', orphanedRowAction: 'disable' })
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

  /**
   * When staff removed the session (removeMatchmakingSession); null while it is in use. A removed
   * session is kept for the meetings cancelled in it: they stay history (キャンセル in the reports,
   * lines of the 面談一覧 CSV, of exportMyData and of the calendar feed) with its name and time.
   *
   * A soft-delete column rather than a plain one: TypeORM leaves removed sessions out of every
   * find, relation and join by itself (the event's sessions, scheduling runs, placing and moving
   * meetings, agendas, emails, pages, the freed-slot offer), so a query written later is for the
   * sessions in use unless it says otherwise. The reads of history ask for them with
   * `withDeleted`; raw SQL has to say `removed_at IS NULL` itself. withoutSlots counts them on
   * purpose: an event whose sessions were all removed is having its grid built again, not turned
   * into a salon (until staff say it is: givenUpAt).
   */
  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  /**
   * When staff made the event one without 商談枠 again after removing this session
   * (revertToNoMatchmakingSessions): no grid is being built again in its place, and withoutSlots
   * no longer counts it. Only a removed session is given up; it stays, like any removed one, for
   * its meetings' history, and a session added later counts again until it too is given up.
   */
  @Column({ type: 'timestamptz', nullable: true })
  givenUpAt: Date | null;
}
