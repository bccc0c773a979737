/**
 * `npm run -s match -- FILE --top K`: prints only the suggestions JSON on stdout.
 * Exit codes: 0 ok, 1 bad input (one line on stderr naming the problem), 2 wrong usage.
 */
import { readFileSync } from 'node:fs';
import { MatchInputError } from './input-validation';
import { computeSuggestions } from './match-engine';

const USAGE = 'usage: match FILE [--top K]';

class UsageError extends Error {}

function parseArgs(args: string[]): { file: string; top: number } {
  let file: string | undefined;
  let top = 10;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--top' || arg.startsWith('--top=')) {
      const raw = arg === '--top' ? args[++i] : arg.slice('--top='.length);
      if (raw === undefined || !/^\d+$/.test(raw))
        throw new UsageError(`--top needs a whole number, got ${raw ?? 'nothing'}`);
      top = Number(raw);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument ${arg}`);
    }
  }
  if (file === undefined) throw new UsageError('missing input FILE');
  return { file, top };
}

function readInput(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MatchInputError(
      code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${code ?? error}`,
    );
  }
  try {
    // A BOM is common in files saved from Excel on Windows.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MatchInputError(`invalid JSON in ${file}: ${(error as Error).message}`);
  }
}

function main(args: string[]): number {
  try {
    const { file, top } = parseArgs(args);
    const input = readInput(file);
    const output = computeSuggestions(input as Parameters<typeof computeSuggestions>[0], { top });
    process.stdout.write(JSON.stringify(output) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`match: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof MatchInputError) {
      process.stderr.write(`match: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
    throw error;
  }
}

// exitCode rather than exit(): a large result written to a pipe must be flushed before the process ends.
process.exitCode = main(process.argv.slice(2));
