import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
import { Deal } from './deal.entity';

/**
 * フォローアップ: a dated check by staff on a deal, or on a participant's plan. Open until
 * `doneAt`; completing one can schedule the next (e.g. every four months). One no longer needed
 * (its deal entered twice, the business closed, the person erased) is 取りやめ: `cancelledAt`,
 * with `doneAt` set to the same moment.
 */
@Entity('follow_ups')
@Index('idx_follow_ups_open_due', ['organizationId', 'dueOn'], { where: '"done_at" IS NULL' })
@Check('chk_follow_ups_subject', `"deal_id" IS NOT NULL OR "participant_id" IS NOT NULL`)
@Check('chk_follow_ups_cancelled_closed', `"cancelled_at" IS NULL OR "done_at" IS NOT NULL`)
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  organization: Organization;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Deal, { nullable: true, onDelete: 'CASCADE' })
  deal: Deal | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  dealId: string | null;

  @ManyToOne(() => Participant, { nullable: true, onDelete: 'CASCADE' })
  participant: Participant | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  /** Calendar date in Japan, 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  dueOn: string;

  /** What to check. */
  @Column({ type: 'text', default: '' })
  notes: string;

  /** What was found, written when done. */
  @Column({ type: 'text', default: '' })
  result: string;

  /** Closed: done, or cancelled (then equal to cancelledAt). Null while open. */
  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  /**
   * 取りやめ. It closes the follow-up as doneAt does, so that "open" stays `done_at IS NULL` for
   * every to-do list, count and index (the weekly email, hand-overs, openFollowUps); only what
   * counts follow-ups *done* (the year report's フォローアップ実施, followUpsDone) leaves these out.
   */
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Who recorded it done (実施者): not always its assignee. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  completedBy: User | null;

  @Column({ type: 'uuid', nullable: true })
  completedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  assignedTo: User | null;

  @Column({ type: 'uuid', nullable: true })
  assignedToId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  createdBy: User | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
