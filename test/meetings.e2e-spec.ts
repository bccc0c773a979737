import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import ICAL from 'ical.js';
import { Role } from '../src/auth/actor';
import { formatTokyoJapanese } from '../src/common/time/tokyo-time';
import {
  MeetingRequestExpiryProcessor,
  SWEEP_SCHEDULER,
} from '../src/meetings/meeting-request-expiry.processor';
import { QueueName } from '../src/queue/queue-names';
import { SchedulingRun } from '../src/scheduling/scheduling-run.entity';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  emailProgress,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';
import { ConnectionPage, expectPaging } from './support/paging';

const RUN_FIELDS =
  'id status progress phase phaseLabel requestCount scheduledCount scheduledWeight upperBound ratio optimal lockedCount error unscheduled { requestId code reason }';
const MEETING_FIELDS =
  'id requestId status sessionId slotIndex table startsAt endsAt sequence published noShowParticipantIds participantA { participantId email } participantB { participantId email }';
const REQUEST_FIELDS =
  'id status autoAccepted from { participantId email } to { participantId name email phone }';

interface Run {
  id: string;
  status: string;
  progress: number;
  scheduledCount: number;
  scheduledWeight: number;
  upperBound: number;
  ratio: number;
  lockedCount: number;
  error: string | null;
  unscheduled: { requestId: string; code: string; reason: string }[];
}
interface MeetingRow {
  id: string;
  requestId: string;
  status: string;
  sessionId: string;
  slotIndex: number;
  table: string;
  startsAt: string;
  endsAt: string;
  sequence: number;
  published: boolean;
  noShowParticipantIds: string[];
  participantA: { participantId: string; email: string | null };
  participantB: { participantId: string; email: string | null };
}

/** The .ics attachment of an email, parsed by ical.js. */
function calendarOf(mail: ReceivedMail) {
  const [text] = mail.calendars;
  if (!text) throw new Error(`no calendar attached to "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { method: calendar.getFirstPropertyValue('method'), events };
}

describe('meetings: requests, scheduling, agendas', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let otherOrganizer: string;
  let staff: string;
  let eventId: string;
  let sessionId: string;
  const people: Record<'a' | 'b' | 'c' | 'd' | 'outsider', { id: string; email: string; token: string }> =
    {} as never;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      ...sink.appSettings(),
      MAIL_RETRY_BASE_MS: '100',
      SCHEDULING_TIME_LIMIT_MS: '2000',
    });
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '城北信用金庫', kind: 'FINANCIAL_INSTITUTION' });
    const otherOrg = await createOrganization(t, admin, { name: '川口商工会議所' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    staff = await staffSession(t, Role.STAFF, orgId);
    otherOrganizer = await staffSession(t, Role.ORGANIZER, otherOrg);
    eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'しんきん ビジネスマッチング商談会',
      venue: '北区 産業会館',
      startsAt: tokyoInDays(20, '13:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    const event = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId,
            name: '午後の部',
            startsAt: tokyoInDays(20, '14:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizer,
      ),
    );
    sessionId = event.addMatchmakingSession.sessions[0].id;
    // A did not consent to share contact details; everyone else did.
    people.a = await make({
      name: '髙橋 一郎',
      furigana: 'タカハシ イチロウ',
      consentContactSharing: false,
      offers: ['金属加工', '試作'],
      needsText: '自社製品の販路開拓のため、県外の商社やバイヤーの方と知り合いたいと考えています。',
    });
    people.b = await make({ name: 'Emma Clarke', furigana: 'エマ クラーク', locale: 'en' });
    people.c = await make({ name: '佐藤 花子', furigana: 'サトウ ハナコ' });
    people.d = await make({ name: '鈴木 次郎', furigana: 'スズキ ジロウ' });
    people.outsider = await make({ name: '田中 三郎', furigana: 'タナカ サブロウ' }, null);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** A participant with a session, registered for the suite's event (or another, or none). */
  const make = async (input: Record<string, unknown>, registerFor: string | null = eventId) => {
    const participant = await createParticipant(t, organizer, {
      phone: '03-1234-5678',
      consentContactSharing: true,
      ...input,
    });
    if (registerFor)
      ok(await t.gql(registerMutation(), { eventId: registerFor, participantId: participant.id }, organizer));
    return { ...participant, token: await t.participantToken(participant.id) };
  };
  const requestMeeting = (from: string, to: string, message = '') =>
    t.gql<{ requestMeeting: { id: string; status: string } }>(
      `mutation($eventId: ID!, $to: ID!, $message: String) { requestMeeting(eventId: $eventId, toParticipantId: $to, message: $message) { ${REQUEST_FIELDS} } }`,
      { eventId, to, message },
      from,
    );
  const respond = (token: string, id: string, accept: boolean) =>
    t.gql<{ respondToMeetingRequest: { status: string; to: { email: string | null } } }>(
      `mutation($id: ID!, $accept: Boolean!) { respondToMeetingRequest(id: $id, accept: $accept) { ${REQUEST_FIELDS} } }`,
      { id, accept },
      token,
    );
  const runSchedule = async (token = organizer) => {
    const started = ok(
      await t.gql<{ scheduleMeetings: Run }>(
        `mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { ${RUN_FIELDS} } }`,
        { eventId },
        token,
      ),
    ).scheduleMeetings;
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(started.status);
    return eventually(async () => {
      const run = ok(
        await t.gql<{ schedulingRun: Run }>(
          `query($id: ID!) { schedulingRun(id: $id) { ${RUN_FIELDS} } }`,
          { id: started.id },
          organizer,
        ),
      ).schedulingRun;
      return ['SUCCEEDED', 'FAILED'].includes(run.status) && run;
    }, `scheduling run ${started.id}`);
  };
  const meetings = async () =>
    ok(
      await t.gql<{ meetings: { edges: { node: MeetingRow }[] } }>(
        `query($eventId: ID!) { meetings(eventId: $eventId, includeCancelled: true) { edges { node { ${MEETING_FIELDS} } } } }`,
        { eventId },
        staff,
      ),
    ).meetings.edges.map((edge) => edge.node);
  const mailsTo = (email: string, subject: RegExp) =>
    sink.to(email).filter((mail) => subject.test(mail.subject));

  let requestAB: string;

  it('emails the request in the recipient’s language; the link page accepts it; contact details open up', async () => {
    const created = ok(
      await requestMeeting(people.a.token, people.b.id, '金属加工の試作についてご相談させてください'),
    );
    requestAB = created.requestMeeting.id;
    expect(created.requestMeeting).toMatchObject({ status: 'PENDING', to: { email: null, phone: null } });

    await sink.waitUntil(() => mailsTo(people.b.email, /Meeting request/).length === 1);
    const [mail] = mailsTo(people.b.email, /Meeting request/);
    expect(mail.subject).toBe('Meeting request from 髙橋 一郎: しんきん ビジネスマッチング商談会');
    expect(mail.text).toContain('金属加工の試作について');
    // What A offers and looks for, from the public profile: the tags (with their English), or the free text.
    expect(mail.text).toContain('They offer: 金属加工 (metalworking), 試作 (prototyping)');
    expect(mail.text).toContain(
      'They are looking for: 自社製品の販路開拓のため、県外の商社やバイヤーの方と知り合いたいと考えています。',
    );
    const link = new RegExp(`${t.url}/meetings/respond\\?token=([\\w-]+)&accept=1`).exec(mail.text);
    expect(link).not.toBeNull();

    // Before agreeing, B's contact details are hidden from A.
    const before = ok(
      await t.gql<{ participant: { email: string | null } }>(
        'query($id: ID!) { participant(id: $id) { email } }',
        { id: people.b.id },
        people.a.token,
      ),
    );
    expect(before.participant.email).toBeNull();

    const page = await fetch(link![0]);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Accept this meeting?');
    // With the button, a box for a note to the requester.
    expect(html).toContain('<label for="message">Message (optional; sent to them with your answer)</label>');
    expect(html).toMatch(/<textarea id="message" name="message" rows="4" maxlength="1000"/);
    const posted = await fetch(`${t.url}/meetings/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: link![1],
        accept: '1',
        message: ' Any time after 2pm suits me. ',
      }).toString(),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Meeting accepted');
    // Changing the answer afterwards is refused, in B's language.
    const changed = await fetch(`${t.url}/meetings/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: link![1], accept: '0' }).toString(),
    });
    expect(changed.status).toBe(409);
    expect(await changed.text()).toContain(
      '<p>This meeting request is accepted, so it cannot be changed.</p>',
    );
    // Opened again, either link says what stands, with no button.
    for (const accept of ['1', '0']) {
      const again = await (
        await fetch(`${t.url}/meetings/respond?token=${link![1]}&accept=${accept}`)
      ).text();
      expect(again).toContain(
        '<p>You have accepted this meeting. The confirmation email says how it takes place on the day.</p>',
      );
      expect(again).not.toContain('<form');
    }

    await sink.waitUntil(() => mailsTo(people.a.email, /面談成立/).length === 1);
    const [outcome] = mailsTo(people.a.email, /面談成立/);
    expect(outcome.subject).toBe('【面談成立】Emma Clarke 様（しんきん ビジネスマッチング商談会）');
    expect(outcome.text).toContain(
      'Emma Clarke 様が、「しんきん ビジネスマッチング商談会」での面談を承諾されました。',
    );
    expect(outcome.text).toContain(people.b.email);
    expect(outcome.text).toContain('■ 先方からのメッセージ: Any time after 2pm suits me.');
    // B, who accepted, is told too; A did not consent, so B is told politely there is no contact.
    await sink.waitUntil(() => mailsTo(people.b.email, /Meeting agreed/).length === 1);
    const [confirmation] = mailsTo(people.b.email, /Meeting agreed/);
    expect(confirmation.subject).toBe('Meeting agreed with 髙橋 一郎: しんきん ビジネスマッチング商談会');
    expect(confirmation.text).toContain('Thank you for accepting');
    expect(confirmation.text).toContain('their contact details are not shared');
    expect(confirmation.text).not.toContain(people.a.email);
    expect(confirmation.text).not.toContain('03-1234-5678');

    const after = ok(
      await t.gql<{ participant: { email: string | null } }>(
        'query($id: ID!) { participant(id: $id) { email } }',
        { id: people.b.id },
        people.a.token,
      ),
    );
    expect(after.participant.email).toBe(people.b.email);
    // The other way round, A's consent is missing: B does not see A's contact details.
    const withheld = ok(
      await t.gql<{ participant: { email: string | null; phone: string | null } }>(
        'query($id: ID!) { participant(id: $id) { email phone } }',
        { id: people.a.id },
        people.b.token,
      ),
    );
    expect(withheld.participant).toEqual({ email: null, phone: null });
    const received = ok(
      await t.gql<{ myMeetingRequests: { from: { email: string | null }; to: { email: string | null } }[] }>(
        `query($eventId: ID!) { myMeetingRequests(eventId: $eventId) { ${REQUEST_FIELDS} } }`,
        { eventId },
        people.b.token,
      ),
    ).myMeetingRequests;
    expect(received).toEqual([
      expect.objectContaining({
        from: expect.objectContaining({ email: null }),
        to: expect.objectContaining({ email: people.b.email }),
      }),
    ]);
    // C agreed nothing with B.
    const stranger = ok(
      await t.gql<{ participant: { email: string | null } }>(
        'query($id: ID!) { participant(id: $id) { email } }',
        { id: people.b.id },
        people.c.token,
      ),
    );
    expect(stranger.participant.email).toBeNull();
    const mine = ok(
      await t.gql<{ myMeetingRequests: { id: string; status: string; to: { email: string | null } }[] }>(
        `query($eventId: ID!) { myMeetingRequests(eventId: $eventId) { ${REQUEST_FIELDS} } }`,
        { eventId },
        people.a.token,
      ),
    );
    expect(mine.myMeetingRequests).toEqual([
      expect.objectContaining({
        id: requestAB,
        status: 'ACCEPTED',
        to: expect.objectContaining({ email: people.b.email }),
      }),
    ]);
  });

  it('refuses a request to oneself, a second request for the pair, an unregistered recipient, and over the cap', async () => {
    expect(failure(await requestMeeting(people.a.token, people.a.id)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'toParticipantId',
    });
    expect(failure(await requestMeeting(people.b.token, people.a.id)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEETING_DUPLICATE_REQUEST',
    });
    expect(failure(await requestMeeting(people.a.token, people.outsider.id)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MEETING_RECIPIENT_NOT_REGISTERED',
    });
    expect(failure(await requestMeeting(people.outsider.token, people.a.id)).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    ok(
      await t.gql(
        'mutation($eventId: ID!, $input: UpdateMeetingSettingsInput!) { updateMeetingSettings(eventId: $eventId, input: $input) { eventId } }',
        { eventId, input: { maxRequestsPerParticipant: 1 } },
        organizer,
      ),
    );
    expect(failure(await requestMeeting(people.a.token, people.c.id)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEETING_REQUEST_CAP_REACHED',
    });
    ok(
      await t.gql(
        'mutation($eventId: ID!, $input: UpdateMeetingSettingsInput!) { updateMeetingSettings(eventId: $eventId, input: $input) { eventId } }',
        { eventId, input: { maxRequestsPerParticipant: null } },
        organizer,
      ),
    );
  });

  it('refuses other people: anonymous, a participant answering for someone else, another organisation', async () => {
    expect(failure(await requestMeeting('', people.b.id)).extensions?.code).toBe('UNAUTHENTICATED');
    expect(failure(await respond(people.c.token, requestAB, true)).extensions?.code).toBe('FORBIDDEN');
    expect(
      failure(
        await t.gql(
          'mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { id } }',
          { eventId },
          otherOrganizer,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(
        await t.gql(
          'mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { id } }',
          { eventId },
          people.a.token,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(
        await t.gql(
          'mutation($eventId: ID!) { publishSchedule(eventId: $eventId) { publishedMeetings } }',
          { eventId },
          otherOrganizer,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(
        await t.gql(
          'query($eventId: ID!) { meetingRequests(eventId: $eventId) { totalCount } }',
          { eventId },
          otherOrganizer,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    const csv = await fetch(`${t.url}/exports/events/${eventId}/meetings.csv`, {
      headers: { authorization: `Bearer ${otherOrganizer}` },
    });
    expect(csv.status).toBe(403);
  });

  let meetingAB: MeetingRow;

  it('schedules accepted requests in a job, publishes, and emails an agenda whose .ics reads right in Asia/Tokyo', async () => {
    const run = await runSchedule();
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      scheduledCount: 1,
      scheduledWeight: 1,
      upperBound: 1,
      ratio: 1,
      progress: 100,
      phase: 'done',
      phaseLabel: '完了',
    });
    const unscheduled = (token: string) =>
      fetch(`${t.url}/exports/scheduling-runs/${run.id}/unscheduled.csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const sheet = await unscheduled(organizer);
    expect(sheet.status).toBe(200);
    expect((await sheet.text()).replace(/^\uFEFF/, '').trim()).toBe(
      '氏名A,事業者名A,氏名B,事業者名B,理由,理由コード,申込ID',
    );
    expect((await unscheduled(otherOrganizer)).status).toBe(403);
    // A request the run could not place is listed with both parties by name.
    await t.app
      .get(DataSource)
      .getRepository(SchedulingRun)
      .update(run.id, {
        unscheduled: [
          {
            requestId: requestAB,
            participantAId: people.a.id,
            participantBId: people.b.id,
            code: 'NO_COMMON_SLOT',
            reason: '共通の空き枠がありません',
          },
        ],
      });
    expect(
      (await (await unscheduled(organizer)).text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')[1],
    ).toBe(`髙橋 一郎,,Emma Clarke,,共通の空き枠がありません,NO_COMMON_SLOT,${requestAB}`);
    // GraphQL names them too, so staff see who is left without opening the file.
    const listed = ok(
      await t.gql<{ schedulingRun: { unscheduled: Record<string, unknown>[] } }>(
        'query($id: ID!) { schedulingRun(id: $id) { unscheduled { code participantA { name } participantB { name } } } }',
        { id: run.id },
        organizer,
      ),
    ).schedulingRun.unscheduled;
    expect(listed).toEqual([
      { code: 'NO_COMMON_SLOT', participantA: { name: '髙橋 一郎' }, participantB: { name: 'Emma Clarke' } },
    ]);
    await t.app.get(DataSource).getRepository(SchedulingRun).update(run.id, { unscheduled: [] });
    [meetingAB] = await meetings();
    expect(meetingAB).toMatchObject({
      requestId: requestAB,
      status: 'SCHEDULED',
      published: false,
      sequence: 0,
    });

    const published = ok(
      await t.gql<{
        publishSchedule: { publishedMeetings: number; notifiedParticipants: number; batchId: string };
      }>(
        'mutation($eventId: ID!) { publishSchedule(eventId: $eventId) { publishedMeetings notifiedParticipants batchId } }',
        { eventId },
        organizer,
      ),
    );
    const { batchId, ...publication } = published.publishSchedule;
    expect(publication).toEqual({ publishedMeetings: 1, notifiedParticipants: 2 });
    await eventually(
      async () => (await emailProgress(t, organizer, eventId, batchId)).sent === 2,
      'both agendas sent',
    );

    await sink.waitUntil(
      () =>
        mailsTo(people.a.email, /面談スケジュール/).length === 1 &&
        mailsTo(people.b.email, /meeting schedule/).length === 1,
    );
    const [agendaA] = mailsTo(people.a.email, /面談スケジュール/);
    expect(agendaA.subject).toBe('【面談スケジュール】しんきん ビジネスマッチング商談会（1件）');
    expect(agendaA.text).toContain('Emma Clarke');
    const { method, events } = calendarOf(agendaA);
    // A copy of the schedule, not an invitation: nobody to RSVP to, every entry imported.
    expect(method).toBe('PUBLISH');
    expect(agendaA.raw.toString('utf8')).toMatch(
      /Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/i,
    );
    expect(events).toHaveLength(1);
    const [entry] = events;
    expect(entry.component.getFirstProperty('organizer')).toBeNull();
    expect(entry.component.getAllProperties('attendee')).toHaveLength(0);
    expect(entry.uid).toBe(`meeting-${meetingAB.id}@tsunagu`);
    expect(entry.sequence).toBe(0);
    expect(entry.startDate.zone.tzid).toBe('Asia/Tokyo');
    const slotStart = new Date(
      new Date(tokyoInDays(20, '14:00')).getTime() + meetingAB.slotIndex * 20 * 60_000,
    );
    expect(entry.startDate.toJSDate().toISOString()).toBe(slotStart.toISOString());
    expect(entry.endDate.toJSDate().toISOString()).toBe(
      new Date(slotStart.getTime() + 20 * 60_000).toISOString(),
    );
    expect(entry.startDate.hour).toBe(14 + Math.floor((meetingAB.slotIndex * 20) / 60));
    expect(entry.summary).toBe('面談: Emma Clarke');
    expect(entry.location).toContain(`テーブル ${meetingAB.table}`);
    const [agendaB] = mailsTo(people.b.email, /meeting schedule/);
    expect(agendaB.subject).toBe('Your meeting schedule: しんきん ビジネスマッチング商談会 (1 meeting)');
    expect(calendarOf(agendaB).events[0].summary).toBe('Meeting: 髙橋 一郎');

    const agenda = ok(
      await t.gql<{ myAgenda: { feedUrl: string; meetings: { id: string }[] } }>(
        'query($eventId: ID!) { myAgenda(eventId: $eventId) { feedUrl meetings { id table startsAt } } }',
        { eventId },
        people.a.token,
      ),
    ).myAgenda;
    expect(agenda.meetings.map((m) => m.id)).toEqual([meetingAB.id]);
    // Each side sees the other's contact details only if that side consented; staff see both.
    type Party = { participantId: string; email: string | null };
    const seenBy = async (token: string) =>
      ok(
        await t.gql<{ meeting: { participantA: Party; participantB: Party } }>(
          `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`,
          { id: meetingAB.id },
          token,
        ),
      ).meeting;
    const emailsOf = (m: { participantA: Party; participantB: Party }) =>
      Object.fromEntries([m.participantA, m.participantB].map((p) => [p.participantId, p.email]));
    expect(emailsOf(await seenBy(people.a.token))).toEqual({
      [people.a.id]: people.a.email,
      [people.b.id]: people.b.email,
    });
    expect(emailsOf(await seenBy(people.b.token))).toEqual({
      [people.a.id]: null,
      [people.b.id]: people.b.email,
    });
    expect(emailsOf(await seenBy(staff))).toEqual({
      [people.a.id]: people.a.email,
      [people.b.id]: people.b.email,
    });
    const feed = await fetch(agenda.feedUrl);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const feedText = await feed.text();
    expect(feedText).toContain(`UID:meeting-${meetingAB.id}@tsunagu`);
    expect(
      (await fetch(agenda.feedUrl.replace(/\.[\w-]{43}\.ics$/, '.' + 'x'.repeat(43) + '.ics'))).status,
    ).toBe(404);
  });

  it('a re-run never moves a published meeting; a move sends the same UID with a higher SEQUENCE', async () => {
    const again = await runSchedule();
    expect(again).toMatchObject({ status: 'SUCCEEDED', scheduledCount: 0, lockedCount: 1 });
    expect((await meetings())[0]).toMatchObject({
      id: meetingAB.id,
      slotIndex: meetingAB.slotIndex,
      table: meetingAB.table,
    });

    const target = meetingAB.slotIndex === 2 ? 0 : 2;
    const move = (slot: number, table: string) =>
      t.gql<{ moveMeeting: MeetingRow }>(
        `mutation($id: ID!, $sessionId: ID!, $slot: Int!, $table: String) { moveMeeting(id: $id, sessionId: $sessionId, slotIndex: $slot, table: $table) { ${MEETING_FIELDS} } }`,
        { id: meetingAB.id, sessionId, slot, table },
        organizer,
      );
    // Slots count from 0 here and from 1 on the floor sheet: the refusal says how to go between.
    expect(failure(await move(99, '2')).message).toMatch(
      /^時間枠の番号は 0〜\d+ で指定してください（0 が最初の枠。面談一覧CSVの枠番号から 1 を引いた数です）$/,
    );
    // The table as the floor sheet writes it.
    const moved = ok(await move(target, 'テーブル 2')).moveMeeting;
    expect(moved).toMatchObject({ slotIndex: target, table: '2', sequence: 1 });
    await sink.waitUntil(() => mailsTo(people.a.email, /面談スケジュール/).length === 2);
    const update = mailsTo(people.a.email, /面談スケジュール/)[1];
    expect(calendarOf(update).method).toBe('PUBLISH');
    const [entry] = calendarOf(update).events;
    expect(entry.uid).toBe(`meeting-${meetingAB.id}@tsunagu`);
    expect(entry.sequence).toBe(1);
    expect(entry.startDate.toJSDate().toISOString()).toBe(
      new Date(new Date(tokyoInDays(20, '14:00')).getTime() + target * 20 * 60_000).toISOString(),
    );
    meetingAB = moved;
  });

  it('cancelling sends METHOD:CANCEL and gives the freed slot to a waiting accepted request', async () => {
    const cd = ok(await requestMeeting(people.c.token, people.d.id)).requestMeeting.id;
    ok(await respond(people.d.token, cd, true));
    // Accepted in the app: D is sent 面談成立 too, with C's contact details (C consented).
    await sink.waitUntil(() => mailsTo(people.d.email, /【面談成立】佐藤 花子/).length === 1);
    const [agreed] = mailsTo(people.d.email, /【面談成立】佐藤 花子/);
    expect(agreed.text).toContain('お申込を承諾いただき、ありがとうございます。');
    expect(agreed.text).toContain(people.c.email);
    expect(agreed.text).toContain('03-1234-5678');
    // A participant cannot cancel someone else's meeting.
    expect(
      failure(
        await t.gql(
          'mutation($id: ID!) { cancelMeeting(id: $id) { id } }',
          { id: meetingAB.id },
          people.c.token,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');

    const cancelled = ok(
      await t.gql<{ cancelMeeting: MeetingRow }>(
        `mutation($id: ID!) { cancelMeeting(id: $id) { ${MEETING_FIELDS} } }`,
        { id: meetingAB.id },
        people.b.token,
      ),
    ).cancelMeeting;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 2 });

    await sink.waitUntil(() => mailsTo(people.a.email, /面談中止/).length === 1);
    const { method, events } = calendarOf(mailsTo(people.a.email, /面談中止/)[0]);
    expect(method).toBe('CANCEL');
    expect(events).toHaveLength(1);
    expect(events[0].uid).toBe(`meeting-${meetingAB.id}@tsunagu`);
    expect(events[0].sequence).toBe(2);
    expect(events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    // Its button opens what is left of A's schedule there, the called-off meeting listed as gone.
    const schedule = /▶ 面談スケジュールを見る\n(\S+)\n/.exec(
      mailsTo(people.a.email, /面談中止/)[0].text,
    )![1];
    const page = await (await fetch(schedule)).text();
    expect(page).toContain('<h2 style="margin:24px 0 8px;font-size:16px">取り消しになった面談</h2>');

    const offered = await eventually(
      async () => (await meetings()).find((m) => m.requestId === cd),
      'freed slot offered',
    );
    expect(offered).toMatchObject({
      slotIndex: meetingAB.slotIndex,
      table: meetingAB.table,
      published: true,
      status: 'SCHEDULED',
    });
    await sink.waitUntil(() => mailsTo(people.c.email, /面談スケジュール/).length === 1);
    expect(calendarOf(mailsTo(people.c.email, /面談スケジュール/)[0]).events[0].uid).toBe(
      `meeting-${offered.id}@tsunagu`,
    );
  });

  it('records the day: held, no-show (staff of the event only), and the no-show history', async () => {
    const [offered] = (await meetings()).filter((m) => m.status === 'SCHEDULED');
    expect(
      failure(
        await t.gql(
          'mutation($id: ID!, $p: ID!) { markNoShow(id: $id, participantId: $p) { id } }',
          { id: offered.id, p: people.c.id },
          people.d.token,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(
        await t.gql(
          'mutation($id: ID!) { markMeetingHeld(id: $id) { id } }',
          { id: offered.id },
          otherOrganizer,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      failure(
        await t.gql(
          'mutation($id: ID!, $p: ID!) { markNoShow(id: $id, participantId: $p) { id } }',
          { id: offered.id, p: people.a.id },
          staff,
        ),
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participantId' });
    // Nothing is recorded before the meeting has started.
    const early = failure(
      await t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: offered.id }, staff),
    );
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_NOT_STARTED', field: 'id' });
    expect(early.message).toContain('前のため、実施・欠席は記録できません');
    // Its time comes (only this meeting: the event's later tests still look ahead).
    await t.dataSource.query(
      `UPDATE meetings SET starts_at = now() - interval '20 minutes', ends_at = now() WHERE id = $1`,
      [offered.id],
    );
    const noShow = ok(
      await t.gql<{ markNoShow: MeetingRow }>(
        `mutation($id: ID!, $p: ID!) { markNoShow(id: $id, participantId: $p) { ${MEETING_FIELDS} } }`,
        { id: offered.id, p: people.d.id },
        staff,
      ),
    ).markNoShow;
    expect(noShow).toMatchObject({ status: 'NO_SHOW', noShowParticipantIds: [people.d.id] });
    // The floor sheet says who did not come, with both parties' contacts to call them.
    const sheet = await fetch(`${t.url}/exports/events/${eventId}/meetings.csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const [header, ...rows] = (await sheet.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header.split(',');
    expect(columns).toEqual(
      expect.arrayContaining(['メールアドレスA', '電話番号A', 'メールアドレスB', '電話番号B']),
    );
    const missed = rows
      .map((row) => row.split(','))
      .find((cells) => cells[columns.indexOf('状態')] === '不参加あり')!;
    expect(missed[columns.indexOf('不参加')]).toBe('鈴木 次郎');
    expect([
      missed[columns.indexOf('メールアドレスA')],
      missed[columns.indexOf('メールアドレスB')],
    ]).toContain(people.d.email);
    const history = ok(
      await t.gql<{ noShowHistory: { noShowCount: number; entries: { eventTitle: string }[] } }>(
        'query($p: ID!) { noShowHistory(participantId: $p) { noShowCount entries { eventTitle } } }',
        { p: people.d.id },
        otherOrganizer,
      ),
    ).noShowHistory;
    const historyCsv = await fetch(`${t.url}/exports/participants/${people.d.id}/no-shows.csv`, {
      headers: { authorization: `Bearer ${otherOrganizer}` },
    });
    expect(historyCsv.status).toBe(200);
    const historyLines = (await historyCsv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(historyLines[0]).toBe('面談日時,イベント,相手の氏名,相手の事業者名,面談ID,イベントID');
    expect(historyLines).toHaveLength(2);
    expect(historyLines[1]).toContain(`,${offered.id},`);
    const unknown = await fetch(`${t.url}/exports/participants/${randomUUID()}/no-shows.csv`, {
      headers: { authorization: `Bearer ${otherOrganizer}` },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'NOT_FOUND' });
    expect(history).toEqual({
      noShowCount: 1,
      entries: [{ eventTitle: 'しんきん ビジネスマッチング商談会' }],
    });
    // The list has both sides as 欠席 (the event closed with everyone not checked in marked absent).
    const sides = `registrations r JOIN meetings m ON m.event_id = r.event_id
       AND r.participant_id IN (m.participant_a_id, m.participant_b_id) WHERE m.id = $1`;
    await t.dataSource.query(
      `UPDATE registrations SET status = 'NO_SHOW', checked_in_at = NULL
        WHERE id IN (SELECT r.id FROM ${sides})`,
      [offered.id],
    );
    const held = ok(
      await t.gql<{ markMeetingHeld: MeetingRow }>(
        `mutation($id: ID!) { markMeetingHeld(id: $id) { ${MEETING_FIELDS} } }`,
        { id: offered.id },
        staff,
      ),
    ).markMeetingHeld;
    expect(held).toMatchObject({ status: 'HELD', noShowParticipantIds: [] });
    // Who met came: both are 出席 from the meeting's start.
    expect(
      await t.dataSource.query(
        `SELECT r.status, abs(extract(epoch FROM r.checked_in_at - m.starts_at)) < 0.001 AS "fromStart" FROM ${sides}`,
        [offered.id],
      ),
    ).toEqual([
      { status: 'ATTENDED', fromStart: true },
      { status: 'ATTENDED', fromStart: true },
    ]);
    const { status, bom, text, lines } = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, staff);
    expect({ status, bom }).toEqual({ status: 200, bom: true });
    expect(lines[0]).toContain('開始,終了,商談枠');
    expect(lines).toHaveLength(3);
    expect(text).toContain('佐藤 花子');
    expect(text).toContain('実施');
    expect(text).toContain('中止');
    // A cancelled meeting is nowhere to confirm: スケジュール確認 is empty, not いいえ.
    const sheetHeader = lines[0].split(',');
    const cancelledRow = lines
      .slice(1)
      .map((line) => line.split(','))
      .find((cells) => cells[sheetHeader.indexOf('状態')] === '中止')!;
    expect(
      ['スケジュール確認A', 'スケジュール確認B'].map((column) => cancelledRow[sheetHeader.indexOf(column)]),
    ).toEqual(['', '']);

    // A correction: one side did not come after all. The 出席 this meeting gave them goes with it
    // (no survey to someone who missed the day); the side who came keeps theirs.
    const missedBy = held.participantA.participantId;
    const cameSide = held.participantB.participantId;
    ok(
      await t.gql(
        'mutation($id: ID!, $p: ID!) { markNoShow(id: $id, participantId: $p) { status } }',
        { id: offered.id, p: missedBy },
        staff,
      ),
    );
    const statusOf = async (participantId: string) =>
      (
        await t.dataSource.query(
          `SELECT r.id, r.status, r.checked_in_at AS "checkedInAt" FROM registrations r
            JOIN meetings m ON m.event_id = r.event_id WHERE m.id = $1 AND r.participant_id = $2`,
          [offered.id, participantId],
        )
      )[0] as { id: string; status: string; checkedInAt: Date | null };
    expect(await statusOf(missedBy)).toMatchObject({ status: 'NO_SHOW', checkedInAt: null });
    expect(await statusOf(cameSide)).toMatchObject({ status: 'ATTENDED' });
    // And 欠席 is refused for whoever a meeting records as there: the figures would disagree.
    // (Reception opens on the event's day: the event begins an hour ago for this.)
    const [{ startsAt }]: { startsAt: Date }[] = await t.dataSource.query(
      `SELECT starts_at AS "startsAt" FROM events WHERE id = $1`,
      [eventId],
    );
    await t.dataSource.query(`UPDATE events SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
      eventId,
    ]);
    const absent = failure(
      await t.gql(
        'mutation($id: ID!) { markAbsent(registrationId: $id) { status } }',
        { id: (await statusOf(cameSide)).id },
        staff,
      ),
    );
    expect(absent.message).toBe(
      '実施として記録した面談が1件あるため、欠席にできません（面談の記録を先に直してください）',
    );
    expect(absent.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REGISTRATION_CAME_TO_MEETINGS',
      field: 'registrationId',
    });
    await t.dataSource.query(`UPDATE events SET starts_at = $2 WHERE id = $1`, [eventId, startsAt]);

    // Neither came after all (no participantId): both marks stand, and nobody is 出席 by it.
    const neither = ok(
      await t.gql<{ markNoShow: { status: string; seenBy: unknown } }>(
        'mutation($id: ID!) { markNoShow(id: $id) { status } }',
        { id: offered.id },
        staff,
      ),
    ).markNoShow;
    expect(neither.status).toBe('NO_SHOW');
    expect(
      await t.dataSource.query(
        'SELECT count(*)::int AS marked FROM meeting_participants WHERE meeting_id = $1 AND no_show',
        [offered.id],
      ),
    ).toEqual([{ marked: 2 }]);
    expect(await statusOf(missedBy)).toMatchObject({ status: 'NO_SHOW', checkedInAt: null });
    expect(await statusOf(cameSide)).toMatchObject({ status: 'NO_SHOW', checkedInAt: null });
    // Held after all, as the tests after this one have it.
    ok(await t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: offered.id }, staff));
    expect(await statusOf(cameSide)).toMatchObject({ status: 'ATTENDED' });
    // What happened stays where it happened.
    const [{ session_id: sessionId }]: { session_id: string }[] = await t.dataSource.query(
      'SELECT session_id FROM meetings WHERE id = $1',
      [offered.id],
    );
    const moved = failure(
      await t.gql(
        'mutation($id: ID!, $s: ID!) { moveMeeting(id: $id, sessionId: $s, slotIndex: 1) { id } }',
        { id: offered.id, s: sessionId },
        staff,
      ),
    );
    expect(moved.message).toBe('「実施」の面談は移動できません（移動できるのは予定の面談だけです）');
  });

  it('an unanswered request expires at its deadline: the requester is told once, and may ask again', async () => {
    const asker = await make({ name: '﨑山 恵', furigana: 'サキヤマ メグミ' });
    const silent = await make({ name: '山本 健', furigana: 'ヤマモト ケン', phone: '03-9876-5432' });
    const other = await make({ name: 'Liam Walsh', furigana: 'リアム ウォルシュ', locale: 'en' });
    const sweep = t.app.get(MeetingRequestExpiryProcessor);
    const overdue = (id: string) =>
      t.dataSource.query(
        `UPDATE meeting_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`,
        [id],
      );
    const expiryNotices = () => mailsTo(asker.email, /面談のお申込：回答期限切れ/);

    const first = ok(await requestMeeting(asker.token, silent.id)).requestMeeting.id;
    await sink.waitUntil(() => mailsTo(silent.email, /面談のお申込/).length === 1);
    // The deadline is the event's end here (no requestExpiryHours set).
    expect(mailsTo(silent.email, /面談のお申込/)[0].text).toContain(
      `回答期限は ${formatTokyoJapanese(new Date(tokyoInDays(20, '17:00')))} です`,
    );

    // Past its deadline, staff's list and CSV say 期限切れ before any sweep has written it.
    await overdue(first);
    const listed = async (status: string) => {
      const found = ok(
        await t.gql<{ meetingRequests: { edges: { node: { id: string; status: string } }[] } }>(
          'query($eventId: ID!, $status: MeetingRequestStatus) { meetingRequests(eventId: $eventId, status: $status) { edges { node { id status } } } }',
          { eventId, status },
          staff,
        ),
      ).meetingRequests.edges.map(({ node }) => node);
      const { lines } = await fetchCsv(
        t,
        `/exports/events/${eventId}/meeting-requests.csv?status=${status}`,
        staff,
      );
      return { found, csv: lines.slice(1).filter((line) => line.endsWith(first)) };
    };
    expect(await listed('EXPIRED')).toEqual({
      found: expect.arrayContaining([{ id: first, status: 'EXPIRED' }]),
      csv: [expect.stringContaining(',期限切れ,')],
    });
    expect(await listed('PENDING')).toEqual({
      found: expect.not.arrayContaining([expect.objectContaining({ id: first })]),
      csv: [],
    });

    // The sweep writes EXPIRED and tells the requester, once.
    expect(await sweep.process()).toBe(1);
    expect(await sweep.process()).toBe(0);
    await sink.waitUntil(() => expiryNotices().length === 1);
    const [notice] = expiryNotices();
    expect(notice.subject).toBe(
      '【面談のお申込：回答期限切れ】山本 健 様（しんきん ビジネスマッチング商談会）',
    );
    expect(notice.text).toContain('﨑山 恵 様');
    expect(notice.text).toContain('お返事がなかったため、無効となりました');
    // No contact details for a meeting that was never agreed.
    expect(notice.text).not.toContain(silent.email);
    expect(notice.text).not.toContain('03-9876-5432');
    const mine = ok(
      await t.gql<{ myMeetingRequests: { id: string; status: string }[] }>(
        `query($eventId: ID!) { myMeetingRequests(eventId: $eventId) { ${REQUEST_FIELDS} } }`,
        { eventId },
        asker.token,
      ),
    ).myMeetingRequests;
    expect(mine).toEqual([expect.objectContaining({ id: first, status: 'EXPIRED' })]);
    expect(failure(await respond(silent.token, first, true)).extensions?.reason).toBe(
      'MEETING_REQUEST_EXPIRED',
    );

    // The pair is free again; an overdue request is also expired (and told) by the requester's
    // next request at the event, between two sweeps.
    const second = ok(await requestMeeting(asker.token, silent.id)).requestMeeting.id;
    await overdue(second);
    ok(await requestMeeting(asker.token, other.id));
    await sink.waitUntil(() => expiryNotices().length === 2);
    expect(await sweep.process()).toBe(0);
    const outcomes: { key: string }[] = await t.dataSource.query(
      `SELECT key FROM outbox_messages WHERE key = ANY($1) ORDER BY created_at`,
      [[`meeting-outcome-${first}`, `meeting-outcome-${second}`]],
    );
    expect(outcomes).toHaveLength(2);

    const queue = t.app.get<Queue>(getQueueToken(QueueName.MEETING_REQUESTS));
    const scheduler = await eventually(() => queue.getJobScheduler(SWEEP_SCHEDULER), 'the expiry sweep');
    expect(scheduler).toMatchObject({ pattern: t.config.MEETING_REQUEST_EXPIRY_CRON, tz: 'Asia/Tokyo' });
  });

  it('a request left unanswered until its event is over expires without an email', async () => {
    const fair = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '川口 ものづくり商談会',
      startsAt: tokyoInDays(3, '13:00'),
      endsAt: tokyoInDays(3, '17:00'),
    });
    const asker = await make({ name: '小林 誠', furigana: 'コバヤシ マコト' }, fair);
    const silent = await make({ name: '加藤 愛', furigana: 'カトウ アイ' }, fair);
    const id = ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
        { eventId: fair, to: silent.id },
        asker.token,
      ),
    ).requestMeeting.id;
    // The fair has taken place since, and nobody answered.
    await t.dataSource.query(
      `UPDATE events SET starts_at = now() - interval '5 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [fair],
    );
    await t.dataSource.query(
      `UPDATE meeting_requests SET expires_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );
    expect(await t.app.get(MeetingRequestExpiryProcessor).process()).toBe(1);
    const [request]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM meeting_requests WHERE id = $1',
      [id],
    );
    expect(request.status).toBe('EXPIRED');
    const outcomes: unknown[] = await t.dataSource.query('SELECT id FROM outbox_messages WHERE key = $1', [
      `meeting-outcome-${id}`,
    ]);
    expect(outcomes).toHaveLength(0);
  });

  it('neither places nor moves a meeting into a time slot that has begun', async () => {
    const fair = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '川口 食品商談会',
      startsAt: tokyoInDays(3, '13:00'),
      endsAt: tokyoInDays(3, '17:00'),
    });
    const session = await addMatchmakingSession(t, organizer, {
      eventId: fair,
      startsAt: tokyoInDays(3, '14:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    const agreed = async (from: string, to: string) => {
      const [asker, answerer] = [await make({ name: from }, fair), await make({ name: to }, fair)];
      const { id } = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
          { eventId: fair, to: answerer.id },
          asker.token,
        ),
      ).requestMeeting;
      ok(await respond(answerer.token, id, true));
      return id;
    };
    const place = (requestId: string, slot: number) =>
      t.gql<{ placeMeeting: { id: string; slotIndex: number } }>(
        'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i, table: "1") { id slotIndex } }',
        { r: requestId, s: session, i: slot },
        organizer,
      );
    const placed = ok(await place(await agreed('青木 健', '石井 由美'), 2)).placeMeeting;
    const early = ok(await place(await agreed('松本 翔', '井上 真理'), 0)).placeMeeting;
    // The day has come: the first slot began 25 minutes ago, the second 5, the third is to come.
    await t.dataSource.query(
      `UPDATE matchmaking_sessions SET starts_at = now() - interval '25 minutes' WHERE id = $1`,
      [session],
    );
    for (const slot of [0, 1]) {
      const refused = failure(
        await t.gql(
          'mutation($id: ID!, $s: ID!, $i: Int!) { moveMeeting(id: $id, sessionId: $s, slotIndex: $i, table: "2") { id } }',
          { id: placed.id, s: session, i: slot },
          organizer,
        ),
      );
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'slotIndex',
        reason: 'MEETING_SLOT_PAST',
      });
      expect(refused.message).toMatch(
        /^この時間枠（.+ 開始）はすでに始まっています。これからの時間枠を指定してください$/,
      );
    }
    const waiting = await agreed('森 大輔', '池田 恵');
    expect(failure(await place(waiting, 1)).extensions).toMatchObject({
      field: 'slotIndex',
      reason: 'MEETING_SLOT_PAST',
    });
    const [row]: { slot_index: number; table_label: string }[] = await t.dataSource.query(
      'SELECT slot_index, table_label FROM meetings WHERE id = $1',
      [placed.id],
    );
    expect(row).toEqual({ slot_index: 2, table_label: '1' });

    // A meeting called off once its slot has begun frees nothing for the request still waiting;
    // one called off ahead of its time gives the waiting request its slot.
    const cancel = (id: string) =>
      t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { id } }', { id }, organizer);
    const placedFor = async () =>
      (
        await t.dataSource.query(
          `SELECT slot_index FROM meetings WHERE request_id = $1 AND status = 'SCHEDULED'`,
          [waiting],
        )
      ).map((meeting: { slot_index: number }) => meeting.slot_index);
    ok(await cancel(early.id));
    expect(await placedFor()).toEqual([]);
    ok(await cancel(placed.id));
    expect(await placedFor()).toEqual([2]);
  });

  it("refuses another event's 商談枠 for placing or moving a meeting, naming sessionId", async () => {
    const fairAt = async (title: string) => {
      const eventId = await createPublishedEvent(t, organizer, {
        kind: 'BUSINESS_MATCHING',
        title,
        startsAt: tokyoInDays(12, '13:00'),
        endsAt: tokyoInDays(12, '17:00'),
      });
      const sessionId = await addMatchmakingSession(t, organizer, {
        eventId,
        startsAt: tokyoInDays(12, '14:00'),
        slotMinutes: 20,
        slotCount: 3,
        tableCount: 2,
      });
      return { eventId, sessionId };
    };
    const fair = await fairAt('蕨 繊維商談会');
    const elsewhere = await fairAt('戸田 印刷商談会');
    const agreed = async (from: string, to: string) => {
      const [asker, answerer] = [
        await make({ name: from }, fair.eventId),
        await make({ name: to }, fair.eventId),
      ];
      const { id } = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
          { eventId: fair.eventId, to: answerer.id },
          asker.token,
        ),
      ).requestMeeting;
      ok(await respond(answerer.token, id, true));
      return id;
    };
    const place = (requestId: string, sessionId: string) =>
      t.gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0, table: "1") { id } }',
        { r: requestId, s: sessionId },
        organizer,
      );
    const wrongSession = {
      code: 'BAD_USER_INPUT',
      field: 'sessionId',
      reason: 'MEETING_SESSION_NOT_IN_EVENT',
    };
    const waiting = await agreed('新井 彩', '小川 隆');
    expect(failure(await place(waiting, elsewhere.sessionId)).extensions).toMatchObject(wrongSession);
    const { placeMeeting } = ok(await place(waiting, fair.sessionId));
    const moved = failure(
      await t.gql(
        'mutation($id: ID!, $s: ID!) { moveMeeting(id: $id, sessionId: $s, slotIndex: 0, table: "1") { id } }',
        { id: placeMeeting.id, s: elsewhere.sessionId },
        organizer,
      ),
    );
    expect(moved.extensions).toMatchObject(wrongSession);
    expect(moved.message).toBe(
      'この商談枠はこのイベントにありません。このイベントの商談枠を指定してください',
    );
  });

  it('refuses to schedule an event without 商談枠, or whose time slots have all begun, saying why', async () => {
    const fair = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '川口 建設業商談会',
      startsAt: tokyoInDays(5, '13:00'),
      endsAt: tokyoInDays(5, '17:00'),
    });
    const schedule = () =>
      t.gql(
        'mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { id } }',
        { eventId: fair },
        organizer,
      );
    const runs = async () =>
      (
        await t.dataSource.query('SELECT count(*)::int AS n FROM scheduling_runs WHERE event_id = $1', [fair])
      )[0].n as number;
    const none = failure(await schedule());
    expect(none.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'eventId',
      reason: 'SCHEDULING_NO_SESSIONS',
    });
    expect(none.message).toBe(
      'このイベントには商談枠がありません。面談の時間帯とテーブル数を商談枠として追加してから、自動配置してください',
    );
    await addMatchmakingSession(t, organizer, {
      eventId: fair,
      startsAt: tokyoInDays(5, '14:00'),
      slotMinutes: 30,
      slotCount: 2,
      tableCount: 3,
    });
    // The afternoon has come and its last slot (14:30) has begun.
    await t.dataSource.query(
      `UPDATE matchmaking_sessions SET starts_at = now() - interval '31 minutes' WHERE event_id = $1`,
      [fair],
    );
    const over = failure(await schedule());
    expect(over.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'eventId',
      reason: 'SCHEDULING_SESSIONS_OVER',
    });
    expect(over.message).toMatch(
      /^商談枠の最後の時間枠（.+ 開始）がすでに始まっているため、配置できる時間枠がありません$/,
    );
    expect(await runs()).toBe(0);
  });

  it('AUTO_ACCEPT agrees at once and tells both sides truthfully, with contact only where consented', async () => {
    ok(
      await t.gql(
        'mutation($eventId: ID!, $input: UpdateMeetingSettingsInput!) { updateMeetingSettings(eventId: $eventId, input: $input) { eventId } }',
        { eventId, input: { acceptanceMode: 'AUTO_ACCEPT' } },
        organizer,
      ),
    );
    const created = ok(await requestMeeting(people.a.token, people.d.id)).requestMeeting;
    expect(created).toMatchObject({ status: 'ACCEPTED', autoAccepted: true, to: { email: people.d.email } });
    await sink.waitUntil(
      () =>
        mailsTo(people.a.email, /面談成立/).length === 2 &&
        mailsTo(people.d.email, /【面談成立】髙橋/).length === 1,
    );
    const told = mailsTo(people.a.email, /面談成立/)[1];
    expect(told.subject).toBe('【面談成立】鈴木 次郎 様（しんきん ビジネスマッチング商談会）');
    expect(told.text).toContain('自動で成立するため、鈴木 次郎 様との面談が成立しました');
    expect(told.text).not.toContain('承諾されました');
    expect(told.text).toContain(people.d.email);
    const [notice] = mailsTo(people.d.email, /【面談成立】髙橋/);
    expect(notice.subject).toBe('【面談成立】髙橋 一郎 様（しんきん ビジネスマッチング商談会）');
    expect(notice.text).toContain('自動で成立するため、面談が成立しました');
    expect(notice.text).toContain(
      '先方のご意向により連絡先はお知らせしておりません。当日、会場でお会いください。',
    );
    expect(notice.text).not.toContain(people.a.email);
    expect(notice.text).not.toContain('/meetings/respond');
    expect(mailsTo(people.d.email, /【面談のお申込】髙橋/)).toHaveLength(0);
  });

  /**
   * A large 商談会: 23 buyers each meet 10 sellers (230 meetings, one a slot per person and per
   * table), more than the largest page. Written straight in SQL: the paging is under test, not
   * the scheduler. Ten meetings share each start time, so the id breaks the ties.
   */
  describe('a large 商談会', () => {
    const BUYERS = 23;
    const SELLERS = 10;
    const COUNT = BUYERS * SELLERS;
    let fair: string;

    beforeAll(async () => {
      const startsAt = tokyoInDays(40, '13:00');
      fair = await createPublishedEvent(t, organizer, {
        kind: 'BUSINESS_MATCHING',
        title: '尼崎 ものづくり商談会',
        capacity: null,
        startsAt,
        endsAt: tokyoInDays(40, '17:00'),
      });
      const session = ok(
        await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
          'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
          {
            input: { eventId: fair, startsAt, slotMinutes: 10, slotCount: BUYERS, tableCount: SELLERS },
          },
          organizer,
        ),
      ).addMatchmakingSession.sessions[0].id;
      const people: { id: string }[] = await t.dataSource.query(
        `INSERT INTO participants (email, name, furigana)
         SELECT 'fair' || n || '@example.jp', '参加者' || n, 'サンカシャ' FROM generate_series(1, $1) AS n
         RETURNING id`,
        [BUYERS + SELLERS],
      );
      const ids = people.map((person) => person.id);
      const [buyers, sellers] = [ids.slice(0, BUYERS), ids.slice(BUYERS)];
      await t.dataSource.query(
        `INSERT INTO registrations (event_id, participant_id, status, registered_at)
         SELECT $1, id, 'REGISTERED', now() FROM unnest($2::uuid[]) AS id`,
        [fair, ids],
      );
      // Every buyer asked every seller, several in the same minute; buyer b meets seller s in slot
      // (b + s) mod 23 at the seller's table, so nobody and no table is booked twice in a slot.
      await t.dataSource.query(
        `WITH pair AS (
           SELECT b.i AS b, s.i AS s, b.id AS buyer, s.id AS seller
           FROM unnest($2::uuid[]) WITH ORDINALITY AS b(id, i), unnest($3::uuid[]) WITH ORDINALITY AS s(id, i)
         ), request AS (
           INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status, responded_at, created_at)
           SELECT $1, buyer, seller, 'ACCEPTED', now(), now() - ((b * 10 + s) % 40) * interval '1 minute' FROM pair
           RETURNING id, from_participant_id, to_participant_id
         ), meeting AS (
           INSERT INTO meetings (event_id, request_id, session_id, slot_index, table_label, starts_at, ends_at,
                                 participant_a_id, participant_b_id, status)
           SELECT $1, request.id, $4, (pair.b + pair.s) % $5, pair.s::text,
                  $6::timestamptz + ((pair.b + pair.s) % $5) * interval '10 minutes',
                  $6::timestamptz + ((pair.b + pair.s) % $5 + 1) * interval '10 minutes',
                  pair.buyer, pair.seller, 'SCHEDULED'
           FROM request JOIN pair ON pair.buyer = request.from_participant_id AND pair.seller = request.to_participant_id
           RETURNING id, session_id, slot_index, participant_a_id, participant_b_id
         )
         INSERT INTO meeting_participants (meeting_id, participant_id, event_id, session_id, slot_index)
         SELECT id, side, $1, session_id, slot_index
         FROM meeting, unnest(ARRAY[participant_a_id, participant_b_id]) AS side`,
        [fair, buyers, sellers, session, BUYERS, startsAt],
      );
      // Each of the first ten buyers was asked by a seller too, an hour earlier, and declined.
      await t.dataSource.query(
        `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status, responded_at, created_at)
         SELECT $1, seller, buyer, 'DECLINED', now(), now() - interval '1 hour'
         FROM unnest($2::uuid[], $3::uuid[]) AS pair(seller, buyer)`,
        [fair, sellers, buyers.slice(0, SELLERS)],
      );
      // The first slot was called off.
      await t.dataSource.query(
        `UPDATE meetings SET status = 'CANCELLED', cancelled_at = now() WHERE event_id = $1 AND slot_index = 0`,
        [fair],
      );
      await t.dataSource.query(
        'UPDATE meeting_participants SET active = false WHERE event_id = $1 AND slot_index = 0',
        [fair],
      );
    });

    /** Pages of `meetings` or `meetingRequests` at the fair, with the filter argument each takes. */
    const pagesOf =
      <Name extends 'meetings' | 'meetingRequests'>(name: Name, filter: string, filterType: string) =>
      (variables: Record<string, unknown>, token = staff) =>
        t.gql<Record<Name, ConnectionPage>>(
          `query($eventId: ID!, $${filter}: ${filterType}, $first: Int, $after: String) {
            ${name}(eventId: $eventId, ${filter}: $${filter}, first: $first, after: $after) {
              totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
            }
          }`,
          { eventId: fair, ...variables },
          token,
        );

    it('pages through its meetings by start time, then id, and exports every one of them', async () => {
      const expected = async (includeCancelled: boolean) =>
        (
          await t.dataSource.query(
            `SELECT id FROM meetings WHERE event_id = $1 AND ($2 OR status <> 'CANCELLED')
             ORDER BY starts_at, id`,
            [fair, includeCancelled],
          )
        ).map((row: { id: string }) => row.id);
      const live: string[] = await expected(false);
      const all: string[] = await expected(true);
      expect([live.length, all.length]).toEqual([COUNT - SELLERS, COUNT]);
      const page = pagesOf('meetings', 'includeCancelled', 'Boolean');

      // By start time, then id; without and with the cancelled ones.
      await expectPaging((paging) => page(paging), live);
      await expectPaging((paging) => page({ includeCancelled: true, ...paging }), all);
      expect(failure(await page({}, otherOrganizer)).extensions?.code).toBe('FORBIDDEN');

      // The floor sheet holds every meeting, cancelled ones too, slot by slot and table by table
      // (テーブル 2 before テーブル 10); then the agreed meetings with no live meeting (here the
      // first slot's, called off behind their requests' backs), oldest request first.
      const { status, lines } = await fetchCsv(t, `/exports/events/${fair}/meetings.csv`, staff);
      expect(status).toBe(200);
      expect(lines[0].split(',').slice(-2)).toEqual(['面談ID', '面談申込ID']);
      const floorOrder: { id: string; request_id: string }[] = await t.dataSource.query(
        'SELECT id, request_id FROM meetings WHERE event_id = $1 ORDER BY starts_at, table_label::int',
        [fair],
      );
      const withoutSlot: { id: string }[] = await t.dataSource.query(
        `SELECT r.id FROM meeting_requests r
          WHERE r.event_id = $1 AND r.status = 'ACCEPTED'
            AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status <> 'CANCELLED')
          ORDER BY r.created_at, r.id`,
        [fair],
      );
      expect(withoutSlot).toHaveLength(SELLERS);
      expect(lines.slice(1).map((line) => line.split(',').slice(-2).join(','))).toEqual([
        ...floorOrder.map((row) => `${row.id},${row.request_id}`),
        ...withoutSlot.map((row) => `,${row.id}`),
      ]);
      expect(lines.at(-1)).toMatch(/^,,,,未定,.*,面談成立・時間未定,,未公開,,,,/);
    });

    it('pages through its requests oldest first, and exports every one of them', async () => {
      const expected = async (status: string | null) =>
        (
          await t.dataSource.query(
            `SELECT id FROM meeting_requests WHERE event_id = $1 AND ($2::text IS NULL OR status::text = $2)
             ORDER BY created_at, id`,
            [fair, status],
          )
        ).map((row: { id: string }) => row.id);
      const all: string[] = await expected(null);
      const accepted: string[] = await expected('ACCEPTED');
      expect([all.length, accepted.length]).toEqual([COUNT + SELLERS, COUNT]);
      const page = pagesOf('meetingRequests', 'status', 'MeetingRequestStatus');

      // Oldest first; all of them, and the accepted ones.
      await expectPaging((paging) => page(paging), all);
      await expectPaging((paging) => page({ status: 'ACCEPTED', ...paging }), accepted);
      expect(ok(await page({ status: 'PENDING' })).meetingRequests).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
      // Staff see both sides' contact details.
      const parties = ok(
        await t.gql<{
          meetingRequests: { edges: { node: { from: { email: string }; to: { email: string } } }[] };
        }>(
          'query($eventId: ID!) { meetingRequests(eventId: $eventId, first: 200) { edges { node { from { email } to { email } } } } }',
          { eventId: fair },
          staff,
        ),
      ).meetingRequests.edges;
      const emails = parties.flatMap(({ node }) => [node.from.email, node.to.email]);
      expect(emails.every((email) => /^fair\d+@example\.jp$/.test(email))).toBe(true);

      expect(failure(await page({ after: 'not-a-cursor' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
      expect(failure(await page({ first: 0 })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
      expect(failure(await page({}, otherOrganizer)).extensions?.code).toBe('FORBIDDEN');

      // 面談申込一覧 holds every request, as the list orders them (and as filtered).
      for (const [query, ids] of [
        ['', all],
        ['?status=ACCEPTED', accepted],
      ] as const) {
        const { status, lines } = await fetchCsv(
          t,
          `/exports/events/${fair}/meeting-requests.csv${query}`,
          staff,
        );
        expect(status).toBe(200);
        expect(lines[0].split(',').at(-1)).toBe('申込ID');
        expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(ids);
      }
    });
  });
});
