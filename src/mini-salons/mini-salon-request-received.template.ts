import { municipalityForEnglishReader } from '../common/japan/municipality';
import {
  ComposedEmail,
  EmailDetail,
  greetingFor,
  MailLocale,
  OrganiserContact,
  organiserContactLines,
  renderEmail,
} from '../mail/templates/email-layout';
import { formatCalendarDate, formatDeadline } from '../mail/templates/mail-dates';

/** A ミニサロン開催要望 as its emails show it. */
export interface MiniSalonRequestDetails {
  theme: string;
  area: string;
  /** 'YYYY-MM-DD', a day in Japan. */
  preferredFrom: string;
  preferredTo: string;
  expectedParticipants: number;
  groupName: string | null;
  message: string;
}

export interface MiniSalonRequestReceivedEmailData {
  locale: MailLocale;
  participantName: string;
  organizer: string;
  organizerContact: OrganiserContact;
  request: MiniSalonRequestDetails;
}

/** テーマ, 地域, 希望時期 … of a request, as the requester wrote them. */
export function miniSalonRequestDetails(locale: MailLocale, request: MiniSalonRequestDetails): EmailDetail[] {
  const en = locale === 'en';
  const from = formatCalendarDate(locale, request.preferredFrom);
  const to = formatCalendarDate(locale, request.preferredTo);
  return [
    { label: en ? 'Theme' : 'テーマ', value: request.theme },
    { label: en ? 'Area' : '地域', value: en ? municipalityForEnglishReader(request.area) : request.area },
    { label: en ? 'Preferred dates' : '希望時期', value: en ? `${from} to ${to}` : `${from}〜${to}` },
    {
      label: en ? 'Expected participants' : '参加見込み',
      value: en ? String(request.expectedParticipants) : `${request.expectedParticipants}人`,
    },
    ...(request.groupName ? [{ label: en ? 'Group' : 'グループ', value: request.groupName }] : []),
    ...(request.message ? [{ label: en ? 'Message' : 'メッセージ', value: request.message }] : []),
  ];
}

/**
 * 受付のお知らせ to the participant who asked for a ミニサロン: that it arrived, what happens next
 * (the organiser decides and answers by email, with an invitation if it will be held) and whom to
 * ask meanwhile.
 */
export function miniSalonRequestReceivedEmail(data: MiniSalonRequestReceivedEmailData): ComposedEmail {
  const { locale, organizer, request } = data;
  const contact = organiserContactLines(locale, data.organizerContact);
  // Who will answer: nothing is held yet, so no 主催.
  const sender = [organizer, ...contact];
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Your mini-salon request: received (${request.theme})`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `Thank you for your request for a mini-salon. ${organizer} has received it.`,
        `${organizer} will consider it and let you know by email whether it will be held. If it will, that email gives the date and venue and invites you to it.`,
      ],
      details: miniSalonRequestDetails(locale, request),
      notes: [
        `To change your request or ask about it, please contact ${contact.length ? 'the organiser below' : organizer}.`,
      ],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【受付】ミニサロン開催のご要望（${request.theme}）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `ミニサロン開催のご要望をお寄せいただき、ありがとうございます。${organizer}にて受け付けました。`,
      `${organizer}で検討のうえ、開催するかどうかをメールでお知らせします。開催する場合は、日時・会場とあわせてご招待をお送りします。`,
    ],
    details: miniSalonRequestDetails(locale, request),
    notes: [
      `ご要望の内容の変更やご不明な点は、${contact.length ? '下記のお問い合わせ先' : organizer}までご連絡ください。`,
    ],
    sender,
  });
}

export interface MiniSalonRequestNoticeEmailData {
  staffName: string;
  organizer: string;
  requesterName: string;
  requesterCompany: string | null;
  receivedAt: Date;
  request: MiniSalonRequestDetails;
  /** Written to the 支援担当: the organisation has no 主催者 in use to decide. */
  noOrganiser?: boolean;
}

/**
 * To the organisation's 主催者 (or its 支援担当, when it has no 主催者 in use): a request arrived and
 * waits for an answer. Japanese: staff mail.
 */
export function miniSalonRequestNoticeEmail(data: MiniSalonRequestNoticeEmailData): ComposedEmail {
  const { request } = data;
  const requester = data.requesterCompany
    ? `${data.requesterName}（${data.requesterCompany}）`
    : data.requesterName;
  return renderEmail({
    locale: 'ja',
    subject: `【ミニサロン開催要望】${request.theme}（${request.area}）${data.requesterName} 様より`,
    greeting: greetingFor('ja', data.staffName),
    paragraphs: [
      `${data.organizer}あてに、ミニサロン開催の要望が届きました。要望者は受付のメールを受け取り、回答を待っています。`,
      ...(data.noOrganiser
        ? [
            `${data.organizer}には利用中の主催者アカウントがないため、支援担当の皆さまにお知らせしています。開催するかどうかは主催者が決めます。管理者に主催者アカウントの作成または利用再開を依頼してください。`,
          ]
        : []),
      // The decision is the 主催者's: a 支援担当 reading this cannot act on the how-to.
      `${data.noOrganiser ? '主催者アカウントで、' : ''}開催する場合は日時・会場を決めて「開催決定」に（acceptMiniSalonRequest。ミニサロンのイベントが下書きで作られ、要望者にはご招待つきでお知らせします）、見送る場合は要望者にお伝えする理由を添えて「見送り」に（declineMiniSalonRequest）してください。`,
    ],
    details: [
      { label: '要望者', value: requester },
      ...miniSalonRequestDetails('ja', request),
      { label: '受付日時', value: formatDeadline('ja', data.receivedAt) },
    ],
    // No link: an email link cannot carry the staff member's sign-in (the export answers 401).
    notes: [
      '検討中の要望は、ログインしたうえで API から一覧できます（GraphQL の miniSalonRequests(status: PENDING)、CSV は /exports/mini-salon-requests.csv?status=PENDING）。',
    ],
    sender: [data.organizer],
  });
}
