import { generateSyntheticEvent, isComplementary } from './synthetic-event';

describe('synthetic event generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateSyntheticEvent({ participants: 50, seed: 7 });
    const b = generateSyntheticEvent({ participants: 50, seed: 7 });
    const c = generateSyntheticEvent({ participants: 50, seed: 8 });
    expect(JSON.stringify(a.input)).toBe(JSON.stringify(b.input));
    expect(JSON.stringify(a.input)).not.toBe(JSON.stringify(c.input));
  });

  it('plants mutual pairs and hides some needs from the tags', () => {
    const { input, truth } = generateSyntheticEvent({ participants: 200, seed: 1 });
    const ids = input.participants.map((p) => p.id);
    let mutual = 0;
    for (let i = 0; i + 1 < ids.length; i += 2) {
      const a = truth.get(ids[i])!;
      const b = truth.get(ids[i + 1])!;
      if (a.needs.some((n) => b.offers.includes(n)) && b.needs.some((n) => a.offers.includes(n))) mutual++;
    }
    expect(mutual).toBeGreaterThan(10);
    const untagged = input.participants.filter(
      (p) => truth.get(p.id)!.needs.length > 0 && p.needs!.length === 0,
    );
    expect(untagged.length).toBeGreaterThan(20);
    expect(isComplementary({ needs: ['sales'], offers: [] }, { needs: [], offers: ['ec'] })).toBe(true);
  });
});
