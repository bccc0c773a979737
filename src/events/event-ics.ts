import { IcsEvent } from '../common/ical/ics-calendar';
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
