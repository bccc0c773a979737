import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { AppConfig, loadConfig } from './app-config';

/**
 * docker-compose.yml and the Dockerfile, checked against the code without a Docker engine: the
 * environment they give the app and the worker passes the same validation the service runs at
 * boot, the addresses in it name the compose services, and the commands name the files the build
 * makes. A variable made required, a renamed entry point or a moved port fails here, not on the
 * first `docker compose up`.
 */
const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  stop_grace_period?: string;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** What compose passes for `${NAME:-default}` when NAME is not set in the shell. */
function interpolated(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{\w+:-([^}]*)\}/g, (_, fallback: string) => fallback),
    ]),
  );
}

/** Where `nest build` (tsconfig.build.json) writes the JavaScript of `source`. */
function compiled(source: string): string {
  const { compilerOptions } = JSON.parse(read('tsconfig.build.json')) as {
    compilerOptions: { rootDir: string };
  };
  const { outDir } = (JSON.parse(read('tsconfig.json')) as { compilerOptions: { outDir: string } })
    .compilerOptions;
  return join(outDir, relative(compilerOptions.rootDir, source)).replace(/\.ts$/, '.js');
}

describe('deployment files', () => {
  const { app, worker } = compose.services;
  const appConfig = loadConfig(interpolated(app.environment ?? {}));
  const workerConfig = loadConfig(interpolated(worker.environment ?? {}));

  it.each([
    ['app', appConfig],
    ['worker', workerConfig],
  ])('gives the %s an environment the service accepts at boot', (_, config: AppConfig) => {
    expect(config.NODE_ENV).toBe('production');
    // Addresses name the compose services and the ports their images listen on.
    expect(new URL(config.DATABASE_URL).host).toBe('postgres:5432');
    expect(new URL(config.REDIS_URL).host).toBe('redis:6379');
    expect(new URL(config.SMTP_URL!).host).toBe('mailpit:1025');
    // The worker is its own service: neither process runs it in-process.
    expect(config.WORKER_IN_PROCESS).toBe(false);
  });

  it('migrates from the app only, and gives the worker time to hand back its jobs before the kill', () => {
    expect(appConfig.RUN_MIGRATIONS).toBe(true);
    expect(workerConfig.RUN_MIGRATIONS).toBe(false);
    const grace = /^(\d+)s$/.exec(worker.stop_grace_period ?? '');
    expect(Number(grace?.[1]) * 1000).toBeGreaterThan(workerConfig.SHUTDOWN_GRACE_MS + 2_000);
  });

  it('starts the files the build makes', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toContain(`CMD ["node", "${compiled('src/main.ts')}"]`);
    expect(worker.command).toEqual(['node', compiled('src/worker.ts')]);
    expect(compiled('src/worker.ts')).toBe('dist/src/worker.js');
    // The published port reaches the one the service listens on inside its container.
    expect(app.ports?.some((mapping) => mapping.endsWith(`:${appConfig.PORT}`))).toBe(true);
  });
});
