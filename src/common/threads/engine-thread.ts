import { join } from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';

/** What a thread started by runInThread posts back. */
export type ThreadMessage<P> =
  | { kind: 'progress'; progress: P }
  | { kind: 'done'; result: unknown }
  /** `name` is the thrown error's class name, so the caller can tell refused input from a crash. */
  | { kind: 'error'; name: string; message: string };

/** The thread's engine threw (`name` says what it threw), or the thread ended without an answer. */
export class ThreadRunError extends Error {
  constructor(
    message: string,
    readonly errorName: string,
  ) {
    super(message);
  }
}

/**
 * Runs one call of a synchronous engine (matching, scheduling) in a worker thread and resolves
 * with what it posts. On the main thread, a large event would block the process for seconds —
 * GraphQL requests, the emails a worker is sending, BullMQ's lock renewals — and the engine's
 * progress could never reach the database until it was over.
 *
 * `file` is the thread's module beside `dir`, without extension: compiled builds load its .js;
 * from TypeScript sources (ts-node, tests) the thread registers ts-node first, the same way the
 * start scripts do.
 */
export function runInThread<P>(
  dir: string,
  file: string,
  request: unknown,
  onProgress?: (progress: P) => void,
): Promise<unknown> {
  const worker = __filename.endsWith('.js')
    ? new Worker(join(dir, `${file}.js`))
    : new Worker(
        `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(join(dir, `${file}.ts`))});`,
        { eval: true },
      );
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: ThreadMessage<P>) => {
      if (message.kind === 'progress') onProgress?.(message.progress);
      else if (message.kind === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new ThreadRunError(message.message, message.name)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new ThreadRunError(`${file} thread exited with code ${code}`, 'Exit'))),
    );
    worker.postMessage(request);
  });
}

/**
 * The thread's side: answers the one request it is sent with `handle`'s result, passing on its
 * progress. No Nest import may reach a thread's module: it is loaded on its own.
 */
export function serveOneRequest<R, P>(handle: (request: R, progress: (p: P) => void) => unknown): void {
  parentPort?.once('message', async (request: R) => {
    const post = (message: ThreadMessage<P>) => parentPort!.postMessage(message);
    try {
      const result = await handle(request, (progress) => post({ kind: 'progress', progress }));
      post({ kind: 'done', result });
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      post({ kind: 'error', name, message });
    }
  });
}
