import ICAL from 'ical.js';
import { Role } from '../src/auth/actor';
import { DAY_MS } from '../src/common/japan/tokyo-day';
import { formatDeadline, formatEventTime } from '../src/mail/templates/mail-dates';
import { RemindersService } from '../src/reminders/reminders.service';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  DEFAULT_CONTACT_EMAIL,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  registerMutation,
  registerEveryKind,
  staffSession,
  tokyoInDays,
  scheduleAndPublish,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) {
  updateEvent(id: $id, input: $input) { startsAt endsAt venue capacity }
}`;

/**
 * 日時変更・会場変更: what an organiser's edit of a published event does to the people already
 * signed up, their meetings, their calendars and their reminders.
 */
describe('editing an event people signed up for', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  /** Refused once with 451 (try later), so its first email is retried a few seconds on. */
  let slowInbox = '';
  let slowInboxRefused = false;

  beforeAll(async () => {
    sink = await SmtpSink.start({
      // The first email to the slow inbox once it is named (its reminder) is told to try later.
      refuseRecipient: (address) => {
        if (address !== slowInbox || slowInboxRefused) return undefined;
        slowInboxRefused = true;
        return 451;
      },
    });
    t = await createTestApp({
      ...sink.appSettings(),
      MAIL_RETRY_BASE_MS: '3000',
    });
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '大田区産業振興協会', municipality: '東京都大田区' }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const update = (id: string, input: Record<string, unknown>) => t.gql(UPDATE, { id, input }, organizer);
  const outstanding = async (eventId: string) =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE event_id = $1 AND status IN ('PENDING', 'SENDING')`,
        [eventId],
      )
    )[0].n as number;
  const settled = (eventId: string) =>
    eventually(async () => (await outstanding(eventId)) === 0, 'emails sent');
  const changeMails = (address: string) =>
    sink.to(address).filter((mail) => /変更】|changed:/.test(mail.subject));
  const calendarOf = (mail: ReceivedMail) =>
    mail.calendars[0] ? new ICAL.Component(ICAL.parse(mail.calendars[0])) : null;
  const tokyoWallClock = (time: ICAL.Time) => time.toString().slice(0, 16);

  it('tells everyone signed up of a new time or venue once per change, with the calendar entry moved', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'おおた ものづくり商談会',
      venue: '大田区産業プラザ PiO 1階',
      venueEn: 'Ota City Industrial Plaza PiO, 1F',
      capacity: 3,
      startsAt: tokyoInDays(30, '13:00'),
      endsAt: tokyoInDays(30, '17:00'),
    });
    ok(
      await t.gql(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { id } }',
        {
          input: {
            eventId,
            name: '午後の部',
            startsAt: tokyoInDays(30, '14:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizer,
      ),
    );
    const people = await registerEveryKind(t, organizer, eventId);
    for (const [from, to] of [
      ['a', 'b'],
      ['c', 'b'],
    ]) {
      const id = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
          { e: eventId, to: people[to].id },
          people[from].token,
        ),
      ).requestMeeting.id;
      ok(
        await t.gql(
          'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
          { id },
          people[to].token,
        ),
      );
    }
    // Left unanswered: it expires with the event's end, wherever that moves.
    const unanswered = ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to: people.a.id },
        people.c.token,
      ),
    ).requestMeeting.id;
    await scheduleAndPublish(t, organizer, eventId);
    await settled(eventId);
    const meetingsBefore: { starts_at: Date; sequence: number }[] = await t.dataSource.query(
      'SELECT starts_at, sequence FROM meetings WHERE event_id = $1 ORDER BY starts_at, id',
      [eventId],
    );
    expect(meetingsBefore).toHaveLength(2);
    const eventRow = async () =>
      (
        await t.dataSource.query('SELECT starts_at, ends_at, venue, sequence FROM events WHERE id = $1', [
          eventId,
        ])
      )[0] as { starts_at: Date; ends_at: Date; venue: string; sequence: number };

    // An edit that changes neither time nor place (the same venue with a stray space, a new
    // title) tells nobody and leaves calendars alone.
    ok(
      await update(eventId, {
        title: 'おおた ものづくり商談会 2026',
        venue: '大田区産業プラザ PiO 1階 ',
        startsAt: tokyoInDays(30, '13:00'),
      }),
    );
    expect((await eventRow()).sequence).toBe(0);

    // A new time that would leave the 商談枠 and its meetings outside the event is refused, naming
    // the field and the session in the way; nothing changes and nobody is told.
    // (A week later and an hour longer is not a move of the whole event: the sessions stay put.)
    const refused = failure(
      await update(eventId, { startsAt: tokyoInDays(37, '13:00'), endsAt: tokyoInDays(37, '18:00') }),
    );
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'startsAt',
      reason: 'EVENT_SESSION_OUTSIDE_NEW_TIME',
    });
    expect(refused.message).toContain('商談枠「午後の部」（');
    expect(refused.message).toContain('（面談2件）');
    expect(refused.message).toContain('新しい開催時間の外になります');
    expect(refused.message).toContain('開始と終了を同じだけずらすと、商談枠と面談も一緒に移ります');
    const tooEarly = failure(await update(eventId, { endsAt: tokyoInDays(30, '14:30') }));
    expect(tooEarly.extensions).toMatchObject({ field: 'endsAt', reason: 'EVENT_SESSION_OUTSIDE_NEW_TIME' });
    // Nor may a published event move to a time already gone: its people would be told of it.
    const gone = failure(
      await update(eventId, { startsAt: tokyoInDays(-2, '13:00'), endsAt: tokyoInDays(-2, '17:00') }),
    );
    expect(gone.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'startsAt',
      reason: 'EVENT_INVALID_SCHEDULE',
    });
    expect(gone.message).toMatch(/^開始日時（\d{4}年\d+月\d+日\(.\) 13:00）がすでに過ぎています。/);
    expect(await eventRow()).toMatchObject({
      starts_at: new Date(tokyoInDays(30, '13:00')),
      ends_at: new Date(tokyoInDays(30, '17:00')),
      sequence: 0,
    });

    // 日時変更 that keeps the session inside: accepted, and each person holding or waiting for a
    // seat is told once, with the calendar entry moved (same UID, higher SEQUENCE).
    ok(await update(eventId, { startsAt: tokyoInDays(30, '13:30'), endsAt: tokyoInDays(30, '17:30') }));
    expect((await eventRow()).sequence).toBe(1);
    const [{ expires_at: expiresAt }]: { expires_at: Date }[] = await t.dataSource.query(
      'SELECT expires_at FROM meeting_requests WHERE id = $1',
      [unanswered],
    );
    expect(expiresAt).toEqual(new Date(tokyoInDays(30, '17:30')));
    await sink.waitUntil(() =>
      ['a', 'b', 'c', 'waiting'].every((key) => changeMails(people[key].email).length === 1),
    );
    await settled(eventId);

    const [ja] = changeMails(people.a.email);
    expect(ja.subject).toBe('【日時変更】おおた ものづくり商談会 2026');
    expect(ja.text).toContain('髙橋 一郎 様');
    expect(ja.text).toContain('日時が変更になりました');
    expect(ja.text).toMatch(/13:30〜17:30（変更）/);
    expect(ja.text).toContain('予定されている面談（1件）の時間とテーブル・ブースに変更はありません');
    expect(ja.text).toContain('▶ 参加をキャンセルする');
    expect(ja.header('List-Unsubscribe')).toBeUndefined();
    const calendar = calendarOf(ja)!;
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [eventEntry, meetingEntry] = calendar.getAllSubcomponents('vevent');
    expect(eventEntry.getFirstPropertyValue('uid')).toBe(`event-${eventId}@tsunagu`);
    expect(eventEntry.getFirstPropertyValue('sequence')).toBe(1);
    expect(tokyoWallClock(eventEntry.getFirstPropertyValue('dtstart') as ICAL.Time)).toBe(
      tokyoInDays(30, '13:30').slice(0, 16),
    );
    expect(eventEntry.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Tokyo');
    expect(meetingEntry.getFirstPropertyValue('uid')).toMatch(/^meeting-.+@tsunagu$/);
    expect(meetingEntry.getFirstPropertyValue('sequence')).toBe(0);

    const [en] = changeMails(people.b.email);
    expect(en.subject).toBe('Time changed: おおた ものづくり商談会 2026');
    expect(en.text).toContain('Dear Emma Clarke,');
    expect(en.text).toContain(
      'The times and tables (or booths) of your 2 meetings at the event stay as they were.',
    );
    expect(calendarOf(en)!.getAllSubcomponents('vevent')).toHaveLength(3);

    // Waiting for a seat: told, with nothing on a calendar to move.
    const [waiting] = changeMails(people.waiting.email);
    expect(waiting.subject).toBe('【日時変更】おおた ものづくり商談会 2026');
    expect(waiting.text).toContain('引き続きキャンセル待ちとして承っております');
    expect(waiting.text).toContain('▶ キャンセル待ちを取り消す');
    expect(calendarOf(waiting)).toBeNull();

    // The shared calendar feed carries the same version.
    const feed = await (await fetch(`${t.url}/calendar.ics`)).text();
    const feedEntry = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents('vevent')
      .find((vevent) => vevent.getFirstPropertyValue('uid') === `event-${eventId}@tsunagu`)!;
    expect(feedEntry.getFirstPropertyValue('sequence')).toBe(1);

    // 会場変更: a second change is a second email; the meetings' place changes with the venue, so
    // their calendar entries get a new version too.
    ok(
      await update(eventId, {
        venue: '大田区産業プラザ PiO 2階 小展示ホール',
        venueEn: 'Ota City Industrial Plaza PiO, 2F Small Exhibition Hall',
        titleEn: 'Ota Monozukuri Business Matching 2026',
      }),
    );
    await sink.waitUntil(() =>
      ['a', 'b', 'c', 'waiting'].every((key) => changeMails(people[key].email).length === 2),
    );
    const venueMail = changeMails(people.a.email)[1];
    expect(venueMail.subject).toBe('【会場変更】おおた ものづくり商談会 2026');
    expect(venueMail.text).toContain('大田区産業プラザ PiO 2階 小展示ホール（変更）');
    const [movedEvent, movedMeeting] = calendarOf(venueMail)!.getAllSubcomponents('vevent');
    expect(movedEvent.getFirstPropertyValue('sequence')).toBe(2);
    expect(movedEvent.getFirstPropertyValue('location')).toBe('大田区産業プラザ PiO 2階 小展示ホール');
    expect(movedMeeting.getFirstPropertyValue('sequence')).toBe(1);
    expect(movedMeeting.getFirstPropertyValue('location')).toContain('大田区産業プラザ PiO 2階 小展示ホール');
    // In English for Emma: the venue as she can read it, now and before.
    const englishMail = changeMails(people.b.email)[1];
    expect(englishMail.subject).toBe('Venue changed: Ota Monozukuri Business Matching 2026');
    expect(englishMail.text).toContain('Ota City Industrial Plaza PiO, 2F Small Exhibition Hall (changed)');
    expect(englishMail.text).toContain('(before: Ota City Industrial Plaza PiO, 1F)');
    expect(calendarOf(englishMail)!.getFirstSubcomponent('vevent')!.getFirstPropertyValue('location')).toBe(
      'Ota City Industrial Plaza PiO, 2F Small Exhibition Hall',
    );
    // Her calendar file is named and titled in English too, as her confirmation's was.
    expect(calendarOf(englishMail)!.getFirstPropertyValue('x-wr-calname')).toBe(
      'Ota Monozukuri Business Matching 2026',
    );
    expect(calendarOf(englishMail)!.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe(
      'Ota Monozukuri Business Matching 2026 (Business matching)',
    );
    expect(calendarOf(venueMail)!.getFirstPropertyValue('x-wr-calname')).toBe('おおた ものづくり商談会 2026');

    // The same venue again is no change: no third email.
    ok(await update(eventId, { venue: '大田区産業プラザ PiO 2階 小展示ホール' }));
    await settled(eventId);
    expect((await eventRow()).sequence).toBe(2);
    expect(['a', 'b', 'c', 'waiting', 'leaver'].map((key) => changeMails(people[key].email).length)).toEqual([
      2, 2, 2, 2, 0,
    ]);
    // The meetings themselves did not move.
    const meetingsAfter: { starts_at: Date }[] = await t.dataSource.query(
      'SELECT starts_at FROM meetings WHERE event_id = $1 ORDER BY starts_at, id',
      [eventId],
    );
    expect(meetingsAfter.map((row) => row.starts_at)).toEqual(meetingsBefore.map((row) => row.starts_at));

    // 開催日の変更: the whole event a week later takes its 商談枠 and meetings along, at the same
    // tables; the email says so and moves every calendar entry.
    const week = 7 * 86_400_000;
    ok(await update(eventId, { startsAt: tokyoInDays(37, '13:30'), endsAt: tokyoInDays(37, '17:30') }));
    const [session]: { starts_at: Date }[] = await t.dataSource.query(
      'SELECT starts_at FROM matchmaking_sessions WHERE event_id = $1',
      [eventId],
    );
    expect(session.starts_at).toEqual(new Date(new Date(tokyoInDays(30, '14:00')).getTime() + week));
    const meetingsMoved: { starts_at: Date; sequence: number }[] = await t.dataSource.query(
      'SELECT starts_at, sequence FROM meetings WHERE event_id = $1 ORDER BY starts_at, id',
      [eventId],
    );
    expect(meetingsMoved).toEqual(
      meetingsBefore.map((row) => ({
        starts_at: new Date(row.starts_at.getTime() + week),
        sequence: row.sequence + 2,
      })),
    );
    await sink.waitUntil(() =>
      ['a', 'b', 'c', 'waiting'].every((key) => changeMails(people[key].email).length === 3),
    );
    const moveMail = changeMails(people.a.email)[2];
    expect(moveMail.subject).toBe('【日時変更】おおた ものづくり商談会 2026');
    expect(moveMail.text).toContain('予定されている面談（1件）も、イベントと同じだけ日時をずらしました');
    const [eventMoved, meetingMoved] = calendarOf(moveMail)!.getAllSubcomponents('vevent');
    expect(eventMoved.getFirstPropertyValue('sequence')).toBe(3);
    expect(meetingMoved.getFirstPropertyValue('sequence')).toBe(meetingsMoved[0].sequence);
    // a's meeting, in whichever slot the scheduler gave it, a week later.
    const [{ starts_at: aMeetingStart }]: { starts_at: Date }[] = await t.dataSource.query(
      'SELECT starts_at FROM meetings WHERE event_id = $1 AND $2 IN (participant_a_id, participant_b_id)',
      [eventId, people.a.id],
    );
    expect(tokyoWallClock(meetingMoved.getFirstPropertyValue('dtstart') as ICAL.Time)).toBe(
      new Date(aMeetingStart.getTime() + 9 * 3_600_000).toISOString().slice(0, 16),
    );
    expect(meetingsBefore.map((row) => row.starts_at.getTime() + week)).toContain(aMeetingStart.getTime());
    // Links in emails already sent follow the event: the cancel links until its new start, the
    // unanswered request's answer links until its new end.
    const expiries = async (purpose: string, subjectId: string) =>
      (
        (await t.dataSource.query(
          'SELECT DISTINCT expires_at FROM action_tokens WHERE purpose = $1 AND subject_id = $2',
          [purpose, subjectId],
        )) as { expires_at: Date }[]
      ).map((row) => row.expires_at);
    expect(await expiries('registration-cancel', people.a.registrationId)).toEqual([
      new Date(tokyoInDays(37, '13:30')),
    ]);
    expect(await expiries('meeting-response', unanswered)).toEqual([new Date(tokyoInDays(37, '17:30'))]);
    expect(changeMails(people.b.email)[2].text).toContain(
      'Your 2 meetings have moved with the event, by the same amount of time, at the same tables or booths.',
    );
  });

  it('moves the meetings still to come with the event, and leaves the cancelled ones — in a 商談枠 in use or removed — when they were planned', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '大田区 受発注商談会',
      startsAt: tokyoInDays(40, '13:00'),
      endsAt: tokyoInDays(40, '17:00'),
    });
    const session = (name: string, time: string) =>
      addMatchmakingSession(t, organizer, {
        eventId,
        name,
        startsAt: tokyoInDays(40, time),
        slotMinutes: 20,
        slotCount: 3,
        tableCount: 1,
      });
    const [early, late] = [await session('前半', '13:00'), await session('後半', '15:00')];
    const people: Awaited<ReturnType<typeof createParticipant>>[] = [];
    for (let i = 0; i < 6; i++) {
      const person = await createParticipant(t, organizer);
      ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
      people.push(person);
    }
    const place = async (requestId: string, sessionId: string, slotIndex: number) =>
      ok(
        await t.gql(
          'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i, table: "1") { id } }',
          { r: requestId, s: sessionId, i: slotIndex },
          organizer,
        ),
      );
    const [kept, calledOff, inRemoved] = [
      await agreeMeeting(t, eventId, people[0].id, people[1].id),
      await agreeMeeting(t, eventId, people[2].id, people[3].id),
      await agreeMeeting(t, eventId, people[4].id, people[5].id),
    ];
    await place(kept, early, 0);
    await place(calledOff, early, 1);
    await place(inRemoved, late, 1);
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    // Two are called off (both sides get a 面談中止 for that time), and the afternoon 商談枠 goes.
    for (const id of [calledOff, inRemoved])
      ok(await t.gql('mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }', { id }, organizer));
    ok(
      await t.gql('mutation($id: ID!) { removeMatchmakingSession(id: $id) { id } }', { id: late }, organizer),
    );
    await sink.waitUntil(() => sink.to(people[2].email).some((mail) => /面談中止/.test(mail.subject)));
    await settled(eventId);

    // 開催日の変更: the whole event a week later.
    ok(await update(eventId, { startsAt: tokyoInDays(47, '13:00'), endsAt: tokyoInDays(47, '17:00') }));

    type Listed = { requestId: string; status: string; sessionName: string; startsAt: string };
    const listed = ok(
      await t.gql<{ meetings: { edges: { node: Listed }[] } }>(
        'query($e: ID!) { meetings(eventId: $e, includeCancelled: true) { edges { node { requestId status sessionName startsAt } } } }',
        { e: eventId },
        organizer,
      ),
    ).meetings.edges.map(({ node }) => node);
    const at = (requestId: string) => {
      const meeting = listed.find((node) => node.requestId === requestId)!;
      return [meeting.status, meeting.sessionName, new Date(meeting.startsAt).toISOString()];
    };
    const iso = (time: string) => new Date(time).toISOString();
    // The meeting to come moved with its 商談枠…
    expect(at(kept)).toEqual(['SCHEDULED', '前半', iso(tokyoInDays(47, '13:00'))]);
    // …the cancelled ones are history, at the time they were planned and called off: the one in
    // the 商談枠 still in use as the one in the removed 商談枠.
    expect(at(calledOff)).toEqual(['CANCELLED', '前半', iso(tokyoInDays(40, '13:20'))]);
    expect(at(inRemoved)).toEqual(['CANCELLED', '後半', iso(tokyoInDays(40, '15:20'))]);
    // The participants' own data says the same, and so did the 面談中止 they were sent.
    for (const [person, time] of [
      [people[2], '13:20'],
      [people[4], '15:20'],
    ] as const) {
      const mine = ok(
        await t.gql<{ exportMyData: { meetings: { startsAt: string; status: string }[] } }>(
          'query { exportMyData { meetings { startsAt status } } }',
          {},
          await t.participantToken(person.id),
        ),
      ).exportMyData.meetings;
      expect(mine).toEqual([{ startsAt: tokyoInDays(40, time), status: 'CANCELLED' }]);
      const start = new Date(tokyoInDays(40, time));
      const told = sink.to(person.email).find((mail) => /面談中止/.test(mail.subject))!;
      expect(told.text).toContain(formatEventTime('ja', start, new Date(start.getTime() + 20 * 60_000)));
    }
  });

  it("asks invitees who have not answered again, on the new date; a draft's people are told too", async () => {
    // A draft: invitations go out before the event is announced.
    const eventId = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SALON',
            title: '大田区 事業承継サロン',
            venue: '大田区産業プラザ PiO 6階',
            startsAt: tokyoInDays(20, '18:00'),
            endsAt: tokyoInDays(20, '20:00'),
            capacity: 10,
          },
        },
        organizer,
      ),
    ).createEvent.id;
    const invitee = await createParticipant(t, organizer, { name: '招待 未回答' });
    const english = await createParticipant(t, organizer, { name: 'Liam Walker', locale: 'en' });
    const accepter = await createParticipant(t, organizer, { name: '招待 参加' });
    const decliner = await createParticipant(t, organizer, { name: '招待 辞退' });
    const noEmail = await createParticipant(t, organizer, { name: '招待 同意なし', consentEmail: false });
    const everyone = [invitee, english, accepter, decliner, noEmail];
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: everyone.map((person) => person.id) },
        organizer,
      ),
    );
    const invited = [invitee, english, accepter, decliner];
    await sink.waitUntil(() => invited.every((person) => sink.to(person.email).length === 1));
    const answer = (mail: ReceivedMail, accept: 0 | 1) =>
      t.gql(
        'mutation($token: String!, $accept: Boolean!) { respondToInvitation(token: $token, accept: $accept) { status } }',
        {
          token: invitationAnswerLink(t, mail, accept).token,
          accept: accept === 1,
        },
      );
    ok(await answer(sink.to(accepter.email)[0], 1));
    ok(await answer(sink.to(decliner.email)[0], 0));
    await settled(eventId);

    ok(await update(eventId, { startsAt: tokyoInDays(20, '17:00'), endsAt: tokyoInDays(20, '19:00') }));
    await sink.waitUntil(() =>
      [invitee, english, accepter].every((person) => changeMails(person.email).length === 1),
    );
    await settled(eventId);
    expect(changeMails(decliner.email)).toHaveLength(0);
    expect(sink.to(noEmail.email)).toHaveLength(0);

    // The invitee is asked again, on the new time: still an invitation, so it can be unsubscribed.
    const [asked] = changeMails(invitee.email);
    expect(asked.subject).toBe('【日時変更】大田区 事業承継サロン');
    expect(asked.text).toContain('先日ご案内した「大田区 事業承継サロン」の日時が変更になりました。');
    expect(asked.text).toMatch(/17:00〜19:00（変更）/);
    expect(asked.text).toContain('変更後の内容でのご出欠を、下のボタンからお知らせください。');
    expect(asked.html).toContain('>参加する</a>');
    expect(asked.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(calendarOf(asked)).toBeNull();
    const [askedEn] = changeMails(english.email);
    expect(askedEn.subject).toBe('Time changed: 大田区 事業承継サロン');
    expect(askedEn.text).toContain(
      'The time of "大田区 事業承継サロン", to which you were invited, has changed.',
    );

    // Its accept link registers them (GET shows, POST acts), as the first invitation's would.
    const accept = invitationAnswerLink(t, asked, 1);
    expect((await fetch(accept.url)).status).toBe(200);
    const done = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(await done.text()).toContain('参加登録が完了しました');
    const [{ status }]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, invitee.id],
    );
    expect(status).toBe('REGISTERED');

    // Who accepted the draft's invitation has it on their calendar: the entry moves.
    const [moved] = changeMails(accepter.email);
    expect(moved.text).toContain('ご登録いただいている「大田区 事業承継サロン」の日時が変更になりました。');
    const [entry] = calendarOf(moved)!.getAllSubcomponents('vevent');
    expect(entry.getFirstPropertyValue('uid')).toBe(`event-${eventId}@tsunagu`);
    expect(entry.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('sends each person one email for an edit that moves the date or venue and the 申込締切 together', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'SALON',
      title: '大田区 創業支援サロン',
      venue: '大田区産業プラザ PiO 3階',
      capacity: 2,
      startsAt: tokyoInDays(25, '18:00'),
      endsAt: tokyoInDays(25, '20:00'),
    });
    // Two seats, two on the waiting list, two invited who have not answered: in Japanese and English.
    const cast: Record<string, { id: string; email: string }> = {};
    for (const [key, input] of [
      ['seated', { name: '着席 一郎' }],
      ['seatedEn', { name: 'Olivia Brown', locale: 'en' }],
      ['waiting', { name: '待機 二郎' }],
      ['waitingEn', { name: 'Noah Smith', locale: 'en' }],
    ] as const) {
      cast[key] = await createParticipant(t, organizer, input);
      ok(await t.gql(registerMutation(), { eventId }, await t.participantToken(cast[key].id)));
    }
    cast.invitee = await createParticipant(t, organizer, { name: '招待 三郎' });
    cast.inviteeEn = await createParticipant(t, organizer, { name: 'Ava Jones', locale: 'en' });
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [cast.invitee.id, cast.inviteeEn.id] },
        organizer,
      ),
    );
    await sink.waitUntil(() => Object.values(cast).every((person) => sink.to(person.email).length === 1));
    await settled(eventId);
    const seen = Object.fromEntries(Object.keys(cast).map((key) => [key, 1]));
    /** Each person's emails since the last call, once the edit's have all gone. */
    const arrived = async () => {
      await settled(eventId);
      const mails = Object.fromEntries(
        Object.entries(cast).map(([key, person]) => [key, sink.to(person.email).slice(seen[key])]),
      );
      for (const [key, person] of Object.entries(cast)) seen[key] = sink.to(person.email).length;
      return mails;
    };
    const subjects = (mails: Record<string, ReceivedMail[]>) =>
      Object.fromEntries(Object.entries(mails).map(([key, list]) => [key, list.map((mail) => mail.subject)]));
    const title = '大田区 創業支援サロン';

    // A new time and a 申込締切 set in one edit: one email each. Who holds or waits for a seat
    // hears of the time only (the deadline is for those still to answer); the invitees get the new
    // time and the deadline together, with the buttons to answer by it.
    const closes = new Date(tokyoInDays(20, '17:00'));
    ok(
      await update(eventId, {
        startsAt: tokyoInDays(25, '17:00'),
        endsAt: tokyoInDays(25, '19:00'),
        registrationClosesAt: closes.toISOString(),
      }),
    );
    const first = await arrived();
    expect(subjects(first)).toEqual({
      seated: [`【日時変更】${title}`],
      seatedEn: [`Time changed: ${title}`],
      waiting: [`【日時変更】${title}`],
      waitingEn: [`Time changed: ${title}`],
      invitee: [`【日時・申込締切変更】${title}`],
      inviteeEn: [`Time and registration deadline changed: ${title}`],
    });
    const [asked] = first.invitee;
    expect(asked.text).toContain(`先日ご案内した「${title}」の日時・申込締切が変更になりました。`);
    expect(asked.text).toMatch(/■ 日時: .+ 17:00〜19:00（変更）\n {2}（変更前: .+ 18:00〜20:00）\n/);
    expect(asked.text).toContain(`■ 申込締切: ${formatDeadline('ja', closes)}（変更）\n`);
    expect(asked.text).toContain(
      `変更後の内容でのご出欠を、${formatDeadline('ja', closes)}までに下のボタンからお知らせください。`,
    );
    expect(asked.html).toContain('>参加する</a>');
    expect(asked.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const [askedEn] = first.inviteeEn;
    expect(askedEn.text).toContain(
      `The time and registration deadline of "${title}", to which you were invited, have changed.`,
    );
    expect(askedEn.text).toContain(`■ Registration closes: ${formatDeadline('en', closes)} (changed)\n`);
    expect(askedEn.text).toContain(`by ${formatDeadline('en', closes)}, choosing one of the buttons below.`);
    for (const key of ['seated', 'seatedEn', 'waiting', 'waitingEn']) {
      expect(first[key][0].text).not.toMatch(/申込締切|Registration closes|参加する/);
    }

    // A new venue and the deadline moved earlier: the same, with what the deadline was.
    const earlier = new Date(tokyoInDays(15, '12:00'));
    ok(
      await update(eventId, {
        venue: '大田区産業プラザ PiO 4階',
        registrationClosesAt: earlier.toISOString(),
      }),
    );
    const second = await arrived();
    expect(subjects(second)).toEqual({
      seated: [`【会場変更】${title}`],
      seatedEn: [`Venue changed: ${title}`],
      waiting: [`【会場変更】${title}`],
      waitingEn: [`Venue changed: ${title}`],
      invitee: [`【会場・申込締切変更】${title}`],
      inviteeEn: [`Venue and registration deadline changed: ${title}`],
    });
    expect(second.invitee[0].text).toContain(
      `■ 申込締切: ${formatDeadline('ja', earlier)}（変更）\n  （変更前: ${formatDeadline('ja', closes)}）\n`,
    );
    expect(second.invitee[0].text).toContain('■ 会場: 大田区産業プラザ PiO 4階（変更）');
    expect(second.inviteeEn[0].text).toContain(`(before: ${formatDeadline('en', closes)})`);

    // The deadline alone, later: the invitees are told again, of it alone, and nobody else is.
    const later = new Date(tokyoInDays(18, '12:00'));
    ok(await update(eventId, { registrationClosesAt: later.toISOString() }));
    expect(subjects(await arrived())).toEqual({
      seated: [],
      seatedEn: [],
      waiting: [],
      waitingEn: [],
      invitee: [`【申込締切のお知らせ】${title}（大田区産業振興協会）`],
      inviteeEn: [`Registration deadline: ${title} (大田区産業振興協会)`],
    });

    // A new time alone: everyone is told once; the invitees are asked by the deadline as it is.
    ok(await update(eventId, { startsAt: tokyoInDays(25, '18:00'), endsAt: tokyoInDays(25, '20:00') }));
    const fourth = await arrived();
    expect(subjects(fourth)).toEqual({
      seated: [`【日時変更】${title}`],
      seatedEn: [`Time changed: ${title}`],
      waiting: [`【日時変更】${title}`],
      waitingEn: [`Time changed: ${title}`],
      invitee: [`【日時変更】${title}`],
      inviteeEn: [`Time changed: ${title}`],
    });
    expect(fourth.invitee[0].text).toContain(`■ 申込締切: ${formatDeadline('ja', later)}\n`);
    expect(fourth.invitee[0].text).toContain(`${formatDeadline('ja', later)}までに下のボタンから`);

    // The one email's buttons answer: the event is full, so the invitee waits for a seat.
    const accept = invitationAnswerLink(t, asked, 1);
    const done = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(done.status).toBe(200);
    const [{ status }]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, cast.invitee.id],
    );
    expect(status).toBe('WAITLISTED');
  });

  it('tells an invitee of a change after the 申込締切 without answer buttons, and whom to ask', async () => {
    const title = '大田区 海外展開サロン';
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'SALON',
      title,
      startsAt: tokyoInDays(20, '18:00'),
      endsAt: tokyoInDays(20, '20:00'),
      registrationClosesAt: tokyoInDays(10, '17:00'),
    });
    const invitee = await createParticipant(t, organizer, { name: '締切後 一郎' });
    const inviteeEn = await createParticipant(t, organizer, { name: 'Grace Taylor', locale: 'en' });
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [invitee.id, inviteeEn.id] },
        organizer,
      ),
    );
    await sink.waitUntil(() => [invitee, inviteeEn].every((person) => sink.to(person.email).length === 1));
    await settled(eventId);
    // Staff move the 申込締切 to a time already past: nobody can answer by it, so nobody is told.
    const told = new Date(tokyoInDays(10, '17:00'));
    const closedAt = new Date(Date.now() - 60_000);
    ok(await update(eventId, { registrationClosesAt: closedAt.toISOString() }));
    await settled(eventId);
    expect([invitee, inviteeEn].map((person) => sink.to(person.email).length)).toEqual([1, 1]);
    // Then the event moves: the email shows the 申込締切 that passed, which is not the one they
    // were told, so it says it changed, and from what.
    ok(await update(eventId, { startsAt: tokyoInDays(20, '17:00'), endsAt: tokyoInDays(20, '19:00') }));
    await sink.waitUntil(() =>
      [invitee, inviteeEn].every((person) => changeMails(person.email).length === 1),
    );
    const [ja] = changeMails(invitee.email);
    expect(ja.subject).toBe(`【日時・申込締切変更】${title}`);
    expect(ja.text).toContain(`先日ご案内した「${title}」の日時・申込締切が変更になりました。`);
    expect(ja.text).toContain(
      `申込締切（${formatDeadline('ja', closedAt)}）を過ぎたため、このご招待へのお申込はメールからは承れなくなりました。ご参加を希望される場合は、大田区産業振興協会（${DEFAULT_CONTACT_EMAIL}）にお問い合わせください。`,
    );
    expect(ja.text).toContain(
      `■ 申込締切: ${formatDeadline('ja', closedAt)}（受付終了）（変更）\n  （変更前: ${formatDeadline('ja', told)}）`,
    );
    expect(ja.text).not.toContain('下のボタンから');
    expect(ja.html).not.toContain('>参加する</a>');
    expect(ja.html).not.toContain('>辞退する</a>');
    expect(ja.text).not.toContain('/invitations/respond');
    const [en] = changeMails(inviteeEn.email);
    expect(en.subject).toBe(`Time and registration deadline changed: ${title}`);
    expect(en.text).toContain(
      `Registration closes: ${formatDeadline('en', closedAt)} (closed) (changed)\n  (before: ${formatDeadline('en', told)})`,
    );
    expect(en.text).toContain(
      `Registration closed on ${formatDeadline('en', closedAt)}, so this invitation can no longer be accepted by email. If you would still like to join, please contact 大田区産業振興協会 (${DEFAULT_CONTACT_EMAIL}).`,
    );
    expect(en.html).not.toContain('>Accept</a>');
    expect(en.text).not.toContain('/invitations/respond');
    // The first invitation's 参加する page says the same, without a button.
    const page = await (await fetch(invitationAnswerLink(t, sink.to(invitee.email)[0], 1).url)).text();
    expect(page).toContain(
      `申込の受付は${formatDeadline('ja', closedAt)}で締め切りました。ご参加を希望される場合は、大田区産業振興協会（${DEFAULT_CONTACT_EMAIL}）にお問い合わせください。`,
    );
    expect(page).not.toContain('<button type="submit">参加する</button>');
  });

  it('reminds people the day before the new date, not on the old day', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'SEMINAR',
      title: '大田区 事業承継セミナー',
      startsAt: tokyoInDays(1, '14:00'),
      endsAt: tokyoInDays(1, '16:00'),
    });
    const early = await createParticipant(t, organizer, { name: '早瀬 一郎' });
    const slow = await createParticipant(t, organizer, { name: '遅延 二郎' });
    for (const person of [early, slow]) {
      ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
    }
    // Their 参加登録完了 arrives first; then the day-before scan runs for tomorrow's event. One
    // reminder goes out; the other's inbox answers "try later", so it is still waiting to be sent
    // when the event is moved.
    await sink.waitUntil(() => [early, slow].every((person) => sink.to(person.email).length === 1));
    slowInbox = slow.email.toLowerCase();
    const reminders = t.app.get(RemindersService);
    const reminded = (person: { email: string }) =>
      sink.to(person.email).filter((mail) => mail.subject.startsWith('【明日開催】'));
    expect(await reminders.writeRemindersForTomorrow()).toEqual({ events: 1, written: 2 });
    await sink.waitUntil(() => reminded(early).length === 1);
    await eventually(
      async () => sink.refusals.some((refusal) => refusal.address === slowInbox),
      'the refusal',
    );

    ok(await update(eventId, { startsAt: tokyoInDays(8, '14:00'), endsAt: tokyoInDays(8, '16:00') }));
    await sink.waitUntil(() => changeMails(slow.email).length === 1 && changeMails(early.email).length === 1);
    // The retry finds the event no longer tomorrow, and sends nothing.
    await eventually(async () => {
      const [row]: { status: string; skip_reason: string | null }[] = await t.dataSource.query(
        `SELECT status, skip_reason FROM outbox_messages WHERE template = 'reminder' AND participant_id = $1`,
        [slow.id],
      );
      return row.status === 'SKIPPED' && row.skip_reason === 'NOTHING_TO_SEND';
    }, 'the stale reminder skipped');
    expect(reminded(slow)).toHaveLength(0);
    // Today's scan finds nothing for tomorrow any more.
    expect(await reminders.writeRemindersForTomorrow()).toEqual({ events: 0, written: 0 });

    // The day before the new date, the scan writes both a reminder of it: under a key of its own,
    // as the old day's was sent or skipped; once, however often it runs that day.
    const dayBefore = new Date(Date.now() + 7 * DAY_MS);
    expect(await reminders.writeRemindersForTomorrow(dayBefore)).toEqual({ events: 1, written: 2 });
    expect(await reminders.writeRemindersForTomorrow(dayBefore)).toEqual({ events: 1, written: 0 });
    const newDay = tokyoInDays(8, '14:00').slice(0, 10);
    const keys: { key: string }[] = await t.dataSource.query(
      `SELECT key FROM outbox_messages WHERE template = 'reminder' AND event_id = $1 AND key LIKE $2`,
      [eventId, `%-${newDay}`],
    );
    expect(keys).toHaveLength(2);
    // (This test cannot wait a week: sent today, "tomorrow" would be wrong, and they are skipped.)
    await settled(eventId);
    expect(reminded(early)).toHaveLength(1);
    expect(reminded(slow)).toHaveLength(0);
  });
});
