import { ProgressWriter } from './progress-writer';

describe('ProgressWriter', () => {
  let writes: [number, string | undefined][];
  let writer: ProgressWriter;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-05T10:00:00Z') });
    writes = [];
    writer = new ProgressWriter(async (percent, phase) => {
      writes.push([percent, phase]);
    }, 500);
  });

  afterEach(() => jest.useRealTimers());

  it('writes the first value at once, then at most once per interval, the latest value last', async () => {
    writer.set(1);
    writer.set(10.7);
    writer.set(20);
    await writer.flush();
    expect(writes).toEqual([
      [1, undefined],
      [20, undefined],
    ]);

    writer.set(30);
    writer.set(40);
    await Promise.resolve();
    expect(writes).toHaveLength(2);
    // Held back by the interval, written when it ends without waiting for another callback.
    await jest.advanceTimersByTimeAsync(500);
    expect(writes).toEqual([
      [1, undefined],
      [20, undefined],
      [40, undefined],
    ]);
  });

  it('only moves forwards, in whole percent, and leaves 100 to the finished run', async () => {
    writer.set(50.9);
    await writer.flush();
    writer.set(30);
    await jest.advanceTimersByTimeAsync(500);
    writer.set(120);
    await writer.flush();
    expect(writes.map(([percent]) => percent)).toEqual([50, 99]);
  });

  it('writes a new phase at once, inside the interval', async () => {
    writer.set(10, 'bound');
    writer.set(12, 'bound');
    writer.set(12, 'greedy');
    await writer.flush();
    expect(writes).toEqual([
      [10, 'bound'],
      [12, 'greedy'],
    ]);
  });

  it('drops a failed write and goes on', async () => {
    let fail = true;
    const seen: number[] = [];
    const flaky = new ProgressWriter(async (percent) => {
      if (fail) {
        fail = false;
        throw new Error('connection lost');
      }
      seen.push(percent);
    }, 500);
    flaky.set(5);
    await flaky.flush();
    flaky.set(60);
    await jest.advanceTimersByTimeAsync(500);
    await flaky.flush();
    expect(seen).toEqual([60]);
  });
});
