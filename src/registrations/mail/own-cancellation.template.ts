import { EventMailContext } from '../../mail/event-mail-context';
import {
  ComposedEmail,
  EmailDetail,
  MailLocale,
  eventPlaceDetails,
  eventSenderLines,
  greetingFor,
  inBrackets,
  organiserContactPoint,
  renderEmail,
} from '../../mail/templates/email-layout';
import { formatEventTime } from '../../mail/templates/mail-dates';
import { CALENDAR_CANCEL_NOTE, meetingsCalledOff } from './registration-cancelled.template';

export interface OwnCancellationEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  /** The person's meetings at the event that the cancellation called off. */
  meetings: number;
  /** Of those, the ones on a published agenda, each removed by its own 面談中止. */
  publishedMeetings: number;
}

/**
 * 参加キャンセル受付: someone cancelled their own seat (the cancel link, or the app). The page
 * already said it was done; the email is what carries the METHOD:CANCEL that takes the event off
 * the calendar their registration confirmation put it on, so the attachment is its main line.
 */
export function ownCancellationEmail(data: OwnCancellationEmailData): ComposedEmail {
  const { locale, event, meetings, publishedMeetings } = data;
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  const reach = event.organizerContact ? organiserContactPoint(locale, event.organizerContact) : '';
  if (locale === 'en') {
    const details: EmailDetail[] = [
      { label: 'Event', value: event.title },
      { label: 'Date', value: when },
      ...eventPlaceDetails(locale, event),
    ];
    return renderEmail({
      locale,
      subject: `Cancellation confirmed: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `As you asked, we have cancelled your registration for "${event.title}". Thank you for letting us know.`,
        ...meetingsCalledOff(locale, meetings, publishedMeetings),
        CALENDAR_CANCEL_NOTE.en,
        `If you have any questions, please contact ${event.organizer}${reach ? ` (${reach})` : ''}. We hope to see you another time.`,
      ],
      details,
      sender: eventSenderLines(locale, event),
    });
  }
  const details: EmailDetail[] = [
    { label: 'イベント', value: event.title },
    { label: '日時', value: when },
    ...eventPlaceDetails(locale, event),
  ];
  return renderEmail({
    locale,
    subject: `【参加キャンセル受付】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `${inBrackets(event.title)}への参加のキャンセルを承りました。ご連絡いただき、ありがとうございました。`,
      ...meetingsCalledOff(locale, meetings, publishedMeetings),
      CALENDAR_CANCEL_NOTE.ja,
      `ご不明な点がございましたら、${event.organizer}${reach ? `（${reach}）` : ''}までお問い合わせください。またの機会にぜひご参加ください。`,
    ],
    details,
    sender: eventSenderLines(locale, event),
  });
}
