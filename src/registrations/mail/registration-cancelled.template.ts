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
import { RegistrationStatus } from '../registration-enums';

/** What the person held before the organiser cancelled it. */
export type CancelledHolding =
  RegistrationStatus.REGISTERED | RegistrationStatus.WAITLISTED | RegistrationStatus.INVITED;

export interface RegistrationCancelledEmailData {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  was: CancelledHolding;
  /** The person's meetings at the event that the cancellation called off. */
  meetings: number;
  /**
   * Of those, the ones on a published agenda: each gets its own 面談中止 with the calendar cancel.
   * The other side of every one is told (MeetingsService.cancelForLeaver).
   */
  publishedMeetings: number;
  /** A seat's email carries the METHOD:CANCEL that takes the event off their calendar. */
  calendarCancel?: boolean;
}

/** What the attached METHOD:CANCEL does, said where a phone shows it: its own line. */
export const CALENDAR_CANCEL_NOTE = {
  ja: '添付のカレンダーファイル（cancel.ics）を開くと、カレンダーからこのイベントの予定が削除されます。',
  en: 'Open the attached calendar file (cancel.ics) to remove the event from your calendar.',
} as const;

/** Rows written before the CANCEL was attached: the reader removes the entry by hand. */
const REMOVE_BY_HAND = {
  ja: 'カレンダーに予定を追加されていた場合は、お手数ですが削除をお願いいたします。',
  en: 'If you added the event to your calendar, please remove it.',
} as const;

/** The person's meetings called off with the seat, and which of them get an email of their own. */
export function meetingsCalledOff(locale: MailLocale, meetings: number, publishedMeetings: number): string[] {
  if (meetings === 0) return [];
  if (locale === 'en')
    return [
      `Your ${meetings === 1 ? 'meeting' : `${meetings} meetings`} at the event ${meetings === 1 ? 'is' : 'are'} cancelled too, and we are letting the other side know.` +
        // A meeting on a published agenda also gets its own email, to both sides.
        (publishedMeetings > 0
          ? ` For ${publishedMeetings === 1 ? 'the one' : `the ${publishedMeetings}`} on your agenda, a separate email for each removes it from your calendar.`
          : ''),
    ];
  return [
    `あわせて、このイベントで予定されていた面談（${meetings}件）も取り消し、面談の相手の方にもお知らせします。` +
      (publishedMeetings > 0
        ? `面談スケジュールでお知らせした面談（${publishedMeetings}件）は、カレンダーから削除するためのご案内を面談ごとに別途お送りします。`
        : ''),
  ];
}

/**
 * 参加取消のお知らせ: staff of the organising side cancelled someone's registration (or their place
 * on the waiting list, or their invitation). Without it the person may still turn up on the day.
 * It says who cancelled it and whom to ask, and that their meetings at the event are off too.
 */
export function registrationCancelledEmail(data: RegistrationCancelledEmailData): ComposedEmail {
  const { locale, event, was, meetings, publishedMeetings } = data;
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  // Whom to ask, in the body: the reader's first question is why, and only the organiser knows.
  const reach = event.organizerContact ? organiserContactPoint(locale, event.organizerContact) : '';
  if (locale === 'en') {
    const what = {
      [RegistrationStatus.REGISTERED]: 'your registration for',
      [RegistrationStatus.WAITLISTED]: 'your place on the waiting list for',
      [RegistrationStatus.INVITED]: 'your invitation to',
    }[was];
    const details: EmailDetail[] = [
      { label: 'Event', value: event.title },
      { label: 'Date', value: when },
      ...eventPlaceDetails(locale, event),
    ];
    return renderEmail({
      locale,
      subject: `${
        {
          [RegistrationStatus.REGISTERED]: 'Registration cancelled',
          [RegistrationStatus.WAITLISTED]: 'Waiting list place cancelled',
          [RegistrationStatus.INVITED]: 'Invitation withdrawn',
        }[was]
      }: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        `We are writing to let you know that ${event.organizer}, the organiser, has cancelled ${what} "${event.title}".`,
        ...(was === RegistrationStatus.REGISTERED
          ? ['Your seat at the event is no longer reserved, so please do not come to the venue on the day.']
          : []),
        ...(was === RegistrationStatus.INVITED
          ? ['The buttons in the invitation email no longer work.']
          : []),
        ...meetingsCalledOff(locale, meetings, publishedMeetings),
        `If you have any questions, please contact ${event.organizer}${reach ? ` (${reach})` : ''}.`,
      ],
      details,
      notes: was === RegistrationStatus.REGISTERED ? [calendarNote(locale, data)] : undefined,
      sender: eventSenderLines(locale, event),
    });
  }
  const what = {
    [RegistrationStatus.REGISTERED]: 'への参加登録',
    [RegistrationStatus.WAITLISTED]: 'のキャンセル待ち',
    [RegistrationStatus.INVITED]: 'へのご招待',
  }[was];
  const details: EmailDetail[] = [
    { label: 'イベント', value: event.title },
    { label: '日時', value: when },
    ...eventPlaceDetails(locale, event),
  ];
  return renderEmail({
    locale,
    // What was cancelled, first: someone invited never registered, and one waiting had no seat.
    subject: `【${
      {
        [RegistrationStatus.REGISTERED]: '参加取消',
        [RegistrationStatus.WAITLISTED]: 'キャンセル待ち取消',
        [RegistrationStatus.INVITED]: 'ご招待取消',
      }[was]
    }のお知らせ】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      `このたび、${inBrackets(event.title)}${what}を、主催者の${event.organizer}にて取り消しましたので、お知らせいたします。`,
      ...(was === RegistrationStatus.REGISTERED
        ? ['当日のお席はご用意できなくなりましたので、ご来場はお控えくださいますようお願いいたします。']
        : []),
      ...(was === RegistrationStatus.INVITED
        ? ['お送りしたご招待メールのボタンは、お使いいただけなくなりました。']
        : []),
      ...meetingsCalledOff(locale, meetings, publishedMeetings),
      `ご不明な点がございましたら、お手数ですが${event.organizer}${reach ? `（${reach}）` : ''}までお問い合わせください。`,
    ],
    details,
    notes: was === RegistrationStatus.REGISTERED ? [calendarNote(locale, data)] : undefined,
    sender: eventSenderLines(locale, event),
  });
}

function calendarNote(locale: MailLocale, data: { calendarCancel?: boolean }): string {
  return (data.calendarCancel ? CALENDAR_CANCEL_NOTE : REMOVE_BY_HAND)[locale];
}
