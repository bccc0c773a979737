/**
 * Turns many concurrent single-row statements into one: callers `add` an input and get their own
 * result, while the inputs that arrive during one event-loop turn — or while the previous batch is
 * still running — go to the database together. Nothing waits on a timer: a lone call runs at the
 * next turn, and under load the batches grow by themselves. A failed batch fails each of its
 * callers, as the single statements would have.
 *
 * Why: the sender's per-email statements (claim, token INSERT, mark sent) cost more process CPU
 * in driver round trips than in SQL; with WORKER_CONCURRENCY jobs in flight they coalesce well.
 */
export class MicroBatch<I, O> {
  private pending: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;
  private running = 0;

  /**
   * @param run answers one output per input, in input order.
   * @param options.maxSize inputs per statement at most.
   * @param options.maxRunning batches in flight at once (each holds a pool connection).
   */
  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: { maxSize: number; maxRunning: number },
  ) {}

  add(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.maxRunning || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
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
