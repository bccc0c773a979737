import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, Role } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { FiscalYearReportArgs } from './dto/fiscal-year-report.args';
import { fiscalYearReportRows, REPORT_CSV_COLUMNS } from './fiscal-year-report-csv';
import { FiscalYearReportService } from './fiscal-year-report.service';

@Controller('exports/reports')
export class ReportsExportController {
  constructor(private readonly fiscalYearReports: FiscalYearReportService) {}

  /** 年度実績報告 for Excel: `?organizationId=…&fiscalYear=2026`, the same figures as `fiscalYearReport`. */
  @Get('fiscal-year.csv')
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF)
  async exportFiscalYear(
    @CurrentActor() actor: Actor,
    @Query() args: FiscalYearReportArgs,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.fiscalYearReports.build(actor, args.organizationId, args.fiscalYear);
    sendCsv(
      response,
      `${report.organization.name}_${report.label}_実績報告.csv`,
      toCsv(REPORT_CSV_COLUMNS, fiscalYearReportRows(report)),
    );
  }
}
