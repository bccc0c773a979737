import { Role } from '../src/auth/actor';
import { captureLogs } from './support/captured-logs';
import { eventually } from './support/eventually';
import { createOrganization, createPublishedEvent, staffSession } from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * A job that throws: staff see the run FAILED with a reason they can read, and the log names the
 * run and its event so the engineer on call can find both.
 */
describe('a matching run on bad data', () => {
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

  it('is marked FAILED with a reason in Japanese, and logged with its run and event', async () => {
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
});
