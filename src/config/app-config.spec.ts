import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const base = { JWT_SECRET: 'x'.repeat(32) };

  it('reads the usual ways of writing a switch', () => {
    for (const [written, read] of [
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['on', true],
      ['false', false],
      ['0', false],
      [' no ', false],
      ['off', false],
    ] as const) {
      expect(loadConfig({ ...base, WORKER_IN_PROCESS: written }).WORKER_IN_PROCESS).toBe(read);
    }
  });

  it('stops at a switch it cannot read, naming it, rather than taking it as false', () => {
    const load = () => loadConfig({ ...base, WORKER_IN_PROCESS: 'ture', RUN_MIGRATIONS: 'maybe' });
    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(
      /WORKER_IN_PROCESS: .*boolean[\s\S]*RUN_MIGRATIONS: .*boolean|RUN_MIGRATIONS: .*boolean[\s\S]*WORKER_IN_PROCESS: .*boolean/,
    );
  });
});
