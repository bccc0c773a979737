/**
 * Turns many concurrent single-row statements into one: callers `add` an input and get their own
 * result, and the inputs go to the database together. A batch leaves when it is full (`maxSize`),
 * or `lingerMs` after its first input arrived (0: at the next event-loop turn); inputs that
 * arrive while `maxRunning` batches are in flight wait for the next one. A failed batch fails each
 * of its callers, as the single statements would have.
 *
 * Why: the sender's per-email statements (claim, token INSERT, mark sent) cost more in round trips
 * — driver work, and on a small machine the context switch into the database for each one — than
 * in SQL. Jobs reach each step one at a time, as the step after them frees up, so without a linger
 * a batch holds three or four rows; ten milliseconds make it about ten, which a mail job does not
 * notice. With no linger it also serves a GraphQL field resolved once per item of a list (the
 * items of one response arrive in the same event-loop turn): one query for the page, not one each.
 */
export class MicroBatch<I, O> {
  private pending: {
    input: I;
    resolve: (output: O) => void;
    reject: (error: unknown) => void;
    arrivedAt: number;
  }[] = [];
  private timer: { cancel(): void } | null = null;
  private running = 0;

  /**
   * @param run answers one output per input, in input order.
   * @param options.maxSize inputs per statement at most.
   * @param options.maxRunning batches in flight at once (each holds a pool connection).
   * @param options.lingerMs how long a batch waits for more inputs before it leaves (default 0).
   */
  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: { maxSize: number; maxRunning: number; lingerMs?: number },
  ) {}

  add(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject, arrivedAt: performance.now() });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running >= this.options.maxRunning || this.pending.length === 0) return;
    const full = this.pending.length >= this.options.maxSize;
    if (this.timer && !full) return;
    this.timer?.cancel();
    const fire = () => {
      this.timer = null;
      this.flush();
    };
    // The oldest input's wait counts: inputs held back by maxRunning do not linger twice.
    const waited = performance.now() - this.pending[0].arrivedAt;
    const linger = full ? 0 : Math.max(0, (this.options.lingerMs ?? 0) - waited);
    if (linger > 0) {
      const timeout = setTimeout(fire, linger);
      this.timer = { cancel: () => clearTimeout(timeout) };
    } else {
      const immediate = setImmediate(fire);
      this.timer = { cancel: () => clearImmediate(immediate) };
    }
  }

  private flush(): void {
    while (this.pending.length > 0 && this.running < this.options.maxRunning) {
      const batch = this.pending.splice(0, this.options.maxSize);
      this.running += 1;
      void this.run(batch.map((entry) => entry.input))
        .then(
          (outputs) => batch.forEach((entry, index) => entry.resolve(outputs[index])),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.running -= 1;
          this.schedule();
        });
    }
  }
}
