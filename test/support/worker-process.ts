import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';

/** What each entry point logs once it has started (src/worker.ts, src/main.ts). */
const READY_LINE = { worker: 'Tsunagu worker consuming queues', main: 'Tsunagu listening on port' } as const;

/**
 * Runs the worker as a separate process with a test app's configuration (its database, queue
 * prefix, SMTP sink), as `npm run start:worker` would in production. From TypeScript (tests) it
 * runs `src/worker.ts` through ts-node; compiled (bench:mail), the compiled `src/worker.js` beside
 * it, as production runs it.
 */
export class WorkerProcess {
  private stderr = '';
  private stdout = '';
  private started = false;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly entry: 'worker' | 'main',
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout = (this.stdout + chunk.toString()).slice(-20_000);
      this.started ||= this.stdout.includes(READY_LINE[entry]);
    });
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** `entry` 'main': the HTTP service instead (src/main.ts), e.g. with the worker in-process. */
  static start(
    config: AppConfig,
    overrides: Record<string, string> = {},
    entry: 'worker' | 'main' = 'worker',
  ): WorkerProcess {
    const env = processEnv(config);
    const root = join(__dirname, '..', '..');
    const args = __filename.endsWith('.js')
      ? [join(root, 'src', `${entry}.js`)]
      : ['-r', 'ts-node/register/transpile-only', `src/${entry}.ts`];
    const child = spawn(process.execPath, args, {
      cwd: root,
      // At 'log' it says when it is ready (see ready); what it logs stays in this object.
      env: { ...env, LOG_LEVEL: 'log', ...overrides },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new WorkerProcess(child, entry);
  }

  /**
   * Resolves once the process takes jobs (the worker) or requests (the service), as its log says.
   * Starting compiles the whole application first, which a busy or slow machine can stretch to a
   * minute: tests wait for this before timing what the process does.
   */
  async ready(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.started) {
      if (!this.alive)
        throw new Error(`the ${this.entry} process exited before it was ready:\n${this.errors}`);
      if (Date.now() > deadline)
        throw new Error(`the ${this.entry} process was not ready after ${timeoutMs} ms:\n${this.errors}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the worker wrote to stderr (for a failing test's message). */
  get errors(): string {
    return this.stderr;
  }

  /** Everything it logged, stdout and stderr, without colours (the last 20,000 characters of each). */
  get log(): string {
    // eslint-disable-next-line no-control-regex
    return `${this.stdout}\n${this.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  }

  /** SIGKILL: no shutdown hooks, no cleanup — as when a machine dies. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.alive) return Promise.resolve();
    this.child.kill(signal);
    return this.exited.then(() => undefined);
  }
}

/** A child process's environment carrying a test app's configuration, and nothing else but PATH. */
export function processEnv(config: AppConfig): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined && value !== null) env[key] = String(value);
  }
  return env;
}
