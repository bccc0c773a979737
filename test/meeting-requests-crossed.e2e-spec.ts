import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const REQUEST_FIELDS =
  'id status message reply autoAccepted respondedAt from { participantId email } to { participantId email }';
interface RequestView {
  id: string;
  status: string;
  message: string;
  reply: string;
  autoAccepted: boolean;
  respondedAt: string | null;
  from: { participantId: string; email: string | null };
  to: { participantId: string; email: string | null };
}
type Person = { id: string; email: string; token: string };

/** Asking someone who has asked you and waits for your answer is saying yes to them. */
describe('meeting requests: asking back someone who asked you', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;
  const EVENT_TITLE = '城南ビジネス交流サロン';

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ ...sink.appSettings(), MAIL_RETRY_BASE_MS: '100' });
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '品川区商工会議所', kind: 'CHAMBER_OF_COMMERCE' }),
    );
    eventId = await createPublishedEvent(t, organizer, { title: EVENT_TITLE });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const person = async (input: Record<string, unknown>): Promise<Person> => {
    const participant = await createParticipant(t, organizer, { consentContactSharing: true, ...input });
    ok(await t.gql(registerMutation(), { eventId, participantId: participant.id }, organizer));
    return { ...participant, token: await t.participantToken(participant.id) };
  };
  const requestMeeting = (from: Person, to: Person, message = '') =>
    t.gql<{ requestMeeting: RequestView }>(
      `mutation($e: ID!, $to: ID!, $m: String) { requestMeeting(eventId: $e, toParticipantId: $to, message: $m) { ${REQUEST_FIELDS} } }`,
      { e: eventId, to: to.id, m: message },
      from.token,
    );
  const betweenThem = (a: Person, b: Person): Promise<{ from: string; status: string }[]> =>
    t.dataSource.query(
      `SELECT from_participant_id AS "from", status FROM meeting_requests
        WHERE event_id = $1 AND from_participant_id IN ($2, $3) AND to_participant_id IN ($2, $3)`,
      [eventId, a.id, b.id],
    );
  const mailsTo = (who: Person, subject: RegExp) =>
    sink.to(who.email).filter((mail) => subject.test(mail.subject));

  it('accepts the waiting request, with the emails of an acceptance, and says whose it is', async () => {
    const ando = await person({ name: '安藤 美紀', furigana: 'アンドウ ミキ' });
    const nakano = await person({ name: '中野 健太', furigana: 'ナカノ ケンタ' });
    const theirs = ok(
      await requestMeeting(ando, nakano, '物流の効率化についてご相談させてください'),
    ).requestMeeting;
    expect(theirs.status).toBe('PENDING');
    await sink.waitUntil(() => mailsTo(nakano, /面談のお申込/).length === 1);

    // 中野 asks 安藤 without having answered her: the answer is her request, now accepted.
    const answer = ok(await requestMeeting(nakano, ando, 'ぜひお話ししましょう')).requestMeeting;
    expect(answer).toMatchObject({
      id: theirs.id,
      status: 'ACCEPTED',
      // Her message stays hers; what he typed is his reply to it.
      message: '物流の効率化についてご相談させてください',
      reply: 'ぜひお話ししましょう',
      autoAccepted: false,
      from: { participantId: ando.id, email: ando.email },
      to: { participantId: nakano.id, email: nakano.email },
    });
    expect(answer.respondedAt).not.toBeNull();
    expect(await betweenThem(ando, nakano)).toEqual([{ from: ando.id, status: 'ACCEPTED' }]);

    // 安藤 hears that 中野 accepted; 中野 is thanked for accepting, as with 「承諾する」.
    await sink.waitUntil(
      () => mailsTo(ando, /面談成立/).length === 1 && mailsTo(nakano, /面談成立/).length === 1,
    );
    const [toAndo] = mailsTo(ando, /面談成立/);
    expect(toAndo.subject).toBe(`【面談成立】中野 健太 様（${EVENT_TITLE}）`);
    expect(toAndo.text).toContain(`中野 健太 様が、「${EVENT_TITLE}」での面談を承諾されました。`);
    expect(toAndo.text).toContain(nakano.email);
    expect(toAndo.text).toContain('■ 先方からのメッセージ: ぜひお話ししましょう');
    // A salon without 商談枠: no time is promised, they find each other at the venue.
    expect(toAndo.text).toContain(
      'このイベントでは面談の時間枠を設けていません。当日、会場でお声がけください。先方の連絡先は次のとおりです。',
    );
    expect(toAndo.text).not.toContain('面談スケジュールとしてあらためてお送りします');
    const [toNakano] = mailsTo(nakano, /面談成立/);
    expect(toNakano.subject).toBe(`【面談成立】安藤 美紀 様（${EVENT_TITLE}）`);
    expect(toNakano.text).toContain('お申込を承諾いただき、ありがとうございます。');
    expect(toNakano.text).toContain(ando.email);
    // No request went the other way, so 安藤 is not asked to answer anything.
    expect(mailsTo(ando, /面談のお申込/)).toEqual([]);

    // Reception's floor sheet has the pair, with no time: they meet at the venue (a meeting there,
    // with its 面談ID for recording it held).
    const sheet = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, organizer);
    const [pair] = sheet.lines.slice(1).filter((line) => line.endsWith(`,${theirs.id}`));
    expect(pair.split(',').slice(0, 6)).toEqual(['', '', '', '', '会場内（時間は当日）', '安藤 美紀']);
    expect(pair).toContain(',中野 健太,');
    expect(pair).toMatch(/,予定,,,,,[0-9a-f-]{36},/);

    // Now it is agreed, asking again is the duplicate it always was.
    const duplicate = failure(await requestMeeting(nakano, ando));
    expect(duplicate.extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_DUPLICATE_REQUEST' });
    expect(duplicate.message).toBe('この方との面談申込はすでにあります（回答待ちまたは承諾済み）');
    // A participant who reads English is told in English, the code and field unchanged.
    await t.dataSource.query(`UPDATE participants SET locale = 'en' WHERE id = $1`, [nakano.id]);
    const inEnglish = failure(await requestMeeting(nakano, ando));
    expect(inEnglish.message).toBe(
      'There is already a meeting request with this person (waiting for an answer or accepted).',
    );
    expect(inEnglish.extensions).toEqual(duplicate.extensions);
  });

  it('accepts even when the cap on sent requests is reached: an acceptance is no new request', async () => {
    const [sent, asker, other] = [await person({}), await person({}), await person({})];
    ok(
      await t.gql(
        'mutation($e: ID!, $input: UpdateMeetingSettingsInput!) { updateMeetingSettings(eventId: $e, input: $input) { eventId } }',
        { e: eventId, input: { maxRequestsPerParticipant: 1 } },
        organizer,
      ),
    );
    try {
      ok(await requestMeeting(sent, other));
      const theirs = ok(await requestMeeting(asker, sent)).requestMeeting;
      expect(ok(await requestMeeting(sent, asker)).requestMeeting).toMatchObject({
        id: theirs.id,
        status: 'ACCEPTED',
      });
      // A request of their own is still over the cap.
      expect(failure(await requestMeeting(sent, await person({}))).extensions?.reason).toBe(
        'MEETING_REQUEST_CAP_REACHED',
      );
    } finally {
      ok(
        await t.gql(
          'mutation($e: ID!, $input: UpdateMeetingSettingsInput!) { updateMeetingSettings(eventId: $e, input: $input) { eventId } }',
          { e: eventId, input: { maxRequestsPerParticipant: null } },
          organizer,
        ),
      );
    }
  });

  it('two people asking each other at the same moment end with one request, accepted', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [a, b] = [await person({}), await person({})];
      const answers = await Promise.all([requestMeeting(a, b), requestMeeting(b, a)]);
      const [first, second] = answers.map((answer) => ok(answer).requestMeeting);
      expect(second.id).toBe(first.id);
      expect(await betweenThem(a, b)).toEqual([{ from: first.from.participantId, status: 'ACCEPTED' }]);
    }
  });

  it('leaves a declined request alone: asking back files a new one', async () => {
    const [a, b] = [await person({}), await person({})];
    const theirs = ok(await requestMeeting(a, b)).requestMeeting;
    const decline = (message: string) =>
      t.gql<{ respondToMeetingRequest: RequestView }>(
        `mutation($id: ID!, $m: String) { respondToMeetingRequest(id: $id, accept: false, message: $m) { ${REQUEST_FIELDS} } }`,
        { id: theirs.id, m: message },
        b.token,
      );
    // An answer in the app may carry a message too, within the same length as a request's.
    expect(failure(await decline('あ'.repeat(1001))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'message',
    });
    const declined = ok(await decline('  今回は日程が合わず失礼します。次回ぜひ。 ')).respondToMeetingRequest;
    expect(declined).toMatchObject({ status: 'DECLINED', reply: '今回は日程が合わず失礼します。次回ぜひ。' });
    await sink.waitUntil(() => mailsTo(a, /今回は見送り/).length === 1);
    expect(mailsTo(a, /今回は見送り/)[0].text).toContain(
      '■ 先方からのメッセージ: 今回は日程が合わず失礼します。次回ぜひ。',
    );
    // Staff read it too, in the 面談申込一覧.
    const { lines } = await fetchCsv(
      t,
      `/exports/events/${eventId}/meeting-requests.csv?status=DECLINED`,
      organizer,
    );
    const columns = lines[0].split(',');
    const row = lines.find((line) => line.endsWith(theirs.id))!.split(',');
    expect(row[columns.indexOf('回答メッセージ')]).toBe('今回は日程が合わず失礼します。次回ぜひ。');
    // The 見送り holds at this event: a asks b no more (say from a digest's link)…
    expect(failure(await requestMeeting(a, b)).extensions).toMatchObject({
      reason: 'MEETING_DECLINED_BEFORE',
      field: 'toParticipantId',
    });
    expect(await betweenThem(a, b)).toEqual([{ from: a.id, status: 'DECLINED' }]);
    // …but b, who declined, may still ask a.
    const mine = ok(await requestMeeting(b, a)).requestMeeting;
    expect(mine).toMatchObject({ status: 'PENDING', from: { participantId: b.id } });
    expect(mine.id).not.toBe(theirs.id);
  });
});
