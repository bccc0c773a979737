import ICAL from 'ical.js';
import { TOKYO } from '../time/tokyo-time';

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

// RFC 5545 §3.1: no line longer than 75 octets. ical.js fills each piece of a folded line up to
// foldLength and then puts the continuation's leading space before it, so at its default of 75 a
// continuation line is 76 octets (Japanese text folds on nearly every line); 74 keeps every line
// within 75.
ICAL.foldLength = 74;

export interface IcsEvent {
  /** Stable across exports, so calendar apps update the entry instead of adding a second one. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string | null;
  url?: string | null;
  /** Raised each time the entry moves (RFC 5546); 0 for a first version. */
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  lastModified?: Date;
  organizer?: { name: string; email: string };
  attendees?: { name: string; email: string }[];
}

/**
 * RFC 5545 text for a set of events, times written in Asia/Tokyo with its VTIMEZONE, generated
 * with ical.js (escaping, line folding and CRLF are the library's job, not ours).
 */
export function buildIcs(options: {
  name: string;
  events: IcsEvent[];
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
}) {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Tsunagu//Tsunagu 1.0//JA');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  if (options.method) calendar.updatePropertyWithValue('method', options.method);
  calendar.updatePropertyWithValue('x-wr-calname', options.name);
  calendar.updatePropertyWithValue('x-wr-timezone', TOKYO);
  calendar.addSubcomponent(tokyoTimezone());
  for (const event of options.events) calendar.addSubcomponent(toVevent(event));
  return calendar.toString() + '\r\n';
}

function toVevent(event: IcsEvent): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', event.uid);
  vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(event.lastModified ?? new Date(), true));
  vevent.addPropertyWithValue('dtstart', tokyoTime(event.start)).setParameter('tzid', TOKYO);
  vevent.addPropertyWithValue('dtend', tokyoTime(event.end)).setParameter('tzid', TOKYO);
  vevent.addPropertyWithValue('summary', event.summary);
  vevent.addPropertyWithValue('sequence', event.sequence ?? 0);
  vevent.addPropertyWithValue('status', event.status ?? 'CONFIRMED');
  if (event.description) vevent.addPropertyWithValue('description', event.description);
  if (event.location) vevent.addPropertyWithValue('location', event.location);
  if (event.url) vevent.addPropertyWithValue('url', event.url);
  if (event.organizer) {
    const organizer = vevent.addPropertyWithValue('organizer', `mailto:${event.organizer.email}`);
    organizer.setParameter('cn', event.organizer.name);
  }
  for (const attendee of event.attendees ?? []) {
    const property = vevent.addPropertyWithValue('attendee', `mailto:${attendee.email}`);
    property.setParameter('cn', attendee.name);
    property.setParameter('role', 'REQ-PARTICIPANT');
  }
  return vevent;
}

/** The wall-clock time in Tokyo as a floating ICAL.Time, to be tagged with TZID=Asia/Tokyo. */
function tokyoTime(instant: Date): ICAL.Time {
  const tokyo = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  return ICAL.Time.fromData({
    year: tokyo.getUTCFullYear(),
    month: tokyo.getUTCMonth() + 1,
    day: tokyo.getUTCDate(),
    hour: tokyo.getUTCHours(),
    minute: tokyo.getUTCMinutes(),
    second: tokyo.getUTCSeconds(),
    isDate: false,
  });
}

function tokyoTimezone(): ICAL.Component {
  const timezone = new ICAL.Component('vtimezone');
  timezone.addPropertyWithValue('tzid', TOKYO);
  const standard = new ICAL.Component('standard');
  standard.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString('1970-01-01T00:00:00'));
  standard.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromString('+09:00'));
  standard.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromString('+09:00'));
  standard.addPropertyWithValue('tzname', 'JST');
  timezone.addSubcomponent(standard);
  return timezone;
}
