import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, Role, StaffActor } from '../auth/actor';
import { EventReportArgs } from './dto/event-report.args';
import { FiscalYearReportArgs } from './dto/fiscal-year-report.args';
import { SetFiscalYearTargetsArgs } from './dto/set-fiscal-year-targets.args';
import { EventReportService } from './event-report.service';
import { FiscalYearReportService } from './fiscal-year-report.service';
import { EventReportModel } from './models/event-report.model';
import { FiscalYearReportModel } from './models/fiscal-year-report.model';
import { FiscalYearTargetsService } from './targets/fiscal-year-targets.service';

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly fiscalYearReports: FiscalYearReportService,
    private readonly eventReports: EventReportService,
    private readonly targets: FiscalYearTargetsService,
  ) {}

  @Query(() => FiscalYearReportModel, {
    description:
      '年度実績報告（主催者・スタッフは自団体のみ、管理者は全団体）。イベント・参加・面談申込・面談・アンケートは' +
      '団体が主催・共催したイベントで数え、商談・フォローアップは団体が記録したもので数える' +
      '（共催イベントで他団体が記録した商談は含まない）',
  })
  @AllowStaff()
  fiscalYearReport(
    @CurrentActor() actor: Actor,
    @Args() { organizationId, fiscalYear }: FiscalYearReportArgs,
  ): Promise<FiscalYearReportModel> {
    return this.fiscalYearReports.build(actor, organizationId, fiscalYear);
  }

  @Mutation(() => FiscalYearReportModel, {
    description:
      '年度目標を設定する（主催者は自団体、管理者は全団体）。答えは目標・実績・達成率を含む年度実績報告',
  })
  @Allow(Role.ADMIN, Role.ORGANIZER)
  async setFiscalYearTargets(
    @CurrentActor() actor: StaffActor,
    @Args() { organizationId, fiscalYear, targets }: SetFiscalYearTargetsArgs,
  ): Promise<FiscalYearReportModel> {
    await this.targets.set(actor, organizationId, fiscalYear, targets);
    return this.fiscalYearReports.build(actor, organizationId, fiscalYear);
  }

  @Query(() => EventReportModel, {
    description:
      'イベントの実績: 参加登録・面談の状態別件数、商談の段階別件数と金額（主催・共催のスタッフ）。' +
      '商談は主催・共催のどの団体が記録したものも数え、イベントの年度が終わった後の削除・変更・記録は年度終了後の訂正として示す',
  })
  @AllowStaff()
  eventReport(@CurrentActor() actor: Actor, @Args() { eventId }: EventReportArgs): Promise<EventReportModel> {
    return this.eventReports.build(actor, eventId);
  }
}
