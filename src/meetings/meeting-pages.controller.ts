import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { escapeHtml, postButtonWithMessage, sendLinkPage } from '../common/html/html-page';
import { participantLabel } from '../participants/participant-label';
import { MeetingRequestStatus } from './meeting-enums';
import { MeetingRequestPreview, MeetingRequestsService } from './meeting-requests.service';
import { MAX_MESSAGE_LENGTH } from './meetings.errors';

const TEXT = {
  ja: {
    title: '面談のお申込',
    from: (name: string | null) =>
      name === null ? '参加者の方からの面談のお申込です。' : `${name} 様からの面談のお申込です。`,
    offers: '提供できること',
    needs: '求めること',
    question: (accept: boolean) => (accept ? 'この面談を承諾しますか？' : 'この面談をお断りしますか？'),
    button: (accept: boolean) => (accept ? '承諾する' : 'お断りする'),
    message: 'メッセージ（任意。お申込者へのお返事に添えてお伝えします）',
    placeholder: (accept: boolean) =>
      accept
        ? '例）当日は14時以降でしたら、いつでも伺えます。'
        : '例）今回は日程が合わず失礼します。またの機会にぜひ。',
    result: {
      ACCEPTED:
        '面談を承諾しました。面談成立のお知らせを、お二人にメールでお送りします（連絡先は、開示に同意された方の分のみお知らせします）。当日の面談の進め方も、そのメールでお知らせします。',
      DECLINED: 'お断りの旨をお申込者にお伝えします。',
    } as Partial<Record<MeetingRequestStatus, string>>,
    unchanged: '（この回答はすでに承っています）',
    answered: {
      ACCEPTED: 'この面談は承諾済みです。当日の面談の進め方は、面談成立のお知らせメールでご確認ください。',
      DECLINED: 'このお申込には、お断りのお返事をいただいています。',
      EXPIRED: '回答期限を過ぎたため、このお申込は無効になりました。ご回答いただく必要はありません。',
    } as Partial<Record<MeetingRequestStatus, string>>,
    withdrawn: 'この面談のお申込は取り下げられました。ご回答いただく必要はありません。',
    calledOff: 'この面談は取り消しになりました。ご回答いただく必要はありません。',
    error: 'お手続きできませんでした',
  },
  en: {
    title: 'Meeting request',
    from: (name: string | null) =>
      name === null ? 'A participant would like to meet you.' : `${name} would like to meet you.`,
    offers: 'They offer',
    needs: 'They are looking for',
    question: (accept: boolean) => (accept ? 'Accept this meeting?' : 'Decline this meeting?'),
    button: (accept: boolean) => (accept ? 'Accept' : 'Decline'),
    message: 'Message (optional; sent to them with your answer)',
    placeholder: (accept: boolean) =>
      accept
        ? 'e.g. Any time after 2pm on the day suits me.'
        : 'e.g. My schedule is full this time, but I hope we meet another time.',
    result: {
      ACCEPTED:
        'Meeting accepted. We will email you both a confirmation (with contact details only for those who agreed to share them), which also says how the meeting takes place on the day.',
      DECLINED: 'We will let them know.',
    } as Partial<Record<MeetingRequestStatus, string>>,
    unchanged: '(We already had this answer.)',
    answered: {
      ACCEPTED: 'You have accepted this meeting. The confirmation email says how it takes place on the day.',
      DECLINED: 'You have declined this meeting request.',
      EXPIRED: 'The time to answer this meeting request has passed. There is nothing you need to do.',
    } as Partial<Record<MeetingRequestStatus, string>>,
    withdrawn: 'This meeting request has been withdrawn. There is nothing you need to do.',
    calledOff: 'This meeting has been called off. There is nothing you need to do.',
    error: 'We could not process this',
  },
} as const;

/**
 * The pages behind the accept / decline links of a meeting request email. GET shows the request
 * and a button with an optional message to the requester (link scanners must change nothing);
 * POST answers, the message going to the requester with the answer.
 */
@Controller('meetings')
export class MeetingPagesController {
  constructor(private readonly requests: MeetingRequestsService) {}

  @Get('respond')
  @Public()
  async confirm(
    @Query('token') token: string,
    @Query('accept') acceptParam: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const accept = acceptParam !== '0';
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.requests.preview(String(token ?? '')),
      (preview) => {
        const text = TEXT[preview.locale];
        const requester = requesterLabel(preview);
        if (preview.status === MeetingRequestStatus.CANCELLED) return withdrawnPage(preview);
        if (preview.status !== MeetingRequestStatus.PENDING) return answeredPage(preview);
        const body = [
          `<p><strong>${escapeHtml(preview.eventTitle)}</strong></p>`,
          `<p>${escapeHtml(text.from(requester))}</p>`,
          profileHtml(preview),
          preview.message
            ? `<blockquote>${escapeHtml(preview.message).replace(/\n/g, '<br>')}</blockquote>`
            : '',
          `<p>${escapeHtml(text.question(accept))}</p>`,
          postButtonWithMessage(
            'respond',
            text.button(accept),
            { token: String(token), accept: accept ? '1' : '0' },
            { label: text.message, placeholder: text.placeholder(accept), maxLength: MAX_MESSAGE_LENGTH },
          ),
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }

  @Post('respond')
  @Public()
  @HttpCode(200)
  async respond(
    @Body() form: { token?: string; accept?: string; message?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.requests.preview(token),
      async (preview) => {
        const { locale } = preview;
        if (preview.status === MeetingRequestStatus.CANCELLED) return withdrawnPage(preview);
        const answer = await this.requests.respondByToken(
          token,
          form?.accept !== '0',
          String(form?.message ?? ''),
        );
        const text = TEXT[locale];
        const body = [
          `<p>${escapeHtml(text.result[answer.request.status] ?? answer.request.status)}</p>`,
          answer.changed ? '' : `<p>${escapeHtml(text.unchanged)}</p>`,
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }
}

/**
 * A request withdrawn (its requester took it back or left the event), or a meeting agreed and
 * then called off: said so, with no button to press, rather than a form whose answer could only fail.
 */
function withdrawnPage(preview: MeetingRequestPreview) {
  const text = TEXT[preview.locale];
  const requester = requesterLabel(preview);
  return {
    title: text.title,
    body: [
      `<p><strong>${escapeHtml(preview.eventTitle)}</strong></p>`,
      `<p>${escapeHtml(text.from(requester))}</p>`,
      `<p>${escapeHtml(preview.answered ? text.calledOff : text.withdrawn)}</p>`,
    ].join('\n'),
  };
}

/**
 * A request answered already (in the app, or from the other button) or past its deadline: what
 * stands, with no button, rather than a question whose answer could only be refused.
 */
function answeredPage(preview: MeetingRequestPreview) {
  const text = TEXT[preview.locale];
  return {
    title: text.title,
    body: [
      `<p><strong>${escapeHtml(preview.eventTitle)}</strong></p>`,
      `<p>${escapeHtml(text.from(requesterLabel(preview)))}</p>`,
      `<p>${escapeHtml(text.answered[preview.status] ?? preview.status)}</p>`,
    ].join('\n'),
  };
}

/**
 * Who is asking, as their request email (and the おすすめ digest) says it: industry and area, what
 * they offer and look for, so the person deciding here need not go back to the email.
 */
function profileHtml(preview: MeetingRequestPreview): string {
  if (!preview.requesterProfile) return '';
  const text = TEXT[preview.locale];
  const { about, offers, needs } = preview.requesterProfile;
  const lines = [
    ...(about ? [escapeHtml(about)] : []),
    ...(offers ? [`${escapeHtml(text.offers)}: ${escapeHtml(offers)}`] : []),
    ...(needs ? [`${escapeHtml(text.needs)}: ${escapeHtml(needs)}`] : []),
  ];
  return lines.length > 0 ? `<p>${lines.join('<br>')}</p>` : '';
}

/** Who asked, company first in Japanese; null for someone erased since, who is named to nobody. */
function requesterLabel(preview: MeetingRequestPreview): string | null {
  if (preview.requesterName === null) return null;
  return participantLabel(preview.locale, preview.requesterName, preview.requesterCompany);
}
