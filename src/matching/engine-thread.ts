import { parentPort } from 'node:worker_threads';
import { computeSuggestions, recommendInvitees } from './engine';
import type { EngineRequest, EngineThreadMessage } from './engine-runner';

/**
 * Runs one engine call off the main thread and reports progress as messages. No Nest import:
 * this file is loaded on its own in a worker thread.
 */
parentPort?.once('message', (request: EngineRequest) => {
  const post = (message: EngineThreadMessage) => parentPort!.postMessage(message);
  try {
    if (request.kind === 'suggestions') {
      const output = computeSuggestions(request.input, {
        top: request.top,
        onProgress: (done, total) => post({ kind: 'progress', done, total }),
      });
      post({ kind: 'done', result: output });
    } else {
      post({ kind: 'done', result: recommendInvitees(request.input) });
    }
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
