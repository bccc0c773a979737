import { EventChangeSummary } from '../../events/event-changes';
import { EventMailContext } from '../../mail/event-mail-context';
import {
  ComposedEmail,
  EmailDetail,
  MailLocale,
  eventSenderLines,
  greetingFor,
  inBrackets,
  renderEmail,
} from '../../mail/templates/email-layout';
import { formatEventTime } from '../../mail/templates/mail-dates';

export interface EventChangedEmailData {
  locale: MailLocale;
  participantName: string;
  /** The event as it is now. */
  event: EventMailContext;
  changed: EventChangeSummary;
  /** On the waiting list: told, with no calendar entry to move. */
  waitlisted: boolean;
  /** Published meetings at the event: moved with it (changed.moved), or at their times as before. */
  meetings: number;
  /** Cancels this registration; null once the event has started. */
  cancelUrl: string | null;
}

/**
 * 日時変更・会場変更: the event someone signed up for now takes place at another time or place.
 * The new details come first, marked as changed; the composer attaches the updated calendar entry.
 */
export function eventChangedEmail(data: EventChangedEmailData): ComposedEmail {
  const { event, locale, changed, waitlisted, meetings } = data;
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  const sender = eventSenderLines(locale, event);
  if (locale === 'en') {
    const what = changed.schedule && changed.place ? 'date and venue' : changed.schedule ? 'date' : 'venue';
    const mark = (value: string, isChanged: boolean) => (isChanged ? `${value} (changed)` : value);
    const details: EmailDetail[] = [
      { label: 'Event', value: event.title },
      { label: 'Date', value: mark(when, changed.schedule) },
      ...(event.venue ? [{ label: 'Venue', value: mark(event.venue, changed.place) }] : []),
      ...(event.onlineUrl ? [{ label: 'Online', value: mark(event.onlineUrl, changed.place) }] : []),
    ];
    return renderEmail({
      locale,
      subject: `${what[0].toUpperCase()}${what.slice(1)} changed: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `The ${what} of "${event.title}", for which you ${waitlisted ? 'are on the waiting list' : 'are registered'}, has changed. Please see the updated details below.`,
        ...(waitlisted
          ? ['You are still on the waiting list; if a seat becomes free, you will be registered in order.']
          : ['The attached calendar file updates the entry in your calendar.']),
        ...(meetings > 0
          ? [
              changed.moved
                ? `Your ${meetings === 1 ? 'meeting has' : `${meetings} meetings have`} moved with the event, by the same amount of time, at the same ${meetings === 1 ? 'table' : 'tables'}.`
                : `The times and tables of your ${meetings === 1 ? 'meeting' : `${meetings} meetings`} at the event stay as they were.`,
            ]
          : []),
      ],
      details,
      actions: data.cancelUrl
        ? [
            {
              label: waitlisted ? 'Leave the waiting list' : 'Cancel my registration',
              url: data.cancelUrl,
            },
          ]
        : [],
      notes: [
        waitlisted
          ? 'If the new details no longer suit you, you can leave the waiting list with the button above.'
          : 'If you can no longer attend, please cancel with the button above so someone on the waiting list can join.',
      ],
      sender,
    });
  }
  const what = changed.schedule && changed.place ? '日時・会場' : changed.schedule ? '日時' : '会場';
  const mark = (value: string, isChanged: boolean) => (isChanged ? `${value}（変更）` : value);
  const details: EmailDetail[] = [
    { label: 'イベント', value: event.title },
    { label: '日時', value: mark(when, changed.schedule) },
    ...(event.venue ? [{ label: '会場', value: mark(event.venue, changed.place) }] : []),
    ...(event.onlineUrl ? [{ label: 'オンライン参加', value: mark(event.onlineUrl, changed.place) }] : []),
  ];
  return renderEmail({
    locale,
    subject: `【${what}変更】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `${waitlisted ? 'キャンセル待ちでお申し込みいただいている' : 'ご登録いただいている'}${inBrackets(event.title)}の${what}が変更になりました。お手数ですが、変更後の内容をご確認ください。`,
      ...(waitlisted
        ? [
            '引き続きキャンセル待ちとして承っております。席が空き次第、キャンセル待ちの順に参加登録いたします。',
          ]
        : ['添付のカレンダーファイルを開くと、カレンダーの予定が変更後の内容に更新されます。']),
      ...(meetings > 0
        ? [
            changed.moved
              ? `予定されている面談（${meetings}件）も、イベントと同じだけ日時をずらしました。テーブルに変更はありません。`
              : `予定されている面談（${meetings}件）の時間とテーブルに変更はありません。`,
          ]
        : []),
    ],
    details,
    actions: data.cancelUrl
      ? [{ label: waitlisted ? 'キャンセル待ちを取り消す' : '参加をキャンセルする', url: data.cancelUrl }]
      : [],
    notes: [
      waitlisted
        ? '変更後の内容でご参加が難しい場合は、上のボタンからキャンセル待ちを取り消せます。'
        : '変更後の内容でご都合が悪い場合は、キャンセル待ちの方のために、上のボタンから参加登録のキャンセルをお願いいたします。',
    ],
    sender,
  });
}
