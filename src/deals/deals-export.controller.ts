import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { StaffActor } from '../auth/actor';
import { cellsToCsv, CsvColumn, csvCells, excelText, sendCsv } from '../common/csv/csv-file';
import { fiscalYearLabel } from '../common/japan/fiscal-year';
import { allPages } from '../common/pagination/keyset-page';
import { addDays, fiscalYearOfDate, tokyoDateOf } from '../common/time/calendar-date';
import { Participant } from '../participants/participant.entity';
import { Deal } from './deal.entity';
import { DEAL_STAGE_LABEL, DEAL_TYPE_LABEL } from './deal-enums';
import { DealsService } from './deals.service';
import { DealFilter } from './dto/deal-filter.input';
import { FollowUpsDoneQuery } from './dto/follow-ups-done.query';
import { FollowUpsDueQuery } from './dto/follow-ups-due.query';
import { FollowUp } from './follow-up.entity';
import { responsibleFor } from './follow-up-responsible';
import { followUpParties } from './models/follow-up.model';
import { FollowUpsService } from './follow-ups.service';
import { emailOnRecord } from '../participants/participant-label';
import { PERSON_CSV_HEADER, personColumns } from '../participants/person-csv-columns';

/** 商談一覧, フォローアップ予定 and 実施, as the staff see them in `deals`, `followUpsDue` and `followUpsDone`. */
@Controller('exports')
export class DealsExportController {
  constructor(
    private readonly deals: DealsService,
    private readonly followUps: FollowUpsService,
  ) {}

  /**
   * `?fiscalYear=2026&stage=WON&type=ORDER&eventId=…`: the same filter and rows as the `deals`
   * query, so `stage=WON` lists the deals closed in the year, the report's 成約, and `eventId` the
   * event's deals its eventReport counts.
   */
  @Get('deals.csv')
  @AllowStaff()
  async exportDeals(
    @CurrentActor() actor: StaffActor,
    @Query() filter: DealFilter,
    @Res() response: Response,
  ): Promise<void> {
    const columns: CsvColumn<Deal>[] = [
      // Both years, because the report counts a deal as 新規 in the first and 成約・不成立 in the second.
      { header: '開始年度', value: (d) => fiscalYearLabel(fiscalYearOfDate(d.startedOn)) },
      { header: '商談開始日', value: (d) => d.startedOn },
      { header: '種類', value: (d) => DEAL_TYPE_LABEL[d.type] },
      { header: '段階', value: (d) => DEAL_STAGE_LABEL[d.stage] },
      { header: '成約日・不成立日', value: (d) => d.closedOn },
      {
        header: '成約・不成立年度',
        value: (d) => (d.closedOn ? fiscalYearLabel(fiscalYearOfDate(d.closedOn)) : ''),
      },
      { header: '概要', value: (d) => d.title },
      { header: '金額（円）', value: (d) => d.amountYen },
      ...personColumns<Deal>((d) => d.participantA, ['name', 'company'], { suffix: 'A' }),
      ...personColumns<Deal>((d) => d.participantB, ['name', 'company'], { suffix: 'B' }),
      { header: 'イベント', value: (d) => d.event?.title },
      { header: '面談から', value: (d) => d.meetingId !== null },
      // An event's list holds the deals of its organiser and of its co-hosts alike.
      { header: '記録した団体', value: (d) => d.organization?.name },
      { header: '記録者', value: (d) => d.recordedBy?.name },
      { header: 'メモ', value: (d) => d.notes },
      { header: '商談ID', value: (d) => d.id },
    ];
    const rows = await allPages((page) => this.deals.list(actor, filter, page, csvCells(columns)));
    const csv = cellsToCsv(columns, rows);
    const year = filter.fiscalYear ? `${fiscalYearLabel(filter.fiscalYear)}_` : '';
    sendCsv(response, `${year}商談一覧.csv`, csv);
  }

  /** `?before=2026-12-02`: open follow-ups due before that day (not on it), as in `followUpsDue`. */
  @Get('follow-ups.csv')
  @AllowStaff()
  async exportFollowUps(
    @CurrentActor() actor: StaffActor,
    @Query() { before }: FollowUpsDueQuery,
    @Res() response: Response,
  ): Promise<void> {
    const columns: CsvColumn<FollowUp>[] = [
      { header: '期日', value: (f) => f.dueOn },
      ...FOLLOW_UP_SUBJECT,
      { header: '担当の状態', value: (f) => responsibleState(f) },
      { header: PERSON_CSV_HEADER.email, value: (f) => partiesEach(f, emailOnRecord) },
      { header: PERSON_CSV_HEADER.phone, value: (f) => excelText(partiesEach(f, (p) => p.phone)) },
      { header: 'フォローアップID', value: (f) => f.id },
    ];
    const rows = await allPages((page) => this.followUps.due(actor, before, page, csvCells(columns)));
    const csv = cellsToCsv(columns, rows);
    // 「まで」 includes its day, and `before` does not: the file is named by the last day in it.
    sendCsv(response, `フォローアップ予定_${addDays(before, -1)}まで.csv`, csv);
  }

  /**
   * `?fiscalYear=2026`: the follow-ups done in the 年度, as `followUpsDone` lists them; as many
   * rows as the year report's フォローアップ実施件数.
   */
  @Get('follow-ups-done.csv')
  @AllowStaff()
  async exportFollowUpsDone(
    @CurrentActor() actor: StaffActor,
    @Query() { fiscalYear }: FollowUpsDoneQuery,
    @Res() response: Response,
  ): Promise<void> {
    const columns: CsvColumn<FollowUp>[] = [
      // The day only: a visit entered afterwards is recorded on its day, not at an hour.
      { header: '実施日', value: (f) => f.doneAt && tokyoDateOf(f.doneAt) },
      { header: '期日', value: (f) => f.dueOn },
      ...FOLLOW_UP_SUBJECT,
      { header: '実施者', value: (f) => f.completedBy?.name },
      { header: '結果', value: (f) => f.result },
      { header: 'フォローアップID', value: (f) => f.id },
    ];
    const rows = await allPages((page) => this.followUps.done(actor, fiscalYear, page, csvCells(columns)));
    const csv = cellsToCsv(columns, rows);
    sendCsv(response, `フォローアップ実施_${fiscalYearLabel(fiscalYear)}.csv`, csv);
  }
}

/** What a follow-up is about and who is in charge of it, in both follow-up lists. */
const FOLLOW_UP_SUBJECT: CsvColumn<FollowUp>[] = [
  { header: '対象の商談', value: (f) => f.deal?.title },
  // A deal's follow-up is with both its sides, whom the 経営指導員 calls.
  { header: PERSON_CSV_HEADER.name, value: (f) => partiesEach(f, (p) => p.name) },
  { header: PERSON_CSV_HEADER.company, value: (f) => partiesEach(f, (p) => p.company?.name) },
  { header: '確認すること', value: (f) => f.notes },
  // The assignee, or whoever scheduled it when nobody is: the one its weekly email goes to.
  { header: '担当', value: (f) => responsibleFor(f)?.name },
];

/** Whether the one in charge can still act on it: 利用停止 means it needs a new assignee. */
function responsibleState(followUp: FollowUp): string {
  const responsible = responsibleFor(followUp);
  if (!responsible) return '';
  return responsible.deactivatedAt ? '利用停止' : '有効';
}

/** Stands for a party's missing value, so the values of the two sides still pair up. */
const NONE = '（なし）';

/**
 * One value of each party (「髙橋 一郎、山﨑 花子」), in the same order in every column so they pair
 * up, 「（なし）」 for a party without one; nothing when none of them has one.
 */
function partiesEach(followUp: FollowUp, pick: (party: Participant) => string | null | undefined): string[] {
  const values = followUpParties(followUp).map((party) => pick(party) || NONE);
  return values.some((value) => value !== NONE) ? values : [];
}
