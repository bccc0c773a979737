import { EventKind, EventStatus } from './event-enums';
import { EventErrorCode } from './events.errors';
import { awaitsGrid, revertRefusal, SlotGridState } from './slot-grid-state';

describe('revertToNoMatchmakingSessions as Event.canRevertToNoMatchmakingSessions reads it', () => {
  /** A published salon whose one 商談枠 staff removed: its agreements wait for a grid. */
  const waiting: SlotGridState = {
    status: EventStatus.PUBLISHED,
    kind: EventKind.SALON,
    sessions: 0,
    meetingsInSlots: 0,
    sessionsToGiveUp: 1,
  };

  it('accepts a salon whose every 商談枠 is removed, and would make it one without 商談枠', () => {
    expect(revertRefusal(waiting)).toBeNull();
    expect(awaitsGrid(waiting)).toBe(true);
    expect(awaitsGrid({ ...waiting, status: EventStatus.DRAFT })).toBe(true);
  });

  it('accepts one never given a 商談枠, or made one without again, with nothing to change', () => {
    const salon = { ...waiting, sessionsToGiveUp: 0 };
    expect(revertRefusal(salon)).toBeNull();
    expect(awaitsGrid(salon)).toBe(false);
  });

  it('refuses for the first reason it checks: the status, a 商談会, a 商談枠 in use, a meeting in a slot', () => {
    const everything = {
      ...waiting,
      status: EventStatus.CLOSED,
      kind: EventKind.BUSINESS_MATCHING,
      sessions: 1,
      meetingsInSlots: 1,
    };
    expect(revertRefusal(everything)).toBe(EventErrorCode.NOT_EDITABLE);
    expect(revertRefusal({ ...everything, status: EventStatus.PUBLISHED })).toBe(
      EventErrorCode.MATCHING_HAS_SLOTS,
    );
    expect(revertRefusal({ ...everything, status: EventStatus.PUBLISHED, kind: EventKind.SALON })).toBe(
      EventErrorCode.HAS_SESSIONS,
    );
    expect(revertRefusal({ ...waiting, meetingsInSlots: 1 })).toBe(EventErrorCode.MEETINGS_IN_SLOTS);
    for (const refused of [
      { ...waiting, status: EventStatus.CANCELLED },
      { ...waiting, kind: EventKind.BUSINESS_MATCHING },
      { ...waiting, sessions: 1 },
      { ...waiting, meetingsInSlots: 1 },
    ])
      expect(awaitsGrid(refused)).toBe(false);
  });
});
