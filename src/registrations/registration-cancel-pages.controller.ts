import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { escapeHtml, postButton, sendLinkPage } from '../common/html/html-page';
import { formatEventTime } from '../mail/templates/mail-dates';
import {
  MeetingsAtStake,
  NOTHING_TO_CANCEL,
  RegistrationCancelLinks,
} from './registration-cancel-links.service';
import { RegistrationStatus } from './registration-enums';

const TEXT = {
  ja: {
    title: (waitlisted: boolean) => (waitlisted ? 'キャンセル待ちの取り消し' : '参加のキャンセル'),
    question: (waitlisted: boolean) =>
      waitlisted
        ? 'このイベントのキャンセル待ちを取り消しますか？'
        : 'このイベントへの参加をキャンセルしますか？',
    button: (waitlisted: boolean) => (waitlisted ? 'キャンセル待ちを取り消す' : '参加をキャンセルする'),
    atStake: ({ agreed, pending }: MeetingsAtStake) => {
      const parts = [
        agreed ? `成立している面談（${agreed}件）` : '',
        pending ? `回答待ちの面談のお申込（${pending}件）` : '',
      ].filter(Boolean);
      return `キャンセルすると、このイベントで${parts.join('と')}も取り消しとなります。`;
    },
    done: (waitlisted: boolean) =>
      waitlisted
        ? 'キャンセル待ちを取り消しました。ご連絡ありがとうございました。またの機会にぜひご参加ください。'
        : '参加のキャンセルを承りました。ご連絡ありがとうございました。またの機会にぜひご参加ください。' +
          '確認のメールをお送りします。カレンダーに追加した予定は、メールに添付のファイルを開くと削除されます。',
    calledOff: ({ agreed, pending }: MeetingsAtStake) => {
      const parts = [
        agreed ? `面談（${agreed}件）` : '',
        pending ? `回答待ちの面談のお申込（${pending}件）` : '',
      ].filter(Boolean);
      return `あわせて、このイベントでの${parts.join('と')}も取り消しました。`;
    },
    nothing: (status: RegistrationStatus) =>
      status === RegistrationStatus.CANCELLED
        ? 'この参加登録は、すでにキャンセルされています。'
        : (status === RegistrationStatus.DECLINED
            ? 'このイベントへのご招待は、辞退として承っています。'
            : '') +
          '現在、このイベントのお席もキャンセル待ちもお持ちでないため、キャンセルの必要はありません。' +
          (status === RegistrationStatus.INVITED
            ? 'ご参加・ご辞退は、ご招待メールのボタンからお知らせください。'
            : ''),
    error: 'キャンセルできませんでした',
  },
  en: {
    title: (waitlisted: boolean) => (waitlisted ? 'Leave the waiting list' : 'Cancel your registration'),
    question: (waitlisted: boolean) =>
      waitlisted
        ? 'Would you like to leave the waiting list for this event?'
        : 'Would you like to cancel your registration for this event?',
    button: (waitlisted: boolean) => (waitlisted ? 'Leave the waiting list' : 'Cancel my registration'),
    atStake: ({ agreed, pending }: MeetingsAtStake) =>
      `Cancelling also calls off ${englishMeetings({ agreed, pending })} at this event.`,
    done: (waitlisted: boolean) =>
      waitlisted
        ? 'You have left the waiting list. Thank you for letting us know; we hope to see you another time.'
        : 'Your registration is cancelled. Thank you for letting us know; we hope to see you another time. ' +
          'We are sending you an email to confirm it: the calendar file attached to it removes the event from your calendar.',
    calledOff: (meetings: MeetingsAtStake) =>
      `${capitalise(englishMeetings(meetings))} at the event ${meetings.agreed + meetings.pending === 1 ? 'is' : 'are'} called off too.`,
    nothing: (status: RegistrationStatus) =>
      status === RegistrationStatus.CANCELLED
        ? 'This registration was already cancelled.'
        : (status === RegistrationStatus.DECLINED ? 'You declined the invitation to this event. ' : '') +
          'You hold no seat and no place on the waiting list for this event, so there is nothing to cancel.' +
          (status === RegistrationStatus.INVITED
            ? ' Please answer the invitation with the buttons in its email.'
            : ''),
    error: 'We could not cancel this',
  },
} as const;

/** "your 2 agreed meetings and 1 meeting request waiting for an answer" */
function englishMeetings({ agreed, pending }: MeetingsAtStake): string {
  return [
    agreed ? `your ${agreed === 1 ? 'agreed meeting' : `${agreed} agreed meetings`}` : '',
    pending
      ? `${agreed ? '' : 'your '}${pending === 1 ? 'meeting request' : `${pending} meeting requests`} waiting for an answer`
      : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const anyAtStake = ({ agreed, pending }: MeetingsAtStake) => agreed + pending > 0;

/** The error page's texts (sendLinkPage), before we know whether it is a seat or a waiting place. */
const LINK_TEXTS = { ja: { error: TEXT.ja.error }, en: { error: TEXT.en.error } };

/**
 * The page the cancel link of a reminder or a registration confirmation opens. GET only shows a
 * confirmation with a button (mail scanners fetch links and must change nothing); the POST cancels.
 * A registration with nothing to cancel (NOTHING_TO_CANCEL) is told so, with no button, on both.
 */
@Controller('registrations')
export class RegistrationCancelPagesController {
  constructor(private readonly links: RegistrationCancelLinks) {}

  @Get('cancel')
  @Public()
  async confirm(
    @Query('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendLinkPage(
      request,
      response,
      LINK_TEXTS,
      () => this.links.preview(String(token ?? '')),
      (preview) => {
        const text = TEXT[preview.locale];
        const nothing = NOTHING_TO_CANCEL.includes(preview.status);
        const waitlisted = preview.status === RegistrationStatus.WAITLISTED;
        const body = [
          `<p><strong>${escapeHtml(preview.eventTitle)}</strong><br>${escapeHtml(formatEventTime(preview.locale, preview.startsAt, preview.endsAt))}</p>`,
          `<p>${escapeHtml(preview.participantName)}${preview.locale === 'ja' ? ' 様' : ''}</p>`,
          nothing
            ? `<p>${escapeHtml(text.nothing(preview.status))}</p>`
            : [
                `<p>${escapeHtml(text.question(waitlisted))}</p>`,
                anyAtStake(preview.meetings)
                  ? `<p><strong>${escapeHtml(text.atStake(preview.meetings))}</strong></p>`
                  : '',
                postButton('cancel', text.button(waitlisted), { token: String(token) }),
              ]
                .filter(Boolean)
                .join('\n'),
        ].join('\n');
        return { title: text.title(waitlisted), body };
      },
    );
  }

  @Post('cancel')
  @Public()
  @HttpCode(200)
  async cancel(
    @Body() form: { token?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      LINK_TEXTS,
      () => this.links.preview(token),
      async ({ locale }) => {
        const result = await this.links.cancel(token);
        const text = TEXT[locale];
        // As the press found it, under the event's lock: what the page said before may have changed.
        const waitlisted = result.status === RegistrationStatus.WAITLISTED;
        const body = [
          `<p><strong>${escapeHtml(result.eventTitle)}</strong></p>`,
          `<p>${escapeHtml(result.changed ? text.done(waitlisted) : text.nothing(result.status))}</p>`,
          result.changed && anyAtStake(result.meetings)
            ? `<p>${escapeHtml(text.calledOff(result.meetings))}</p>`
            : '',
        ]
          .filter(Boolean)
          .join('\n');
        return { title: text.title(waitlisted), body };
      },
    );
  }
}
