import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { escapeHtml, postButtonWithMessage, sendLinkPage } from '../common/html/html-page';
import { agreedWhatNext } from '../meetings/mail/meeting-emails.template';
import { MAX_MESSAGE_LENGTH } from '../meetings/meetings.errors';
import { participantLabel } from '../participants/participant-label';
import { SuggestionLinkPreview, SuggestionLinksService } from './suggestion-links.service';

/** The other person as English text names them: 「Ken Aoki of 青木製作所」. */
const englishName = (p: SuggestionLinkPreview) =>
  `${p.otherName}${p.otherCompany ? ` of ${p.otherCompany}` : ''}`;

/**
 * After an agreed meeting: what comes next, worded as its 面談成立 emails word it (agreedWhatNext),
 * from the meeting itself, so the page and the emails never say two things.
 */
const whatNext = (locale: 'ja' | 'en', p: SuggestionLinkPreview): string =>
  agreedWhatNext(locale, p.atVenue, p);

const TEXT = {
  ja: {
    title: '面談のお申込',
    // 様, company first: the same way the emails address people (participantLabel).
    question: (p: SuggestionLinkPreview) =>
      `${participantLabel('ja', p.otherName, p.otherCompany)} 様に面談を申し込みますか？`,
    offers: '提供できること',
    needs: '求めること',
    reasons: 'おすすめの理由',
    message: 'ひとことメッセージ（任意）',
    placeholder: '例: 御社の製品について、販路のご相談をさせてください。',
    button: '面談を申し込む',
    done: (p: SuggestionLinkPreview) =>
      `${participantLabel('ja', p.otherName, p.otherCompany)} 様に面談を申し込みました。相手の方が承諾すると、メールでお知らせします。`,
    accepted: (p: SuggestionLinkPreview) => `面談が成立しました。${whatNext('ja', p)}`,
    acceptedTheirs: (p: SuggestionLinkPreview) =>
      `${participantLabel('ja', p.otherName, p.otherCompany)} 様からの面談申込を承諾しました。面談が成立しました。${whatNext('ja', p)}`,
    standing: {
      AGREED: (p: SuggestionLinkPreview) =>
        `${participantLabel('ja', p.otherName, p.otherCompany)} 様との面談は成立しています。${whatNext('ja', p)}`,
      ASKED: (p: SuggestionLinkPreview) =>
        `${participantLabel('ja', p.otherName, p.otherCompany)} 様には面談をお申込済みです。相手の方が承諾すると、メールでお知らせします。`,
      ASKED_BY_THEM: (p: SuggestionLinkPreview) =>
        `${participantLabel('ja', p.otherName, p.otherCompany)} 様からも面談のお申込が届いています。申し込むと、そのお申込を承諾したことになります。`,
      DECLINED: (p: SuggestionLinkPreview) =>
        `${participantLabel('ja', p.otherName, p.otherCompany)} 様からは、このイベントでの面談は見送りとのお返事をいただいています。`,
    },
    error: 'お申込できませんでした',
  },
  en: {
    title: 'Request a meeting',
    question: (p: SuggestionLinkPreview) => `Would you like to request a meeting with ${englishName(p)}?`,
    offers: 'They offer',
    needs: 'They are looking for',
    reasons: 'Why we suggest them',
    message: 'A short message (optional)',
    placeholder: 'e.g. I would like to talk about sales channels for your products.',
    button: 'Request a meeting',
    done: (p: SuggestionLinkPreview) =>
      `Your meeting request to ${p.otherName} has been sent. We will email you when they accept.`,
    accepted: (p: SuggestionLinkPreview) => `The meeting is agreed. ${whatNext('en', p)}`,
    acceptedTheirs: (p: SuggestionLinkPreview) =>
      `You have accepted the meeting request from ${englishName(p)}. The meeting is agreed. ${whatNext('en', p)}`,
    standing: {
      AGREED: (p: SuggestionLinkPreview) =>
        `Your meeting with ${englishName(p)} is agreed. ${whatNext('en', p)}`,
      ASKED: (p: SuggestionLinkPreview) =>
        `You have already requested a meeting with ${englishName(p)}. We will email you when they accept.`,
      ASKED_BY_THEM: (p: SuggestionLinkPreview) =>
        `${englishName(p)} has also asked to meet you: requesting a meeting accepts their request.`,
      DECLINED: (p: SuggestionLinkPreview) =>
        `${englishName(p)} has declined a meeting with you at this event.`,
    },
    error: 'We could not send your request',
  },
} as const;

/**
 * The page a digest's 「面談を申し込む」 link opens. GET only shows the question with a button and
 * a message box (mail scanners fetch links and must change nothing); the POST files the request.
 */
@Controller('suggestions')
export class SuggestionPagesController {
  constructor(private readonly links: SuggestionLinksService) {}

  @Get('meeting-request')
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
      () => this.links.preview(String(token ?? '')),
      (preview) => {
        // Thrown here, where the reader's language is known: the error page speaks it.
        if (preview.unavailable) throw preview.unavailable;
        const text = TEXT[preview.locale];
        const heading = `<p><strong>${escapeHtml(preview.eventTitle)}</strong></p>`;
        // Agreed, asked already or declined: said so, with no button whose answer could only fail.
        const { standing } = preview;
        if (standing && standing !== 'ASKED_BY_THEM') {
          return {
            title: text.title,
            body: [heading, `<p>${escapeHtml(text.standing[standing](preview))}</p>`].join('\n'),
          };
        }
        const body = [
          heading,
          standing ? `<p>${escapeHtml(text.standing[standing](preview))}</p>` : '',
          `<p>${escapeHtml(text.question(preview))}</p>`,
          preview.otherTitle ? `<p>${escapeHtml(preview.otherTitle)}</p>` : '',
          profileHtml(text, preview),
          `<p>${escapeHtml(text.reasons)}</p>`,
          `<ul>${preview.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>`,
          postButtonWithMessage(
            'meeting-request',
            text.button,
            { token: String(token) },
            { label: text.message, placeholder: text.placeholder, maxLength: MAX_MESSAGE_LENGTH },
          ),
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }

  @Post('meeting-request')
  @Public()
  @HttpCode(200)
  async request(
    @Body() form: { token?: string; message?: string },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.links.preview(token),
      async ({ locale }) => {
        const filed = await this.links.requestMeeting(token, String(form?.message ?? ''));
        const text = TEXT[locale];
        // They had asked first: the button answered their request rather than filing a new one.
        const outcome = filed.acceptedTheirs
          ? text.acceptedTheirs(filed.preview)
          : filed.status === 'ACCEPTED'
            ? text.accepted(filed.preview)
            : text.done(filed.preview);
        const body = [
          `<p><strong>${escapeHtml(filed.preview.eventTitle)}</strong></p>`,
          `<p>${escapeHtml(outcome)}</p>`,
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }
}

/** Who they are, as the digest said it: industry and area, what they offer and look for. */
function profileHtml(text: (typeof TEXT)['ja' | 'en'], preview: SuggestionLinkPreview): string {
  const { about, offers, needs } = preview.otherProfile;
  const lines = [
    ...(about ? [escapeHtml(about)] : []),
    ...(offers ? [`${escapeHtml(text.offers)}: ${escapeHtml(offers)}`] : []),
    ...(needs ? [`${escapeHtml(text.needs)}: ${escapeHtml(needs)}`] : []),
  ];
  return lines.length > 0 ? `<p>${lines.join('<br>')}</p>` : '';
}
