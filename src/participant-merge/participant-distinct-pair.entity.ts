import {
  Check,
  CreateDateColumn,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';

/**
 * Two participants staff have looked at and found to be two people (別人): the same name, say, or
 * the same mobile number. The pair is no longer offered as a duplicate. Stored once, the smaller id
 * first.
 */
@Entity('participant_distinct_pairs')
@Check('chk_participant_distinct_pairs_order', `"first_participant_id" < "second_participant_id"`)
export class ParticipantDistinctPair {
  @PrimaryColumn('uuid')
  firstParticipantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn()
  firstParticipant?: Participant;

  @Index()
  @PrimaryColumn('uuid')
  secondParticipantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn()
  secondParticipant?: Participant;

  /** Who said so; null once the account is gone. */
  @Column({ type: 'uuid', nullable: true })
  markedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  markedByUser?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  markedAt: Date;
}
