import { EventMailContext } from '../../mail/event-mail-context';
import {
  ComposedEmail,
  MailLocale,
  eventSenderLines,
  greetingFor,
  inBrackets,
  renderEmail,
} from '../../mail/templates/email-layout';
import { formatEventTime } from '../../mail/templates/mail-dates';

export interface WaitlistPromotedEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  cancelUrl: string;
}

/** キャンセル待ちから参加確定: a seat came free (a cancellation, or more seats), and it is theirs. */
export function waitlistPromotedEmail({
  locale,
  participantName,
  event,
  cancelUrl,
}: WaitlistPromotedEmailData): ComposedEmail {
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Your place is confirmed: ${event.title}`,
      greeting: greetingFor(locale, participantName),
      paragraphs: [
        `A place has become available at "${event.title}", and you have moved up from the waiting list. Your registration is now confirmed.`,
        'We look forward to seeing you. If you can no longer attend, please cancel with the button below so that the next person on the waiting list can take your place.',
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
        ...(event.venue ? [{ label: 'Venue', value: event.venue }] : []),
        ...(event.onlineUrl ? [{ label: 'Online', value: event.onlineUrl }] : []),
      ],
      actions: [{ label: 'Cancel my registration', url: cancelUrl }],
      notes: ['Open the attached calendar file (event.ics) to add the event to your calendar.'],
      sender: eventSenderLines(locale, event),
    });
  }
  return renderEmail({
    locale,
    subject: `【繰り上げ参加確定】${event.title}`,
    greeting: greetingFor(locale, participantName),
    paragraphs: [
      `${inBrackets(event.title)}に空きが出たため、キャンセル待ちから参加確定となりました。`,
      '当日お会いできることを楽しみにしております。ご都合が悪くなった場合は、次にお待ちの方のために、下のボタンから参加登録のキャンセルをお願いいたします。',
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: formatEventTime(locale, event.startsAt, event.endsAt) },
      ...(event.venue ? [{ label: '会場', value: event.venue }] : []),
      ...(event.onlineUrl ? [{ label: 'オンライン参加', value: event.onlineUrl }] : []),
    ],
    actions: [{ label: '参加をキャンセルする', url: cancelUrl }],
    notes: ['添付のカレンダーファイル（event.ics）を開くと、カレンダーに予定を追加できます。'],
    sender: eventSenderLines(locale, event),
  });
}
