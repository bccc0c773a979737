import { EventMailContext } from '../../mail/event-mail-context';
import {
  ComposedEmail,
  EmailDetail,
  MailLocale,
  eventPlaceDetails,
  greetingFor,
  inBrackets,
  organiserContactLines,
  organiserLines,
  renderEmail,
} from '../../mail/templates/email-layout';
import { formatEventTime } from '../../mail/templates/mail-dates';

export interface EventApplicationEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  /** Every seat is taken now: confirming puts them on the waiting list. */
  full: boolean;
  applyUrl: string;
  validHours: number;
}

/**
 * 【参加申込のご確認】: the link someone asked for on an event's public page, to a page where they
 * confirm. Transactional (asked for by the reader), so no unsubscribe link; the footer names the
 * organiser without the "why you get this" line of event mail, since nobody is registered yet.
 */
export function eventApplicationEmail(data: EventApplicationEmailData): ComposedEmail {
  const { event, locale } = data;
  const time = formatEventTime(locale, event.startsAt, event.endsAt);
  const sender = [
    ...organiserLines(locale, event.organizer, event.coHosts),
    ...(event.organizerContact ? organiserContactLines(locale, event.organizerContact) : []),
  ];
  if (locale === 'en') {
    const details: EmailDetail[] = [
      { label: 'Event', value: event.title },
      { label: 'Date', value: time },
      ...eventPlaceDetails(locale, event),
    ];
    return renderEmail({
      locale,
      subject: `Confirm your registration: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `You asked to register for "${event.title}". Open the page with the button below and press "Register" to complete your registration.`,
        ...(data.full ? ['The event is full at the moment, so you will be put on the waiting list.'] : []),
      ],
      details,
      actions: [{ label: 'Open the registration page', url: data.applyUrl, primary: true }],
      notes: [
        `The link works for ${data.validHours} hours.`,
        'If you did not ask for this, you can ignore this email: nothing happens until the button on the page is pressed.',
      ],
      sender,
    });
  }
  const details: EmailDetail[] = [
    { label: 'イベント', value: event.title },
    { label: '日時', value: time },
    ...eventPlaceDetails(locale, event),
  ];
  return renderEmail({
    locale,
    subject: `【参加申込のご確認】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `${inBrackets(event.title)}への参加のお申込を承るためのご案内です。下のボタンからお申込ページを開き、「参加を申し込む」を押すとお申込が完了します。`,
      ...(data.full ? ['ただいま定員に達しているため、キャンセル待ちでのお申込になります。'] : []),
    ],
    details,
    actions: [{ label: 'お申込ページを開く', url: data.applyUrl, primary: true }],
    notes: [
      `リンクの有効期限は${data.validHours}時間です。`,
      'お心当たりのない場合は、このメールを破棄してください。ボタンを押さない限り、お申込にはなりません。',
    ],
    sender,
  });
}
