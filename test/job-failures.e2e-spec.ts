import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Role } from '../src/auth/actor';
import { QueueName } from '../src/queue/queue-names';
import { captureLogs } from './support/captured-logs';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * A job that throws: staff see the run FAILED with a reason they can read, and the log names the
 * run and its event so the engineer on call can find both. A periodic scan that throws says so in
 * the log and is tried again, rather than leaving the day without its emails.
 */
describe('jobs that fail', () => {
  let t: TestApp;
  let logged: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    logged = captureLogs(['warn', 'error']);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('a matching run on bad data is marked FAILED with a reason in Japanese, and logged with its run and event', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '尼崎商工会議所', municipality: '兵庫県尼崎市' }),
    );
    const eventId = await createPublishedEvent(t, organizer, {
      title: '尼崎ものづくり商談会',
      capacity: null,
    });
    // A setting no form allows, as a hand-edited row or an old import could leave it.
    await t.dataSource.query(`UPDATE events SET match_cross_industry_bonus = -1 WHERE id = $1`, [eventId]);

    const run = ok(
      await t.gql<{ runMatching: { id: string } }>(
        'mutation($eventId: ID!) { runMatching(eventId: $eventId) { id } }',
        { eventId },
        organizer,
      ),
    ).runMatching;
    const failed = await eventually(async () => {
      const data = ok(
        await t.gql<{ matchingRun: { status: string; error: string | null } }>(
          'query($id: ID!) { matchingRun(id: $id) { status error } }',
          { id: run.id },
          organizer,
        ),
      ).matchingRun;
      return data.status === 'FAILED' ? data : undefined;
    }, 'the run to fail');

    expect(failed.error).toBe(
      '参加者データまたはマッチング設定に問題があり、計算できませんでした（settings.crossIndustryBonus must be a number ≥ 0）',
    );
    expect(logged).toContainEqual(
      `matching run ${run.id} (event ${eventId}) failed: the engine refused its input: settings.crossIndustryBonus must be a number ≥ 0`,
    );
  });

  it('a periodic scan that throws is logged naming its scheduler, and tried again until it succeeds', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '墨田区商工会議所', municipality: '東京都墨田区' }),
    );
    const eventId = await createPublishedEvent(t, organizer, {
      title: '明日の交流サロン',
      startsAt: tokyoInDays(1, '18:00'),
      endsAt: tokyoInDays(1, '20:00'),
    });
    const person = await createParticipant(t, organizer);
    ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
    const open = async () =>
      (
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE is_open`)) as {
          n: number;
        }[]
      )[0].n;
    await eventually(async () => (await open()) === 0, 'the registration email sent');

    // The database cannot answer the scan when the day's run comes (a restart, a migration).
    await t.dataSource.query('ALTER TABLE registrations RENAME TO registrations_away');
    const queue = t.app.get<Queue>(getQueueToken(QueueName.REMINDERS));
    const scheduled = async (state: 'delayed') =>
      (await queue.getJobs([state])).find((job) => job.id?.startsWith('repeat:reminders-daily:'));
    const daily = await eventually(() => scheduled('delayed'), 'the daily reminder job');
    await daily.promote();
    const line = await eventually(
      () => logged.find((entry) => entry.startsWith('reminders-daily scan')),
      'a line for the failed scan',
    );
    expect(line).toMatch(
      /^reminders-daily scan \(reminders job repeat:reminders-daily:\d+\) failed, try 1 of 8; tried again in 30 s: QueryFailedError: relation "registrations" does not exist/,
    );

    await t.dataSource.query('ALTER TABLE registrations_away RENAME TO registrations');
    // The retry waits its backoff; bring it forward rather than wait 30 s.
    const retry = await eventually(
      async () => (await queue.getJobs(['delayed'])).find((job) => job.id === daily.id),
      'the failed scan waiting for its next try',
    );
    await retry.promote();
    await eventually(async () => {
      const rows: { status: string }[] = await t.dataSource.query(
        `SELECT status FROM outbox_messages WHERE template = 'reminder' AND participant_id = $1`,
        [person.id],
      );
      return rows.length === 1 && rows[0].status === 'SENT';
    }, "the day's reminder written by the second try, and sent");
  });
});
