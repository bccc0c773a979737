import { EventStatus } from './event-enums';
import { EVENT_TRANSITIONS } from './event-status';

describe('event status table', () => {
  const { DRAFT, PUBLISHED, CLOSED, CANCELLED } = EventStatus;

  it('goes DRAFT → PUBLISHED → CLOSED', () => {
    expect(EVENT_TRANSITIONS.can(DRAFT, PUBLISHED)).toBe(true);
    expect(EVENT_TRANSITIONS.can(PUBLISHED, CLOSED)).toBe(true);
  });

  it('cancels from any open state only', () => {
    expect(EVENT_TRANSITIONS.sourcesOf(CANCELLED).sort()).toEqual([DRAFT, PUBLISHED].sort());
  });

  it('never skips publishing, never reopens', () => {
    expect(EVENT_TRANSITIONS.can(DRAFT, CLOSED)).toBe(false);
    expect(EVENT_TRANSITIONS.can(CLOSED, PUBLISHED)).toBe(false);
    expect(EVENT_TRANSITIONS.can(CANCELLED, DRAFT)).toBe(false);
    expect(EVENT_TRANSITIONS.can(PUBLISHED, DRAFT)).toBe(false);
  });
});
