import { EventKind, EventStatus } from './event-enums';

export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  SALON: 'サロン',
  MINI_SALON: 'ミニサロン',
  TRADE_FAIR: '展示会',
  BUSINESS_MATCHING: '商談会',
  SEMINAR: 'セミナー',
};

/** The kinds as an English-speaking participant reads them (their emails, calendar entries, pages). */
export const EVENT_KIND_LABEL_EN: Record<EventKind, string> = {
  SALON: 'Salon',
  MINI_SALON: 'Mini-salon',
  TRADE_FAIR: 'Trade fair',
  BUSINESS_MATCHING: 'Business matching',
  SEMINAR: 'Seminar',
};

export const EVENT_STATUS_LABEL: Record<EventStatus, string> = {
  DRAFT: '下書き',
  PUBLISHED: '公開中',
  CLOSED: '終了',
  CANCELLED: '中止',
};

/**
 * Where an event stands as a participant reads it: whether it is still to come, under way, over or
 * called off. Staff's 下書き・公開中 say nothing to them (an event they were registered for before
 * it was published is simply coming), and a published event whose day has passed is over.
 */
export type EventStanding = 'UPCOMING' | 'UNDER_WAY' | 'ENDED' | 'CANCELLED';

export function eventStanding(
  event: { status: EventStatus; startsAt: Date; endsAt: Date },
  now = new Date(),
): EventStanding {
  if (event.status === EventStatus.CANCELLED) return 'CANCELLED';
  if (event.status === EventStatus.CLOSED || event.endsAt <= now) return 'ENDED';
  return event.startsAt <= now ? 'UNDER_WAY' : 'UPCOMING';
}

export const EVENT_STANDING_LABEL: Record<'ja' | 'en', Record<EventStanding, string>> = {
  ja: { UPCOMING: '開催予定', UNDER_WAY: '開催中', ENDED: '終了', CANCELLED: '中止' },
  en: { UPCOMING: 'Upcoming', UNDER_WAY: 'Under way', ENDED: 'Ended', CANCELLED: 'Cancelled' },
};
