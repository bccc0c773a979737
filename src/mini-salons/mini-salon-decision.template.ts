import { EventMailContext } from '../mail/event-mail-context';
import {
  ComposedEmail,
  MailLocale,
  greetingFor,
  OrganiserContact,
  organiserContactLines,
  organiserLines,
  renderEmail,
} from '../mail/templates/email-layout';
import { formatEventTime } from '../mail/templates/mail-dates';

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
}

/** The organiser's answer to a ミニサロン開催要望: to be held (with the date), or not (with why). */
export function miniSalonDecisionEmail(data: MiniSalonDecisionEmailData): ComposedEmail {
  const { locale, event } = data;
  // An answer to the reader's own request: who answers and how to reach them, no "why you get this".
  const sender = [
    ...organiserLines(locale, data.organizer, []),
    ...organiserContactLines(locale, data.organizerContact),
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
            `Thank you for your request for a mini-salon on "${data.theme}" in ${data.area}. ${data.organizer} will hold it.`,
            'The invitation with the details will follow by email.',
          ]
        : [
            `Thank you for your request for a mini-salon on "${data.theme}" in ${data.area}. We are sorry, but ${data.organizer} cannot hold it this time.`,
          ],
      details: event
        ? [
            { label: 'Event', value: event.title },
            { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
            ...(event.venue ? [{ label: 'Venue', value: event.venue }] : []),
          ]
        : data.declineReason
          ? [{ label: 'Reason', value: data.declineReason }]
          : [],
      notes: event ? [] : ['You are welcome to send a new request for another theme or time.'],
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
          '詳細は、あらためてご招待のメールでお知らせいたします。',
        ]
      : [
          `「${data.theme}」（${data.area}）のミニサロン開催のご要望をいただき、ありがとうございました。誠に恐れ入りますが、今回は開催を見送らせていただくこととなりました。`,
        ],
    details: event
      ? [
          { label: 'イベント', value: event.title },
          { label: '日時', value: formatEventTime(locale, event.startsAt, event.endsAt) },
          ...(event.venue ? [{ label: '会場', value: event.venue }] : []),
        ]
      : data.declineReason
        ? [{ label: '理由', value: data.declineReason }]
        : [],
    notes: event ? [] : ['テーマや時期を変えて、あらためてご要望をお寄せください。'],
    sender,
  });
}
