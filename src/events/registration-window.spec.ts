import { registrationWindow } from './registration-window';

describe('registration window', () => {
  const at = (iso: string) => new Date(iso).getTime();
  const event = {
    registrationOpensAt: null,
    registrationClosesAt: null,
    endsAt: new Date('2027-02-10T20:00:00+09:00'),
  };

  it('is open until the event ends when it sets no window', () => {
    expect(registrationWindow(event, at('2027-01-01T00:00:00+09:00'))).toBe('OPEN');
    // A fair running for hours (or days) still takes visitors once it has begun.
    expect(registrationWindow(event, at('2027-02-10T19:59:00+09:00'))).toBe('OPEN');
    expect(registrationWindow(event, at('2027-02-10T20:01:00+09:00'))).toBe('CLOSED');
  });

  it('keeps to the window an event sets', () => {
    const windowed = {
      ...event,
      registrationOpensAt: new Date('2027-01-10T10:00:00+09:00'),
      registrationClosesAt: new Date('2027-02-03T17:00:00+09:00'),
    };
    expect(registrationWindow(windowed, at('2027-01-10T09:59:00+09:00'))).toBe('NOT_YET_OPEN');
    expect(registrationWindow(windowed, at('2027-01-10T10:00:00+09:00'))).toBe('OPEN');
    expect(registrationWindow(windowed, at('2027-02-03T17:00:00+09:00'))).toBe('OPEN');
    expect(registrationWindow(windowed, at('2027-02-03T17:01:00+09:00'))).toBe('CLOSED');
  });
});
