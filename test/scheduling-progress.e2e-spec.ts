import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Role } from '../src/auth/actor';
import { QueueName } from '../src/queue/queue-names';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  createOrganization,
  createPublishedEvent,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

const TIME_LIMIT_MS = 3000;
/**
 * Groups of five who all asked to meet each other, in four slots: each can meet all four others,
 * but five people fill at most two tables a slot, so 8 of a group's 10 meetings fit. The bound
 * the scheduler proves first is 10, so it keeps improving until its time is up.
 */
const GROUPS = 80;
const GROUP_SIZE = 5;

interface RunView {
  status: string;
  progress: number;
  phase: string | null;
}

/**
 * The scheduler computes for up to SCHEDULING_TIME_LIMIT_MS. The service that runs the worker in
 * process (the default) keeps answering meanwhile, and staff watching the run see it move.
 */
describe('a scheduling run as staff watch it', () => {
  let t: TestApp;
  let organizer: string;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp({ SCHEDULING_TIME_LIMIT_MS: String(TIME_LIMIT_MS) });
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '東大阪商工会議所', kind: 'CHAMBER_OF_COMMERCE' }),
    );
    eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'ものづくり商談会',
      capacity: null,
      startsAt: tokyoInDays(20, '10:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(20, '13:00'),
      slotMinutes: 20,
      slotCount: 4,
      tableCount: 200,
    });
    // Written straight in SQL: the run is what is under test, not the setup.
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO participants (email, name, furigana)
       SELECT 'maker' || n || '@example.jp', '事業者' || n, 'ジギョウシャ' FROM generate_series(1, $1) AS n
       RETURNING id`,
      [GROUPS * GROUP_SIZE],
    );
    const ids = rows.map((row) => row.id);
    await t.dataSource.query(
      `INSERT INTO registrations (event_id, participant_id, status, registered_at)
       SELECT $1, id, 'REGISTERED', now() FROM unnest($2::uuid[]) AS id`,
      [eventId, ids],
    );
    const from: string[] = [];
    const to: string[] = [];
    for (let group = 0; group < GROUPS; group += 1) {
      const members = ids.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE);
      members.forEach((a, i) =>
        members.slice(i + 1).forEach((b) => {
          from.push(a);
          to.push(b);
        }),
      );
    }
    await t.dataSource.query(
      `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status, responded_at)
       SELECT $1, a, b, 'ACCEPTED', now() FROM unnest($2::uuid[], $3::uuid[]) AS pair(a, b)`,
      [eventId, from, to],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers GraphQL while the run computes, and the run shows its progress as it goes', async () => {
    const runId = ok(
      await t.gql<{ scheduleMeetings: { id: string } }>(
        'mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { id } }',
        { eventId },
        organizer,
      ),
    ).scheduleMeetings.id;
    const read = async () =>
      ok(
        await t.gql<{ schedulingRun: RunView }>(
          'query($id: ID!) { schedulingRun(id: $id) { status progress phase } }',
          { id: runId },
          organizer,
        ),
      ).schedulingRun;

    // Asked every 100 ms from this same process: while its event loop is blocked, nobody is asked.
    const seen: { at: number; run: RunView }[] = [];
    const finished = await eventually(
      async () => {
        const run = await read();
        seen.push({ at: Date.now(), run });
        return ['SUCCEEDED', 'FAILED'].includes(run.status) && run;
      },
      `run ${runId}`,
      60_000,
      100,
    );

    expect(finished.status).toBe('SUCCEEDED');
    const running = seen.filter(({ run }) => run.status === 'RUNNING');
    // What this test stands on: the engine computed for a while.
    expect(seen.at(-1)!.at - running[0].at).toBeGreaterThan(1000);
    const longestSilenceMs = Math.max(...seen.slice(1).map(({ at }, index) => at - seen[index].at));
    expect(longestSilenceMs).toBeLessThan(500);
    const between = new Set(
      running.map(({ run }) => run.progress).filter((progress) => progress > 0 && progress < 100),
    );
    expect(between.size).toBeGreaterThan(2);
    // It only moves forwards, also where the time used carries it between the engine's reports.
    const shown = running.map(({ run }) => run.progress);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    // The engine fills the bar to 90; 完了 comes with SUCCEEDED, never while meetings are still saved.
    for (const { run } of running) {
      expect(run.phase).not.toBe('done');
      if (run.phase !== 'saving') expect(run.progress).toBeLessThanOrEqual(90);
    }
  });

  it('answers the run already under way when asked again, and queues its job again if Redis lost it', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.SCHEDULING));
    const runsOfEvent = async () =>
      (
        await t.dataSource.query(`SELECT count(*)::int AS count FROM scheduling_runs WHERE event_id = $1`, [
          eventId,
        ])
      )[0].count as number;
    const schedule = async () =>
      ok(
        await t.gql<{ scheduleMeetings: { id: string; status: string } }>(
          'mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { id status } }',
          { eventId },
          organizer,
        ),
      ).scheduleMeetings;
    const before = await runsOfEvent();
    await queue.pause();
    const first = await schedule();
    expect(first.status).toBe('QUEUED');
    // Redis restarted empty: the row says QUEUED, and no job would ever run it.
    await queue.remove(first.id);
    expect(await queue.getJob(first.id)).toBeUndefined();

    expect(await schedule()).toEqual(first);
    expect(await runsOfEvent()).toBe(before + 1);
    expect(await queue.getJob(first.id)).toBeDefined();
    await queue.resume();
    await eventually(
      async () =>
        (await t.dataSource.query(`SELECT status FROM scheduling_runs WHERE id = $1`, [first.id]))[0]
          .status === 'SUCCEEDED',
      `run ${first.id}`,
      60_000,
    );
  });
});
