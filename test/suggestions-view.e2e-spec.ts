import { parse } from 'csv-parse/sync';
import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  matchAndWait,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

interface Listed {
  suggested: { name: string };
  request: { id: string; status: string; incoming: boolean } | null;
  bothRegistered: boolean;
}

/**
 * What a participant sees of the people suggested to them once requests have been made and people
 * have left, and how the person asked meets who asks: the request email and its answer page.
 */
describe('suggestions and requests as participants see them', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;
  const people: Record<string, { id: string; email: string; token: string }> = {};

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '東京財務事務所', kind: 'FINANCE_OFFICE' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第5回）',
      themes: ['事業承継', '販路開拓'],
    });
    await join('takahashi', {
      name: '髙橋 美﨑',
      furigana: 'タカハシ ミサキ',
      phone: '03-1234-5678',
      consentContactSharing: true,
      company: { name: '髙橋製作所', industry: 'E', municipality: '東京都葛飾区' },
      offers: ['金属加工', '試作'],
      needs: ['販路開拓'],
    });
    await join('emma', {
      name: 'Emma Clarke',
      furigana: 'エマ クラーク',
      locale: 'en',
      company: { name: 'Clarke Design', industry: 'L', municipality: '東京都渋谷区' },
      offers: ['パッケージデザイン'],
      needs: ['試作', '販路開拓'],
    });
    await join('suzuki', {
      name: '鈴木 一郎',
      furigana: 'スズキ イチロウ',
      company: { name: '鈴木商事', industry: 'I', municipality: '東京都大田区' },
      offers: ['販路開拓'],
      needs: ['金属加工', 'パッケージデザイン'],
    });
    await join('sato', {
      name: '佐藤 健一',
      furigana: 'サトウ ケンイチ',
      company: { name: '佐藤食品', industry: 'E', municipality: '東京都足立区' },
      offers: ['和菓子'],
      needs: ['販路開拓', 'パッケージデザイン'],
    });
    await runMatching();
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  async function join(key: string, profile: Record<string, unknown>) {
    const person = await createParticipant(t, organizer, profile);
    ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
    people[key] = { ...person, token: await t.participantToken(person.id) };
  }

  const runMatching = () => matchAndWait(t, organizer, eventId);

  const LISTED = 'suggested { name } request { id status incoming } bothRegistered';
  const mySuggestions = async (key: string, fields = LISTED): Promise<Listed[]> =>
    ok(
      await t.gql<{ mySuggestions: Listed[] }>(
        `query($eventId: ID!) { mySuggestions(eventId: $eventId) { ${fields} } }`,
        { eventId },
        people[key].token,
      ),
    ).mySuggestions;
  const staffView = async (key: string): Promise<Listed[]> =>
    ok(
      await t.gql<{ suggestionsFor: Listed[] }>(
        `query($eventId: ID!, $participantId: ID!) {
          suggestionsFor(eventId: $eventId, participantId: $participantId) { ${LISTED} } }`,
        { eventId, participantId: people[key].id },
        organizer,
      ),
    ).suggestionsFor;
  const entryFor = (list: Listed[], name: string) => list.find((entry) => entry.suggested.name === name);

  const requestMeeting = async (from: string, to: string) =>
    ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to: people[to].id },
        people[from].token,
      ),
    ).requestMeeting.id;

  /** The request emails to `key` from `from` (the subject names who asks). */
  const requestMailTo = (key: string, from: string) =>
    sink
      .to(people[key].email)
      .filter(
        (mail) => /面談のお申込|Meeting request from/.test(mail.subject) && mail.subject.includes(from),
      );
  const answerPage = async (mail: ReceivedMail) => {
    const [url] = new RegExp(`${t.url}/meetings/respond\\?token=[\\w-]+&accept=1`).exec(mail.text)!;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('keeps someone asked in the list, marked with the request, on both sides, until it is answered', async () => {
    expect(entryFor(await mySuggestions('emma'), '鈴木 一郎')).toMatchObject({ request: null });
    expect(entryFor(await mySuggestions('suzuki'), 'Emma Clarke')).toMatchObject({ request: null });

    const id = await requestMeeting('emma', 'suzuki');
    // Emma asked: 申込済み in place of a button that could only answer 「申込はすでにあります」.
    expect(entryFor(await mySuggestions('emma'), '鈴木 一郎')).toEqual({
      suggested: { name: '鈴木 一郎' },
      request: { id, status: 'PENDING', incoming: false },
      bothRegistered: true,
    });
    // 鈴木 was asked: Emma stays in his list, as someone waiting for his answer.
    expect(entryFor(await mySuggestions('suzuki'), 'Emma Clarke')?.request).toEqual({
      id,
      status: 'PENDING',
      incoming: true,
    });

    ok(
      await t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
        { id },
        people.suzuki.token,
      ),
    );
    expect(entryFor(await mySuggestions('emma'), '鈴木 一郎')?.request).toEqual({
      id,
      status: 'ACCEPTED',
      incoming: false,
    });
    // Staff see the same state.
    expect(entryFor(await staffView('emma'), '鈴木 一郎')?.request).toMatchObject({ status: 'ACCEPTED' });
  });

  it("marks someone who declined the participant's request, as the digest's page does, since they cannot ask again", async () => {
    expect(entryFor(await mySuggestions('emma'), '髙橋 美﨑')).toMatchObject({ request: null });
    const id = await requestMeeting('emma', 'takahashi');
    ok(
      await t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: false) { status } }',
        { id },
        people.takahashi.token,
      ),
    );
    // Emma was declined: a button could only be refused, so the list says so instead.
    expect(entryFor(await mySuggestions('emma'), '髙橋 美﨑')?.request).toEqual({
      id,
      status: 'DECLINED',
      incoming: false,
    });
    const refused = await t.gql(
      'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
      { e: eventId, to: people.takahashi.id },
      people.emma.token,
    );
    expect(refused.errors?.[0].extensions?.reason).toBe('MEETING_DECLINED_BEFORE');
    // 髙橋, who declined, may still ask her: his list keeps the button.
    expect(entryFor(await mySuggestions('takahashi'), 'Emma Clarke')).toMatchObject({ request: null });
    expect(entryFor(await staffView('emma'), '髙橋 美﨑')?.request).toMatchObject({ status: 'DECLINED' });
  });

  it('no longer lists someone who cancelled their registration; staff still see them, marked', async () => {
    const before = await mySuggestions('suzuki', 'suggested { name }');
    expect(before.map((entry) => entry.suggested.name)).toContain('佐藤 健一');
    const [{ id: registrationId }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, people.sato.id],
    );
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: registrationId },
        people.sato.token,
      ),
    );

    const after = await mySuggestions('suzuki', 'suggested { name }');
    expect(after.map((entry) => entry.suggested.name)).not.toContain('佐藤 健一');
    expect(after).toHaveLength(before.length - 1);
    // The participant's own view through suggestionsFor is the same list.
    const own = ok(
      await t.gql<{ suggestionsFor: Listed[] }>(
        `query($eventId: ID!, $participantId: ID!) {
          suggestionsFor(eventId: $eventId, participantId: $participantId) { suggested { name } } }`,
        { eventId, participantId: people.suzuki.id },
        people.suzuki.token,
      ),
    ).suggestionsFor;
    expect(own).toEqual(after);
    // 佐藤's own list is empty: he left.
    expect(await mySuggestions('sato', 'suggested { name }')).toEqual([]);

    // Staff follow up on the whole list: 佐藤 is there, marked as no longer registered.
    expect(entryFor(await staffView('suzuki'), '佐藤 健一')).toMatchObject({ bothRegistered: false });
    expect(entryFor(await staffView('suzuki'), '髙橋 美﨑')).toMatchObject({ bothRegistered: true });
  });

  it('gives staff the same in the おすすめ一覧 CSV: the request between the two, and whether both still hold a seat', async () => {
    const csv = await fetchCsv(t, `/exports/events/${eventId}/suggestions.csv`, organizer);
    expect(csv.status).toBe(200);
    const rows: Record<string, string>[] = parse(csv.text, { columns: true });
    const row = (receiver: string, suggested: string) =>
      rows.find((r) => r['氏名'] === receiver && r['相手の氏名'] === suggested);
    // Emma asked 鈴木 and he agreed (the first test): both rows say so, whoever asked.
    expect(row('Emma Clarke', '鈴木 一郎')).toMatchObject({
      面談の申込: '面談成立',
      両者とも参加登録中: 'はい',
    });
    expect(row('鈴木 一郎', 'Emma Clarke')).toMatchObject({ 面談の申込: '面談成立' });
    // 髙橋 declined Emma's request (the test before): her row says she cannot ask again; his does not.
    expect(row('Emma Clarke', '髙橋 美﨑')).toMatchObject({
      面談の申込: '申込に相手が見送り（このイベントでは再申込不可）',
    });
    expect(row('髙橋 美﨑', 'Emma Clarke')).toMatchObject({ 面談の申込: '' });
    // 佐藤 left (the test before): still listed, marked.
    expect(row('鈴木 一郎', '佐藤 健一')).toMatchObject({ 面談の申込: '', 両者とも参加登録中: 'いいえ' });
  });

  it('introduces the requester in the request email, in Japanese, and no contact details', async () => {
    await requestMeeting('takahashi', 'suzuki');
    await sink.waitUntil(
      () => requestMailTo('suzuki', '髙橋 美﨑').length === 1,
      30_000,
      'the request to 鈴木',
    );
    const [mail] = requestMailTo('suzuki', '髙橋 美﨑');
    expect(mail.text).toContain(
      '■ 業種・地域: 製造業／東京都葛飾区\n■ 提供できること: 金属加工、試作\n■ 求めること: 販路開拓\n',
    );
    expect(mail.html).toContain('製造業／東京都葛飾区');
    expect(mail.text).not.toContain('03-1234-5678');
    expect(mail.text).not.toContain(people.takahashi.email);

    // The page its 承諾する button opens says who is asking, the same way.
    const html = await answerPage(mail);
    expect(html).toContain(
      '<p>製造業／東京都葛飾区<br>提供できること: 金属加工、試作<br>求めること: 販路開拓</p>',
    );
    expect(html).not.toContain('03-1234-5678');
  });

  it('introduces the requester to an English reader with the English beside each Japanese tag', async () => {
    await requestMeeting('takahashi', 'emma');
    await sink.waitUntil(
      () => requestMailTo('emma', '髙橋 美﨑').length === 1,
      30_000,
      'the request to Emma',
    );
    const [mail] = requestMailTo('emma', '髙橋 美﨑');
    expect(mail.text).toContain(
      '■ Industry, area: manufacturing, 東京都葛飾区 (Katsushika City, Tokyo)\n■ They offer: 金属加工 (metalworking), 試作 (prototyping)\n■ They are looking for: 販路開拓 (new sales channels)\n',
    );
    expect(mail.html).toContain('金属加工 (metalworking), 試作 (prototyping)');
    expect(mail.text).not.toContain('03-1234-5678');

    const html = await answerPage(mail);
    expect(html).toContain(
      '<p>manufacturing, 東京都葛飾区 (Katsushika City, Tokyo)<br>They offer: 金属加工 (metalworking), 試作 (prototyping)<br>They are looking for: 販路開拓 (new sales channels)</p>',
    );
    // His request now outweighs her earlier one he declined: hers to answer.
    expect(entryFor(await mySuggestions('emma'), '髙橋 美﨑')?.request).toMatchObject({
      status: 'PENDING',
      incoming: true,
    });
  });
});
