import { senderAddress } from '../../config/app-config';
import { buildIcs, IcsEvent } from './ics-calendar';

/**
 * A METHOD:CANCEL file to attach to an email: calendars remove the entries with these UIDs, as
 * long as each SEQUENCE is above the one they hold. An iTIP CANCEL names ORGANIZER and ATTENDEE
 * (RFC 5546 3.2.5): the organiser by the address the email comes from, the reader as attendee.
 */
export function cancelAttachment(options: {
  name: string;
  events: IcsEvent[];
  organizer: string;
  recipient: { name: string; email: string };
  /** MAIL_FROM: the iTIP ORGANIZER a CANCEL must name. */
  mailFrom: string;
}) {
  const parties = {
    organizer: { name: options.organizer, email: senderAddress(options.mailFrom) },
    attendees: [options.recipient],
  };
  const events = options.events.map((event) => ({ ...event, status: 'CANCELLED' as const, ...parties }));
  const content = buildIcs({ name: options.name, method: 'CANCEL', events });
  return { filename: 'cancel.ics', content, contentType: 'text/calendar; charset=utf-8; method=CANCEL' };
}
