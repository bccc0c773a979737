import { satisfactionAverage, surveyLinkExpiresAt } from './survey-rules';

describe('surveyLinkExpiresAt', () => {
  it('lasts to the end of the 30th day after the event in Tokyo, whatever the hour it ended', () => {
    // Ended 1 Dec 20:30 JST: the email's 回答期限 is 31 Dec, and the link works until 1 Jan 00:00 JST.
    expect(surveyLinkExpiresAt(new Date('2026-12-01T20:30:00+09:00')).toISOString()).toBe(
      new Date('2027-01-01T00:00:00+09:00').toISOString(),
    );
    // Ended just after midnight in Tokyo (still 30 Nov in UTC): counted from the Tokyo day.
    expect(surveyLinkExpiresAt(new Date('2026-12-01T00:30:00+09:00')).toISOString()).toBe(
      new Date('2027-01-01T00:00:00+09:00').toISOString(),
    );
  });
});

describe('satisfactionAverage', () => {
  it('rounds half up from the exact sum, as the reports do', () => {
    expect(satisfactionAverage(169, 40)).toBe(4.23);
    expect(satisfactionAverage(13, 3)).toBe(4.33);
    expect(satisfactionAverage(5, 1)).toBe(5);
    expect(satisfactionAverage(0, 0)).toBeNull();
  });
});
