import { movedBy, summarizeChange } from './event-changes';

const at = (iso: string) => new Date(iso);
const salon = {
  startsAt: at('2026-12-10T13:00:00+09:00'),
  endsAt: at('2026-12-10T17:00:00+09:00'),
  venue: '大田区産業プラザ PiO',
  onlineUrl: null,
};

describe('movedBy', () => {
  it('gives the shift when the event moves to another day, start and end alike', () => {
    const week = 7 * 86_400_000;
    expect(
      movedBy(salon, { startsAt: at('2026-12-17T13:00:00+09:00'), endsAt: at('2026-12-17T17:00:00+09:00') }),
    ).toBe(week);
    expect(
      movedBy(salon, { startsAt: at('2026-12-09T14:00:00+09:00'), endsAt: at('2026-12-09T18:00:00+09:00') }),
    ).toBe(-23 * 3_600_000);
  });

  it('is 0 for a change within the day, a longer or shorter event, or no change', () => {
    // Hours corrected on the same day: sessions entered right stay where they are.
    expect(
      movedBy(salon, { startsAt: at('2026-12-10T13:30:00+09:00'), endsAt: at('2026-12-10T17:30:00+09:00') }),
    ).toBe(0);
    expect(
      movedBy(salon, { startsAt: at('2026-12-17T13:00:00+09:00'), endsAt: at('2026-12-17T18:00:00+09:00') }),
    ).toBe(0);
    expect(movedBy(salon, salon)).toBe(0);
  });

  it('reads the day in Tokyo: 23:30 to 00:30 the next morning is another day', () => {
    const late = { startsAt: at('2026-12-10T22:30:00+09:00'), endsAt: at('2026-12-10T23:30:00+09:00') };
    expect(
      movedBy(late, { startsAt: at('2026-12-11T00:30:00+09:00'), endsAt: at('2026-12-11T01:30:00+09:00') }),
    ).toBe(2 * 3_600_000);
  });
});

describe('summarizeChange', () => {
  it('tells a new time, a move to another day and a new place apart', () => {
    expect(summarizeChange(salon, { ...salon, venue: '大田区産業プラザ PiO 2階' })).toEqual({
      schedule: false,
      moved: false,
      place: true,
    });
    expect(
      summarizeChange(salon, {
        ...salon,
        startsAt: at('2026-12-17T13:00:00+09:00'),
        endsAt: at('2026-12-17T17:00:00+09:00'),
      }),
    ).toEqual({ schedule: true, moved: true, place: false });
  });
});
