import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'match-cli-'));

function runCli(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/matching/engine/cli.ts', ...args],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
}

describe('match CLI', () => {
  jest.setTimeout(60_000);

  it('prints only the suggestions JSON on stdout', () => {
    const input = file(
      'ok.json',
      '\uFEFF' +
        JSON.stringify({
          participants: [
            { id: 'p1', needs: ['販路開拓'], offers: ['金属加工'] },
            { id: 'p2', offers: ['販路開拓'], needs: ['金属加工'] },
          ],
        }),
    );
    const result = runCli(input, '--top', '5');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['suggestions']);
    expect(output.suggestions.p1[0]).toMatchObject({ id: 'p2' });
    expect(output.suggestions.p1[0].reasons.length).toBeGreaterThan(0);
  });

  it.each([
    ['a missing file', [path.join(dir, 'nope.json')], /file not found/],
    ['invalid JSON', [file('bad.json', '{ "participants": [')], /invalid JSON/],
    [
      'a participant without id',
      [file('noid.json', '{"participants":[{"needs":["x"]}]}')],
      /participants\[0\]\.id is missing/,
    ],
    ['no participants array', [file('empty.json', '{}')], /participants must be an array/],
    [
      'a bad setting',
      [file('set.json', '{"participants":[],"settings":{"roleRules":"yes"}}')],
      /settings\.roleRules/,
    ],
  ])('exits 1 with a one-line reason on %s', (_, args, message) => {
    const result = runCli(...args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 on wrong usage', () => {
    expect(runCli().status).toBe(2);
    expect(runCli(file('x.json', '{"participants":[]}'), '--top', 'many').status).toBe(2);
  });
});
