import { Controller, Get, Header, Query } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { AppConfig } from '../config/app-config';
import { buildIcs } from '../common/ical/ics-calendar';
import { EVENT_KIND_LABEL } from '../events/event-labels';
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
  async calendarFeed(@Query('from') fromText?: string, @Query('to') toText?: string): Promise<string> {
    const from = parseDay(fromText) ?? new Date(Date.now() - 90 * DAY);
    const to = parseDay(toText) ?? new Date(Date.now() + 400 * DAY);
    const events = await this.events.calendar(from, to, false);
    return buildIcs({
      name: 'Tsunagu 共有イベントカレンダー',
      method: 'PUBLISH',
      events: events.map((event) => ({
        uid: `event-${event.id}@tsunagu`,
        start: event.startsAt,
        end: event.endsAt,
        summary: `【${EVENT_KIND_LABEL[event.kind]}】${event.title}`,
        description: [
          `主催: ${[event.organization.name, ...event.coHosts.map((host) => host.name)].join('・')}`,
          event.themes.length ? `テーマ: ${event.themes.join('、')}` : '',
          event.description,
        ]
          .filter(Boolean)
          .join('\n'),
        location: event.venue ?? event.onlineUrl,
        url: `${this.config.PUBLIC_URL}/events/${event.id}`,
        lastModified: event.updatedAt,
      })),
    });
  }
}

function parseDay(text?: string): Date | undefined {
  if (!text) return undefined;
  const date = new Date(/T/.test(text) ? text : `${text}T00:00:00+09:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
