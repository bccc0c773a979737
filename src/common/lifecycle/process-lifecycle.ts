import { Logger } from '@nestjs/common';

/** A start that cannot succeed for a reason the message states (a wrong URL, a port in use). */
export class StartupError extends Error {}

/**
 * Ends a failed start of an entry point with one line on stderr and exit code 1 (a wrong or
 * missing variable has already exited with 78, see loadConfigOrExit). An unexpected error keeps
 * its stack: that one is a bug.
 */
export function exitOnStartupFailure(what: string, error: unknown): never {
  if (error instanceof StartupError) {
    console.error(`${what} could not start: ${error.message}`);
  } else {
    console.error(
      `${what} could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  process.exit(1);
}

/**
 * Says in the log when a stop was asked for, and bounds the stop:
 * Nest's shutdown hooks (enableShutdownHooks) do the work, and if they hang (a connection that
 * never closes) the process exits anyway `graceMs` + 10 s after the signal.
 */
export function logAndBoundShutdown(logger: Logger, graceMs: number): void {
  const limit = graceMs + 10_000;
  const onSignal = (signal: NodeJS.Signals) => {
    for (const other of ['SIGTERM', 'SIGINT'] as const) process.removeListener(other, onSignal);
    logger.log(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${limit} ms; exiting anyway`);
      process.exit(1);
    }, limit).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, onSignal);
}
