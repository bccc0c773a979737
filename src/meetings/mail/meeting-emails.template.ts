import { EventMailContext } from '../../mail/event-mail-context';
import {
  ComposedEmail,
  MailLocale,
  greetingFor,
  organiserLines,
  renderEmail,
} from '../../mail/templates/email-layout';
import { formatDeadline, formatEventTime } from '../../mail/templates/mail-dates';
import { MeetingRequestStatus } from '../meeting-enums';
import { counterpartLabel, MeetingCalendarEntry, placeLabel } from '../meeting-ics';

interface Person {
  name: string;
  company: string | null;
}

const who = (person: Person) => (person.company ? `${person.name}（${person.company}）` : person.name);

/** To the person asked: who asks, their message, and accept / decline buttons (or "confirmed"). */
export function meetingRequestEmail(data: {
  locale: MailLocale;
  recipientName: string;
  requester: Person;
  message: string;
  event: EventMailContext;
  /** Null when the event accepts requests automatically: the meeting is already agreed. */
  links: { accept: string; decline: string; expiresAt: Date } | null;
}): ComposedEmail {
  const { locale, event } = data;
  const sender = organiserLines(locale, event.organizer, event.coHosts);
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Meeting request from ${data.requester.name}: ${event.title}`,
      greeting: greetingFor(locale, data.recipientName),
      paragraphs: [
        `${who(data.requester)} would like to meet you at "${event.title}".`,
        data.links
          ? 'Please let them know with one of the buttons below. Your contact details are shared only if you accept.'
          : 'The organiser accepts meeting requests automatically for this event, so the meeting is agreed. The time and table will follow with your agenda.',
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: when },
        ...(data.message ? [{ label: 'Message', value: data.message }] : []),
      ],
      actions: data.links
        ? [
            { label: 'Accept', url: data.links.accept, primary: true },
            { label: 'Decline', url: data.links.decline },
          ]
        : [],
      notes: data.links
        ? [
            `Please answer by ${formatDeadline(locale, data.links.expiresAt)}; after that the request expires.`,
          ]
        : [],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【面談のお申込】${data.requester.name} 様より（${event.title}）`,
    greeting: greetingFor(locale, data.recipientName),
    paragraphs: [
      `${who(data.requester)} 様より、「${event.title}」での面談のお申込がありました。`,
      data.links
        ? '下のボタンからご回答ください。承諾された場合に限り、お互いの連絡先（メールアドレス・電話番号）をお知らせします。'
        : 'このイベントでは面談のお申込が自動で成立します。面談の時間とテーブルは、後日お送りする面談スケジュールでお知らせします。',
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: when },
      ...(data.message ? [{ label: 'メッセージ', value: data.message }] : []),
    ],
    actions: data.links
      ? [
          { label: '承諾する', url: data.links.accept, primary: true },
          { label: 'お断りする', url: data.links.decline },
        ]
      : [],
    notes: data.links
      ? [
          `回答期限は ${formatDeadline(locale, data.links.expiresAt)} です。期限を過ぎると、お申込は無効になります。`,
        ]
      : [],
    sender,
  });
}

/**
 * To the requester: accepted (with the other side's contact details), declined, or not answered by
 * its deadline (expired).
 */
export function meetingOutcomeEmail(data: {
  locale: MailLocale;
  requesterName: string;
  recipient: Person & { email: string; phone: string | null };
  outcome: MeetingOutcome;
  /** When the request expired (for EXPIRED). */
  deadline: Date;
  event: EventMailContext;
}): ComposedEmail {
  const { locale, event, outcome } = data;
  const accepted = outcome === MeetingRequestStatus.ACCEPTED;
  const sender = organiserLines(locale, event.organizer, event.coHosts);
  const contact = [
    { label: locale === 'en' ? 'Email' : 'メール', value: data.recipient.email },
    ...(data.recipient.phone
      ? [{ label: locale === 'en' ? 'Phone' : '電話', value: data.recipient.phone }]
      : []),
  ];
  if (locale === 'en') {
    const paragraphs: Record<MeetingOutcome, string[]> = {
      ACCEPTED: [
        `${who(data.recipient)} accepted your meeting request for "${event.title}".`,
        'The time and table will follow with your agenda. Their contact details are below.',
      ],
      DECLINED: [
        `${who(data.recipient)} is unable to meet at "${event.title}" this time.`,
        'We hope you meet many other participants at the event.',
      ],
      EXPIRED: [
        `${who(data.recipient)} did not answer your meeting request for "${event.title}" by ${formatDeadline(locale, data.deadline)}, so the request has expired.`,
        'You can still ask other participants for a meeting, or ask again if you wish.',
      ],
    };
    return renderEmail({
      locale,
      subject: accepted
        ? `Meeting agreed with ${data.recipient.name}: ${event.title}`
        : `Your meeting request to ${data.recipient.name}: ${event.title}`,
      greeting: greetingFor(locale, data.requesterName),
      paragraphs: paragraphs[outcome],
      details: [{ label: 'Event', value: event.title }, ...(accepted ? contact : [])],
      sender,
    });
  }
  const paragraphs: Record<MeetingOutcome, string[]> = {
    ACCEPTED: [
      `${who(data.recipient)} 様が、「${event.title}」での面談を承諾されました。`,
      '面談の時間とテーブルは、面談スケジュールとしてあらためてお送りします。先方の連絡先は次のとおりです。',
    ],
    DECLINED: [
      `${who(data.recipient)} 様は、今回は面談をお受けできないとのことです。`,
      '当日は他の参加者の方との出会いもぜひお楽しみください。',
    ],
    EXPIRED: [
      `${who(data.recipient)} 様への「${event.title}」での面談のお申込は、回答期限（${formatDeadline(locale, data.deadline)}）までにお返事がなかったため、無効となりました。`,
      '他の参加者の方への面談のお申込や、あらためてのお申込は引き続きご利用いただけます。',
    ],
  };
  return renderEmail({
    locale,
    subject: accepted
      ? `【面談成立】${data.recipient.name} 様（${event.title}）`
      : `【面談のお申込について】${data.recipient.name} 様（${event.title}）`,
    greeting: greetingFor(locale, data.requesterName),
    paragraphs: paragraphs[outcome],
    details: [{ label: 'イベント', value: event.title }, ...(accepted ? contact : [])],
    sender,
  });
}

/** What a requester is told about: the answer, or that none came in time. */
export type MeetingOutcome =
  MeetingRequestStatus.ACCEPTED | MeetingRequestStatus.DECLINED | MeetingRequestStatus.EXPIRED;

function entryLines(locale: MailLocale, entries: MeetingCalendarEntry[]) {
  return entries.map((entry) => ({
    label: formatEventTime(locale, entry.startsAt, entry.endsAt),
    value: `${counterpartLabel(entry)}\n${placeLabel(locale, entry)}`,
  }));
}

/** A participant's schedule at an event; the .ics is attached by the composer. */
export function agendaEmail(data: {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  entries: MeetingCalendarEntry[];
  feedUrl: string;
}): ComposedEmail {
  const { locale, event } = data;
  const sender = organiserLines(locale, event.organizer, event.coHosts);
  const place = [event.venue, event.onlineUrl].filter(Boolean).join(' / ');
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Your meeting schedule: ${event.title} (${data.entries.length} meetings)`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `Here is your meeting schedule for "${event.title}". The attached calendar file adds the meetings to your calendar.`,
        'If a meeting changes, we will send the update again; your calendar updates the same entries.',
      ],
      details: [...(place ? [{ label: 'Venue', value: place }] : []), ...entryLines(locale, data.entries)],
      actions: [{ label: 'Subscribe to my meeting calendar', url: data.feedUrl }],
      notes: ['The calendar link is personal: please do not share it.'],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【面談スケジュール】${event.title}（${data.entries.length}件）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `「${event.title}」の面談スケジュールをお送りします。添付のカレンダーファイル（.ics）を開くと、予定をカレンダーに登録できます。`,
      '面談に変更があった場合はあらためてお送りし、カレンダーの同じ予定が更新されます。',
    ],
    details: [...(place ? [{ label: '会場', value: place }] : []), ...entryLines(locale, data.entries)],
    actions: [{ label: 'カレンダーで購読する', url: data.feedUrl }],
    notes: ['購読用リンクはご本人専用です。他の方と共有しないでください。'],
    sender,
  });
}

/** One meeting called off; the CANCEL .ics removes it from the calendar. */
export function meetingCancelledEmail(data: {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  entry: MeetingCalendarEntry;
}): ComposedEmail {
  const { locale, event, entry } = data;
  const sender = organiserLines(locale, event.organizer, event.coHosts);
  const [line] = entryLines(locale, [entry]);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Meeting cancelled: ${entry.counterpartName} (${event.title})`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `Your meeting with ${counterpartLabel(entry)} at "${event.title}" has been cancelled.`,
        'The attached calendar file removes it from your calendar.',
      ],
      details: [line],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【面談中止】${entry.counterpartName} 様との面談（${event.title}）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `「${event.title}」での ${counterpartLabel(entry)} 様との面談は中止となりました。`,
      '添付のカレンダーファイルを開くと、カレンダーから予定が削除されます。',
    ],
    details: [line],
    sender,
  });
}

/**
 * 開催中止: the whole event is called off. To everyone who had a seat or was waiting for one, with
 * the meetings they had on their agenda (each removed by the attached METHOD:CANCEL).
 */
export function eventCancelledEmail(data: {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  entries: MeetingCalendarEntry[];
}): ComposedEmail {
  const { locale, event, entries } = data;
  const sender = organiserLines(locale, event.organizer, event.coHosts);
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Cancelled: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `We regret to inform you that "${event.title}", planned for ${when}, has been cancelled. We apologise for any inconvenience, and thank you for your registration.`,
        ...(entries.length
          ? [
              `Your ${entries.length === 1 ? 'meeting' : `${entries.length} meetings`} at the event ${entries.length === 1 ? 'is' : 'are'} cancelled too. The attached calendar file removes ${entries.length === 1 ? 'it' : 'them'} from your calendar.`,
            ]
          : []),
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: when },
        ...entryLines(locale, entries),
      ],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【開催中止】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `${when}に開催を予定しておりました「${event.title}」は、開催を中止することとなりました。お申し込みいただいたにもかかわらず、誠に申し訳ございません。`,
      ...(entries.length
        ? [
            `予定されていた面談（${entries.length}件）もすべて中止となります。添付のカレンダーファイルを開くと、カレンダーから予定が削除されます。`,
          ]
        : []),
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: when },
      ...entryLines(locale, entries),
    ],
    sender,
  });
}
