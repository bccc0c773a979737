import { EntityManager } from 'typeorm';
import { buildIcs, IcsEvent } from '../common/ical/ics-calendar';
import { Event } from './event.entity';
import { EVENT_KIND_LABEL } from './event-labels';

/** The UID an event keeps for life, in the shared calendar feed and in emails alike. */
export const eventUid = (eventId: string) => `event-${eventId}@tsunagu`;

/**
 * The event's calendar entry. Its SEQUENCE is the event's: an email about a new date or venue and
 * the shared feed carry the same UID and version, so a calendar holding either moves the entry.
 */
export function eventCalendarEntry(
  event: Pick<
    Event,
    | 'id'
    | 'kind'
    | 'title'
    | 'description'
    | 'themes'
    | 'venue'
    | 'onlineUrl'
    | 'startsAt'
    | 'endsAt'
    | 'sequence'
    | 'updatedAt'
    | 'organization'
    | 'coHosts'
  >,
  publicUrl: string,
): IcsEvent {
  return {
    uid: eventUid(event.id),
    start: event.startsAt,
    end: event.endsAt,
    summary: `【${EVENT_KIND_LABEL[event.kind]}】${event.title}`,
    description: [
      `主催: ${[event.organization.name, ...event.coHosts.map((host) => host.name)].join('・')}`,
      event.themes.length ? `テーマ: ${event.themes.join('、')}` : '',
      event.onlineUrl && event.venue ? `オンライン参加: ${event.onlineUrl}` : '',
      event.description,
    ]
      .filter(Boolean)
      .join('\n'),
    location: event.venue ?? event.onlineUrl,
    url: `${publicUrl}/events/${event.id}`,
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
export async function eventIcsAttachment(manager: EntityManager, eventId: string, publicUrl: string) {
  const event = await manager.findOneOrFail(Event, {
    where: { id: eventId },
    relations: { organization: true, coHosts: true },
  });
  return publishIcsAttachment(event.title, [eventCalendarEntry(event, publicUrl)]);
}
