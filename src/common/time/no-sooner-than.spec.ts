import { noSoonerThan } from './no-sooner-than';

describe('noSoonerThan', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Expects `answer` to be pending at `ms` − 1 and settled as `outcome` at `ms`. */
  const expectSettledAt = async (answer: Promise<unknown>, ms: number, outcome: 'resolved' | 'rejected') => {
    let state = 'pending';
    answer.then(
      () => (state = 'resolved'),
      () => (state = 'rejected'),
    );
    await jest.advanceTimersByTimeAsync(ms - 1);
    expect(state).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(state).toBe(outcome);
  };

  it('holds a quick answer until the floor, then gives it', async () => {
    const answer = noSoonerThan(200, () => Promise.resolve('done'));
    await expectSettledAt(answer, 200, 'resolved');
    await expect(answer).resolves.toBe('done');
  });

  it('holds a failure until the floor too', async () => {
    const answer = noSoonerThan(200, () => Promise.reject(new Error('database away')));
    await expectSettledAt(answer, 200, 'rejected');
    await expect(answer).rejects.toThrow('database away');
  });

  it('adds nothing to work that takes longer than the floor', async () => {
    const slow = () => new Promise((resolve) => setTimeout(() => resolve('slow'), 300));
    await expectSettledAt(noSoonerThan(200, slow), 300, 'resolved');
  });
});
