import { UnmatchedReason, unmatchedReason } from './unmatched-reason';

describe('unmatchedReason', () => {
  const runStartedAt = new Date('2026-12-01T10:00:00+09:00');
  const before = new Date('2026-11-30T09:00:00+09:00');
  const after = new Date('2026-12-01T10:05:00+09:00');

  it('says first that a participant has not agreed to matchmaking: running it again would not help', () => {
    expect(
      unmatchedReason(
        { consented: false, registeredAt: after, consentChangedAt: null, suggested: 0, dismissed: 0 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.NO_CONSENT);
  });

  it('says a participant who registered after the run started was not in it, whatever rows remain', () => {
    expect(
      unmatchedReason(
        { consented: true, registeredAt: after, consentChangedAt: null, suggested: 0, dismissed: 2 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.JOINED_AFTER_RUN);
  });

  it('says a participant who agreed to matchmaking after the run started was not in it', () => {
    expect(
      unmatchedReason(
        { consented: true, registeredAt: before, consentChangedAt: after, suggested: 0, dismissed: 0 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.CONSENTED_AFTER_RUN);
    // Agreed before the run: it had them, and found nobody.
    expect(
      unmatchedReason(
        { consented: true, registeredAt: before, consentChangedAt: before, suggested: 0, dismissed: 0 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.NO_FIT);
  });

  it('says the people suggested have left when the run suggested someone', () => {
    expect(
      unmatchedReason(
        { consented: true, registeredAt: before, consentChangedAt: null, suggested: 3, dismissed: 1 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.SUGGESTED_LEFT);
  });

  it('says they dismissed every suggestion when only dismissed ones remain', () => {
    expect(
      unmatchedReason(
        { consented: true, registeredAt: before, consentChangedAt: null, suggested: 0, dismissed: 2 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.ALL_DISMISSED);
  });

  it('says nobody fitted otherwise, also for a registration with no recorded time', () => {
    expect(
      unmatchedReason(
        { consented: true, registeredAt: before, consentChangedAt: null, suggested: 0, dismissed: 0 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.NO_FIT);
    expect(
      unmatchedReason(
        { consented: true, registeredAt: null, consentChangedAt: null, suggested: 0, dismissed: 0 },
        runStartedAt,
      ),
    ).toBe(UnmatchedReason.NO_FIT);
  });
});
