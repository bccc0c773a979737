import { municipalityForEnglishReader } from '../common/japan/municipality';
import { EventMailContext } from '../mail/event-mail-context';
import {
  ComposedEmail,
  eventPlaceDetails,
  MailLocale,
  greetingFor,
  OrganiserContact,
  organiserContactLines,
  organiserLines,
  renderEmail,
} from '../mail/templates/email-layout';
import { eventAboutDetails } from '../mail/templates/event-about';
import { formatDeadline, formatEventTime } from '../mail/templates/mail-dates';
import { answerClosed } from '../invitations/answer-closed';

export interface MiniSalonDecisionEmailData {
  locale: MailLocale;
  participantName: string;
  organizer: string;
  organizerContact: OrganiserContact;
  theme: string;
  area: string;
  /** Set when the salon will be held: the event as created (a draft the organiser completes). */
  event: EventMailContext | null;
  declineReason: string;
  /** The requester's invitation to the salon to be held, while they have not answered it. */
  answerUrls: { acceptUrl: string; declineUrl: string } | null;
  /** The event's public page, once it has one (a salon decided is a draft until it is published). */
  pageUrl?: string | null;
  /**
   * The 申込締切, when it had passed as the email left: no 参加する (it would be refused), whom to
   * ask instead, and 辞退する, which still works (see answerClosed).
   */
  closedAt?: Date | null;
}

/**
 * The organiser's answer to a ミニサロン開催要望: to be held (with the date, and the buttons to
 * answer the requester's invitation to it), or not (with why).
 */
export function miniSalonDecisionEmail(data: MiniSalonDecisionEmailData): ComposedEmail {
  const { locale, event, answerUrls } = data;
  const closed = event && answerUrls && data.closedAt ? answerClosed(locale, event, data.closedAt) : null;
  // An answer to the reader's own request: who answers and how to reach them, no "why you get this".
  const contact = organiserContactLines(locale, data.organizerContact);
  // 主催 (and 共催) only for a salon to be held; a 見送り names who answers.
  const sender = [
    ...(event ? organiserLines(locale, data.organizer, event.coHosts) : [data.organizer]),
    ...contact,
  ];
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: event
        ? `Your mini-salon request: it will be held (${data.theme})`
        : `Your mini-salon request: not held this time (${data.theme})`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: event
        ? [
            `Thank you for your request for a mini-salon on "${data.theme}" in ${municipalityForEnglishReader(data.area)}. ${data.organizer} will hold it.`,
            ...(answerUrls
              ? [
                  closed?.paragraph ??
                    'You are invited: please let us know whether you can join by choosing one of the buttons below.',
                ]
              : []),
            `If others (members of your group, for instance) would like to join too, please send their names and email addresses to ${contact.length ? 'the contact below' : data.organizer}, and they will be invited.`,
          ]
        : [
            `Thank you for your request for a mini-salon on "${data.theme}" in ${municipalityForEnglishReader(data.area)}. We are sorry, but ${data.organizer} cannot hold it this time.`,
          ],
      details: event
        ? [
            { label: 'Event', value: event.title },
            { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
            ...eventPlaceDetails(locale, event),
            ...(closed ? [closed.detail] : []),
            ...eventAboutDetails(locale, event, data.pageUrl ?? null),
          ]
        : data.declineReason
          ? [{ label: 'Reason', value: data.declineReason }]
          : [],
      actions: answerUrls
        ? [
            ...(closed ? [] : [{ label: 'Accept', url: answerUrls.acceptUrl, primary: true }]),
            { label: 'Decline', url: answerUrls.declineUrl },
          ]
        : [],
      notes: event
        ? answerUrls && !closed
          ? answerNotes(locale, event)
          : []
        : ['You are welcome to send a new request for another theme or time.'],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: event
      ? `【開催決定】ミニサロン開催のご要望（${data.theme}）`
      : `【開催見送り】ミニサロン開催のご要望（${data.theme}）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: event
      ? [
          `「${data.theme}」（${data.area}）のミニサロン開催のご要望をいただき、ありがとうございました。${data.organizer}にて開催することといたしました。`,
          ...(answerUrls
            ? [closed?.paragraph ?? 'ぜひご参加ください。ご出欠を、下のボタンからお知らせください。']
            : []),
          `ご一緒に参加される方（グループの皆さまなど）がいらっしゃる場合は、お名前とメールアドレスを${contact.length ? '下記のお問い合わせ先' : data.organizer}までお知らせください。ご招待をお送りします。`,
        ]
      : [
          `「${data.theme}」（${data.area}）のミニサロン開催のご要望をいただき、ありがとうございました。誠に恐れ入りますが、今回は開催を見送らせていただくこととなりました。`,
        ],
    details: event
      ? [
          { label: 'イベント', value: event.title },
          { label: '日時', value: formatEventTime(locale, event.startsAt, event.endsAt) },
          ...eventPlaceDetails(locale, event),
          ...(closed ? [closed.detail] : []),
          ...eventAboutDetails(locale, event, data.pageUrl ?? null),
        ]
      : data.declineReason
        ? [{ label: '理由', value: data.declineReason }]
        : [],
    actions: answerUrls
      ? [
          ...(closed ? [] : [{ label: '参加する', url: answerUrls.acceptUrl, primary: true }]),
          { label: '辞退する', url: answerUrls.declineUrl },
        ]
      : [],
    notes: event
      ? answerUrls && !closed
        ? answerNotes(locale, event)
        : []
      : ['テーマや時期を変えて、あらためてご要望をお寄せください。'],
    sender,
  });
}

/**
 * Under the answer buttons, as an invitation has them: a full salon puts the reader on the waiting
 * list, and answers are asked for by the 申込締切 when the salon has one (参加する is refused after
 * it), or the links work until the event ends.
 */
function answerNotes(locale: MailLocale, event: EventMailContext): string[] {
  const closesAt = event.registrationClosesAt ?? null;
  if (locale === 'en') {
    return [
      ...(event.capacity === null ? [] : ['If the event is full, you will be put on the waiting list.']),
      closesAt
        ? `Please answer by ${formatDeadline(locale, closesAt)}, when registration closes.`
        : 'The links work until the event ends.',
    ];
  }
  return [
    ...(event.capacity === null ? [] : ['定員に達している場合は、キャンセル待ちとして承ります。']),
    closesAt
      ? `ご回答は、申込締切の${formatDeadline(locale, closesAt)}までにお願いします。`
      : 'リンクは開催終了まで有効です。',
  ];
}
