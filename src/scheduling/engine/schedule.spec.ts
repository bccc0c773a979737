import { scheduleMeetings } from './schedule';
import { ScheduleInstance, ScheduleProgress } from './types';
import { verifySchedule } from './verify-schedule';

const fair = (): ScheduleInstance => ({
  sessions: [
    { id: 'am', slots: 3, tables: 1 },
    { id: 'pm', slots: 2, tables: ['A', 'B'] },
  ],
  participants: [
    { id: 'p1', sessions: ['am'], maxMeetings: 2 },
    { id: 'p2', sessions: ['am', 'pm'], maxMeetings: 1 },
    { id: 'p3', sessions: ['am', 'pm'], maxMeetings: 3, booth: 'B-12' },
    { id: 'p4', sessions: ['pm'], maxMeetings: 3, booth: 'B-13' },
    { id: 'p5', sessions: ['pm'], maxMeetings: 2 },
  ],
  requests: [
    { a: 'p1', b: 'p2', weight: 1, id: 'r1' },
    { a: 'p2', b: 'p3', weight: 5, id: 'r2' },
    { a: 'p3', b: 'p4', weight: 9, id: 'r3' },
    { a: 'p1', b: 'p5', weight: 2, id: 'r4' },
    { a: 'p5', b: 'p3', weight: 3, id: 'r5' },
    { a: 'p3', b: 'p5', weight: 1, id: 'r6' },
    { a: 'p1', b: 'p1', weight: 1, id: 'r7' },
  ],
});

describe('scheduleMeetings', () => {
  it('keeps every rule and explains each request it could not place', async () => {
    const instance = fair();
    const result = await scheduleMeetings(instance);
    expect(verifySchedule(instance, result)).toEqual([]);

    const met = result.meetings.map((m) => m.requestId).sort();
    expect(met).toEqual(['r2', 'r5']);
    expect(result.scheduledWeight).toBe(8);
    expect(result.upperBound).toBe(8);
    expect(result.meetings.find((m) => m.requestId === 'r2')!.table).toBe('B-12');

    const codes = Object.fromEntries(result.unscheduled.map((u) => [u.requestId, u.code]));
    expect(codes).toEqual({
      r1: 'MAX_MEETINGS_REACHED',
      r3: 'BOTH_BOOTH_HOLDERS',
      r4: 'NO_COMMON_SESSION',
      r6: 'DUPLICATE_REQUEST',
      r7: 'SELF_REQUEST',
    });
    expect(result.unscheduled.find((u) => u.requestId === 'r1')!.reason).toBe(
      'participant p2 reached maxMeetings (1)',
    );
  });

  it('says there is no free slot, not that a cap is reached, for someone booked in every slot they attend', async () => {
    // No cap set: maxMeetings is the number of slots, and the one slot is taken.
    const instance: ScheduleInstance = {
      sessions: [{ id: 'am', slots: 1, tables: 2 }],
      participants: [
        { id: 'p1', sessions: ['am'], maxMeetings: 1 },
        { id: 'p2', sessions: ['am'], maxMeetings: 1 },
        { id: 'p3', sessions: ['am'], maxMeetings: 1 },
      ],
      requests: [
        { a: 'p1', b: 'p2', weight: 5, id: 'booked' },
        { a: 'p3', b: 'p1', weight: 1, id: 'left' },
      ],
    };
    const result = await scheduleMeetings(instance);
    expect(result.meetings.map((m) => m.requestId)).toEqual(['booked']);
    expect(result.unscheduled).toEqual([
      expect.objectContaining({ requestId: 'left', code: 'NO_FREE_SLOT' }),
    ]);
    expect(result.unscheduled[0].participant).toBeUndefined();
  });

  it('says a pair without an exhibitor has nowhere to meet where every session is at booths', async () => {
    const instance: ScheduleInstance = {
      sessions: [{ id: 'booths', slots: 3, tables: 0 }],
      participants: [
        { id: 'maker', sessions: ['booths'], maxMeetings: 3, booth: 'A-01' },
        { id: 'visitor-1', sessions: ['booths'], maxMeetings: 3 },
        { id: 'visitor-2', sessions: ['booths'], maxMeetings: 3 },
      ],
      requests: [
        { a: 'visitor-1', b: 'maker', id: 'at-booth' },
        { a: 'visitor-1', b: 'visitor-2', id: 'nowhere' },
      ],
    };
    const result = await scheduleMeetings(instance);
    expect(verifySchedule(instance, result)).toEqual([]);
    expect(result.meetings.map((m) => [m.requestId, m.table])).toEqual([['at-booth', 'A-01']]);
    expect(result.unscheduled).toMatchObject([{ requestId: 'nowhere', code: 'NO_BOOTH_NO_TABLES' }]);
  });

  it('gives a whole-number bound for whole-number weights, even without the solver', async () => {
    // Three people who each want to meet both others, one meeting each: the per-person bound is
    // half of 3. Staff read the bound beside the weight, and it is stored as an integer.
    const instance: ScheduleInstance = {
      sessions: [{ id: 'am', slots: 2, tables: 2 }],
      participants: ['p1', 'p2', 'p3'].map((id) => ({ id, sessions: ['am'], maxMeetings: 1 })),
      requests: [
        { a: 'p1', b: 'p2', weight: 1 },
        { a: 'p2', b: 'p3', weight: 1 },
        { a: 'p1', b: 'p3', weight: 1 },
      ],
    };
    const result = await scheduleMeetings(instance, { useSolver: false });
    expect(result.scheduledWeight).toBe(1);
    expect(result.upperBound).toBe(1);
    expect(result.stats.optimal).toBe(true);
  });

  it('says when no table is left', async () => {
    const instance: ScheduleInstance = {
      sessions: [{ id: 'am', slots: 1, tables: 1 }],
      participants: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, sessions: ['am'], maxMeetings: 1 })),
      requests: [
        { a: 'p1', b: 'p2', weight: 2 },
        { a: 'p3', b: 'p4', weight: 1 },
      ],
    };
    const result = await scheduleMeetings(instance);
    expect(result.meetings).toEqual([{ a: 'p1', b: 'p2', session: 'am', slot: 0, table: '1', weight: 2 }]);
    expect(result.unscheduled[0]).toMatchObject({
      code: 'NO_FREE_SLOT',
      reason: 'no slot where both are free and a table is available',
    });
  });

  it('leaves locked meetings where they are and counts them once', async () => {
    const instance = fair();
    instance.locked = [{ a: 'p5', b: 'p3', session: 'pm', slot: 1, table: 'B-12' }];
    const result = await scheduleMeetings(instance);
    expect(verifySchedule(instance, result)).toEqual([]);
    expect(result.meetings).toContainEqual({
      a: 'p5',
      b: 'p3',
      session: 'pm',
      slot: 1,
      table: 'B-12',
      weight: 3,
      requestId: 'r5',
      locked: true,
    });
  });

  it('packs a day into consecutive slots when it can', async () => {
    const instance: ScheduleInstance = {
      sessions: [{ id: 'am', slots: 6, tables: 3 }],
      participants: ['host', 'g1', 'g2', 'g3'].map((id) => ({ id, sessions: ['am'], maxMeetings: 6 })),
      requests: ['g1', 'g2', 'g3'].map((g) => ({ a: 'host', b: g, weight: 1 })),
    };
    const result = await scheduleMeetings(instance);
    const slots = result.meetings.map((m) => m.slot).sort();
    expect(slots[2] - slots[0]).toBe(2);
    expect(result.stats.idleGaps).toBe(0);
  });

  it('gives the same schedule for the same input and reports progress', async () => {
    const phases: ScheduleProgress['phase'][] = [];
    const first = await scheduleMeetings(fair(), { onProgress: (p) => phases.push(p.phase) });
    const second = await scheduleMeetings(fair());
    expect(second.meetings).toEqual(first.meetings);
    expect(phases[0]).toBe('validate');
    expect(phases[phases.length - 1]).toBe('done');
  });
});
