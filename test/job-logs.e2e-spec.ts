import { Role } from '../src/auth/actor';
import { captureLogs } from './support/captured-logs';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * The engineer on call reads in the log what the long jobs did, not only when they fail: each
 * campaign, matching run and scheduling run leaves a line naming it, its event and its figures.
 */
describe('what the jobs log when they succeed', () => {
  let t: TestApp;
  let logged: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    logged = captureLogs(['log']);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('logs a campaign, a matching run and a scheduling run with their figures', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '岡谷市工業振興課',
        kind: 'MUNICIPALITY',
        municipality: '長野県岡谷市',
      }),
    );
    const eventId = await createPublishedEvent(t, organizer, {
      title: '岡谷ものづくり商談会',
      capacity: null,
    });
    await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(14, '18:30'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 4,
    });
    const people = await Promise.all([1, 2, 3].map(() => createParticipant(t, organizer)));
    const campaign = ok(
      await t.gql<{ inviteParticipants: { id: string } }>(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: people.map((person) => person.id) },
        organizer,
      ),
    ).inviteParticipants;
    expect(logged).toContainEqual(
      `invitation campaign ${campaign.id} (event ${eventId}): 3 invited, 0 of them again, 0 already registered, 0 without email`,
    );

    const job = async (mutation: string, query: string) => {
      const { id } = Object.values(
        ok(
          await t.gql<Record<string, { id: string }>>(
            `mutation($e: ID!) { ${mutation}(eventId: $e) { id } }`,
            { e: eventId },
            organizer,
          ),
        ),
      )[0];
      await eventually(async () => {
        const run = Object.values(
          ok(
            await t.gql<Record<string, { status: string }>>(
              `query($id: ID!) { ${query}(id: $id) { status } }`,
              { id },
              organizer,
            ),
          ),
        )[0];
        expect(run.status).not.toBe('FAILED');
        return run.status === 'SUCCEEDED';
      }, `${query} to succeed`);
      return id;
    };
    const matching = await job('runMatching', 'matchingRun');
    expect(logged).toContainEqual(
      `matching run ${matching} (event ${eventId}) succeeded: 0 suggestions for 0 participants`,
    );
    const scheduling = await job('scheduleMeetings', 'schedulingRun');
    expect(
      logged.find((line) => line.startsWith(`scheduling run ${scheduling} (event ${eventId}) succeeded:`)),
    ).toMatch(
      /succeeded: 0 of 0 meetings placed, 0 not, weight 0 of at most 0( \(optimal\))?, \d+ ms computing$/,
    );
  });
});
