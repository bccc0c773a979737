import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { tokyoDate } from '../common/time/tokyo-time';
import { Event } from './event.entity';
import { eventVenueFor } from './event-title';

/**
 * What later features do when an event changes, inside the transaction that changes it (the event
 * row is locked): registrations move the waitlist up when seats are added and are confirmed when a
 * draft is published, meetings are called off when the event is. Features register themselves
 * here, as with RegistrationCancellations, so that events need not know about them. The emails they
 * write go to people signed up for the event, whose rows EventsService locked before the event's
 * (lockSignedUpAndEvent, by the statuses it names there): a listener that writes to anyone else
 * needs them locked too (the lock order in participant-store.ts).
 */
export interface EventChangeListener {
  /**
   * After an update is written; `before` is the row as it was. Throwing refuses the whole update
   * (the transaction rolls back), for a change that the listener's feature cannot accept.
   */
  updated?(manager: EntityManager, before: Event, after: Event): Promise<void>;
  /**
   * After an update is written and before any listener's `updated`: where it changes who holds a
   * seat (more seats move the waitlist up). The listeners that tell people of the change then find
   * the seats as the update leaves them, and can leave out whoever was already told by the seat's
   * own email. Throwing refuses the update, as in `updated`.
   */
  reseated?(manager: EntityManager, before: Event, after: Event): Promise<void>;
  /** After the event is set CANCELLED; `event` is the row as it was. */
  cancelled?(manager: EntityManager, event: Event): Promise<void>;
  /** After a draft is set PUBLISHED; `event` is the row as it now is. */
  published?(manager: EntityManager, event: Event): Promise<void>;
  /**
   * After staff made an event whose 商談枠 they had all removed one without 商談枠 again
   * (EventsService.revertToNoSessions): withoutSlots now says so, and no grid is coming for the
   * agreements that were waiting for one.
   */
  withoutSessions?(manager: EntityManager, event: Event): Promise<void>;
}

/** What of an update matters to the people signed up: when the event takes place, and where. */
export interface EventChangeSummary {
  /** startsAt or endsAt moved (日時変更). */
  schedule: boolean;
  /** The event moved to another day, its 商談枠 and meetings with it: see movedBy. */
  moved: boolean;
  /** The venue or the online URL changed (会場変更). */
  place: boolean;
}

export function summarizeChange(
  before: Pick<Event, 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl'>,
  after: Pick<Event, 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl'>,
): EventChangeSummary {
  return {
    schedule:
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime(),
    moved: movedBy(before, after) !== 0,
    place:
      (before.venue ?? '') !== (after.venue ?? '') || (before.onlineUrl ?? '') !== (after.onlineUrl ?? ''),
  };
}

/**
 * How far the event moved to another day (開催日の変更), in milliseconds: its start onto another
 * date in Tokyo, and start and end by the same amount, so its 商談枠 and meetings move with it. 0
 * otherwise: a change within the day, or a longer or shorter event, leaves them where they are
 * (a correction of the event's hours must not shift sessions that were entered right).
 */
export function movedBy(
  before: Pick<Event, 'startsAt' | 'endsAt'>,
  after: Pick<Event, 'startsAt' | 'endsAt'>,
): number {
  const start = after.startsAt.getTime() - before.startsAt.getTime();
  const end = after.endsAt.getTime() - before.endsAt.getTime();
  return start === end && tokyoDate(before.startsAt) !== tokyoDate(after.startsAt) ? start : 0;
}

/**
 * What an email about a new time or place carries in its outbox row (see changeNoticeOf in the
 * mail templates): which parts changed, and what they were, so it can say "変更前" beside the new
 * values: the reader may not remember.
 */
export function changeNoticeParams(before: Event, after: Event): Record<string, string> {
  const summary = summarizeChange(before, after);
  return {
    changed: (['schedule', 'moved', 'place'] as const).filter((part) => summary[part]).join(','),
    ...(summary.schedule
      ? { wasStartsAt: before.startsAt.toISOString(), wasEndsAt: before.endsAt.toISOString() }
      : {}),
    ...(summary.place
      ? {
          wasVenue: before.venue ?? '',
          wasVenueEn: eventVenueFor(before, 'en') ?? '',
          wasOnlineUrl: before.onlineUrl ?? '',
        }
      : {}),
  };
}

@Injectable()
export class EventChanges {
  private readonly listeners: EventChangeListener[] = [];

  register(listener: EventChangeListener): void {
    this.listeners.push(listener);
  }

  async updated(manager: EntityManager, before: Event, after: Event): Promise<void> {
    for (const listener of this.listeners) await listener.reseated?.(manager, before, after);
    for (const listener of this.listeners) await listener.updated?.(manager, before, after);
  }

  async cancelled(manager: EntityManager, event: Event): Promise<void> {
    for (const listener of this.listeners) await listener.cancelled?.(manager, event);
  }

  async published(manager: EntityManager, event: Event): Promise<void> {
    for (const listener of this.listeners) await listener.published?.(manager, event);
  }

  async withoutSessions(manager: EntityManager, event: Event): Promise<void> {
    for (const listener of this.listeners) await listener.withoutSessions?.(manager, event);
  }
}
