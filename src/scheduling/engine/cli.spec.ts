import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
let dir: string;

function run(contents: string | null) {
  const file = join(dir, 'instance.json');
  if (contents !== null) writeFileSync(file, contents);
  const target = contents === null ? join(dir, 'missing.json') : file;
  return spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/scheduling/engine/cli.ts', target],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
}

const valid = {
  sessions: [{ id: 'am', slots: 8, tables: 40 }],
  participants: [
    { id: 'p1', sessions: ['am'], maxMeetings: 6 },
    { id: 'p2', sessions: ['am'], maxMeetings: 6, booth: 'B-12' },
  ],
  requests: [{ a: 'p1', b: 'p2', weight: 1 }],
};

describe('schedule CLI', () => {
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'schedule-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints only the schedule JSON on stdout (a file saved with a BOM too)', () => {
    const result = run('\uFEFF' + JSON.stringify(valid));
    expect(result.status).toBe(0);
    const schedule = JSON.parse(result.stdout);
    expect(schedule.meetings).toEqual([
      { a: 'p1', b: 'p2', session: 'am', slot: 0, table: 'B-12', weight: 1 },
    ]);
    expect(schedule).toMatchObject({ unscheduled: [], upperBound: 1, scheduledWeight: 1 });
  });

  it.each([
    [
      'an unknown participant',
      JSON.stringify({ ...valid, requests: [{ a: 'p1', b: 'p7' }] }),
      'requests[0].b: unknown participant "p7"',
    ],
    ['invalid JSON', '{"sessions": [', 'is not valid JSON'],
    ['a missing file', null, 'cannot read'],
  ])('exits non-zero with a one-line reason on %s', (_label, contents, reason) => {
    const result = run(contents);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(reason);
  });
});
