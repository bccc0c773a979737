import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor } from '../../auth/actor';
import { OrganizationsService } from '../../organizations/organizations.service';
import { FiscalYearTargetInput } from '../dto/set-fiscal-year-targets.args';
import { FiscalYearTargetModel } from '../models/fiscal-year-report.model';
import { readsReportsOf } from '../report-access';
import { ReportErrors } from '../reports.errors';
import { FiscalYearTarget } from './fiscal-year-target.entity';
import { achievementRate, REPORT_METRICS, ReportMetric, TargetFigures } from './report-metric';

/** 年度目標: what an organisation aims for in a fiscal year, set by its 主催者 (or an admin). */
@Injectable()
export class FiscalYearTargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * Sets the listed targets in one transaction: a number sets it, null removes it, a metric not
   * listed keeps what it had. Each row remembers who set it last.
   */
  async set(
    actor: StaffActor,
    organizationId: string,
    fiscalYear: number,
    targets: FiscalYearTargetInput[],
  ): Promise<void> {
    if (!readsReportsOf(actor, organizationId)) throw ReportErrors.notYourOrganization('set');
    await this.organizations.get(organizationId, 'organizationId');
    const seen = new Set<ReportMetric>();
    targets.forEach(({ metric, target }, index) => {
      if (seen.has(metric)) throw ReportErrors.targetRepeated(metric);
      seen.add(metric);
      if (REPORT_METRICS[metric].percentage && typeof target === 'number' && target > 100)
        throw ReportErrors.percentageOver100(index, metric);
    });
    const removed = targets.filter((entry) => entry.target === null || entry.target === undefined);
    const kept = targets.filter((entry) => typeof entry.target === 'number');
    await this.dataSource.transaction(async (manager) => {
      if (removed.length > 0) {
        await manager.query(
          `DELETE FROM fiscal_year_targets
            WHERE organization_id = $1 AND fiscal_year = $2 AND metric = ANY($3::report_metric[])`,
          [organizationId, fiscalYear, removed.map((entry) => entry.metric)],
        );
      }
      if (kept.length > 0) {
        await manager.query(
          `INSERT INTO fiscal_year_targets (organization_id, fiscal_year, metric, target, updated_by_user_id)
           SELECT $1, $2, metric, target, $5
             FROM unnest($3::report_metric[], $4::int[]) AS t(metric, target)
           ON CONFLICT (organization_id, fiscal_year, metric) DO UPDATE
              SET target = EXCLUDED.target, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
          [
            organizationId,
            fiscalYear,
            kept.map((entry) => entry.metric),
            kept.map((entry) => entry.target),
            actor.userId,
          ],
        );
      }
    });
  }

  /**
   * The year's targets beside the figures they aim at, in the report's order. Reads in `manager`,
   * the report's snapshot, so 実績 and 目標 come from the same moment.
   */
  async compare(
    manager: EntityManager,
    organizationId: string,
    fiscalYear: number,
    figures: TargetFigures,
  ): Promise<FiscalYearTargetModel[]> {
    const rows = await manager.find(FiscalYearTarget, { where: { organizationId, fiscalYear } });
    const byMetric = new Map(rows.map((row) => [row.metric, row]));
    return Object.values(ReportMetric).flatMap((metric) => {
      const row = byMetric.get(metric);
      if (!row) return [];
      const { label, unit, actual: actualOf } = REPORT_METRICS[metric];
      const actual = actualOf(figures);
      return [
        {
          metric,
          label,
          unit,
          target: row.target,
          actual,
          achievementRate: achievementRate(actual, row.target),
          updatedAt: row.updatedAt,
        },
      ];
    });
  }
}
