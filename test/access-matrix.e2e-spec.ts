import { Role } from '../src/auth/actor';
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
 * Every foundation operation, called by the three outsiders the rules must keep out: a participant,
 * the organizer of another organisation, and someone with no session. Deny by default means the
 * expected answer is a refusal unless the SPEC says otherwise (the shared calendar is public; the
 * participant pool is shared by every organisation's staff; participants register themselves).
 */
type Outcome = 'OK' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';

describe('access rules per role', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<'participant' | 'otherOrganizer' | 'anonymous', string | undefined> = {
    participant: undefined,
    otherOrganizer: undefined,
    anonymous: undefined,
  };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    ids.org = await createOrganization(t, admin, {
      name: '墨田区産業観光部',
      kind: 'MUNICIPALITY',
      municipality: '東京都墨田区',
    });
    const organizer = await staffSession(t, Role.ORGANIZER, ids.org);
    tokens.otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '東大阪商工会議所', municipality: '大阪府東大阪市' }),
    );
    ids.event = await createPublishedEvent(t, organizer, { title: 'すみだ異業種交流会' });
    const draft = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SEMINAR',
            title: '下書き',
            venue: '墨田区役所',
            startsAt: tokyoInDays(15, '10:00'),
            endsAt: tokyoInDays(15, '12:00'),
          },
        },
        organizer,
      ),
    );
    ids.draft = draft.createEvent.id;
    const person = await createParticipant(t, organizer);
    const other = await createParticipant(t, organizer);
    ids.person = person.id;
    ids.other = other.id;
    tokens.participant = await t.participantToken(person.id);
    const registration = ok(
      await t.gql<{ register: { id: string } }>(
        registerMutation(),
        { eventId: ids.event, participantId: other.id },
        organizer,
      ),
    );
    ids.registration = registration.register.id;
  });
  afterAll(() => t.close());

  const cases: [string, string, () => Record<string, unknown>, Record<keyof typeof tokens, Outcome>][] = [
    [
      'createOrganization',
      'mutation { createOrganization(input: { name: "x", kind: OTHER, municipality: "東京都港区" }) { id } }',
      () => ({}),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'updateOrganizationContact',
      'mutation($org: ID!) { updateOrganizationContact(id: $org, input: { contactPhone: "03-1234-5678" }) { id } }',
      () => ({ org: ids.org }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'organizations',
      '{ organizations { id } }',
      () => ({}),
      { participant: 'FORBIDDEN', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'createStaffUser',
      'mutation($org: ID) { createStaffUser(input: { email: "x@example.jp", name: "x", password: "long-enough-password", role: STAFF, organizationId: $org }) { id } }',
      () => ({ org: ids.org }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'me',
      '{ me { role } }',
      () => ({}),
      { participant: 'OK', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'upsertParticipant',
      'mutation { upsertParticipant(input: { email: "y@example.jp", name: "y", furigana: "ワイ" }) { id } }',
      () => ({}),
      { participant: 'FORBIDDEN', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'participant',
      'query($id: ID!) { participant(id: $id) { id } }',
      () => ({ id: ids.other }),
      { participant: 'OK', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'participants',
      '{ participants { totalCount } }',
      () => ({}),
      { participant: 'FORBIDDEN', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'importParticipants',
      'mutation { importParticipants(csv: "email,name,furigana\\n") { created } }',
      () => ({}),
      { participant: 'FORBIDDEN', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'updateMyProfile',
      'mutation { updateMyProfile(input: { title: "代表" }) { id } }',
      () => ({}),
      { participant: 'OK', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'createEvent',
      'mutation { createEvent(input: { kind: SALON, title: "x", venue: "x", startsAt: "2027-01-10T10:00", endsAt: "2027-01-10T12:00" }) { id } }',
      () => ({}),
      { participant: 'FORBIDDEN', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'updateEvent',
      'mutation($id: ID!) { updateEvent(id: $id, input: { title: "乗っ取り" }) { id } }',
      () => ({ id: ids.event }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'publishEvent',
      'mutation($id: ID!) { publishEvent(id: $id) { id } }',
      () => ({ id: ids.draft }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'closeEvent',
      'mutation($id: ID!) { closeEvent(id: $id) { id } }',
      () => ({ id: ids.event }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'cancelEvent',
      'mutation($id: ID!) { cancelEvent(id: $id) { id } }',
      () => ({ id: ids.event }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'addMatchmakingSession',
      'mutation($id: ID!) { addMatchmakingSession(input: { eventId: $id, startsAt: "2027-01-10T10:00", slotMinutes: 20, slotCount: 3, tableCount: 5 }) { id } }',
      () => ({ id: ids.event }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'event (published)',
      'query($id: ID!) { event(id: $id) { id } }',
      () => ({ id: ids.event }),
      { participant: 'OK', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'event (draft)',
      'query($id: ID!) { event(id: $id) { id } }',
      () => ({ id: ids.draft }),
      { participant: 'NOT_FOUND', otherOrganizer: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'events',
      '{ events { totalCount } }',
      () => ({}),
      { participant: 'OK', otherOrganizer: 'OK', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'register (someone else)',
      'mutation($e: ID!, $p: ID) { register(eventId: $e, participantId: $p) { id } }',
      () => ({ e: ids.event, p: ids.other }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'cancelRegistration',
      'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
      () => ({ id: ids.registration }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'checkIn',
      'mutation($id: ID!) { checkIn(registrationId: $id) { id } }',
      () => ({ id: ids.registration }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'registrations',
      'query($id: ID!) { registrations(eventId: $id) { totalCount } }',
      () => ({ id: ids.event }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'emailProgress',
      'query($e: ID!) { emailProgress(eventId: $e, batchId: $e) { total } }',
      () => ({ e: ids.event }),
      { participant: 'FORBIDDEN', otherOrganizer: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    ],
    [
      'eventCalendar',
      '{ eventCalendar(from: "2026-01-01", to: "2027-01-01") { id } }',
      () => ({}),
      { participant: 'OK', otherOrganizer: 'OK', anonymous: 'OK' },
    ],
  ];

  it.each(cases)('%s', async (_, query, variables, expected) => {
    for (const role of ['participant', 'otherOrganizer', 'anonymous'] as const) {
      const response = await t.gql(query, variables(), tokens[role]);
      const outcome = response.errors?.length ? response.errors[0].extensions?.code : 'OK';
      expect({ role, outcome }).toEqual({ role, outcome: expected[role] });
    }
  });

  it('never writes anything on a refused call', async () => {
    const [event] = await t.dataSource.query('SELECT title, status FROM events WHERE id = $1', [ids.event]);
    expect(event).toEqual({ title: 'すみだ異業種交流会', status: 'PUBLISHED' });
    const [registration] = await t.dataSource.query('SELECT status FROM registrations WHERE id = $1', [
      ids.registration,
    ]);
    expect(registration.status).toBe('REGISTERED');
  });
});
