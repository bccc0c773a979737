import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { Participant } from '../participants/participant.entity';

/**
 * A profile that a merge (名寄せ) folded into another, by the id it had: links emailed to it before
 * the merge name that id, and find through this row the profile the person has now (a signed
 * unsubscribe or agenda link), or the kept profile's language for a page saying the link cannot
 * act any more (a sign-in link). A later merge of the kept profile carries the row along.
 *
 * It keeps how the profile named the person to others (name and company), for the pages behind
 * links emailed in that name (MeetingRequest.requestedAsId): the person's personal data, in their
 * export (exportMyData), and gone with the row when they are erased.
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

  /** The profile's name when it was merged; null for a merge made before it was kept. */
  @Column({ type: 'varchar', nullable: true })
  name: string | null;

  /** Its company's name then (null without one, or for a merge made before it was kept). */
  @Column({ type: 'varchar', nullable: true })
  companyName: string | null;
}
