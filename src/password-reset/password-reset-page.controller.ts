import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { escapeHtml, sendLinkPage } from '../common/html/html-page';
import { STAFF_PASSWORD_MIN_LENGTH, staffPasswordProblem } from '../users/dto/staff-password';
import { PasswordResetService, ResetLinkOwner } from './password-reset.service';

/** Staff accounts have no locale: the page is Japanese. English is only for a link we cannot read. */
const TEXT = {
  ja: {
    title: 'パスワードの再設定',
    prompt: (name: string) => `${name} 様、新しいパスワードを2回入力してください。`,
    account: 'アカウント',
    password: `新しいパスワード（${STAFF_PASSWORD_MIN_LENGTH}文字以上）`,
    confirmation: '新しいパスワード（確認のためもう一度）',
    button: 'パスワードを変更する',
    mismatch: '確認のために入力したパスワードが一致しません。もう一度入力してください',
    doneTitle: 'パスワードを変更しました',
    done: 'パスワードを変更しました。新しいパスワードでログインしてください',
    sessions: 'ログインしていた端末は、すべてログアウトしています。',
    error: 'パスワードを再設定できませんでした',
    again: 'お手数ですが、パスワードの再設定をもう一度お申込ください。',
  },
  en: {
    error: 'We could not reset the password',
    again: 'Please ask for a new password-reset link.',
  },
} as const;

const INPUT_STYLE = 'font-size:1rem;padding:8px;width:100%;box-sizing:border-box';

/**
 * The page a password-reset link opens: GET shows the form (a mail scanner's fetch changes
 * nothing), POST sets the password. A second entry that differs or a password against the rule
 * shows the form again with the reason, and leaves the link usable; a link that cannot be used
 * shows the error page every link shows.
 */
@Controller('password-reset')
export class PasswordResetPageController {
  constructor(private readonly resets: PasswordResetService) {}

  @Get()
  @Public()
  async form(
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const raw = text(token);
    noStore(response);
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.resets.preview(raw),
      (owner) => formPage(owner, raw),
    );
  }

  @Post()
  @Public()
  @HttpCode(200)
  async reset(
    @Body() form: { token?: unknown; password?: unknown; confirmation?: unknown },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = text(form?.token);
    const password = text(form?.password);
    noStore(response);
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.resets.preview(token),
      async (owner) => {
        if (password !== text(form?.confirmation)) return formPage(owner, token, TEXT.ja.mismatch);
        const problem = staffPasswordProblem(password);
        if (problem) return formPage(owner, token, problem);
        await this.resets.reset(token, password);
        return {
          title: TEXT.ja.doneTitle,
          body: `<p>${escapeHtml(TEXT.ja.done)}</p>\n<p>${escapeHtml(TEXT.ja.sessions)}</p>`,
        };
      },
    );
  }
}

/**
 * The form, with the reason the last try was refused. The address is also a hidden username field,
 * so that a password manager files the new password under the right account.
 */
function formPage(owner: ResetLinkOwner, token: string, problem?: string) {
  const t = TEXT.ja;
  const field = (name: string, label: string) =>
    `<p><label>${escapeHtml(label)}<br><input type="password" name="${escapeHtml(name)}" autocomplete="new-password" required style="${INPUT_STYLE}"></label></p>`;
  return {
    title: t.title,
    body: [
      `<p>${escapeHtml(t.prompt(owner.name))}</p>`,
      problem ? `<p role="alert" style="color:#b91c1c;font-weight:bold">${escapeHtml(problem)}</p>` : '',
      '<form method="post" action="password-reset">',
      `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
      `<p>${escapeHtml(t.account)}: ${escapeHtml(owner.email)}</p>`,
      `<input type="email" name="username" value="${escapeHtml(owner.email)}" autocomplete="username" hidden>`,
      field('password', t.password),
      field('confirmation', t.confirmation),
      `<button type="submit">${escapeHtml(t.button)}</button>`,
      '</form>',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** A form field as text; a missing or repeated one reads as empty. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The page carries the link's token: no cache keeps it. */
function noStore(response: Response): void {
  response.setHeader('Cache-Control', 'no-store');
}
