import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { escapeHtml, postButton, sendLinkPage } from '../common/html/html-page';
import { formatEventTime } from '../mail/templates/mail-dates';
import { RegistrationCancelLinks } from './registration-cancel-links.service';
import { RegistrationStatus } from './registration-enums';

const TEXT = {
  ja: {
    title: '参加のキャンセル',
    question: 'このイベントへの参加をキャンセルしますか？',
    waitlisted: '（現在キャンセル待ちです。キャンセルすると、順番待ちからも外れます）',
    button: '参加をキャンセルする',
    done: '参加のキャンセルを承りました。ご連絡ありがとうございました。またの機会にぜひご参加ください。',
    already: 'この参加登録は、すでにキャンセルされています。',
    error: 'キャンセルできませんでした',
  },
  en: {
    title: 'Cancel your registration',
    question: 'Would you like to cancel your registration for this event?',
    waitlisted: '(You are on the waiting list; cancelling takes you off it.)',
    button: 'Cancel my registration',
    done: 'Your registration is cancelled. Thank you for letting us know; we hope to see you another time.',
    already: 'This registration was already cancelled.',
    error: 'We could not cancel this',
  },
} as const;

/**
 * The page the cancel link of a reminder or a registration confirmation opens. GET only shows a
 * confirmation with a button (mail scanners fetch links and must change nothing); the POST cancels.
 */
@Controller('registrations')
export class RegistrationCancelPagesController {
  constructor(private readonly links: RegistrationCancelLinks) {}

  @Get('cancel')
  @Public()
  async confirm(
    @Query('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.links.preview(String(token ?? '')),
      (preview) => {
        const text = TEXT[preview.locale];
        const cancelled = preview.status === RegistrationStatus.CANCELLED;
        const body = [
          `<p><strong>${escapeHtml(preview.eventTitle)}</strong><br>${escapeHtml(formatEventTime(preview.locale, preview.startsAt, preview.endsAt))}</p>`,
          `<p>${escapeHtml(preview.participantName)}${preview.locale === 'ja' ? ' 様' : ''}</p>`,
          cancelled
            ? `<p>${escapeHtml(text.already)}</p>`
            : [
                `<p>${escapeHtml(text.question)}</p>`,
                preview.status === RegistrationStatus.WAITLISTED
                  ? `<p>${escapeHtml(text.waitlisted)}</p>`
                  : '',
                postButton('cancel', text.button, { token: String(token) }),
              ].join('\n'),
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }

  @Post('cancel')
  @Public()
  @HttpCode(200)
  async cancel(
    @Body() form: { token?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.links.preview(token),
      async ({ locale }) => {
        const result = await this.links.cancel(token);
        const text = TEXT[locale];
        const body = [
          `<p><strong>${escapeHtml(result.eventTitle)}</strong></p>`,
          `<p>${escapeHtml(result.changed ? text.done : text.already)}</p>`,
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }
}
