/**
 * Runs the engine once on a file in a fresh process and prints its own measurements as JSON,
 * so each size is measured without the previous run's heap. Spawned by match.bench.ts.
 */
import { readFileSync } from 'node:fs';
import { computeSuggestions, MatchInput } from '../../src/matching/engine';

const [file, topArg] = process.argv.slice(2);
const input = JSON.parse(readFileSync(file, 'utf8')) as MatchInput;
let peakHeap = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint();
// The engine is synchronous, so a timer would never fire: sample the heap from the progress callback.
const output = computeSuggestions(input, {
  top: Number(topArg ?? 10),
  onProgress: () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  },
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const suggestions = Object.values(output.suggestions);
process.stdout.write(
  JSON.stringify({
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
    receivers: suggestions.length,
    meanListLength: suggestions.reduce((s, l) => s + l.length, 0) / Math.max(1, suggestions.length),
  }) + '\n',
);
