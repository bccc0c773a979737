import { ScheduleInstance, ScheduleResult } from './types';
import { verifySchedule } from './verify-schedule';

const instance: ScheduleInstance = {
  sessions: [{ id: 'am', slots: 3, tables: 1 }],
  participants: [
    { id: 'p1', sessions: ['am'], maxMeetings: 1 },
    { id: 'p2', sessions: ['am'], maxMeetings: 3 },
    { id: 'p3', sessions: ['am'], maxMeetings: 3, booth: 'B-1' },
    { id: 'p4', sessions: ['am'], maxMeetings: 3 },
  ],
  requests: [
    { a: 'p1', b: 'p2', weight: 1 },
    { a: 'p2', b: 'p3', weight: 1 },
    { a: 'p1', b: 'p4', weight: 1 },
    { a: 'p2', b: 'p4', weight: 1 },
  ],
};

const result = (
  meetings: ScheduleResult['meetings'],
  unscheduled: ScheduleResult['unscheduled'] = [],
): ScheduleResult => ({
  meetings,
  unscheduled,
  upperBound: 10,
  scheduledWeight: meetings.reduce((sum, m) => sum + m.weight, 0),
  stats: { idleGaps: 0, boundMethod: 'combinatorial', optimal: false, elapsedMs: 0 },
});

const unscheduledRest = (pairs: [string, string][]) =>
  pairs.map(([a, b]) => ({ a, b, weight: 1, code: 'NO_FREE_SLOT' as const, reason: 'no slot' }));

describe('verifySchedule', () => {
  it('accepts a valid schedule', () => {
    const schedule = result(
      [
        { a: 'p1', b: 'p2', session: 'am', slot: 0, table: '1', weight: 1 },
        { a: 'p2', b: 'p3', session: 'am', slot: 1, table: 'B-1', weight: 1 },
      ],
      unscheduledRest([
        ['p1', 'p4'],
        ['p2', 'p4'],
      ]),
    );
    expect(verifySchedule(instance, schedule)).toEqual([]);
  });

  it('reports a table used twice, a person in two places, maxMeetings and a booth meeting elsewhere', () => {
    const schedule = result(
      [
        { a: 'p1', b: 'p2', session: 'am', slot: 0, table: '1', weight: 1 },
        { a: 'p1', b: 'p4', session: 'am', slot: 0, table: '1', weight: 1 },
        { a: 'p2', b: 'p3', session: 'am', slot: 1, table: '1', weight: 1 },
      ],
      unscheduledRest([['p2', 'p4']]),
    );
    const violations = verifySchedule(instance, schedule).join('\n');
    expect(violations).toContain('p1 has two meetings in this slot');
    expect(violations).toContain('table 1 holds two meetings');
    expect(violations).toContain('must take place at booth B-1');
    expect(violations).toContain('more than maxMeetings (1)');
  });

  it('reports a locked meeting that moved and a request that vanished', () => {
    const locked = { ...instance, locked: [{ a: 'p2', b: 'p4', session: 'am', slot: 2, table: '1' }] };
    const schedule = result([{ a: 'p2', b: 'p4', session: 'am', slot: 1, table: '1', weight: 1 }]);
    const violations = verifySchedule(locked, schedule).join('\n');
    expect(violations).toContain('locked[0] (p2–p4) was moved or dropped');
    expect(violations).toContain('4 requests but 1 fulfilled and 0 unscheduled');
  });
});
