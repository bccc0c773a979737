import { Role } from '../src/auth/actor';
import { boothKey } from '../src/registrations/booth-label';
import { SchedulingRun } from '../src/scheduling/scheduling-run.entity';
import { SchedulingService } from '../src/scheduling/scheduling.service';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, failure, GraphqlResponse, ok, TestApp } from './support/test-app';
import { holdingLocks, sessionsWaitingForLocks } from './support/lock-waits';

/**
 * A meeting in a booth-mode 商談枠 stands at the exhibitor's booth, and every writer of one — a
 * booth change, placeMeeting, moveMeeting, a scheduling run writing its placements, a freed slot
 * given to a waiting request — must see what the others committed. Each race here is driven one
 * step at a time: a second connection holds a row the writer needs, and what the other side does
 * is committed while the writer waits for it.
 */
describe('booth meetings written while the booth or the schedule changes', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '城南信用金庫', kind: 'FINANCIAL_INSTITUTION' }),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A 商談会 whose one 商談枠 (three slots of 20 minutes) is at the exhibitors' booths. */
  const fair = async (days: number) => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'じょうなん 受発注商談会',
      capacity: null,
      startsAt: tokyoInDays(days, '10:00'),
      endsAt: tokyoInDays(days, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(days, '13:00'),
      slotMinutes: 20,
      slotCount: 3,
      mode: 'BOOTHS',
    });
    const register = async (participantId: string, booth?: string) =>
      ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId, participantId, ...(booth ? { role: 'EXHIBITOR', booth } : {}) },
          organizer,
        ),
      ).register.id;
    return { eventId, sessionId, register };
  };
  /** How TypeORM starts reading an event, as EventsService.lockManaged and placeMeeting lock it. */
  const EVENT_LOCK = 'SELECT "Event"."id"';
  const PLACE =
    'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i) { id table } }';
  const MOVE =
    'mutation($id: ID!, $s: ID!, $i: Int!) { moveMeeting(id: $id, sessionId: $s, slotIndex: $i) { slotIndex table } }';
  const placeMeeting = (requestId: string, sessionId: string, slotIndex: number) =>
    t.gql<{ placeMeeting: { id: string; table: string } }>(
      PLACE,
      { r: requestId, s: sessionId, i: slotIndex },
      organizer,
    );
  /** The live meetings of an event in its booth-mode 商談枠, by slot and booth. */
  const liveMeetings = async (eventId: string) =>
    (
      await t.dataSource.query<
        { id: string; request_id: string; slot_index: number; table_label: string; published: boolean }[]
      >(
        `SELECT id, request_id, slot_index, table_label, published_at IS NOT NULL AS published FROM meetings
          WHERE event_id = $1 AND status <> 'CANCELLED' ORDER BY slot_index, table_label`,
        [eventId],
      )
    ).map((row) => ({ ...row, booth: boothKey(row.table_label) }));
  /** Booths that have two live meetings in one slot, whatever spelling each was written under. */
  const doubleBooked = async (eventId: string) => {
    const seen = new Map<string, string[]>();
    for (const meeting of await liveMeetings(eventId)) {
      const place = `${meeting.slot_index} ${meeting.booth}`;
      seen.set(place, [...(seen.get(place) ?? []), meeting.table_label]);
    }
    return [...seen.entries()].filter(([, labels]) => labels.length > 1);
  };
  const waitingOn = (start: string) => sessionsWaitingForLocks(t.dataSource, start);

  const holding = <T>(
    body: (hold: (sql: string, parameters?: unknown[]) => Promise<unknown>) => Promise<T>,
  ) => holdingLocks(t.dataSource, body);

  it('places a meeting at the booth the exhibitor has once a booth change it waited for is committed', async () => {
    const { eventId, sessionId, register } = await fair(24);
    const company = { name: '株式会社糀谷金属' };
    const kojiya = await createParticipant(t, organizer, { name: '糀谷 二郎', company });
    const colleague = await createParticipant(t, organizer, { name: '糀谷 三郎', company });
    const buyerA = await createParticipant(t, organizer, { name: '大森 花子' });
    const buyerB = await createParticipant(t, organizer, { name: '蒲田 一郎' });
    const registrationId = await register(kojiya.id, 'B-01');
    await register(colleague.id, 'B-02');
    await register(buyerA.id);
    await register(buyerB.id);
    // The colleague meets someone at their booth at 13:00.
    expect(
      ok(await placeMeeting(await agreeMeeting(t, eventId, buyerB.id, colleague.id), sessionId, 0))
        .placeMeeting.table,
    ).toBe('B-02');
    const requestId = await agreeMeeting(t, eventId, buyerA.id, kojiya.id);

    // Staff move 糀谷 二郎 to the colleague's booth while another places his meeting at 13:00:
    // the booth change has the event first, the placement waits for it.
    const { changed, placed } = await holding(async (hold) => {
      await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
      const changed = t.gql<{ updateRegistration: { booth: string } }>(
        'mutation($id: ID!, $input: UpdateRegistrationInput!) { updateRegistration(id: $id, input: $input) { booth } }',
        { id: registrationId, input: { booth: 'B-02' } },
        organizer,
      );
      await eventually(async () => (await waitingOn(EVENT_LOCK)) >= 1, 'the booth change waiting');
      const placed = placeMeeting(requestId, sessionId, 0);
      await eventually(async () => (await waitingOn(EVENT_LOCK)) >= 2, 'the placement waiting');
      return { changed, placed };
    });
    expect(ok(await changed).updateRegistration.booth).toBe('B-02');
    // B-02 has a meeting at 13:00: refused, rather than sent to B-01, where he no longer stands.
    const refused = failure(await placed);
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_SLOT_TAKEN' });
    expect(refused.message).toBe('この時間枠は埋まっています（ブース B-02 に別の面談があります）');
    expect((await liveMeetings(eventId)).map((meeting) => meeting.table_label)).toEqual(['B-02']);
    // At 13:20 the booth he has now is free.
    expect(ok(await placeMeeting(requestId, sessionId, 1)).placeMeeting.table).toBe('B-02');
  });

  it('moves a meeting only after a scheduling run writing its placements has committed them', async () => {
    const { eventId, sessionId, register } = await fair(25);
    const company = { name: '有限会社羽田精機' };
    // Two colleagues at one booth, one of them stored as 「B-1」 before booths were compared as
    // booths: the run writes the spelling of the first it reads (by id), a move the meeting's own.
    const [early, late] = [
      await createParticipant(t, organizer, { name: '羽田 一郎', company }),
      await createParticipant(t, organizer, { name: '羽田 二郎', company }),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    const other = await createParticipant(t, organizer, { company: { name: '株式会社六郷工業' } });
    const [buyerA, buyerB, buyerC] = [
      await createParticipant(t, organizer, { name: '大森 花子' }),
      await createParticipant(t, organizer, { name: '蒲田 一郎' }),
      await createParticipant(t, organizer, { name: '池上 桃子' }),
    ];
    await register(early.id, 'B-01');
    await register(late.id, 'B-01');
    await register(other.id, 'C-01');
    for (const buyer of [buyerA, buyerB, buyerC]) await register(buyer.id);
    const published = ok(
      await placeMeeting(await agreeMeeting(t, eventId, buyerA.id, late.id), sessionId, 0),
    ).placeMeeting;
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
        { e: eventId },
        organizer,
      ),
    );
    await t.dataSource.query(
      `UPDATE registrations SET booth = 'B-1' WHERE event_id = $1 AND participant_id = $2`,
      [eventId, early.id],
    );
    // For the run to place: 羽田 一郎 with 蒲田 一郎 (at 13:20, the booth's first free slot), and a
    // placement not yet published at C-01, which the run replaces.
    await agreeMeeting(t, eventId, buyerB.id, early.id);
    const draft = ok(
      await placeMeeting(await agreeMeeting(t, eventId, buyerC.id, other.id), sessionId, 0),
    ).placeMeeting;

    const run = await t.dataSource.getRepository(SchedulingRun).save({ eventId });
    const { ran, moved } = await holding(async (hold) => {
      // The run computes, then waits to replace the placement held here, its inputs checked.
      await hold('SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE', [draft.id]);
      const ran = t.app.get(SchedulingService).execute(run.id);
      await eventually(async () => (await waitingOn('DELETE FROM meetings')) >= 1, 'the run writing');
      // Staff move the published meeting to 13:20 meanwhile: done, or waiting for the run.
      let settled = false;
      const moved = t
        .gql<{ moveMeeting: { slotIndex: number; table: string } }>(
          MOVE,
          { id: published.id, s: sessionId, i: 1 },
          organizer,
        )
        .finally(() => (settled = true));
      await eventually(async () => settled || (await waitingOn('')) >= 2, 'the move done or waiting');
      return { ran, moved: moved as Promise<GraphqlResponse<{ moveMeeting: { table: string } }>> };
    });
    await ran;
    const finished = await t.dataSource.getRepository(SchedulingRun).findOneByOrFail({ id: run.id });
    expect([finished.status, finished.error]).toEqual(['SUCCEEDED', null]);
    // The run's placement is at 13:20 at the booth; the move, after it, finds the slot taken.
    expect(await doubleBooked(eventId)).toEqual([]);
    const refused = failure(await moved);
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_SLOT_TAKEN' });
    expect(refused.message).toBe('この時間枠は埋まっています（ブース B-1 に別の面談があります）');
    expect(
      (await liveMeetings(eventId)).filter((meeting) => meeting.booth === 'B-1').map((m) => m.slot_index),
    ).toEqual([0, 1]);
  });

  const CANCEL = 'mutation($id: ID!) { cancelMeeting(id: $id) { status } }';
  const UPDATE_BOOTH =
    'mutation($id: ID!, $booth: String) { updateRegistration(id: $id, input: { booth: $booth }) { booth placementsRemoved } }';

  it('gives a slot freed at a booth written another way to a request waiting at that booth', async () => {
    const { eventId, sessionId, register } = await fair(26);
    const kojiya = await createParticipant(t, organizer, { company: { name: '株式会社糀谷金属' } });
    const buyerA = await createParticipant(t, organizer, { name: '大森 花子' });
    const buyerB = await createParticipant(t, organizer, { name: '蒲田 一郎' });
    await register(kojiya.id, 'B-01');
    await register(buyerA.id);
    await register(buyerB.id);
    const first = ok(
      await placeMeeting(await agreeMeeting(t, eventId, buyerA.id, kojiya.id), sessionId, 0),
    ).placeMeeting;
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
        { e: eventId },
        organizer,
      ),
    );
    // Older data: the meeting is written 「Ｂ－０１」, as typed before booths were read in one width.
    await t.dataSource.query(`UPDATE meetings SET table_label = 'Ｂ－０１' WHERE id = $1`, [first.id]);
    const waiting = await agreeMeeting(t, eventId, buyerB.id, kojiya.id);

    expect(ok(await t.gql(CANCEL, { id: first.id }, organizer))).toEqual({
      cancelMeeting: { status: 'CANCELLED' },
    });
    // 13:00 at 糀谷金属's booth is free: the request waiting there has it, at the booth as written now.
    expect(await liveMeetings(eventId)).toEqual([
      expect.objectContaining({ request_id: waiting, slot_index: 0, table_label: 'B-01', published: true }),
    ]);
  });

  it('does not give a freed slot at a booth that another meeting holds then under another spelling', async () => {
    const { eventId, sessionId, register } = await fair(27);
    const company = { name: '有限会社羽田精機' };
    const haneda = await createParticipant(t, organizer, { name: '羽田 一郎', company });
    const colleague = await createParticipant(t, organizer, { name: '羽田 二郎', company });
    const [buyerA, buyerB, buyerC] = [
      await createParticipant(t, organizer, { name: '大森 花子' }),
      await createParticipant(t, organizer, { name: '蒲田 一郎' }),
      await createParticipant(t, organizer, { name: '池上 桃子' }),
    ];
    await register(haneda.id, 'B-01');
    await register(colleague.id, 'B-01');
    for (const buyer of [buyerA, buyerB, buyerC]) await register(buyer.id);
    const kept = ok(
      await placeMeeting(await agreeMeeting(t, eventId, buyerA.id, haneda.id), sessionId, 0),
    ).placeMeeting;
    const called = ok(
      await placeMeeting(await agreeMeeting(t, eventId, buyerB.id, colleague.id), sessionId, 1),
    ).placeMeeting;
    // Older data: both at the booth at 13:00, written 「B-1」 and 「Ｂ－０１」, so the database's
    // one-meeting-per-booth index let them be.
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE meetings SET table_label = 'B-1' WHERE id = $1`, [kept.id]);
      await manager.query(
        `UPDATE meetings m SET slot_index = 0, table_label = 'Ｂ－０１', starts_at = k.starts_at, ends_at = k.ends_at
           FROM meetings k WHERE m.id = $1 AND k.id = $2`,
        [called.id, kept.id],
      );
      await manager.query(`UPDATE meeting_participants SET slot_index = 0 WHERE meeting_id = $1`, [
        called.id,
      ]);
    });
    await agreeMeeting(t, eventId, buyerC.id, colleague.id);

    ok(await t.gql(CANCEL, { id: called.id }, organizer));
    // The booth still has 大森 花子's meeting at 13:00: nobody else is sent there then.
    expect(await liveMeetings(eventId)).toEqual([
      expect.objectContaining({ id: kept.id, slot_index: 0, table_label: 'B-1' }),
    ]);
  });

  it('gives a freed slot at a booth only to an exhibitor still there once a booth change is committed', async () => {
    const { eventId, sessionId, register } = await fair(28);
    const company = { name: '株式会社六郷工業' };
    const rokugo = await createParticipant(t, organizer, { name: '六郷 一郎', company });
    const colleague = await createParticipant(t, organizer, { name: '六郷 二郎', company });
    const buyerA = await createParticipant(t, organizer, { name: '大森 花子' });
    const buyerB = await createParticipant(t, organizer, { name: '蒲田 一郎' });
    const registrationId = await register(rokugo.id, 'C-01');
    await register(colleague.id, 'C-01');
    await register(buyerA.id);
    await register(buyerB.id);
    const freed = ok(
      await placeMeeting(await agreeMeeting(t, eventId, buyerA.id, colleague.id), sessionId, 0),
    ).placeMeeting;
    const waiting = await agreeMeeting(t, eventId, buyerB.id, rokugo.id);

    // The colleague's meeting at C-01 is called off, and its slot offered to 六郷 一郎's request,
    // while staff give 六郷 一郎 a booth of his own. The offer is held where it writes the meeting
    // (the 商談枠's row), after it found its candidates; the booth change comes meanwhile.
    const { cancelled, changed } = await holding(async (hold) => {
      await hold('SELECT 1 FROM matchmaking_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
      const cancelled = t.gql(CANCEL, { id: freed.id }, organizer);
      await eventually(
        async () => (await waitingOn('SELECT id FROM matchmaking_sessions')) >= 1,
        'the offer writing',
      );
      let settled = false;
      const changed = t
        .gql<{ updateRegistration: { booth: string; placementsRemoved: number } }>(
          UPDATE_BOOTH,
          { id: registrationId, booth: 'C-02' },
          organizer,
        )
        .finally(() => (settled = true));
      await eventually(async () => settled || (await waitingOn('')) >= 2, 'the booth change done or waiting');
      return { cancelled, changed };
    });
    ok(await cancelled);
    // The offer read the booth first, so the booth change came after it and took the new
    // placement back (it was not published), to be placed at C-02 by the next run.
    expect(ok(await changed).updateRegistration).toEqual({ booth: 'C-02', placementsRemoved: 1 });
    expect(await liveMeetings(eventId)).toEqual([]);
    const [request]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM meeting_requests WHERE id = $1',
      [waiting],
    );
    expect(request.status).toBe('ACCEPTED');
  });
});
