import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import {
  browserLocale,
  emailField,
  escapeHtml,
  postButton,
  renderPage,
  sendLinkPage,
} from '../common/html/html-page';
import { AppConfig } from '../config/app-config';
import { emailChangeFormHtml } from '../email-change/email-change-form';
import { eventPageUrl } from '../events/event-public-page';
import { AgendaFeedLinks, subscribeLinks, subscribeLinksHtml } from '../meetings/agenda-feed-links';
import { MagicLinkService } from './magic-link.service';
import { UpcomingEvents, upcomingEventsHtml } from './upcoming-events';

const TEXT = {
  ja: {
    title: 'Tsunagu にログイン',
    prompt: (name: string) => `${name} 様、下のボタンを押すとログインします。`,
    button: 'ログイン',
    signedInTitle: 'ログインしました',
    signedIn: (name: string) => `${name} 様、ログインしました。`,
    next: 'この後できること',
    agenda: '面談スケジュールをカレンダーアプリで購読する',
    agendaHint: '（スマートフォンやパソコンのカレンダーで購読すると、面談の予定が自動で反映されます）',
    calendar: '各団体の公開イベントをカレンダーアプリで購読する',
    apple: 'iPhone・Mac・Outlook',
    google: 'Google カレンダー',
    other: 'その他のアプリ（URL）',
    calendarHint: '（参加できるイベントの予定が、カレンダーに表示されます）',
    emails:
      'イベントへのご招待・おすすめの面談相手・アンケートは、メールでお届けします。メール内のボタンは、ログインしなくてもお使いいただけます。',
    developer: '開発者向け',
    session: 'セッショントークン（API の Authorization: Bearer に使用します。他の方には教えないでください）:',
    error: 'ログインできませんでした',
    again: 'お手数ですが、ログイン用リンクをもう一度お申込ください。',
    againLink: { href: 'sign-in', label: 'ログイン用リンクを申し込む' },
    askTitle: 'ログイン用リンクのお申込',
    ask: 'ご登録のメールアドレスを入力してください。ログイン用のリンクをメールでお送りします。',
    emailLabel: 'メールアドレス',
    askButton: 'リンクを送る',
    notAnAddress: 'メールアドレスの形式になっていません。ご登録のアドレスを、もう一度入力してください。',
    askAgain: '別のアドレスで申し込む',
    sentTitle: 'メールをご確認ください',
    sent: (email: string, minutes: number) =>
      `${email} がご登録のアドレスであれば、ログイン用のリンクをお送りしました。リンクの有効期限は${minutes}分です。`,
    notArrived:
      '届かない場合は、迷惑メールフォルダもご確認ください。アドレスがご登録のものと違う場合は、イベントの主催団体にお問い合わせください。',
  },
  en: {
    title: 'Sign in to Tsunagu',
    prompt: (name: string) => `${name}, press the button below to sign in.`,
    button: 'Sign in',
    signedInTitle: 'Signed in',
    signedIn: (name: string) => `Welcome, ${name}. You are signed in.`,
    next: 'What you can do next',
    agenda: 'Subscribe to your meeting schedule in your calendar app',
    agendaHint: '(subscribe to it on your phone or computer and your meetings appear there)',
    calendar: "Subscribe to the organisations' public events in your calendar app",
    apple: 'iPhone, Mac, Outlook',
    google: 'Google Calendar',
    other: 'other apps (URL)',
    calendarHint: '(the events you can join appear in your calendar)',
    emails:
      'Invitations, people to meet and surveys come to you by email. The buttons in those emails work without signing in.',
    developer: 'For developers',
    session: 'Session token (for the API, Authorization: Bearer; do not share it):',
    error: 'We could not sign you in',
    again: 'Please ask for a new sign-in link.',
    againLink: { href: 'sign-in', label: 'Ask for a sign-in link' },
    askTitle: 'Ask for a sign-in link',
    ask: 'Enter the email address you registered with, and we will email you a link to sign in.',
    emailLabel: 'Email address',
    askButton: 'Send the link',
    notAnAddress: 'That is not an email address. Please enter the address you registered with again.',
    askAgain: 'Use another address',
    sentTitle: 'Check your email',
    sent: (email: string, minutes: number) =>
      `If ${email} is the address you registered with, we have sent you a sign-in link. It works for ${minutes} minutes.`,
    notArrived:
      "If it does not arrive, check your spam folder. If you registered with another address, please contact the event's organiser.",
  },
} as const;

/**
 * The page the sign-in link opens: GET shows a button (a mail scanner's fetch must not use up the
 * single-use link), POST redeems it. Both speak the language of the participant the link was sent
 * to (read without using the link up), a used link's page too; only a link we cannot read falls
 * back to the browser's. Without a link, the page asks for the address to send one to.
 *
 * The signed-in page lists the events the participant has coming (what they hold there, their
 * meetings, requests awaiting their answer, and the answer links of an invitation whose email never
 * went out) and says what they can do next: the pages they have are
 * their private agenda feed and the shared calendar (everything else comes as links in emails), and
 * a form to move to another email address. No page reads a
 * session cookie — the session is a Bearer token for API clients — so setting one would only leave
 * a credential in the browser that nothing uses; the token stays on the page, folded away in a
 * 開発者向け section rather than shown to a business owner as the result of signing in.
 */
@Controller('sign-in')
export class SignInPageController {
  constructor(
    private readonly magicLinks: MagicLinkService,
    private readonly feeds: AgendaFeedLinks,
    private readonly upcoming: UpcomingEvents,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async confirm(
    @Query('token') token: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The page itself, without a link: where someone asks for one.
    if (!token) {
      sendInBrowserLanguage(request, response, (text) => askForLink(text, 'sign-in/request'));
      return;
    }
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.magicLinks.preview(String(token ?? '')),
      (owner) => {
        const text = TEXT[owner.locale];
        return {
          title: text.title,
          body: `<p>${escapeHtml(text.prompt(owner.name))}</p>${postButton('sign-in', text.button, { token: String(token ?? '') })}`,
        };
      },
    );
  }

  /**
   * The form's answer, the same whether or not the address is known (as `requestMagicLink`): the
   * link goes only to a participant's address, and no more often than MAGIC_LINK_PER_HOUR.
   */
  @Post('request')
  @Public()
  @HttpCode(200)
  async requestLink(
    @Body() form: { email?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const email = String(form?.email ?? '').trim();
    // Saying an address is malformed tells nothing about who is registered. A control character
    // (a NUL, which Postgres cannot store) makes none.
    if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u.test(email) || email.length > 254) {
      response.status(400);
      sendInBrowserLanguage(request, response, (text) => askForLink(text, 'request', text.notAnAddress));
      return;
    }
    await this.magicLinks.request(email);
    sendInBrowserLanguage(request, response, (text) => ({
      title: text.sentTitle,
      body: [
        `<p>${escapeHtml(text.sent(email, this.config.MAGIC_LINK_TTL_MINUTES))}</p>`,
        `<p>${escapeHtml(text.notArrived)}</p>`,
        `<p><a href="../sign-in">${escapeHtml(text.askAgain)}</a></p>`,
      ],
    }));
  }

  @Post()
  @Public()
  @HttpCode(200)
  async redeem(
    @Body() form: { token?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.magicLinks.preview(token),
      async ({ locale }) => {
        const session = await this.magicLinks.redeem(token);
        const participant = session.participant;
        const text = TEXT[locale];
        const coming = participant
          ? upcomingEventsHtml(
              locale,
              await this.upcoming.of(participant.id),
              (eventId) => eventPageUrl(this.config.PUBLIC_URL, eventId, locale),
              (eventId) => this.feeds.pageUrl(participant.id, eventId),
            )
          : '';
        return {
          title: text.signedInTitle,
          body: [
            `<p>${escapeHtml(text.signedIn(participant?.name ?? ''))}</p>`,
            coming,
            `<h2 style="font-size:1rem;margin:24px 0 8px">${escapeHtml(text.next)}</h2>`,
            '<ul>',
            participant
              ? `<li>${escapeHtml(text.agenda)}: ${subscribeLinksHtml(subscribeLinks(this.feeds.url(participant.id)), text)}<br><small>${escapeHtml(text.agendaHint)}</small></li>`
              : '',
            `<li>${escapeHtml(text.calendar)}: ${subscribeLinksHtml(subscribeLinks(`${this.config.PUBLIC_URL}/calendar.ics${locale === 'en' ? '?lang=en' : ''}`), text)}<br><small>${escapeHtml(text.calendarHint)}</small></li>`,
            '</ul>',
            `<p>${escapeHtml(text.emails)}</p>`,
            participant?.email ? emailChangeFormHtml(locale, session.token, participant.email) : '',
            `<details style="margin-top:24px;font-size:.875rem;color:#52606d"><summary>${escapeHtml(text.developer)}</summary>`,
            `<p>${escapeHtml(text.session)}</p>`,
            `<p><code id="session-token">${escapeHtml(session.token)}</code></p>`,
            '</details>',
          ].join('\n'),
        };
      },
    );
  }
}

/**
 * The form that asks for the address to send a link to; `action` is relative to the page showing
 * it (/sign-in, or /sign-in/request when an address was refused), so it works behind any prefix.
 */
function askForLink(text: (typeof TEXT)['ja' | 'en'], action: string, refusal?: string) {
  return {
    title: text.askTitle,
    body: [
      refusal ? `<p><strong>${escapeHtml(refusal)}</strong></p>` : '',
      `<p>${escapeHtml(text.ask)}</p>`,
      `<form method="post" action="${action}">`,
      emailField(text.emailLabel),
      `<button type="submit">${escapeHtml(text.askButton)}</button>`,
      '</form>',
    ].filter(Boolean),
  };
}

/** A page for someone without a link yet: we do not know who they are, so the browser's language. */
function sendInBrowserLanguage(
  request: Request,
  response: Response,
  page: (text: (typeof TEXT)['ja' | 'en']) => { title: string; body: string[] },
): void {
  const lang = browserLocale(request);
  const { title, body } = page(TEXT[lang]);
  response.type('html').send(renderPage({ lang, title, body: body.join('\n') }));
}
