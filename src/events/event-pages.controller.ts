import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { browserLocale, renderPage } from '../common/html/html-page';
import { eventNotFoundPage, eventPageLang, eventPublicPage } from './event-public-page';
import { EventsService } from './events.service';

/**
 * The public page of an event, where the URL of each entry in /calendar.ics leads: what a
 * calendar user needs to decide to go (when, where, who runs it), and while it takes applications
 * the form that sends a link to apply (its POST is RegistrationApplicationPagesController's). Only
 * what the feed itself shows, a published public event, has one; anything else is "not found",
 * telling nothing.
 */
@Controller('events')
export class EventPagesController {
  constructor(private readonly events: EventsService) {}

  @Get(':id')
  @Public()
  // The whole params object, not @Param('id'): the validation pipe answers a malformed id with a
  // 400, while a person following a mistyped link should see the page that says "not found".
  // `?lang=en` (the links written for an English-speaking participant) or the browser's language.
  async show(
    @Param() { id }: { id: string },
    @Query('lang') langParam: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const lang = eventPageLang(langParam, browserLocale(request));
    const page = await this.events.publicPage(id);
    if (!page) {
      response
        .status(404)
        .type('html')
        .send(renderPage(eventNotFoundPage(lang)));
      return;
    }
    response
      .type('html')
      .send(renderPage(eventPublicPage(page.event, page.application, { lang, at: 'EVENT' })));
  }
}
