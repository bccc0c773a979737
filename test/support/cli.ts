import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestApp } from './test-app';
import { processEnv } from './worker-process';

const run = promisify(execFile);

/**
 * The admin's command line (`npm run cli -- …`) as a separate process against a test app's
 * database; a failing command answers its exit code and output instead of throwing.
 */
export async function runCli(
  testApp: TestApp,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliWith(testApp, {}, ...args);
}

/** The same with variables changed (`undefined` leaves one out), as a wrong `.env` would. */
export async function runCliWith(
  testApp: TestApp,
  overrides: Record<string, string | undefined>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string> = processEnv(testApp.config);
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  try {
    const root = join(__dirname, '..', '..');
    // Run from outside the project folder: the CLI reads a `.env` in its working directory, and a
    // developer's (scripts/up.sh writes one) would fill in the variable a test leaves out.
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), join(root, 'src', 'cli.ts'), ...args],
      { cwd: tmpdir(), env: { ...env, TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
