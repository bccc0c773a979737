import { TransitionTable } from '../common/state/transition-table';
import { EventStatus } from './event-enums';

/** DRAFT → PUBLISHED → CLOSED; any open state → CANCELLED. Closed and cancelled events are final. */
export const EVENT_TRANSITIONS = new TransitionTable<EventStatus>({
  [EventStatus.DRAFT]: [EventStatus.PUBLISHED, EventStatus.CANCELLED],
  [EventStatus.PUBLISHED]: [EventStatus.CLOSED, EventStatus.CANCELLED],
  [EventStatus.CLOSED]: [],
  [EventStatus.CANCELLED]: [],
});

export const EDITABLE_EVENT_STATUSES = [EventStatus.DRAFT, EventStatus.PUBLISHED];
