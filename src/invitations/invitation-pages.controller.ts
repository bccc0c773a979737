import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { asSentence, escapeHtml, postButton, sendLinkPage } from '../common/html/html-page';
import { formatEventTime } from '../mail/templates/mail-dates';
import { REGISTRATION_TRANSITIONS, RegistrationStatus, SEATED } from '../registrations/registration-enums';
import { RegistrationLinkPreview } from '../registrations/registration-link-preview';
import { AppError } from '../common/errors/app-error';
import { InvitationErrors } from './invitations.errors';
import { InvitationsService } from './invitations.service';
import { organiserToAsk } from '../mail/templates/email-layout';

const TEXT = {
  ja: {
    title: 'イベントへのご招待',
    venue: '会場',
    online: 'オンライン開催（参加方法はメールでお知らせします）',
    organizer: '主催',
    coHosts: '共催',
    over: {
      CANCELLED: 'このイベントは開催中止となりました。ご回答いただく必要はありません。',
      ENDED: 'このイベントは終了しました。',
    },
    question: (accept: boolean) =>
      accept ? 'このイベントに参加しますか？' : 'このイベントへの参加を辞退しますか？',
    /** 辞退する after cancelling: nothing to decline (参加する still takes them back while registration is open). */
    cancelledAlready: 'このイベントへの参加はキャンセル済みです。辞退のお手続きは必要ありません。',
    button: (accept: boolean) => (accept ? '参加する' : '辞退する'),
    result: {
      REGISTERED:
        '参加登録が完了しました。確認のメールをお送りします。当日お会いできるのを楽しみにしております。',
      WAITLISTED: '定員に達しているため、キャンセル待ちとして登録しました。席が空き次第ご連絡します。',
      DECLINED:
        '辞退を承りました。ご都合が変わりましたら、申込の締切（設定がなければ開催終了）まで、ご招待メールの「参加する」ボタンからお申込いただけます。',
    } as Partial<Record<RegistrationStatus, string>>,
    /** Registered while the event is a draft: confirmed by email as it is published (confirmsNow). */
    registeredInDraft:
      '参加登録が完了しました。確認のメールは、イベントの準備が整い公開された時点でお送りします。当日お会いできるのを楽しみにしております。',
    /** Declined from the buttons of a mini-salon's 【開催決定】, the email that invited its requester. */
    declinedFromDecision:
      '辞退を承りました。ご都合が変わりましたら、申込の締切（設定がなければ開催終了）まで、開催決定のメールの「参加する」ボタンからお申込いただけます。',
    /**
     * Declined from the signed-in page, by someone whose invitation email was never sent; or after
     * the 申込締切, when no 参加する button answers any more.
     */
    declinedHere: (organizer: string) =>
      `辞退を承りました。ご都合が変わりましたら、${organizer}にお問い合わせください。`,
    unchanged: '（この回答はすでに承っています）',
    error: 'お手続きできませんでした',
  },
  en: {
    title: 'Your invitation',
    venue: 'Venue',
    online: 'Online (how to join comes by email)',
    organizer: 'Host',
    coHosts: 'Co-hosts',
    over: {
      CANCELLED: 'This event has been cancelled, so there is nothing to answer.',
      ENDED: 'This event has ended.',
    },
    question: (accept: boolean) =>
      accept ? 'Would you like to join this event?' : 'Would you like to decline this invitation?',
    cancelledAlready:
      'Your registration for this event is already cancelled, so there is nothing to decline.',
    button: (accept: boolean) => (accept ? 'Accept' : 'Decline'),
    result: {
      REGISTERED:
        'You are registered. We are sending you a confirmation email. We look forward to seeing you.',
      WAITLISTED: 'The event is full, so you are on the waiting list. We will let you know if a seat opens.',
      DECLINED:
        'Thank you for letting us know. If your plans change, the "Accept" button in the invitation email works until registration closes (or, without a deadline, until the event ends).',
    } as Partial<Record<RegistrationStatus, string>>,
    registeredInDraft:
      'You are registered. We will send you a confirmation email when the event is published, once its preparations are complete. We look forward to seeing you.',
    declinedFromDecision:
      'Thank you for letting us know. If your plans change, the "Accept" button in the email telling you the mini-salon will be held works until registration closes (or, without a deadline, until the event ends).',
    declinedHere: (organizer: string) =>
      `Thank you for letting us know. If your plans change, please contact ${organizer}.`,
    unchanged: '(We already had this answer.)',
    error: 'We could not process this',
  },
} as const;

/** Where the links may say they come from (see the controller). */
const FROM = ['page', 'decision'];

/** What the page says once the answer is taken. */
function resultText(
  text: (typeof TEXT)['ja' | 'en'],
  status: RegistrationStatus,
  at: { from?: string; draft: boolean; closedAsk: string | null; organizer: string },
): string {
  if (status === RegistrationStatus.REGISTERED && at.draft) return text.registeredInDraft;
  if (status === RegistrationStatus.DECLINED) {
    if (at.closedAsk) return text.declinedHere(at.closedAsk);
    if (at.from === 'page') return text.declinedHere(at.organizer);
    if (at.from === 'decision') return text.declinedFromDecision;
  }
  return text.result[status] ?? status;
}

/** The organiser as the page names them, with how to reach them (in both languages' punctuation). */
function whomToAsk(preview: { organizer: string; organizerReach: string }): { ja: string; en: string } {
  return {
    ja: organiserToAsk('ja', preview.organizer, preview.organizerReach),
    en: organiserToAsk('en', preview.organizer, preview.organizerReach),
  };
}

/**
 * What the page says instead of the question when the POST would not take the answer, decided as
 * InvitationsService.respond decides it, so that nobody is offered a button that only a refusal
 * answers; null when the question stands.
 */
function standingOf(preview: RegistrationLinkPreview, accept: boolean): string | null {
  const text = TEXT[preview.locale];
  const said = (refusal: AppError) =>
    (preview.locale === 'en' ? refusal.english : undefined) ?? asSentence(refusal.message);
  // Cancelled, or over (closed early by staff included): nothing can be answered any more.
  if (preview.eventOver) return text.over[preview.eventOver];
  // Already holding a seat or a place on the waiting list, whichever link they open again: say
  // so, and where the way to cancel is, instead of asking the question they answered (accepting
  // again would change nothing; declining is refused).
  if ([...SEATED, RegistrationStatus.WAITLISTED].includes(preview.status))
    return said(InvitationErrors.alreadyRegistered(preview.status === RegistrationStatus.WAITLISTED));
  if (accept) {
    if (!REGISTRATION_TRANSITIONS.can(preview.status, RegistrationStatus.REGISTERED))
      return said(InvitationErrors.notAnswerable());
    // 参加する past the 申込締切 would be refused: say so, and whom to ask, as the 日時変更 email
    // sent after it does, instead of offering the button (辞退する still works).
    return preview.registrationClosedAt
      ? said(InvitationErrors.registrationClosed(preview.registrationClosedAt, whomToAsk(preview)))
      : null;
  }
  // Declined already: asked again, the same answer is taken and changes nothing.
  if (preview.status === RegistrationStatus.DECLINED) return null;
  // Cancelled (by themselves: staff's cancellation ends the links): there is nothing to decline.
  if (preview.status === RegistrationStatus.CANCELLED) return text.cancelledAlready;
  return REGISTRATION_TRANSITIONS.can(preview.status, RegistrationStatus.DECLINED)
    ? null
    : said(InvitationErrors.notAnswerable());
}

/**
 * The pages the accept and decline links open. GET only shows a confirmation with a button (mail
 * scanners fetch links and must change nothing); the POST acts. The links of the signed-in page,
 * for an invitation whose email never went out, carry `from=page`: a decline made there does not
 * send the reader back to that email's 参加する button. Those of a mini-salon's 【開催決定】 carry
 * `from=decision` (AnswerLinkFrom): a decline made there names that email rather than an invitation.
 */
@Controller('invitations')
export class InvitationPagesController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('respond')
  @Public()
  async confirm(
    @Query('token') token: string,
    @Query('accept') acceptParam: string,
    @Query('from') from: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accept = acceptParam !== '0';
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.invitations.preview(String(token ?? '')),
      (preview) => {
        const text = TEXT[preview.locale];
        const place = preview.venue ?? (preview.online ? text.online : null);
        const about = [
          `<strong>${escapeHtml(preview.eventTitle)}</strong>`,
          escapeHtml(formatEventTime(preview.locale, preview.startsAt, preview.endsAt)),
          ...(place ? [`${text.venue}: ${escapeHtml(place)}`] : []),
          `${text.organizer}: ${escapeHtml(preview.organizer)}`,
          ...(preview.coHosts.length
            ? [`${text.coHosts}: ${escapeHtml(preview.coHosts.join(preview.locale === 'en' ? ', ' : '、'))}`]
            : []),
        ];
        const standing = standingOf(preview, accept);
        const body = [
          `<p>${about.join('<br>')}</p>`,
          `<p>${escapeHtml(preview.participantName)}${preview.locale === 'ja' ? ' 様' : ''}</p>`,
          standing
            ? `<p>${escapeHtml(standing)}</p>`
            : [
                `<p>${escapeHtml(text.question(accept))}</p>`,
                postButton('respond', text.button(accept), {
                  token: String(token),
                  accept: accept ? '1' : '0',
                  ...(from && FROM.includes(from) ? { from } : {}),
                }),
              ].join('\n'),
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }

  @Post('respond')
  @Public()
  @HttpCode(200)
  async respond(
    @Body() form: { token?: string; accept?: string; from?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.invitations.preview(token),
      async (preview) => {
        const { locale, organizer } = preview;
        const answer = await this.invitations.respond(token, form?.accept !== '0');
        const text = TEXT[locale];
        const result = resultText(text, answer.status, {
          from: form?.from,
          draft: preview.draft,
          // Past the 申込締切 no 参加する answers: whom to ask, as the closed emails name them.
          closedAsk: preview.registrationClosedAt ? whomToAsk(preview)[locale] : null,
          organizer,
        });
        const body = [
          `<p><strong>${escapeHtml(answer.eventTitle)}</strong></p>`,
          `<p>${escapeHtml(result)}</p>`,
          answer.changed ? '' : `<p>${escapeHtml(text.unchanged)}</p>`,
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }
}
