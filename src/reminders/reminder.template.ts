import { EventMailContext } from '../mail/event-mail-context';
import {
  eventPlaceDetails,
  ComposedEmail,
  MailLocale,
  greetingFor,
  inBrackets,
  eventSenderLines,
  renderEmail,
} from '../mail/templates/email-layout';
import { formatEventTime } from '../mail/templates/mail-dates';

export interface ReminderEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  /** Opens the page that cancels this registration (GET confirms, POST cancels). */
  cancelUrl: string;
  /**
   * Their meetings at the event, how many of them are at the venue (no time of their own: a salon's),
   * and their agenda page there; null when they have none.
   */
  agenda?: { meetings: number; atVenue: number; url: string } | null;
  unsubscribeUrl: string | null;
}

export function reminderEmail(data: ReminderEmailData): ComposedEmail {
  const { event, locale, agenda } = data;
  const sender = eventSenderLines(locale, event);
  // Every one at the venue: there is no time or place to look up, only whom to find in the room.
  const allAtVenue = agenda ? agenda.atVenue === agenda.meetings : false;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Tomorrow: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [`A reminder that "${event.title}" takes place tomorrow. We look forward to seeing you.`],
      details: [
        { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
        ...eventPlaceDetails(locale, event),
        ...(agenda
          ? [
              {
                label: 'Meetings',
                value: allAtVenue
                  ? `${agenda.meetings} (no set times: please find each other at the venue; your meeting schedule says who)`
                  : `${agenda.meetings} (times and places are on your meeting schedule)`,
              },
            ]
          : []),
      ],
      actions: [
        ...(agenda ? [{ label: 'See your meeting schedule', url: agenda.url, primary: true }] : []),
        { label: 'Cancel my registration', url: data.cancelUrl },
      ],
      notes: [
        'If you can no longer attend, please cancel your registration with the button above so someone on the waiting list can join.',
      ],
      sender,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
  return renderEmail({
    locale,
    subject: `【明日開催】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [`${inBrackets(event.title)}は明日開催です。皆さまのお越しをお待ちしております。`],
    details: [
      { label: '日時', value: formatEventTime(locale, event.startsAt, event.endsAt) },
      ...eventPlaceDetails(locale, event),
      ...(agenda
        ? [
            {
              label: '面談',
              value: allAtVenue
                ? `${agenda.meetings}件（当日、会場でお声がけください。お相手は面談スケジュールでご確認ください）`
                : `${agenda.meetings}件（時間と場所は面談スケジュールでご確認ください）`,
            },
          ]
        : []),
    ],
    actions: [
      ...(agenda ? [{ label: '面談スケジュールを見る', url: agenda.url, primary: true }] : []),
      { label: '参加をキャンセルする', url: data.cancelUrl },
    ],
    notes: [
      'ご都合が悪くなった場合は、キャンセル待ちの方のために、上のボタンから参加登録のキャンセルをお願いいたします。',
    ],
    sender,
    unsubscribeUrl: data.unsubscribeUrl,
  });
}
