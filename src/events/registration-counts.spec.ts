import { EventStatus } from './event-enums';
import { seatsLeft } from './registration-counts';

describe('seatsLeft (残席)', () => {
  const open = { capacity: 30, status: EventStatus.PUBLISHED, endsAt: new Date(Date.now() + 86_400_000) };

  it('is the capacity less those holding a seat, and 0 when full', () => {
    expect(seatsLeft(open, { registered: 25, absent: 0, waitlisted: 0 })).toBe(5);
    expect(seatsLeft(open, { registered: 30, absent: 0, waitlisted: 0 })).toBe(0);
    expect(
      seatsLeft({ ...open, status: EventStatus.DRAFT }, { registered: 0, absent: 0, waitlisted: 0 }),
    ).toBe(30);
  });

  it('counts 欠席 as a seat held: recording attendance frees none', () => {
    expect(seatsLeft(open, { registered: 27, absent: 3, waitlisted: 0 })).toBe(0);
    expect(seatsLeft(open, { registered: 20, absent: 3, waitlisted: 0 })).toBe(7);
  });

  it('is 0 while anyone waits: a seat free once the waiting list has stopped moving is not a newcomer’s', () => {
    expect(seatsLeft(open, { registered: 29, absent: 0, waitlisted: 2 })).toBe(0);
  });

  it('never goes below 0, should more hold a seat than the capacity allows', () => {
    expect(seatsLeft(open, { registered: 31, absent: 0, waitlisted: 0 })).toBe(0);
  });

  it('is null without a capacity, and once the event is over or called off', () => {
    expect(seatsLeft({ ...open, capacity: null }, { registered: 3, absent: 0, waitlisted: 0 })).toBeNull();
    expect(
      seatsLeft({ ...open, status: EventStatus.CLOSED }, { registered: 3, absent: 0, waitlisted: 0 }),
    ).toBeNull();
    expect(
      seatsLeft({ ...open, status: EventStatus.CANCELLED }, { registered: 3, absent: 0, waitlisted: 0 }),
    ).toBeNull();
  });

  it('is null once the event has ended, though nobody has closed it', () => {
    const endsAt = new Date('2026-12-01T17:00:00+09:00');
    const ended = { ...open, endsAt };
    expect(seatsLeft(ended, { registered: 28, absent: 0, waitlisted: 0 }, endsAt.getTime() - 60_000)).toBe(2);
    expect(seatsLeft(ended, { registered: 28, absent: 0, waitlisted: 0 }, endsAt.getTime())).toBeNull();
    expect(
      seatsLeft(ended, { registered: 28, absent: 0, waitlisted: 0 }, endsAt.getTime() + 3 * 86_400_000),
    ).toBeNull();
  });
});
