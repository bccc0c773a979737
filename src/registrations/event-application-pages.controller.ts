import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { eventTitleFor, eventVenueFor } from '../events/event-title';
import { Public } from '../auth/access.decorators';
import { isFormEmail } from '../common/html/form-email';
import { browserLocale, escapeHtml, postButton, renderPage, sendLinkPage } from '../common/html/html-page';
import { eventNotFoundPage, eventPageLang, eventPublicPage } from '../events/event-public-page';
import { EventsService } from '../events/events.service';
import { formatEventTime } from '../mail/templates/mail-dates';
import { ApplicationPreview, EventApplications } from './event-applications.service';
import { RegistrationStatus } from './registration-enums';

const TEXT = {
  ja: {
    title: '参加のお申込',
    question: 'このイベントに参加を申し込みますか？',
    full: '定員に達しているため、キャンセル待ちでのお申込になります。',
    button: '参加を申し込む',
    registered: '参加登録が完了しました。確認のメールをお送りします。',
    waitlisted:
      'キャンセル待ちで受け付けました。席が空き次第、順にご案内します。確認のメールをお送りします。',
    alreadyRegistered: 'すでに参加登録済みです。',
    alreadyWaitlisted: 'すでにキャンセル待ちでお申込済みです。席が空き次第、順にご案内します。',
    error: 'お申込できませんでした',
  },
  en: {
    title: 'Register for the event',
    question: 'Would you like to register for this event?',
    full: 'The event is full, so you will be put on the waiting list.',
    button: 'Register',
    registered: 'You are registered. We are sending you a confirmation email.',
    waitlisted:
      'You are on the waiting list. If a seat becomes free, you will be registered in order. We are sending you a confirmation email.',
    alreadyRegistered: 'You are already registered.',
    alreadyWaitlisted:
      'You are already on the waiting list. If a seat becomes free, you will be registered in order.',
    error: 'We could not register you',
  },
} as const;

/**
 * Applying from an event's public page. The page's form (POST /events/:id/apply) sends a link to
 * the address given and answers the same whether it is known or not; the link's page
 * (/registrations/apply) shows the event and a button on GET — mail scanners fetch links and must
 * change nothing — and registers on POST.
 */
@Controller()
export class EventApplicationPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly applications: EventApplications,
  ) {}

  @Post('events/:id/apply')
  @Public()
  @HttpCode(200)
  async request(
    @Param() { id }: { id: string },
    @Query('lang') langParam: unknown,
    @Body() form: { email?: unknown },
    @Req() httpRequest: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The language of the page the form was on (its action names it), else the browser's.
    const lang = eventPageLang(langParam, browserLocale(httpRequest));
    const page = await this.events.publicPage(id);
    if (!page) {
      response
        .status(404)
        .type('html')
        .send(renderPage(eventNotFoundPage(lang)));
      return;
    }
    const { event, application } = page;
    // A closed window shows as on the page itself: nothing to send.
    if (application.window !== 'OPEN') {
      response.type('html').send(renderPage(eventPublicPage(event, application, { lang, at: 'APPLY' })));
      return;
    }
    const email = typeof form?.email === 'string' ? form.email.trim() : '';
    if (!isFormEmail(email, 320)) {
      response
        .status(400)
        .type('html')
        .send(
          renderPage(
            eventPublicPage(event, application, {
              lang,
              at: 'APPLY',
              // Shown back in the box, without what a page cannot show (a NUL).
              answer: { invalidEmail: email.replace(/\p{Cc}/gu, '').slice(0, 320) },
            }),
          ),
        );
      return;
    }
    await this.applications.request(event.id, email);
    response
      .type('html')
      .send(renderPage(eventPublicPage(event, application, { lang, at: 'APPLY', answer: { sent: true } })));
  }

  @Get('registrations/apply')
  @Public()
  async confirm(
    @Query('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const raw = String(token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.applications.preview(raw),
      (preview) => {
        const text = TEXT[preview.locale];
        const action = preview.held
          ? `<p>${escapeHtml(alreadyHeld(preview.locale, preview.held))}</p>`
          : [
              `<p>${escapeHtml(text.question)}</p>`,
              preview.full ? `<p>${escapeHtml(text.full)}</p>` : '',
              postButton('apply', text.button, { token: raw }),
            ]
              .filter(Boolean)
              .join('\n');
        return { title: text.title, body: `${eventLines(preview)}\n${action}` };
      },
    );
  }

  @Post('registrations/apply')
  @Public()
  @HttpCode(200)
  async apply(
    @Body() form: { token?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const raw = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.applications.preview(raw),
      async (preview) => {
        const outcome = await this.applications.apply(raw);
        const text = TEXT[preview.locale];
        const result = outcome.applied
          ? outcome.status === RegistrationStatus.WAITLISTED
            ? text.waitlisted
            : text.registered
          : alreadyHeld(preview.locale, outcome.held);
        return { title: text.title, body: `${eventLines(preview)}\n<p>${escapeHtml(result)}</p>` };
      },
    );
  }
}

function eventLines(preview: ApplicationPreview): string {
  const { event, locale } = preview;
  const place = [eventVenueFor(event, locale), event.onlineUrl].filter(Boolean).join(' / ');
  return [
    `<p><strong>${escapeHtml(eventTitleFor(event, locale))}</strong><br>${escapeHtml(formatEventTime(locale, event.startsAt, event.endsAt))}${place ? `<br>${escapeHtml(place)}` : ''}</p>`,
    `<p>${escapeHtml(preview.participantName)}${locale === 'ja' ? ' 様' : ''}</p>`,
  ].join('\n');
}

/** Applied before: what they hold, a seat or a place on the waiting list. */
function alreadyHeld(locale: 'ja' | 'en', held: RegistrationStatus): string {
  const text = TEXT[locale];
  return held === RegistrationStatus.WAITLISTED ? text.alreadyWaitlisted : text.alreadyRegistered;
}
