import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Event } from '../events/event.entity';
import { Participant } from '../participants/participant.entity';
import { MatchingRun } from './matching-run.entity';

/**
 * おすすめ: "participant should meet suggested participant" at one event. A run replaces the
 * event's undismissed rows in one transaction; dismissed rows stay, as the record that keeps them
 * out of later runs.
 */
@Entity('suggestions')
@Unique('uq_suggestion_event_pair', ['eventId', 'participantId', 'suggestedParticipantId'])
@Index(['eventId', 'participantId', 'rank'])
export class Suggestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column('uuid')
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  suggestedParticipant: Participant;

  @Index()
  @Column('uuid')
  suggestedParticipantId: string;

  /** 1 = best. */
  @Column('smallint')
  rank: number;

  /** 0–1, from the engine. */
  @Column('real')
  score: number;

  /** 1–3 sentences in the participant's language at the time of the run. */
  @Column({ type: 'jsonb' })
  reasons: string[];

  @ManyToOne(() => MatchingRun, { onDelete: 'CASCADE' })
  run: MatchingRun;

  @Index()
  @Column('uuid')
  runId: string;

  @Column({ default: false })
  dismissed: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
