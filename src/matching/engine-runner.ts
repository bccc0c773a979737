import { Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  computeSuggestions,
  InviteeInput,
  InviteeRecommendation,
  MatchInput,
  MatchOutput,
  ProgressCallback,
  recommendInvitees,
} from './engine';

export type EngineRequest =
  { kind: 'suggestions'; input: MatchInput; top: number } | { kind: 'invitees'; input: InviteeInput };

export type EngineThreadMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: unknown }
  | { kind: 'error'; message: string };

/** The engine refused its input or crashed: the message is safe to show an organizer. */
export class EngineRunError extends Error {}

/**
 * Calls the pure engine in a worker thread. The engine is synchronous: run on the main thread, a
 * 10,000-person event would block the process for seconds (GraphQL requests, BullMQ lock renewals)
 * and its onProgress callbacks could never reach the database until it was over.
 */
@Injectable()
export class EngineRunner {
  private readonly logger = new Logger(EngineRunner.name);

  suggestions(input: MatchInput, top: number, onProgress?: ProgressCallback): Promise<MatchOutput> {
    return this.run({ kind: 'suggestions', input, top }, onProgress) as Promise<MatchOutput>;
  }

  invitees(input: InviteeInput): Promise<InviteeRecommendation[]> {
    return this.run({ kind: 'invitees', input }) as Promise<InviteeRecommendation[]>;
  }

  private run(request: EngineRequest, onProgress?: ProgressCallback): Promise<unknown> {
    let worker: Worker;
    try {
      worker = startThread();
    } catch (error) {
      // No thread available (e.g. an unusual runtime): correct results matter more than a free loop.
      this.logger.warn(`engine thread unavailable, running inline: ${(error as Error).message}`);
      return Promise.resolve(runInline(request, onProgress));
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
        void worker.terminate();
      };
      worker.on('message', (message: EngineThreadMessage) => {
        if (message.kind === 'progress') onProgress?.(message.done, message.total);
        else if (message.kind === 'done') settle(() => resolve(message.result));
        else settle(() => reject(new EngineRunError(message.message)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) =>
        settle(() => reject(new EngineRunError(`matching engine thread exited with code ${code}`))),
      );
      worker.postMessage(request);
    });
  }
}

function runInline(request: EngineRequest, onProgress?: ProgressCallback): unknown {
  try {
    return request.kind === 'suggestions'
      ? computeSuggestions(request.input, { top: request.top, onProgress })
      : recommendInvitees(request.input);
  } catch (error) {
    throw new EngineRunError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Compiled builds load the thread's .js file; from TypeScript sources (ts-node, tests) the thread
 * registers ts-node first, the same way the start scripts do.
 */
function startThread(): Worker {
  if (__filename.endsWith('.js')) return new Worker(join(__dirname, 'engine-thread.js'));
  const source = join(__dirname, 'engine-thread.ts');
  return new Worker(
    `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(source)});`,
    { eval: true },
  );
}
