import { MicroBatch } from './micro-batch';

describe('MicroBatch', () => {
  it('runs the calls of one turn as one batch and answers each caller its own result', async () => {
    const batches: number[][] = [];
    const batch = new MicroBatch(
      async (inputs: number[]) => {
        batches.push(inputs);
        return inputs.map((input) => input * 10);
      },
      { maxSize: 100, maxRunning: 1 },
    );
    await expect(Promise.all([1, 2, 3].map((input) => batch.add(input)))).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('splits at maxSize and collects the calls made while a batch runs into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batch = new MicroBatch(
      async (inputs: number[]) => {
        batches.push(inputs);
        if (batches.length === 1) await gate;
        return inputs;
      },
      { maxSize: 2, maxRunning: 1 },
    );
    const first = [1, 2, 3].map((input) => batch.add(input));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [4, 5].map((input) => batch.add(input));
    release();
    await expect(Promise.all([...first, ...later])).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails every caller of a failed batch, and keeps serving later calls', async () => {
    let calls = 0;
    const batch = new MicroBatch(
      async (inputs: string[]) => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
        return inputs;
      },
      { maxSize: 10, maxRunning: 1 },
    );
    const failed = ['a', 'b'].map((input) => batch.add(input));
    await expect(Promise.allSettled(failed)).resolves.toEqual([
      { status: 'rejected', reason: new Error('database away') },
      { status: 'rejected', reason: new Error('database away') },
    ]);
    await expect(batch.add('c')).resolves.toBe('c');
  });

  describe('with a linger', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('waits lingerMs for more inputs, then sends what it has', async () => {
      const batches: number[][] = [];
      const batch = new MicroBatch(
        async (inputs: number[]) => {
          batches.push(inputs);
          return inputs;
        },
        { maxSize: 10, maxRunning: 1, lingerMs: 5 },
      );
      const first = batch.add(1);
      await jest.advanceTimersByTimeAsync(3);
      const second = batch.add(2);
      expect(batches).toEqual([]);
      await jest.advanceTimersByTimeAsync(2);
      await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
      expect(batches).toEqual([[1, 2]]);
    });

    it('sends a full batch at once, without waiting out the linger', async () => {
      const batches: number[][] = [];
      const batch = new MicroBatch(
        async (inputs: number[]) => {
          batches.push(inputs);
          return inputs;
        },
        { maxSize: 3, maxRunning: 1, lingerMs: 1_000 },
      );
      const calls = [1, 2, 3].map((input) => batch.add(input));
      await jest.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([[1, 2, 3]]);
      await expect(Promise.all(calls)).resolves.toEqual([1, 2, 3]);
    });

    it('does not make inputs held back by a running batch linger again', async () => {
      const batches: number[][] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const batch = new MicroBatch(
        async (inputs: number[]) => {
          batches.push(inputs);
          if (batches.length === 1) await gate;
          return inputs;
        },
        { maxSize: 10, maxRunning: 1, lingerMs: 5 },
      );
      const first = batch.add(1);
      await jest.advanceTimersByTimeAsync(5);
      expect(batches).toEqual([[1]]);
      const second = batch.add(2);
      await jest.advanceTimersByTimeAsync(20);
      expect(batches).toEqual([[1]]);
      release();
      // Waited 20 ms already: goes at the next turn, not 5 ms later.
      await jest.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([[1], [2]]);
      await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    });
  });
});
