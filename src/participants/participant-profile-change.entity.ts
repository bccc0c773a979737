import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { Participant } from './participant.entity';

/** One field's value before and after a change, as stored (tags as arrays, the company by name). */
export type ProfileFieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * 変更履歴: one change of a profile in the shared pool — which fields, from what to what, and who
 * made it. Any organisation's staff may change a profile, so 最終更新 alone would leave an
 * overwritten value lost; with this row it can be read and typed back.
 */
@Entity('participant_profile_changes')
@Index(['participantId', 'changedAt'])
export class ParticipantProfileChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn()
  participant: Participant;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;

  /** The staff account that made it; null for the person themself, or once the account is gone. */
  @Column({ type: 'uuid', nullable: true })
  changedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  changedByUser?: User | null;

  @Column({ default: false })
  changedBySelf: boolean;

  @Column('jsonb')
  changes: ProfileFieldChanges;

  /**
   * The company the profile named once the change was made, by name as it was then: the person
   * may move on, and the 変更履歴 export lists each change under the company it was made under.
   * Null without one, and on changes recorded before this was kept.
   */
  @Column({ type: 'varchar', nullable: true })
  companyName: string | null;
}
