import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from '../events/event.entity';
import { Organization } from '../organizations/organization.entity';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
import { DealCorrectionKind, DealStage, DealType } from './deal-enums';
import { yen } from './deal.entity';
import { DealCounted } from './deal-year-count';

/**
 * 商談の訂正の記録: a deal deleted (deleteDeal), changed (updateDeal) so that what it counts in a
 * 年度 that had ended moved — reopened, closed, its stage, amount, type or dates corrected — or
 * recorded (recordDeal) into a 年度 that had ended. What it counted before, for a deletion or a
 * change, and after, for a change or an addition; who did it, when and why. A year that had ended
 * (and been reported) has its figures changed by them; its report reads these rows to say by how
 * much, and why (年度終了後の訂正). Every deletion is recorded; a change or an addition only when
 * it moves an ended year's figures (this year's deals are recorded and move through their stages
 * every day). The deal's own columns as they stood, no more: not its notes, nor its meeting. The
 * two parties are kept so that erasing either of them finds the title and the reason to redact,
 * and a merge carries them over as it does the deals.
 */
@Entity('deal_corrections')
@Index(['organizationId', 'correctedAt'])
// An event's report reads its own (eventReport); deleting an event sets theirs to null.
@Index(['eventId', 'correctedAt'])
export class DealCorrection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: DealCorrectionKind, enumName: 'deal_correction_kind' })
  kind: DealCorrectionKind;

  /** The deal's id; nothing refers to it (a deleted deal's is gone). */
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

  /** The deal's title: as deleted, as it reads after the change, or as recorded. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  // What the deal counted before: as it was deleted, or before the change; all null for an
  // addition, which counted nothing before (type null is an addition).

  @Column({ type: 'enum', enum: DealType, enumName: 'deal_type', nullable: true })
  type: DealType | null;

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage', nullable: true })
  stage: DealStage | null;

  @Column({ type: 'bigint', nullable: true, transformer: yen })
  amountYen: number | null;

  @Column({ type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  // What it counts after a change, or as recorded for an addition; all null for a deletion
  // (typeAfter null is a deletion).

  @Column({ type: 'enum', enum: DealType, enumName: 'deal_type', nullable: true })
  typeAfter: DealType | null;

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage', nullable: true })
  stageAfter: DealStage | null;

  @Column({ type: 'bigint', nullable: true, transformer: yen })
  amountYenAfter: number | null;

  @Column({ type: 'date', nullable: true })
  startedOnAfter: string | null;

  @Column({ type: 'date', nullable: true })
  closedOnAfter: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  correctedBy: User | null;

  @Column({ type: 'uuid', nullable: true })
  correctedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  correctedAt: Date;

  /** Required for a deal counted in a year that had ended; '' when none was given. */
  @Column({ type: 'text', default: '' })
  reason: string;
}

/** What the deal counted before the correction: null for an addition. */
export function countedBefore(correction: DealCorrection): DealCounted | null {
  if (correction.kind === DealCorrectionKind.ADDED) return null;
  return {
    type: correction.type!,
    stage: correction.stage!,
    amountYen: correction.amountYen,
    startedOn: correction.startedOn!,
    closedOn: correction.closedOn,
  };
}

/** What it counts after: null for a deletion. */
export function countedAfter(correction: DealCorrection): DealCounted | null {
  if (correction.kind === DealCorrectionKind.DELETED) return null;
  return {
    type: correction.typeAfter!,
    stage: correction.stageAfter!,
    amountYen: correction.amountYenAfter,
    startedOn: correction.startedOnAfter!,
    closedOn: correction.closedOnAfter,
  };
}
