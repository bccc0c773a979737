import { EventMailContext } from '../mail/event-mail-context';
import {
  ComposedEmail,
  eventPlaceDetails,
  eventSenderLines,
  greetingFor,
  inBrackets,
  MailLocale,
  renderEmail,
} from '../mail/templates/email-layout';
import { formatDeadline, formatEventTime } from '../mail/templates/mail-dates';

export interface InvitationDeadlineEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  /** The 申込締切 now; null: taken away after it had passed, so answers are taken again. */
  closesAt: Date | null;
  /** The one the invitee was told before, if any. */
  wasClosesAt: Date | null;
  acceptUrl: string;
  declineUrl: string;
  unsubscribeUrl: string | null;
}

/**
 * 申込締切のお知らせ: to an invitee who has not answered, when staff set the 申込締切 after the
 * invitation went out or moved it. The invitation said 「開催終了まで有効」 or another date; after
 * the new one 参加する is refused, so they hear of it, with the buttons to answer by then.
 */
export function invitationDeadlineEmail(data: InvitationDeadlineEmailData): ComposedEmail {
  const { event, locale, closesAt, wasClosesAt } = data;
  const sender = eventSenderLines(locale, event);
  if (locale === 'en') {
    const now = closesAt ? formatDeadline(locale, closesAt) : null;
    const was = wasClosesAt ? formatDeadline(locale, wasClosesAt) : null;
    return renderEmail({
      locale,
      subject: `Registration deadline: ${event.title} (${event.organizer})`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        now
          ? was
            ? `The registration deadline for "${event.title}", to which you were invited, has changed from ${was} to ${now}.`
            : `Registration for "${event.title}", to which you were invited, now closes on ${now}.`
          : `Registration for "${event.title}", to which you were invited, is open again until the event ends.`,
        now
          ? `Please let us know whether you can join by ${now}, choosing one of the buttons below.`
          : 'Please let us know whether you can join by choosing one of the buttons below.',
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: formatEventTime(locale, event.startsAt, event.endsAt) },
        ...eventPlaceDetails(locale, event),
        {
          label: 'Registration closes',
          value: `${now ?? 'None (until the event ends)'} (changed)${was ? `\n(before: ${was})` : ''}`,
        },
      ],
      actions: [
        { label: 'Accept', url: data.acceptUrl, primary: true },
        { label: 'Decline', url: data.declineUrl },
      ],
      notes: [
        ...(event.capacity === null ? [] : ['If the event is full, you will be put on the waiting list.']),
        'If this email was not meant for you, please ignore it.',
      ],
      sender,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
  const now = closesAt ? formatDeadline(locale, closesAt) : null;
  const was = wasClosesAt ? formatDeadline(locale, wasClosesAt) : null;
  return renderEmail({
    locale,
    subject: `【申込締切のお知らせ】${event.title}（${event.organizer}）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      now
        ? was
          ? `先日ご案内した${inBrackets(event.title)}の申込締切を、${was}から${now}に変更しました。`
          : `先日ご案内した${inBrackets(event.title)}の申込締切を、${now}とさせていただきました。`
        : `先日ご案内した${inBrackets(event.title)}の申込締切を取りやめ、開催終了までご回答を承ることとしました。`,
      now
        ? `ご出欠を、${now}までに下のボタンからお知らせください。`
        : 'ご出欠を、下のボタンからお知らせください。',
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: formatEventTime(locale, event.startsAt, event.endsAt) },
      ...eventPlaceDetails(locale, event),
      {
        label: '申込締切',
        value: `${now ?? 'なし（開催終了まで）'}（変更）${was ? `\n（変更前: ${was}）` : ''}`,
      },
    ],
    actions: [
      { label: '参加する', url: data.acceptUrl, primary: true },
      { label: '辞退する', url: data.declineUrl },
    ],
    notes: [
      ...(event.capacity === null ? [] : ['定員に達している場合は、キャンセル待ちとして承ります。']),
      'お心当たりのない場合は、このメールを破棄してください。',
    ],
    sender,
    unsubscribeUrl: data.unsubscribeUrl,
  });
}
