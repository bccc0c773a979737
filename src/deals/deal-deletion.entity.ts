import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from '../events/event.entity';
import { Organization } from '../organizations/organization.entity';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
import { DealStage, DealType } from './deal-enums';
import { yen } from './deal.entity';

/**
 * 商談の削除の記録: what a deal deleted by mistake (deleteDeal) counted in the 年度 figures, who
 * deleted it, when and why. A deal counted in a year that had ended (and been reported) leaves
 * that year's figures when it goes; its report reads these rows to say by how much, and why
 * (年度終了後の訂正（削除）). The deal's own columns as they stood, no more: not its notes, nor
 * its meeting. The two parties are kept so that erasing either of them finds the title and the
 * reason to redact, and a merge carries them over as it does the deals.
 */
@Entity('deal_deletions')
@Index(['organizationId', 'deletedAt'])
export class DealDeletion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The id the deal had; nothing refers to it any more. */
  @Column('uuid')
  dealId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  organization: Organization;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Event, { nullable: true, onDelete: 'SET NULL' })
  event: Event | null;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => Participant, { nullable: true, onDelete: 'SET NULL' })
  participantA: Participant | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  participantAId: string | null;

  @ManyToOne(() => Participant, { nullable: true, onDelete: 'SET NULL' })
  participantB: Participant | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  participantBId: string | null;

  @Column({ type: 'enum', enum: DealType, enumName: 'deal_type' })
  type: DealType;

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage' })
  stage: DealStage;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'bigint', nullable: true, transformer: yen })
  amountYen: number | null;

  @Column({ type: 'date' })
  startedOn: string;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  deletedBy: User | null;

  @Column({ type: 'uuid', nullable: true })
  deletedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  deletedAt: Date;

  /** Required for a deal counted in a year that had ended; '' when none was given. */
  @Column({ type: 'text', default: '' })
  reason: string;
}
