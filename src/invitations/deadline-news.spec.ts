import { deadlineNews } from './deadline-news';

describe('deadlineNews', () => {
  const now = new Date('2026-11-01T12:00:00+09:00').getTime();
  const at = (iso: string) => new Date(iso);
  const ahead = at('2026-11-20T17:00:00+09:00');
  const sooner = at('2026-11-10T17:00:00+09:00');
  const passed = at('2026-10-30T17:00:00+09:00');
  const news = (was: Date | null, closesAt: Date | null) =>
    deadlineNews({ registrationClosesAt: was }, { registrationClosesAt: closesAt }, now);

  it('is news when a deadline ahead is set or moved, either way', () => {
    expect(news(null, ahead)).toEqual({ closesAt: ahead, wasClosesAt: null });
    expect(news(ahead, sooner)).toEqual({ closesAt: sooner, wasClosesAt: ahead });
    expect(news(sooner, ahead)).toEqual({ closesAt: ahead, wasClosesAt: sooner });
    // One that had passed, extended: open again.
    expect(news(passed, ahead)).toEqual({ closesAt: ahead, wasClosesAt: passed });
  });

  it('is news when a deadline that had passed is taken away, not one still ahead', () => {
    expect(news(passed, null)).toEqual({ closesAt: null, wasClosesAt: passed });
    expect(news(ahead, null)).toBeNull();
  });

  it('is no news when the deadline stays, or is set to a time already past', () => {
    expect(news(null, null)).toBeNull();
    expect(news(ahead, new Date(ahead.getTime()))).toBeNull();
    expect(news(ahead, passed)).toBeNull();
    expect(news(null, passed)).toBeNull();
  });
});
