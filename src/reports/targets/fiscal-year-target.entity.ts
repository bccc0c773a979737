import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../../organizations/organization.entity';
import { User } from '../../users/user.entity';
import { ReportMetric } from './report-metric';

/** 年度目標: one figure an organisation aims for in one fiscal year. */
@Entity('fiscal_year_targets')
@Check('chk_fiscal_year_targets_target', `"target" >= 0`)
export class FiscalYearTarget {
  @PrimaryColumn('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn()
  organization: Organization;

  @PrimaryColumn('int')
  fiscalYear: number;

  @PrimaryColumn({ type: 'enum', enum: ReportMetric, enumName: 'report_metric' })
  metric: ReportMetric;

  @Column('int')
  target: number;

  /** Who set it last; null once that account is gone. */
  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  updatedByUser: User | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
