import { EventMailContext } from '../../mail/event-mail-context';
import { MailLocale } from '../../mail/templates/email-layout';
import { MeetingCalendarEntry, meetingsIcs } from '../meeting-ics';

/**
 * The METHOD:CANCEL attachment that removes `entries` from the recipient's calendar (same UIDs,
 * raised SEQUENCE), for the email about one cancelled meeting or a whole cancelled event.
 */
export function cancelIcsAttachment(options: {
  locale: MailLocale;
  event: EventMailContext;
  entries: MeetingCalendarEntry[];
  recipient: { name: string; email: string };
  /** MAIL_FROM: the iTIP ORGANIZER a CANCEL must name. */
  mailFrom: string;
}) {
  const content = meetingsIcs({
    locale: options.locale,
    calendarName: options.event.title,
    method: 'CANCEL',
    entries: options.entries,
    organizer: { name: options.event.organizer, email: senderAddress(options.mailFrom) },
    attendee: options.recipient,
  });
  return { filename: 'cancel.ics', content, contentType: 'text/calendar; charset=utf-8; method=CANCEL' };
}

/** `Tsunagu <no-reply@tsunagu.local>` → `no-reply@tsunagu.local`. */
function senderAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
