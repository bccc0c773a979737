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
