import * as iconv from 'iconv-lite';
import { Role } from '../src/auth/actor';
import { fetchCsv } from './support/csv-export';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const UPLOAD = `mutation($eventId: ID!, $csv: String, $fileBase64: String) {
  updateRegistrationsFromCsv(eventId: $eventId, csv: $csv, fileBase64: $fileBase64) {
    updated unchanged totalRows encoding ignoredColumns errors { row field column message }
  }
}`;

type Uploaded = {
  updateRegistrationsFromCsv: {
    updated: number;
    unchanged: number;
    totalRows: number;
    encoding: string;
    ignoredColumns: string[];
    errors: { row: number; field: string; column: string | null; message: string }[];
  };
};

/** The 出展者一覧 staff keep in Excel, uploaded to set everyone's 参加区分 and ブース at once. */
describe('updateRegistrationsFromCsv', () => {
  let t: TestApp;
  let organizer: string;
  let coHostStaff: string;
  let otherOrganizer: string;
  let coHostId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, { name: '大田区産業振興協会', kind: 'SUPPORT_AGENCY' });
    coHostId = await createOrganization(t, admin, { name: '東京商工会議所 大田支部' });
    organizer = await staffSession(t, Role.ORGANIZER, org);
    coHostStaff = await staffSession(t, Role.STAFF, coHostId);
    otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '川口市' }),
    );
  });
  afterAll(() => t.close());

  const upload = (token: string, variables: Record<string, unknown>) =>
    t.gql<Uploaded>(UPLOAD, variables, token);
  const stored = async (eventId: string) =>
    Object.fromEntries(
      (
        await t.dataSource.query(
          `SELECT p.email, r.role, r.booth FROM registrations r JOIN participants p ON p.id = r.participant_id
            WHERE r.event_id = $1`,
          [eventId],
        )
      ).map((row: { email: string; role: string; booth: string | null }) => [
        row.email,
        `${row.role} ${row.booth ?? '-'}`,
      ]),
    );

  /** A 展示会 with four companies registered as visitors, as they signed up. */
  async function fair(title: string) {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title,
      coHostIds: [coHostId],
    });
    const people = [];
    for (const company of [
      '株式会社大森精工',
      '有限会社蒲田製作所',
      '羽田工業株式会社',
      '六郷金属株式会社',
    ]) {
      const person = await createParticipant(t, organizer, { company: { name: company } });
      ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
      people.push(person);
    }
    return { eventId, people };
  }

  it('sets roles and booths from a Shift_JIS 出展者一覧; blank cells keep what is stored', async () => {
    const { eventId, people } = await fair('大田区加工技術展');
    const [a, b, c, d] = people;
    ok(
      await t.gql(
        registerMutation(),
        { eventId, participantId: d.id, role: 'SPEAKER', booth: 'Z-01' },
        organizer,
      ),
    );
    const sheet = [
      'No,メールアドレス,会社名,参加区分,ブース',
      `1,${a.email.toUpperCase()},株式会社大森精工,出展者,Ａ－０１`,
      `2,${b.email.replace('@', '＠')},有限会社蒲田製作所,出展,a-02`,
      `3,${c.email},羽田工業株式会社,バイヤー,`,
      `4,${d.email},六郷金属株式会社,,`,
      ',,,,',
    ].join('\r\n');
    const result = ok(
      await upload(organizer, { eventId, fileBase64: iconv.encode(sheet, 'cp932').toString('base64') }),
    ).updateRegistrationsFromCsv;
    expect(result).toEqual({
      updated: 3,
      unchanged: 1,
      totalRows: 5,
      encoding: 'Shift_JIS (CP932)',
      ignoredColumns: ['No', '会社名'],
      errors: [],
    });
    expect(await stored(eventId)).toEqual({
      [a.email]: 'EXHIBITOR A-01',
      [b.email]: 'EXHIBITOR A-02',
      [c.email]: 'BUYER -',
      [d.email]: 'SPEAKER Z-01',
    });

    // English headers and values, by a co-host's staff; なし takes a booth away.
    const english = ['email,role,booth', `${a.email},exhibitor,なし`, `${c.email},SELLER,C-09`].join('\n');
    expect(ok(await upload(coHostStaff, { eventId, csv: english })).updateRegistrationsFromCsv).toMatchObject(
      {
        updated: 2,
        errors: [],
      },
    );
    expect(await stored(eventId)).toMatchObject({ [a.email]: 'EXHIBITOR -', [c.email]: 'SELLER C-09' });
  });

  it('lets two exhibitors trade booths in one file, and still refuses a booth left to another company', async () => {
    const { eventId, people } = await fair('蒲田ものづくり展');
    const [a, b, c] = people;
    const sheet = (...rows: string[]) => ['メールアドレス,参加区分,ブース', ...rows].join('\n');
    ok(
      await upload(organizer, {
        eventId,
        csv: sheet(`${a.email},出展者,A-01`, `${b.email},出展者,A-02`, `${c.email},出展者,A-03`),
      }),
    );

    const swapped = ok(
      await upload(organizer, { eventId, csv: sheet(`${a.email},,A-02`, `${b.email},,A-01`) }),
    ).updateRegistrationsFromCsv;
    expect(swapped).toMatchObject({ updated: 2, errors: [] });
    expect(await stored(eventId)).toMatchObject({
      [a.email]: 'EXHIBITOR A-02',
      [b.email]: 'EXHIBITOR A-01',
      [c.email]: 'EXHIBITOR A-03',
    });

    // A-03 stays with c, who is not in the file: the move onto it is refused, and nothing moved.
    const refused = ok(
      await upload(organizer, { eventId, csv: sheet(`${a.email},,A-03`, `${b.email},,A-02`) }),
    ).updateRegistrationsFromCsv;
    expect(refused.updated).toBe(0);
    expect(refused.errors).toEqual([expect.objectContaining({ row: 2, field: 'booth', column: 'ブース' })]);
    expect(await stored(eventId)).toMatchObject({
      [a.email]: 'EXHIBITOR A-02',
      [b.email]: 'EXHIBITOR A-01',
      [c.email]: 'EXHIBITOR A-03',
    });
  });

  it('changes nothing when a row is wrong, and reports every wrong row with its row and column', async () => {
    const { eventId, people } = await fair('おおた工業フェア');
    const [a, b, c, d] = people;
    const outsider = await createParticipant(t, organizer);
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
        {
          id: (
            await t.dataSource.query(
              'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
              [eventId, d.id],
            )
          )[0].id,
        },
        organizer,
      ),
    );
    const before = await stored(eventId);
    const sheet = [
      'メールアドレス,参加区分,ブース',
      `${a.email},出展者,B-01`, // fine on its own
      `${b.email},出展社長,B-02`, // no such role
      `${outsider.email},出展者,B-03`, // not registered at this event
      `${c.email},出展者,b－01`, // another company's booth, however typed
      `${d.email},バイヤー,`, // cancelled
      `${a.email},,B-05`, // the same person twice
      `,出展者,${'X'.repeat(21)}`, // nobody named, and a booth too long
    ].join('\n');
    const result = ok(await upload(organizer, { eventId, csv: sheet })).updateRegistrationsFromCsv;
    expect(result.updated).toBe(0);
    expect(result.errors).toEqual([
      {
        row: 3,
        field: 'role',
        column: '参加区分',
        message:
          '参加区分「出展社長」は認識できません（来場者・出展者・バイヤー・サプライヤー・登壇者のいずれか）',
      },
      {
        row: 4,
        field: 'email',
        column: 'メールアドレス',
        message: `メールアドレス「${outsider.email}」の方はこのイベントに参加登録がありません`,
      },
      {
        row: 5,
        field: 'booth',
        column: 'ブース',
        message: expect.stringContaining('ブース B-01 は株式会社大森精工'),
      },
      {
        row: 6,
        field: 'email',
        column: 'メールアドレス',
        message: '「キャンセル」の参加登録の参加区分・ブースは変更できません',
      },
      { row: 7, field: 'email', column: 'メールアドレス', message: '2 行目と同じ参加者です' },
      {
        row: 8,
        field: 'email',
        column: 'メールアドレス',
        message: '参加者ID またはメールアドレスを入力してください',
      },
      { row: 8, field: 'booth', column: 'ブース', message: 'ブース番号は 20 文字以内で入力してください' },
    ]);
    // Row 2 alone was fine, but nothing of the file was written.
    expect(await stored(eventId)).toEqual(before);

    // The message updateRegistration gives for the booth is the one the file's row gets.
    const cId = (
      await t.dataSource.query('SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2', [
        eventId,
        c.id,
      ])
    )[0].id;
    ok(await upload(organizer, { eventId, csv: `メールアドレス,ブース\n${a.email},B-01` }));
    const direct = failure(
      await t.gql(
        'mutation($id: ID!) { updateRegistration(id: $id, input: { booth: "b－01" }) { id } }',
        { id: cId },
        organizer,
      ),
    );
    const fromFile = ok(await upload(organizer, { eventId, csv: `メールアドレス,ブース\n${c.email},b－01` }))
      .updateRegistrationsFromCsv.errors;
    expect(fromFile).toEqual([{ row: 2, field: 'booth', column: 'ブース', message: direct.message }]);
  });

  it('reads back the registrations export as edited in Excel, naming people by 参加者ID', async () => {
    const { eventId, people } = await fair('大田区ものづくり展');
    const exported = await fetchCsv(t, `/exports/events/${eventId}/registrations.csv`, organizer);
    const header = exported.lines[0].split(',');
    const idColumn = header.indexOf('参加者ID');
    const roleColumn = header.indexOf('役割');
    const boothColumn = header.indexOf('ブース');
    expect(idColumn).toBeGreaterThanOrEqual(0);
    // Staff give the first company an exhibitor's booth, and clear the address of the second (the ID names them).
    const edited = exported.lines.map((line, index) => {
      const cells = line.split(',');
      if (cells[idColumn] === people[0].id) {
        cells[roleColumn] = '出展者';
        cells[boothColumn] = 'E-01';
      }
      if (cells[idColumn] === people[1].id) {
        cells[header.indexOf('メールアドレス')] = '';
        cells[roleColumn] = 'サプライヤー';
      }
      return index === 0 ? line : cells.join(',');
    });
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(edited.join('\r\n'))]);
    const result = ok(
      await upload(organizer, { eventId, fileBase64: bytes.toString('base64') }),
    ).updateRegistrationsFromCsv;
    expect(result).toEqual({
      updated: 2,
      unchanged: 2,
      totalRows: 4,
      encoding: 'UTF-8 (BOM)',
      ignoredColumns: [],
      errors: [],
    });
    expect(await stored(eventId)).toMatchObject({
      [people[0].email]: 'EXHIBITOR E-01',
      [people[1].email]: 'SELLER -',
    });
  });

  it("keeps an exhibitor's booth under meetings published there, as updateRegistration does", async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      startsAt: tokyoInDays(21, '10:00'),
      endsAt: tokyoInDays(21, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(21, '13:00'),
      slotMinutes: 20,
      slotCount: 3,
      mode: 'BOOTHS',
    });
    const exhibitor = await createParticipant(t, organizer);
    const visitor = await createParticipant(t, organizer);
    ok(
      await t.gql(
        registerMutation(),
        { eventId, participantId: exhibitor.id, role: 'EXHIBITOR', booth: 'D-07' },
        organizer,
      ),
    );
    ok(await t.gql(registerMutation(), { eventId, participantId: visitor.id }, organizer));
    const requestId = await agreeMeeting(t, eventId, visitor.id, exhibitor.id);
    ok(
      await t.gql(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0) { id } }',
        { r: requestId, s: sessionId },
        organizer,
      ),
    );
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
        { e: eventId },
        organizer,
      ),
    );
    const sheet = `参加者ID,参加区分,ブース\n${visitor.id},バイヤー,\n${exhibitor.id},出展者,E-01`;
    const result = ok(await upload(organizer, { eventId, csv: sheet })).updateRegistrationsFromCsv;
    expect(result.errors).toEqual([
      { row: 3, field: 'booth', column: 'ブース', message: expect.stringContaining('面談が配置済みのため') },
    ]);
    expect(await stored(eventId)).toEqual({
      [exhibitor.email]: 'EXHIBITOR D-07',
      [visitor.email]: 'VISITOR -',
    });
  });

  it('refuses staff of other organisations, and a file without the columns it needs', async () => {
    const { eventId, people } = await fair('川口の外の展示会');
    const sheet = `メールアドレス,参加区分\n${people[0].email},出展者`;
    expect(failure(await upload(otherOrganizer, { eventId, csv: sheet })).extensions?.code).toBe('FORBIDDEN');
    const participant = await t.participantToken(people[0].id);
    expect(failure(await upload(participant, { eventId, csv: sheet })).extensions?.code).toBe('FORBIDDEN');

    const noPerson = failure(await upload(organizer, { eventId, csv: '氏名,参加区分\n大森 一郎,出展者' }));
    expect(noPerson.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(noPerson.message).toBe(
      '参加者を示す列がありません: 参加者ID または メールアドレス（1行目に見出しが必要です）',
    );
    const nothingToSet = failure(
      await upload(organizer, { eventId, csv: `メールアドレス\n${people[0].email}` }),
    );
    expect(nothingToSet.message).toBe(
      '設定する列がありません: 参加区分 または ブース（1行目に見出しが必要です）',
    );
    expect(Object.values(await stored(eventId))).toEqual(Array(4).fill('VISITOR -'));
  });
});
