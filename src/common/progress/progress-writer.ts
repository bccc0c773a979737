/**
 * Progress of a long job (0–100, a percentage) written to its run row from the work's callbacks:
 * at most every `everyMs`, one write at a time and only forwards; `flush` waits for the last one.
 * A value held back by the interval is written when the interval ends (not at the next callback,
 * which may be seconds away), so what staff see trails the work by at most `everyMs`. A new phase
 * is written at once. It stops at 99: 100 arrives with the run's SUCCEEDED.
 *
 * A failed write is dropped: progress is a courtesy, and the next write or the run's end corrects it.
 */
export class ProgressWriter<Phase extends string = string> {
  private written = -1;
  private writtenPhase: Phase | undefined;
  /** The phase of the last write scheduled (it may not have run yet). */
  private scheduledPhase: Phase | undefined;
  private latest = 0;
  private latestPhase: Phase | undefined;
  private lastWriteAt = 0;
  private trailing: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (percent: number, phase: Phase | undefined) => Promise<void>,
    private readonly everyMs: number,
  ) {}

  /** `percent` may be fractional; it is written as a whole number. */
  set(percent: number, phase?: Phase): void {
    this.latest = Math.max(this.latest, Math.min(99, Math.floor(percent)));
    if (phase !== undefined) this.latestPhase = phase;
    const wait = this.lastWriteAt + this.everyMs - Date.now();
    if (wait <= 0 || this.lastWriteAt === 0 || this.latestPhase !== this.scheduledPhase)
      return this.schedule();
    this.trailing ??= setTimeout(() => this.schedule(), wait).unref();
  }

  flush(): Promise<void> {
    if (this.latest !== this.written || this.latestPhase !== this.writtenPhase) this.schedule();
    return this.chain;
  }

  private schedule(): void {
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
    this.lastWriteAt = Date.now();
    const percent = this.latest;
    const phase = this.latestPhase;
    this.scheduledPhase = phase;
    this.chain = this.chain
      .then(async () => {
        if (percent <= this.written && phase === this.writtenPhase) return;
        this.written = Math.max(this.written, percent);
        this.writtenPhase = phase;
        await this.write(this.written, phase);
      })
      .catch(() => undefined);
  }
}
