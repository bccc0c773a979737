import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROFILES_JOINED, PROFILES_JOINED_EN } from '../action-tokens/action-tokens.errors';
import { Public } from '../auth/access.decorators';
import { escapeHtml, postButtonWithMessage, sendLinkPage } from '../common/html/html-page';
import { participantLabel } from '../participants/participant-label';
import { ProfileIntroduction } from '../participants/profile-summary';
import { MeetingRequestCancelReason, MeetingRequestStatus } from './meeting-enums';
import { JoinedRequest, MeetingRequestPreview, MeetingRequestsService } from './meeting-requests.service';
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
    joined: {
      requesters: (requester: string) =>
        `${requester} 様の2つのご登録は、同じ方のものとしてひとつにまとめられました。`,
      yours: PROFILES_JOINED,
      theirOther: (other: string) =>
        `このお申込は、同じ方からのもう1件のお申込（${other} 様から）にまとめられています。`,
      bothAsked: (other: string) =>
        `${other} 様からは両方のご登録あてにお申込が届いていたため、このお申込はもう1件のお申込にまとめられています。`,
      askedThem: (other: string) =>
        `同じ方へは、すでに面談をお申し込みいただいています（${other} 様あて）。このお申込は、そちらにまとめられています。`,
      askedFromOther: (other: string) =>
        `${other} 様へは、もう一方のご登録からすでに面談をお申し込みいただいています。このお申込は、そちらにまとめられています。`,
      gone: 'このお申込は、もう1件のお申込にまとめられました。ご回答いただく必要はありません。',
      yourRequest: {
        PENDING: 'お相手のご回答をお待ちください。',
        ACCEPTED:
          'この面談は成立しています。当日の面談の進め方は、面談成立のお知らせメールでご確認ください。',
        DECLINED: 'お相手からは、今回は面談をお受けできないとのお返事がありました。',
        EXPIRED: '回答期限を過ぎたため、そのお申込は無効になりました。',
        CANCELLED: 'そのお申込は取り消しになりました。',
      } as Record<MeetingRequestStatus, string>,
    },
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
    joined: {
      requesters: (requester: string) =>
        `${requester} had registered with us twice, and the two registrations have been joined into one.`,
      yours: `${PROFILES_JOINED_EN}.`,
      theirOther: (other: string) =>
        `This request now continues as their other request to you (from ${other}).`,
      bothAsked: (other: string) =>
        `${other} had sent a meeting request to each of them, so this request now continues as the other one.`,
      askedThem: (other: string) =>
        `You had already asked them to meet (${other}), so this request now continues as yours.`,
      askedFromOther: (other: string) =>
        `You had already asked ${other} to meet from your other registration, so this request now continues as yours.`,
      gone: 'This request has been combined with the other one. There is nothing you need to do.',
      yourRequest: {
        PENDING: 'It is waiting for their answer.',
        ACCEPTED: 'The meeting is agreed. The confirmation email says how it takes place on the day.',
        DECLINED: 'They are unable to meet this time.',
        EXPIRED: 'The time for them to answer it has passed.',
        CANCELLED: 'It has been called off.',
      } as Record<MeetingRequestStatus, string>,
    },
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
        if (preview.joined) return joinedPage(preview, preview.joined, String(token), accept);
        if (preview.status === MeetingRequestStatus.CANCELLED) return withdrawnPage(preview);
        if (preview.status !== MeetingRequestStatus.PENDING) return answeredPage(preview);
        const body = [
          `<p><strong>${escapeHtml(preview.eventTitle)}</strong></p>`,
          `<p>${escapeHtml(text.from(requesterLabel(preview)))}</p>`,
          answerForm(preview.locale, preview, String(token), accept),
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
        const { locale, joined } = preview;
        // A request a merge withdrew answers the one it goes on as, where that one asks the reader
        // too and its answer form was shown; otherwise the page says again where things stand.
        if (joined && !answersHere(joined)) return joinedPage(preview, joined, token, form?.accept !== '0');
        if (!joined && preview.status === MeetingRequestStatus.CANCELLED) return withdrawnPage(preview);
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
      `<p>${escapeHtml(whereItStands(preview.locale, preview))}</p>`,
    ].join('\n'),
  };
}

/**
 * A request a merge (名寄せ) withdrew, as the second open one between the same two people: nobody
 * took it back, and the page says so. The requester's two profiles, or the reader's, were joined,
 * and the request goes on as the other one: the same requester's to the reader, whose answer form
 * (or where it stands) follows and answers that one; or the reader's own to the requester, with
 * where it stands.
 */
function joinedPage(preview: MeetingRequestPreview, joined: JoinedRequest, token: string, accept: boolean) {
  const { locale } = preview;
  const text = TEXT[locale];
  const words = text.joined;
  // Named: a request of someone erased since is not told as joined (see preview).
  const requester = requesterLabel(preview)!;
  const theirs = joined.reason === MeetingRequestCancelReason.REQUESTER_PROFILES_MERGED;
  const next = joined.continuedAs;
  const story = [theirs ? words.requesters(requester) : words.yours];
  let standing = '';
  if (!next) story.push(words.gone);
  else {
    const other = participantLabel(locale, next.otherName, next.otherCompany);
    if (!next.asksReader)
      story.push((theirs ? words.askedThem : words.askedFromOther)(other), words.yourRequest[next.status]);
    else {
      story.push((theirs ? words.theirOther : words.bothAsked)(other));
      standing =
        next.status === MeetingRequestStatus.PENDING
          ? answerForm(locale, next, token, accept)
          : `<p>${escapeHtml(whereItStands(locale, next))}</p>`;
    }
  }
  return {
    title: text.title,
    body: [
      `<p><strong>${escapeHtml(preview.eventTitle)}</strong></p>`,
      `<p>${escapeHtml(text.from(requester))}</p>`,
      `<p>${escapeHtml(story.join(locale === 'en' ? ' ' : ''))}</p>`,
      standing,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** The request a merge's withdrawn one goes on as asks the reader and may still be answered. */
function answersHere(joined: JoinedRequest): boolean {
  return !!joined.continuedAs?.asksReader && joined.continuedAs.status !== MeetingRequestStatus.CANCELLED;
}

/**
 * The request as its answer page shows it while it waits (who asks, their message) and the form
 * that answers it, posted with the link's token.
 */
function answerForm(
  locale: 'ja' | 'en',
  request: { requesterProfile: ProfileIntroduction | null; message: string },
  token: string,
  accept: boolean,
): string {
  const text = TEXT[locale];
  return [
    profileHtml(locale, request.requesterProfile),
    request.message ? `<blockquote>${escapeHtml(request.message).replace(/\n/g, '<br>')}</blockquote>` : '',
    `<p>${escapeHtml(text.question(accept))}</p>`,
    postButtonWithMessage(
      'respond',
      text.button(accept),
      { token, accept: accept ? '1' : '0' },
      { label: text.message, placeholder: text.placeholder(accept), maxLength: MAX_MESSAGE_LENGTH },
    ),
  ]
    .filter(Boolean)
    .join('\n');
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
      `<p>${escapeHtml(whereItStands(preview.locale, preview))}</p>`,
    ].join('\n'),
  };
}

/**
 * Where a request that no longer waits for an answer stands, as its page says it: answered or past
 * its deadline, withdrawn unanswered, or agreed and then called off.
 */
function whereItStands(
  locale: 'ja' | 'en',
  request: { status: MeetingRequestStatus; answered: boolean },
): string {
  const text = TEXT[locale];
  if (request.status !== MeetingRequestStatus.CANCELLED)
    return text.answered[request.status] ?? request.status;
  return request.answered ? text.calledOff : text.withdrawn;
}

/**
 * Who is asking, as their request email (and the おすすめ digest) says it: industry and area, what
 * they offer and look for, so the person deciding here need not go back to the email.
 */
function profileHtml(locale: 'ja' | 'en', profile: ProfileIntroduction | null): string {
  if (!profile) return '';
  const text = TEXT[locale];
  const { about, offers, needs } = profile;
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
