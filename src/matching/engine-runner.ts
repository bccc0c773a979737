import { Injectable, Logger } from '@nestjs/common';
import { runInThread, ThreadRunError } from '../common/threads/engine-thread';
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

export interface EngineProgress {
  done: number;
  total: number;
}

/** The engine refused its input or crashed: the message is safe to show an organizer. */
export class EngineRunError extends Error {}

/** Calls the pure matching engine in a worker thread (runInThread says why). */
@Injectable()
export class EngineRunner {
  private readonly logger = new Logger(EngineRunner.name);

  suggestions(input: MatchInput, top: number, onProgress?: ProgressCallback): Promise<MatchOutput> {
    return this.run({ kind: 'suggestions', input, top }, onProgress) as Promise<MatchOutput>;
  }

  invitees(input: InviteeInput): Promise<InviteeRecommendation[]> {
    return this.run({ kind: 'invitees', input }) as Promise<InviteeRecommendation[]>;
  }

  private async run(request: EngineRequest, onProgress?: ProgressCallback): Promise<unknown> {
    let running: Promise<unknown>;
    try {
      running = runInThread<EngineProgress>(__dirname, 'engine-thread', request, ({ done, total }) =>
        onProgress?.(done, total),
      );
    } catch (error) {
      // No thread available (e.g. an unusual runtime): correct results matter more than a free loop.
      this.logger.warn(`engine thread unavailable, running inline: ${(error as Error).message}`);
      return runInline(request, onProgress);
    }
    try {
      return await running;
    } catch (error) {
      throw error instanceof ThreadRunError ? new EngineRunError(error.message) : error;
    }
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
