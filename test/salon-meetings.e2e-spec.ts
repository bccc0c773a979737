import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { QueueName } from '../src/queue/queue-names';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  emailProgress,
  moveEventEarlier,
  registerMutation,
  scheduleAndWait,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { eventually } from './support/eventually';
import { formatEventTime } from '../src/mail/templates/mail-dates';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

type Person = { id: string; name: string; email: string; token: string };
interface MeetingView {
  id: string;
  requestId: string;
  status: string;
  sessionId: string | null;
  slotIndex: number | null;
  table: string | null;
  atVenue: boolean;
  published: boolean;
}

/**
 * A salon or mini-salon has no 商談枠: people meet in the room. An agreed meeting there is a meeting
 * at the venue from the moment it is agreed, which staff record held or missed, the reports count,
 * and the agenda lists at once.
 */
describe('meetings at an event without 商談枠 (会場内)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizationId: string;
  let organizer: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ ...sink.appSettings(), MAIL_RETRY_BASE_MS: '100' });
    const admin = await staffSession(t, Role.ADMIN, null);
    organizationId = await createOrganization(t, admin, {
      name: '関東財務局 東京財務事務所',
      kind: 'FINANCE_OFFICE',
    });
    organizer = await staffSession(t, Role.ORGANIZER, organizationId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const person = async (eventId: string, input: Record<string, unknown> = {}): Promise<Person> => {
    const participant = await createParticipant(t, organizer, { consentContactSharing: true, ...input });
    ok(await t.gql(registerMutation(), { eventId, participantId: participant.id }, organizer));
    return {
      ...participant,
      name: (input.name as string | undefined) ?? '',
      token: await t.participantToken(participant.id),
    };
  };
  const meetingsOf = async (eventId: string) =>
    ok(
      await t.gql<{ meetings: { totalCount: number; edges: { node: MeetingView }[] } }>(
        `query($e: ID!) { meetings(eventId: $e, includeCancelled: true) {
           totalCount edges { node { id requestId status sessionId slotIndex table atVenue published } } } }`,
        { e: eventId },
        organizer,
      ),
    ).meetings;
  const mailsTo = (who: Person, subject: RegExp) =>
    sink.to(who.email).filter((mail) => subject.test(mail.subject));
  /** revertToNoMatchmakingSessions, by the organiser: answers the 商談枠 the event has after it. */
  const revertToNoSessions = (eventId: string) =>
    t.gql<{ revertToNoMatchmakingSessions: { sessions: { id: string }[] } }>(
      'mutation($e: ID!) { revertToNoMatchmakingSessions(eventId: $e) { sessions { id } } }',
      { e: eventId },
      organizer,
    );
  /** Event.canRevertToNoMatchmakingSessions, as the organiser (or `token`) reads it. */
  const canRevert = async (eventId: string, token = organizer) =>
    ok(
      await t.gql<{ event: { canRevertToNoMatchmakingSessions: boolean } }>(
        'query($e: ID!) { event(id: $e) { canRevertToNoMatchmakingSessions } }',
        { e: eventId },
        token,
      ),
    ).event.canRevertToNoMatchmakingSessions;
  /** The page behind the 「面談を申し込む」 link of an おすすめ digest to `reader`, suggesting `other`. */
  const suggestionPage = async (eventId: string, reader: Person, other: Person) => {
    const [run]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO matching_runs (event_id, status) VALUES ($1, 'SUCCEEDED') RETURNING id`,
      [eventId],
    );
    const [suggestion]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO suggestions (event_id, participant_id, suggested_participant_id, rank, score, reasons, run_id)
       VALUES ($1, $2, $3, 1, 0.8, '[]', $4) RETURNING id`,
      [eventId, reader.id, other.id, run.id],
    );
    const [token] = await t.app.get(ActionTokensService).mint(t.dataSource.manager, [
      {
        purpose: TokenPurpose.SUGGESTION_MEETING_REQUEST,
        subjectId: suggestion.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    ]);
    return (await fetch(`${t.url}/suggestions/meeting-request?token=${token}`)).text();
  };

  it('an agreed meeting is a meeting at the venue: recorded held or missed, counted in the reports', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '事業承継サロン（第3回）' });
    const [a, b, c, d] = [
      await person(eventId, { name: '青木 一郎' }),
      await person(eventId, { name: '石井 花子' }),
      await person(eventId, { name: '上田 健' }),
      await person(eventId, { name: '江口 美穂' }),
    ];
    const requests = [
      await agreeMeeting(t, eventId, a.id, b.id),
      await agreeMeeting(t, eventId, c.id, d.id),
      await agreeMeeting(t, eventId, a.id, c.id),
    ];

    const listed = await meetingsOf(eventId);
    expect(listed.totalCount).toBe(3);
    const meetings = requests.map(
      (requestId) => listed.edges.find((edge) => edge.node.requestId === requestId)!.node,
    );
    for (const meeting of meetings)
      expect(meeting).toMatchObject({
        status: 'SCHEDULED',
        sessionId: null,
        slotIndex: null,
        table: null,
        atVenue: true,
        published: false,
      });

    // The floor sheet gives each pair its 面談ID, with no time: they meet in the room.
    const sheet = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, organizer);
    const header = sheet.lines[0].split(',');
    const rows = sheet.lines.slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(3);
    for (const [index, meeting] of meetings.entries()) {
      const row = rows.find((cells) => cells[header.indexOf('面談申込ID')] === requests[index])!;
      expect(row[header.indexOf('面談ID')]).toBe(meeting.id);
      expect(row[header.indexOf('開始')]).toBe('');
      expect(row[header.indexOf('場所')]).toBe('会場内（時間は当日）');
      expect(row[header.indexOf('状態')]).toBe('予定');
    }

    const held = (id: string) =>
      t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id status } }', { id }, organizer);
    // Not before the event has begun: it could not have taken place yet.
    expect(failure(await held(meetings[0].id)).extensions).toMatchObject({ reason: 'MEETING_NOT_STARTED' });

    // The day comes (yesterday's event): one held, one where 上田 did not come, one left as it was.
    await moveEventEarlier(t, eventId, 15);
    expect(ok(await held(meetings[0].id))).toEqual({
      markMeetingHeld: { id: meetings[0].id, status: 'HELD' },
    });
    ok(
      await t.gql(
        'mutation($id: ID!, $p: ID) { markNoShow(id: $id, participantId: $p) { id } }',
        { id: meetings[1].id, p: c.id },
        organizer,
      ),
    );
    // What took place is the record of it: its request is not withdrawn afterwards, by anyone.
    for (const index of [0, 1])
      expect(
        failure(
          await t.gql(
            'mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }',
            { id: requests[index] },
            organizer,
          ),
        ).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_INVALID_TRANSITION', field: 'id' });

    const { eventReport } = ok(
      await t.gql<{
        eventReport: {
          event: { fiscalYear: number };
          meetings: { total: number; byStatus: { status: string; count: number }[] };
        };
      }>(
        `query($e: ID!) { eventReport(eventId: $e) { event { fiscalYear } meetings { total byStatus { status count } } } }`,
        { e: eventId },
        organizer,
      ),
    );
    const count = (status: string) =>
      eventReport.meetings.byStatus.find((row) => row.status === status)?.count;
    expect([count('HELD'), count('NO_SHOW'), count('SCHEDULED')]).toEqual([1, 1, 1]);
    const { fiscalYearReport } = ok(
      await t.gql<{ fiscalYearReport: { meetings: { held: number; noShow: number } } }>(
        'query($o: ID!, $fy: Int!) { fiscalYearReport(organizationId: $o, fiscalYear: $fy) { meetings { held noShow } } }',
        { o: organizationId, fy: eventReport.event.fiscalYear },
        organizer,
      ),
    );
    expect(fiscalYearReport.meetings).toEqual({ held: 1, noShow: 1 });
    // The no-show history has it, as any missed meeting.
    const { noShowHistory } = ok(
      await t.gql<{ noShowHistory: { entries: { meetingId: string }[] } }>(
        'query($p: ID!) { noShowHistory(participantId: $p) { entries { meetingId } } }',
        { p: c.id },
        organizer,
      ),
    );
    expect(noShowHistory.entries).toEqual([{ meetingId: meetings[1].id }]);
  });

  it('an agreement after publishSchedule is on the latest agenda at once, and off it once called off', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'ミニサロン（創業）' });
    const [p, q, r] = [
      await person(eventId, { name: '小野 誠' }),
      await person(eventId, { name: '加藤 由美' }),
      await person(eventId, { name: '木村 直樹' }),
    ];
    await agreeMeeting(t, eventId, p.id, q.id);
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    await sink.waitUntil(() => mailsTo(p, /面談スケジュール/).length === 1);
    const agendaMail = mailsTo(p, /面談スケジュール/)[0];
    expect(agendaMail.text).toContain('当日お会いいただく方');
    // When the day is: the only time a meeting at the venue has.
    const [{ startsAt, endsAt }]: { startsAt: Date; endsAt: Date }[] = await t.dataSource.query(
      'SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM events WHERE id = $1',
      [eventId],
    );
    expect(agendaMail.text).toContain(`■ 日時: ${formatEventTime('ja', startsAt, endsAt)}\n`);
    const pageUrl = /▶ 最新の面談スケジュールを見る\n(\S+)\n/.exec(agendaMail.text)![1];

    // 小野 and 木村 agree to meet after the agenda went out: 【面談成立】 to both…
    const late = await agreeMeeting(t, eventId, r.id, p.id);
    await sink.waitUntil(() => mailsTo(p, /面談成立/).length === 2 && mailsTo(r, /面談成立/).length === 1);
    // …and the agenda has it now, marked new, with no schedule to publish first.
    const agenda = async () =>
      ok(
        await t.gql<{
          myAgenda: { unscheduled: { requestId: string }[]; changes: { kind: string; requestId: string }[] };
        }>(
          'query($e: ID!) { myAgenda(eventId: $e) { unscheduled { requestId } changes { kind requestId } } }',
          { e: eventId },
          p.token,
        ),
      ).myAgenda;
    const mine = await agenda();
    expect(mine.unscheduled.map((entry) => entry.requestId)).toContain(late);
    expect(mine.unscheduled).toHaveLength(2);
    expect(mine.changes).toEqual([{ kind: 'ADDED', requestId: late }]);
    const page = await (await fetch(pageUrl)).text();
    expect(page).not.toContain('変更はありません');
    expect(page).toContain('木村 直樹');
    expect(page).toContain('追加1件');

    // Called off, it leaves the agenda: the meeting and the agreement are both off.
    const meeting = (await meetingsOf(eventId)).edges.find((edge) => edge.node.requestId === late)!.node;
    ok(await t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { status } }', { id: meeting.id }, p.token));
    expect((await agenda()).unscheduled.map((entry) => entry.requestId)).not.toContain(late);
    const [{ status }]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM meeting_requests WHERE id = $1',
      [late],
    );
    expect(status).toBe('CANCELLED');
  });

  it('a meeting at the venue recorded missed or called off is marked on the agenda as a scheduled one is, in either language', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '事業承継サロン（第5回）' });
    const [aoki, emma, ueda] = [
      await person(eventId, { name: '青木 一郎' }),
      await person(eventId, { name: 'Emma Clarke', locale: 'en' }),
      await person(eventId, { name: '上田 健' }),
    ];
    const withEmma = await agreeMeeting(t, eventId, aoki.id, emma.id);
    const withUeda = await agreeMeeting(t, eventId, ueda.id, aoki.id);
    const meetingFor = async (requestId: string) =>
      (await meetingsOf(eventId)).edges.find((edge) => edge.node.requestId === requestId)!.node.id;
    const [emmas, uedas] = [await meetingFor(withEmma), await meetingFor(withUeda)];
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    const agendaMails = (who: Person) => mailsTo(who, /面談スケジュール|meeting schedule/);
    await sink.waitUntil(() => [aoki, emma, ueda].every((who) => agendaMails(who).length === 1));

    type Agenda = {
      unscheduled: {
        requestId: string;
        meetingId: string | null;
        status: string | null;
        noShowParticipantIds: string[];
      }[];
      changes: { kind: string; requestId: string; meetingId: string | null }[];
    };
    const agendaOf = async (who: Person) =>
      ok(
        await t.gql<{ myAgenda: Agenda }>(
          `query($e: ID!) { myAgenda(eventId: $e) {
             unscheduled { requestId meetingId status noShowParticipantIds } changes { kind requestId meetingId } } }`,
          { e: eventId },
          who.token,
        ),
      ).myAgenda;
    // Each entry names its meeting, as meetings[] and changes do: a client can call it off or
    // mark it, and find it in meetings.
    expect((await agendaOf(aoki)).unscheduled).toEqual([
      { requestId: withEmma, meetingId: emmas, status: 'SCHEDULED', noShowParticipantIds: [] },
      { requestId: withUeda, meetingId: uedas, status: 'SCHEDULED', noShowParticipantIds: [] },
    ]);

    // The day: Emma did not come; the meeting with 上田 was called off.
    await moveEventEarlier(t, eventId, 15);
    ok(
      await t.gql(
        'mutation($id: ID!, $p: ID) { markNoShow(id: $id, participantId: $p) { id } }',
        { id: emmas, p: emma.id },
        organizer,
      ),
    );
    ok(await t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { status } }', { id: uedas }, organizer));

    expect(await agendaOf(aoki)).toEqual({
      unscheduled: [
        { requestId: withEmma, meetingId: emmas, status: 'NO_SHOW', noShowParticipantIds: [emma.id] },
      ],
      changes: [{ kind: 'REMOVED', requestId: withUeda, meetingId: uedas }],
    });
    expect(await agendaOf(emma)).toEqual({
      unscheduled: [
        { requestId: withEmma, meetingId: emmas, status: 'NO_SHOW', noShowParticipantIds: [emma.id] },
      ],
      changes: [],
    });
    expect(await agendaOf(ueda)).toEqual({
      unscheduled: [],
      changes: [{ kind: 'REMOVED', requestId: withUeda, meetingId: uedas }],
    });

    // The agenda sent again says it as it says it of a meeting with a time.
    for (const who of [aoki, emma])
      ok(
        await t.gql(
          'mutation($e: ID!, $p: ID!) { sendAgendaAgain(eventId: $e, participantId: $p) }',
          { e: eventId, p: who.id },
          organizer,
        ),
      );
    await sink.waitUntil(() => agendaMails(aoki).length === 2 && agendaMails(emma).length === 2);
    const aokis = agendaMails(aoki)[1];
    expect(aokis.text).toContain(
      '・【不参加】Emma Clarke 様\n  （先方がお越しになれず、面談は行われませんでした）\n',
    );
    expect(aokis.text).toContain(
      '■ 取り消しになった面談\n前回お送りしたスケジュールにあった次の面談は、取り消しになりました。\n・上田 健 様\n  （会場内でお会いする予定でした）\n',
    );
    expect(aokis.text).toContain('取り消し1件がありました');
    const emmasMail = agendaMails(emma)[1];
    expect(emmasMail.text).toContain(
      '- [Missed] 青木 一郎\n  (You were recorded as not attending. If that is not right, please tell the organiser.)\n',
    );
    // Missed is what happened to it, not news of a change.
    expect(emmasMail.subject).toMatch(/^Your meeting schedule: /);

    // The agenda pages, in each reader's language.
    const pageOf = async (mail: { text: string }) =>
      (
        await fetch(
          /▶ (?:最新の面談スケジュールを見る|See your latest schedule)\n(\S+)\n/.exec(mail.text)![1],
        )
      ).text();
    const aokisPage = await pageOf(aokis);
    expect(aokisPage).toContain(
      '<li>【不参加】Emma Clarke 様<br>（先方がお越しになれず、面談は行われませんでした）</li>',
    );
    expect(aokisPage).toContain('<li>上田 健 様<br>（会場内でお会いする予定でした）</li>');
    const uedasPage = await pageOf(agendaMails(ueda)[0]);
    expect(uedasPage).toContain('<li>青木 一郎 様<br>（会場内でお会いする予定でした）</li>');
    expect(await pageOf(emmasMail)).toContain(
      '<li>[Missed] 青木 一郎<br>(You were recorded as not attending. If that is not right, please tell the organiser.)</li>',
    );
  });

  it('the agenda’s subject counts the people to meet at the venue as such, not as meetings without a time yet, in either language', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第7回）' });
    const [aoki, emma, ueda] = [
      await person(eventId, { name: '青木 一郎' }),
      await person(eventId, { name: 'Emma Clarke', locale: 'en' }),
      await person(eventId, { name: '上田 健' }),
    ];
    await agreeMeeting(t, eventId, aoki.id, emma.id);
    await agreeMeeting(t, eventId, ueda.id, aoki.id);
    const emmaAndUeda = await agreeMeeting(t, eventId, emma.id, ueda.id);
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    const agendaMails = (who: Person) => mailsTo(who, /面談スケジュール|meeting schedule/);
    await sink.waitUntil(() => [aoki, emma, ueda].every((who) => agendaMails(who).length === 1));
    expect(agendaMails(emma)[0].text).toMatch(/■ Date: .+\n/);
    expect([agendaMails(aoki)[0].subject, agendaMails(emma)[0].subject]).toEqual([
      '【面談スケジュール】東京活性化サロン（第7回）（会場でお会いする方2名）',
      'Your meeting schedule: 東京活性化サロン（第7回） (2 people to meet at the venue)',
    ]);

    // 上田 calls off his meeting with Emma: sent again, her agenda says what is gone and counts the
    // one left the same way; 青木's, unchanged, reads as before.
    const withUeda = (await meetingsOf(eventId)).edges.find(
      (edge) => edge.node.requestId === emmaAndUeda,
    )!.node;
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelMeeting(id: $id) { status } }',
        { id: withUeda.id },
        ueda.token,
      ),
    );
    for (const who of [aoki, emma])
      ok(
        await t.gql(
          'mutation($e: ID!, $p: ID!) { sendAgendaAgain(eventId: $e, participantId: $p) }',
          { e: eventId, p: who.id },
          organizer,
        ),
      );
    await sink.waitUntil(() => agendaMails(aoki).length === 2 && agendaMails(emma).length === 2);
    expect([agendaMails(aoki)[1].subject, agendaMails(emma)[1].subject]).toEqual([
      '【面談スケジュール】東京活性化サロン（第7回）（会場でお会いする方2名）',
      'Updated meeting schedule: 東京活性化サロン（第7回） (1 person to meet at the venue)',
    ]);
    for (const mail of [...agendaMails(aoki), ...agendaMails(emma)])
      expect(mail.subject).not.toMatch(/時間未定|without a time/);
  });

  it('publishSchedule once the event has 商談枠 counts only the meetings waiting for a slot and the people it emails', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第8回）' });
    const [a, b, c, d, e] = [
      await person(eventId, { name: '石田 亮' }),
      await person(eventId, { name: '岡本 彩' }),
      await person(eventId, { name: '川口 守' }),
      await person(eventId, { name: '桜井 陽子' }),
      await person(eventId, { name: '田村 修' }),
    ];
    const publish = async () =>
      ok(
        await t.gql<{
          publishSchedule: { unscheduledMeetings: number; notifiedParticipants: number; batchId: string };
        }>(
          'mutation($e: ID!) { publishSchedule(eventId: $e) { unscheduledMeetings notifiedParticipants batchId } }',
          { e: eventId },
          organizer,
        ),
      ).publishSchedule;
    const agendaMails = (who: Person) => mailsTo(who, /面談スケジュール/);
    await agreeMeeting(t, eventId, a.id, b.id);
    await publish();
    await sink.waitUntil(() => agendaMails(a).length === 1 && agendaMails(b).length === 1);
    // 石田 and 川口 agree at the venue after that, and staff send both their agenda again.
    await agreeMeeting(t, eventId, a.id, c.id);
    for (const who of [a, c])
      ok(
        await t.gql(
          'mutation($e: ID!, $p: ID!) { sendAgendaAgain(eventId: $e, participantId: $p) }',
          { e: eventId, p: who.id },
          organizer,
        ),
      );
    await sink.waitUntil(() => agendaMails(a).length === 2 && agendaMails(c).length === 1);
    // A 商談枠 is added; 桜井 and 田村 agree and wait for a slot.
    await addMatchmakingSession(t, organizer, {
      eventId,
      name: '個別相談',
      startsAt: tokyoInDays(14, '19:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    await agreeMeeting(t, eventId, d.id, e.id);

    const publication = await publish();
    // One meeting waits for a slot; the two at the venue do not. Everyone concerned gets an agenda
    // email written, and those with nothing new since the last one are skipped as it leaves.
    expect(publication).toMatchObject({ unscheduledMeetings: 1, notifiedParticipants: 4 });
    await sink.waitUntil(() => agendaMails(d).length === 1 && agendaMails(e).length === 1);
    const progress = async () => emailProgress(t, organizer, eventId, publication.batchId);
    await eventually(async () => (await progress()).queued === 0, 'agendas sent');
    expect(await progress()).toMatchObject({ total: 4, sent: 2, skipped: 2 });
    expect([agendaMails(a).length, agendaMails(c).length]).toEqual([2, 1]);
  });

  it('the floor sheet has every meeting at the venue, held, missed or called off, also once the event has 商談枠', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第6回）' });
    const [a, b, c, d] = [
      await person(eventId, { name: '大野 健太' }),
      await person(eventId, { name: '北村 優子' }),
      await person(eventId, { name: '工藤 大輔' }),
      await person(eventId, { name: '小林 恵' }),
    ];
    const requests = [
      await agreeMeeting(t, eventId, a.id, b.id),
      await agreeMeeting(t, eventId, c.id, d.id),
      await agreeMeeting(t, eventId, a.id, c.id),
    ];
    const meetingFor = async (requestId: string) =>
      (await meetingsOf(eventId)).edges.find((edge) => edge.node.requestId === requestId)!.node.id;
    const ids = [await meetingFor(requests[0]), await meetingFor(requests[1]), await meetingFor(requests[2])];
    // The organiser adds a 商談枠 afterwards: those already agreed still meet in the room.
    await addMatchmakingSession(t, organizer, {
      eventId,
      name: '個別相談',
      startsAt: tokyoInDays(14, '19:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    await moveEventEarlier(t, eventId, 15);
    ok(await t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: ids[0] }, organizer));
    ok(
      await t.gql(
        'mutation($id: ID!, $p: ID) { markNoShow(id: $id, participantId: $p) { id } }',
        { id: ids[1], p: d.id },
        organizer,
      ),
    );
    ok(await t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { status } }', { id: ids[2] }, organizer));

    const sheet = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, organizer);
    const header = sheet.lines[0].split(',');
    const rows = sheet.lines.slice(1).map((line) => line.split(','));
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect(rows).toHaveLength(3);
    const line = (meetingId: string) => {
      const row = rows.find((cells) => cell(cells, '面談ID') === meetingId);
      return row && [cell(row, '場所'), cell(row, '状態'), cell(row, '不参加')];
    };
    expect(line(ids[0])).toEqual(['会場内（時間は当日）', '実施', '']);
    expect(line(ids[1])).toEqual(['会場内（時間は当日）', '不参加あり', '小林 恵']);
    expect(line(ids[2])).toEqual(['会場内（時間は当日）', '中止', '']);
  });

  it('a 商談会 whose 商談枠 staff took away to build again is not one without 商談枠: meetings agreed in between wait for a slot', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '東京ものづくり商談会',
    });
    const [a, b, c, d] = [
      await person(eventId, { name: '森田 浩二' }),
      await person(eventId, { name: '長谷川 舞' }),
      await person(eventId, { name: '藤井 隆' }),
      await person(eventId, { name: 'Olivia Hart', locale: 'en' }),
    ];
    const grid = (slotMinutes: number, slotCount: number) =>
      addMatchmakingSession(t, organizer, {
        eventId,
        name: `商談（${slotMinutes}分）`,
        startsAt: tokyoInDays(14, '18:30'),
        slotMinutes,
        slotCount,
        tableCount: 2,
      });
    const first = await grid(30, 3);
    const before = await agreeMeeting(t, eventId, a.id, b.id);
    // Staff take the 商談枠 away to build the grid again with shorter meetings; 藤井 and Olivia agree
    // while the event has none.
    ok(
      await t.gql(
        'mutation($id: ID!) { removeMatchmakingSession(id: $id) { id } }',
        { id: first },
        organizer,
      ),
    );
    const between = await agreeMeeting(t, eventId, c.id, d.id);
    // No meeting at the venue: the agreement waits for a slot, as the one before the removal does.
    expect((await meetingsOf(eventId)).totalCount).toBe(0);
    // Waiting for its grid, but a 商談会 is never made one without 商談枠: nothing to offer staff.
    expect(await canRevert(eventId)).toBe(false);
    // The floor sheet has both as agreed and waiting for a time, not as meeting in the room.
    const sheet = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, organizer);
    const header = sheet.lines[0].split(',');
    expect(
      sheet.lines
        .slice(1)
        .map((line) => line.split(','))
        .map((row) => [
          row[header.indexOf('面談申込ID')],
          row[header.indexOf('場所')],
          row[header.indexOf('状態')],
        ]),
    ).toEqual([
      [before, '未定', '面談成立・時間未定'],
      [between, '未定', '面談成立・時間未定'],
    ]);
    await sink.waitUntil(
      () => mailsTo(c, /面談成立/).length === 1 && mailsTo(d, /Meeting agreed/).length === 1,
    );
    // Their 面談成立 promises a time to come, not a meeting at the venue without one.
    expect(mailsTo(c, /面談成立/)[0].text).toContain(
      '面談の時間と場所は、面談スケジュールとしてあらためてお送りします。',
    );
    expect(mailsTo(c, /面談成立/)[0].text).not.toContain('時間枠を設けていません');
    expect(mailsTo(d, /Meeting agreed/)[0].text).toContain(
      'The time and place will follow with your agenda.',
    );
    expect(mailsTo(d, /Meeting agreed/)[0].text).not.toContain('no set meeting times');

    // The new grid: the run places both agreements, and the agendas give each its time and table.
    await grid(20, 4);
    await scheduleAndWait(t, organizer, eventId);
    const placed = (await meetingsOf(eventId)).edges.map(({ node }) => node);
    expect(
      placed.map((meeting) => [meeting.requestId, meeting.atVenue, meeting.slotIndex !== null]).sort(),
    ).toEqual(
      [
        [before, false, true],
        [between, false, true],
      ].sort(),
    );
    const publication = ok(
      await t.gql<{ publishSchedule: { publishedMeetings: number; unscheduledMeetings: number } }>(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings unscheduledMeetings } }',
        { e: eventId },
        organizer,
      ),
    ).publishSchedule;
    expect(publication).toEqual({ publishedMeetings: 2, unscheduledMeetings: 0 });
    await sink.waitUntil(
      () => mailsTo(c, /面談スケジュール/).length === 1 && mailsTo(d, /meeting schedule/i).length === 1,
    );
    const agenda = mailsTo(c, /面談スケジュール/)[0];
    expect(agenda.text).toContain('Olivia Hart');
    expect(agenda.text).toMatch(/テーブル [12]/);
    expect(agenda.text).not.toContain('当日お会いいただく方');
    expect(agenda.text).not.toContain('時間が未定の面談');
    expect(mailsTo(d, /meeting schedule/i)[0].text).not.toContain('People to meet on the day');
  });

  it('a salon given a 商談枠 by mistake is made one without 商談枠 again: what was agreed meanwhile meets at the venue, and whoever was told a time would follow gets the agenda saying so', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第11回）' });
    const [kato, emma, morita, liam, ono, ishii] = [
      await person(eventId, { name: '加藤 由美' }),
      await person(eventId, { name: 'Emma Clarke', locale: 'en' }),
      await person(eventId, { name: '森田 浩二' }),
      await person(eventId, { name: 'Liam Walker', locale: 'en' }),
      await person(eventId, { name: '小野 誠' }),
      await person(eventId, { name: '石井 花子' }),
    ];
    const revert = () => revertToNoSessions(eventId);
    // Never given a 商談枠: nothing to make it again.
    expect(await canRevert(eventId)).toBe(false);
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      name: '個別相談',
      startsAt: tokyoInDays(14, '19:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    // While it has its 商談枠, it stays one with 商談枠: staff remove the 商談枠 first.
    const kept = failure(await revert());
    expect(kept.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EVENT_HAS_SESSIONS',
      field: 'eventId',
    });
    expect(kept.message).toBe(
      'このイベントには商談枠「個別相談」（19:00〜20:00）があります。商談枠をすべて削除してから、商談枠のないイベントに戻してください',
    );
    expect(await canRevert(eventId)).toBe(false);

    // 加藤 and Emma agree while it has the 商談枠: their 【面談成立】 says the time will follow.
    const told = await agreeMeeting(t, eventId, kato.id, emma.id);
    await sink.waitUntil(
      () => mailsTo(kato, /面談成立/).length === 1 && mailsTo(emma, /Meeting agreed/).length === 1,
    );
    expect(mailsTo(kato, /面談成立/)[0].text).toContain(
      '面談の時間と場所は、面談スケジュールとしてあらためてお送りします。',
    );
    ok(
      await t.gql(
        'mutation($id: ID!) { removeMatchmakingSession(id: $id) { id } }',
        { id: sessionId },
        organizer,
      ),
    );
    // Its grid taken away, it waits for one: staff see they may say none is coming. Only they do:
    // a participant there, or 支援担当 staff (who may not run it), read false.
    expect(await canRevert(eventId)).toBe(true);
    expect(await canRevert(eventId, kato.token)).toBe(false);
    expect(await canRevert(eventId, await staffSession(t, Role.STAFF, organizationId))).toBe(false);
    // The list of events reads it for each of them, this one included.
    const listed = ok(
      await t.gql<{
        events: { edges: { node: { id: string; canRevertToNoMatchmakingSessions: boolean } }[] };
      }>(
        'query { events(first: 100) { edges { node { id canRevertToNoMatchmakingSessions } } } }',
        {},
        organizer,
      ),
    ).events.edges.map(({ node }) => node);
    expect(listed.filter((node) => node.canRevertToNoMatchmakingSessions).map((node) => node.id)).toEqual([
      eventId,
    ]);
    // The schedule published meanwhile lists theirs as agreed without a time yet.
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    await sink.waitUntil(
      () => mailsTo(kato, /面談スケジュール/).length === 1 && mailsTo(emma, /meeting schedule/i).length === 1,
    );
    expect(mailsTo(kato, /面談スケジュール/)[0].text).toContain('時間が未定の面談');
    // 森田 and Liam agree once it is gone; their 【面談成立】 are still in the queue when staff make
    // the event a salon again.
    const queues = [QueueName.MAIL, QueueName.MAIL_TRANSACTIONAL].map((name) =>
      t.app.get<Queue>(getQueueToken(name)),
    );
    for (const queue of queues) await queue.pause();
    let queued: string;
    try {
      queued = await agreeMeeting(t, eventId, morita.id, liam.id);
      // Both wait for a slot, as at any event whose grid is being built again.
      expect((await meetingsOf(eventId)).totalCount).toBe(0);
      expect(ok(await revert()).revertToNoMatchmakingSessions.sessions).toEqual([]);
      // One without 商談枠 again: nothing left to give up.
      expect(await canRevert(eventId)).toBe(false);
    } finally {
      for (const queue of queues) await queue.resume();
    }
    // Both agreements are meetings at the venue now, as if the event had never had a 商談枠.
    expect(
      (await meetingsOf(eventId)).edges
        .map(({ node }) => [node.requestId, node.atVenue, node.sessionId, node.status])
        .sort(),
    ).toEqual(
      [
        [told, true, null, 'SCHEDULED'],
        [queued, true, null, 'SCHEDULED'],
      ].sort(),
    );

    // 加藤 and Emma were told a time would follow: the agenda says there is none now, and to find
    // each other at the venue (the same person as before, so nothing is marked new or changed).
    await sink.waitUntil(
      () => mailsTo(kato, /面談スケジュール/).length === 2 && mailsTo(emma, /meeting schedule/i).length === 2,
    );
    const ja = mailsTo(kato, /面談スケジュール/)[1];
    expect(ja.subject).toBe('【面談スケジュール】東京活性化サロン（第11回）（会場でお会いする方1名）');
    expect(ja.text).toContain(
      '次の方との面談が成立しています。このイベントでは面談の時間枠を設けていませんので、当日、会場でお声がけください。',
    );
    expect(ja.text).toContain('Emma Clarke');
    expect(ja.text).not.toContain('時間が未定');
    const en = mailsTo(emma, /meeting schedule/i)[1];
    expect(en.text).toContain(
      'Your meetings with the people below are agreed. This event has no set meeting times: please find each other at the venue on the day.',
    );
    expect(en.text).toContain('加藤 由美');
    // 森田 and Liam's 【面談成立】, composed after, says it itself; nothing they get promises a time.
    await sink.waitUntil(
      () => mailsTo(morita, /面談成立/).length === 1 && mailsTo(liam, /Meeting agreed/).length === 1,
    );
    expect(mailsTo(morita, /面談成立/)[0].text).toContain(
      'このイベントでは面談の時間枠を設けていません。当日、会場でお声がけください。',
    );
    expect(mailsTo(liam, /Meeting agreed/)[0].text).toContain(
      'This event has no set meeting times: please find each other at the venue on the day.',
    );
    for (const who of [morita, liam])
      for (const mail of sink.to(who.email))
        expect(mail.text).not.toMatch(/あらためてお送りします|will follow/);
    // The page behind a digest's link says the same as the emails.
    expect(await suggestionPage(eventId, morita, liam)).toContain(
      'Liam Walker 様との面談は成立しています。このイベントでは面談の時間枠を設けていません。当日、会場でお声がけください。',
    );

    // A salon again: the next agreement is a meeting at the venue at once.
    const after = await agreeMeeting(t, eventId, ono.id, ishii.id);
    expect(
      (await meetingsOf(eventId)).edges.find(({ node }) => node.requestId === after)?.node,
    ).toMatchObject({ atVenue: true, status: 'SCHEDULED' });
    // Given a grid later and having it taken away again, it is one being built again, as before.
    const again = await addMatchmakingSession(t, organizer, {
      eventId,
      name: '個別相談（第2部）',
      startsAt: tokyoInDays(14, '19:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    ok(
      await t.gql(
        'mutation($id: ID!) { removeMatchmakingSession(id: $id) { id } }',
        { id: again },
        organizer,
      ),
    );
    const waiting = await agreeMeeting(t, eventId, kato.id, ono.id);
    expect((await meetingsOf(eventId)).edges.some(({ node }) => node.requestId === waiting)).toBe(false);
    expect(await canRevert(eventId)).toBe(true);
  });

  it('a salon whose removed 商談枠 still holds a meeting is not made one without 商談枠', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第12回）' });
    const [a, b] = [await person(eventId, { name: '上田 健' }), await person(eventId, { name: '江口 美穂' })];
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(14, '19:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    await agreeMeeting(t, eventId, a.id, b.id);
    await scheduleAndWait(t, organizer, eventId);
    expect((await meetingsOf(eventId)).edges.map(({ node }) => node.sessionId)).toEqual([sessionId]);
    // removeMatchmakingSession refuses a 商談枠 with a meeting in it; this is data changed by hand.
    await t.dataSource.query('UPDATE matchmaking_sessions SET removed_at = now() WHERE id = $1', [sessionId]);
    expect(await canRevert(eventId)).toBe(false);
    const refused = failure(await revertToNoSessions(eventId));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EVENT_MEETINGS_IN_SLOTS',
      field: 'eventId',
    });
    expect(refused.message).toBe(
      '商談枠に入った面談が1件あります。商談枠のないイベントでは面談は会場内で行うため、戻せません',
    );
  });

  it('a 商談会 agreeing meetings before its first 商談枠 has them wait for a slot, and is never made one without 商談枠', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '城北信用金庫 ビジネス商談会',
    });
    const [a, b] = [
      await person(eventId, { name: '森田 浩二' }),
      await person(eventId, { name: '長谷川 舞' }),
    ];
    const requestId = await agreeMeeting(t, eventId, a.id, b.id);
    // Not a meeting at the venue: the grid is yet to come.
    expect((await meetingsOf(eventId)).totalCount).toBe(0);
    await sink.waitUntil(() => mailsTo(a, /面談成立/).length === 1);
    const [agreed] = mailsTo(a, /面談成立/);
    expect(agreed.text).not.toContain('会場内');
    expect(agreed.text).toContain('面談スケジュール');

    expect(await canRevert(eventId)).toBe(false);
    const refused = failure(await revertToNoSessions(eventId));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EVENT_MATCHING_HAS_SLOTS',
      field: 'eventId',
    });
    expect(refused.message).toBe(
      '商談会は商談枠の時間に面談を行うイベントのため、商談枠のないイベントにはできません。商談枠を作り直してください',
    );

    // Its first 商談枠 places the waiting agreement like any other.
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(14, '18:30'),
      slotMinutes: 30,
      slotCount: 2,
      tableCount: 1,
    });
    await scheduleAndWait(t, organizer, eventId);
    expect((await meetingsOf(eventId)).edges.map(({ node }) => [node.requestId, node.sessionId])).toEqual([
      [requestId, sessionId],
    ]);
  });

  it('【面談成立】 still waiting to go out when the salon is given its first 商談枠 says what its meeting is: at the venue, in either language', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第9回）' });
    const aoki = await person(eventId, { name: '青木 一郎' });
    const emma = await person(eventId, { name: 'Emma Clarke', locale: 'en', consentContactSharing: false });
    // The mail queues hold both 面談成立 while the organiser adds a 商談枠 right after the agreement.
    const queues = [QueueName.MAIL, QueueName.MAIL_TRANSACTIONAL].map((name) =>
      t.app.get<Queue>(getQueueToken(name)),
    );
    for (const queue of queues) await queue.pause();
    let requestId: string;
    try {
      requestId = await agreeMeeting(t, eventId, aoki.id, emma.id);
      await addMatchmakingSession(t, organizer, {
        eventId,
        name: '個別相談',
        startsAt: tokyoInDays(14, '19:00'),
        slotMinutes: 20,
        slotCount: 3,
        tableCount: 2,
      });
    } finally {
      for (const queue of queues) await queue.resume();
    }
    // Agreed while there was none: a meeting at the venue, which no 商談枠 will ever place.
    expect(
      (await meetingsOf(eventId)).edges.map(({ node }) => [node.requestId, node.atVenue, node.status]),
    ).toEqual([[requestId, true, 'SCHEDULED']]);

    await sink.waitUntil(
      () => mailsTo(aoki, /面談成立/).length === 1 && mailsTo(emma, /Meeting agreed/).length === 1,
    );
    // Each says to meet at the venue, as the agenda will, not that a time and place are to come;
    // nor that the event has no time slots: it has one now.
    const ja = mailsTo(aoki, /面談成立/)[0].text;
    expect(ja).toContain(
      '時間枠によらず会場内でお会いいただく面談です。当日、会場でお声がけください。先方のご意向により連絡先はお知らせしておりません。\n',
    );
    expect(ja).not.toContain('面談スケジュールとしてあらためてお送りします');
    expect(ja).not.toContain('時間枠を設けていません');
    const en = mailsTo(emma, /Meeting agreed/)[0].text;
    expect(en).toContain(
      'You meet at the venue, outside the time slots: please find each other there on the day. Their contact details are below.',
    );
    expect(en).not.toContain('will follow with your agenda');
    expect(en).not.toContain('no set meeting times');
  });

  it('the page behind a digest’s link says what the agreed meeting is as its 【面談成立】 did, from the meeting, not from the event’s 商談枠 now', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第10回）' });
    const aoki = await person(eventId, { name: '青木 一郎' });
    const emma = await person(eventId, { name: 'Emma Clarke', locale: 'en' });
    await agreeMeeting(t, eventId, aoki.id, emma.id);
    await sink.waitUntil(
      () => mailsTo(aoki, /面談成立/).length === 1 && mailsTo(emma, /Meeting agreed/).length === 1,
    );
    expect(mailsTo(aoki, /面談成立/)[0].text).toContain(
      'このイベントでは面談の時間枠を設けていません。当日、会場でお声がけください。',
    );
    // The salon is given a 商談枠 after the agreement: their meeting stays one at the venue, and the
    // page says so (outside the time slots the event has now), not that a time will follow.
    await addMatchmakingSession(t, organizer, {
      eventId,
      name: '個別相談',
      startsAt: tokyoInDays(14, '19:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    const ja = await suggestionPage(eventId, aoki, emma);
    expect(ja).toContain(
      'Emma Clarke 様との面談は成立しています。時間枠によらず会場内でお会いいただく面談です。当日、会場でお声がけください。',
    );
    expect(ja).not.toContain('お知らせします');
    const en = await suggestionPage(eventId, emma, aoki);
    expect(en).toContain(
      'Your meeting with 青木 一郎 is agreed. You meet at the venue, outside the time slots: please find each other there on the day.',
    );
    expect(en).not.toContain('will follow');
  });

  it('【面談成立】 says where the venue is, in the reader’s language', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第4回）',
      venue: '東京財務事務所 3階 大会議室',
      venueEn: 'Tokyo Local Finance Office, 3F',
    });
    const ja = await person(eventId, { name: '佐藤 翔' });
    const en = await person(eventId, { name: 'Liam Walker', locale: 'en' });
    await agreeMeeting(t, eventId, ja.id, en.id);
    await sink.waitUntil(
      () => mailsTo(ja, /面談成立/).length === 1 && mailsTo(en, /Meeting agreed/).length === 1,
    );
    expect(mailsTo(ja, /面談成立/)[0].text).toContain('■ 会場: 東京財務事務所 3階 大会議室');
    expect(mailsTo(en, /Meeting agreed/)[0].text).toContain('■ Venue: Tokyo Local Finance Office, 3F');
  });
});
