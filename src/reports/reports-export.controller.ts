import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { FiscalYearReportArgs } from './dto/fiscal-year-report.args';
import { EventReportService } from './event-report.service';
import { FiscalYearReportService } from './fiscal-year-report.service';
import { eventReportRows, fiscalYearReportRows, REPORT_CSV_COLUMNS } from './report-csv';

@Controller('exports')
export class ReportsExportController {
  constructor(
    private readonly fiscalYearReports: FiscalYearReportService,
    private readonly eventReports: EventReportService,
  ) {}

  /** 年度実績報告 for Excel: `?organizationId=…&fiscalYear=2026`, the same figures as `fiscalYearReport`. */
  @Get('reports/fiscal-year.csv')
  @AllowStaff()
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

  /** An event's 実績 for Excel, the same figures as `eventReport`, one row per figure. */
  @Get('events/:eventId/report.csv')
  @AllowStaff()
  async exportEvent(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.eventReports.build(actor, eventId);
    sendCsv(response, `${report.event.title}_実績.csv`, toCsv(REPORT_CSV_COLUMNS, eventReportRows(report)));
  }
}
