import { MAIL_TEMPLATE_LABEL } from '../src/mail/mail-labels';
import { MailComposers } from '../src/mail/mail-composers';
import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';

/** Every list staff see can be taken to Excel: UTF-8 with a BOM, Japanese headers, one row per item. */
describe('CSV exports of staff lists', () => {
  let t: TestApp;
  let organizer: string;
  let otherOrganizer: string;
  let eventId: string;

  const csv = (path: string, token?: string) => fetchCsv(t, path, token);

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '多摩かわせみ信用金庫',
        kind: 'FINANCIAL_INSTITUTION',
        municipality: '東京都立川市',
      }),
    );
    otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '加賀市商工振興課',
        kind: 'MUNICIPALITY',
        municipality: '石川県加賀市',
      }),
    );
    eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'かわせみビジネスマッチング大会',
      capacity: 100,
    });
    const buyer = await createParticipant(t, organizer, {
      name: '髙橋 健一',
      furigana: 'タカハシ ケンイチ',
      company: { name: '髙橋製作所' },
    });
    const seller = await createParticipant(t, organizer, {
      name: '山﨑 美咲',
      furigana: 'ヤマザキ ミサキ',
      company: { name: '山﨑デザイン' },
    });
    const guest = await createParticipant(t, organizer, {
      name: '佐藤 一郎',
      furigana: 'サトウ イチロウ',
      phone: '0425551234',
    });
    for (const [person, role] of [
      [buyer, 'BUYER'],
      [seller, 'SELLER'],
    ] as const) {
      ok(await t.gql(registerMutation(), { eventId, participantId: person.id, role }, organizer));
    }
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [guest.id] },
        organizer,
      ),
    );
    ok(
      await t.gql(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to, message: "試作の外注先を探しています") { id } }',
        { e: eventId, to: seller.id },
        await t.participantToken(buyer.id),
      ),
    );
  });
  afterAll(() => t.close());

  it('names every kind of email in words in emails.csv, the kinds added later included', () => {
    const unnamed = t.app
      .get(MailComposers)
      .templates()
      .filter((template) => !(template in MAIL_TEMPLATE_LABEL));
    expect(unnamed).toEqual([]);
  });

  it('exports the events of the organisation with registration counts', async () => {
    const { status, bom, lines } = await csv('/exports/events.csv?status=PUBLISHED', organizer);
    expect({ status, bom }).toEqual({ status: 200, bom: true });
    expect(lines[0]).toBe(
      '年度,種類,イベント名,イベント名（英語）,主催,共催,開始,終了,会場,会場（英語）,オンライン,テーマ,定員,参加登録数,残席,キャンセル待ち,招待中（未回答）,出席,欠席,状態,年度実績に計上',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('商談会,かわせみビジネスマッチング大会,,多摩かわせみ信用金庫');
    // Still ahead: its sign-ups are not yet the year's 参加登録数 (年度実績に計上: いいえ).
    expect(lines[1]).toMatch(/,100,2,98,0,1,0,0,公開中,いいえ$/);
    expect((await csv('/exports/events.csv', otherOrganizer)).lines).toHaveLength(1);
    const bad = await fetch(`${t.url}/exports/events.csv?fiscalYear=R8`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'BAD_USER_INPUT', field: 'fiscalYear' });
  });

  it('filters the events export as the events query does: kind, from, to', async () => {
    const rows = async (query: string) =>
      (await csv(`/exports/events.csv?${query}`, organizer)).lines.length - 1;
    const listed = async (filter: Record<string, unknown>) =>
      ok(
        await t.gql<{ events: { totalCount: number } }>(
          'query($filter: EventFilter) { events(filter: $filter) { totalCount } }',
          { filter },
          organizer,
        ),
      ).events.totalCount;
    expect(await rows('kind=BUSINESS_MATCHING')).toBe(await listed({ kind: 'BUSINESS_MATCHING' }));
    expect(await rows('kind=SEMINAR')).toBe(0);
    expect(await rows('kind=SEMINAR')).toBe(await listed({ kind: 'SEMINAR' }));
    expect(await rows('from=2099-01-01')).toBe(0);
    expect(await rows('to=2000-01-01')).toBe(0);
    expect(await rows('from=2000-01-01&to=2099-01-01')).toBe(1);
    // A day typed as `to` includes that day, as staff asking for "until the 10th" expect.
    const [{ node: only }] = ok(
      await t.gql<{ events: { edges: { node: { startsAt: string } }[] } }>(
        'query { events(first: 1) { edges { node { startsAt } } } }',
        {},
        organizer,
      ),
    ).events.edges;
    const day = only.startsAt.slice(0, 10); // times come back in +09:00: this is the Tokyo day
    expect(await rows(`from=${day}&to=${day}`)).toBe(1);
    expect(await rows(`from=${only.startsAt}&to=${only.startsAt}`)).toBe(0); // an instant `to` is exclusive
    // An instant without a zone is Tokyo time, as the events query takes it.
    const wallClock = only.startsAt.slice(0, 19);
    expect(await rows(`from=${wallClock}`)).toBe(await listed({ from: wallClock }));
    expect(await rows(`from=${wallClock}`)).toBe(1);
    expect(await rows('status=&kind=')).toBe(await listed({}));
    for (const [query, field] of [
      ['kind=FAIR', 'kind'],
      ['status=OPEN', 'status'],
      ['fiscalYear=', 'fiscalYear'],
      ['fiscalYear=26', 'fiscalYear'],
      ['from=tomorrow', 'from'],
      ['from=2027-02-30T10:00:00%2B09:00', 'from'],
      ['to=2027-02-30', 'to'],
    ]) {
      const bad = await fetch(`${t.url}/exports/events.csv?${query}`, {
        headers: { authorization: `Bearer ${organizer}` },
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'BAD_USER_INPUT', field });
    }
  });

  it('exports the registrations with roles in words, filtered by status', async () => {
    const all = await csv(`/exports/events/${eventId}/registrations.csv`, organizer);
    expect(all.status).toBe(200);
    expect(all.lines[0]).toContain('氏名,フリガナ,事業者名,登録時の事業者名,業種');
    expect(all.lines[0]).toContain('状態,役割,ブース,申込日時,参加登録日時,キャンセル待ち登録日時,受付日時');
    expect(all.lines.some((line) => line.includes('髙橋 健一') && line.includes(',バイヤー,'))).toBe(true);
    expect(all.lines.some((line) => line.includes('山﨑 美咲') && line.includes(',サプライヤー,'))).toBe(
      true,
    );
    const invited = await csv(`/exports/events/${eventId}/registrations.csv?status=INVITED`, organizer);
    expect(invited.lines.slice(1).map((line) => line.split(',')[0])).toEqual(['佐藤 一郎']);
    // An empty status is no filter, as leaving it out.
    expect((await csv(`/exports/events/${eventId}/registrations.csv?status=`, organizer)).lines).toEqual(
      all.lines,
    );
    const bad = await fetch(`${t.url}/exports/events/${eventId}/registrations.csv?status=invited`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'status' });
  });

  it('exports the meeting requests of an event', async () => {
    const { status, lines } = await csv(`/exports/events/${eventId}/meeting-requests.csv`, organizer);
    expect(status).toBe(200);
    expect(lines[0]).toBe(
      '申込日時,申込者の氏名,申込者の事業者名,相手の氏名,相手の事業者名,メッセージ,状態,回答期限,回答日時,回答メッセージ,申込ID',
    );
    expect(lines[1]).toContain(
      '髙橋 健一,髙橋製作所,山﨑 美咲,山﨑デザイン,試作の外注先を探しています,回答待ち',
    );
    const path = `/exports/events/${eventId}/meeting-requests.csv`;
    expect((await csv(`${path}?status=PENDING`, organizer)).lines).toHaveLength(2);
    expect((await csv(`${path}?status=DECLINED`, organizer)).lines).toHaveLength(1);
    const bad = await fetch(`${t.url}${path}?status=toString`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'BAD_USER_INPUT', field: 'status' });
  });

  it('exports the email delivery status of an event', async () => {
    const { status, lines } = await csv(`/exports/events/${eventId}/emails.csv`, organizer);
    expect(status).toBe(200);
    expect(lines[0]).toBe(
      '作成日時,氏名,事業者名,メールアドレス,電話番号,種類,状態,送信回数,送信日時,エラー・理由,エラー詳細（システム管理者向け）,送信バッチID',
    );
    const invitation = lines.find((line) => line.includes('佐藤 一郎'))!;
    expect(invitation).toContain(',招待,');
    // Whose company, as the other lists name it; none for a guest without one.
    expect(invitation).toContain(',佐藤 一郎,,');
    expect(lines.filter((line) => line.includes(',山﨑 美咲,')).length).toBeGreaterThan(0);
    for (const line of lines.filter((line) => line.includes(',山﨑 美咲,')))
      expect(line).toContain(',山﨑 美咲,山﨑デザイン,');
    // For the ones that failed, the number to call, as Excel shows it (the leading 0 kept).
    expect(invitation).toContain(',"=""0425551234""",');
    const batchId = invitation.split(',').at(-1)!;
    expect(
      (await csv(`/exports/events/${eventId}/emails.csv?batchId=${batchId}`, organizer)).lines,
    ).toHaveLength(2);

    const typo = await fetch(`${t.url}/exports/events/${eventId}/emails.csv?status=FAILD`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(typo.status).toBe(400);
    const body = (await typo.json()) as { field: string; message: string };
    expect(body.field).toBe('status');
    expect(body.message).toContain('「FAILD」は指定できません');
    expect(body.message).toContain('FAILED（送信失敗）');
    const badBatch = await fetch(`${t.url}/exports/events/${eventId}/emails.csv?batchId=1`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(badBatch.status).toBe(400);
    expect(await badBatch.json()).toMatchObject({ error: 'BAD_USER_INPUT', field: 'batchId' });
  });

  it('exports the organising bodies staff choose co-hosts from', async () => {
    const { status, bom, lines } = await csv('/exports/organizations.csv', otherOrganizer);
    expect({ status, bom }).toEqual({ status: 200, bom: true });
    expect(lines[0]).toBe('団体名,種類,所在地,法人番号,英語の団体名,登録日時');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(
      expect.arrayContaining([
        '多摩かわせみ信用金庫,金融機関,東京都立川市',
        '加賀市商工振興課,自治体,石川県加賀市',
      ]),
    );
    expect((await csv('/exports/organizations.csv')).status).toBe(401);
  });

  it('names a person and their company the same in every export: 氏名 and 事業者名, as the participant list', async () => {
    const [participantId] = (await csv(`/exports/events/${eventId}/registrations.csv`, organizer)).lines
      .at(-1)!
      .split(',')
      .slice(-1);
    const expected: [string, string[]][] = [
      ['/exports/participants.csv', ['氏名', 'フリガナ', '事業者名', 'メールアドレス', '電話番号']],
      [
        `/exports/events/${eventId}/registrations.csv`,
        ['氏名', 'フリガナ', '事業者名', 'メールアドレス', '電話番号'],
      ],
      [`/exports/events/${eventId}/survey.csv`, ['氏名', '事業者名']],
      [`/exports/events/${eventId}/emails.csv`, ['氏名', '事業者名', 'メールアドレス', '電話番号']],
      [`/exports/events/${eventId}/suggestions.csv`, ['氏名', '事業者名', '相手の氏名', '相手の事業者名']],
      [`/exports/events/${eventId}/invitee-recommendations.csv`, ['氏名', '事業者名', 'メールアドレス']],
      [
        `/exports/events/${eventId}/meeting-requests.csv`,
        ['申込者の氏名', '申込者の事業者名', '相手の氏名', '相手の事業者名'],
      ],
      [
        `/exports/events/${eventId}/meetings.csv`,
        [
          '氏名A',
          '事業者名A',
          'メールアドレスA',
          '電話番号A',
          '氏名B',
          '事業者名B',
          'メールアドレスB',
          '電話番号B',
        ],
      ],
      [`/exports/participants/${participantId}/no-shows.csv`, ['相手の氏名', '相手の事業者名']],
      ['/exports/deals.csv', ['氏名A', '事業者名A', '氏名B', '事業者名B']],
      ['/exports/follow-ups.csv?before=2099-01-01', ['氏名', '事業者名', 'メールアドレス', '電話番号']],
      ['/exports/follow-ups-done.csv?fiscalYear=2026', ['氏名', '事業者名']],
      ['/exports/mini-salon-requests.csv', ['氏名', 'メールアドレス', '電話番号', '事業者名']],
      ['/exports/profile-changes.csv', ['氏名', '事業者名', 'メールアドレス']],
    ];
    for (const [path, names] of expected) {
      const { status, lines } = await csv(path, organizer);
      expect({ path, status }).toEqual({ path, status: 200 });
      const header = lines[0].split(',');
      expect({ path, header }).toEqual({ path, header: expect.arrayContaining(names) });
      // No company column under another name (事業者, 事業者A, 相手の事業者).
      expect({ path, company: header.filter((name) => /事業者(?!名)/.test(name)) }).toEqual({
        path,
        company: [],
      });
    }
  });

  it('writes 業種 as the participant list does and keeps a booth number as typed', async () => {
    const maker = await createParticipant(t, organizer, {
      name: '大田 精一',
      furigana: 'オオタ セイイチ',
      company: { name: '大田精密', industry: 'E' },
    });
    ok(
      await t.gql(
        registerMutation(),
        { eventId, participantId: maker.id, role: 'SELLER', booth: '1-12' },
        organizer,
      ),
    );
    const registrations = await csv(`/exports/events/${eventId}/registrations.csv`, organizer);
    const header = registrations.lines[0].split(',');
    const row = registrations.lines.find((line) => line.startsWith('大田 精一,'))!.split(',');
    expect(row[header.indexOf('業種')]).toBe('E 製造業');
    const participants = await csv('/exports/participants.csv', organizer);
    const columns = participants.lines[0].split(',');
    const listed = participants.lines.find((line) => line.includes(',大田 精一,'))!.split(',');
    expect(listed[columns.indexOf('業種')]).toBe(row[header.indexOf('業種')]);
    // Excel would open 1-12 as the date 1月12日.
    expect(row[header.indexOf('ブース')]).toBe('"=""1-12"""');
  });

  it('writes every text cell so that Excel neither calculates nor runs it, and keeps counts numbers', async () => {
    // What people type into free text: Excel would open -1-1 as -2 and the rest as formulas.
    const person = await createParticipant(t, organizer, {
      name: '石井 守',
      furigana: 'イシイ マモル',
      title: '+81 3-1234',
      offersText: '=1+1',
      needsText: '@SUM(A1:A9)',
      company: { name: '-1-1', employees: 30 },
    });
    const requester = await createParticipant(t, organizer, { name: '今井 亮', furigana: 'イマイ リョウ' });
    for (const [{ id }, role] of [
      [person, 'BUYER'],
      [requester, 'SELLER'],
    ] as const)
      ok(await t.gql(registerMutation(), { eventId, participantId: id, role }, organizer));
    ok(
      await t.gql(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to, message: "-2+3") { id } }',
        { e: eventId, to: person.id },
        await t.participantToken(requester.id),
      ),
    );

    const participants = await csv('/exports/participants.csv', organizer);
    const columns = participants.lines[0].split(',');
    const row = participants.lines.find((line) => line.includes(',石井 守,'))!.split(',');
    const cell = (header: string) => row[columns.indexOf(header)];
    expect({
      company: cell('事業者名'),
      title: cell('役職'),
      offersText: cell('提供できること（詳細）'),
      needsText: cell('求めること（詳細）'),
      employees: cell('従業員数'),
    }).toEqual({
      company: "'-1-1",
      title: "'+81 3-1234",
      offersText: "'=1+1",
      needsText: "'@SUM(A1:A9)",
      // A number Excel can add up.
      employees: '30',
    });

    const registrations = await csv(`/exports/events/${eventId}/registrations.csv`, organizer);
    const header = registrations.lines[0].split(',');
    const registered = registrations.lines.find((line) => line.startsWith('石井 守,'))!.split(',');
    expect(registered[header.indexOf('事業者名')]).toBe("'-1-1");
    const requests = await csv(`/exports/events/${eventId}/meeting-requests.csv`, organizer);
    const requestHeader = requests.lines[0].split(',');
    const request = requests.lines.find((line) => line.includes(',石井 守,'))!.split(',');
    expect(request[requestHeader.indexOf('メッセージ')]).toBe("'-2+3");
    const events = await csv('/exports/events.csv', organizer);
    const eventHeader = events.lines[0].split(',');
    const event = events.lines.find((line) => line.includes(',かわせみビジネスマッチング大会,'))!.split(',');
    expect(event[eventHeader.indexOf('参加登録数')]).toMatch(/^\d+$/);

    // The exported row imports back as it was: the import takes the quote off again.
    const imported = ok(
      await t.gql<{ importParticipants: { updated: number; unchanged: number } }>(
        'mutation($csv: String) { importParticipants(csv: $csv) { updated unchanged } }',
        { csv: [participants.lines[0], row.join(',')].join('\r\n') },
        organizer,
      ),
    ).importParticipants;
    expect(imported).toEqual({ updated: 0, unchanged: 1 });
  });

  it("refuses another organisation's staff and anonymous callers", async () => {
    for (const path of [
      `/exports/events/${eventId}/meeting-requests.csv`,
      `/exports/events/${eventId}/emails.csv`,
    ]) {
      expect((await csv(path, otherOrganizer)).status).toBe(403);
      expect((await csv(path)).status).toBe(401);
    }
  });
});
