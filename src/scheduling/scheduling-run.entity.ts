import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from '../events/event.entity';
import type { SchedulePhase } from './engine/types';

/** Where a run stands: the engine's phases, then writing what it placed (seconds for a large event). */
export type RunPhase = SchedulePhase | 'saving';

export enum SchedulingRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** A request the run could not place, with the reason in Japanese (stored as shown). */
export interface UnscheduledEntry {
  requestId: string | null;
  participantAId: string;
  participantBId: string;
  code: string;
  reason: string;
}

/**
 * Something staff should check about a run that succeeded, stored by id (the names are read when
 * shown): BOOTH_SHARED, one booth held by attendees of two or more companies (one holder of each).
 */
export interface SchedulingWarningEntry {
  code: 'BOOTH_SHARED';
  booth: string;
  participantIds: string[];
}

/**
 * One scheduling job: what was asked, how far it got, and what came out. The status column is the
 * truth about the job (not Redis): the processor returns early for a run that is not QUEUED/RUNNING.
 */
@Entity('scheduling_runs')
@Index(['eventId', 'createdAt'])
export class SchedulingRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Column('uuid')
  eventId: string;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @Column({
    type: 'enum',
    enum: SchedulingRunStatus,
    enumName: 'scheduling_run_status',
    default: SchedulingRunStatus.QUEUED,
  })
  status: SchedulingRunStatus;

  /** 0–100: the engine's progress reports up to 90, then writing the meetings. */
  @Column('smallint', { default: 0 })
  progress: number;

  /** One of the engine's phases, or `saving` while the meetings are written. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phase: RunPhase | null;

  @Column({ type: 'int', nullable: true })
  requestCount: number | null;

  @Column({ type: 'int', nullable: true })
  scheduledCount: number | null;

  @Column({ type: 'int', nullable: true })
  scheduledWeight: number | null;

  @Column({ type: 'int', nullable: true })
  upperBound: number | null;

  /** Published meetings kept where they were. */
  @Column({ type: 'int', nullable: true })
  lockedCount: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  unscheduled: UnscheduledEntry[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: SchedulingWarningEntry[];

  @Column({ type: 'boolean', nullable: true })
  optimal: boolean | null;

  @Column({ type: 'int', nullable: true })
  elapsedMs: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
