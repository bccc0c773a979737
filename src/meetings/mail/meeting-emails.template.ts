import { EventMailContext } from '../../mail/event-mail-context';
import {
  eventPlaceDetails,
  ComposedEmail,
  EmailSection,
  MailLocale,
  greetingFor,
  eventSenderLines,
  inBrackets,
  renderEmail,
} from '../../mail/templates/email-layout';
import { formatDeadline, formatEventTime, formatShortTime } from '../../mail/templates/mail-dates';
import { AgendaChanges, AgendaMark, AgendaSlot } from '../agenda-changes';
import { counterpartLine, nameShownToOthers, participantLabel } from '../../participants/participant-label';
import { Participant } from '../../participants/participant.entity';
import { ProfileIntroduction } from '../../participants/profile-summary';
import { MeetingRequestStatus } from '../meeting-enums';
import { subscribeLinks } from '../agenda-feed-links';
import { counterpartLabel, MeetingCalendarEntry, MissedBy, placeLabel } from '../meeting-ics';

interface Person {
  name: string;
  company: string | null;
}

/** The other side as read from their row: `name` is null once they are erased (named to nobody). */
interface Counterpart {
  name: string | null;
  company: string | null;
}

/** The other side's email and phone, or null when they did not consent to share them. */
export interface SharedContact {
  email: string;
  phone: string | null;
}

const who = (locale: MailLocale, person: Person) => participantLabel(locale, person.name, person.company);

/** The details lines with the other side's contact, when shared. */
function contactLines(locale: MailLocale, contact: SharedContact | null) {
  if (!contact) return [];
  return [
    { label: locale === 'en' ? 'Email' : 'メール', value: contact.email },
    ...(contact.phone ? [{ label: locale === 'en' ? 'Phone' : '電話', value: contact.phone }] : []),
  ];
}

/**
 * After "the meeting is agreed": what comes next. `atVenue` is the meeting's own (a meeting at the
 * venue, written at once at an event without 商談枠 by MeetingsService.meetAtVenue), read when the
 * email is composed or the page shown, as the agenda reads it: staff may give a salon its first
 * 商談枠 between the agreement and this email, and a meeting at the venue still gets no time. The
 * event only words it: one given 商談枠 since has time slots, and the meeting is outside them (as
 * the agenda's VENUE_SECTION.besideSlots says). The 面談成立 emails and the page behind a digest's
 * link (SuggestionPagesController) both say it this way, so they never contradict each other.
 */
export function agreedWhatNext(
  locale: MailLocale,
  atVenue: boolean,
  event: Pick<EventMailContext, 'withoutSlots'>,
): string {
  if (locale === 'en')
    return !atVenue
      ? 'The time and place will follow with your agenda.'
      : event.withoutSlots
        ? 'This event has no set meeting times: please find each other at the venue on the day.'
        : 'You meet at the venue, outside the time slots: please find each other there on the day.';
  return !atVenue
    ? '面談の時間と場所は、面談スケジュールとしてあらためてお送りします。'
    : event.withoutSlots
      ? 'このイベントでは面談の時間枠を設けていません。当日、会場でお声がけください。'
      : '時間枠によらず会場内でお会いいただく面談です。当日、会場でお声がけください。';
}

/** After "the meeting is agreed": what follows (agreedWhatNext), and the contact details or why there are none. */
function agreedFollowUp(
  locale: MailLocale,
  contact: SharedContact | null,
  event: EventMailContext,
  atVenue: boolean,
): string {
  const next = agreedWhatNext(locale, atVenue, event);
  if (locale === 'en')
    return contact
      ? `${next} Their contact details are below.`
      : `${next} At their request their contact details are not shared${atVenue ? '.' : '; please meet them at the venue on the day.'}`;
  return contact
    ? `${next}先方の連絡先は次のとおりです。`
    : `${next}先方のご意向により連絡先はお知らせしておりません。${atVenue ? '' : '当日、会場でお会いください。'}`;
}

/**
 * To the person asked: who asks (introduced as the おすすめ digest introduces people: industry and
 * area, what they offer and look for), their message, and accept / decline buttons.
 */
export function meetingRequestEmail(data: {
  locale: MailLocale;
  recipientName: string;
  requester: Person & ProfileIntroduction;
  message: string;
  event: EventMailContext;
  links: { accept: string; decline: string; expiresAt: Date };
}): ComposedEmail {
  const { locale, event } = data;
  const sender = eventSenderLines(locale, event);
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Meeting request from ${data.requester.name}: ${event.title}`,
      greeting: greetingFor(locale, data.recipientName),
      paragraphs: [
        `${who(locale, data.requester)} would like to meet you at "${event.title}".`,
        'Please let them know with one of the buttons below. If you accept, you will both be sent a confirmation; contact details (email, phone) are included only for those who agreed to share them.',
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: when },
        ...(data.requester.about ? [{ label: 'Industry, area', value: data.requester.about }] : []),
        ...(data.requester.offers ? [{ label: 'They offer', value: data.requester.offers }] : []),
        ...(data.requester.needs ? [{ label: 'They are looking for', value: data.requester.needs }] : []),
        ...(data.message ? [{ label: 'Message', value: data.message }] : []),
      ],
      actions: [
        { label: 'Accept', url: data.links.accept, primary: true },
        { label: 'Decline', url: data.links.decline },
      ],
      notes: [
        `Please answer by ${formatDeadline(locale, data.links.expiresAt)}; after that the request expires.`,
      ],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【面談のお申込】${data.requester.name} 様より（${event.title}）`,
    greeting: greetingFor(locale, data.recipientName),
    paragraphs: [
      `${who(locale, data.requester)} 様より、${inBrackets(event.title)}での面談のお申込がありました。`,
      '下のボタンからご回答ください。承諾されると面談が成立し、お二人に成立のお知らせをお送りします。連絡先（メールアドレス・電話番号）は、開示に同意された方の分に限りお知らせします。',
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: when },
      ...(data.requester.about ? [{ label: '業種・地域', value: data.requester.about }] : []),
      ...(data.requester.offers ? [{ label: '提供できること', value: data.requester.offers }] : []),
      ...(data.requester.needs ? [{ label: '求めること', value: data.requester.needs }] : []),
      ...(data.message ? [{ label: 'メッセージ', value: data.message }] : []),
    ],
    actions: [
      { label: '承諾する', url: data.links.accept, primary: true },
      { label: 'お断りする', url: data.links.decline },
    ],
    notes: [
      `回答期限は ${formatDeadline(locale, data.links.expiresAt)} です。期限を過ぎると、お申込は無効になります。`,
    ],
    sender,
  });
}

/**
 * To the person asked, once the meeting is agreed: they accepted it, or the event agreed it
 * automatically (then this is the first they hear of it, so the requester's message comes along).
 * Carries the requester's contact details when the requester consented to share them.
 */
export function meetingAgreedEmail(data: {
  locale: MailLocale;
  recipientName: string;
  requester: Person;
  contact: SharedContact | null;
  autoAccepted: boolean;
  message: string;
  event: EventMailContext;
  /** The agreed meeting is one at the venue: no time is to come (else it waits for a slot or has one). */
  atVenue: boolean;
}): ComposedEmail {
  const { locale, event } = data;
  const sender = eventSenderLines(locale, event);
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  const message = data.autoAccepted && data.message ? data.message : null;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Meeting agreed with ${data.requester.name}: ${event.title}`,
      greeting: greetingFor(locale, data.recipientName),
      paragraphs: [
        data.autoAccepted
          ? `${who(locale, data.requester)} asked to meet you at "${event.title}". The organiser agrees meeting requests automatically for this event, so the meeting is agreed.`
          : `Thank you for accepting: your meeting with ${who(locale, data.requester)} at "${event.title}" is agreed.`,
        agreedFollowUp(locale, data.contact, event, data.atVenue),
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: when },
        ...eventPlaceDetails(locale, event),
        ...(message ? [{ label: 'Message', value: message }] : []),
        ...contactLines(locale, data.contact),
      ],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【面談成立】${data.requester.name} 様（${event.title}）`,
    greeting: greetingFor(locale, data.recipientName),
    paragraphs: [
      data.autoAccepted
        ? `${who(locale, data.requester)} 様より${inBrackets(event.title)}での面談のお申込がありました。このイベントでは面談のお申込が自動で成立するため、面談が成立しました。`
        : `お申込を承諾いただき、ありがとうございます。${who(locale, data.requester)} 様との${inBrackets(event.title)}での面談が成立しました。`,
      agreedFollowUp(locale, data.contact, event, data.atVenue),
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: when },
      // Where "at the venue" is: the 会場 (or the online address) in the reader's language.
      ...eventPlaceDetails(locale, event),
      ...(message ? [{ label: 'メッセージ', value: message }] : []),
      ...contactLines(locale, data.contact),
    ],
    sender,
  });
}

/**
 * To the requester: accepted or agreed automatically (with the other side's contact details when
 * they consented to share them), declined, or not answered by its deadline (expired). `recipient`
 * is null when the person asked was erased since: the email then names nobody.
 */
export function meetingOutcomeEmail(data: {
  locale: MailLocale;
  requesterName: string;
  recipient: Person | null;
  /** Only for an agreed meeting, and only when the recipient consented; otherwise null. */
  contact: SharedContact | null;
  outcome: MeetingOutcome;
  /** What the person asked wrote with their answer (may be empty). */
  reply: string;
  /** The event agreed the request automatically: nobody "accepted" it. */
  autoAccepted: boolean;
  /** When the request expired (for EXPIRED). */
  deadline: Date;
  event: EventMailContext;
  /** For ACCEPTED: the agreed meeting is one at the venue, with no time to come. */
  atVenue: boolean;
}): ComposedEmail {
  const { locale, event, outcome, recipient } = data;
  const accepted = outcome === MeetingRequestStatus.ACCEPTED;
  const sender = eventSenderLines(locale, event);
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  const contact = accepted ? contactLines(locale, data.contact) : [];
  // Where to meet, for an agreed meeting: for one at the venue the email is all they get.
  const place = accepted ? eventPlaceDetails(locale, event) : [];
  const reply =
    data.reply && outcome !== MeetingRequestStatus.EXPIRED
      ? [{ label: locale === 'en' ? 'Their message' : '先方からのメッセージ', value: data.reply }]
      : [];
  const them = recipient && who(locale, recipient);
  const deadline = formatDeadline(locale, data.deadline);
  if (locale === 'en') {
    const paragraphs: Record<MeetingOutcome, string[]> = {
      ACCEPTED: [
        data.autoAccepted
          ? `The organiser agrees meeting requests automatically for "${event.title}", so your meeting${them ? ` with ${them}` : ''} is agreed.`
          : them
            ? `${them} accepted your meeting request for "${event.title}".`
            : `Your meeting request for "${event.title}" has been accepted.`,
        agreedFollowUp(locale, data.contact, event, data.atVenue),
      ],
      DECLINED: [
        them
          ? `${them} is unable to meet at "${event.title}" this time.`
          : `The participant you asked is unable to meet at "${event.title}" this time.`,
        'We hope you meet many other participants at the event.',
      ],
      EXPIRED: [
        them
          ? `${them} did not answer your meeting request for "${event.title}" by ${deadline}, so the request has expired.`
          : `Your meeting request for "${event.title}" was not answered by ${deadline}, so it has expired.`,
        'You can still ask other participants for a meeting, or ask again if you wish.',
      ],
    };
    const name = recipient?.name;
    return renderEmail({
      locale,
      subject: {
        ACCEPTED: name ? `Meeting agreed with ${name}: ${event.title}` : `Meeting agreed: ${event.title}`,
        DECLINED: name
          ? `${name} cannot meet this time: ${event.title}`
          : `Your meeting request cannot go ahead this time: ${event.title}`,
        EXPIRED: name
          ? `Your meeting request to ${name} has expired: ${event.title}`
          : `Your meeting request has expired: ${event.title}`,
      }[outcome],
      greeting: greetingFor(locale, data.requesterName),
      paragraphs: paragraphs[outcome],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: when },
        ...place,
        ...reply,
        ...contact,
      ],
      sender,
    });
  }
  const paragraphs: Record<MeetingOutcome, string[]> = {
    ACCEPTED: [
      data.autoAccepted
        ? `${inBrackets(event.title)}では面談のお申込が自動で成立するため、${them ? `${them} 様との` : ''}面談が成立しました。`
        : them
          ? `${them} 様が、${inBrackets(event.title)}での面談を承諾されました。`
          : `${inBrackets(event.title)}での面談のお申込が承諾され、面談が成立しました。`,
      agreedFollowUp(locale, data.contact, event, data.atVenue),
    ],
    DECLINED: [
      them
        ? `${them} 様は、今回は面談をお受けできないとのことです。`
        : `${inBrackets(event.title)}での面談のお申込について、お相手の方は今回は面談をお受けできないとのことです。`,
      '当日は他の参加者の方との出会いもぜひお楽しみください。',
    ],
    EXPIRED: [
      `${them ? `${them} 様への` : ''}${inBrackets(event.title)}での面談のお申込は、回答期限（${deadline}）までにお返事がなかったため、無効となりました。`,
      '他の参加者の方へのお申込や、あらためてのお申込は引き続き可能です。',
    ],
  };
  // 〇〇 様（イベント名）, or the event alone when the other side is named to nobody.
  const about = recipient ? `${recipient.name} 様（${event.title}）` : event.title;
  return renderEmail({
    locale,
    subject: {
      ACCEPTED: `【面談成立】${about}`,
      DECLINED: `【面談のお申込：今回は見送り】${about}`,
      EXPIRED: `【面談のお申込：回答期限切れ】${about}`,
    }[outcome],
    greeting: greetingFor(locale, data.requesterName),
    paragraphs: paragraphs[outcome],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: when },
      ...place,
      ...reply,
      ...contact,
    ],
    sender,
  });
}

/** What a requester is told about: the answer, or that none came in time. */
export type MeetingOutcome =
  MeetingRequestStatus.ACCEPTED | MeetingRequestStatus.DECLINED | MeetingRequestStatus.EXPIRED;

/** One detail line per meeting: when, with whom, where; 【変更】 (with where it was) or 【追加】 when marked. */
export function entryLines(
  locale: MailLocale,
  entries: MeetingCalendarEntry[],
  marks?: Map<string, AgendaMark>,
) {
  return entries.map((entry) => {
    // A meeting recorded as missed is past, so it cannot have moved since: what it is comes first.
    if (entry.missedBy)
      return {
        label: formatEventTime(locale, entry.startsAt, entry.endsAt),
        value: [
          counterpartLine(locale, entry.counterpartName, entry.counterpartCompany),
          placeLabel(locale, entry),
          MISSED[locale][entry.missedBy],
        ].join('\n'),
        mark: MISSED[locale].mark,
      };
    const mark = marks?.get(entry.id);
    return {
      label: formatEventTime(locale, entry.startsAt, entry.endsAt),
      value: [
        counterpartLine(locale, entry.counterpartName, entry.counterpartCompany),
        placeLabel(locale, entry),
        ...(mark?.kind === 'CHANGED' ? [beforeNote(locale, mark.before)] : []),
      ].join('\n'),
      ...(mark ? { mark: markLabel(locale, mark) } : {}),
    };
  });
}

const MARKS = {
  ja: { ADDED: '【追加】', CHANGED: '【変更】' },
  en: { ADDED: '[New] ', CHANGED: '[Changed] ' },
} as const;

const markLabel = (locale: MailLocale, mark: AgendaMark) => MARKS[locale][mark.kind];

/**
 * A meeting staff recorded as missed (不参加) stays on the agenda, marked: it did not go ahead, but
 * it was not called off either, and the reader recorded as absent by mistake learns of it here and
 * can say so to the organiser.
 */
const MISSED = {
  ja: {
    mark: '【不参加】',
    YOU: '（ご欠席と記録されています。お心当たりがない場合は主催者までご連絡ください）',
    THEM: '（先方がお越しになれず、面談は行われませんでした）',
    BOTH: '（おふたりともご欠席と記録されています。お心当たりがない場合は主催者までご連絡ください）',
  },
  en: {
    mark: '[Missed] ',
    YOU: '(You were recorded as not attending. If that is not right, please tell the organiser.)',
    THEM: '(The other side could not come, so the meeting did not take place.)',
    BOTH: '(Neither side was recorded as attending. If that is not right, please tell the organiser.)',
  },
} as const;

/** Where and when it was: 12月10日(木) 14:00 テーブル 1, or that it had no time. */
function slotText(locale: MailLocale, slot: AgendaSlot | null): string {
  if (!slot) return locale === 'en' ? 'no time yet' : '時間未定';
  const place = placeLabel(locale, { booth: slot.booth, tableLabel: slot.table });
  return locale === 'en'
    ? `${formatShortTime(locale, slot.startsAt)}, ${place}`
    : `${formatShortTime(locale, slot.startsAt)} ${place}`;
}

/** （変更前: 12月10日(木) 14:00 テーブル 1） under a meeting that moved. */
function beforeNote(locale: MailLocale, before: AgendaSlot | null): string {
  return locale === 'en'
    ? `(before: ${slotText(locale, before)})`
    : `（変更前: ${slotText(locale, before)}）`;
}

/** The other side as an agenda names them: nobody once erased (nor a row gone missing). */
export const counterpartOf = (other: Participant | undefined): Counterpart => ({
  name: other ? nameShownToOthers(other) : null,
  company: other?.company?.name ?? null,
});

/**
 * The agreed meetings without a time and the changes, as an agenda (the email or the page) lists
 * them: each with the other side's name, the meetings gone with whom they were.
 */
export function agendaListing(
  /** As AgendaService.unscheduled reads them. */
  unscheduled: {
    request: { id: string };
    other: Participant;
    /** Its meeting at the venue; null for an agreed meeting waiting for a time. */
    meeting?: { id: string } | null;
    missedBy?: MissedBy | null;
  }[],
  changes: AgendaChanges | null,
  removedCounterparts: Map<string, Participant>,
): { unscheduled: UnscheduledAgendaPerson[]; changes: AgendaEmailChanges | null } {
  return {
    unscheduled: unscheduled.map(({ request, other, meeting, missedBy }) => ({
      ...counterpartOf(other),
      added: changes?.addedUnscheduled.has(request.id) ?? false,
      missedBy: missedBy ?? null,
      atVenue: (meeting ?? null) !== null,
    })),
    changes: changes && {
      marks: changes.meetings,
      removed: changes.removed.map((entry) => ({
        ...counterpartOf(removedCounterparts.get(entry.requestId)),
        before: entry.before,
        atVenue: entry.atVenue ?? false,
      })),
    },
  };
}

/**
 * An agreed meeting without a time; `added` when the agenda received before did not list it,
 * `missedBy` when it was a meeting at the venue that staff recorded as missed (不参加), `atVenue`
 * when it is a meeting at the venue (no time was ever to come, whatever 商談枠 the event has now).
 */
export interface UnscheduledAgendaPerson extends Counterpart {
  added?: boolean;
  missedBy?: MissedBy | null;
  atVenue?: boolean;
}

/**
 * A meeting on the agenda received before that is called off since: who, and when it was (or that
 * it was to be at the venue, with no time).
 */
export interface RemovedAgendaPerson extends Counterpart {
  before: AgendaSlot | null;
  atVenue?: boolean;
}

/**
 * What changed since the agenda the reader last received: marks on the meetings with a time (by
 * meeting id), and the meetings gone. Null for a first agenda.
 */
export interface AgendaEmailChanges {
  marks: Map<string, AgendaMark>;
  removed: RemovedAgendaPerson[];
}

const VENUE_SECTION = {
  ja: {
    heading: '当日お会いいただく方',
    /** No 商談枠 at all: no time was ever to come, and none is missing. */
    withoutSlots:
      '次の方との面談が成立しています。このイベントでは面談の時間枠を設けていませんので、当日、会場でお声がけください。',
    /** Agreed before the event was given 商談枠: they still meet in the room, outside the slots. */
    besideSlots:
      '次の方との面談が成立しています。時間枠によらず会場内でお会いいただく面談ですので、当日、会場でお声がけください。',
  },
  en: {
    heading: 'People to meet on the day',
    withoutSlots:
      'Your meetings with the people below are agreed. This event has no set meeting times: please find each other at the venue on the day.',
    besideSlots:
      'Your meetings with the people below are agreed, to meet at the venue outside the time slots: please find each other there on the day.',
  },
} as const;

const UNTIMED_SECTION = {
  ja: {
    heading: '時間が未定の面談',
    paragraph:
      '次の方との面談は成立していますが、時間枠に入りきらなかったため、時間と場所が決まっていません。お手数ですが、当日、会場の受付でご相談ください。時間が決まりましたら、あらためてお知らせします。',
  },
  en: {
    heading: 'Meetings without a time yet',
    paragraph:
      'Your meetings with the people below are agreed, but they did not fit into the time slots, so no time or place has been set. Please ask at the reception desk at the venue on the day. If a time is set, we will let you know.',
  },
} as const;

/**
 * Whether an agreed meeting without a time is one at the venue (someone to find in the room, with
 * no time ever to come) rather than one waiting for a slot. Unsaid (a caller that does not know):
 * at an event without 商談枠 every one is at the venue.
 */
const metAtTheVenue = (person: UnscheduledAgendaPerson, event: Pick<EventMailContext, 'withoutSlots'>) =>
  person.atVenue ?? event.withoutSlots ?? false;

/**
 * The agreed meetings without a time, as parts of their own: the meetings at the venue (people to
 * find in the room), then those the schedule had no room for, said plainly, so neither side comes
 * expecting a time that was never set, with where to turn on the day. Which part a meeting is in is
 * its own: a meeting at the venue agreed before the event was given 商談枠 is still one.
 */
export function unscheduledSection(
  locale: MailLocale,
  people: UnscheduledAgendaPerson[],
  event: Pick<EventMailContext, 'withoutSlots'>,
): EmailSection[] {
  // A meeting at the venue recorded as missed is marked as that, as entryLines marks one with a time.
  const item = (person: UnscheduledAgendaPerson) =>
    person.missedBy
      ? `${MISSED[locale].mark}${counterpartLine(locale, person.name, person.company)}\n${MISSED[locale][person.missedBy]}`
      : `${person.added ? MARKS[locale].ADDED : ''}${counterpartLine(locale, person.name, person.company)}`;
  const atVenue = people.filter((person) => metAtTheVenue(person, event));
  const untimed = people.filter((person) => !atVenue.includes(person));
  const venue = VENUE_SECTION[locale];
  return [
    ...(atVenue.length > 0
      ? [
          {
            heading: venue.heading,
            paragraphs: [event.withoutSlots ? venue.withoutSlots : venue.besideSlots],
            items: atVenue.map(item),
          },
        ]
      : []),
    ...(untimed.length > 0
      ? [
          {
            heading: UNTIMED_SECTION[locale].heading,
            paragraphs: [UNTIMED_SECTION[locale].paragraph],
            items: untimed.map(item),
          },
        ]
      : []),
  ];
}

/**
 * What the marks are against: the agenda last emailed (an email), the first one emailed or the one
 * the reader last marked seen (the agenda page, before and after they first mark it).
 */
export type AgendaBaseline = 'LAST_SENT' | 'FIRST_SENT' | 'SEEN';

const BASELINE = {
  ja: {
    LAST_SENT: '前回お送りしたスケジュール',
    FIRST_SENT: '最初にお送りしたスケジュール',
    SEEN: '前回ご確認いただいたスケジュール',
  },
  en: {
    LAST_SENT: 'the schedule we last sent you',
    FIRST_SENT: 'the first schedule we sent you',
    SEEN: 'the schedule you last looked at',
  },
} as const;

/** 前回お送りしたスケジュール, or what else the marks are against, as a phrase. */
export const baselinePhrase = (locale: MailLocale, baseline: AgendaBaseline) => BASELINE[locale][baseline];

/** Where and when a meeting called off was: （12月10日(木) 14:00 テーブル 1）, at the venue, or no time yet. */
function wasNote(locale: MailLocale, entry: { before: AgendaSlot | null; atVenue?: boolean }): string {
  if (locale === 'en')
    return `(was: ${entry.atVenue ? 'to meet at the venue' : slotText(locale, entry.before)})`;
  return `（${entry.atVenue ? '会場内でお会いする予定でした' : entry.before ? slotText(locale, entry.before) : '時間未定でした'}）`;
}

/** ■ 取り消しになった面談: what the agenda the marks are against had and this one has not. */
export function removedSection(
  locale: MailLocale,
  removed: RemovedAgendaPerson[],
  baseline: AgendaBaseline = 'LAST_SENT',
): EmailSection[] {
  if (removed.length === 0) return [];
  const items = removed.map(
    (entry) => `${counterpartLine(locale, entry.name, entry.company)}\n${wasNote(locale, entry)}`,
  );
  if (locale === 'en')
    return [
      {
        heading: 'Cancelled meetings',
        paragraphs: [`These meetings on ${baselinePhrase(locale, baseline)} have been cancelled.`],
        items,
      },
    ];
  return [
    {
      heading: '取り消しになった面談',
      paragraphs: [`${baselinePhrase(locale, baseline)}にあった次の面談は、取り消しになりました。`],
      items,
    },
  ];
}

export interface AgendaChangeCounts {
  changed: number;
  added: number;
  removed: number;
}

/** How many meetings are marked 【変更】 and 【追加】, and how many are gone. */
export function agendaChangeCounts(
  entries: MeetingCalendarEntry[],
  unscheduled: UnscheduledAgendaPerson[],
  changes: AgendaEmailChanges | null | undefined,
): AgendaChangeCounts {
  // A meeting recorded as missed is marked as that (entryLines): where it was before is no longer news.
  const shown = entries
    .filter((entry) => !entry.missedBy)
    .map((entry) => changes?.marks.get(entry.id))
    .filter((mark) => mark !== undefined);
  return {
    changed: shown.filter((mark) => mark.kind === 'CHANGED').length,
    added:
      shown.filter((mark) => mark.kind === 'ADDED').length +
      unscheduled.filter((person) => person.added && !person.missedBy).length,
    removed: changes?.removed.length ?? 0,
  };
}

/** 変更1件・追加1件・取り消し1件 / 1 changed, 1 new, 1 cancelled. */
export function changeCountsText(
  locale: MailLocale,
  { changed, added, removed }: AgendaChangeCounts,
): string {
  if (locale === 'en')
    return [
      changed ? `${changed} changed` : '',
      added ? `${added} new` : '',
      removed ? `${removed} cancelled` : '',
    ]
      .filter(Boolean)
      .join(', ');
  return [
    changed ? `変更${changed}件` : '',
    added ? `追加${added}件` : '',
    removed ? `取り消し${removed}件` : '',
  ]
    .filter(Boolean)
    .join('・');
}

/** Changed, new and cancelled since the last agenda, counted: the first thing an update says. */
function changeSummary(locale: MailLocale, counts: AgendaChangeCounts, title: string): string[] {
  const { changed, added, removed } = counts;
  if (locale === 'en') {
    const marked = [changed ? '[Changed]' : '', added ? '[New]' : ''].filter(Boolean);
    return [
      `Your meeting schedule for "${title}" has changed since the one we last sent you: ${changeCountsText(locale, counts)}.` +
        (marked.length ? ` Look for ${marked.join(' and ')} below.` : '') +
        (removed ? ' Cancelled meetings are listed at the end.' : ''),
    ];
  }
  const marked = [changed ? '変更のあった面談に【変更】' : '', added ? '新しい面談に【追加】' : ''].filter(
    Boolean,
  );
  return [
    `${inBrackets(title)}の面談スケジュールに、前回お送りしたときから${changeCountsText(locale, counts)}がありましたので、あらためてお送りします。` +
      (marked.length ? `${marked.join('、')}と記しています。` : '') +
      (removed ? '取り消しになった面談は、最後にまとめています。' : ''),
  ];
}

/**
 * A participant's schedule at an event: the meetings with a time (the composer attaches them as
 * .ics), then the agreed ones without. Either part may be empty, not both. Sent again after a
 * change, it says so in the subject and marks what changed since the agenda the reader last got.
 */
export function agendaEmail(data: {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  entries: MeetingCalendarEntry[];
  unscheduled: UnscheduledAgendaPerson[];
  feedUrl: string;
  /** The agenda page at this event: the schedule as it stands whenever it is opened. */
  pageUrl: string;
  changes?: AgendaEmailChanges | null;
}): ComposedEmail {
  const { locale, event } = data;
  const sender = eventSenderLines(locale, event);
  const feed = subscribeLinks(data.feedUrl);
  const timed = data.entries.length;
  // The subject counts the people to meet at the venue as such: no time is to come for them.
  const atVenue = data.unscheduled.filter((person) => metAtTheVenue(person, event)).length;
  const untimed = data.unscheduled.length - atVenue;
  const marks = data.changes?.marks;
  // When and where the event is, as the agenda page shows it: for a meeting at the venue, the only
  // time there is.
  const details = [
    {
      label: locale === 'en' ? 'Date' : '日時',
      value: formatEventTime(locale, event.startsAt, event.endsAt),
    },
    ...eventPlaceDetails(locale, event),
    ...entryLines(locale, data.entries, marks),
  ];
  const sections = [
    ...unscheduledSection(locale, data.unscheduled, event),
    ...removedSection(locale, data.changes?.removed ?? []),
  ];
  const counts = agendaChangeCounts(data.entries, data.unscheduled, data.changes);
  const updated = counts.changed + counts.added + counts.removed > 0;
  const summary = updated ? changeSummary(locale, counts, event.title) : [];
  // Every meeting called off since the last one (sent again by staff): it says so, and no more.
  const none = timed === 0 && atVenue === 0 && untimed === 0;
  if (locale === 'en') {
    const meetings = (n: number) => `${n} ${n === 1 ? 'meeting' : 'meetings'}`;
    const count = none
      ? 'no meetings'
      : [
          timed ? meetings(timed) : '',
          atVenue ? `${atVenue} ${atVenue === 1 ? 'person' : 'people'} to meet at the venue` : '',
          untimed ? `${timed ? untimed : meetings(untimed)} without a time yet` : '',
        ]
          .filter(Boolean)
          .join(', ');
    return renderEmail({
      locale,
      subject: `${updated ? 'Updated meeting schedule' : 'Your meeting schedule'}: ${event.title} (${count})`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: updated
        ? [
            ...summary,
            ...(none ? ['You have no meetings planned at the moment.'] : []),
            ...(timed > 0 ? ['The attached calendar file updates the entries in your calendar.'] : []),
          ]
        : timed > 0
          ? [
              `Here is your meeting schedule for "${event.title}". The attached calendar file adds the meetings to your calendar.`,
              'If a meeting changes, we will send the update again; your calendar updates the same entries.',
            ]
          : [`Here is your meeting schedule for "${event.title}".`],
      details,
      sections,
      actions: [
        { label: 'See your latest schedule', url: data.pageUrl, primary: true },
        { label: 'Subscribe on iPhone, Mac or Outlook', url: feed.webcal },
        { label: 'Subscribe in Google Calendar', url: feed.google },
      ],
      notes: [
        'The schedule page always shows your meetings as they stand, with what changed since you last looked.',
        `For another calendar app, subscribe to this address: ${feed.url}`,
        'The schedule page and the calendar links are personal: please do not share them.',
      ],
      sender,
    });
  }
  const count = none
    ? '面談なし'
    : [
        timed ? `${timed}件` : '',
        atVenue ? `会場でお会いする方${atVenue}名` : '',
        untimed ? `時間未定${untimed}件` : '',
      ]
        .filter(Boolean)
        .join('・');
  return renderEmail({
    locale,
    subject: `【面談スケジュール${updated ? '（変更あり）' : ''}】${event.title}（${count}）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: updated
      ? [
          ...summary,
          ...(none ? ['現在、予定されている面談はありません。'] : []),
          ...(timed > 0
            ? ['添付のカレンダーファイル（.ics）を開くと、カレンダーの予定が新しい内容に更新されます。']
            : []),
        ]
      : timed > 0
        ? [
            `${inBrackets(event.title)}の面談スケジュールをお送りします。添付のカレンダーファイル（.ics）を開くと、予定をカレンダーに登録できます。`,
            '面談に変更があった場合はあらためてお送りし、カレンダーの同じ予定が更新されます。',
          ]
        : [`${inBrackets(event.title)}の面談スケジュールをお送りします。`],
    details,
    sections,
    actions: [
      { label: '最新の面談スケジュールを見る', url: data.pageUrl, primary: true },
      { label: 'iPhone・Mac・Outlook のカレンダーで購読する', url: feed.webcal },
      { label: 'Google カレンダーで購読する', url: feed.google },
    ],
    notes: [
      '「最新の面談スケジュールを見る」では、いつ開いてもその時点の面談スケジュールを、前回ご確認いただいた時からの変更の印つきでご覧いただけます。',
      `その他のカレンダーアプリでは、次のアドレスを購読先として登録してください: ${feed.url}`,
      'スケジュールのページと購読用リンクはご本人専用です。他の方と共有しないでください。',
    ],
    sender,
  });
}

/**
 * An agreed meeting called off that was on no calendar: never published (no time was given yet), or
 * a meeting at the venue, which has no time of its own. The other side as its row reads now.
 */
export interface UncalendaredMeeting {
  counterpartName: string | null;
  counterpartCompany: string | null;
  atVenue: boolean;
}

const onCalendar = (meeting: MeetingCalendarEntry | UncalendaredMeeting): meeting is MeetingCalendarEntry =>
  'startsAt' in meeting;

/**
 * One meeting called off. A published one (its calendar entry) with the CANCEL .ics that removes it
 * from the calendar; one that was on no calendar with the event's date and what it was to be (at
 * the venue, or a time still to come), and no calendar file. A meeting with someone erased since
 * names nobody (as counterpartLeftEmail words it): the line below says which it was.
 */
export function meetingCancelledEmail(data: {
  locale: MailLocale;
  participantName: string;
  event: EventMailContext;
  entry: MeetingCalendarEntry | UncalendaredMeeting;
  /**
   * Why, when it is known: the reader's seat was given up, or the other side's (by them or by
   * staff: the words say neither).
   */
  why?: 'YOU_LEFT' | 'THEY_LEFT';
  /** Their agenda page at the event: what is left of their schedule. */
  pageUrl: string;
}): ComposedEmail {
  const { locale, event, entry, why } = data;
  const sender = eventSenderLines(locale, event);
  const calendar = onCalendar(entry);
  const [line] = calendar
    ? entryLines(locale, [entry])
    : [
        {
          label: formatEventTime(locale, event.startsAt, event.endsAt),
          value: `${counterpartLine(locale, entry.counterpartName, entry.counterpartCompany)}\n${wasNote(locale, { before: null, atVenue: entry.atVenue })}`,
        },
      ];
  const them = counterpartLabel(locale, entry);
  if (locale === 'en') {
    const cancelled =
      why === 'THEY_LEFT' && them !== null
        ? `As the registration of ${them} has been cancelled, your meeting at "${event.title}" has been cancelled.`
        : them === null
          ? `The meeting below at "${event.title}" has been cancelled.`
          : `Your meeting with ${them} at "${event.title}" has been cancelled.`;
    return renderEmail({
      locale,
      subject: `Meeting cancelled: ${entry.counterpartName === null ? event.title : `${entry.counterpartName} (${event.title})`}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        why === 'YOU_LEFT'
          ? `As your registration has been cancelled, ${cancelled[0].toLowerCase()}${cancelled.slice(1)}`
          : cancelled,
        ...(why === 'THEY_LEFT'
          ? ['If you would like to meet someone else there, please ask the organiser (contact below).']
          : []),
        ...(calendar ? ['The attached calendar file removes it from your calendar.'] : []),
      ],
      details: [line],
      actions: [{ label: 'See your meeting schedule', url: data.pageUrl }],
      sender,
    });
  }
  return renderEmail({
    locale,
    subject: `【面談中止】${entry.counterpartName === null ? '参加者の方' : `${entry.counterpartName} 様`}との面談（${event.title}）`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      why === 'THEY_LEFT' && them !== null
        ? `${them} 様の参加登録が取り消されたため、${inBrackets(event.title)}での面談は中止となりました。`
        : (why === 'YOU_LEFT' ? '参加登録の取り消しに伴い、' : '') +
          (them === null
            ? `${inBrackets(event.title)}で予定されていた次の面談は中止となりました。`
            : `${inBrackets(event.title)}での ${them} 様との面談は中止となりました。`),
      ...(why === 'THEY_LEFT'
        ? ['ほかの参加者との面談をご希望の場合は、下記の主催者までご相談ください。']
        : []),
      ...(calendar ? ['添付のカレンダーファイルを開くと、カレンダーから予定が削除されます。'] : []),
    ],
    details: [line],
    actions: [{ label: '面談スケジュールを見る', url: data.pageUrl }],
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
  /** They hold a seat, so the event's own entry is in the attached CANCEL too. */
  onCalendar?: boolean;
  /** Invited and not answered: the invitation's buttons no longer work. */
  invited?: boolean;
  /**
   * Invited, and the requester of this mini-salon, invited by its 【開催決定】: `told` when that
   * email was sent to them (its buttons no longer work), `untold` when it was not and now never
   * will be (they hear here, for the first time, of the salon they asked for).
   */
  requester?: 'told' | 'untold';
  /**
   * Set for an invitee who has not answered: still an invitation, sent as one (non-transactional),
   * so its footer offers the unsubscribe its List-Unsubscribe header does.
   */
  unsubscribeUrl: string | null;
}): ComposedEmail {
  const { locale, event, entries, invited } = data;
  const requester = invited ? data.requester : undefined;
  const onCalendar = data.onCalendar ?? false;
  const sender = eventSenderLines(locale, event);
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Cancelled: ${event.title}`,
      greeting: greetingFor(locale, data.participantName),
      paragraphs: [
        requester === 'untold'
          ? `Thank you for your request for a mini-salon. We had planned to hold it as "${event.title}" on ${when}, but we regret to inform you that it has been cancelled. We apologise for any inconvenience.`
          : requester === 'told'
            ? `We regret to inform you that "${event.title}", the mini-salon you requested, planned for ${when}, has been cancelled. We apologise for any inconvenience. The buttons in the email telling you it would be held no longer work.`
            : invited
              ? `We regret to inform you that "${event.title}", planned for ${when}, to which you were invited, has been cancelled. We apologise for any inconvenience. The buttons in the invitation email no longer work.`
              : `We regret to inform you that "${event.title}", planned for ${when}, has been cancelled. We apologise for any inconvenience, and thank you for your registration.`,
        ...(entries.length || onCalendar
          ? [
              [
                entries.length
                  ? `Your ${entries.length === 1 ? 'meeting' : `${entries.length} meetings`} at the event ${entries.length === 1 ? 'is' : 'are'} cancelled too.`
                  : '',
                `The attached calendar file removes ${
                  onCalendar
                    ? entries.length
                      ? `the event and your ${entries.length === 1 ? 'meeting' : 'meetings'}`
                      : 'the event'
                    : entries.length === 1
                      ? 'it'
                      : 'them'
                } from your calendar.`,
              ]
                .filter(Boolean)
                .join(' '),
            ]
          : []),
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: when },
        ...entryLines(locale, entries),
      ],
      sender,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
  return renderEmail({
    locale,
    subject: `【開催中止】${event.title}`,
    greeting: greetingFor(locale, data.participantName),
    paragraphs: [
      requester === 'untold'
        ? `ミニサロン開催のご要望をいただき、${inBrackets(event.title)}として${when}に開催を予定しておりましたが、開催を中止することとなりました。ご要望をいただいたにもかかわらず、誠に申し訳ございません。`
        : requester === 'told'
          ? `${when}に開催を予定し、開催決定のメールでご案内しておりました${inBrackets(event.title)}は、開催を中止することとなりました。誠に申し訳ございません。開催決定のメールのボタンはご利用いただけなくなりました。`
          : invited
            ? `${when}に開催を予定し、ご招待しておりました${inBrackets(event.title)}は、開催を中止することとなりました。誠に申し訳ございません。ご招待メールのボタンはご利用いただけなくなりました。`
            : `${when}に開催を予定しておりました${inBrackets(event.title)}は、開催を中止することとなりました。お申込いただいたにもかかわらず、誠に申し訳ございません。`,
      ...(entries.length || onCalendar
        ? [
            (entries.length ? `予定されていた面談（${entries.length}件）もすべて中止となります。` : '') +
              `添付のカレンダーファイルを開くと、カレンダーから${
                onCalendar ? (entries.length ? 'このイベントと面談の' : 'このイベントの') : ''
              }予定が削除されます。`,
          ]
        : []),
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: when },
      ...entryLines(locale, entries),
    ],
    sender,
    unsubscribeUrl: data.unsubscribeUrl,
  });
}

/** What the reader had with the person who left: an agreed meeting, or a request awaiting their answer. */
export type CounterpartLeftKind = 'AGREED' | 'REQUESTED';

/**
 * To the other side of someone who gave up their seat: their agreed meeting, not yet on a
 * published agenda (that one has its own 面談中止 with the calendar cancel), is off; or their
 * request awaiting that person's answer cannot go ahead. `leaver` is null when the person was
 * erased: the email then names nobody.
 */
export function counterpartLeftEmail(data: {
  locale: MailLocale;
  recipientName: string;
  kind: CounterpartLeftKind;
  leaver: Person | null;
  event: EventMailContext;
}): ComposedEmail {
  const { locale, event, leaver, kind } = data;
  const sender = eventSenderLines(locale, event);
  const when = formatEventTime(locale, event.startsAt, event.endsAt);
  if (locale === 'en') {
    const them = leaver ? who(locale, leaver) : 'the other participant';
    return renderEmail({
      locale,
      subject:
        kind === 'AGREED'
          ? `Meeting called off: ${leaver ? `${leaver.name} (${event.title})` : event.title}`
          : `Your meeting request ${leaver ? `to ${leaver.name} ` : ''}cannot go ahead: ${event.title}`,
      greeting: greetingFor(locale, data.recipientName),
      paragraphs: [
        kind === 'AGREED'
          ? `Your agreed meeting with ${them} at "${event.title}" has been called off, as they are no longer taking part in the event.`
          : `Your meeting request to ${them} for "${event.title}" cannot go ahead, as they are no longer taking part in the event.`,
        'There is nothing you need to do. You can still ask other participants for a meeting.',
      ],
      details: [
        { label: 'Event', value: event.title },
        { label: 'Date', value: when },
      ],
      sender,
    });
  }
  const them = leaver ? `${who(locale, leaver)} 様` : null;
  const title = inBrackets(event.title);
  return renderEmail({
    locale,
    subject:
      kind === 'AGREED'
        ? `【面談取り消し】${leaver ? `${leaver.name} 様` : '参加者の方'}との面談（${event.title}）`
        : `【面談のお申込：取り消し】${leaver ? `${leaver.name} 様（${event.title}）` : event.title}`,
    greeting: greetingFor(locale, data.recipientName),
    paragraphs: [
      kind === 'AGREED'
        ? them
          ? `${title}で成立していた ${them}との面談は、先方がイベントへのご参加を取り消されたため、取りやめとなりました。`
          : `${title}で成立していた面談について、お相手の方がイベントへのご参加を取り消されたため、取りやめとなりました。`
        : them
          ? `${title}での ${them}への面談のお申込は、先方がイベントへのご参加を取り消されたため、お受けいただけなくなりました。`
          : `${title}でお申込いただいた面談は、お相手の方がイベントへのご参加を取り消されたため、お受けいただけなくなりました。`,
      'お手続きいただくことはございません。他の参加者の方への面談のお申込は、引き続き可能です。',
    ],
    details: [
      { label: 'イベント', value: event.title },
      { label: '日時', value: when },
    ],
    sender,
  });
}
