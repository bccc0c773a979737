import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff } from '../auth/access.decorators';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { checkRange, dateRange, DateRangeQuery } from '../common/validation/date-range.query';
import { EventVisibility } from '../events/event-enums';
import { EVENT_KIND_LABEL } from '../events/event-labels';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 400;

/** The shared calendar as staff see it in `eventCalendar` (invite-only events included), for Excel. */
@Controller('exports')
export class CalendarExportController {
  constructor(private readonly events: EventsService) {}

  /**
   * `?from=2026-12-01&to=2027-03-31` (Tokyo days, `to` included; or ISO 8601 instants, as
   * `eventCalendar` takes them); by default 90 days back to 400 ahead.
   */
  @Get('calendar.csv')
  @AllowStaff()
  async exportCalendar(@Query() query: DateRangeQuery, @Res() response: Response): Promise<void> {
    const asked = dateRange(query);
    const from = asked.from ?? new Date(Date.now() - 90 * DAY);
    const to = asked.until ?? new Date(Date.now() + 400 * DAY);
    checkRange(from, to, asked.from && asked.until ? MAX_RANGE_DAYS : undefined);
    const events = await this.events.calendar(from, to, true);
    const csv = toCsv<Event>(
      [
        { header: '開始', value: (e) => e.startsAt },
        { header: '終了', value: (e) => e.endsAt },
        { header: '種類', value: (e) => EVENT_KIND_LABEL[e.kind] },
        { header: 'イベント名', value: (e) => e.title },
        { header: '主催', value: (e) => e.organization.name },
        { header: '共催', value: (e) => e.coHosts.map((host) => host.name) },
        { header: '会場', value: (e) => e.venue },
        { header: 'オンライン', value: (e) => e.onlineUrl },
        { header: 'テーマ', value: (e) => e.themes },
        {
          header: '公開範囲',
          value: (e) => (e.visibility === EventVisibility.PUBLIC ? '一般公開' : '招待制'),
        },
        { header: 'イベントID', value: (e) => e.id },
      ],
      events,
    );
    sendCsv(response, '共有イベントカレンダー.csv', csv);
  }
}
