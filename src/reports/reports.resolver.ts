import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, Role } from '../auth/actor';
import { EventReportArgs } from './dto/event-report.args';
import { FiscalYearReportArgs } from './dto/fiscal-year-report.args';
import { EventReportService } from './event-report.service';
import { FiscalYearReportService } from './fiscal-year-report.service';
import { EventReportModel } from './models/event-report.model';
import { FiscalYearReportModel } from './models/fiscal-year-report.model';

const STAFF = [Role.ADMIN, Role.ORGANIZER, Role.STAFF];

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly fiscalYearReports: FiscalYearReportService,
    private readonly eventReports: EventReportService,
  ) {}

  @Query(() => FiscalYearReportModel, {
    description:
      '年度実績報告: 主催・共催イベント、参加、面談、商談、フォローアップ（主催者・スタッフは自団体のみ、管理者は全団体）',
  })
  @Allow(...STAFF)
  fiscalYearReport(
    @CurrentActor() actor: Actor,
    @Args() { organizationId, fiscalYear }: FiscalYearReportArgs,
  ): Promise<FiscalYearReportModel> {
    return this.fiscalYearReports.build(actor, organizationId, fiscalYear);
  }

  @Query(() => EventReportModel, {
    description: 'イベントの実績: 参加登録・面談の状態別件数、商談の段階別件数と金額（主催・共催のスタッフ）',
  })
  @Allow(...STAFF)
  eventReport(@CurrentActor() actor: Actor, @Args() { eventId }: EventReportArgs): Promise<EventReportModel> {
    return this.eventReports.build(actor, eventId);
  }
}
