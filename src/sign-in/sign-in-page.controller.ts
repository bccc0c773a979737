import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { AppError } from '../common/errors/app-error';
import { escapeHtml, postButton, renderPage } from '../common/html/html-page';
import { MagicLinkService } from './magic-link.service';

/**
 * The page the sign-in link opens: GET shows a button (a mail scanner's fetch must not use up the
 * single-use link), POST redeems it and shows the session token for the app to use.
 */
@Controller('sign-in')
export class SignInPageController {
  constructor(private readonly magicLinks: MagicLinkService) {}

  @Get()
  @Public()
  confirm(@Query('token') token: string, @Res() response: Response): void {
    response.type('html').send(
      renderPage({
        lang: 'ja',
        title: 'Tsunagu にログイン / Sign in',
        body: `<p>ボタンを押すとログインします。<br><span lang="en">Press the button to sign in.</span></p>${postButton('sign-in', 'ログイン / Sign in', { token: String(token ?? '') })}`,
      }),
    );
  }

  @Post()
  @Public()
  @HttpCode(200)
  async redeem(@Body() form: { token?: string }, @Res() response: Response): Promise<void> {
    try {
      const session = await this.magicLinks.redeem(String(form?.token ?? ''));
      response.type('html').send(
        renderPage({
          lang: 'ja',
          title: 'ログインしました / Signed in',
          body: `<p>${escapeHtml(session.participant?.name ?? '')} 様、ログインしました。</p><p>セッショントークン（Authorization: Bearer に使用）:</p><p><code id="session-token">${escapeHtml(session.token)}</code></p>`,
        }),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      response
        .status(400)
        .type('html')
        .send(
          renderPage({
            lang: 'ja',
            title: 'ログインできませんでした',
            body: `<p>${escapeHtml(error.message)}</p><p>もう一度ログイン用リンクをお申し込みください。</p>`,
          }),
        );
    }
  }
}
