import {
  agendaChanges,
  AgendaSnapshot,
  AgendaSnapshotMeeting,
  agendaVersion,
  unchanged,
} from './agenda-changes';

const at = (time: string) => `2026-12-10T${time}:00+09:00`;
const meeting = (id: string, time: string, table: string): AgendaSnapshotMeeting => ({
  id,
  requestId: `r-${id}`,
  startsAt: new Date(at(time)).toISOString(),
  endsAt: new Date(new Date(at(time)).getTime() + 20 * 60_000).toISOString(),
  table,
  booth: false,
});
const snapshot = (meetings: AgendaSnapshotMeeting[], unscheduled: string[] = []): AgendaSnapshot => ({
  meetings,
  unscheduled,
});

describe('agendaChanges', () => {
  it('marks nothing on a first agenda', () => {
    expect(agendaChanges(null, snapshot([meeting('a', '14:00', '1')]))).toBeNull();
  });

  it('finds nothing when the same meetings are at the same times and tables', () => {
    const now = snapshot([meeting('a', '14:00', '1')], ['r-x']);
    // Stored as JSON and read back: the same instant written differently is the same time.
    const stored = snapshot([{ ...meeting('a', '14:00', '1'), startsAt: at('14:00') }], ['r-x']);
    expect(unchanged(agendaChanges(stored, now)!)).toBe(true);
  });

  it('marks a new time or table with where and when it was, and a new meeting as added', () => {
    const changes = agendaChanges(
      snapshot([meeting('a', '14:00', '1'), meeting('b', '14:20', '2')]),
      snapshot([meeting('a', '14:40', '1'), meeting('b', '14:20', '3'), meeting('c', '15:00', '1')]),
    )!;
    expect(changes.meetings).toEqual(
      new Map([
        [
          'a',
          {
            kind: 'CHANGED',
            before: {
              startsAt: new Date(at('14:00')),
              endsAt: new Date(at('14:20')),
              table: '1',
              booth: false,
            },
          },
        ],
        ['b', { kind: 'CHANGED', before: expect.objectContaining({ table: '2' }) }],
        ['c', { kind: 'ADDED' }],
      ]),
    );
    expect(changes.removed).toEqual([]);
  });

  it('follows a meeting that had no time to the time it got, and lists what is gone', () => {
    const changes = agendaChanges(
      snapshot([meeting('a', '14:00', '1')], ['r-b', 'r-gone']),
      snapshot([meeting('b', '14:00', '1')], ['r-new']),
    )!;
    expect(changes.meetings).toEqual(new Map([['b', { kind: 'CHANGED', before: null }]]));
    expect(changes.addedUnscheduled).toEqual(new Set(['r-new']));
    expect(changes.removed).toEqual([
      { requestId: 'r-a', meetingId: 'a', before: expect.objectContaining({ table: '1' }) },
      { requestId: 'r-gone', meetingId: null, before: null },
    ]);
    expect(unchanged(changes)).toBe(false);
  });
});

describe('agendaVersion', () => {
  it('is the same for the same agenda listed in another order, and differs when a table moves', () => {
    const a = meeting('a', '14:00', '1');
    const b = meeting('b', '14:00', '2');
    const version = agendaVersion(snapshot([a, b], ['r-x', 'r-y']));
    expect(agendaVersion(snapshot([b, a], ['r-y', 'r-x']))).toBe(version);
    expect(agendaVersion(snapshot([a, { ...b, table: '3' }], ['r-x', 'r-y']))).not.toBe(version);
    expect(agendaVersion(snapshot([a, b], ['r-x']))).not.toBe(version);
  });
});
