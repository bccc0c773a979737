import { Role } from '../src/auth/actor';
import { toTokyoIso } from '../src/common/graphql/tokyo-date-time.scalar';
import { formatEventTime, formatShortTime } from '../src/mail/templates/mail-dates';
import { fetchCsv } from './support/csv-export';
import { browse, submitForm } from './support/browser';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  emailProgress,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
  scheduleAndWait,
  updateEvent,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

interface Person {
  id: string;
  email: string;
  token: string;
}

/**
 * A participant's agenda as they read it: who each meeting is with, and the agreed meetings the
 * schedule had no room for. 中野 has two slots and agrees to meet three people.
 */
describe('agenda: the person met, and agreed meetings without a time', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;
  let sessionId: string;
  const people: Record<'nakano' | 'ando' | 'inoue' | 'emma', Person> = {} as never;
  /** Moves Emma's meeting with 中野 within 午前の部 (set up by the test that adds it). */
  let moveEmmas: (slotIndex: number, table: string) => Promise<void>;
  const requests: Record<'ando' | 'inoue' | 'emma', string> = {} as never;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ ...sink.appSettings(), SCHEDULING_TIME_LIMIT_MS: '2000' });
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '中野区産業振興センター' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'なかの ものづくり商談会',
      venue: '中野区産業振興センター 3階',
      venueEn: 'Nakano Industrial Promotion Center, 3F',
      startsAt: tokyoInDays(30, '13:00'),
      endsAt: tokyoInDays(30, '17:00'),
    });
    sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      name: '午後の部',
      startsAt: tokyoInDays(30, '14:00'),
      slotMinutes: 30,
      slotCount: 2,
      tableCount: 3,
    });
    people.nakano = await make({
      name: '中野 健一',
      furigana: 'ナカノ ケンイチ',
      company: { name: '中野精機株式会社' },
    });
    people.ando = await make({
      name: '安藤 美咲',
      furigana: 'アンドウ ミサキ',
      title: '代表取締役',
      company: { name: '安藤金型製作所' },
      offers: ['金型設計'],
    });
    people.inoue = await make({ name: '井上 誠', furigana: 'イノウエ マコト' });
    people.emma = await make({ name: 'Emma Clarke', furigana: 'エマ クラーク', locale: 'en' });
    // 安藤 and 井上 asked 中野, so 中野 is participantB of both meetings.
    requests.ando = await agree(people.ando, people.nakano);
    requests.inoue = await agree(people.inoue, people.nakano);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const make = async (input: Record<string, unknown>): Promise<Person> => {
    const participant = await createParticipant(t, organizer, { consentContactSharing: true, ...input });
    ok(await t.gql(registerMutation(), { eventId, participantId: participant.id }, organizer));
    return { ...participant, token: await t.participantToken(participant.id) };
  };
  /** `from` asks `to`, `to` accepts: an agreed meeting without a slot yet. */
  const agree = async (from: Person, to: Person) => {
    const { id } = ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to: to.id },
        from.token,
      ),
    ).requestMeeting;
    ok(
      await t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
        { id },
        to.token,
      ),
    );
    return id;
  };
  /** The organiser places an agreed meeting by hand, so the test knows who gets which slot. */
  const place = async (requestId: string, slotIndex: number, table: string) =>
    ok(
      await t.gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!, $slot: Int!, $table: String) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $slot, table: $table) { id } }',
        { r: requestId, s: sessionId, slot: slotIndex, table },
        organizer,
      ),
    ).placeMeeting;
  const publish = async () => {
    const { publishSchedule } = ok(
      await t.gql<{
        publishSchedule: {
          publishedMeetings: number;
          unscheduledMeetings: number;
          notifiedParticipants: number;
          batchId: string;
        };
      }>(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings unscheduledMeetings notifiedParticipants batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    await eventually(
      async () =>
        (await emailProgress(t, organizer, eventId, publishSchedule.batchId)).sent ===
        publishSchedule.notifiedParticipants,
      'agendas sent',
    );
    return publishSchedule;
  };
  const consentToShare = async (person: Person, consent: boolean) =>
    ok(
      await t.gql(
        'mutation($c: Boolean!) { updateMyProfile(input: { consentContactSharing: $c }) { id } }',
        { c: consent },
        person.token,
      ),
    );
  const agendaMails = (person: Person) =>
    sink.to(person.email).filter((mail) => /面談スケジュール|meeting schedule/.test(mail.subject));
  const agendaOf = async <T>(person: Person, selection: string) =>
    ok(
      await t.gql<{ myAgenda: T }>(
        `query($e: ID!) { myAgenda(eventId: $e) { ${selection} } }`,
        { e: eventId },
        person.token,
      ),
    ).myAgenda;

  /** A slot of 午後の部 as the agenda prints it (30-minute slots from 14:00), and its short form. */
  const slotStart = (index: number) =>
    new Date(new Date(tokyoInDays(30, '14:00')).getTime() + index * 30 * 60_000);
  const slot = (locale: 'ja' | 'en', index: number) =>
    formatEventTime(locale, slotStart(index), new Date(slotStart(index).getTime() + 30 * 60_000));
  const short = (locale: 'ja' | 'en', index: number) => formatShortTime(locale, slotStart(index));
  /** Every email of the event sent and recorded: what a participant holds is settled. */
  const mailSettled = () =>
    eventually(
      async () =>
        Number(
          (
            (await t.dataSource.query(
              `SELECT count(*) AS open FROM outbox_messages WHERE event_id = $1 AND is_open`,
              [eventId],
            )) as { open: string }[]
          )[0].open,
        ) === 0,
      'emails of the event sent',
    );

  it('names the person each meeting is with, whichever side asked', async () => {
    await place(requests.ando, 0, '1');
    await place(requests.inoue, 1, '2');
    expect(await publish()).toMatchObject({ publishedMeetings: 2, notifiedParticipants: 3 });

    type Entry = {
      startsAt: string;
      table: string;
      participantB: { name: string };
      other: {
        id: string;
        name: string;
        title: string | null;
        company: { name: string } | null;
        offers: string[];
        email: string | null;
      };
    };
    const mine = await agendaOf<{ meetings: Entry[] }>(
      people.nakano,
      'meetings { startsAt table participantB { name } other { id name title company { name } offers email } }',
    );
    // participantB is the person asked: 中野 himself in both. `other` is who he meets.
    expect(mine.meetings.map((m) => m.participantB.name)).toEqual(['中野 健一', '中野 健一']);
    expect(mine.meetings.map((m) => [m.table, m.other.name])).toEqual([
      ['1', '安藤 美咲'],
      ['2', '井上 誠'],
    ]);
    expect(mine.meetings[0].other).toEqual({
      id: people.ando.id,
      name: '安藤 美咲',
      title: '代表取締役',
      company: { name: '安藤金型製作所' },
      offers: ['金型設計'],
      email: people.ando.email,
    });
    const andos = await agendaOf<{ meetings: Entry[] }>(
      people.ando,
      'meetings { other { name company { name } } }',
    );
    expect(andos.meetings).toEqual([{ other: { name: '中野 健一', company: { name: '中野精機株式会社' } } }]);
    // Staff are no side of it: no "other" for them.
    const staffView = ok(
      await t.gql<{ meetings: { edges: { node: { other: unknown } }[] } }>(
        'query($e: ID!) { meetings(eventId: $e) { edges { node { other { name } } } } }',
        { e: eventId },
        organizer,
      ),
    ).meetings.edges.map((edge) => edge.node.other);
    expect(staffView).toEqual([null, null]);
    await sink.waitUntil(() => agendaMails(people.nakano).length === 1);
  });

  it('tells both sides of an agreed meeting the schedule had no room for, apart from the timed ones', async () => {
    requests.emma = await agree(people.nakano, people.emma);
    const started = ok(
      await t.gql<{ scheduleMeetings: { id: string } }>(
        'mutation($e: ID!) { scheduleMeetings(eventId: $e) { id } }',
        { e: eventId },
        organizer,
      ),
    ).scheduleMeetings;
    type Run = { status: string; scheduledCount: number; unscheduled: { requestId: string; code: string }[] };
    const run = await eventually(async () => {
      const current = ok(
        await t.gql<{ schedulingRun: Run }>(
          'query($id: ID!) { schedulingRun(id: $id) { status scheduledCount unscheduled { requestId code } } }',
          { id: started.id },
          organizer,
        ),
      ).schedulingRun;
      return ['SUCCEEDED', 'FAILED'].includes(current.status) && current;
    }, 'scheduling run');
    // 中野's two slots are taken by published meetings: the organiser sees the pair left out, and
    // why — no free slot for 中野 (no cap was set, so none is reached).
    expect(run).toMatchObject({ status: 'SUCCEEDED', scheduledCount: 0 });
    expect(run.unscheduled).toEqual([{ requestId: requests.emma, code: 'NO_FREE_SLOT' }]);

    expect(await publish()).toMatchObject({
      publishedMeetings: 0,
      unscheduledMeetings: 1,
      notifiedParticipants: 2,
    });
    await sink.waitUntil(
      () => agendaMails(people.nakano).length === 2 && agendaMails(people.emma).length === 1,
    );

    // 中野 was sent his agenda before: this one says what is new since.
    const nakanos = agendaMails(people.nakano)[1];
    expect(nakanos.subject).toBe(
      '【面談スケジュール（変更あり）】なかの ものづくり商談会（2件・時間未定1件）',
    );
    expect(nakanos.text).toContain('安藤金型製作所 安藤 美咲 様\n  テーブル 1');
    expect(nakanos.text).not.toContain('【変更】');
    expect(nakanos.text).toContain(
      '■ 時間が未定の面談\n次の方との面談は成立していますが、時間枠に入りきらなかったため、時間と場所が決まっていません。お手数ですが、当日、会場の受付でご相談ください。',
    );
    expect(nakanos.text).toContain('・【追加】Emma Clarke 様\n');
    // The calendar holds the two meetings with a time, nothing for the one without.
    expect(nakanos.calendars).toHaveLength(1);
    expect(nakanos.calendars[0].match(/BEGIN:VEVENT/g)).toHaveLength(2);

    // Emma has no meeting with a time at all, and is told in English.
    const [emmas] = agendaMails(people.emma);
    expect(emmas.subject).toBe(
      'Your meeting schedule: なかの ものづくり商談会 (1 meeting without a time yet)',
    );
    expect(emmas.text).toContain(
      '■ Meetings without a time yet\nYour meetings with the people below are agreed, but they did not fit into the time slots, so no time or place has been set. Please ask at the reception desk at the venue on the day.',
    );
    expect(emmas.text).toContain('- 中野 健一 (中野精機株式会社)\n');
    expect(emmas.calendars).toEqual([]);

    type Agenda = {
      meetings: { other: { name: string } }[];
      unscheduled: {
        requestId: string;
        other: { name: string; company: { name: string } | null; email: string | null };
      }[];
    };
    const selection =
      'meetings { other { name } } unscheduled { requestId other { name company { name } email } }';
    expect(await agendaOf<Agenda>(people.nakano, selection)).toEqual({
      meetings: [{ other: { name: '安藤 美咲' } }, { other: { name: '井上 誠' } }],
      unscheduled: [
        { requestId: requests.emma, other: { name: 'Emma Clarke', company: null, email: people.emma.email } },
      ],
    });
    expect(await agendaOf<Agenda>(people.emma, selection)).toEqual({
      meetings: [],
      unscheduled: [
        {
          requestId: requests.emma,
          other: { name: '中野 健一', company: { name: '中野精機株式会社' }, email: people.nakano.email },
        },
      ],
    });
    // 安藤 has nothing without a time.
    expect(await agendaOf<Agenda>(people.ando, selection)).toMatchObject({ unscheduled: [] });

    // Publishing again tells nobody the same thing twice.
    expect(await publish()).toMatchObject({
      publishedMeetings: 0,
      unscheduledMeetings: 0,
      notifiedParticipants: 0,
    });
  });

  it('moves the meeting out of the part without a time once a slot is freed for it', async () => {
    const [withAndo] = (
      await agendaOf<{ meetings: { id: string; other: { name: string } }[] }>(
        people.ando,
        'meetings { id other { name } }',
      )
    ).meetings;
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelMeeting(id: $id) { status } }',
        { id: withAndo.id },
        people.ando.token,
      ),
    );
    // The freed slot goes to 中野 and Emma, published at once: both get their agenda again.
    await sink.waitUntil(
      () => agendaMails(people.nakano).length === 3 && agendaMails(people.emma).length === 2,
    );
    const nakanos = agendaMails(people.nakano)[2];
    expect(nakanos.subject).toBe('【面談スケジュール（変更あり）】なかの ものづくり商談会（2件）');
    expect(nakanos.text).not.toContain('■ 時間が未定の面談');
    // The meeting that had no time has one now; the one 安藤 called off is listed as gone.
    expect(nakanos.text).toContain(
      `■ 【変更】${slot('ja', 0)}: Emma Clarke 様\n  テーブル 1\n  （変更前: 時間未定）\n`,
    );
    expect(nakanos.text).toContain(`■ ${slot('ja', 1)}: 井上 誠 様\n  テーブル 2\n\n`);
    expect(nakanos.text).toContain(
      `■ 取り消しになった面談\n前回お送りしたスケジュールにあった次の面談は、取り消しになりました。\n・安藤金型製作所 安藤 美咲 様\n  （${short('ja', 0)} テーブル 1）\n`,
    );
    const emmas = agendaMails(people.emma)[1];
    expect(emmas.subject).toBe('Updated meeting schedule: なかの ものづくり商談会 (1 meeting)');
    expect(emmas.text).not.toContain('without a time yet\n');
    expect(emmas.text).toContain(
      `■ [Changed] ${slot('en', 0)}: 中野 健一 (中野精機株式会社)\n  Table 1\n  (before: no time yet)\n`,
    );
    expect(emmas.calendars).toHaveLength(1);
    // Her calendar entry sends her to the venue as she can read it, the table set apart from it
    // (「、」 in Japanese), in the email's file as in her feed.
    expect(emmas.calendars[0]).toContain('LOCATION:Nakano Industrial Promotion Center\\, 3F\\, Table 1');
    expect(nakanos.calendars[0]).toContain('LOCATION:中野区産業振興センター 3階、テーブル 1');
    const { feedUrl } = await agendaOf<{ feedUrl: string }>(people.emma, 'feedUrl');
    expect(await (await fetch(feedUrl)).text()).toContain(
      'LOCATION:Nakano Industrial Promotion Center\\, 3F\\, Table 1',
    );
    const emmaAgenda = await agendaOf<{
      meetings: { table: string; other: { name: string } }[];
      unscheduled: unknown[];
    }>(people.emma, 'meetings { table other { name } } unscheduled { requestId }');
    expect(emmaAgenda).toEqual({ meetings: [{ table: '1', other: { name: '中野 健一' } }], unscheduled: [] });
  });
  it('marks what moved in the agenda sent after moveMeeting, and on publishing again emails only whom it concerns', async () => {
    await mailSettled();
    const sent = {
      nakano: agendaMails(people.nakano).length,
      inoue: agendaMails(people.inoue).length,
      ando: agendaMails(people.ando).length,
      emma: agendaMails(people.emma).length,
    };
    // A later block at 16:00: the organiser moves 井上's meeting there, to another table.
    const evening = await addMatchmakingSession(t, organizer, {
      eventId,
      name: '夕方の部',
      startsAt: tokyoInDays(30, '16:00'),
      slotMinutes: 30,
      slotCount: 1,
      tableCount: 3,
    });
    const withInoue = (
      await agendaOf<{ meetings: { id: string; other: { name: string } }[] }>(
        people.inoue,
        'meetings { id other { name } }',
      )
    ).meetings[0];
    ok(
      await t.gql(
        'mutation($id: ID!, $s: ID!) { moveMeeting(id: $id, sessionId: $s, slotIndex: 0, table: "3") { id } }',
        { id: withInoue.id, s: evening },
        organizer,
      ),
    );
    await sink.waitUntil(
      () =>
        agendaMails(people.nakano).length === sent.nakano + 1 &&
        agendaMails(people.inoue).length === sent.inoue + 1,
    );
    const four = formatEventTime(
      'ja',
      new Date(tokyoInDays(30, '16:00')),
      new Date(tokyoInDays(30, '16:30')),
    );
    const nakanos = agendaMails(people.nakano).at(-1)!;
    expect(nakanos.subject).toBe('【面談スケジュール（変更あり）】なかの ものづくり商談会（2件）');
    expect(nakanos.text).toContain(
      '前回お送りしたときから変更1件がありましたので、あらためてお送りします。変更のあった面談に【変更】と記しています。',
    );
    expect(nakanos.text).toContain(
      `■ 【変更】${four}: 井上 誠 様\n  テーブル 3\n  （変更前: ${short('ja', 1)} テーブル 2）\n`,
    );
    // Emma's meeting did not move since his last agenda: no mark, and nothing is listed as gone.
    expect(nakanos.text).toContain(`■ ${slot('ja', 0)}: Emma Clarke 様\n  テーブル 1\n■ 【変更】`);
    expect(nakanos.text).not.toContain('取り消しになった面談');
    expect(nakanos.html).toContain(`<strong style="color:#b42318">【変更】</strong>${four}`);
    expect(nakanos.html).toContain(`（変更前: ${short('ja', 1)} テーブル 2）`);
    const inoues = agendaMails(people.inoue).at(-1)!;
    expect(inoues.subject).toBe('【面談スケジュール（変更あり）】なかの ものづくり商談会（1件）');
    expect(inoues.text).toContain(`（変更前: ${short('ja', 1)} テーブル 2）`);
    await mailSettled();

    // 安藤, whose meeting was called off, agrees to meet 井上; a new run places it and it is published.
    await agree(people.ando, people.inoue);
    await scheduleAndWait(t, organizer, eventId);
    // Only the two it concerns are told; 中野 and Emma have nothing new.
    expect(await publish()).toMatchObject({ publishedMeetings: 1, notifiedParticipants: 2 });
    await mailSettled();
    expect(agendaMails(people.nakano)).toHaveLength(sent.nakano + 1);
    expect(agendaMails(people.emma)).toHaveLength(sent.emma);

    const inouesNext = agendaMails(people.inoue).at(-1)!;
    expect(inouesNext.subject).toBe('【面談スケジュール（変更あり）】なかの ものづくり商談会（2件）');
    expect(inouesNext.text).toMatch(/■ 【追加】[^\n]+: 安藤金型製作所 安藤 美咲 様\n {2}テーブル \d\n/);
    // The move was in his last agenda already: not marked again.
    expect(inouesNext.text).toContain(`■ ${four}: 中野精機株式会社 中野 健一 様\n  テーブル 3\n`);
    expect(inouesNext.text).toContain('追加1件がありました');
    // 安藤's last agenda still had 中野: gone since, as well as the new one.
    const andos = agendaMails(people.ando).at(-1)!;
    expect(agendaMails(people.ando)).toHaveLength(sent.ando + 1);
    expect(andos.subject).toBe('【面談スケジュール（変更あり）】なかの ものづくり商談会（1件）');
    expect(andos.text).toMatch(/■ 【追加】[^\n]+: 井上 誠 様\n/);
    expect(andos.text).toContain(
      `■ 取り消しになった面談\n前回お送りしたスケジュールにあった次の面談は、取り消しになりました。\n・中野精機株式会社 中野 健一 様\n  （${short('ja', 0)} テーブル 1）\n`,
    );
    expect(andos.text).toContain('追加1件・取り消し1件がありました');
  });

  it('marks on myAgenda what changed since the reader last looked; an email sent is not taken as read', async () => {
    await mailSettled();
    type Change = {
      kind: string;
      meetingId: string | null;
      previousStartsAt: string | null;
      previousTable: string | null;
      other: { name: string } | null;
    };
    type Seen = {
      meetings: { id: string; other: { name: string } }[];
      changes: Change[];
      changesSince: string | null;
      version: string;
    };
    const selection =
      'meetings { id other { name } } changes { kind meetingId previousStartsAt previousTable other { name } } changesSince version';
    const seenBy = (person: Person) => agendaOf<Seen>(person, selection);
    const markSeen = (person: Person, version: string) =>
      t.gql<{ markAgendaSeen: Seen }>(
        `mutation($e: ID!, $v: String!) { markAgendaSeen(eventId: $e, version: $v) { ${selection} } }`,
        { e: eventId, v: version },
        person.token,
      );
    const iso = toTokyoIso;

    // 中野 has never marked his agenda seen: the marks are against the first one he was sent
    // (安藤 at 14:00, 井上 at 14:30), though three more have reached him since.
    const [{ firstSent }]: { firstSent: Date }[] = await t.dataSource.query(
      `SELECT min(m.sent_at) AS "firstSent" FROM agenda_deliveries d JOIN outbox_messages m ON m.id = d.outbox_message_id
        WHERE d.participant_id = $1 AND d.event_id = $2`,
      [people.nakano.id, eventId],
    );
    const before = await seenBy(people.nakano);
    const [withEmma, withInoue] = before.meetings;
    expect(before.changesSince).toBe(iso(firstSent));
    expect(before.changes).toEqual([
      {
        kind: 'ADDED',
        meetingId: withEmma.id,
        previousStartsAt: null,
        previousTable: null,
        other: { name: 'Emma Clarke' },
      },
      {
        kind: 'CHANGED',
        meetingId: withInoue.id,
        previousStartsAt: iso(slotStart(1)),
        previousTable: '2',
        other: { name: '井上 誠' },
      },
      {
        kind: 'REMOVED',
        meetingId: expect.any(String),
        previousStartsAt: iso(slotStart(0)),
        previousTable: '1',
        other: { name: '安藤 美咲' },
      },
    ]);

    // An early block at 13:00; the organiser moves Emma's meeting there while 中野 reads.
    const early = await addMatchmakingSession(t, organizer, {
      eventId,
      name: '午前の部',
      startsAt: tokyoInDays(30, '13:00'),
      slotMinutes: 30,
      slotCount: 2,
      tableCount: 3,
    });
    moveEmmas = async (slotIndex: number, table: string) => {
      ok(
        await t.gql(
          'mutation($id: ID!, $s: ID!, $slot: Int!, $table: String) { moveMeeting(id: $id, sessionId: $s, slotIndex: $slot, table: $table) { id } }',
          { id: withEmma.id, s: early, slot: slotIndex, table },
          organizer,
        ),
      );
      await mailSettled();
    };
    const move = moveEmmas;
    await move(0, '1');
    // What he read is out of date: marking it seen would hide the move from him.
    const stale = await markSeen(people.nakano, before.version);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENDA_CHANGED_SINCE_READ',
      field: 'version',
    });
    expect(stale.errors?.[0].message).toBe(
      '表示した後に面談スケジュールが変わりました。読み込み直して、変更をご確認ください',
    );
    expect(
      await t.dataSource.query('SELECT 1 FROM agenda_views WHERE participant_id = $1', [people.nakano.id]),
    ).toEqual([]);

    const reread = await seenBy(people.nakano);
    expect(reread.version).not.toBe(before.version);
    const seen = ok(await markSeen(people.nakano, reread.version)).markAgendaSeen;
    expect(seen.changes).toEqual([]);
    expect(Date.parse(seen.changesSince!)).toBeGreaterThan(firstSent.getTime());
    expect(await seenBy(people.nakano)).toEqual(seen);

    // Moved again after he looked: marked against what he saw (13:00, table 1), not the first email.
    await move(1, '2');
    const after = await seenBy(people.nakano);
    expect(after.changesSince).toBe(seen.changesSince);
    expect(after.changes).toEqual([
      {
        kind: 'CHANGED',
        meetingId: withEmma.id,
        previousStartsAt: iso(new Date(tokyoInDays(30, '13:00'))),
        previousTable: '1',
        other: { name: 'Emma Clarke' },
      },
    ]);
    // Emma's first agenda listed this meeting without a time.
    expect((await seenBy(people.emma)).changes).toEqual([
      {
        kind: 'CHANGED',
        meetingId: withEmma.id,
        previousStartsAt: null,
        previousTable: null,
        other: { name: '中野 健一' },
      },
    ]);
    // The other side as meetings[] shows them: contact only as that side consented.
    const contact = 'other { name email phone erased }';
    const emmas = await agendaOf<{ meetings: { other: unknown }[]; changes: { other: unknown }[] }>(
      people.emma,
      `meetings { ${contact} } changes { ${contact} }`,
    );
    expect(emmas.changes[0].other).toEqual(emmas.meetings[0].other);
    expect(emmas.changes[0].other).toMatchObject({ email: people.nakano.email });
    await consentToShare(people.nakano, false);
    const withheld = await agendaOf<{ changes: { other: unknown }[] }>(people.emma, `changes { ${contact} }`);
    expect(withheld.changes[0].other).toEqual({ name: '中野 健一', email: null, phone: null, erased: false });
    await consentToShare(people.nakano, true);
  });

  it('opens the agenda as it stands from the agenda email, marked; a fetch marks nothing, 確認しました does', async () => {
    const pageLink = (person: Person) => {
      const text = agendaMails(person).at(-1)!.text;
      return /▶ (?:最新の面談スケジュールを見る|See your latest schedule)\n(\S+)\n/.exec(text)![1];
    };
    const seenAt = async () =>
      (
        (await t.dataSource.query(
          'SELECT seen_at AS "seenAt" FROM agenda_views WHERE participant_id = $1 AND event_id = $2',
          [people.nakano.id, eventId],
        )) as { seenAt: Date }[]
      )[0]?.seenAt.toISOString();
    /** Per meeting on the floor sheet: each side and whether they saw it where it is now. */
    const seenOnSheet = async () => {
      const { lines } = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, organizer);
      const header = lines[0].split(',');
      return lines.slice(1).map((line) => {
        const cells = line.split(',');
        return ['氏名A', 'スケジュール確認A', '氏名B', 'スケジュール確認B'].map(
          (column) => cells[header.indexOf(column)],
        );
      });
    };
    const url = pageLink(people.nakano);
    expect(url).toMatch(new RegExp(`^${t.url}/my-agenda/${people.nakano.id}\\.[\\w-]{43}/${eventId}$`));
    const before = await seenAt();
    const open = async () => {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      // Opened again on the day, it is never an older copy.
      expect(response.headers.get('cache-control')).toBe('no-store');
      return response.text();
    };
    const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1];
    const html = await open();
    // He marked it seen at 13:00, table 1; it has moved to 13:30, table 2 since.
    expect(html).toContain('<title>面談スケジュール（なかの ものづくり商談会）</title>');
    expect(html).toMatch(
      /前回ご確認いただいたスケジュール（[^）]+）から、変更1件があります。【変更】の印のある面談をご確認ください。/,
    );
    const early = (slot: number) =>
      new Date(new Date(tokyoInDays(30, '13:00')).getTime() + slot * 30 * 60_000);
    expect(html).toContain(
      `<strong style="color:#b42318">【変更】</strong>${formatEventTime('ja', early(1), early(2))}</div><div>Emma Clarke 様<br>テーブル 2<br>（変更前: ${formatShortTime('ja', early(0))} テーブル 1）</div>`,
    );
    expect(html).toContain('会場</div><div>中野区産業振興センター 3階</div>');
    expect(html).toContain('<button type="submit">確認しました</button>');
    // Opening it (or a mail scanner fetching it) marks nothing seen.
    await open();
    expect(await seenAt()).toBe(before);
    expect((await agendaOf<{ changes: unknown[] }>(people.nakano, 'changes { kind }')).changes).toHaveLength(
      1,
    );

    // It moves again while the page is open: 確認しました with what he was shown is not taken.
    const shown = versionIn(html)!;
    await moveEmmas(0, '3');
    const post = (version: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ version }).toString(),
      });
    const refused = await post(shown);
    expect(refused.status).toBe(200);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('表示した後に面談スケジュールが変わりました。');
    expect(refusedHtml).toContain(`（変更前: ${formatShortTime('ja', early(0))} テーブル 1）`);
    expect(await seenAt()).toBe(before);

    // What he last marked seen had Emma's meeting at 13:00, table 1: not where it is now.
    expect(await seenOnSheet()).toEqual(
      expect.arrayContaining([
        ['中野 健一', 'いいえ', 'Emma Clarke', 'いいえ'],
        ['井上 誠', 'いいえ', '中野 健一', 'はい'],
      ]),
    );
    const seen = await post(versionIn(refusedHtml)!);
    // In Japanese, Tokyo time goes without saying.
    expect(await seen.text()).toMatch(
      /確認済みにしました（\d{1,2}月\d{1,2}日\([月火水木金土日]\) \d{2}:\d{2}）。/,
    );
    expect(await seenAt()).not.toBe(before);
    const after = await open();
    expect(after).toMatch(/前回ご確認いただいたスケジュール（[^）]+）から、変更はありません。/);
    // Staff move the venue: the page opened at once says where, not what it said seconds ago.
    const moveTo = (floor: number) =>
      updateEvent(t, organizer, eventId, {
        venue: `中野区産業振興センター ${floor}階`,
        venueEn: `Nakano Industrial Promotion Center, ${floor}F`,
      });
    await moveTo(2);
    expect(await open()).toContain('会場</div><div>中野区産業振興センター 2階</div>');
    await moveTo(3);
    expect(after).not.toContain('【変更】');
    expect(after).not.toContain('<form');
    // The API reads the same mark.
    expect((await agendaOf<{ changes: unknown[] }>(people.nakano, 'changes { kind }')).changes).toEqual([]);
    // The floor sheet shows he has seen both his meetings where they are now; Emma has not.
    expect(await seenOnSheet()).toEqual(
      expect.arrayContaining([
        ['中野 健一', 'はい', 'Emma Clarke', 'いいえ'],
        ['井上 誠', 'いいえ', '中野 健一', 'はい'],
      ]),
    );
    // So does the staff list.
    const emmaMeeting = (
      await agendaOf<{ meetings: { id: string; other: { name: string } }[] }>(
        people.nakano,
        'meetings { id other { name } }',
      )
    ).meetings.find((meeting) => meeting.other.name === 'Emma Clarke')!.id;
    const listed = ok(
      await t.gql<{ meetings: { edges: { node: { id: string; seenBy: string[] } }[] } }>(
        'query($e: ID!) { meetings(eventId: $e) { edges { node { id seenBy } } } }',
        { e: eventId },
        organizer,
      ),
    ).meetings.edges.map(({ node }) => node);
    expect(listed).toEqual(expect.arrayContaining([{ id: emmaMeeting, seenBy: [people.nakano.id] }]));
    expect(
      (await agendaOf<{ meetings: { seenBy: unknown }[] }>(people.nakano, 'meetings { seenBy }')).meetings[0],
    ).toEqual({ seenBy: null });
    // On the phone with one of them, staff list only that person's meetings.
    const ofOne = (participantId: string) =>
      t.gql<{ meetings: { edges: { node: { id: string } }[] } }>(
        'query($e: ID!, $p: ID) { meetings(eventId: $e, participantId: $p) { edges { node { id } } } }',
        { e: eventId, p: participantId },
        organizer,
      );
    expect(ok(await ofOne(people.emma.id)).meetings.edges.map(({ node }) => node.id)).toEqual([emmaMeeting]);
    expect(ok(await ofOne(people.inoue.id)).meetings.edges).toHaveLength(2);
    expect((await ofOne('not-an-id')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'participantId',
    });
    // What he has marked seen is part of what is kept about him, and he can read it.
    const { exportMyData } = ok(
      await t.gql<{ exportMyData: { agendaViews: { event: { id: string; title: string } }[] } }>(
        '{ exportMyData { agendaViews { event { id title } seenAt } } }',
        {},
        people.nakano.token,
      ),
    );
    expect(exportMyData.agendaViews).toEqual([
      { event: { id: eventId, title: 'なかの ものづくり商談会' }, seenAt: expect.any(String) },
    ]);

    // Emma reads hers in English, against the first agenda she was sent (her meeting had no time),
    // with the zone of each time: she may read it anywhere.
    const emmasPage = await browse(pageLink(people.emma));
    const emmas = emmasPage.html;
    expect(emmas).toContain('<title>Meeting schedule: なかの ものづくり商談会</title>');
    expect(emmas).toMatch(
      /Since the first schedule we sent you \((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3}, \d{2}:\d{2} JST\): 1 changed\. Look for \[Changed\] below\./,
    );
    expect(emmas).toContain('(before: no time yet)');
    expect(emmas).toContain('Nakano Industrial Promotion Center, 3F');
    expect(emmas).toContain('<button type="submit">I have seen it</button>');
    const emmaSaw = await submitForm(emmasPage);
    expect(emmaSaw.html).toMatch(
      /Marked as seen \((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3}, \d{2}:\d{2} JST\)\. Next time, what changes from now on will be marked\./,
    );
    expect((await browse(pageLink(people.emma))).html).toMatch(
      /Nothing has changed since the schedule you last looked at \(\w{3} \d{1,2} \w{3}, \d{2}:\d{2} JST\)\./,
    );
  });

  it('opens no agenda page from a link not signed for it', async () => {
    const feed = ok(
      await t.gql<{ myAgenda: { feedUrl: string } }>(
        'query($e: ID!) { myAgenda(eventId: $e) { feedUrl } }',
        { e: eventId },
        people.nakano.token,
      ),
    ).myAgenda.feedUrl;
    // The calendar feed's signature is for the feed only.
    const feedLink = /\/agenda\/([^/]+)\.ics$/.exec(feed)![1];
    for (const path of [
      `my-agenda/${feedLink}/${eventId}`,
      `my-agenda/${people.nakano.id}.${'x'.repeat(43)}/${eventId}`,
      `my-agenda/${feedLink}/not-an-event`,
    ]) {
      const response = await fetch(`${t.url}/${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('このリンクでは面談スケジュールを表示できません。');
    }
    // A link cut short (the event's id lost at a line break) is not a route at all: a browser
    // still gets a page in its language, a script the JSON.
    const cut = `${t.url}/my-agenda/${people.nakano.id}.${'x'.repeat(43)}`;
    const browser = (language: string) =>
      fetch(cut, {
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': language },
      });
    const japanese = await browser('ja-JP,ja;q=0.9');
    expect(japanese.status).toBe(404);
    expect(japanese.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await japanese.text();
    expect(page).toContain('<p>ページが見つかりません。</p>');
    expect(page).toContain('リンクが途中で切れていないか確かめて');
    expect(await (await browser('en-GB,en;q=0.9')).text()).toContain('<p>Page not found.</p>');
    const script = await fetch(cut);
    expect(script.status).toBe(404);
    expect(await script.json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('refuses a malformed or unknown event when marking the agenda seen', async () => {
    const mark = (e: string) =>
      t.gql(
        'mutation($e: ID!) { markAgendaSeen(eventId: $e, version: "x") { version } }',
        { e },
        people.nakano.token,
      );
    expect((await mark('not-an-id')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eventId',
    });
    expect((await mark('00000000-0000-4000-8000-000000000000')).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'eventId',
    });
  });

  it('answers markAgendaSeen with the empty agenda, marking nothing, for someone with nothing on it', async () => {
    // Registered, with no meeting: an app that marks the agenda seen as it opens the event page has
    // nothing to mark, whatever version it holds (none yet, or one from before).
    const newcomer = await make({ name: '大川 恵子', furigana: 'オオカワ ケイコ' });
    const selection = 'meetings { id } unscheduled { requestId } changes { kind } changesSince version';
    const shown = await agendaOf<Record<string, unknown>>(newcomer, selection);
    expect(shown).toEqual({
      meetings: [],
      unscheduled: [],
      changes: [],
      changesSince: null,
      version: expect.any(String),
    });
    for (const version of ['', 'x', shown.version]) {
      const marked = await t.gql<{ markAgendaSeen: Record<string, unknown> }>(
        `mutation($e: ID!, $v: String!) { markAgendaSeen(eventId: $e, version: $v) { ${selection} } }`,
        { e: eventId, v: version },
        newcomer.token,
      );
      expect(ok(marked).markAgendaSeen).toEqual(shown);
    }
    // Nothing recorded: their first agenda, when it comes, is not marked as all new against an empty one.
    expect(
      await t.dataSource.query('SELECT 1 FROM agenda_views WHERE participant_id = $1', [newcomer.id]),
    ).toEqual([]);
  });

  it('answers an event that is not there, or not the reader’s to see, as not found; one they see without meetings as empty', async () => {
    const agendaAt = (e: string) =>
      t.gql<{ myAgenda: { meetings: unknown[]; unscheduled: unknown[]; version: string } }>(
        'query($e: ID!) { myAgenda(eventId: $e) { meetings { id } unscheduled { requestId } version } }',
        { e },
        people.emma.token,
      );
    const admin = await staffSession(t, Role.ADMIN, null);
    const elsewhere = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '杉並区' }),
    );
    const inviteOnly = await createPublishedEvent(t, elsewhere, {
      visibility: 'INVITE_ONLY',
      title: '杉並区 招待制商談会',
    });
    const draft = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SEMINAR',
            title: '杉並区 事業承継セミナー',
            venue: '杉並区役所',
            startsAt: tokyoInDays(20, '14:00'),
            endsAt: tokyoInDays(20, '16:00'),
          },
        },
        elsewhere,
      ),
    ).createEvent.id;
    // Her agenda page, her own signed link with another event's id put in it: the page myAgenda's
    // not-found is, in her language, with nothing of the event.
    const pageAt = (e: string) => {
      const link = /\/my-agenda\/([^/\s]+)\//.exec(agendaMails(people.emma).at(-1)!.text)![1];
      return fetch(`${t.url}/my-agenda/${link}/${e}`, {
        headers: { accept: 'text/html', 'accept-language': 'ja-JP,ja;q=0.9' },
      });
    };
    for (const e of [inviteOnly, draft, '00000000-0000-4000-8000-000000000000']) {
      const [error] = (await agendaAt(e)).errors ?? [];
      expect(error).toMatchObject({
        message: `Event not found: ${e}`,
        extensions: { code: 'NOT_FOUND', field: 'eventId' },
      });
      const page = await pageAt(e);
      expect(page.status).toBe(404);
      const html = await page.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('This link does not open a meeting schedule.');
      expect(html).not.toMatch(/杉並区|Suginami/);
    }
    // Her page at the event she is at still opens.
    expect((await pageAt(eventId)).status).toBe(200);
    // A public event she is not at: nothing for her there, and nothing hidden.
    const publicEvent = await createPublishedEvent(t, elsewhere, { title: '杉並区 交流会' });
    const empty = ok(await agendaAt(publicEvent)).myAgenda;
    expect(empty).toMatchObject({ meetings: [], unscheduled: [] });
    expect(empty.version).toEqual(expect.any(String));
  });

  it('sends the agenda again to someone who lost it, even with nothing new in it', async () => {
    await mailSettled();
    const sent = agendaMails(people.emma).length;
    const again = (participantId: string) =>
      t.gql<{ sendAgendaAgain: boolean }>(
        'mutation($e: ID!, $p: ID!) { sendAgendaAgain(eventId: $e, participantId: $p) }',
        { e: eventId, p: participantId },
        organizer,
      );
    expect(ok(await again(people.emma.id)).sendAgendaAgain).toBe(true);
    await sink.waitUntil(() => agendaMails(people.emma).length === sent + 1);
    const resent = agendaMails(people.emma).at(-1)!;
    // Nothing moved since her last one: the plain agenda, not an update.
    expect(resent.subject).toBe('Your meeting schedule: なかの ものづくり商談会 (1 meeting)');
    expect(resent.text).toContain('▶ See your latest schedule');
    expect(resent.calendars).toHaveLength(1);
    // Someone with nothing on a published agenda there: nothing to send.
    const newcomer = await make({ name: '新井 一', furigana: 'アライ ハジメ' });
    expect((await again(newcomer.id)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AGENDA_EMPTY',
      field: 'participantId',
    });
  });

  it('marks a meeting recorded as missed when the agenda is sent again, saying who missed it', async () => {
    await mailSettled();
    // The day has come and gone: Emma did not come to her meeting with 中野.
    await moveEventEarlier(t, eventId, 31);
    const withEmma = (
      await agendaOf<{ meetings: { id: string; startsAt: string; endsAt: string; table: string }[] }>(
        people.emma,
        'meetings { id startsAt endsAt table }',
      )
    ).meetings[0];
    // Sent again twice: once to take the day's move (a test's doing) out of what they hold, then
    // with the meeting recorded as missed.
    const sendBoth = async () => {
      const sent = { emma: agendaMails(people.emma).length, nakano: agendaMails(people.nakano).length };
      for (const person of [people.emma, people.nakano])
        ok(
          await t.gql(
            'mutation($e: ID!, $p: ID!) { sendAgendaAgain(eventId: $e, participantId: $p) }',
            { e: eventId, p: person.id },
            organizer,
          ),
        );
      await sink.waitUntil(
        () =>
          agendaMails(people.emma).length === sent.emma + 1 &&
          agendaMails(people.nakano).length === sent.nakano + 1,
      );
      await mailSettled();
    };
    await sendBoth();
    ok(
      await t.gql(
        'mutation($id: ID!, $p: ID!) { markNoShow(id: $id, participantId: $p) { id } }',
        { id: withEmma.id, p: people.emma.id },
        organizer,
      ),
    );
    await sendBoth();
    const when = (locale: 'ja' | 'en') =>
      formatEventTime(locale, new Date(withEmma.startsAt), new Date(withEmma.endsAt));
    // Still listed (it was not called off), marked as what it is; the one who missed it learns
    // of the record and whom to tell if it is wrong.
    const emmas = agendaMails(people.emma).at(-1)!;
    expect(emmas.text).toContain(
      `■ [Missed] ${when('en')}: 中野 健一 (中野精機株式会社)\n  Table ${withEmma.table}\n  (You were recorded as not attending. If that is not right, please tell the organiser.)\n`,
    );
    expect(emmas.html).toContain(`<strong style="color:#b42318">[Missed] </strong>${when('en')}`);
    // Where it was before it was missed is no longer news: not counted as a change.
    expect(emmas.subject).toBe('Your meeting schedule: なかの ものづくり商談会 (1 meeting)');
    const nakanos = agendaMails(people.nakano).at(-1)!;
    expect(nakanos.text).toContain(
      `■ 【不参加】${when('ja')}: Emma Clarke 様\n  テーブル ${withEmma.table}\n  （先方がお越しになれず、面談は行われませんでした）\n`,
    );
    // His other meeting took place as planned: listed as before, unmarked.
    expect(nakanos.text).toMatch(/■ \d{4}年[^\n]+: 井上 誠 様\n {2}テーブル 3\n/);
    expect(nakanos.subject).toBe('【面談スケジュール】なかの ものづくり商談会（2件）');
  });

  it('forgets when an erased participant looked at their agenda, and their agenda page ends with them', async () => {
    const link = /▶ 最新の面談スケジュールを見る\n(\S+)\n/.exec(agendaMails(people.nakano).at(-1)!.text)![1];
    const views = () =>
      t.dataSource.query('SELECT 1 FROM agenda_views WHERE participant_id = $1', [people.nakano.id]);
    expect(await views()).toHaveLength(1);
    ok(
      await t.gql(
        'mutation($id: ID!) { eraseParticipant(id: $id) { participantId } }',
        { id: people.nakano.id },
        await staffSession(t, Role.ADMIN, null),
      ),
    );
    expect(await views()).toEqual([]);
    expect((await fetch(link)).status).toBe(404);
  });
});
