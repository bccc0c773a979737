import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { fiscalYearLabel } from '../common/japan/fiscal-year';
import { allPages } from '../common/pagination/keyset-page';
import { eventFilterOf, EventsExportQuery } from './dto/events-export.query';
import { Event } from './event.entity';
import { EVENT_KIND_LABEL, EVENT_STATUS_LABEL } from './event-labels';
import { EventsService } from './events.service';
import { RegistrationCounts, seatsLeft } from './registration-counts';

/**
 * イベント一覧 of the caller's organisation (run or co-hosted), with its registration counts: 参加登録数
 * as the reports count it, and 残席 from the seats held. 年度実績に計上 says which events the 年度
 * report counts (countsInFiscalYearReportSql): the 参加登録数 of those rows add up to the year's,
 * while a cancelled event keeps its 参加登録済 and one still ahead reads 公開中 like one under way.
 */
@Controller('exports')
export class EventsExportController {
  constructor(private readonly events: EventsService) {}

  @Get('events.csv')
  @AllowStaff()
  async exportEvents(
    @CurrentActor() actor: Actor,
    @Query() query: EventsExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const filter = eventFilterOf(query);
    const events = await allPages((page) => this.events.list(actor, filter, page, (event) => event));
    const counts = await this.events.registrationCounts(events.map((event) => event.id));
    const count = (event: Event, key: keyof RegistrationCounts) => counts.get(event.id)?.[key] ?? 0;
    const counted = await this.events.countedInFiscalYearReport(events.map((event) => event.id));
    const csv = toCsv<Event>(
      [
        { header: '年度', value: (e) => fiscalYearLabel(e.fiscalYear) },
        { header: '種類', value: (e) => EVENT_KIND_LABEL[e.kind] },
        { header: 'イベント名', value: (e) => e.title },
        { header: 'イベント名（英語）', value: (e) => e.titleEn },
        { header: '主催', value: (e) => e.organization.name },
        { header: '共催', value: (e) => e.coHosts.map((host) => host.name) },
        { header: '開始', value: (e) => e.startsAt },
        { header: '終了', value: (e) => e.endsAt },
        { header: '会場', value: (e) => e.venue },
        { header: '会場（英語）', value: (e) => e.venueEn },
        { header: 'オンライン', value: (e) => e.onlineUrl },
        { header: 'テーマ', value: (e) => e.themes },
        { header: '定員', value: (e) => e.capacity },
        { header: '参加登録数', value: (e) => count(e, 'registrations') },
        {
          header: '残席',
          value: (e) =>
            seatsLeft(e, {
              registered: count(e, 'registered'),
              absent: count(e, 'absent'),
              waitlisted: count(e, 'waitlisted'),
            }),
        },
        { header: 'キャンセル待ち', value: (e) => count(e, 'waitlisted') },
        { header: '招待中（未回答）', value: (e) => count(e, 'invited') },
        { header: '出席', value: (e) => count(e, 'attended') },
        { header: '欠席', value: (e) => count(e, 'absent') },
        { header: '状態', value: (e) => EVENT_STATUS_LABEL[e.status] },
        // Last, so the columns staff's sheets already read stay where they were.
        { header: '年度実績に計上', value: (e) => (counted.has(e.id) ? 'はい' : 'いいえ') },
      ],
      events,
    );
    sendCsv(response, 'イベント一覧.csv', csv);
  }
}
