import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { AppError } from '../common/errors/app-error';
import { escapeHtml, renderPage } from '../common/html/html-page';
import { isUuid } from '../common/validation/uuid';
import { formatEventTime } from '../mail/templates/mail-dates';
import { EventStatus, EventVisibility } from './event-enums';
import { EVENT_KIND_LABEL } from './event-labels';
import { Event } from './event.entity';
import { EventsService } from './events.service';

/**
 * The public page of an event, where the URL of each entry in /calendar.ics leads: what a
 * calendar user needs to decide to go (when, where, who runs it). Only what the feed itself
 * shows, a published public event, has one; anything else is "not found", telling nothing.
 */
@Controller('events')
export class EventPagesController {
  constructor(private readonly events: EventsService) {}

  @Get(':id')
  @Public()
  // The whole params object, not @Param('id'): the validation pipe answers a malformed id with a
  // 400, while a person following a mistyped link should see the page that says "not found".
  async show(@Param() { id }: { id: string }, @Res() response: Response): Promise<void> {
    const event = isUuid(id) ? await this.events.get(id).catch(notFoundAsNull) : null;
    if (!event || event.status !== EventStatus.PUBLISHED || event.visibility !== EventVisibility.PUBLIC) {
      response
        .status(404)
        .type('html')
        .send(
          renderPage({
            lang: 'ja',
            title: 'イベントが見つかりません',
            body: '<p>公開中のイベントではありません。</p>',
          }),
        );
      return;
    }
    response.type('html').send(renderPage({ lang: 'ja', title: event.title, body: eventDetails(event) }));
  }
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError) return null;
  throw error;
}

function eventDetails(event: Event): string {
  const organisers = [event.organization.name, ...event.coHosts.map((host) => host.name)].join('・');
  const rows: [string, string][] = [
    ['種類', EVENT_KIND_LABEL[event.kind]],
    ['日時', formatEventTime('ja', event.startsAt, event.endsAt)],
    ['会場', event.venue ?? ''],
    ['オンライン', event.onlineUrl ?? ''],
    ['主催', organisers],
    ['テーマ', event.themes.join('、')],
  ];
  const list = rows
    .filter(([, value]) => value)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const description = event.description
    ? `<p>${escapeHtml(event.description).replace(/\n/g, '<br>')}</p>`
    : '';
  return `<dl>${list}</dl>\n${description}\n<p>参加のお申し込みは、主催団体からのご案内メールまたは主催団体へお問い合わせください。</p>`;
}
