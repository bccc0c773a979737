import { EventStatus } from './event-enums';
import { seatsLeft } from './registration-counts';

describe('seatsLeft (残席)', () => {
  const open = { capacity: 30, status: EventStatus.PUBLISHED };

  it('is the capacity less those holding a seat, and 0 when full', () => {
    expect(seatsLeft(open, { registered: 25 })).toBe(5);
    expect(seatsLeft(open, { registered: 30 })).toBe(0);
    expect(seatsLeft({ ...open, status: EventStatus.DRAFT }, { registered: 0 })).toBe(30);
  });

  it('never goes below 0, should more hold a seat than the capacity allows', () => {
    expect(seatsLeft(open, { registered: 31 })).toBe(0);
  });

  it('is null without a capacity, and once the event is over or called off', () => {
    expect(seatsLeft({ ...open, capacity: null }, { registered: 3 })).toBeNull();
    expect(seatsLeft({ ...open, status: EventStatus.CLOSED }, { registered: 3 })).toBeNull();
    expect(seatsLeft({ ...open, status: EventStatus.CANCELLED }, { registered: 3 })).toBeNull();
  });
});
