import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import { createOrganization, createPublishedEvent, matchAndWait, staffSession } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { WorkerProcess } from './support/worker-process';

/**
 * Every worker is gone (the service runs with WORKER_IN_PROCESS=false and nobody started one):
 * the health pages say that jobs wait and nothing runs them, until a worker connects.
 */
describe('no worker running', () => {
  let t: TestApp;
  let worker: WorkerProcess | null = null;

  beforeAll(async () => {
    t = await createTestApp({ WORKER_IN_PROCESS: 'false' });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const health = async (path: string) => {
    const response = await fetch(`${t.url}${path}`);
    return {
      status: response.status,
      body: (await response.json()) as { status: string; problems: string[] },
    };
  };

  it('is told on /health and /health/mail while a matching run waits, and no longer once a worker runs it', async () => {
    expect(await health('/health')).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up', redis: 'up', problems: [] },
    });
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '松本商工会議所', municipality: '長野県松本市' }),
    );
    const eventId = await createPublishedEvent(t, organizer, { title: '松本ビジネス交流会' });
    // The run waits through the check below and the worker's start, which a busy machine stretches.
    const matched = matchAndWait(t, organizer, eventId, 150_000);

    const problem =
      '1 jobs wait and no worker is connected to their queues (matching: 1): nothing runs them, ' +
      'not emails, matching or scheduling, until a worker starts (npm run start:worker, or WORKER_IN_PROCESS=true)';
    const stalled = await eventually(async () => {
      const answer = await health('/health');
      return answer.body.problems.length > 0 && answer;
    }, 'the run to wait in its queue');
    // The API itself serves: a load balancer keeps it.
    expect(stalled).toEqual({
      status: 200,
      body: { status: 'degraded', database: 'up', redis: 'up', problems: [problem] },
    });
    const mail = await health('/health/mail');
    expect(mail.status).toBe(503);
    expect(mail.body).toMatchObject({ status: 'stalled', problems: [problem] });

    worker = WorkerProcess.start(t.config);
    await matched;
    expect(await health('/health')).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up', redis: 'up', problems: [] },
    });
    expect((await health('/health/mail')).status).toBe(200);
  }, 180_000);
});
