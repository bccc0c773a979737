import { verifySchedule, scheduleMeetings } from './engine';
import {
  boothsSharedByCompanies,
  buildInstance,
  lockedBoothClashes,
  SchedulingInputs,
  slotTimes,
  toPlacements,
  unscheduledReason,
} from './scheduling-instance';

const AM = new Date('2026-12-01T01:00:00Z'); // 10:00 in Tokyo
/** The run's time: the day before, every slot still to come. */
const EVE = new Date('2026-11-30T01:00:00Z');

const inputs = (overrides: Partial<SchedulingInputs> = {}): SchedulingInputs => ({
  sessions: [{ id: 's-am', startsAt: AM, slotMinutes: 20, slotCount: 3, mode: 'TABLES', tableCount: 2 }],
  attendees: [
    { participantId: 'p1', booth: null, companyId: null },
    { participantId: 'p2', booth: null, companyId: null },
    { participantId: 'p3', booth: null, companyId: null },
    { participantId: 'p4', booth: null, companyId: null },
  ],
  requests: [
    { id: 'r12', fromParticipantId: 'p1', toParticipantId: 'p2', weight: 1 },
    { id: 'r13', fromParticipantId: 'p1', toParticipantId: 'p3', weight: 2 },
  ],
  published: [],
  maxMeetingsPerParticipant: null,
  ...overrides,
});

describe('DB rows → engine instance', () => {
  it('takes attendees with an accepted request, every session, and slots as the default cap', () => {
    const { instance, excluded } = buildInstance(inputs(), EVE);
    expect(excluded).toEqual([]);
    expect(instance.sessions).toEqual([{ id: 's-am', slots: 3, tables: 2 }]);
    expect(instance.participants).toEqual([
      { id: 'p1', sessions: ['s-am'], maxMeetings: 3 },
      { id: 'p2', sessions: ['s-am'], maxMeetings: 3 },
      { id: 'p3', sessions: ['s-am'], maxMeetings: 3 },
    ]);
    expect(instance.requests).toEqual([
      { id: 'r12', a: 'p1', b: 'p2', weight: 1 },
      { id: 'r13', a: 'p1', b: 'p3', weight: 2 },
    ]);
    expect(instance.locked).toEqual([]);
  });

  it('uses the event cap on meetings when set', () => {
    const { instance } = buildInstance(inputs({ maxMeetingsPerParticipant: 1 }), EVE);
    expect(instance.participants.every((p) => p.maxMeetings === 1)).toBe(true);
  });

  it('leaves out requests whose side no longer attends, with NOT_ATTENDING', () => {
    const { instance, excluded } = buildInstance(
      inputs({
        attendees: [
          { participantId: 'p1', booth: null, companyId: null },
          { participantId: 'p2', booth: null, companyId: null },
        ],
      }),
      EVE,
    );
    expect(instance.requests.map((r) => r.id)).toEqual(['r12']);
    expect(excluded).toEqual([
      { requestId: 'r13', participantAId: 'p1', participantBId: 'p3', code: 'NOT_ATTENDING' },
    ]);
  });

  it('locks published meetings and does not ask their requests again', () => {
    const { instance } = buildInstance(
      inputs({
        published: [
          {
            id: 'm13',
            requestId: 'r13',
            participantAId: 'p1',
            participantBId: 'p3',
            sessionId: 's-am',
            slotIndex: 1,
            tableLabel: '2',
          },
        ],
      }),
      EVE,
    );
    expect(instance.requests.map((r) => r.id)).toEqual(['r12']);
    expect(instance.locked).toEqual([{ a: 'p1', b: 'p3', session: 's-am', slot: 1, table: '2' }]);
    expect(instance.participants.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('sends booth holders to booth sessions only, and booth sessions have no shared tables', () => {
    const { instance } = buildInstance(
      inputs({
        sessions: [
          { id: 's-tables', startsAt: AM, slotMinutes: 20, slotCount: 3, mode: 'TABLES', tableCount: 2 },
          { id: 's-booths', startsAt: AM, slotMinutes: 15, slotCount: 4, mode: 'BOOTHS', tableCount: null },
        ],
        attendees: [
          { participantId: 'p1', booth: 'B-12', companyId: null },
          { participantId: 'p2', booth: null, companyId: null },
          { participantId: 'p3', booth: null, companyId: null },
        ],
      }),
      EVE,
    );
    expect(instance.sessions).toEqual([
      { id: 's-tables', slots: 3, tables: 2 },
      { id: 's-booths', slots: 4, tables: 0 },
    ]);
    expect(instance.participants[0]).toEqual({
      id: 'p1',
      sessions: ['s-booths'],
      maxMeetings: 4,
      booth: 'B-12',
    });
    expect(instance.participants[1]).toEqual({
      id: 'p2',
      sessions: ['s-tables', 's-booths'],
      maxMeetings: 7,
    });
  });

  it('counts B-1 and B-01 as one booth: one meeting there per slot, at the label first stored', async () => {
    const booths = inputs({
      sessions: [
        { id: 's-booths', startsAt: AM, slotMinutes: 20, slotCount: 1, mode: 'BOOTHS', tableCount: null },
      ],
      attendees: [
        { participantId: 'p1', booth: 'B-01', companyId: null },
        { participantId: 'p2', booth: 'b 1', companyId: null },
        { participantId: 'p3', booth: null, companyId: null },
        { participantId: 'p4', booth: null, companyId: null },
      ],
      requests: [
        { id: 'r13', fromParticipantId: 'p1', toParticipantId: 'p3', weight: 1 },
        { id: 'r24', fromParticipantId: 'p2', toParticipantId: 'p4', weight: 1 },
      ],
    });
    const { instance } = buildInstance(booths, EVE);
    expect(instance.participants.map((p) => p.booth)).toEqual(['B-01', 'B-01', undefined, undefined]);
    const result = await scheduleMeetings(instance, { timeLimitMs: 2000, useSolver: false });
    expect(verifySchedule(instance, result)).toEqual([]);
    expect(result.meetings).toHaveLength(1);
    expect(result.meetings[0].table).toBe('B-01');

    // A meeting published at one spelling is where the other spelling's holder stands.
    const published = {
      id: 'm13',
      requestId: 'r13',
      participantAId: 'p1',
      participantBId: 'p3',
      sessionId: 's-booths',
    };
    const locked = buildInstance(
      { ...booths, published: [{ ...published, slotIndex: 0, tableLabel: 'B-1' }] },
      EVE,
    ).instance.locked;
    expect(locked).toEqual([{ a: 'p1', b: 'p3', session: 's-booths', slot: 0, table: 'B-01' }]);
  });

  describe('two published meetings at one booth and time, under two spellings', () => {
    const booths = inputs({
      sessions: [
        { id: 's-booths', startsAt: AM, slotMinutes: 20, slotCount: 2, mode: 'BOOTHS', tableCount: null },
      ],
      attendees: [
        { participantId: 'p1', booth: 'B-01', companyId: 'c-kojiya' },
        { participantId: 'p2', booth: 'B-1', companyId: 'c-haneda' },
        { participantId: 'p3', booth: null, companyId: null },
        { participantId: 'p4', booth: null, companyId: null },
      ],
      requests: [
        { id: 'r13', fromParticipantId: 'p1', toParticipantId: 'p3', weight: 1 },
        { id: 'r24', fromParticipantId: 'p2', toParticipantId: 'p4', weight: 1 },
      ],
      published: [
        {
          id: 'm13',
          requestId: 'r13',
          participantAId: 'p1',
          participantBId: 'p3',
          sessionId: 's-booths',
          slotIndex: 0,
          tableLabel: 'B-01',
        },
        {
          id: 'm24',
          requestId: 'r24',
          participantAId: 'p2',
          participantBId: 'p4',
          sessionId: 's-booths',
          slotIndex: 0,
          tableLabel: 'B-1',
        },
      ],
    });

    it('are a clash the run reports, at the booth as the event writes it, before the engine sees them', () => {
      const built = buildInstance(booths, EVE);
      expect(built.boothClashes).toEqual([
        { booth: 'B-01', sessionId: 's-booths', slotIndex: 0, meetings: booths.published },
      ]);
      expect(lockedBoothClashes(booths)).toEqual(built.boothClashes);
      // One in the next slot is no clash.
      const apart = { ...booths, published: [booths.published[0], { ...booths.published[1], slotIndex: 1 }] };
      expect(buildInstance(apart, EVE).boothClashes).toEqual([]);
    });

    it('are history once their slot has begun: the first stays locked, the other is left out but counted', async () => {
      const during = new Date(AM.getTime() + 5 * 60_000);
      // p2 (B-1) was also asked to meet p3, who is free in the next slot.
      const requests = [
        ...booths.requests,
        { id: 'r23', fromParticipantId: 'p3', toParticipantId: 'p2', weight: 1 },
      ];
      const built = buildInstance({ ...booths, requests, maxMeetingsPerParticipant: 2 }, during);
      expect(built.boothClashes).toEqual([]);
      expect(built.instance.locked).toEqual([
        { a: 'p1', b: 'p3', session: 's-booths', slot: 0, table: 'B-01' },
      ]);
      const p2 = built.instance.participants.find((p) => p.id === 'p2');
      expect(p2).toMatchObject({ maxMeetings: 1, unavailable: [{ session: 's-booths', slot: 0 }] });
      const result = await scheduleMeetings(built.instance, { timeLimitMs: 2000, useSolver: false });
      expect(verifySchedule(built.instance, result)).toEqual([]);
      expect(result.meetings.filter((m) => !m.locked)).toMatchObject([
        { requestId: 'r23', slot: 1, table: 'B-01' },
      ]);
    });

    it('names the booth two companies hold, one holder each; colleagues of one company share theirs', () => {
      expect(boothsSharedByCompanies(booths)).toEqual([{ booth: 'B-01', participantIds: ['p1', 'p2'] }]);
      const colleagues = {
        ...booths,
        attendees: booths.attendees.map((row) => ({ ...row, companyId: row.booth ? 'c-kojiya' : null })),
      };
      expect(boothsSharedByCompanies(colleagues)).toEqual([]);
      // Without a booth-mode 商談枠 the scheduler reads no booth, so there is nothing to warn of.
      expect(boothsSharedByCompanies({ ...booths, sessions: inputs().sessions })).toEqual([]);
    });
  });

  it('ignores booths when the event has no booth session', () => {
    const { instance } = buildInstance(
      inputs({
        attendees: [...inputs().attendees, { participantId: 'p1', booth: 'B-1', companyId: null }].slice(1),
      }),
      EVE,
    );
    expect(instance.participants.find((p) => p.id === 'p1')?.booth).toBeUndefined();
  });
});

describe('engine result → placements', () => {
  const sessions = inputs().sessions;

  it('computes times from the slot and skips locked meetings', () => {
    const { placements, unscheduled } = toPlacements(
      {
        meetings: [
          { a: 'p1', b: 'p2', session: 's-am', slot: 2, table: '1', weight: 1, requestId: 'r12' },
          { a: 'p1', b: 'p3', session: 's-am', slot: 0, table: '2', weight: 0, locked: true },
        ],
        unscheduled: [
          {
            a: 'p4',
            b: 'p1',
            weight: 1,
            requestId: 'r41',
            code: 'MAX_MEETINGS_REACHED',
            reason: 'x',
            participant: 'p1',
          },
        ],
      },
      sessions,
    );
    expect(placements).toEqual([
      {
        requestId: 'r12',
        participantAId: 'p1',
        participantBId: 'p2',
        sessionId: 's-am',
        slotIndex: 2,
        tableLabel: '1',
        startsAt: new Date('2026-12-01T01:40:00Z'),
        endsAt: new Date('2026-12-01T02:00:00Z'),
      },
    ]);
    expect(unscheduled).toEqual([
      {
        requestId: 'r41',
        participantAId: 'p4',
        participantBId: 'p1',
        code: 'MAX_MEETINGS_REACHED',
        participantId: 'p1',
      },
    ]);
    expect(unscheduledReason(unscheduled[0], new Map([['p1', '髙橋 美﨑']]))).toBe(
      '髙橋 美﨑 様の面談数が上限に達しています',
    );
  });

  it('has a Japanese reason for every code', () => {
    for (const code of [
      'DUPLICATE_REQUEST',
      'SELF_REQUEST',
      'BOTH_BOOTH_HOLDERS',
      'NO_BOOTH_NO_TABLES',
      'NO_COMMON_SESSION',
      'NO_COMMON_SLOT',
      'MAX_MEETINGS_REACHED',
      'NO_FREE_SLOT',
      'NOT_ATTENDING',
    ] as const) {
      const reason = unscheduledReason(
        { requestId: null, participantAId: 'a', participantBId: 'b', code },
        new Map(),
      );
      expect(reason).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });

  it('on the day, fills only slots still to come, around a locked meeting in one that has begun', async () => {
    const built = buildInstance(
      inputs({
        published: [
          {
            id: 'm-old',
            requestId: 'r-old',
            participantAId: 'p1',
            participantBId: 'p4',
            sessionId: 's-am',
            slotIndex: 0,
            tableLabel: '1',
          },
        ],
      }),
      new Date('2026-12-01T01:25:00Z'), // 10:25: the 10:00 and 10:20 slots have begun
    );
    expect(built.instance.participants).toEqual([
      { id: 'p1', sessions: ['s-am'], maxMeetings: 3, unavailable: [{ session: 's-am', slot: 1 }] },
      {
        id: 'p2',
        sessions: ['s-am'],
        maxMeetings: 3,
        unavailable: [
          { session: 's-am', slot: 0 },
          { session: 's-am', slot: 1 },
        ],
      },
      expect.objectContaining({ id: 'p3', unavailable: built.instance.participants[1].unavailable }),
      { id: 'p4', sessions: ['s-am'], maxMeetings: 3, unavailable: [{ session: 's-am', slot: 1 }] },
    ]);
    const result = await scheduleMeetings(built.instance, { timeLimitMs: 2000, useSolver: false });
    expect(verifySchedule(built.instance, result)).toEqual([]);
    // p1 has one slot left (10:40): the weightier request gets it.
    const { placements, unscheduled } = toPlacements(result, inputs().sessions);
    expect(placements.map((p) => [p.requestId, p.slotIndex])).toEqual([['r13', 2]]);
    expect(unscheduled.map((entry) => entry.requestId)).toEqual(['r12']);
  });

  it('slot times are back to back', () => {
    expect(slotTimes({ startsAt: AM, slotMinutes: 30 }, 1)).toEqual({
      startsAt: new Date('2026-12-01T01:30:00Z'),
      endsAt: new Date('2026-12-01T02:00:00Z'),
    });
  });

  it('round-trips through the real engine into a valid schedule around a locked meeting', async () => {
    const built = buildInstance(
      inputs({
        requests: [
          ...inputs().requests,
          { id: 'r24', fromParticipantId: 'p2', toParticipantId: 'p4', weight: 1 },
        ],
        published: [
          {
            id: 'm-old',
            requestId: 'r-old',
            participantAId: 'p1',
            participantBId: 'p4',
            sessionId: 's-am',
            slotIndex: 0,
            tableLabel: '1',
          },
        ],
      }),
      EVE,
    );
    const result = await scheduleMeetings(built.instance, { timeLimitMs: 2000, useSolver: false });
    expect(verifySchedule(built.instance, result)).toEqual([]);
    const { placements } = toPlacements(result, inputs().sessions);
    expect(placements.map((p) => p.requestId).sort()).toEqual(['r12', 'r13', 'r24']);
    // p1 is busy in slot 0 with the locked meeting.
    expect(
      placements
        .filter((p) => p.participantAId === 'p1' || p.participantBId === 'p1')
        .every((p) => p.slotIndex > 0),
    ).toBe(true);
  });
});
