import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { MatchingRun } from '../src/matching/matching-run.entity';
import { MatchingService } from '../src/matching/matching.service';
import { MeetingRequestsService } from '../src/meetings/meeting-requests.service';
import { ParticipantErasureService } from '../src/privacy/participant-erasure.service';
import { EventApplications } from '../src/registrations/event-applications.service';
import { RegistrationCancelLinks } from '../src/registrations/registration-cancel-links.service';
import { SchedulerRunner } from '../src/scheduling/scheduler-runner';
import { SchedulingRun } from '../src/scheduling/scheduling-run.entity';
import { SchedulingService } from '../src/scheduling/scheduling.service';
import { SurveysService } from '../src/surveys/surveys.service';
import { captureLogs } from './support/captured-logs';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { holdingLocks, sessionsWaitingForLocks, untilWaitingForLocks } from './support/lock-waits';
import { eventually } from './support/eventually';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const ERASE = 'mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }';
const MERGE =
  'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { meetingsMoved } }';
const PLACE =
  'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i) { id table } }';
const MOVE =
  'mutation($id: ID!, $s: ID!, $i: Int!) { moveMeeting(id: $id, sessionId: $s, slotIndex: $i) { slotIndex } }';
const CANCEL = 'mutation($id: ID!) { cancelMeeting(id: $id) { status } }';
const REQUEST =
  'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p) { id status } }';
const RESPOND =
  'mutation($id: ID!, $a: Boolean!) { respondToMeetingRequest(id: $id, accept: $a) { status } }';
const CANCEL_REGISTRATION = 'mutation($id: ID!) { cancelRegistration(id: $id) { status } }';

/**
 * An admin erasing a person, or staff merging two profiles of one (名寄せ), lock the person's row
 * (an erasure with those its cancellations write to: the other sides of the person's meetings,
 * whom a second erasure or a merge may hold, and whom the freed seats go to) and then the events
 * they are at; placing, moving or calling off a meeting, a freed slot given to
 * a waiting request, a registration, a meeting request and its answer, a registration cancelled
 * (whose emails go to the other sides of the person's meetings and to whom it moves up from the
 * waiting list), a merge agreeing requests that cross (a meeting with a third person) and an event
 * made one without 商談枠 again (its agreements waiting for a slot met at the venue) must take them
 * in the same order, as must the changes to an event that tell everyone signed up for it (its
 * cancellation, a draft published, more seats, a new time), a schedule published (the agendas to
 * both sides of its meetings), the おすすめ saved by a matching run (each naming both sides) and sent
 * (a digest to each person suggested to), and the アンケート sent after an event, by staff or the
 * morning scan (to each person who was there). So must a meeting request withdrawn while its event
 * is cancelled, or while the other side calls its meeting off: the event before its requests, a
 * request before its meeting.
 * Each race here is driven one step at a time: a second connection holds a row one side needs,
 * the other side comes meanwhile and waits, then the row is let go. Both must come through — the
 * second one waiting for the first, then done or refused in the project's own words — and never
 * as a deadlock that Postgres answers by failing one of them.
 */
describe('erasures and merges racing the writers of meetings and registrations', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let logged: string[];

  beforeAll(async () => {
    t = await createTestApp({ WORKER_IN_PROCESS: 'false' });
    admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '大田区産業振興協会' }),
    );
  });
  beforeEach(() => {
    logged = captureLogs(['warn', 'error']);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    // Nothing failed on the way, a freed slot's offer included (it logs and gives up).
    expect(logged.filter((line) => /deadlock/i.test(line))).toEqual([]);
  });
  afterAll(async () => {
    await t?.close();
  });

  /**
   * A 商談会 whose one 商談枠 (three slots of 20 minutes) is at the exhibitors' booths, with an
   * exhibitor at B-01 and two buyers, all seated.
   */
  const fair = async (days: number) => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'おおた 受発注商談会',
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
        await t.gql(
          registerMutation(),
          { eventId, participantId, ...(booth ? { role: 'EXHIBITOR', booth } : {}) },
          organizer,
        ),
      );
    const exhibitor = await createParticipant(t, organizer, {
      name: '矢口 一郎',
      company: { name: '株式会社矢口製作所' },
    });
    const buyerA = await createParticipant(t, organizer, { name: '大森 花子' });
    const buyerB = await createParticipant(t, organizer, { name: '蒲田 一郎' });
    await register(exhibitor.id, 'B-01');
    await register(buyerA.id);
    await register(buyerB.id);
    return { eventId, sessionId, register, exhibitor, buyerA, buyerB };
  };

  /** 大森 花子 twice: the fair's buyer A, and a second profile of hers also registered there. */
  const twice = async (days: number) => {
    const scene = await fair(days);
    const kept = await createParticipant(t, organizer, { name: '大森 花子' });
    await scene.register(kept.id);
    return { ...scene, kept, duplicate: scene.buyerA };
  };
  const placeMeeting = (requestId: string, sessionId: string, slotIndex: number) =>
    t.gql<{ placeMeeting: { id: string; table: string } }>(
      PLACE,
      { r: requestId, s: sessionId, i: slotIndex },
      organizer,
    );
  const publish = async (eventId: string) =>
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
        { e: eventId },
        organizer,
      ),
    );
  const meetingsOf = (requestId: string) =>
    t.dataSource.query<{ status: string; participant_a_id: string; slot_index: number }[]>(
      'SELECT status, participant_a_id, slot_index FROM meetings WHERE request_id = $1 ORDER BY created_at',
      [requestId],
    );
  const untilWaiting = (count: number) => untilWaitingForLocks(t.dataSource, count);
  const erase = (participantId: string) =>
    t.gql<{ eraseParticipant: { erasedAt: string } }>(ERASE, { id: participantId }, admin);
  const merge = (keepId: string, duplicateId: string) =>
    t.gql<{ mergeParticipants: { meetingsMoved: number } }>(MERGE, { p: keepId, d: duplicateId }, organizer);

  /**
   * Starts `first`, which stops where it writes a meeting into the 商談枠 (its row is held here),
   * having taken whatever it takes before; then `second`, which waits too; then lets them go.
   */
  async function heldAtTheSession<A, B>(
    sessionId: string,
    first: () => Promise<A>,
    second: () => Promise<B>,
  ): Promise<{ first: A; second: B }> {
    const started = await holdingLocks(t.dataSource, async (hold) => {
      await hold('SELECT 1 FROM matchmaking_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
      const one = first();
      await untilWaiting(1);
      const two = second();
      await untilWaiting(2);
      return { one, two };
    });
    return { first: await started.one, second: await started.two };
  }

  describe('a placement', () => {
    const WITHDRAW = 'mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }';
    const requestStatus = async (requestId: string) =>
      (
        await t.dataSource.query<{ status: string }[]>('SELECT status FROM meeting_requests WHERE id = $1', [
          requestId,
        ])
      )[0].status;

    /**
     * Starts `withdraw`, held where it locks the agreement (the request's row is held here); then
     * `place`, which writes a meeting for it and waits too; then lets them go: the withdrawal first.
     */
    const withdrawnWhilePlaced = async <A, B>(
      requestId: string,
      withdraw: () => Promise<A>,
      place: () => Promise<B>,
    ): Promise<{ withdrawn: A; placed: B }> => {
      const started = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM meeting_requests WHERE id = $1 FOR UPDATE', [requestId]);
        const withdrawn = withdraw();
        await untilWaiting(1);
        const placed = place();
        await untilWaiting(2);
        return { withdrawn, placed };
      });
      return { withdrawn: await started.withdrawn, placed: await started.placed };
    };

    it('by staff waits for the agreement being withdrawn, then is refused: no meeting on a withdrawn request', async () => {
      const { eventId, sessionId, exhibitor, buyerA } = await fair(51);
      const requestId = await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      const hers = await t.participantToken(buyerA.id);
      // 大森 花子 withdraws the agreement while staff place it at 13:00.
      const { withdrawn, placed } = await withdrawnWhilePlaced(
        requestId,
        () => t.gql<{ cancelMeetingRequest: { status: string } }>(WITHDRAW, { id: requestId }, hers),
        () => placeMeeting(requestId, sessionId, 0),
      );
      expect(ok(withdrawn).cancelMeetingRequest.status).toBe('CANCELLED');
      expect(failure(placed).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'MEETING_REQUEST_NOT_ACCEPTED',
      });
      expect(await requestStatus(requestId)).toBe('CANCELLED');
      expect(await meetingsOf(requestId)).toEqual([]);
    });

    it('by staff is waited for by the agreement being withdrawn, which then calls the meeting off', async () => {
      const { eventId, sessionId, exhibitor, buyerA } = await fair(53);
      const requestId = await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      const hers = await t.participantToken(buyerA.id);
      const { first: placed, second: withdrawn } = await heldAtTheSession(
        sessionId,
        () => placeMeeting(requestId, sessionId, 0),
        () => t.gql<{ cancelMeetingRequest: { status: string } }>(WITHDRAW, { id: requestId }, hers),
      );
      expect(ok(placed).placeMeeting.table).toBe('B-01');
      expect(ok(withdrawn).cancelMeetingRequest.status).toBe('CANCELLED');
      expect(await meetingsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('of a freed slot waits for the waiting request being withdrawn, then gives the slot to nobody', async () => {
      const { eventId, sessionId, exhibitor, buyerA, buyerB } = await fair(52);
      const freed = ok(
        await placeMeeting(await agreeMeeting(t, eventId, buyerA.id, exhibitor.id), sessionId, 0),
      ).placeMeeting;
      const waiting = await agreeMeeting(t, eventId, buyerB.id, exhibitor.id);
      const his = await t.participantToken(buyerB.id);
      // 蒲田 一郎 withdraws his agreement while 大森 花子's meeting is called off and its slot offered
      // to it.
      const { withdrawn, placed: cancelled } = await withdrawnWhilePlaced(
        waiting,
        () => t.gql<{ cancelMeetingRequest: { status: string } }>(WITHDRAW, { id: waiting }, his),
        () => t.gql<{ cancelMeeting: { status: string } }>(CANCEL, { id: freed.id }, organizer),
      );
      expect(ok(withdrawn).cancelMeetingRequest.status).toBe('CANCELLED');
      expect(ok(cancelled).cancelMeeting.status).toBe('CANCELLED');
      expect(await requestStatus(waiting)).toBe('CANCELLED');
      expect(await meetingsOf(waiting)).toEqual([]);
      expect(
        await t.dataSource.query(`SELECT id FROM meetings WHERE event_id = $1 AND status <> 'CANCELLED'`, [
          eventId,
        ]),
      ).toEqual([]);
    });
  });

  describe('an erasure', () => {
    it('waits for a placement of the person it erases, then calls the meeting off', async () => {
      const { eventId, sessionId, exhibitor, buyerA } = await fair(20);
      const requestId = await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      const { first: placed, second: erased } = await heldAtTheSession(
        sessionId,
        () => placeMeeting(requestId, sessionId, 0),
        () => erase(buyerA.id),
      );
      expect(ok(placed).placeMeeting.table).toBe('B-01');
      ok(erased);
      expect(await meetingsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('waits for a move of their published meeting, then calls it off', async () => {
      const { eventId, sessionId, exhibitor, buyerA } = await fair(21);
      const requestId = await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      const meeting = ok(await placeMeeting(requestId, sessionId, 0)).placeMeeting;
      await publish(eventId);
      const { first: moved, second: erased } = await heldAtTheSession(
        sessionId,
        () =>
          t.gql<{ moveMeeting: { slotIndex: number } }>(
            MOVE,
            { id: meeting.id, s: sessionId, i: 1 },
            organizer,
          ),
        () => erase(buyerA.id),
      );
      expect(ok(moved).moveMeeting.slotIndex).toBe(1);
      ok(erased);
      expect(await meetingsOf(requestId)).toEqual([
        expect.objectContaining({ status: 'CANCELLED', slot_index: 1 }),
      ]);
    });

    it('has a second erasure of the same person wait for the first, then answer without starting again', async () => {
      const { eventId, exhibitor, buyerA } = await fair(29);
      await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      // Each try of an erasure reads whom it writes to before it locks them and again after.
      const reads = jest.spyOn(
        ParticipantErasureService.prototype as unknown as { peopleWrittenTo: () => Promise<string[]> },
        'peopleWrittenTo',
      );
      try {
        const { first, second } = await holdingLocks(t.dataSource, async (hold) => {
          await hold('SELECT 1 FROM participants WHERE id = $1 FOR UPDATE', [buyerA.id]);
          const first = erase(buyerA.id);
          await untilWaiting(1);
          const second = erase(buyerA.id);
          await untilWaiting(2);
          reads.mockClear();
          return { first, second };
        });
        const erasedAt = ok(await first).eraseParticipant.erasedAt;
        expect(ok(await second).eraseParticipant.erasedAt).toBe(erasedAt);
        // The first: once locked, and once more under the events' locks; the second, which found
        // fewer people to write to than it had locked (the meeting called off), once locked.
        expect(reads).toHaveBeenCalledTimes(3);
      } finally {
        reads.mockRestore();
      }
    });

    it('waits for their meeting being called off', async () => {
      const { eventId, sessionId, exhibitor, buyerA } = await fair(28);
      const requestId = await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      const meeting = ok(await placeMeeting(requestId, sessionId, 0)).placeMeeting;
      await publish(eventId);
      // The call-off is held where it locks the agreement (the request's row is held here), before
      // the meeting's, the event's row locked; the erasure comes meanwhile.
      const { cancelled, erased } = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM meeting_requests WHERE id = $1 FOR UPDATE', [requestId]);
        const cancelled = t.gql(CANCEL, { id: meeting.id }, organizer);
        await untilWaiting(1);
        const erased = erase(buyerA.id);
        await untilWaiting(2);
        return { cancelled, erased };
      });
      expect(ok(await cancelled)).toEqual({ cancelMeeting: { status: 'CANCELLED' } });
      ok(await erased);
      expect(await meetingsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('waits for a freed slot given to their waiting request, then calls that meeting off', async () => {
      const { eventId, sessionId, exhibitor, buyerA, buyerB } = await fair(22);
      const freed = ok(
        await placeMeeting(await agreeMeeting(t, eventId, buyerA.id, exhibitor.id), sessionId, 0),
      ).placeMeeting;
      const waiting = await agreeMeeting(t, eventId, buyerB.id, exhibitor.id);
      // The meeting is called off, and its slot offered to 蒲田 一郎's request while he is erased.
      const { first: cancelled, second: erased } = await heldAtTheSession(
        sessionId,
        () => t.gql(CANCEL, { id: freed.id }, organizer),
        () => erase(buyerB.id),
      );
      ok(cancelled);
      ok(erased);
      // The offer came first and gave him the slot; the erasure then called it off.
      expect(await meetingsOf(waiting)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('goes first past a freed slot offered to their waiting request, which then gives it nobody', async () => {
      const { eventId, sessionId, exhibitor, buyerA, buyerB } = await fair(23);
      const freed = ok(
        await placeMeeting(await agreeMeeting(t, eventId, buyerA.id, exhibitor.id), sessionId, 0),
      ).placeMeeting;
      const waiting = await agreeMeeting(t, eventId, buyerB.id, exhibitor.id);
      // The erasure is held at the event (its row is held here, against an update of it: the
      // emails about the meeting called off, which point at the event, are written meanwhile),
      // having locked him; the slot is freed and offered to his request, still agreed as the offer
      // reads it.
      const { erased, cancelled } = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM events WHERE id = $1 FOR NO KEY UPDATE', [eventId]);
        const erased = erase(buyerB.id);
        await untilWaiting(1);
        const cancelled = t.gql(CANCEL, { id: freed.id }, organizer);
        await untilWaiting(2);
        return { erased, cancelled };
      });
      ok(await erased);
      ok(await cancelled);
      // The offer waited for the erasure and found the request withdrawn: nobody meets an erased
      // person, and the booth stays free at 13:00.
      expect(await meetingsOf(waiting)).toEqual([]);
      expect(
        await t.dataSource.query(`SELECT id FROM meetings WHERE event_id = $1 AND status <> 'CANCELLED'`, [
          eventId,
        ]),
      ).toEqual([]);
    });
  });

  describe('a scheduling run', () => {
    it('saving its meetings is waited for by an erasure of a side of one, which then calls it off', async () => {
      const { eventId, sessionId, exhibitor, buyerA } = await fair(49);
      const requestId = await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      const run = await t.dataSource.getRepository(SchedulingRun).save({ eventId });
      // The run computes, then its save stops where it writes the meeting into the 商談枠, having
      // locked what it locks before; 大森 花子 is erased meanwhile.
      const { first: ran, second: erased } = await heldAtTheSession(
        sessionId,
        () => t.app.get(SchedulingService).execute(run.id),
        () => erase(buyerA.id),
      );
      await ran;
      const finished = await t.dataSource.getRepository(SchedulingRun).findOneByOrFail({ id: run.id });
      expect([finished.status, finished.error, finished.scheduledCount]).toEqual(['SUCCEEDED', null, 1]);
      ok(erased);
      expect(await meetingsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('saving its meetings is waited for by a merge of a side of one, which then moves it to the profile kept', async () => {
      const { eventId, sessionId, exhibitor, kept, duplicate } = await twice(52);
      const requestId = await agreeMeeting(t, eventId, duplicate.id, exhibitor.id);
      const run = await t.dataSource.getRepository(SchedulingRun).save({ eventId });
      // As above; her two profiles are merged meanwhile.
      const { first: ran, second: merged } = await heldAtTheSession(
        sessionId,
        () => t.app.get(SchedulingService).execute(run.id),
        () => merge(kept.id, duplicate.id),
      );
      await ran;
      const finished = await t.dataSource.getRepository(SchedulingRun).findOneByOrFail({ id: run.id });
      expect([finished.status, finished.error, finished.scheduledCount]).toEqual(['SUCCEEDED', null, 1]);
      expect(ok(merged).mergeParticipants.meetingsMoved).toBe(1);
      expect(await meetingsOf(requestId)).toEqual([
        expect.objectContaining({ status: 'SCHEDULED', participant_a_id: kept.id }),
      ]);
    });

    it('waits for a merge of a side of one it places, then computes again with the profile kept', async () => {
      const { eventId, exhibitor, kept, duplicate } = await twice(45);
      const requestId = await agreeMeeting(t, eventId, duplicate.id, exhibitor.id);
      const run = await t.dataSource.getRepository(SchedulingRun).save({ eventId });
      const computed = jest.spyOn(SchedulerRunner.prototype, 'schedule');
      // The merge is held at the event (its row is held here), having locked the two profiles; the
      // run computes with the profile it removes, and its save waits for that profile.
      const { merged, ran } = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        const merged = merge(kept.id, duplicate.id);
        await untilWaiting(1);
        const ran = t.app.get(SchedulingService).execute(run.id);
        await untilWaiting(2);
        return { merged, ran };
      });
      ok(await merged);
      await ran;
      const finished = await t.dataSource.getRepository(SchedulingRun).findOneByOrFail({ id: run.id });
      expect([finished.status, finished.error, finished.scheduledCount]).toEqual(['SUCCEEDED', null, 1]);
      // Its first placements named a profile no longer there: it computed them again.
      expect(computed).toHaveBeenCalledTimes(2);
      expect(await meetingsOf(requestId)).toEqual([
        expect.objectContaining({ status: 'SCHEDULED', participant_a_id: kept.id }),
      ]);
    });
  });

  describe('a merge', () => {
    it('waits for a placement of the profile it removes, then moves the meeting to the one kept', async () => {
      const { eventId, sessionId, exhibitor, kept, duplicate } = await twice(24);
      const requestId = await agreeMeeting(t, eventId, duplicate.id, exhibitor.id);
      const { first: placed, second: merged } = await heldAtTheSession(
        sessionId,
        () => placeMeeting(requestId, sessionId, 0),
        () => merge(kept.id, duplicate.id),
      );
      ok(placed);
      expect(ok(merged).mergeParticipants.meetingsMoved).toBe(1);
      expect(await meetingsOf(requestId)).toEqual([
        expect.objectContaining({ status: 'SCHEDULED', participant_a_id: kept.id }),
      ]);
    });

    it('goes first past a placement, which then places the meeting for the profile kept', async () => {
      const { eventId, sessionId, exhibitor, kept, duplicate } = await twice(25);
      const requestId = await agreeMeeting(t, eventId, duplicate.id, exhibitor.id);
      // The merge is held at the event (its row is held here), having locked the two profiles.
      const { merged, placed } = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        const merged = merge(kept.id, duplicate.id);
        await untilWaiting(1);
        const placed = placeMeeting(requestId, sessionId, 0);
        await untilWaiting(2);
        return { merged, placed };
      });
      ok(await merged);
      expect(ok(await placed).placeMeeting.table).toBe('B-01');
      expect(await meetingsOf(requestId)).toEqual([
        expect.objectContaining({ status: 'SCHEDULED', participant_a_id: kept.id }),
      ]);
    });

    it('waits for a move of a published meeting of the profile it removes', async () => {
      const { eventId, sessionId, exhibitor, kept, duplicate } = await twice(26);
      const requestId = await agreeMeeting(t, eventId, duplicate.id, exhibitor.id);
      const meeting = ok(await placeMeeting(requestId, sessionId, 0)).placeMeeting;
      await publish(eventId);
      const { first: moved, second: merged } = await heldAtTheSession(
        sessionId,
        () =>
          t.gql<{ moveMeeting: { slotIndex: number } }>(
            MOVE,
            { id: meeting.id, s: sessionId, i: 2 },
            organizer,
          ),
        () => merge(kept.id, duplicate.id),
      );
      expect(ok(moved).moveMeeting.slotIndex).toBe(2);
      expect(ok(merged).mergeParticipants.meetingsMoved).toBe(1);
      expect(await meetingsOf(requestId)).toEqual([
        expect.objectContaining({ status: 'SCHEDULED', participant_a_id: kept.id, slot_index: 2 }),
      ]);
    });

    it('waits for a freed slot given to a waiting request of the profile it removes', async () => {
      const { eventId, sessionId, exhibitor, buyerB, kept, duplicate } = await twice(27);
      const freed = ok(
        await placeMeeting(await agreeMeeting(t, eventId, buyerB.id, exhibitor.id), sessionId, 0),
      ).placeMeeting;
      const waiting = await agreeMeeting(t, eventId, duplicate.id, exhibitor.id);
      const { first: cancelled, second: merged } = await heldAtTheSession(
        sessionId,
        () => t.gql(CANCEL, { id: freed.id }, organizer),
        () => merge(kept.id, duplicate.id),
      );
      ok(cancelled);
      expect(ok(merged).mergeParticipants.meetingsMoved).toBe(1);
      expect(await meetingsOf(waiting)).toEqual([
        expect.objectContaining({ status: 'SCHEDULED', participant_a_id: kept.id, slot_index: 0 }),
      ]);
    });
  });

  /**
   * A published 交流会 without 商談枠 (an agreed request is a meeting at the venue), and a way to
   * seat people there: staff register them, answering the registration's id.
   */
  const gathering = async (days: number) => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '大田区 ものづくり交流会',
      capacity: null,
      startsAt: tokyoInDays(days, '14:00'),
      endsAt: tokyoInDays(days, '17:00'),
    });
    const register = async (participantId: string) =>
      ok(await t.gql<{ register: { id: string } }>(registerMutation(), { eventId, participantId }, organizer))
        .register.id;
    return { eventId, register };
  };
  const registerAt = (eventId: string, participantId: string) =>
    t.gql<{ register: { status: string } }>(
      registerMutation('status'),
      { eventId, participantId },
      organizer,
    );
  const cancelRegistration = (registrationId: string, token = organizer) =>
    t.gql<{ cancelRegistration: { status: string } }>(CANCEL_REGISTRATION, { id: registrationId }, token);
  const registrationsAt = (eventId: string, participantIds: string[]) =>
    t.dataSource.query<{ status: string; participant_id: string }[]>(
      'SELECT status, participant_id FROM registrations WHERE event_id = $1 AND participant_id = ANY($2)',
      [eventId, participantIds],
    );
  const requestOf = async (requestId: string) =>
    (
      await t.dataSource.query<{ status: string; from_participant_id: string; to_participant_id: string }[]>(
        'SELECT status, from_participant_id, to_participant_id FROM meeting_requests WHERE id = $1',
        [requestId],
      )
    )[0];
  const meetingRowsOf = (requestId: string) =>
    t.dataSource.query<{ status: string; participant_b_id: string }[]>(
      'SELECT status, participant_b_id FROM meetings WHERE request_id = $1',
      [requestId],
    );
  const mint = async (purpose: TokenPurpose, subjectId: string, scope?: string) =>
    (
      await t.app
        .get(ActionTokensService)
        .mint(t.dataSource.manager, [
          { purpose, subjectId, scope, expiresAt: new Date(Date.now() + 86_400_000) },
        ])
    )[0];
  /** A call into a service that answers its error rather than rejecting, to be awaited later. */
  const settled = <T>(call: Promise<T>): Promise<T | Error> => call.catch((error: Error) => error);

  /**
   * Starts `writer`, held where it writes the row `held` locks (a second connection holds it),
   * having taken whatever it takes before; then `racer`, which waits too; then lets them go.
   */
  async function heldAt<A, B>(
    held: string,
    parameters: unknown[],
    writer: () => Promise<A>,
    racer: () => Promise<B>,
  ): Promise<{ writer: A; racer: B }> {
    const started = await holdingLocks(t.dataSource, async (hold) => {
      await hold(held, parameters);
      const one = writer();
      await untilWaiting(1);
      const two = racer();
      await untilWaiting(2);
      return { one, two };
    });
    return { writer: await started.one, racer: await started.two };
  }
  const REGISTRATION_ROW = 'SELECT 1 FROM registrations WHERE id = $1 FOR UPDATE';
  const REQUEST_ROW = 'SELECT 1 FROM meeting_requests WHERE id = $1 FOR UPDATE';
  const MEETING_ROW = 'SELECT 1 FROM meetings WHERE request_id = $1 FOR UPDATE';

  /** Two people seated at a gathering who agreed to meet there: a meeting at the venue. */
  const agreed = async (days: number, names: [string, string]) => {
    const scene = await gathering(days);
    const leaver = await createParticipant(t, organizer, { name: names[0] });
    const other = await createParticipant(t, organizer, { name: names[1] });
    const leaverRegistration = await scene.register(leaver.id);
    await scene.register(other.id);
    const requestId = await agreeMeeting(t, scene.eventId, leaver.id, other.id);
    return { ...scene, leaver, other, leaverRegistration, requestId };
  };

  describe('a registration', () => {
    it('is waited for by an erasure of the person staff register again, which then gives up the seat', async () => {
      const { eventId, register } = await gathering(30);
      const person = await createParticipant(t, organizer, { name: '六郷 一郎' });
      const registrationId = await register(person.id);
      ok(await cancelRegistration(registrationId));
      // Held where the seat is written (the registration's row), the event's row locked.
      const { writer: registered, racer: erased } = await heldAt(
        REGISTRATION_ROW,
        [registrationId],
        () => registerAt(eventId, person.id),
        () => erase(person.id),
      );
      expect(ok(registered).register.status).toBe('REGISTERED');
      ok(erased);
      expect(await registrationsAt(eventId, [person.id])).toEqual([
        expect.objectContaining({ status: 'CANCELLED' }),
      ]);
      // Registered once more after the erasure: refused, no seat comes back.
      expect(failure(await registerAt(eventId, person.id)).extensions).toMatchObject({
        reason: 'PARTICIPANT_ERASED',
      });
    });

    it('is waited for by an erasure of the person applying from their link, which then gives up the seat', async () => {
      const { eventId, register } = await gathering(31);
      const person = await createParticipant(t, organizer, { name: '雑色 花子' });
      const registrationId = await register(person.id);
      ok(await cancelRegistration(registrationId));
      const link = await mint(TokenPurpose.EVENT_APPLICATION, person.id, eventId);
      const { writer: applied, racer: erased } = await heldAt(
        REGISTRATION_ROW,
        [registrationId],
        () => settled(t.app.get(EventApplications).apply(link)),
        () => erase(person.id),
      );
      expect(applied).toEqual({ applied: true, status: 'REGISTERED' });
      ok(erased);
      expect(await registrationsAt(eventId, [person.id])).toEqual([
        expect.objectContaining({ status: 'CANCELLED' }),
      ]);
    });

    it("from the person's link, pressed while they are erased, waits and finds the link gone", async () => {
      const { eventId, register } = await gathering(39);
      const other = await gathering(44);
      const person = await createParticipant(t, organizer, { name: '蓮沼 花子' });
      await register(person.id);
      const link = await mint(TokenPurpose.EVENT_APPLICATION, person.id, other.eventId);
      // The erasure is held at the event the person is at (its row is held here), having locked
      // them; the link is pressed meanwhile, for another event.
      const { erased, applied } = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        const erased = erase(person.id);
        await untilWaiting(1);
        const applied = settled(t.app.get(EventApplications).apply(link));
        await untilWaiting(2);
        return { erased, applied };
      });
      ok(await erased);
      expect(await applied).toEqual(expect.objectContaining({ code: 'ACTION_TOKEN_INVALID' }));
      expect(await registrationsAt(other.eventId, [person.id])).toEqual([]);
    });

    it('is waited for by a merge of the profile staff register again, which then keeps one seat', async () => {
      const { eventId, register } = await gathering(32);
      const kept = await createParticipant(t, organizer, { name: '梅屋敷 花子' });
      const duplicate = await createParticipant(t, organizer, { name: '梅屋敷 花子' });
      const keptRegistration = await register(kept.id);
      ok(await cancelRegistration(keptRegistration));
      await register(duplicate.id);
      const { writer: registered, racer: merged } = await heldAt(
        REGISTRATION_ROW,
        [keptRegistration],
        () => registerAt(eventId, kept.id),
        () => merge(kept.id, duplicate.id),
      );
      expect(ok(registered).register.status).toBe('REGISTERED');
      ok(merged);
      expect(await registrationsAt(eventId, [kept.id, duplicate.id])).toEqual([
        { status: 'REGISTERED', participant_id: kept.id },
      ]);
    });

    it('of a profile a merge removes while it waits is refused: that profile is gone', async () => {
      const { eventId, register } = await gathering(33);
      const other = await gathering(34);
      const kept = await createParticipant(t, organizer, { name: '糀谷 一郎' });
      const duplicate = await createParticipant(t, organizer, { name: '糀谷 一郎' });
      await register(kept.id);
      await register(duplicate.id);
      // The merge is held at the event both profiles are at (its row is held here), having locked
      // them; staff register the duplicate at another event meanwhile.
      const { merged, registered } = await holdingLocks(t.dataSource, async (hold) => {
        await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        const merged = merge(kept.id, duplicate.id);
        await untilWaiting(1);
        const registered = registerAt(other.eventId, duplicate.id);
        await untilWaiting(2);
        return { merged, registered };
      });
      ok(await merged);
      expect(failure(await registered).extensions?.reason).toBe('PARTICIPANT_NOT_FOUND');
      expect(await registrationsAt(other.eventId, [kept.id, duplicate.id])).toEqual([]);
    });
  });

  describe('a meeting request', () => {
    const requestMeeting = async (eventId: string, fromId: string, toId: string) =>
      t.gql<{ requestMeeting: { id: string; status: string } }>(
        REQUEST,
        { e: eventId, p: toId },
        await t.participantToken(fromId),
      );

    it('to the person an erasure erases is waited for, then withdrawn', async () => {
      const { eventId, register } = await gathering(35);
      const from = await createParticipant(t, organizer, { name: '平和島 一郎' });
      const to = await createParticipant(t, organizer, { name: '大森海岸 花子' });
      await register(from.id);
      const toRegistration = await register(to.id);
      // Held where it locks the two seats (the recipient's is held here), the event's row locked.
      const { writer: requested, racer: erased } = await heldAt(
        REGISTRATION_ROW,
        [toRegistration],
        () => requestMeeting(eventId, from.id, to.id),
        () => erase(to.id),
      );
      const request = ok(requested).requestMeeting;
      expect(request.status).toBe('PENDING');
      ok(erased);
      expect(await requestOf(request.id)).toEqual(expect.objectContaining({ status: 'CANCELLED' }));
    });

    it('to the profile a merge removes is waited for, then moved to the one kept', async () => {
      const { eventId, register } = await gathering(36);
      const from = await createParticipant(t, organizer, { name: '立会川 一郎' });
      const kept = await createParticipant(t, organizer, { name: '鮫洲 花子' });
      const duplicate = await createParticipant(t, organizer, { name: '鮫洲 花子' });
      await register(from.id);
      await register(kept.id);
      const duplicateRegistration = await register(duplicate.id);
      const { writer: requested, racer: merged } = await heldAt(
        REGISTRATION_ROW,
        [duplicateRegistration],
        () => requestMeeting(eventId, from.id, duplicate.id),
        () => merge(kept.id, duplicate.id),
      );
      const request = ok(requested).requestMeeting;
      ok(merged);
      expect(await requestOf(request.id)).toEqual({
        status: 'PENDING',
        from_participant_id: from.id,
        to_participant_id: kept.id,
      });
    });
  });

  describe('an answer to a meeting request', () => {
    it('accepting one of the person an erasure erases is waited for, then the meeting is called off', async () => {
      const { eventId, register } = await gathering(37);
      const from = await createParticipant(t, organizer, { name: '青物横丁 一郎' });
      const to = await createParticipant(t, organizer, { name: '新馬場 花子' });
      await register(from.id);
      await register(to.id);
      const requestId = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          REQUEST,
          { e: eventId, p: to.id },
          await t.participantToken(from.id),
        ),
      ).requestMeeting.id;
      const recipient = await t.participantToken(to.id);
      // Held where it locks the request (its row is held here), the event's row locked.
      const { writer: answered, racer: erased } = await heldAt(
        REQUEST_ROW,
        [requestId],
        () =>
          t.gql<{ respondToMeetingRequest: { status: string } }>(
            RESPOND,
            { id: requestId, a: true },
            recipient,
          ),
        () => erase(from.id),
      );
      expect(ok(answered).respondToMeetingRequest.status).toBe('ACCEPTED');
      ok(erased);
      // The meeting at the venue the answer made, called off with the requester's seat.
      expect(await meetingRowsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('from the email link of the profile a merge removes is waited for, then the meeting moves to the one kept', async () => {
      const { eventId, register } = await gathering(38);
      const from = await createParticipant(t, organizer, { name: '北品川 一郎' });
      const kept = await createParticipant(t, organizer, { name: '八ツ山 花子' });
      const duplicate = await createParticipant(t, organizer, { name: '八ツ山 花子' });
      await register(from.id);
      await register(kept.id);
      await register(duplicate.id);
      const requestId = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          REQUEST,
          { e: eventId, p: duplicate.id },
          await t.participantToken(from.id),
        ),
      ).requestMeeting.id;
      const link = await mint(TokenPurpose.MEETING_RESPONSE, requestId);
      const { writer: answered, racer: merged } = await heldAt(
        REQUEST_ROW,
        [requestId],
        () => settled(t.app.get(MeetingRequestsService).respondByToken(link, true)),
        () => merge(kept.id, duplicate.id),
      );
      expect(answered).toEqual(expect.objectContaining({ changed: true }));
      expect(ok(merged).mergeParticipants.meetingsMoved).toBe(1);
      expect(await requestOf(requestId)).toEqual(
        expect.objectContaining({ status: 'ACCEPTED', to_participant_id: kept.id }),
      );
      expect(await meetingRowsOf(requestId)).toEqual([{ status: 'SCHEDULED', participant_b_id: kept.id }]);
    });
  });

  describe('a registration cancelled', () => {
    it('by staff is waited for by an erasure of the other side of a meeting there, whom it tells', async () => {
      const { other, leaverRegistration, requestId } = await agreed(40, ['大鳥居 一郎', '穴守稲荷 花子']);
      // Held where it calls the meeting off (the meeting's row is held here), the event's row locked.
      const { writer: cancelled, racer: erased } = await heldAt(
        MEETING_ROW,
        [requestId],
        () => cancelRegistration(leaverRegistration),
        () => erase(other.id),
      );
      expect(ok(cancelled).cancelRegistration.status).toBe('CANCELLED');
      ok(erased);
      expect(await meetingRowsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    });

    it('from its link is waited for by an erasure of the person cancelling', async () => {
      const { eventId, leaver, leaverRegistration } = await agreed(41, ['天空橋 一郎', '羽田 花子']);
      const link = await mint(TokenPurpose.REGISTRATION_CANCEL, leaverRegistration);
      // Held where the seat is given up (the registration's row is held here), the event's row locked.
      const { writer: cancelled, racer: erased } = await heldAt(
        REGISTRATION_ROW,
        [leaverRegistration],
        () => settled(t.app.get(RegistrationCancelLinks).cancel(link)),
        () => erase(leaver.id),
      );
      expect(cancelled).toEqual(expect.objectContaining({ changed: true }));
      ok(erased);
      expect(await registrationsAt(eventId, [leaver.id])).toEqual([
        expect.objectContaining({ status: 'CANCELLED' }),
      ]);
    });

    it('is waited for by a merge of the other side of a meeting there, whose kept profile it tells', async () => {
      const scene = await agreed(42, ['整備場 一郎', '新整備場 花子']);
      const kept = await createParticipant(t, organizer, { name: '新整備場 花子' });
      await scene.register(kept.id);
      const { writer: cancelled, racer: merged } = await heldAt(
        MEETING_ROW,
        [scene.requestId],
        () => cancelRegistration(scene.leaverRegistration),
        () => merge(kept.id, scene.other.id),
      );
      ok(cancelled);
      ok(merged);
      expect(
        await t.dataSource.query('SELECT participant_id FROM outbox_messages WHERE key = $1', [
          `meeting-counterpart-left-${scene.requestId}`,
        ]),
      ).toEqual([{ participant_id: kept.id }]);
    });

    it('tells a person who asked for a meeting while it waited for the event, locking them first too', async () => {
      const { eventId, register } = await gathering(43);
      const leaver = await createParticipant(t, organizer, { name: '昭島 一郎' });
      const asker = await createParticipant(t, organizer, { name: '拝島 花子' });
      const leaverRegistration = await register(leaver.id);
      await register(asker.id);
      const { cancelled, erased } = await holdingLocks(t.dataSource, async (holdSeat) => {
        // The seat's row, so that the cancellation, once past the event, waits before it writes.
        await holdSeat(REGISTRATION_ROW, [leaverRegistration]);
        const started = await holdingLocks(t.dataSource, async (hold) => {
          // A request to the leaver, written under the event's row as requestMeeting writes it.
          await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
          await hold(
            `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status)
             VALUES ($1, $2, $3, 'PENDING')`,
            [eventId, asker.id, leaver.id],
          );
          const cancelled = cancelRegistration(leaverRegistration);
          await untilWaiting(1);
          const erased = erase(asker.id);
          await untilWaiting(2);
          return { cancelled, erased };
        });
        // The request is in; the cancellation read who it tells before it was.
        await eventually(
          async () => (await sessionsWaitingForLocks(t.dataSource, 'UPDATE "registrations"')) > 0,
          'the cancellation waiting to give up the seat',
          10_000,
          20,
        );
        return started;
      });
      ok(await cancelled);
      ok(await erased);
      expect(
        await t.dataSource.query('SELECT status FROM meeting_requests WHERE event_id = $1', [eventId]),
      ).toEqual([{ status: 'CANCELLED' }]);
    });

    it('moving up the person on the waiting list is waited for by an erasure of that person, locking them first too', async () => {
      const eventId = await createPublishedEvent(t, organizer, {
        title: '大田区 ものづくり交流会',
        capacity: 1,
        startsAt: tokyoInDays(45, '14:00'),
        endsAt: tokyoInDays(45, '17:00'),
      });
      const leaver = await createParticipant(t, organizer, { name: '糀谷 次郎' });
      const waiter = await createParticipant(t, organizer, { name: '大鳥居 花子' });
      const seat = ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId, participantId: leaver.id },
          organizer,
        ),
      ).register.id;
      const waiting = ok(
        await t.gql<{ register: { id: string; status: string } }>(
          registerMutation('id status'),
          { eventId, participantId: waiter.id },
          organizer,
        ),
      ).register;
      expect(waiting.status).toBe('WAITLISTED');
      // Held where the freed seat goes to her (her registration's row is held here), the event's
      // row locked: her 繰り上げ email is written next.
      const { writer: cancelled, racer: erased } = await heldAt(
        REGISTRATION_ROW,
        [waiting.id],
        () => cancelRegistration(seat),
        () => erase(waiter.id),
      );
      expect(ok(cancelled).cancelRegistration.status).toBe('CANCELLED');
      ok(erased);
      // She was moved up, then her seat went with the erasure.
      expect(await registrationsAt(eventId, [leaver.id, waiter.id])).toEqual(
        expect.arrayContaining([
          { status: 'CANCELLED', participant_id: leaver.id },
          { status: 'CANCELLED', participant_id: waiter.id },
        ]),
      );
    });
  });

  describe('an erasure leaving the events still to come', () => {
    const erased = async (ids: string[]) =>
      (
        await t.dataSource.query<{ erased: boolean }[]>(
          'SELECT erased_at IS NOT NULL AS erased FROM participants WHERE id = ANY($1)',
          [ids],
        )
      ).map((row) => row.erased);
    const counterpartLeftOf = (requestId: string) =>
      t.dataSource.query<{ participant_id: string }[]>(
        'SELECT participant_id FROM outbox_messages WHERE key = $1',
        [`meeting-counterpart-left-${requestId}`],
      );
    /**
     * Starts `first`, held at the event (its row is held here) having locked the people it locks
     * before it, then `second`, which waits too; then lets them go.
     */
    const heldAtTheEvent = <A, B>(eventId: string, first: () => Promise<A>, second: () => Promise<B>) =>
      heldAt('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId], first, second);

    it('of one side waits for, or is waited for by, an erasure of the other side', async () => {
      const { eventId, leaver, other, requestId } = await agreed(48, ['雑色 三郎', '六郷土手 花子']);
      // Each is the other side of the other's meeting, whom its cancellation tells.
      const { writer: first, racer: second } = await heldAtTheEvent(
        eventId,
        () => erase(leaver.id),
        () => erase(other.id),
      );
      ok(first);
      ok(second);
      expect(await erased([leaver.id, other.id])).toEqual([true, true]);
      expect(await meetingRowsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
      expect(await registrationsAt(eventId, [leaver.id, other.id])).toEqual([
        expect.objectContaining({ status: 'CANCELLED' }),
        expect.objectContaining({ status: 'CANCELLED' }),
      ]);
    });

    it.each([
      ['removes the other side of the meeting', 'other'],
      ['keeps the other side of the meeting', 'kept'],
    ] as const)('is waited for by a merge that %s, whose kept profile is told', async (_, removed) => {
      const scene = await agreed(removed === 'other' ? 49 : 50, ['京急蒲田 一郎', '梅屋敷 三子']);
      const twin = await createParticipant(t, organizer, { name: '梅屋敷 三子' });
      await scene.register(twin.id);
      const [keepId, duplicateId] =
        removed === 'other' ? [twin.id, scene.other.id] : [scene.other.id, twin.id];
      // The erasure is held at the event having locked whom it tells; the merge comes meanwhile.
      const { writer: erasure, racer: merged } = await heldAtTheEvent(
        scene.eventId,
        () => erase(scene.leaver.id),
        () => merge(keepId, duplicateId),
      );
      ok(erasure);
      ok(merged);
      expect(await meetingRowsOf(scene.requestId)).toEqual([
        { status: 'CANCELLED', participant_b_id: keepId },
      ]);
      expect(await counterpartLeftOf(scene.requestId)).toEqual([{ participant_id: keepId }]);
    });

    it('waits for a merge of the other side that went first, then tells the profile kept', async () => {
      const scene = await agreed(51, ['雑色 四郎', '糀谷 四子']);
      const twin = await createParticipant(t, organizer, { name: '糀谷 四子' });
      await scene.register(twin.id);
      // The merge is held at the event having locked both profiles; the erasure of the one the
      // other side met comes meanwhile, and finds the meeting moved to the profile kept.
      const { writer: merged, racer: erasure } = await heldAtTheEvent(
        scene.eventId,
        () => merge(twin.id, scene.other.id),
        () => erase(scene.leaver.id),
      );
      expect(ok(merged).mergeParticipants.meetingsMoved).toBe(1);
      ok(erasure);
      expect(await meetingRowsOf(scene.requestId)).toEqual([
        { status: 'CANCELLED', participant_b_id: twin.id },
      ]);
      expect(await counterpartLeftOf(scene.requestId)).toEqual([{ participant_id: twin.id }]);
    });

    it('starts again, locking her first, when someone joined the waiting list while it waited for the event, and waits for her erasure', async () => {
      const eventId = await createPublishedEvent(t, organizer, {
        title: '大田区 ものづくり交流会',
        capacity: 1,
        startsAt: tokyoInDays(52, '14:00'),
        endsAt: tokyoInDays(52, '17:00'),
      });
      const leaver = await createParticipant(t, organizer, { name: '池上 一郎' });
      const waiter = await createParticipant(t, organizer, { name: '千鳥 花子' });
      ok(await registerAt(eventId, leaver.id));
      const { leaverErased, waiterErased } = await holdingLocks(t.dataSource, async (hold) => {
        // Her place on the waiting list, written under the event's row as registering writes it
        // (her row locked by its foreign key, as lockPeople locks it first).
        await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        await hold(
          `INSERT INTO registrations (event_id, participant_id, status, waitlisted_at)
           VALUES ($1, $2, 'WAITLISTED', now())`,
          [eventId, waiter.id],
        );
        const leaverErased = erase(leaver.id);
        await untilWaiting(1);
        const waiterErased = erase(waiter.id);
        await untilWaiting(2);
        return { leaverErased, waiterErased };
      });
      // The leaver's seat would go to her, whom the first erasure had not locked: it starts again
      // with her row, which her own erasure holds, and then finds nobody to move up.
      ok(await leaverErased);
      ok(await waiterErased);
      expect(await erased([leaver.id, waiter.id])).toEqual([true, true]);
      expect(await registrationsAt(eventId, [leaver.id, waiter.id])).toEqual([
        expect.objectContaining({ status: 'CANCELLED' }),
        expect.objectContaining({ status: 'CANCELLED' }),
      ]);
    });
  });

  describe('a merge agreeing two requests that cross', () => {
    it('is waited for by an erasure of the third person, whose meeting it then calls off', async () => {
      const { eventId, register } = await gathering(46);
      const kept = await createParticipant(t, organizer, { name: '本羽田 花子' });
      const duplicate = await createParticipant(t, organizer, { name: '本羽田 花子' });
      const third = await createParticipant(t, organizer, { name: '東糀谷 一郎' });
      await register(kept.id);
      const duplicateRegistration = await register(duplicate.id);
      await register(third.id);
      const ask = async (fromId: string, toId: string) =>
        ok(
          await t.gql<{ requestMeeting: { id: string } }>(
            REQUEST,
            { e: eventId, p: toId },
            await t.participantToken(fromId),
          ),
        ).requestMeeting.id;
      // 東糀谷 asked her kept profile first; she asked him back under the other one.
      const stays = await ask(third.id, kept.id);
      await ask(duplicate.id, third.id);
      // Held where the merge gives up the duplicate's seat (its row is held here), the event's row
      // locked, before it touches the requests; the third person is erased meanwhile.
      const { writer: merged, racer: erased } = await heldAt(
        REGISTRATION_ROW,
        [duplicateRegistration],
        () =>
          t.gql<{ mergeParticipants: { meetingRequestsAgreed: number } }>(
            'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { meetingRequestsAgreed } }',
            { p: kept.id, d: duplicate.id },
            organizer,
          ),
        () => erase(third.id),
      );
      expect(ok(merged).mergeParticipants.meetingRequestsAgreed).toBe(1);
      ok(erased);
      expect(await meetingRowsOf(stays)).toEqual([{ status: 'CANCELLED', participant_b_id: kept.id }]);
    });

    it('locks its third people with the two profiles in id order, so an erasure of one sorting before both goes first', async () => {
      const { eventId, register } = await gathering(53);
      // Four people, given their parts in the order of their ids: two third people, 大鳥居 and 穴守,
      // who each asked one of 本羽田's profiles and were asked back under the other, both sorting
      // before her two profiles.
      const [otorii, anamori, kept, duplicate] = (
        await Promise.all(
          ['大鳥居 一郎', '穴守 二郎', '本羽田 三子', '本羽田 三子'].map((name) =>
            createParticipant(t, organizer, { name }),
          ),
        )
      ).sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const person of [otorii, anamori, kept, duplicate]) await register(person.id);
      const ask = async (fromId: string, toId: string) =>
        ok(
          await t.gql<{ requestMeeting: { id: string } }>(
            REQUEST,
            { e: eventId, p: toId },
            await t.participantToken(fromId),
          ),
        ).requestMeeting.id;
      const otoriiAsked = await ask(otorii.id, kept.id);
      await ask(duplicate.id, otorii.id);
      const anamoriAsked = await ask(anamori.id, kept.id);
      const anamoriAskedBack = await ask(duplicate.id, anamori.id);
      const { merged, erased } = await holdingLocks(t.dataSource, async (hold) => {
        // 大鳥居's row, held here: the merge waits for it. Had it locked the two profiles before
        // the third people, it would hold them meanwhile, and the erasure of 穴守, coming now, would
        // lock him and wait for them (his requests point at them) while the merge waited for him.
        await hold('SELECT 1 FROM participants WHERE id = $1 FOR UPDATE', [otorii.id]);
        const merged = t.gql<{ mergeParticipants: { meetingRequestsAgreed: number } }>(
          'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { meetingRequestsAgreed } }',
          { p: kept.id, d: duplicate.id },
          organizer,
        );
        await untilWaiting(1);
        let done = false;
        const erased = erase(anamori.id).finally(() => (done = true));
        // The merge holds none of the people yet: the erasure goes through.
        await eventually(
          async () => done || (await sessionsWaitingForLocks(t.dataSource)) >= 2,
          'the erasure waiting or done',
        );
        return { merged, erased };
      });
      ok(await erased);
      // The erasure withdrew 穴守's two requests: the merge agrees 大鳥居's alone.
      expect(ok(await merged).mergeParticipants.meetingRequestsAgreed).toBe(1);
      expect((await requestOf(otoriiAsked)).status).toBe('ACCEPTED');
      expect((await requestOf(anamoriAsked)).status).toBe('CANCELLED');
      expect((await requestOf(anamoriAskedBack)).status).toBe('CANCELLED');
    });

    it('starts again, locking him too, when a request that crosses is written while it waits for a profile', async () => {
      const { eventId, register } = await gathering(54);
      const kept = await createParticipant(t, organizer, { name: '本羽田 四子' });
      const duplicate = await createParticipant(t, organizer, { name: '本羽田 四子' });
      const third = await createParticipant(t, organizer, { name: '羽田旭 五郎' });
      for (const person of [kept, duplicate, third]) await register(person.id);
      const ask = (fromId: string, toId: string) =>
        t
          .participantToken(fromId)
          .then((token) =>
            t.gql<{ requestMeeting: { id: string } }>(REQUEST, { e: eventId, p: toId }, token),
          );
      const stays = ok(await ask(duplicate.id, third.id)).requestMeeting.id;
      // His request to her kept profile waits for the event's row, held here, having locked her;
      // the merge, which finds nothing crossing yet, comes meanwhile and waits for her row.
      const { writer: asked, racer: merged } = await heldAt(
        'SELECT 1 FROM events WHERE id = $1 FOR UPDATE',
        [eventId],
        () => ask(third.id, kept.id),
        () =>
          t.gql<{ mergeParticipants: { meetingRequestsAgreed: number } }>(
            'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { meetingRequestsAgreed } }',
            { p: kept.id, d: duplicate.id },
            organizer,
          ),
      );
      // Once it has her row, the two requests cross: it agrees them, his row locked first.
      ok(asked);
      expect(ok(merged).mergeParticipants.meetingRequestsAgreed).toBe(1);
      expect((await requestOf(stays)).status).toBe('ACCEPTED');
      expect(await meetingRowsOf(stays)).toEqual([{ status: 'SCHEDULED', participant_b_id: third.id }]);
    });
  });

  describe('an event made one without 商談枠 again', () => {
    it('is waited for by an erasure of a side of an agreement waiting for a slot, whose meeting at the venue it then calls off', async () => {
      const { eventId, register } = await gathering(47);
      const from = await createParticipant(t, organizer, { name: '西糀谷 一郎' });
      const to = await createParticipant(t, organizer, { name: '萩中 花子' });
      await register(from.id);
      await register(to.id);
      const sessionId = await addMatchmakingSession(t, organizer, {
        eventId,
        name: '個別相談',
        startsAt: tokyoInDays(47, '15:00'),
        slotMinutes: 20,
        slotCount: 3,
        tableCount: 2,
      });
      const requestId = await agreeMeeting(t, eventId, from.id, to.id);
      ok(
        await t.gql(
          'mutation($id: ID!) { removeMatchmakingSession(id: $id) { id } }',
          { id: sessionId },
          organizer,
        ),
      );
      expect(await meetingRowsOf(requestId)).toEqual([]);
      // Held where the agreement waiting for a slot is made a meeting at the venue (the request's
      // row is held here), the event's row locked; one side is erased meanwhile.
      const { writer: reverted, racer: erased } = await heldAt(
        REQUEST_ROW,
        [requestId],
        () =>
          t.gql<{ revertToNoMatchmakingSessions: { sessions: { id: string }[] } }>(
            'mutation($e: ID!) { revertToNoMatchmakingSessions(eventId: $e) { sessions { id } } }',
            { e: eventId },
            organizer,
          ),
        () => erase(to.id),
      );
      expect(ok(reverted).revertToNoMatchmakingSessions.sessions).toEqual([]);
      ok(erased);
      expect(await meetingRowsOf(requestId)).toEqual([{ status: 'CANCELLED', participant_b_id: to.id }]);
    });
  });

  describe('a meeting request withdrawn', () => {
    /**
     * The event is cancelled while the request is withdrawn: the cancellation is held where it
     * calls the meeting at the venue off (the meeting's row is held here), the event's row locked;
     * the withdrawal comes meanwhile and waits for the event, not holding the request the
     * cancellation withdraws next.
     */
    const withdrawnWhileCancelled = async (days: number, names: [string, string], by: 'side' | 'staff') => {
      const { eventId, register } = await gathering(days);
      const from = await createParticipant(t, organizer, { name: names[0] });
      const to = await createParticipant(t, organizer, { name: names[1] });
      await register(from.id);
      await register(to.id);
      const requestId = await agreeMeeting(t, eventId, from.id, to.id);
      const token = by === 'side' ? await t.participantToken(to.id) : organizer;
      const { writer: cancelled, racer: withdrawn } = await heldAt(
        MEETING_ROW,
        [requestId],
        () =>
          t.gql<{ cancelEvent: { status: string } }>(
            'mutation($id: ID!) { cancelEvent(id: $id) { status } }',
            { id: eventId },
            organizer,
          ),
        () =>
          t.gql<{ cancelMeetingRequest: { status: string } }>(
            'mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }',
            { id: requestId },
            token,
          ),
      );
      expect(ok(cancelled).cancelEvent.status).toBe('CANCELLED');
      // Found withdrawn with the event: nothing more to do.
      expect(ok(withdrawn).cancelMeetingRequest.status).toBe('CANCELLED');
      expect(await meetingRowsOf(requestId)).toEqual([{ status: 'CANCELLED', participant_b_id: to.id }]);
    };

    it('by a side of the agreed meeting waits for the event being cancelled', () =>
      withdrawnWhileCancelled(48, ['雑色 一郎', '六郷土手 花子'], 'side'));

    it('by staff waits for the event being cancelled', () =>
      withdrawnWhileCancelled(49, ['京急蒲田 一郎', '梅屋敷 次郎'], 'staff'));

    it('by one side waits for the other side calling the meeting off', async () => {
      const { eventId, register } = await gathering(50);
      const from = await createParticipant(t, organizer, { name: '大鳥居 一郎' });
      const to = await createParticipant(t, organizer, { name: '穴守稲荷 花子' });
      await register(from.id);
      await register(to.id);
      const requestId = await agreeMeeting(t, eventId, from.id, to.id);
      const [{ id: meetingId }] = await t.dataSource.query<{ id: string }[]>(
        'SELECT id FROM meetings WHERE request_id = $1',
        [requestId],
      );
      const [hers, his] = [await t.participantToken(to.id), await t.participantToken(from.id)];
      // 穴守稲荷 花子 calls the meeting at the venue off; she is held where it leaves the two sides'
      // places in it (their rows are held here), the meeting's row written. 大鳥居 一郎 withdraws the
      // agreement meanwhile.
      const { writer: calledOff, racer: withdrawn } = await heldAt(
        'SELECT 1 FROM meeting_participants WHERE meeting_id = $1 FOR UPDATE',
        [meetingId],
        () => t.gql<{ cancelMeeting: { status: string } }>(CANCEL, { id: meetingId }, hers),
        () =>
          t.gql<{ cancelMeetingRequest: { status: string } }>(
            'mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }',
            { id: requestId },
            his,
          ),
      );
      expect(ok(calledOff).cancelMeeting.status).toBe('CANCELLED');
      // Found withdrawn with the meeting: nothing more to do.
      expect(ok(withdrawn).cancelMeetingRequest.status).toBe('CANCELLED');
      expect(await meetingRowsOf(requestId)).toEqual([{ status: 'CANCELLED', participant_b_id: to.id }]);
      expect(await requestOf(requestId)).toEqual(expect.objectContaining({ status: 'CANCELLED' }));
    });
  });

  /**
   * Two people seated at a gathering, the first making what the second needs and needing what she
   * sells: each is the other's おすすめ.
   */
  const toBeMatched = async (days: number, names: [string, string]) => {
    const scene = await gathering(days);
    const maker = await createParticipant(t, organizer, {
      name: names[0],
      offers: ['金属加工'],
      needs: ['販路開拓'],
    });
    const seller = await createParticipant(t, organizer, {
      name: names[1],
      offers: ['販路開拓'],
      needs: ['金属加工'],
    });
    await scene.register(maker.id);
    await scene.register(seller.id);
    return { ...scene, maker, seller };
  };
  /** A matching run of the event, queued, and the job that computes and saves it. */
  const matchingRun = async (eventId: string) => {
    const run = await t.dataSource.getRepository(MatchingRun).save({ eventId });
    return {
      execute: () => t.app.get(MatchingService).execute(run.id),
      outcome: async () => {
        const done = await t.dataSource.getRepository(MatchingRun).findOneByOrFail({ id: run.id });
        return [done.status, done.error, done.suggestionCount];
      },
    };
  };
  const suggestionsAt = (eventId: string) =>
    t.dataSource.query<{ participant_id: string; suggested_participant_id: string }[]>(
      'SELECT participant_id, suggested_participant_id FROM suggestions WHERE event_id = $1 ORDER BY rank',
      [eventId],
    );

  describe('a matching run', () => {
    it('saving its suggestions is waited for by an erasure of someone suggested, which then deletes them', async () => {
      const { eventId, maker } = await toBeMatched(55, ['大森東 二郎', '大森西 二子']);
      const run = await matchingRun(eventId);
      // The run computes, then its save is held where it writes the suggestions (the table is held
      // here against any write), the event's row locked; 大森東 is erased meanwhile.
      const { racer: erased } = await heldAt('LOCK TABLE suggestions IN SHARE MODE', [], run.execute, () =>
        erase(maker.id),
      );
      ok(erased);
      expect(await run.outcome()).toEqual(['SUCCEEDED', null, 2]);
      // Both suggestions named him: they went with the erasure.
      expect(await suggestionsAt(eventId)).toEqual([]);
    });

    it('waits for an erasure of someone it suggests that went first, and suggests nobody to or of them', async () => {
      const { eventId, maker } = await toBeMatched(56, ['大森東 三郎', '大森西 三子']);
      const run = await matchingRun(eventId);
      // The erasure is held at the event (its row is held here), having locked him; the run
      // computes with him meanwhile, its save then waits.
      const { writer: erased } = await heldAt(
        'SELECT 1 FROM events WHERE id = $1 FOR UPDATE',
        [eventId],
        () => erase(maker.id),
        run.execute,
      );
      ok(erased);
      expect(await run.outcome()).toEqual(['SUCCEEDED', null, 0]);
      expect(await suggestionsAt(eventId)).toEqual([]);
    });

    it('waits for a merge of a profile it suggests that went first, and suggests only the profile kept', async () => {
      const {
        eventId,
        register,
        maker,
        seller: duplicate,
      } = await toBeMatched(57, ['大森東 四郎', '大森西 四子']);
      const kept = await createParticipant(t, organizer, {
        name: '大森西 四子',
        offers: ['販路開拓'],
        needs: ['金属加工'],
      });
      await register(kept.id);
      const run = await matchingRun(eventId);
      // The merge is held at the event (its row is held here), having locked the two profiles; the
      // run computes with both meanwhile, its save then waits.
      const { writer: merged } = await heldAt(
        'SELECT 1 FROM events WHERE id = $1 FOR UPDATE',
        [eventId],
        () => merge(kept.id, duplicate.id),
        run.execute,
      );
      expect(ok(merged).mergeParticipants.meetingsMoved).toBe(0);
      expect(await run.outcome()).toEqual(['SUCCEEDED', null, 2]);
      expect(await suggestionsAt(eventId)).toEqual(
        expect.arrayContaining([
          { participant_id: maker.id, suggested_participant_id: kept.id },
          { participant_id: kept.id, suggested_participant_id: maker.id },
        ]),
      );
    });
  });

  describe('event-wide writers', () => {
    /**
     * Held where it writes its emails (the outbox is held here against any write), the event's row
     * locked, having locked before it whatever it locks first; the racer comes meanwhile.
     */
    const OUTBOX = 'LOCK TABLE outbox_messages IN SHARE MODE';
    /** What became of every email written for the person: none of them goes to an erased one. */
    const emailsOf = (participantId: string) =>
      t.dataSource.query<{ template: string; status: string; skip_reason: string | null }[]>(
        'SELECT template, status, skip_reason FROM outbox_messages WHERE participant_id = $1 ORDER BY created_at',
        [participantId],
      );
    const notSent = (template: string) => ({ template, status: 'SKIPPED', skip_reason: 'RECIPIENT_GONE' });
    const cancelEventOf = (eventId: string) =>
      t.gql<{ cancelEvent: { status: string } }>(
        'mutation($id: ID!) { cancelEvent(id: $id) { status } }',
        { id: eventId },
        organizer,
      );
    const updateEventOf = (eventId: string, input: Record<string, unknown>) =>
      t.gql<{ updateEvent: { id: string } }>(
        'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
        { id: eventId, input },
        organizer,
      );

    it('cancelling an event is waited for by an erasure of someone registered, whose 開催中止 is then not sent', async () => {
      const { eventId, register } = await gathering(60);
      const person = await createParticipant(t, organizer, { name: '平和島 一郎' });
      const other = await createParticipant(t, organizer, { name: '大森海岸 花子' });
      await register(person.id);
      await register(other.id);
      const { writer: cancelled, racer: erased } = await heldAt(
        OUTBOX,
        [],
        () => cancelEventOf(eventId),
        () => erase(person.id),
      );
      expect(ok(cancelled).cancelEvent.status).toBe('CANCELLED');
      ok(erased);
      // Both were told; the erased person's email is not sent.
      expect(await emailsOf(person.id)).toContainEqual(notSent('event-cancelled'));
      expect(await emailsOf(other.id)).toContainEqual(
        expect.objectContaining({ template: 'event-cancelled', status: 'PENDING' }),
      );
    });

    it('cancelling an event starts again, locking her first, when someone registered while it waited for the event, and waits for her erasure', async () => {
      const { eventId, register } = await gathering(64);
      const person = await createParticipant(t, organizer, { name: '北品川 一郎' });
      const late = await createParticipant(t, organizer, { name: '八ツ山 花子' });
      await register(person.id);
      const { cancelled, erased } = await holdingLocks(t.dataSource, async (hold) => {
        // Her seat, written under the event's row as registering writes it (her row locked by its
        // foreign key, as lockPeople locks it first), while the cancellation waits for the event
        // having locked those registered before her.
        await hold('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        const cancelled = cancelEventOf(eventId);
        await untilWaiting(1);
        await hold(
          `INSERT INTO registrations (event_id, participant_id, status, registered_at)
           VALUES ($1, $2, 'REGISTERED', now())`,
          [eventId, late.id],
        );
        const erased = erase(late.id);
        await untilWaiting(2);
        return { cancelled, erased };
      });
      // Her 開催中止 would point at her, whom the cancellation had not locked: it starts again with
      // her row, which her erasure holds, and then finds her seat given up.
      expect(ok(await cancelled).cancelEvent.status).toBe('CANCELLED');
      ok(await erased);
      expect(await registrationsAt(eventId, [late.id])).toEqual([
        expect.objectContaining({ status: 'CANCELLED' }),
      ]);
      expect(await emailsOf(late.id)).toEqual([]);
      expect(await emailsOf(person.id)).toContainEqual(
        expect.objectContaining({ template: 'event-cancelled', status: 'PENDING' }),
      );
    });

    it('publishing a draft is waited for by an erasure of someone registered to it, whose confirmation is then not sent', async () => {
      const eventId = ok(
        await t.gql<{ createEvent: { id: string } }>(
          'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
          {
            input: {
              kind: 'SALON',
              title: '大田区 ものづくり交流会',
              venue: '大田区産業プラザ',
              startsAt: tokyoInDays(61, '14:00'),
              endsAt: tokyoInDays(61, '17:00'),
            },
          },
          organizer,
        ),
      ).createEvent.id;
      const person = await createParticipant(t, organizer, { name: '立会川 一郎' });
      expect(ok(await registerAt(eventId, person.id)).register.status).toBe('REGISTERED');
      expect(await emailsOf(person.id)).toEqual([]);
      const { writer: published, racer: erased } = await heldAt(
        OUTBOX,
        [],
        () =>
          t.gql<{ publishEvent: { status: string } }>(
            'mutation($id: ID!) { publishEvent(id: $id) { status } }',
            { id: eventId },
            organizer,
          ),
        () => erase(person.id),
      );
      expect(ok(published).publishEvent.status).toBe('PUBLISHED');
      ok(erased);
      // Published with her seat confirmed, which the erasure then gave up, the email unsent.
      expect(await registrationsAt(eventId, [person.id])).toEqual([
        expect.objectContaining({ status: 'CANCELLED' }),
      ]);
      expect(await emailsOf(person.id)).toEqual([notSent('registration-confirmation')]);
    });

    it('more seats are waited for by an erasure of the person on the waiting list they move up', async () => {
      const eventId = await createPublishedEvent(t, organizer, {
        title: '大田区 ものづくり交流会',
        capacity: 1,
        startsAt: tokyoInDays(62, '14:00'),
        endsAt: tokyoInDays(62, '17:00'),
      });
      const seated = await createParticipant(t, organizer, { name: '鮫洲 一郎' });
      const waiter = await createParticipant(t, organizer, { name: '青物横丁 花子' });
      ok(await registerAt(eventId, seated.id));
      const waiting = ok(
        await t.gql<{ register: { id: string; status: string } }>(
          registerMutation('id status'),
          { eventId, participantId: waiter.id },
          organizer,
        ),
      ).register;
      expect(waiting.status).toBe('WAITLISTED');
      // Held where the new seat goes to her (her registration's row is held here), the event's row
      // locked: her 繰り上げ email is written next.
      const { writer: updated, racer: erased } = await heldAt(
        REGISTRATION_ROW,
        [waiting.id],
        () => updateEventOf(eventId, { capacity: 2 }),
        () => erase(waiter.id),
      );
      ok(updated);
      ok(erased);
      // She was moved up, then her seat went with the erasure, and her 繰り上げ was not sent.
      expect(await registrationsAt(eventId, [seated.id, waiter.id])).toEqual(
        expect.arrayContaining([
          { status: 'REGISTERED', participant_id: seated.id },
          { status: 'CANCELLED', participant_id: waiter.id },
        ]),
      );
      expect(await emailsOf(waiter.id)).toContainEqual(notSent('waitlist-promoted'));
    });

    it('a new time is waited for by an erasure of someone registered, whose 日時変更 is then not sent', async () => {
      const { eventId, register } = await gathering(63);
      const person = await createParticipant(t, organizer, { name: '新馬場 一郎' });
      await register(person.id);
      const { writer: updated, racer: erased } = await heldAt(
        OUTBOX,
        [],
        () =>
          updateEventOf(eventId, {
            startsAt: tokyoInDays(63, '15:00'),
            endsAt: tokyoInDays(63, '18:00'),
          }),
        () => erase(person.id),
      );
      ok(updated);
      ok(erased);
      expect(await emailsOf(person.id)).toContainEqual(notSent('event-changed'));
    });

    it('publishing the schedule is waited for by an erasure of a side of a meeting it publishes, whose agenda is then not sent', async () => {
      const { eventId, sessionId, exhibitor, buyerA } = await fair(65);
      const requestId = await agreeMeeting(t, eventId, buyerA.id, exhibitor.id);
      ok(await placeMeeting(requestId, sessionId, 0));
      const { writer: published, racer: erased } = await heldAt(
        OUTBOX,
        [],
        () =>
          t.gql<{ publishSchedule: { publishedMeetings: number } }>(
            'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
            { e: eventId },
            organizer,
          ),
        () => erase(buyerA.id),
      );
      expect(ok(published).publishSchedule.publishedMeetings).toBe(1);
      ok(erased);
      // Published, then called off with her erasure: her agenda is not sent, his is.
      expect(await meetingsOf(requestId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
      expect(await emailsOf(buyerA.id)).toContainEqual(notSent('meeting-agenda'));
      expect(await emailsOf(exhibitor.id)).toContainEqual(
        expect.objectContaining({ template: 'meeting-agenda', status: 'PENDING' }),
      );
    });

    it('sending the おすすめ is waited for by an erasure of someone it goes to, whose digest is then not sent', async () => {
      const { eventId, maker, seller } = await toBeMatched(66, ['大森東 一郎', '大森西 花子']);
      const run = await matchingRun(eventId);
      await run.execute();
      expect(await run.outcome()).toEqual(['SUCCEEDED', null, 2]);
      const { writer: sent, racer: erased } = await heldAt(
        OUTBOX,
        [],
        () =>
          t.gql<{ sendSuggestionDigests: { queued: number } }>(
            'mutation($e: ID!) { sendSuggestionDigests(eventId: $e) { queued } }',
            { e: eventId },
            organizer,
          ),
        () => erase(maker.id),
      );
      expect(ok(sent).sendSuggestionDigests.queued).toBe(2);
      ok(erased);
      expect(await emailsOf(maker.id)).toContainEqual(notSent('suggestion-digest'));
      expect(await emailsOf(seller.id)).toContainEqual(
        expect.objectContaining({ template: 'suggestion-digest', status: 'PENDING' }),
      );
    });

    /**
     * A gathering that ended `daysAgo` days ago at 17:00, where those given had a seat (nobody
     * checked in): its survey goes to each of them.
     */
    const endedWith = async (daysAgo: number, names: string[]) => {
      const { eventId, register } = await gathering(70);
      const people = [];
      for (const name of names) {
        const person = await createParticipant(t, organizer, { name });
        await register(person.id);
        people.push(person);
      }
      await moveEventEarlier(t, eventId, 70 + daysAgo);
      return { eventId, people, endedAt: new Date(tokyoInDays(-daysAgo, '17:00')) };
    };
    const sendSurvey = (eventId: string) =>
      t.gql<{ sendSurvey: { queued: number } }>(
        'mutation($e: ID!) { sendSurvey(eventId: $e) { queued } }',
        { e: eventId },
        organizer,
      );
    const surveysAt = (eventId: string) =>
      t.dataSource.query<{ participant_id: string; status: string; skip_reason: string | null }[]>(
        `SELECT participant_id, status, skip_reason FROM outbox_messages
          WHERE event_id = $1 AND template = 'survey' ORDER BY status::text`,
        [eventId],
      );

    it('sending the survey is waited for by a merge of two profiles that were there, which keeps one survey', async () => {
      const {
        eventId,
        people: [kept, duplicate],
      } = await endedWith(20, ['馬込 花子', '馬込 花子']);
      const { writer: sent, racer: merged } = await heldAt(
        OUTBOX,
        [],
        () => sendSurvey(eventId),
        () => merge(kept.id, duplicate.id),
      );
      expect(ok(sent).sendSurvey.queued).toBe(2);
      ok(merged);
      // The duplicate's seat went with the merge, and its survey is not sent: she is asked once.
      expect(await surveysAt(eventId)).toEqual([
        { participant_id: kept.id, status: 'PENDING', skip_reason: null },
        { participant_id: kept.id, status: 'SKIPPED', skip_reason: 'MERGED_AWAY' },
      ]);
    });

    it('sending the survey is waited for by an erasure of someone it goes to, whose survey is then not sent', async () => {
      const {
        eventId,
        people: [person, other],
      } = await endedWith(25, ['西馬込 一郎', '南馬込 花子']);
      const { writer: sent, racer: erased } = await heldAt(
        OUTBOX,
        [],
        () => sendSurvey(eventId),
        () => erase(person.id),
      );
      expect(ok(sent).sendSurvey.queued).toBe(2);
      ok(erased);
      expect(await emailsOf(person.id)).toContainEqual(notSent('survey'));
      expect(await emailsOf(other.id)).toContainEqual(
        expect.objectContaining({ template: 'survey', status: 'PENDING' }),
      );
    });

    it("the morning's survey scan is waited for by a merge of two profiles that were there, which keeps one survey", async () => {
      const {
        eventId,
        people: [kept, duplicate],
        endedAt,
      } = await endedWith(10, ['中馬込 花子', '中馬込 花子']);
      // The next morning: the event ended yesterday, and the scan sends its survey.
      const { writer: scanned, racer: merged } = await heldAt(
        OUTBOX,
        [],
        () => t.app.get(SurveysService).sendForEndedEvents(new Date(endedAt.getTime() + 86_400_000)),
        () => merge(kept.id, duplicate.id),
      );
      expect(scanned).toEqual({ events: 1, queued: 2 });
      ok(merged);
      expect(await surveysAt(eventId)).toEqual([
        { participant_id: kept.id, status: 'PENDING', skip_reason: null },
        { participant_id: kept.id, status: 'SKIPPED', skip_reason: 'MERGED_AWAY' },
      ]);
    });
  });
});
