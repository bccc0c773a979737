import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { escapeHtml, postButton, sendLinkPage } from '../common/html/html-page';
import { EmailChangeService } from './email-change.service';

const TEXT = {
  ja: {
    title: 'メールアドレスの変更',
    prompt: (name: string, email: string) =>
      `${name} 様、Tsunagu にご登録のメールアドレスを ${email} に変更します。よろしければ下のボタンを押してください。`,
    button: '変更する',
    doneTitle: 'メールアドレスを変更しました',
    done: (email: string) =>
      `今後のご案内は ${email} にお送りします。ログイン用リンクも、このアドレスでお申込ください。`,
    error: 'メールアドレスを変更できませんでした',
    again: 'お手数ですが、もう一度お申込ください。',
  },
  en: {
    title: 'Change your email address',
    prompt: (name: string, email: string) =>
      `${name}, your email address for Tsunagu will be changed to ${email}. Press the button below to confirm.`,
    button: 'Change it',
    doneTitle: 'Your email address has changed',
    done: (email: string) =>
      `From now on we write to ${email}. Ask for sign-in links with this address, too.`,
    error: 'We could not change your email address',
    again: 'Please ask for the change again.',
  },
} as const;

/**
 * The page the confirmation link opens: GET shows what will change and a button (a mail scanner's
 * fetch must not use the single-use link), POST changes the address. Both speak the participant's
 * language.
 */
@Controller('email-change')
export class EmailChangePageController {
  constructor(private readonly emailChanges: EmailChangeService) {}

  @Get()
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
      () => this.emailChanges.preview(String(token ?? '')),
      ({ locale, name, newEmail }) => ({
        title: TEXT[locale].title,
        body: `<p>${escapeHtml(TEXT[locale].prompt(name, newEmail))}</p>${postButton('email-change', TEXT[locale].button, { token: String(token ?? '') })}`,
      }),
    );
  }

  @Post()
  @Public()
  @HttpCode(200)
  async change(
    @Body() form: { token?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.emailChanges.preview(token),
      async ({ locale, newEmail }) => {
        await this.emailChanges.confirm(token);
        return { title: TEXT[locale].doneTitle, body: `<p>${escapeHtml(TEXT[locale].done(newEmail))}</p>` };
      },
    );
  }
}
