import { EntityManager } from 'typeorm';
import { cancelAttachment } from '../common/ical/cancel-attachment';
import { organizationNameFor } from '../organizations/organization-name';
import { eventDescriptionFor, eventTitleFor, eventVenueFor } from './event-title';
import { buildIcs, IcsEvent } from '../common/ical/ics-calendar';
import { MailLocale, organiserLines } from '../mail/templates/email-layout';
import { themesFor } from '../mail/templates/event-about';
import { EventVisibility } from './event-enums';
import { Event } from './event.entity';
import { EVENT_KIND_LABEL, EVENT_KIND_LABEL_EN } from './event-labels';
import { eventPageUrl } from './event-public-page';

/** The UID an event keeps for life, in the shared calendar feed and in emails alike. */
export const eventUid = (eventId: string) => `event-${eventId}@tsunagu`;

/**
 * The event's calendar entry. Its SEQUENCE is the event's: an email about a new date or venue and
 * the shared feed carry the same UID and version, so a calendar holding either moves the entry.
 * In the reader's language (the feed is Japanese; an email to a participant whose locale is `en`
 * carries English labels, and the English title, venue and description where the organiser gave
 * them). Its URL is the event's public page, which only a public event has: an
 * invitation-only event's entry has none rather than a link to "not found".
 */
export function eventCalendarEntry(
  event: Pick<
    Event,
    | 'id'
    | 'kind'
    | 'title'
    | 'titleEn'
    | 'description'
    | 'descriptionEn'
    | 'themes'
    | 'venue'
    | 'venueEn'
    | 'onlineUrl'
    | 'startsAt'
    | 'endsAt'
    | 'sequence'
    | 'updatedAt'
    | 'visibility'
    | 'organization'
    | 'coHosts'
  >,
  publicUrl: string,
  locale: MailLocale = 'ja',
): IcsEvent {
  const en = locale === 'en';
  const title = eventTitleFor(event, locale);
  const coHosts = event.coHosts.map((host) => organizationNameFor(host, locale));
  const about = eventDescriptionFor(event, locale);
  return {
    uid: eventUid(event.id),
    start: event.startsAt,
    end: event.endsAt,
    summary: en
      ? `${title} (${EVENT_KIND_LABEL_EN[event.kind]})`
      : `【${EVENT_KIND_LABEL[event.kind]}】${title}`,
    description: [
      ...organiserLines(locale, organizationNameFor(event.organization, locale), coHosts),
      event.themes.length ? `${en ? 'Themes' : 'テーマ'}: ${themesFor(locale, event.themes)}` : '',
      event.onlineUrl && event.venue ? `${en ? 'Online' : 'オンライン参加'}: ${event.onlineUrl}` : '',
      about.inJapanese ? `About (in Japanese): ${about.text}` : about.text,
    ]
      .filter(Boolean)
      .join('\n'),
    location: eventVenueFor(event, locale) ?? event.onlineUrl,
    url: event.visibility === EventVisibility.PUBLIC ? eventPageUrl(publicUrl, event.id, locale) : null,
    sequence: event.sequence,
    lastModified: event.updatedAt,
  };
}

/**
 * A calendar file to attach to an email (METHOD:PUBLISH, so calendars add or update the entries
 * rather than treat them as invitations to answer).
 */
export function publishIcsAttachment(name: string, events: IcsEvent[]) {
  return {
    filename: 'event.ics',
    content: buildIcs({ name, method: 'PUBLISH', events }),
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  };
}

/**
 * The event's own entry as a file to attach, read when the email leaves: one tap puts the event
 * in the reader's calendar, and a later 日時変更 email's file (same UID, higher SEQUENCE) moves it.
 */
export async function eventIcsAttachment(
  manager: EntityManager,
  eventId: string,
  publicUrl: string,
  locale: MailLocale,
) {
  const event = await manager.findOneOrFail(Event, {
    where: { id: eventId },
    relations: { organization: true, coHosts: true },
  });
  return publishIcsAttachment(eventTitleFor(event, locale), [eventCalendarEntry(event, publicUrl, locale)]);
}

/**
 * The event's own entry as a METHOD:CANCEL to attach, for someone whose seat has ended while the
 * event goes on: at `sequence`, the version their cancellation wrote (RegistrationsService
 * raises the event's SEQUENCE for it), which is above the one on their calendar.
 */
export async function eventCancelIcsAttachment(
  manager: EntityManager,
  options: {
    eventId: string;
    sequence: number;
    publicUrl: string;
    locale: MailLocale;
    recipient: { name: string; email: string };
    /** MAIL_FROM: the iTIP ORGANIZER a CANCEL must name. */
    mailFrom: string;
  },
) {
  const event = await manager.findOneOrFail(Event, {
    where: { id: options.eventId },
    relations: { organization: true, coHosts: true },
  });
  const entry = eventCalendarEntry(event, options.publicUrl, options.locale);
  return cancelAttachment({
    name: eventTitleFor(event, options.locale),
    events: [{ ...entry, sequence: options.sequence }],
    organizer: organizationNameFor(event.organization, options.locale),
    recipient: options.recipient,
    mailFrom: options.mailFrom,
  });
}
