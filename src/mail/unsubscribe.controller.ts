import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { AppError } from '../common/errors/app-error';
import { browserLocale, escapeHtml, postButton, renderPage } from '../common/html/html-page';
import { languageOf } from '../participants/participant-kind';
import { EmailPreferencesService, Recipient } from './email-preferences.service';

const TEXT = {
  ja: {
    title: 'メール配信の停止',
    confirm: (address: string) =>
      `${address} へのイベントのご案内・おすすめ・リマインダー・アンケートのメールを停止します。よろしければボタンを押してください。`,
    button: '配信を停止する',
    done: '配信を停止しました。今後、ご案内メールはお送りしません（ログイン用のメールなど、お手続きに必要なメールは届きます）。',
    stopped: (address: string) =>
      `${address} へのイベントのご案内・おすすめ・リマインダー・アンケートのメールは、配信を停止しています。`,
    undo: '間違えて停止した場合や、またご案内を受け取りたい場合は、こちらから再開できます。',
    resubscribe: '配信を再開する',
    resumed: '配信を再開しました。今後、イベントのご案内・おすすめ・リマインダー・アンケートをお送りします。',
    invalid: 'このリンクは無効か、有効期限が切れています。',
  },
  en: {
    title: 'Unsubscribe',
    confirm: (address: string) =>
      `Stop sending event invitations, suggestions, reminders and surveys to ${address}? Press the button to confirm.`,
    button: 'Unsubscribe',
    done: 'You have been unsubscribed. We will send no more event invitations, suggestions, reminders or surveys (emails you ask for, such as sign-in links, still arrive).',
    stopped: (address: string) =>
      `Event invitations, suggestions, reminders and surveys to ${address} are switched off.`,
    undo: 'If that was a mistake, or you would like to hear from us again, you can switch them back on.',
    resubscribe: 'Resubscribe',
    resumed:
      'You are subscribed again: we will send you event invitations, suggestions, reminders and surveys.',
    invalid: 'This link is invalid or has expired.',
  },
} as const;

/**
 * The unsubscribe link of every non-transactional email. GET shows a confirmation with a button
 * (link scanners fetch GETs); POST acts, and is also the RFC 8058 one-click target that mail
 * clients call with `List-Unsubscribe=One-Click`. The same link undoes it (…/resubscribe, a POST
 * from the button on the page that confirms the unsubscribe, or on a later visit).
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: EmailPreferencesService) {}

  @Get(':token')
  @Public()
  async confirm(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.page(
      request,
      response,
      () => this.preferences.recipientOf(token),
      ({ participant, address }, lang) => {
        const text = TEXT[lang];
        // Already unsubscribed (the link of an older email, kept): the way back is all there is to do.
        return participant.emailOptOut
          ? `<p>${escapeHtml(text.stopped(address))}</p>${this.undo(token, lang)}`
          : `<p>${escapeHtml(text.confirm(address))}</p>${postButton(`./${encodeURIComponent(token)}`, text.button)}`;
      },
    );
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  async unsubscribe(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.page(
      request,
      response,
      () => this.preferences.unsubscribe(token),
      (_, lang) => `<p>${escapeHtml(TEXT[lang].done)}</p>${this.undo(token, lang)}`,
    );
  }

  @Post(':token/resubscribe')
  @Public()
  @HttpCode(200)
  async resubscribe(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.page(
      request,
      response,
      () => this.preferences.resubscribe(token),
      (_, lang) => `<p>${escapeHtml(TEXT[lang].resumed)}</p>`,
    );
  }

  /**
   * The page in the participant's language once `work` has found them; the invalid-link page if
   * not, in the language of the one whose link it was when that is known (an expired link), else
   * the browser's.
   */
  private async page(
    request: Request,
    response: Response,
    work: () => Promise<Recipient | null>,
    body: (recipient: Recipient, lang: 'ja' | 'en') => string,
  ): Promise<void> {
    let recipient: Recipient | null;
    try {
      recipient = await work();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return this.invalid(response, error.readerLocale ?? browserLocale(request));
    }
    if (!recipient) return this.invalid(response, browserLocale(request));
    const lang = languageOf(recipient.participant);
    response.type('html').send(renderPage({ lang, title: TEXT[lang].title, body: body(recipient, lang) }));
  }

  /** The way back from an unsubscribe, on the page that confirms it and on the link's later visits. */
  private undo(token: string, lang: 'ja' | 'en'): string {
    return `<p>${escapeHtml(TEXT[lang].undo)}</p>${postButton(`./${encodeURIComponent(token)}/resubscribe`, TEXT[lang].resubscribe)}`;
  }

  private invalid(response: Response, lang: 'ja' | 'en'): void {
    response
      .status(400)
      .type('html')
      .send(renderPage({ lang, title: TEXT[lang].title, body: `<p>${escapeHtml(TEXT[lang].invalid)}</p>` }));
  }
}
