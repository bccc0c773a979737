import ICAL from 'ical.js';
import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerEveryKind,
  staffSession,
  tokyoInDays,
  scheduleAndPublish,
} from './support/fixtures';
import { eventually } from './support/eventually';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/** 開催中止: a cancelled event leaves nothing live behind, and everyone signed up for it is told. */
describe('cancelling an event', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const calendarsIn = (address: string, subject: RegExp) =>
    sink
      .to(address)
      .filter((mail) => subject.test(mail.subject))
      .flatMap((mail) => mail.calendars)
      .map((text) => new ICAL.Component(ICAL.parse(text)));

  /**
   * A published 商談会 whose agendas went out: a meets b, c meets b (both agreed and placed), a's
   * request to c left unanswered, one person waiting for a seat and one who left.
   */
  async function aMatchingDayWithMeetings(organisation: string) {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: organisation, municipality: '大阪府東大阪市' }),
    );
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '東大阪ものづくり商談会',
      capacity: 3,
      startsAt: tokyoInDays(25, '13:00'),
      endsAt: tokyoInDays(25, '17:00'),
    });
    ok(
      await t.gql(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { id } }',
        {
          input: {
            eventId,
            startsAt: tokyoInDays(25, '14:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizer,
      ),
    );
    const people = await registerEveryKind(t, organizer, eventId);
    const request = async (from: string, to: string) =>
      ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
          { e: eventId, to: people[to].id },
          people[from].token,
        ),
      ).requestMeeting.id;
    const accept = (id: string, by: string) =>
      t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
        { id },
        people[by].token,
      );
    const ab = await request('a', 'b');
    const cb = await request('c', 'b');
    const ac = await request('a', 'c'); // left unanswered
    ok(await accept(ab, 'b'));
    ok(await accept(cb, 'b'));
    await scheduleAndPublish(t, organizer, eventId);
    const outstanding = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE event_id = $1 AND status IN ('PENDING', 'SENDING')`,
          [eventId],
        )
      )[0].n as number;
    await eventually(async () => (await outstanding()) === 0, 'the agendas sent');
    return { organizer, eventId, people, ab, cb, ac, outstanding };
  }

  it('calls off its meetings and requests, and emails each registered or waitlisted person once', async () => {
    const { organizer, eventId, people, ab, cb, ac, outstanding } =
      await aMatchingDayWithMeetings('東大阪商工会議所');
    const [{ status: waitingStatus }] = await t.dataSource.query(
      'SELECT status FROM registrations WHERE id = $1',
      [people.waiting.registrationId],
    );
    expect(waitingStatus).toBe('WAITLISTED');

    ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: eventId }, organizer));

    const meetings: { status: string; sequence: number }[] = await t.dataSource.query(
      'SELECT status, sequence FROM meetings WHERE event_id = $1 ORDER BY id',
      [eventId],
    );
    expect(meetings).toEqual([
      { status: 'CANCELLED', sequence: 1 },
      { status: 'CANCELLED', sequence: 1 },
    ]);
    const requests: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM meeting_requests WHERE id = ANY($1)',
      [[ab, cb, ac]],
    );
    expect(requests.map((row) => row.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);

    const cancelled = /開催中止|^Cancelled:/;
    await sink.waitUntil(() =>
      ['a', 'b', 'c', 'waiting'].every((key) =>
        sink.to(people[key].email).some((mail) => cancelled.test(mail.subject)),
      ),
    );
    const [ja] = sink.to(people.a.email).filter((mail) => cancelled.test(mail.subject));
    expect(ja.subject).toBe('【開催中止】東大阪ものづくり商談会');
    expect(ja.text).toContain('髙橋 一郎 様');
    expect(ja.text).toContain('開催を中止することとなりました');
    expect(ja.text).toContain('予定されていた面談（1件）もすべて中止となります');
    expect(ja.text).toContain(
      '添付のカレンダーファイルを開くと、カレンダーからこのイベントと面談の予定が削除されます。',
    );
    const [calendar] = calendarsIn(people.a.email, cancelled);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevents = calendar.getAllSubcomponents('vevent');
    for (const vevent of vevents) {
      expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
    }
    // The event's own entry, which the registration confirmation put on the calendar, goes too: the
    // same UID as there and in the feed, at the SEQUENCE the cancellation raised.
    expect(vevents.map((vevent) => vevent.getFirstPropertyValue('uid'))).toEqual([
      `event-${eventId}@tsunagu`,
      expect.stringMatching(/^meeting-/),
    ]);
    const [{ sequence: eventSequence }] = await t.dataSource.query(
      'SELECT sequence FROM events WHERE id = $1',
      [eventId],
    );
    expect(eventSequence).toBe(1);

    const [en] = sink.to(people.b.email).filter((mail) => cancelled.test(mail.subject));
    expect(en.subject).toBe('Cancelled: 東大阪ものづくり商談会');
    expect(en.text).toContain(
      'Your 2 meetings at the event are cancelled too. The attached calendar file removes the event and your meetings from your calendar.',
    );
    const enEntries = calendarsIn(people.b.email, cancelled)[0].getAllSubcomponents('vevent');
    expect(enEntries).toHaveLength(3);
    expect(enEntries[0].getFirstPropertyValue('summary')).toBe('東大阪ものづくり商談会 (Business matching)');

    // Waiting for a seat: told, with nothing to take off a calendar.
    const [waiting] = sink.to(people.waiting.email).filter((mail) => cancelled.test(mail.subject));
    expect(waiting.subject).toBe('【開催中止】東大阪ものづくり商談会');
    expect(waiting.parsed?.attachments ?? []).toHaveLength(0);

    // The agenda feed shows the meetings cancelled.
    const { feedUrl } = ok(
      await t.gql<{ myAgenda: { feedUrl: string } }>(
        'query($e: ID!) { myAgenda(eventId: $e) { feedUrl } }',
        { e: eventId },
        people.a.token,
      ),
    ).myAgenda;
    const feed = await (await fetch(feedUrl)).text();
    expect(feed).toContain('STATUS:CANCELLED');
    expect(feed).not.toContain('STATUS:CONFIRMED');

    // Once each, and nothing to whoever had already left. An email can reach the sink a moment
    // before its row is marked sent: wait for the outbox rather than read it at once.
    await eventually(async () => (await outstanding()) === 0, 'the cancellation emails marked sent');
    expect(sink.to(people.leaver.email).filter((m) => cancelled.test(m.subject))).toHaveLength(0);
    expect(
      ['a', 'b', 'c', 'waiting'].map(
        (key) => sink.to(people[key].email).filter((m) => cancelled.test(m.subject)).length,
      ),
    ).toEqual([1, 1, 1, 1]);
  });

  it('lists only the meetings it calls off: one called off before was told then', async () => {
    const { organizer, eventId, people, ab, cb, outstanding } = await aMatchingDayWithMeetings('布施商工会');
    const meetingOf = async (requestId: string) =>
      (await t.dataSource.query('SELECT id FROM meetings WHERE request_id = $1', [requestId]))[0]
        .id as string;
    const called = await meetingOf(cb);
    ok(await t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { status } }', { id: called }, organizer));
    await eventually(async () => (await outstanding()) === 0, 'the 面談中止 emails sent');
    ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: eventId }, organizer));

    const cancelled = /開催中止|^Cancelled:/;
    await sink.waitUntil(() =>
      ['b', 'c'].every((key) => sink.to(people[key].email).some((mail) => cancelled.test(mail.subject))),
    );
    // b still had the meeting with a: that one, not the one with c again.
    const [en] = sink.to(people.b.email).filter((mail) => cancelled.test(mail.subject));
    expect(en.text).toContain(
      'Your meeting at the event is cancelled too. The attached calendar file removes the event and your meeting from your calendar.',
    );
    const uids = calendarsIn(people.b.email, cancelled)[0]
      .getAllSubcomponents('vevent')
      .map((vevent) => vevent.getFirstPropertyValue('uid'));
    expect(uids).toEqual([`event-${eventId}@tsunagu`, `meeting-${await meetingOf(ab)}@tsunagu`]);
    // c's only meeting was called off before: the email speaks of the event alone.
    const [ja] = sink.to(people.c.email).filter((mail) => cancelled.test(mail.subject));
    expect(ja.text).not.toContain('予定されていた面談');
    expect(ja.text).toContain(
      '添付のカレンダーファイルを開くと、カレンダーからこのイベントの予定が削除されます。',
    );
    expect(
      calendarsIn(people.c.email, cancelled)[0]
        .getAllSubcomponents('vevent')
        .map((vevent) => vevent.getFirstPropertyValue('uid')),
    ).toEqual([`event-${eventId}@tsunagu`]);
  });

  it('tells an invitee who has not answered as an invitation: the unsubscribe in its footer, as in its header', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '葛飾区商工会議所' }),
    );
    const eventId = await createPublishedEvent(t, organizer, { title: '葛飾 事業承継サロン' });
    const ja = await createParticipant(t, organizer, { name: '招待 一郎' });
    const en = await createParticipant(t, organizer, { name: 'Oliver Grant', locale: 'en' });
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [ja.id, en.id] },
        organizer,
      ),
    );
    await sink.waitUntil(() => [ja, en].every((person) => sink.to(person.email).length === 1));
    // Someone holding a seat hears as a service message: no unsubscribe there.
    const { a: seated } = await registerEveryKind(t, organizer, eventId);
    ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: eventId }, organizer));

    const cancelled = /開催中止|^Cancelled:/;
    const cancellationTo = (address: string) => sink.to(address).find((mail) => cancelled.test(mail.subject));
    await sink.waitUntil(() => [ja, en, seated].every((person) => cancellationTo(person.email)));
    const unsubscribeOf = (mail: ReceivedMail) => /^<(.+)>$/.exec(mail.header('List-Unsubscribe') ?? '')?.[1];

    const jaMail = cancellationTo(ja.email)!;
    expect(jaMail.text).toContain(
      'ご招待しておりました「葛飾 事業承継サロン」は、開催を中止することとなりました。',
    );
    const jaUrl = unsubscribeOf(jaMail);
    expect(jaUrl).toMatch(new RegExp(`^${t.url}/unsubscribe/${ja.id}\\.`));
    expect(jaMail.text).toContain(
      `今後のご案内メールが不要な方は、次のリンクから配信を停止できます。\n${jaUrl}`,
    );
    expect(jaMail.html).toContain(`<a href="${jaUrl}" style="color:#52606d">配信停止</a>`);

    const enMail = cancellationTo(en.email)!;
    expect(enMail.text).toContain('to which you were invited, has been cancelled.');
    const enUrl = unsubscribeOf(enMail);
    expect(enUrl).toMatch(new RegExp(`^${t.url}/unsubscribe/${en.id}\\.`));
    expect(enMail.text).toContain(
      `If you no longer wish to receive these emails, you can unsubscribe here:\n${enUrl}`,
    );
    expect(enMail.html).toContain(`<a href="${enUrl}" style="color:#52606d">Unsubscribe</a>`);

    const seatedMail = cancellationTo(seated.email)!;
    expect(seatedMail.header('List-Unsubscribe')).toBeUndefined();
    expect(seatedMail.text).not.toContain('配信を停止');
    expect(seatedMail.html).not.toContain('配信停止');
  });
});
