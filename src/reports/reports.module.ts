import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { EventReportService } from './event-report.service';
import { FiscalYearReportService } from './fiscal-year-report.service';
import { ReportsExportController } from './reports-export.controller';
import { ReportsResolver } from './reports.resolver';
import { FiscalYearTargetsService } from './targets/fiscal-year-targets.service';

/**
 * 実績報告: read-only figures over events, registrations, meetings, deals and follow-ups, beside
 * the 年度目標 an organisation sets for them. The tables belong to their own modules; reports read them with aggregate SQL rather than through
 * each module's service, so a report costs a fixed number of statements.
 */
@Module({
  imports: [EventsModule, OrganizationsModule],
  controllers: [ReportsExportController],
  providers: [FiscalYearReportService, FiscalYearTargetsService, EventReportService, ReportsResolver],
})
export class ReportsModule {}
