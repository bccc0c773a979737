import { Role } from '../src/auth/actor';
import { SchedulingRun } from '../src/scheduling/scheduling-run.entity';
import { SchedulingService } from '../src/scheduling/scheduling.service';
import { eventually } from './support/eventually';
import { createOrganization, createPublishedEvent, staffSession, tokyoInDays } from './support/fixtures';
import { createTestApp, GraphqlResponse, ok, TestApp } from './support/test-app';

const PLACE = `mutation($requestId: ID!, $sessionId: ID!, $slot: Int!, $table: String) {
  placeMeeting(requestId: $requestId, sessionId: $sessionId, slotIndex: $slot, table: $table) { id } }`;

describe('meetings under concurrency: the database refuses double bookings', () => {
  let t: TestApp;
  let organizer: string;
  let secondOrganizer: string;
  let eventId: string;
  let sessionId: string;
  let hub: string;
  let spokes: string[];

  beforeAll(async () => {
    // A pool far smaller than the bursts below: a refusal that needed a second connection while
    // its transaction held one would leave every connection waiting for another, and hang.
    t = await createTestApp({ SCHEDULING_TIME_LIMIT_MS: '3000', DATABASE_POOL_SIZE: '4' });
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '大田区産業振興協会', kind: 'SUPPORT_AGENCY' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    secondOrganizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'おおた商談会',
      capacity: null,
      startsAt: tokyoInDays(30, '10:00'),
      endsAt: tokyoInDays(30, '17:00'),
    });
    const event = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId,
            startsAt: tokyoInDays(30, '10:00'),
            slotMinutes: 15,
            slotCount: 4,
            tableCount: 200,
          },
        },
        organizer,
      ),
    );
    sessionId = event.addMatchmakingSession.sessions[0].id;
    // 201 registered participants and 200 accepted requests hub ↔ spoke, written straight in SQL:
    // the race is what is under test, not the setup.
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO participants (email, name, furigana)
       SELECT 'race' || n || '@example.jp', '参加者' || n, 'サンカシャ' FROM generate_series(0, 200) AS n
       RETURNING id`,
    );
    const ids = rows.map((row) => row.id);
    [hub, ...spokes] = ids;
    await t.dataSource.query(
      `INSERT INTO registrations (event_id, participant_id, status, registered_at)
       SELECT $1, id, 'REGISTERED', now() FROM unnest($2::uuid[]) AS id`,
      [eventId, ids],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const acceptedRequests = async (pairs: [string, string][]) => {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status, responded_at)
       SELECT $1, a, b, 'ACCEPTED', now() FROM unnest($2::uuid[], $3::uuid[]) AS pair(a, b)
       RETURNING id`,
      [eventId, pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
    );
    return rows.map((row) => row.id);
  };

  const outcomes = (responses: GraphqlResponse[]) => ({
    won: responses.filter((response) => !response.errors).length,
    refused: responses.filter((response) => response.errors?.[0]?.extensions?.reason === 'MEETING_SLOT_TAKEN')
      .length,
  });

  it('200 placements of one person into the same slot at 200 different tables: exactly one wins', async () => {
    const requests = await acceptedRequests(spokes.map((spoke) => [hub, spoke]));
    const responses = await Promise.all(
      requests.map((requestId, index) =>
        t.gql(PLACE, { requestId, sessionId, slot: 0, table: String(index + 1) }, organizer),
      ),
    );
    expect(outcomes(responses)).toEqual({ won: 1, refused: 199 });
    // Each refusal says what holds the slot, for staff choosing another on the day.
    expect(
      new Set(responses.flatMap((response) => response.errors?.map((error) => error.message) ?? [])),
    ).toEqual(new Set(['この時間枠は埋まっています（参加者0 様に同じ時間の別の面談があります）']));
    const [{ count }]: { count: string }[] = await t.dataSource.query(
      `SELECT count(*) FROM meeting_participants WHERE participant_id = $1 AND session_id = $2 AND slot_index = 0 AND active`,
      [hub, sessionId],
    );
    expect(Number(count)).toBe(1);
  });

  it('100 different pairs into the same table and slot: exactly one wins', async () => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < 200; i += 2) pairs.push([spokes[i], spokes[i + 1]]);
    const requests = await acceptedRequests(pairs);
    const responses = await Promise.all(
      requests.map((requestId) => t.gql(PLACE, { requestId, sessionId, slot: 1, table: '7' }, organizer)),
    );
    expect(outcomes(responses)).toEqual({ won: 1, refused: 99 });
    expect(
      new Set(responses.flatMap((response) => response.errors?.map((error) => error.message) ?? [])),
    ).toEqual(new Set(['この時間枠は埋まっています（テーブル 7 に別の面談があります）']));
  });

  it('two organisers scheduling at once, while participants accept: both runs finish, nobody is double-booked', async () => {
    const start = (token: string) =>
      t.gql<{ scheduleMeetings: { id: string } }>(
        'mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { id } }',
        { eventId },
        token,
      );
    const late = await t.dataSource.query(
      `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status)
       VALUES ($1, $2, $3, 'PENDING') RETURNING id`,
      [eventId, spokes[0], spokes[2]],
    );
    const [first, second, answered] = await Promise.all([
      start(organizer),
      start(secondOrganizer),
      t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
        { id: (late as { id: string }[])[0].id },
        await t.participantToken(spokes[2]),
      ),
    ]);
    ok(answered);
    const runs = await Promise.all(
      [ok(first).scheduleMeetings.id, ok(second).scheduleMeetings.id].map((id) =>
        eventually(
          async () => {
            const run = ok(
              await t.gql<{
                schedulingRun: { status: string; scheduledCount: number; error: string | null };
              }>(
                'query($id: ID!) { schedulingRun(id: $id) { status scheduledCount error } }',
                { id },
                organizer,
              ),
            ).schedulingRun;
            return ['SUCCEEDED', 'FAILED'].includes(run.status) && run;
          },
          `run ${id}`,
          60_000,
        ),
      ),
    );
    expect(runs.map((run) => run.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);

    // The queue runs one scheduling job at a time per process; several worker processes do not.
    // Two runs executed side by side in this process stand in for two workers.
    const repository = t.dataSource.getRepository(SchedulingRun);
    const parallel = await Promise.all([repository.save({ eventId }), repository.save({ eventId })]);
    const lateToo: { id: string }[] = await t.dataSource.query(
      `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status)
       VALUES ($1, $2, $3, 'PENDING') RETURNING id`,
      [eventId, spokes[4], spokes[6]],
    );
    const service = t.app.get(SchedulingService);
    await Promise.all([
      ...parallel.map((run) => service.execute(run.id)),
      t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
        { id: lateToo[0].id },
        await t.participantToken(spokes[6]),
      ),
    ]);
    const finished = await repository.findBy(parallel.map((run) => ({ id: run.id })));
    expect(finished.map((run) => [run.status, run.error])).toEqual([
      ['SUCCEEDED', null],
      ['SUCCEEDED', null],
    ]);
    const doubles: unknown[] = await t.dataSource.query(
      `SELECT session_id, slot_index, participant_id::text FROM meeting_participants WHERE active
        GROUP BY 1, 2, 3 HAVING count(*) > 1
       UNION ALL
       SELECT session_id, slot_index, table_label FROM meetings WHERE status <> 'CANCELLED'
        GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(doubles).toEqual([]);
    const [{ live }]: { live: string }[] = await t.dataSource.query(
      `SELECT count(*) AS live FROM meetings WHERE event_id = $1 AND status <> 'CANCELLED'`,
      [eventId],
    );
    expect(finished.map((run) => run.scheduledCount)).toContain(Number(live));
    // The hub meets at most once per slot, 4 slots.
    expect(Number(live)).toBeGreaterThan(100);
  });
});
