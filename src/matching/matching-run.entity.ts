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
import { MatchingRunStatus } from './matching-run-status';

/**
 * One computation of an event's suggestions. The status column is the source of truth (not
 * Redis): the job only carries this row's id.
 */
@Entity('matching_runs')
@Index(['eventId', 'createdAt'])
export class MatchingRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Column('uuid')
  eventId: string;

  @Column({
    type: 'enum',
    enum: MatchingRunStatus,
    enumName: 'matching_run_status',
    default: MatchingRunStatus.QUEUED,
  })
  status: MatchingRunStatus;

  /** 0–100. */
  @Column('smallint', { default: 0 })
  progress: number;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  /** Registered participants with matchmaking consent that the run considered. */
  @Column({ type: 'int', nullable: true })
  participantCount: number | null;

  @Column({ type: 'int', nullable: true })
  suggestionCount: number | null;

  /** Why the run failed, in words for the organizer (never a stack trace). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
