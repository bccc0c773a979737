import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstFitBoard } from '../../src/scheduling/engine/greedy';
import { getHighs } from '../../src/scheduling/engine/highs-solver';
import { Board } from '../../src/scheduling/engine/board';
import { compileProblem } from '../../src/scheduling/engine/problem';
import { scheduleMeetings } from '../../src/scheduling/engine/schedule';
import { solveTimeIndexed } from '../../src/scheduling/engine/time-indexed-mip';
import { ScheduleInstance } from '../../src/scheduling/engine/types';
import { validateInstance } from '../../src/scheduling/engine/validate-instance';
import { verifySchedule } from '../../src/scheduling/engine/verify-schedule';
import { benchInstances, withLocked } from './instances';

/**
 * `npm run bench:schedule [-- --only NAME]`: quality (weight against the upper bound, the exact
 * optimum for small instances, a first-fit baseline) and wall time of the scheduler.
 */
interface Row {
  name: string;
  participants: number;
  requests: number;
  weight: number;
  bound: number;
  ratio: string;
  firstFit: number;
  noSolver: number;
  exact: string;
  idleGaps: number;
  ms: number;
  valid: string;
}

async function measure(name: string, instance: ScheduleInstance, exact: boolean): Promise<Row> {
  const problem = compileProblem(validateInstance(instance));
  const firstFit = firstFitBoard(problem).weight;
  // The engine's own heuristics alone, to show what the solver adds.
  const noSolver = (await scheduleMeetings(instance, { useSolver: false })).scheduledWeight;
  const started = Date.now();
  const result = await scheduleMeetings(instance);
  const ms = Date.now() - started;
  const violations = verifySchedule(instance, result);
  let exactText = '-';
  if (exact) {
    // Yardstick: the time-indexed MIP from an empty start, with no time pressure.
    const solved = solveTimeIndexed(problem, await getHighs(), new Board(problem), 300);
    if (!solved) {
      exactText = 'too large';
    } else {
      const gap = solved.weight - result.scheduledWeight;
      const mark = gap === 0 ? 'optimal' : `GAP ${gap}`;
      const bad = solved.weight > result.upperBound ? ' BOUND<OPT' : '';
      exactText = `${solved.weight}${solved.optimal ? '' : ' (unproven)'} ${mark}${bad}`;
    }
  }
  return {
    name,
    participants: instance.participants.length,
    requests: instance.requests.length,
    weight: result.scheduledWeight,
    bound: result.upperBound,
    ratio: `${((100 * result.scheduledWeight) / Math.max(result.upperBound, 1e-9)).toFixed(2)}%`,
    firstFit,
    noSolver,
    exact: exactText,
    idleGaps: result.stats.idleGaps,
    ms,
    valid: violations.length === 0 ? 'ok' : `${violations.length} violations: ${violations[0]}`,
  };
}

/** Wall time of the real command, process start and JSON parsing included. */
function cliWallMs(instance: ScheduleInstance): { ms: number; ok: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'schedule-bench-'));
  try {
    const file = join(dir, 'instance.json');
    writeFileSync(file, JSON.stringify(instance));
    const started = Date.now();
    const run = spawnSync('npm', ['run', '-s', 'schedule', '--', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = Date.now() - started;
    return { ms, ok: run.status === 0 && JSON.parse(run.stdout).meetings.length > 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  const rows: Row[] = [];
  for (const { name, instance, exact } of benchInstances()) {
    if (only && !name.includes(only)) continue;
    const row = await measure(name, instance, exact);
    rows.push(row);
    process.stderr.write(`${name}: ${row.weight}/${row.bound} in ${row.ms} ms\n`);

    if (name.startsWith('fair-1000')) {
      const cli = cliWallMs(instance);
      process.stdout.write(`${name}: CLI wall time ${cli.ms} ms (${cli.ok ? 'ok' : 'FAILED'})\n`);
      // A re-run after publishing: a third of the meetings are locked and must not move.
      const first = await scheduleMeetings(instance);
      const rerun = withLocked(instance, first.meetings, 0.3, 5);
      rows.push(await measure(`${name}+locked30%`, rerun, false));
    }
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
