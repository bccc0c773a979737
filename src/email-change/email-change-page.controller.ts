import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { Role, StaffRole } from '../auth/actor';
import { ForbiddenError } from '../common/errors/app-error';
import { isFormEmail } from '../common/html/form-email';
import { escapeHtml, LinkPageTexts, postButton, sendLinkPage } from '../common/html/html-page';
import { TokenService } from '../auth/token.service';
import { ParticipantsService } from '../participants/participants.service';
import { languageOf } from '../participants/participant-kind';
import { EmailChangeErrors } from './email-change.errors';
import { EmailChangeLink, EmailChangeService } from './email-change.service';

const TEXT = {
  ja: {
    title: 'メールアドレスの変更',
    prompt: (name: string, email: string) =>
      `${name} 様、Tsunagu にご登録のメールアドレスを ${email} に変更します。よろしければ下のボタンを押してください。`,
    button: '変更する',
    doneTitle: 'メールアドレスを変更しました',
    done: (email: string) =>
      `今後のご案内は ${email} にお送りします。ログインし直すときは、このアドレスでログイン用リンクをお申込ください。`,
    error: 'メールアドレスを変更できませんでした',
    again: 'お手数ですが、もう一度お申込ください。',
    /** Under a link a later request replaced: the later one's email may have gone to a typo. */
    againIfNotArrived: '新しいメールが届いていない場合は、お手数ですが、もう一度お申込ください。',
    /** Under a link whose change was called off (staff changed the address, or merged two profiles). */
    againIfStillWanted:
      'このアドレスに変更したい場合は、お手数ですが、ログインし直して、もう一度お申込ください。',
    sentTitle: '確認のメールをお送りしました',
    sent: (email: string) =>
      `${email} に確認のメールをお送りしました。メール内のボタンを押すと、変更が確定します（24時間以内）。それまでは、これまでのアドレスにご案内をお送りします。`,
    notArrived: '届かない場合は、アドレスをお確かめのうえ、もう一度ログインしてお申込ください。',
  },
  en: {
    title: 'Change your email address',
    prompt: (name: string, email: string) =>
      `${name}, your email address for Tsunagu will be changed to ${email}. Press the button below to confirm.`,
    button: 'Change it',
    doneTitle: 'Your email address has changed',
    done: (email: string) =>
      `From now on we write to ${email}. To sign in again, ask for a sign-in link with this address.`,
    error: 'We could not change your email address',
    again: 'Please ask for the change again.',
    againIfNotArrived: 'If the newer email has not arrived, please ask for the change again.',
    againIfStillWanted:
      'If you still want to use this address, please sign in again and ask for the change once more.',
    sentTitle: 'Confirmation email sent',
    sent: (email: string) =>
      `We have sent a confirmation email to ${email}. The change takes effect when you press the button in it (within 24 hours). Until then, we keep writing to your current address.`,
    notArrived: 'If it does not arrive, please check the address, sign in again and ask once more.',
  },
} as const;

/** A staff account's link: staff accounts have no locale, their pages are Japanese. */
const STAFF_TEXT = {
  prompt: (name: string, email: string) =>
    `${name} 様、Tsunagu のログイン用メールアドレスを ${email} に変更します。よろしければ下のボタンを押してください。`,
  done: (email: string) =>
    `ログイン用メールアドレスを ${email} に変更しました。今後はこのアドレスと、これまでのパスワードでログインしてください。`,
} as const;

/**
 * Whom a staff member asks for the change again, instead of the participant's 「もう一度お申込
 * ください」: they cannot ask for it themself (UsersService.update), only someone who manages the
 * account can (managesAccount): for an admin's account another admin, for a 主催者's another 主催者
 * of the organisation or an admin, for a 支援担当's a 主催者 or an admin. The refusals of a staff
 * account's link are Japanese, as its page is; the English is there should one not be.
 */
const STAFF_WHOM: Record<StaffRole, Record<'ja' | 'en', string>> = {
  [Role.ADMIN]: { ja: 'Tsunagu のほかの管理者', en: 'another Tsunagu administrator' },
  [Role.ORGANIZER]: {
    ja: '所属団体のほかの主催者または Tsunagu の管理者',
    en: 'another organiser of your organisation, or a Tsunagu administrator,',
  },
  [Role.STAFF]: {
    ja: '所属団体の主催者または Tsunagu の管理者',
    en: 'an organiser of your organisation, or a Tsunagu administrator,',
  },
};

/** What a staff member reads under a refusal of their link, by how its request ended. */
const STAFF_ASK_AGAIN: Record<
  'refused' | 'replaced' | 'called-off' | 'deactivated',
  Record<'ja' | 'en', (whom: string) => string>
> = {
  refused: {
    ja: (whom) => `お手数ですが、${whom}に、もう一度変更を依頼してください。`,
    en: (whom) => `Please ask ${whom} to make the change again.`,
  },
  // The later request's email may have gone to another address than this link's.
  replaced: {
    ja: (whom) => `新しいメールが届いていない場合は、${whom}に、もう一度変更を依頼してください。`,
    en: (whom) => `If the newer email has not arrived, please ask ${whom} to make the change again.`,
  },
  'called-off': {
    ja: (whom) => `変更が必要な場合は、${whom}に、もう一度依頼してください。`,
    en: (whom) => `If the change is still needed, please ask ${whom} to make it again.`,
  },
  // The account switched off: the link works again once it is on, while it has not expired.
  deactivated: {
    ja: (whom) =>
      `利用が再開されたら、このリンクをもう一度開いて変更してください。リンクの有効期限が切れていた場合は、${whom}に、もう一度変更を依頼してください。`,
    en: (whom) =>
      `Once the account is in use again, open this link again to make the change. If the link has expired by then, please ask ${whom} to make the change again.`,
  },
};

/**
 * The page the confirmation link opens: GET shows what will change and a button (a mail scanner's
 * fetch must not use the single-use link), POST changes the address. Both speak the participant's
 * language (Japanese for a staff account's login address). Beside them, the POST of the form on
 * the signed-in page that asks for the change.
 */
@Controller('email-change')
export class EmailChangePageController {
  constructor(
    private readonly emailChanges: EmailChangeService,
    private readonly sessions: TokenService,
    private readonly participants: ParticipantsService,
  ) {}

  /** The signed-in page's form: the session it was shown with, and the new address. */
  @Post('request')
  @Public()
  @HttpCode(200)
  async request(
    @Body() form: { session?: unknown; email?: unknown },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const email = typeof form?.email === 'string' ? form.email.trim() : '';
    await sendLinkPage(
      request,
      response,
      TEXT,
      async () => {
        const actor = await this.sessions.verify(String(form?.session ?? ''));
        if (actor.kind !== 'participant') throw new ForbiddenError();
        return {
          participantId: actor.participantId,
          locale: languageOf(await this.participants.get(actor.participantId)),
        };
      },
      async ({ participantId, locale }) => {
        if (!isFormEmail(email, 254)) throw EmailChangeErrors.invalidAddress();
        await this.emailChanges.request(participantId, email);
        return {
          title: TEXT[locale].sentTitle,
          body: `<p>${escapeHtml(TEXT[locale].sent(email.toLowerCase()))}</p><p>${escapeHtml(TEXT[locale].notArrived)}</p>`,
        };
      },
    );
  }

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
      await this.linkTexts(String(token ?? '')),
      () => this.emailChanges.preview(String(token ?? '')),
      (link) =>
        link.done
          ? donePage(link)
          : {
              title: TEXT[link.locale].title,
              body: `<p>${escapeHtml(promptOf(link))}</p>${postButton('email-change', TEXT[link.locale].button, { token: String(token ?? '') })}`,
            },
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
      await this.linkTexts(token),
      () => this.emailChanges.preview(token),
      async (link) => {
        if (!link.done) await this.emailChanges.confirm(token);
        return donePage(link);
      },
    );
  }

  /**
   * The error page's texts for the link, read from it whatever its state (an expired one too): whom
   * a staff member asks for the change again, or the participant's own 「もう一度お申込ください」;
   * under a link a later request replaced, only should the later one's email not have arrived;
   * under one called off, only should they still want the address; nothing under one to the
   * address they have already; under a switched-off account's, to open it again once it is on.
   */
  private async linkTexts(token: string): Promise<LinkPageTexts> {
    const { staffRole, staffDeactivated, ended } = await this.emailChanges.ownerOfLink(token);
    const again = (locale: 'ja' | 'en') => {
      // The address is the owner's already: nothing to ask for.
      if (ended === 'already-done') return undefined;
      if (staffRole) {
        const how = ended ?? (staffDeactivated ? 'deactivated' : 'refused');
        return STAFF_ASK_AGAIN[how][locale](STAFF_WHOM[staffRole][locale]);
      }
      if (ended === 'replaced') return TEXT[locale].againIfNotArrived;
      return ended === 'called-off' ? TEXT[locale].againIfStillWanted : TEXT[locale].again;
    };
    return {
      ja: { error: TEXT.ja.error, again: again('ja') },
      en: { error: TEXT.en.error, again: again('en') },
    };
  }
}

function promptOf({ locale, name, newEmail, staffAccount }: EmailChangeLink): string {
  return staffAccount ? STAFF_TEXT.prompt(name, newEmail) : TEXT[locale].prompt(name, newEmail);
}

function donePage({ locale, newEmail, staffAccount }: EmailChangeLink) {
  const done = staffAccount ? STAFF_TEXT.done(newEmail) : TEXT[locale].done(newEmail);
  return { title: TEXT[locale].doneTitle, body: `<p>${escapeHtml(done)}</p>` };
}
