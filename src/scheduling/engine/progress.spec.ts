import { progressAt } from './progress';

describe('progressAt', () => {
  const report = { phase: 'improve' as const, fraction: 0.8, toward: { fraction: 0.9, by: 3000 } };

  it('moves from the report towards where the phase will be by its time budget', () => {
    expect(progressAt(report, 1000, 1000)).toBeCloseTo(0.8);
    expect(progressAt(report, 1000, 2000)).toBeCloseTo(0.85);
    expect(progressAt(report, 1000, 3000)).toBeCloseTo(0.9);
  });

  it('goes no further than the phase claims, however late the next report comes', () => {
    expect(progressAt(report, 1000, 60_000)).toBeCloseTo(0.9);
  });

  it('stays where a report without a budget puts it', () => {
    expect(progressAt({ phase: 'compact', fraction: 0.9 }, 1000, 5000)).toBe(0.9);
  });
});
