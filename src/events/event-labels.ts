import { EventKind } from './event-enums';

export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  SALON: 'サロン',
  MINI_SALON: 'ミニサロン',
  TRADE_FAIR: '展示会',
  BUSINESS_MATCHING: '商談会',
  SEMINAR: 'セミナー',
};
