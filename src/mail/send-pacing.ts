import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';

/**
 * Starts spaced evenly, `perSecond` a second: one every 1000 / perSecond ms, each caller's time
 * decided when it asks, in the order asked. Not a burst of `perSecond` and then a pause: seen from
 * the server, connection setup and network delay would push a burst into the next second beside the
 * following one, and a relay counting per second would see twice the limit. Evenly spaced, a
 * delay smaller than the spacing still leaves no second with more than one extra.
 */
export class EvenPace {
  private readonly intervalMs: number;
  private next = -Infinity;

  constructor(perSecond: number) {
    this.intervalMs = 1000 / perSecond;
  }

  async take(): Promise<void> {
    const now = performance.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    if (at > now) await sleep(at - now);
  }
}

/**
 * Counted places, taken in order, `urgent` ones first. Free (Infinity places) costs nothing.
 */
export class Places {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly waitingUrgent: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Resolves with the place's release once one is free. */
  async take(urgent = false): Promise<() => void> {
    if (this.used < this.size) {
      this.used += 1;
    } else {
      // The place is handed over by release(), still counted as used.
      await new Promise<void>((resolve) => (urgent ? this.waitingUrgent : this.waiting).push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waitingUrgent.shift() ?? this.waiting.shift();
      if (next) next();
      else this.used -= 1;
    };
  }
}
