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
import { Event } from '../events/event.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Organization } from '../organizations/organization.entity';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
import { DealStage, DealType } from './deal-enums';

/** Postgres `bigint` arrives as a string; yen amounts stay far below 2^53. */
export const yen = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * 商談: what came out of a meeting (or of an introduction outside one), recorded by 支援担当.
 * It belongs to the organisation of the staff who recorded it (an admin names one) — the event's
 * organiser or one of its co-hosts — which counts it in its 年度 figures, in the fiscal year of its
 * dates: recorded by `startedOn`, 成約 by `closedOn`.
 * The two sides are kept even if the meeting is later removed; a party erased from the pool
 * leaves the deal in the figures without a name.
 */
@Entity('deals')
@Index(['organizationId', 'startedOn'])
@Index(['organizationId', 'closedOn'])
@Check('chk_deals_amount', `"amount_yen" IS NULL OR "amount_yen" >= 0`)
@Check(
  'chk_deals_closed',
  `("stage" = 'NEGOTIATING') = ("closed_on" IS NULL) AND ("closed_on" IS NULL OR "closed_on" >= "started_on")`,
)
export class Deal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  organization: Organization;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Event, { nullable: true, onDelete: 'SET NULL' })
  event: Event | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: 'SET NULL' })
  meeting: Meeting | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

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

  @Column({ type: 'enum', enum: DealStage, enumName: 'deal_stage', default: DealStage.NEGOTIATING })
  stage: DealStage;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** 成約金額・見込額 in yen; unknown is null, not 0. */
  @Column({ type: 'bigint', nullable: true, transformer: yen })
  amountYen: number | null;

  /** Calendar dates in Japan, 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  startedOn: string;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'text', default: '' })
  notes: string;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  recordedBy: User | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
