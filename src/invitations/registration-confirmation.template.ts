import { EventMailContext } from '../mail/event-mail-context';
import {
  eventPlaceDetails,
  ComposedEmail,
  EmailDetail,
  MailLocale,
  eventSenderLines,
  greetingFor,
  inBrackets,
  renderEmail,
} from '../mail/templates/email-layout';
import { formatEventTime } from '../mail/templates/mail-dates';
import { EventRole } from '../registrations/registration-enums';

export interface RegistrationConfirmationData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  /** On the waiting list rather than seated. */
  waitlisted: boolean;
  cancelUrl: string;
  /** How they take part, when it is not as a visitor: an exhibitor learns their booth here. */
  role?: EventRole;
  booth?: string | null;
}

const ROLE_NAME: Record<MailLocale, Record<EventRole, string>> = {
  ja: {
    VISITOR: '来場者',
    EXHIBITOR: '出展者',
    BUYER: 'バイヤー',
    SELLER: 'サプライヤー',
    SPEAKER: '登壇者',
  },
  en: { VISITOR: 'Visitor', EXHIBITOR: 'Exhibitor', BUYER: 'Buyer', SELLER: 'Supplier', SPEAKER: 'Speaker' },
};

/** 参加区分: 出展者（ブース A-01）; nothing for a visitor, the usual way to come. */
function roleDetails(
  locale: MailLocale,
  role: EventRole | undefined,
  booth: string | null | undefined,
): EmailDetail[] {
  if (!role || role === EventRole.VISITOR) return [];
  const name = ROLE_NAME[locale][role];
  if (locale === 'en') return [{ label: 'Taking part as', value: booth ? `${name} (booth ${booth})` : name }];
  return [{ label: '参加区分', value: booth ? `${name}（ブース ${booth}）` : name }];
}

/**
 * The answer to a registration, an accepted invitation or one of the participant's own (or made by
 * staff for them): registered (with the date, the place and how to cancel) or on the waiting list. Transactional: the reader just asked for it.
 */
export function registrationConfirmationEmail(data: RegistrationConfirmationData): ComposedEmail {
  const { event, locale, waitlisted } = data;
  const time = formatEventTime(locale, event.startsAt, event.endsAt);
  if (locale === 'en') {
    const details: EmailDetail[] = [
      { label: 'Event', value: event.title },
      { label: 'Date', value: time },
      ...eventPlaceDetails(locale, event),
      ...roleDetails(locale, data.role, data.booth),
    ];
    return renderEmail({
      locale,
      subject: waitlisted ? `Waiting list: ${event.title}` : `You are registered: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: waitlisted
        ? [
            `Thank you for your interest in "${event.title}". The event is full, so you are on the waiting list.`,
            'If a seat becomes free, you will be registered in the order of the waiting list.',
          ]
        : [`You are registered for "${event.title}". We look forward to seeing you.`],
      details,
      actions: [
        { label: waitlisted ? 'Leave the waiting list' : 'Cancel my registration', url: data.cancelUrl },
      ],
      notes: waitlisted
        ? ['If you no longer wish to attend, you can leave the waiting list with the button above.']
        : [
            'Open the attached calendar file (event.ics) to add the event to your calendar.',
            'If you can no longer attend, please cancel with the button above so someone on the waiting list can join.',
          ],
      sender: eventSenderLines(locale, event),
    });
  }
  const details: EmailDetail[] = [
    { label: 'イベント', value: event.title },
    { label: '日時', value: time },
    ...eventPlaceDetails(locale, event),
    ...roleDetails(locale, data.role, data.booth),
  ];
  return renderEmail({
    locale,
    subject: waitlisted ? `【キャンセル待ち】${event.title}` : `【参加登録完了】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: waitlisted
      ? [
          `${inBrackets(event.title)}へのご参加のお申し出、ありがとうございます。定員に達しているため、キャンセル待ちとして承りました。`,
          '席が空き次第、キャンセル待ちの順に参加登録いたします。',
        ]
      : [`${inBrackets(event.title)}への参加登録が完了しました。当日お会いできるのを楽しみにしております。`],
    details,
    actions: [
      { label: waitlisted ? 'キャンセル待ちを取り消す' : '参加をキャンセルする', url: data.cancelUrl },
    ],
    notes: waitlisted
      ? ['ご参加が難しくなった場合は、上のボタンからキャンセル待ちを取り消せます。']
      : [
          '添付のカレンダーファイル（event.ics）を開くと、カレンダーに予定を追加できます。',
          'ご都合が悪くなった場合は、キャンセル待ちの方のために、上のボタンから参加登録のキャンセルをお願いいたします。',
        ],
    sender: eventSenderLines(locale, event),
  });
}
