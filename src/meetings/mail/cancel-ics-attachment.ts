import { cancelAttachment } from '../../common/ical/cancel-attachment';
import { IcsEvent } from '../../common/ical/ics-calendar';
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
  return cancelAttachment({
    name: options.event.title,
    events: [
      // No link: a cancelled event's public page is gone.
      ...(options.eventEntry ? [{ ...options.eventEntry, url: null }] : []),
      ...options.entries.map((entry) => meetingIcsEvent(options.locale, entry, true)),
    ],
    organizer: options.event.organizer,
    recipient: options.recipient,
    mailFrom: options.mailFrom,
  });
}
