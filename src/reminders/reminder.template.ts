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
   * Their meetings at the event, how many of them are at the venue (no time of their own: a salon's,
   * or one agreed before the event had 商談枠) and how many are agreed but have no time yet (waiting
   * for a slot), and their agenda page there; null when they have none.
   */
  agenda?: { meetings: number; atVenue: number; untimed: number; url: string } | null;
  unsubscribeUrl: string | null;
}

export function reminderEmail(data: ReminderEmailData): ComposedEmail {
  const { event, locale, agenda } = data;
  const sender = eventSenderLines(locale, event);
  const meetingsLine = agenda && meetingsSummary(locale, agenda);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Tomorrow: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [`A reminder that "${event.title}" takes place tomorrow. We look forward to seeing you.`],
      details: [
        { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
        ...eventPlaceDetails(locale, event),
        ...(meetingsLine ? [{ label: 'Meetings', value: meetingsLine }] : []),
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
      ...(meetingsLine ? [{ label: '面談', value: meetingsLine }] : []),
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

/**
 * The 面談 line: how many meetings, and for each kind what to do. Only those with a time have a time
 * and place on the agenda; those at the venue are found in the room; those agreed without a time yet
 * have none to look up, so the reader asks at reception (受付) on the day.
 */
function meetingsSummary(
  locale: MailLocale,
  { meetings, atVenue, untimed }: { meetings: number; atVenue: number; untimed: number },
): string {
  const timed = meetings - atVenue - untimed;
  if (locale === 'en') {
    const parts = {
      timed: 'times and places are on your meeting schedule',
      atVenue: 'no set times: please find each other at the venue; your meeting schedule says who',
      untimed: 'no time yet: please ask at reception on the day',
    };
    if (timed === meetings) return `${meetings} (${parts.timed})`;
    if (atVenue === meetings) return `${meetings} (${parts.atVenue})`;
    if (untimed === meetings) return `${meetings} (${parts.untimed})`;
    return `${meetings}: ${[
      ...(timed > 0 ? [`${timed} with a time (${parts.timed})`] : []),
      ...(atVenue > 0 ? [`${atVenue} at the venue (please find each other there)`] : []),
      ...(untimed > 0 ? [`${untimed} without a time yet (please ask at reception on the day)`] : []),
    ].join('; ')}`;
  }
  const parts = {
    timed: '時間と場所は面談スケジュールでご確認ください',
    atVenue: '当日、会場でお声がけください。お相手は面談スケジュールでご確認ください',
    untimed: '時間はまだ決まっていません。当日、受付でお尋ねください',
  };
  if (timed === meetings) return `${meetings}件（${parts.timed}）`;
  if (atVenue === meetings) return `${meetings}件（${parts.atVenue}）`;
  if (untimed === meetings) return `${meetings}件（${parts.untimed}）`;
  return `${meetings}件（${[
    ...(timed > 0 ? [`時間の決まった面談${timed}件: 時間と場所は面談スケジュールでご確認ください`] : []),
    ...(atVenue > 0 ? [`会場内でお会いする方${atVenue}名: 当日、会場でお声がけください`] : []),
    ...(untimed > 0 ? [`時間が未定の面談${untimed}件: 当日、受付でお尋ねください`] : []),
  ].join('／')}）`;
}
