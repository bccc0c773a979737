import { Controller, Get, Header, Query } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { AppConfig } from '../config/app-config';
import { buildIcs } from '../common/ical/ics-calendar';
import { eventCalendarEntry } from '../events/event-ics';
import { EventsService } from '../events/events.service';

const DAY = 86_400_000;

/** The shared calendar as an iCalendar feed that Google Calendar, Outlook and Apple Calendar subscribe to. */
@Controller()
export class CalendarController {
  constructor(
    private readonly events: EventsService,
    private readonly config: AppConfig,
  ) {}

  @Get('calendar.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="tsunagu-calendar.ics"')
  async calendarFeed(
    @Query('from') fromText?: string,
    @Query('to') toText?: string,
    @Query('lang') lang?: string,
  ): Promise<string> {
    const from = parseDay(fromText) ?? new Date(Date.now() - 90 * DAY);
    const to = parseDay(toText) ?? new Date(Date.now() + 400 * DAY);
    // A subscription is fetched by the calendar's server, not the reader's browser: the language
    // goes in the URL (`?lang=en`), as on the event pages the entries link to.
    const locale = lang === 'en' ? 'en' : 'ja';
    const events = await this.events.calendar(from, to, false);
    return buildIcs({
      name: locale === 'en' ? 'Tsunagu shared event calendar' : 'Tsunagu 共有イベントカレンダー',
      method: 'PUBLISH',
      events: events.map((event) => eventCalendarEntry(event, this.config.PUBLIC_URL, locale)),
    });
  }
}

function parseDay(text?: string): Date | undefined {
  if (!text) return undefined;
  const date = new Date(/T/.test(text) ? text : `${text}T00:00:00+09:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
