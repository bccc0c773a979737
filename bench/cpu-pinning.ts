import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/**
 * Pins processes (all their threads) to a set of cores with `taskset`, as a deployment on a small
 * machine would with systemd's CPUAffinity or Compose's `cpuset`: the sending process on a core of
 * its own, the database, Redis and the SMTP sink on the other. `restore` gives every process it
 * touched all cores back; it also runs when the process exits, so a failed run leaves nothing
 * pinned.
 */
export class CpuPinning {
  private readonly touched = new Set<number>();
  private readonly all = `0-${cpus().length - 1}`;

  constructor() {
    process.once('exit', () => this.restore());
  }

  pin(pids: (number | undefined)[], cores: string): void {
    for (const pid of pids) {
      if (pid === undefined) continue;
      this.touched.add(pid);
      taskset(pid, cores);
    }
  }

  restore(): void {
    for (const pid of this.touched) taskset(pid, this.all);
    this.touched.clear();
  }
}

function taskset(pid: number, cores: string): void {
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cores, String(pid)], { stdio: 'ignore' });
  } catch {
    // The process has exited meanwhile (a Postgres backend that closed): nothing to pin.
  }
}
