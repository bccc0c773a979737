import { buildIcs, IcsEvent } from '../../common/ical/ics-calendar';
import { EventMailContext } from '../../mail/event-mail-context';
import { MailLocale } from '../../mail/templates/email-layout';
import { MeetingCalendarEntry, meetingIcsEvent } from '../meeting-ics';

/**
 * The METHOD:CANCEL attachment that removes `entries` from the recipient's calendar (same UIDs,
 * raised SEQUENCE), for the email about one cancelled meeting or a whole cancelled event. For a
 * cancelled event, `eventEntry` is the event's own entry (the one its registration confirmation
 * attached), so that it leaves the calendar with the meetings.
 */
export function cancelIcsAttachment(options: {
  locale: MailLocale;
  event: EventMailContext;
  entries: MeetingCalendarEntry[];
  eventEntry?: IcsEvent;
  recipient: { name: string; email: string };
  /** MAIL_FROM: the iTIP ORGANIZER a CANCEL must name. */
  mailFrom: string;
}) {
  // An iTIP CANCEL names ORGANIZER and ATTENDEE (RFC 5546 3.2.5).
  const parties = {
    organizer: { name: options.event.organizer, email: senderAddress(options.mailFrom) },
    attendees: [options.recipient],
  };
  const events: IcsEvent[] = [
    // No link: a cancelled event's public page is gone.
    ...(options.eventEntry
      ? [{ ...options.eventEntry, status: 'CANCELLED' as const, url: null, ...parties }]
      : []),
    ...options.entries.map((entry) => ({ ...meetingIcsEvent(options.locale, entry, true), ...parties })),
  ];
  const content = buildIcs({ name: options.event.title, method: 'CANCEL', events });
  return { filename: 'cancel.ics', content, contentType: 'text/calendar; charset=utf-8; method=CANCEL' };
}

/** `Tsunagu <no-reply@tsunagu.local>` → `no-reply@tsunagu.local`. */
function senderAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
