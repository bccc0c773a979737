import { readFileSync } from 'node:fs';
import { scheduleMeetings } from './schedule';
import { InstanceError, validateInstance } from './validate-instance';
import { verifySchedule } from './verify-schedule';

/**
 * `npm run -s schedule -- FILE [--time-limit MS] [--seed N]`: only the schedule JSON goes to
 * stdout so the output can be piped; anything for people goes to stderr.
 */
async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let file: string | undefined;
  let timeLimitMs: number | undefined;
  let seed: number | undefined;
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--time-limit') timeLimitMs = Number(args.shift());
    else if (arg === '--seed') seed = Number(args.shift());
    else if (file === undefined) file = arg;
    else throw new InstanceError(`unexpected argument "${arg}"`);
  }
  if (!file) throw new InstanceError('usage: schedule FILE [--time-limit MS] [--seed N]');
  if (timeLimitMs !== undefined && !(timeLimitMs > 0))
    throw new InstanceError('--time-limit must be a positive number');

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InstanceError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    // A BOM is common in files saved from Excel on Windows.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InstanceError(`${file} is not valid JSON: ${(error as Error).message}`);
  }

  const instance = validateInstance(raw);
  const result = await scheduleMeetings(instance, { timeLimitMs, seed });
  // Cheap next to scheduling, and a wrong agenda emailed to hundreds of people is not.
  const violations = verifySchedule(instance, result);
  if (violations.length > 0) {
    process.stderr.write(
      `internal error: the schedule breaks ${violations.length} rule(s): ${violations[0]}\n`,
    );
    return 2;
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  process.stderr.write(
    `scheduled ${result.meetings.length} meetings, weight ${result.scheduledWeight} of at most ${result.upperBound}` +
      ` (${result.unscheduled.length} unscheduled, ${result.stats.idleGaps} idle slots, ${result.stats.elapsedMs} ms)\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const message = error instanceof InstanceError ? error.message : `unexpected error: ${String(error)}`;
    process.stderr.write(message.split('\n')[0] + '\n');
    process.exitCode = 1;
  },
);
