import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { browserLocale, escapeHtml, postButton, renderPage, sendErrorPage } from '../common/html/html-page';
import { MagicLinkService } from './magic-link.service';

const TEXT = {
  ja: {
    title: 'Tsunagu にログイン',
    prompt: 'ボタンを押すとログインします。',
    button: 'ログイン',
    signedInTitle: 'ログインしました',
    signedIn: (name: string) => `${name} 様、ログインしました。`,
    session: 'セッショントークン（Authorization: Bearer に使用）:',
    error: 'ログインできませんでした',
    again: 'お手数ですが、ログイン用リンクをもう一度お申し込みください。',
  },
  en: {
    title: 'Sign in to Tsunagu',
    prompt: 'Press the button to sign in.',
    button: 'Sign in',
    signedInTitle: 'Signed in',
    signedIn: (name: string) => `Welcome, ${name}. You are signed in.`,
    session: 'Session token (for Authorization: Bearer):',
    error: 'We could not sign you in',
    again: 'Please ask for a new sign-in link.',
  },
} as const;

/**
 * The page the sign-in link opens: GET shows a button (a mail scanner's fetch must not use up the
 * single-use link), POST redeems it and shows the session token for the app to use. Before the
 * link is redeemed we do not know whose it is, so those pages follow the browser's language; the
 * signed-in page follows the participant's.
 */
@Controller('sign-in')
export class SignInPageController {
  constructor(private readonly magicLinks: MagicLinkService) {}

  @Get()
  @Public()
  confirm(@Query('token') token: string, @Req() request: Request, @Res() response: Response): void {
    const lang = browserLocale(request);
    const text = TEXT[lang];
    response.type('html').send(
      renderPage({
        lang,
        title: text.title,
        body: `<p>${escapeHtml(text.prompt)}</p>${postButton('sign-in', text.button, { token: String(token ?? '') })}`,
      }),
    );
  }

  @Post()
  @Public()
  @HttpCode(200)
  async redeem(
    @Body() form: { token?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    let session;
    try {
      session = await this.magicLinks.redeem(String(form?.token ?? ''));
    } catch (error) {
      const lang = browserLocale(request);
      return sendErrorPage(response, lang, TEXT[lang].error, error, TEXT[lang].again);
    }
    const lang = session.participant?.locale === 'en' ? 'en' : 'ja';
    const text = TEXT[lang];
    response.type('html').send(
      renderPage({
        lang,
        title: text.signedInTitle,
        body: [
          `<p>${escapeHtml(text.signedIn(session.participant?.name ?? ''))}</p>`,
          `<p>${escapeHtml(text.session)}</p>`,
          `<p><code id="session-token">${escapeHtml(session.token)}</code></p>`,
        ].join('\n'),
      }),
    );
  }
}
