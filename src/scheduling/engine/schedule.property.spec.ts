import fc from 'fast-check';
import { Board } from './board';
import { getHighs } from './highs-solver';
import { compileProblem } from './problem';
import { scheduleMeetings } from './schedule';
import { solveTimeIndexed } from './time-indexed-mip';
import { ParticipantInput, ScheduleInstance } from './types';
import { validateInstance } from './validate-instance';
import { verifySchedule } from './verify-schedule';

/**
 * Small random events with everything that makes scheduling awkward: partial attendance,
 * unavailable slots, shared and single booths, zero or few tables, duplicate and self requests.
 */

const instanceArbitrary: fc.Arbitrary<ScheduleInstance> = fc
  .record({
    sessions: fc.array(
      fc.record({ slots: fc.constantFrom(0, 1, 2, 3, 4, 4), tables: fc.constantFrom(0, 1, 2, 3, 3) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    people: fc.array(
      fc.record({
        sessionMask: fc.constantFrom(7, 7, 7, 1, 2, 3, 4, 5, 6),
        maxMeetings: fc.constantFrom(0, 1, 2, 3, 4),
        booth: fc.constantFrom(null, null, null, null, 1, 2, 3),
        unavailable: fc.array(fc.record({ session: fc.nat(), slot: fc.nat() }), { maxLength: 2 }),
      }),
      { minLength: 3, maxLength: 12 },
    ),
    requests: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: 1e6 }),
        b: fc.integer({ min: 0, max: 1e6 }),
        weight: fc.constantFrom(0, 1, 2, 3, 5),
      }),
      {
        minLength: 3,
        maxLength: 30,
      },
    ),
    namedTables: fc.boolean(),
  })
  .map(({ sessions, people, requests, namedTables }) => {
    const sessionList = sessions.map((s, i) => ({
      id: `s${i}`,
      slots: s.slots,
      tables: namedTables ? Array.from({ length: s.tables }, (_, k) => `T${k}`) : s.tables,
    }));
    const participants = people.map((p, i): ParticipantInput => {
      const attended = sessionList.filter((_, s) => p.sessionMask & (1 << s)).map((s) => s.id);
      const participant: ParticipantInput = { id: `p${i}`, sessions: attended, maxMeetings: p.maxMeetings };
      if (p.booth !== null) participant.booth = `B${p.booth}`;
      const unavailable = p.unavailable
        .map((u) => sessionList[u.session % sessionList.length])
        .filter((s) => s.slots > 0)
        .map((s, k) => ({ session: s.id, slot: p.unavailable[k].slot % s.slots }));
      if (unavailable.length) participant.unavailable = unavailable;
      return participant;
    });
    return {
      sessions: sessionList,
      participants,
      // Mostly distinct people; one request in ten may name the same person twice.
      requests: requests.map((r) => {
        const n = participants.length;
        const a = r.a % n;
        const b = r.b % 10 === 0 ? r.b % n : (a + 1 + (r.b % (n - 1))) % n;
        return { a: participants[a].id, b: participants[b].id, weight: r.weight };
      }),
    };
  });

describe('scheduleMeetings on random events', () => {
  it('always keeps every rule, with or without the solver', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArbitrary, fc.boolean(), async (instance, useSolver) => {
        const result = await scheduleMeetings(instance, { useSolver, timeLimitMs: 2000 });
        expect(verifySchedule(instance, result)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('generates events where meetings actually happen', async () => {
    // Guards the generator: a property over empty schedules would prove nothing.
    const samples = fc.sample(instanceArbitrary, { numRuns: 100, seed: 42 });
    let meetings = 0;
    for (const instance of samples) meetings += (await scheduleMeetings(instance)).meetings.length;
    expect(meetings).toBeGreaterThan(100);
  });

  it('keeps locked meetings exactly where they were on a re-run', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArbitrary, fc.integer({ min: 0, max: 1000 }), async (instance, pick) => {
        const first = await scheduleMeetings(instance, { timeLimitMs: 2000 });
        const locked = first.meetings
          .filter((_, k) => (pick >> (k % 10)) & 1)
          .map(({ a, b, session, slot, table }) => ({ a, b, session, slot, table }));
        const rerun: ScheduleInstance = { ...instance, locked };
        const result = await scheduleMeetings(rerun, { timeLimitMs: 2000 });
        expect(verifySchedule(rerun, result)).toEqual([]);
        // The first schedule is still possible around its own locked meetings.
        expect(result.scheduledWeight).toBeGreaterThanOrEqual(first.scheduledWeight);
      }),
      { numRuns: 60 },
    );
  });

  it('never reports a bound below the true optimum, and reaches it on small events', async () => {
    const highs = await getHighs();
    await fc.assert(
      fc.asyncProperty(instanceArbitrary, async (instance) => {
        const problem = compileProblem(validateInstance(instance));
        const exact = solveTimeIndexed(problem, highs, new Board(problem), 30);
        const result = await scheduleMeetings(instance, { timeLimitMs: 3000 });
        const optimum = exact?.weight ?? result.scheduledWeight;
        expect(result.upperBound).toBeGreaterThanOrEqual(optimum);
        expect(result.scheduledWeight).toBe(optimum);
      }),
      { numRuns: 80 },
    );
  });
});
