import { buildIcs, IcsEvent } from '../common/ical/ics-calendar';
import { MailLocale } from '../mail/templates/email-layout';
import { participantLabel } from '../participants/participant-label';

/** What a calendar entry says about one meeting, seen by one of its sides. */
export interface MeetingCalendarEntry {
  id: string;
  /** The agreement it carries out: how an agenda follows a meeting that had no time before. */
  requestId: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  cancelled: boolean;
  eventTitle: string;
  venue: string | null;
  sessionName: string;
  tableLabel: string;
  booth: boolean;
  /** Null (company too) once the other side is erased: the entry then names nobody. */
  counterpartName: string | null;
  counterpartCompany: string | null;
  /**
   * Who staff recorded as not having come (a NO_SHOW meeting), seen from this side: the reader,
   * the other side, or both. Null for a meeting still to come, held, or called off.
   */
  missedBy: MissedBy | null;
  updatedAt: Date;
}

/** Who missed a meeting, as one of its sides reads it. */
export type MissedBy = 'YOU' | 'THEM' | 'BOTH';

/** The UID a meeting keeps for life, so calendar apps update it in place when it moves. */
export const meetingUid = (meetingId: string) => `meeting-${meetingId}@tsunagu`;

export function placeLabel(locale: MailLocale, entry: Pick<MeetingCalendarEntry, 'booth' | 'tableLabel'>) {
  if (locale === 'en') return entry.booth ? `Booth ${entry.tableLabel}` : `Table ${entry.tableLabel}`;
  return entry.booth ? `ブース ${entry.tableLabel}` : `テーブル ${entry.tableLabel}`;
}

/**
 * The other side, company first in Japanese (see participantLabel); sentences add 様. Null for
 * someone erased since: the sentence is then worded without them.
 */
export function counterpartLabel(
  locale: MailLocale,
  entry: Pick<MeetingCalendarEntry, 'counterpartName' | 'counterpartCompany'>,
): string | null {
  if (entry.counterpartName === null) return null;
  return participantLabel(locale, entry.counterpartName, entry.counterpartCompany);
}

/** SUMMARY: 面談: <the other side>, or the event's name for a meeting with someone erased since. */
function meetingSummary(locale: MailLocale, entry: MeetingCalendarEntry): string {
  const who = counterpartLabel(locale, entry);
  if (locale === 'en') return who === null ? `Meeting at ${entry.eventTitle}` : `Meeting: ${who}`;
  return who === null ? `面談（${entry.eventTitle}）` : `面談: ${who}`;
}

/**
 * An iCalendar for a participant's meetings. PUBLISH for the agenda email and the subscription
 * feed: it is a copy of a schedule, not an invitation (there is nobody to RSVP to), and Outlook
 * imports every VEVENT of a PUBLISH file but only the first of a REQUEST. No ORGANIZER or ATTENDEE
 * there, so no client offers to answer a no-reply address. A called-off meeting goes in a CANCEL
 * of its own (cancelIcsAttachment): an iTIP message that names ORGANIZER and ATTENDEE (RFC 5546
 * 3.2.5), with the same UID and a higher SEQUENCE, which is what removes the entry.
 */
export function meetingsIcs(options: {
  locale: MailLocale;
  calendarName: string;
  entries: MeetingCalendarEntry[];
  method: 'PUBLISH';
}): string {
  const events: IcsEvent[] = options.entries.map((entry) => meetingIcsEvent(options.locale, entry));
  return buildIcs({ name: options.calendarName, method: options.method, events });
}

/** One meeting as a VEVENT, for a calendar of its own or beside the event's entry. */
export function meetingIcsEvent(locale: MailLocale, entry: MeetingCalendarEntry, cancel = false): IcsEvent {
  // The venue's own name may end in a room ("…, 9F Special Conference Room"): the table is set
  // apart from it as the emails set a list apart, 「、」 in Japanese.
  const place = [entry.venue, placeLabel(locale, entry)].filter(Boolean).join(locale === 'en' ? ', ' : '、');
  return {
    uid: meetingUid(entry.id),
    start: entry.startsAt,
    end: entry.endsAt,
    summary: meetingSummary(locale, entry),
    description:
      locale === 'en'
        ? `${entry.eventTitle}${entry.sessionName ? ` / ${entry.sessionName}` : ''}\n${placeLabel(locale, entry)}`
        : `${entry.eventTitle}${entry.sessionName ? `／${entry.sessionName}` : ''}\n${placeLabel(locale, entry)}`,
    location: place,
    sequence: entry.sequence,
    status: entry.cancelled || cancel ? 'CANCELLED' : 'CONFIRMED',
    lastModified: entry.updatedAt,
  };
}
