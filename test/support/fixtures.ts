import { TestApp, ok } from './test-app';
import { eventually } from './eventually';
import { ReceivedMail } from './smtp-sink';
import { UsersService } from '../../src/users/users.service';
import { Role } from '../../src/auth/actor';
import { fiscalYearOf } from '../../src/common/japan/fiscal-year';
import { DAY_MS } from '../../src/common/japan/tokyo-day';

export const PASSWORD = 'correct horse battery staple';

/** Creates a staff account straight through the service (as the CLI does) and logs in over GraphQL. */
export async function staffSession(
  testApp: TestApp,
  role: Role.ADMIN | Role.ORGANIZER | Role.STAFF,
  organizationId: string | null,
  email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.jp`,
): Promise<string> {
  await testApp.app.get(UsersService).create({
    email,
    name: 'テスト 担当',
    password: PASSWORD,
    role,
    organizationId: organizationId ?? undefined,
  });
  const data = ok(
    await testApp.gql<{ login: { token: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { email, password: PASSWORD },
    ),
  );
  return data.login.token;
}

/**
 * `register` with its arguments as variables: `{ eventId }` for a participant themselves, plus
 * `participantId`, `role`, `booth` when staff register someone.
 */
export const registerMutation = (selection = 'id') =>
  `mutation($eventId: ID!, $participantId: ID, $role: EventRole, $booth: String) {
    register(eventId: $eventId, participantId: $participantId, role: $role, booth: $booth) { ${selection} }
  }`;

/** How far a bulk send has got (`emailProgress`), as staff of the event see it. */
export async function emailProgress(testApp: TestApp, staffToken: string, eventId: string, batchId: string) {
  return ok(
    await testApp.gql<{ emailProgress: Record<'total' | 'queued' | 'sent' | 'failed' | 'skipped', number> }>(
      'query($eventId: ID!, $batchId: ID!) { emailProgress(eventId: $eventId, batchId: $batchId) { total queued sent failed skipped } }',
      { eventId, batchId },
      staffToken,
    ),
  ).emailProgress;
}

/**
 * A campaign of `count` invitations to a published event of a new organisation. The invitees, who
 * consented to email, are written straight to the table (`<emailPrefix><n>@example.jp`, `<name><n>`),
 * so thousands take a moment.
 */
export async function invitationCampaign(
  testApp: TestApp,
  scene: {
    organization: { name: string; municipality: string };
    eventTitle: string;
    invitees: { emailPrefix: string; name: string; furigana: string; count: number };
  },
) {
  const admin = await staffSession(testApp, Role.ADMIN, null);
  const organizer = await staffSession(
    testApp,
    Role.ORGANIZER,
    await createOrganization(testApp, admin, scene.organization),
  );
  const eventId = await createPublishedEvent(testApp, organizer, { title: scene.eventTitle, capacity: null });
  const { emailPrefix, name, furigana, count } = scene.invitees;
  const invitees: { id: string; email: string }[] = await testApp.dataSource.query(
    `INSERT INTO participants (email, name, furigana, consent_email)
     SELECT $2 || i || '@example.jp', $3 || i, $4, true FROM generate_series(1, $1) AS i
     RETURNING id, email`,
    [count, emailPrefix, name, furigana],
  );
  const campaign = ok(
    await testApp.gql<{ inviteParticipants: { id: string; total: number } }>(
      'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id total } }',
      { eventId, ids: invitees.map((row) => row.id) },
      organizer,
    ),
  ).inviteParticipants;
  return { organizer, eventId, invitees, campaign };
}

/** The contact email of an organisation created without a contact (see createOrganization). */
export const DEFAULT_CONTACT_EMAIL = 'info@organizer.example.jp';

export async function createOrganization(
  testApp: TestApp,
  adminToken: string,
  /**
   * Any CreateOrganizationInput field besides; kind and municipality have defaults, and so has
   * contactEmail when neither it nor contactPhone is given: an organiser without a contact sends
   * no invitations. Pass `contactEmail: null` for one that has none.
   */
  input: { name: string; kind?: string; municipality?: string } & Record<string, string | null>,
): Promise<string> {
  const contact =
    input.contactEmail === undefined && input.contactPhone === undefined
      ? { contactEmail: DEFAULT_CONTACT_EMAIL }
      : {};
  const data = ok(
    await testApp.gql<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { kind: 'CHAMBER_OF_COMMERCE', municipality: '東京都葛飾区', ...contact, ...input } },
      adminToken,
    ),
  );
  return data.createOrganization.id;
}

let participantCounter = 0;

export async function createParticipant(
  testApp: TestApp,
  staffToken: string,
  input: Record<string, unknown> = {},
): Promise<{ id: string; email: string }> {
  participantCounter += 1;
  const data = ok(
    await testApp.gql<{ upsertParticipant: { id: string; email: string } }>(
      'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id email } }',
      {
        input: {
          email: `participant${participantCounter}-${Math.random().toString(36).slice(2, 8)}@example.jp`,
          name: `参加 太郎${participantCounter}`,
          furigana: 'サンカ タロウ',
          consentMatchmaking: true,
          consentEmail: true,
          ...input,
        },
      },
      staffToken,
    ),
  );
  return data.upsertParticipant;
}

export interface RegisteredPerson {
  id: string;
  email: string;
  /** Their participant session. */
  token: string;
  registrationId: string;
}

/**
 * A cast for an event: each person is created, signs in and registers themself (in order, so
 * those past the capacity are waitlisted), keyed as given.
 */
async function registerPeople(
  testApp: TestApp,
  staffToken: string,
  eventId: string,
  cast: [key: string, input: Record<string, unknown>][],
): Promise<Record<string, RegisteredPerson>> {
  const people: Record<string, RegisteredPerson> = {};
  for (const [key, input] of cast) {
    const person = await createParticipant(testApp, staffToken, input);
    const token = await testApp.participantToken(person.id);
    const { register } = ok(
      await testApp.gql<{ register: { id: string } }>(registerMutation(), { eventId }, token),
    );
    people[key] = { ...person, token, registrationId: register.id };
  }
  return people;
}

/**
 * Everyone a change to an event must reach or leave alone, registered in this order for an event
 * of capacity 3: `a`, `b` and `c` hold a seat (`b` reads English and has opted out of
 * announcements, which must not keep a service message about what she signed up for from her),
 * `leaver` cancelled, and `waiting` is on the waiting list.
 */
export async function registerEveryKind(
  testApp: TestApp,
  staffToken: string,
  eventId: string,
): Promise<Record<string, RegisteredPerson>> {
  const people = await registerPeople(testApp, staffToken, eventId, [
    ['a', { name: '髙橋 一郎' }],
    ['b', { name: 'Emma Clarke', locale: 'en', consentEmail: false }],
    ['c', { name: '山﨑 美咲' }],
    ['leaver', { name: '辞退 太郎' }],
    ['waiting', { name: '待機 花子' }],
  ]);
  ok(
    await testApp.gql(
      'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
      { id: people.leaver.registrationId },
      people.leaver.token,
    ),
  );
  return people;
}

export const EVENT_FIELDS =
  'id kind title status capacity fiscalYear fiscalYearLabel startsAt endsAt visibility';

export async function createPublishedEvent(
  testApp: TestApp,
  organizerToken: string,
  input: Record<string, unknown> = {},
): Promise<string> {
  const created = ok(
    await testApp.gql<{ createEvent: { id: string } }>(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          kind: 'SALON',
          title: '東京活性化サロン（第1回）',
          venue: '東京財務事務所 会議室',
          startsAt: tokyoInDays(14, '18:00'),
          endsAt: tokyoInDays(14, '20:30'),
          capacity: 50,
          themes: ['事業承継'],
          ...input,
        },
      },
      organizerToken,
    ),
  );
  ok(
    await testApp.gql(
      'mutation($id: ID!) { publishEvent(id: $id) { id } }',
      { id: created.createEvent.id },
      organizerToken,
    ),
  );
  return created.createEvent.id;
}

/** Staff edit an event (`updateEvent`), as the staff screen does; fails the test if refused. */
export async function updateEvent(
  testApp: TestApp,
  staffToken: string,
  eventId: string,
  input: Record<string, unknown>,
): Promise<void> {
  ok(
    await testApp.gql(
      'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
      { id: eventId, input },
      staffToken,
    ),
  );
}

/** Adds a 商談枠 (tables unless `input.mode` says otherwise) to an event; answers the new session's id. */
export async function addMatchmakingSession(
  testApp: TestApp,
  organizerToken: string,
  input: { eventId: string; startsAt: string } & Record<string, unknown>,
): Promise<string> {
  const { sessions } = ok(
    await testApp.gql<{ addMatchmakingSession: { sessions: { id: string; startsAt: string }[] } }>(
      'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id startsAt } } }',
      { input },
      organizerToken,
    ),
  ).addMatchmakingSession;
  const startsAt = new Date(input.startsAt).getTime();
  return sessions.find((session) => new Date(session.startsAt).getTime() === startsAt)!.id;
}

/** A Tokyo wall-clock time `days` from today, e.g. tokyoInDays(14, '18:00') → '2026-12-05T18:00:00+09:00'. */
export function tokyoInDays(days: number, time: string): string {
  const tokyoDate = new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${tokyoDate}T${time}:00+09:00`;
}

/**
 * Moves an event with its 商談枠, meetings and registration window `days` earlier, as the calendar
 * would: set a coming event up, then reach its day to check in, record meetings or close it. A
 * day moved into the 年度 before (an event ten days ahead in late March, moved to yesterday in
 * April) takes the event there, as moveEventTo does.
 */
export async function moveEventEarlier(testApp: TestApp, eventId: string, days: number): Promise<void> {
  const [{ starts_at: startsAt }]: { starts_at: Date }[] = await testApp.dataSource.query(
    'SELECT starts_at FROM events WHERE id = $1',
    [eventId],
  );
  await moveEventTo(testApp, eventId, new Date(startsAt.getTime() - Math.trunc(days) * DAY_MS).toISOString());
}

/**
 * Moves an event with its 商談枠 and meetings so that it starts at `startsAt`, in its new 年度, as a
 * calendar would (updateEvent refuses a new time that would leave a 商談枠 outside the event).
 */
export async function moveEventTo(testApp: TestApp, eventId: string, startsAt: string): Promise<void> {
  await testApp.dataSource.transaction(async (manager) => {
    const [{ shift }]: { shift: string }[] = await manager.query(
      `SELECT ($2::timestamptz - starts_at)::text AS shift FROM events WHERE id = $1`,
      [eventId, startsAt],
    );
    await manager.query(
      `UPDATE events SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval,
              registration_opens_at = registration_opens_at + $2::interval,
              registration_closes_at = registration_closes_at + $2::interval, fiscal_year = $3
        WHERE id = $1`,
      [eventId, shift, fiscalYearOf(new Date(startsAt))],
    );
    await manager.query(
      `UPDATE matchmaking_sessions SET starts_at = starts_at + $2::interval WHERE event_id = $1`,
      [eventId, shift],
    );
    await manager.query(
      `UPDATE meetings SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval WHERE event_id = $1`,
      [eventId, shift],
    );
  });
}

/** The accept (1) or decline (0) link of an invitation email, and its token. */
export function invitationAnswerLink(testApp: TestApp, mail: ReceivedMail, accept: 0 | 1) {
  const match = new RegExp(`${testApp.url}/invitations/respond\\?token=([\\w-]+)&accept=${accept}`).exec(
    mail.text,
  );
  if (!match) throw new Error(`no accept=${accept} link in:\n${mail.text}`);
  return { url: match[0], token: match[1] };
}

/** `fromId` asks `toId` for a meeting at the event, and `toId` accepts: the agreed request's id. */
export async function agreeMeeting(testApp: TestApp, eventId: string, fromId: string, toId: string) {
  const request = ok(
    await testApp.gql<{ requestMeeting: { id: string } }>(
      'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p) { id } }',
      { e: eventId, p: toId },
      await testApp.participantToken(fromId),
    ),
  ).requestMeeting;
  ok(
    await testApp.gql(
      'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }',
      { id: request.id },
      await testApp.participantToken(toId),
    ),
  );
  return request.id;
}

/** Runs matching on the event and waits until the run has succeeded; returns its id. */
export async function matchAndWait(
  testApp: TestApp,
  organizerToken: string,
  eventId: string,
  /** From the request: longer where no worker runs yet when it is made. */
  timeoutMs = 30_000,
): Promise<string> {
  const runId = ok(
    await testApp.gql<{ runMatching: { id: string } }>(
      'mutation($e: ID!) { runMatching(eventId: $e) { id } }',
      { e: eventId },
      organizerToken,
    ),
  ).runMatching.id;
  await eventually(
    async () => {
      const { status, error } = ok(
        await testApp.gql<{ matchingRun: { status: string; error: string | null } }>(
          'query($id: ID!) { matchingRun(id: $id) { status error } }',
          { id: runId },
          organizerToken,
        ),
      ).matchingRun;
      if (status === 'FAILED') throw new Error(`matching run ${runId} failed: ${error}`);
      return status === 'SUCCEEDED';
    },
    `matching run ${runId}`,
    timeoutMs,
  );
  return runId;
}

/** Runs the scheduler on the event and waits until the run has succeeded; returns its id. */
export async function scheduleAndWait(
  testApp: TestApp,
  organizerToken: string,
  eventId: string,
): Promise<string> {
  const runId = ok(
    await testApp.gql<{ scheduleMeetings: { id: string } }>(
      'mutation($e: ID!) { scheduleMeetings(eventId: $e) { id } }',
      { e: eventId },
      organizerToken,
    ),
  ).scheduleMeetings.id;
  await eventually(async () => {
    const { status, error } = ok(
      await testApp.gql<{ schedulingRun: { status: string; error: string | null } }>(
        'query($id: ID!) { schedulingRun(id: $id) { status error } }',
        { id: runId },
        organizerToken,
      ),
    ).schedulingRun;
    if (status === 'FAILED') throw new Error(`scheduling run ${runId} failed: ${error}`);
    return status === 'SUCCEEDED';
  }, `scheduling run ${runId}`);
  return runId;
}

/** Schedules the event's agreed meetings and publishes the schedule: the agendas go out. */
export async function scheduleAndPublish(
  testApp: TestApp,
  organizerToken: string,
  eventId: string,
): Promise<void> {
  await scheduleAndWait(testApp, organizerToken, eventId);
  ok(
    await testApp.gql(
      'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
      { e: eventId },
      organizerToken,
    ),
  );
}
