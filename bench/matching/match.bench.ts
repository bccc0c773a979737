/**
 * `npm run bench:match`: wall time and peak memory of the matching engine for 1,000 and 10,000
 * participants (top 10 each). Each size runs in its own child process; the engine time excludes
 * process start-up and JSON parsing, the CLI time is the whole `npm run match` path end to end.
 * Targets: 1,000 < 1 s, 10,000 < 10 s and < 1.5 GB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticEvent } from './synthetic-event';

const SIZES = [1_000, 10_000];
const TOP = 10;
const ROOT = path.resolve(__dirname, '../..');
const NODE_ARGS = ['-r', 'ts-node/register/transpile-only'];

interface ChildResult {
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  receivers: number;
  meanListLength: number;
}

function run(args: string[]): { stdout: string; seconds: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { stdout: result.stdout, seconds };
}

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'match-bench-'));
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const file = path.join(dir, `event-${size}.json`);
      writeFileSync(file, JSON.stringify(generateSyntheticEvent({ participants: size, seed: size }).input));
      const engine = JSON.parse(
        run(['bench/matching/match-child.ts', file, String(TOP)]).stdout,
      ) as ChildResult;
      const cli = run(['src/matching/engine/cli.ts', file, '--top', String(TOP)]);
      JSON.parse(cli.stdout);
      rows.push(
        `| ${size.toLocaleString('en')} | ${engine.seconds.toFixed(2)} | ${cli.seconds.toFixed(2)} | ` +
          `${engine.peakRssMb.toFixed(0)} | ${engine.peakHeapMb.toFixed(0)} | ${engine.meanListLength.toFixed(1)} |`,
      );
      process.stderr.write(`done ${size}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`top ${TOP}, synthetic events (seed = size), node ${process.version}`);
  console.log('| participants | engine s | CLI wall s | peak RSS MB | peak heap MB | mean list length |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

main();
