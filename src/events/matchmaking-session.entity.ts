import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SessionMode } from './event-enums';
import type { Event } from './event.entity';

/** 商談枠: a block of equal time slots inside an event, at tables or at exhibitors' booths. */
@Entity('matchmaking_sessions')
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
