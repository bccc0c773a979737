import { readdirSync, readFileSync } from 'node:fs';

/** Picks the processes of one part of a run: by pid, or by command name (`postgres`). */
export type ProcessGroup = { pids: () => (number | undefined)[] } | { command: string };

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * CPU time by part of a run (the service, the worker, Postgres, Redis, the SMTP sink) and for the
 * whole machine, read from /proc (Linux only): where the time of a benchmark went, not just how
 * long it took. Read each group while its processes are still alive.
 */
export class CpuMeter {
  private readonly before: Record<string, number>;

  constructor(private readonly groups: Record<string, ProcessGroup>) {
    this.before = this.read();
  }

  /** Milliseconds of CPU since the meter was made, per group, plus `machineBusy` and `machineIdle`. */
  elapsed(): Record<string, number> {
    const now = this.read();
    return Object.fromEntries(Object.entries(now).map(([name, ms]) => [name, ms - (this.before[name] ?? 0)]));
  }

  private read(): Record<string, number> {
    const byPid = processCpu();
    const out: Record<string, number> = {};
    for (const [name, group] of Object.entries(this.groups)) {
      out[name] =
        'command' in group
          ? [...byPid.values()]
              .filter((entry) => entry.command === group.command)
              .reduce((sum, entry) => sum + entry.ms, 0)
          : group.pids().reduce((sum: number, pid) => sum + ((pid && byPid.get(pid)?.ms) || 0), 0);
    }
    // First line of /proc/stat: user nice system idle iowait irq softirq … in ticks, all CPUs.
    const [user, nice, system, idle, iowait, irq, softirq] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    out.machineBusy = (user + nice + system + irq + softirq) * TICK_MS;
    out.machineIdle = (idle + iowait) * TICK_MS;
    return out;
  }
}

function processCpu(): Map<number, { command: string; ms: number }> {
  const out = new Map<number, { command: string; ms: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (command) state … : utime and stime are the 12th and 13th fields after the command.
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(name), { command, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
  }
  return out;
}

/** The pids of every process running `command` (e.g. `postgres`: the server and its backends). */
export function pidsOf(command: string): number[] {
  return [...processCpu()].filter(([, entry]) => entry.command === command).map(([pid]) => pid);
}
