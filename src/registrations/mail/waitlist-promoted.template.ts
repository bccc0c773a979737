import { EventMailContext } from '../../mail/event-mail-context';
import {
  ComposedEmail,
  MailLocale,
  eventSenderLines,
  greetingFor,
  inBrackets,
  renderEmail,
} from '../../mail/templates/email-layout';
import { EventChangeNotice, placeAndTimeDetails } from '../../mail/templates/event-change-details';

export interface WaitlistPromotedEmailData {
  locale: MailLocale;
  participantName: string;
  /** The event as it is now. */
  event: EventMailContext;
  cancelUrl: string;
  /**
   * The seat came with an edit that also moved the event or its venue: the new details are marked
   * as changed, with what they were, and the reader is told not to trust what they noted before.
   */
  change?: EventChangeNotice;
}

const NO_CHANGE: EventChangeNotice = {
  changed: { schedule: false, moved: false, place: false },
  was: {},
};

/** What changed, in the reader's words: 日時・会場 / date, time and venue. */
function changedWhat(locale: MailLocale, { changed }: EventChangeNotice): string {
  if (locale === 'en') {
    if (changed.schedule && changed.place) return 'date, time and venue';
    return changed.schedule ? 'date and time' : changed.place ? 'venue' : '';
  }
  return [...(changed.schedule ? ['日時'] : []), ...(changed.place ? ['会場'] : [])].join('・');
}

/**
 * キャンセル待ちから参加確定: a seat came free (a cancellation, or more seats), and it is theirs. When
 * the same edit moved the event or its venue, this one email says that too (no 日時変更 beside it).
 */
export function waitlistPromotedEmail({
  locale,
  participantName,
  event,
  cancelUrl,
  change,
}: WaitlistPromotedEmailData): ComposedEmail {
  const what = change ? changedWhat(locale, change) : '';
  const details = placeAndTimeDetails(
    locale,
    event,
    (change ?? NO_CHANGE).changed,
    (change ?? NO_CHANGE).was,
  );
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Your place is confirmed${what ? ` (${what} changed)` : ''}: ${event.title}`,
      greeting: greetingFor(locale, participantName),
      paragraphs: [
        `A place has become available at "${event.title}", and you have moved up from the waiting list. Your registration is now confirmed.`,
        ...(what
          ? [
              `Please note that the ${what} of the event ${what === 'venue' ? 'has' : 'have'} changed: the details below are the new ones. Earlier emails about the event, and anything you noted from them, show the old ${what}.`,
            ]
          : []),
        'We look forward to seeing you. If you can no longer attend, please cancel with the button below so that the next person on the waiting list can take your place.',
      ],
      details: [{ label: 'Event', value: event.title }, ...details],
      actions: [{ label: 'Cancel my registration', url: cancelUrl }],
      notes: [
        what
          ? `Open the attached calendar file (event.ics) to add the event to your calendar with its new ${what}. If you already added it from an earlier email, that entry is updated to the new ${what}.`
          : 'Open the attached calendar file (event.ics) to add the event to your calendar.',
      ],
      sender: eventSenderLines(locale, event),
    });
  }
  return renderEmail({
    locale,
    subject: `【繰り上げ参加確定${what ? `・${what}変更` : ''}】${event.title}`,
    greeting: greetingFor(locale, participantName),
    paragraphs: [
      `${inBrackets(event.title)}に空きが出たため、キャンセル待ちから参加確定となりました。`,
      ...(what
        ? [
            `なお、イベントの${what}が変更になりました。下記が変更後の内容です。以前のご案内メールに記載の${what}は変更前のものですので、ご注意ください。`,
          ]
        : []),
      '当日お会いできることを楽しみにしております。ご都合が悪くなった場合は、次にお待ちの方のために、下のボタンから参加登録のキャンセルをお願いいたします。',
    ],
    details: [{ label: 'イベント', value: event.title }, ...details],
    actions: [{ label: '参加をキャンセルする', url: cancelUrl }],
    notes: [
      what
        ? `添付のカレンダーファイル（event.ics）を開くと、変更後の${what}でカレンダーに予定を追加できます。以前のメールからすでに予定を追加している場合は、その予定が変更後の${what}に更新されます。`
        : '添付のカレンダーファイル（event.ics）を開くと、カレンダーに予定を追加できます。',
    ],
    sender: eventSenderLines(locale, event),
  });
}
