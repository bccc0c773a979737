import { noSoonerThan } from './no-sooner-than';

describe('noSoonerThan', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = async <T>(promise: Promise<T>) => {
    let state = 'pending';
    promise.then(
      () => (state = 'resolved'),
      () => (state = 'rejected'),
    );
    await jest.advanceTimersByTimeAsync(0);
    return () => state;
  };

  it('holds a quick answer until the floor, then gives it', async () => {
    const answer = noSoonerThan(200, () => Promise.resolve('done'));
    const state = await settled(answer);
    await jest.advanceTimersByTimeAsync(199);
    expect(state()).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(state()).toBe('resolved');
    await expect(answer).resolves.toBe('done');
  });

  it('holds a failure until the floor too', async () => {
    const answer = noSoonerThan(200, () => Promise.reject(new Error('database away')));
    answer.catch(() => undefined);
    const state = await settled(answer);
    await jest.advanceTimersByTimeAsync(199);
    expect(state()).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(state()).toBe('rejected');
    await expect(answer).rejects.toThrow('database away');
  });

  it('adds nothing to work that takes longer than the floor', async () => {
    const answer = noSoonerThan(200, () => new Promise((resolve) => setTimeout(() => resolve('slow'), 300)));
    const state = await settled(answer);
    await jest.advanceTimersByTimeAsync(299);
    expect(state()).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(state()).toBe('resolved');
  });
});
