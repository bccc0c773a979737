import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { Participant } from '../participants/participant.entity';

/**
 * A profile that a merge (名寄せ) folded into another, by the id it had: links emailed to it before
 * the merge name that id, and find through this row the profile the person has now (a signed
 * unsubscribe or agenda link), or the kept profile's language for a page saying the link cannot
 * act any more (a sign-in link). A later merge of the kept profile carries the row along.
 */
@Entity('merged_participants')
export class MergedParticipant {
  /** The id the duplicate profile had; no row has it any more. */
  @PrimaryColumn('uuid')
  mergedId: string;

  @Index()
  @Column('uuid')
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn()
  participant?: Participant;

  @CreateDateColumn({ type: 'timestamptz' })
  mergedAt: Date;
}
