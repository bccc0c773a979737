import { Role } from '../src/auth/actor';
import { formatTokyoDateTime } from '../src/common/time/tokyo-time';
import { formatCalendarDate } from '../src/mail/templates/mail-dates';
import {
  createOrganization,
  createParticipant,
  invitationAnswerLink,
  staffSession,
  tokyoInDays,
  updateEvent,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';
import { ConnectionPage, expectPaging } from './support/paging';

const FIELDS = `id organizationName requestedByName requestedByCompany groupName theme area preferredFrom preferredTo
  expectedParticipants message status statusLabel declineReason eventId`;

const ORGANIZER_EMAIL = 'salon-tanto@tokyo-zaimu.example.jp';

interface RequestRow {
  id: string;
  status: string;
  statusLabel: string;
  eventId: string | null;
  declineReason: string;
  [field: string]: unknown;
}

/**
 * ミニサロン開催要望: a participant asks, the organiser accepts (a draft mini-salon is created) or
 * declines with a reason, and the participant reads the answer in their inbox.
 */
describe('mini-salon requests', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: string;
  let orgId: string;
  let organizer: string;
  let staff: string;
  let otherOrganizer: string;
  let requester: { id: string; email: string; token: string };
  let english: { id: string; email: string; token: string };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '200' });
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, {
      name: '東京財務事務所',
      kind: 'FINANCE_OFFICE',
      contactEmail: 'salon@tokyo-zaimu.example.jp',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId, ORGANIZER_EMAIL);
    staff = await staffSession(t, Role.STAFF, orgId);
    otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '川口商工会議所' }),
    );
    const person = await createParticipant(t, organizer, {
      name: '髙橋 﨑子',
      phone: '0312345678',
      consentEmail: false, // the answer is transactional: it arrives anyway
      company: { name: '髙橋精機' },
    });
    requester = { ...person, token: await t.participantToken(person.id) };
    const other = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    english = { ...other, token: await t.participantToken(other.id) };
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const day = (days: number) => tokyoInDays(days, '00:00').slice(0, 10);
  const ask = (token: string, input: Record<string, unknown>) =>
    t.gql<{ requestMiniSalon: RequestRow }>(
      `mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { ${FIELDS} } }`,
      {
        input: {
          organizationId: orgId,
          theme: '事業承継',
          area: '東京都葛飾区',
          preferredFrom: day(20),
          preferredTo: day(50),
          expectedParticipants: 12,
          ...input,
        },
      },
      token,
    );
  const list = async (token: string, status?: string) =>
    ok(
      await t.gql<{ miniSalonRequests: { edges: { node: RequestRow }[] } }>(
        `query($status: MiniSalonRequestStatus) { miniSalonRequests(status: $status) { edges { node { ${FIELDS} } } } }`,
        { status },
        token,
      ),
    ).miniSalonRequests.edges.map((edge) => edge.node);

  it('takes a request from a participant, one open request per organisation, naming bad fields', async () => {
    const created = ok(
      await ask(requester.token, {
        groupName: '葛飾区若手経営者の会',
        message: '後継者の育成について話し合いたいです',
      }),
    ).requestMiniSalon;
    expect(created).toMatchObject({
      organizationName: '東京財務事務所',
      requestedByName: '髙橋 﨑子',
      requestedByCompany: '髙橋精機',
      groupName: '葛飾区若手経営者の会',
      status: 'PENDING',
      statusLabel: '検討中',
      eventId: null,
    });
    expect(failure(await ask(requester.token, {})).extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'organizationId',
    });

    // The requester learns that it arrived, what happens next and whom to ask, on her phone…
    await sink.waitUntil(
      () => sink.to(requester.email).length === 1 && sink.to(ORGANIZER_EMAIL).length === 1,
    );
    const [receipt] = sink.to(requester.email);
    expect(receipt.subject).toBe('【受付】ミニサロン開催のご要望（事業承継）');
    expect(receipt.text).toContain('髙橋 﨑子 様');
    // It says to ask the organisation: a reply reaches it, not the no-reply sender. Nothing is
    // held yet, so it names who answers, not a 主催.
    expect(receipt.parsed?.replyTo).toMatchObject({
      value: [{ name: '東京財務事務所', address: 'salon@tokyo-zaimu.example.jp' }],
    });
    expect(receipt.text).not.toContain('主催:');
    expect(receipt.text).toContain(
      '東京財務事務所で検討のうえ、開催するかどうかをメールでお知らせします。開催する場合は、日時・会場とあわせてご招待をお送りします。',
    );
    expect(receipt.text).toContain(
      `■ 希望時期: ${formatCalendarDate('ja', day(20))}〜${formatCalendarDate('ja', day(50))}`,
    );
    expect(receipt.text).toContain('■ グループ: 葛飾区若手経営者の会');
    expect(receipt.text).toContain(
      'ご要望の内容の変更やご不明な点は、下記のお問い合わせ先までご連絡ください。',
    );
    expect(receipt.text).toContain('お問い合わせ: salon@tokyo-zaimu.example.jp');
    expect(receipt.html).toContain('<meta name="viewport"');
    // …and the 主催者 who decide learn that it waits for them (not the 支援担当, not another body).
    const [notice] = sink.to(ORGANIZER_EMAIL);
    expect(notice.subject).toBe('【ミニサロン開催要望】事業承継（東京都葛飾区）髙橋 﨑子 様より');
    expect(notice.text).toContain('■ 要望者: 髙橋 﨑子（髙橋精機）');
    expect(notice.text).toContain('■ メッセージ: 後継者の育成について話し合いたいです');
    expect(notice.text).toContain('acceptMiniSalonRequest');
    const notices: { user_id: string }[] = await t.dataSource.query(
      `SELECT user_id FROM outbox_messages WHERE template = 'mini-salon-request-notice'`,
    );
    expect(notices).toHaveLength(1);

    const field = async (input: Record<string, unknown>) =>
      failure(await ask(english.token, input)).extensions?.field;
    // Each refusal in the requester's language: English for Emma, Japanese for 髙橋.
    const said = async (input: Record<string, unknown>) => [
      failure(await ask(english.token, input)).message,
      failure(await ask(requester.token, input)).message,
    ];
    expect(await said({ area: '葛飾区' })).toEqual([
      'Area must be a prefecture followed by a city, ward, town or village, in Japanese (e.g. 東京都葛飾区).',
      '開催地域は都道府県名から始まる市区町村名で入力してください（例: 東京都葛飾区）',
    ]);
    expect(await said({ preferredFrom: day(30), preferredTo: day(10) })).toEqual([
      'The end of the preferred period must be on or after its start.',
      '希望時期の終わりは始め以降の日付にしてください',
    ]);
    expect(await said({ preferredFrom: day(-3) })).toEqual([
      'The preferred period must start today or later.',
      '希望時期は今日以降の日付にしてください',
    ]);
    expect(await said({ preferredTo: '2026-02-30' })).toEqual([
      'Please give a real date between 2000 and 2100 as YYYY-MM-DD.',
      '日付は YYYY-MM-DD の形式で、2000〜2100年の実在する日を指定してください',
    ]);
    expect(await said({ expectedParticipants: 31 })).toEqual([
      'Expected number of participants must be from 2 to 30.',
      '参加見込み人数は 2〜30 人で入力してください',
    ]);
    expect(await said({ theme: '' })).toEqual(['Theme cannot be empty.', 'テーマを入力してください']);
    expect(await said({ message: 'x'.repeat(2001) })).toEqual([
      'Message must be at most 2000 characters.',
      'メッセージは 2000 文字以内で入力してください',
    ]);
    expect(await field({ area: '葛飾区' })).toBe('area');
    expect(await field({ preferredFrom: day(30), preferredTo: day(10) })).toBe('preferredTo');
    expect(await field({ preferredFrom: day(-3) })).toBe('preferredFrom');
    expect(await field({ expectedParticipants: 31 })).toBe('expectedParticipants');
    expect(await field({ theme: '' })).toBe('theme');
    // Staff do not file requests; participants do.
    expect(failure(await ask(organizer, {})).extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the organiser accept: a draft mini-salon is created and the requester told by email', async () => {
    const [pending] = await list(organizer, 'PENDING');
    expect(await list(otherOrganizer)).toEqual([]);
    expect((await list(staff)).map((r) => r.id)).toEqual([pending.id]);
    expect((await list(english.token)).map((r) => r.id)).toEqual([]);

    const acceptWith = (input: Record<string, unknown>) =>
      t.gql<{ acceptMiniSalonRequest: RequestRow }>(
        `mutation($id: ID!, $input: AcceptMiniSalonRequestInput!) { acceptMiniSalonRequest(id: $id, input: $input) { ${FIELDS} } }`,
        { id: pending.id, input },
        organizer,
      );
    // A salon announced as 開催決定 lies ahead (a typo in the year would invite her to the past).
    expect(
      failure(
        await acceptWith({
          startsAt: tokyoInDays(-3, '15:00'),
          endsAt: tokyoInDays(-3, '17:00'),
          venue: '葛飾区産業フェア会場 会議室',
        }),
      ).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MINI_SALON_REQUEST_STARTS_IN_PAST',
      field: 'startsAt',
    });
    expect(
      failure(
        await acceptWith({
          startsAt: tokyoInDays(30, '15:00'),
          endsAt: tokyoInDays(30, '17:00'),
          onlineUrl: 'zoom 後日連絡',
        }),
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'onlineUrl' });
    expect((await list(organizer, 'PENDING')).map((r) => r.id)).toEqual([pending.id]);
    const [{ count: events }]: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM events`,
    );
    expect(events).toBe(0);

    // Held in a room, and online for members who cannot come.
    const accepted = ok(
      await acceptWith({
        startsAt: tokyoInDays(30, '15:00'),
        endsAt: tokyoInDays(30, '17:00'),
        venue: '葛飾区産業フェア会場 会議室',
        venueEn: 'Katsushika Industry Fair hall, meeting room',
        onlineUrl: 'https://meet.example.jp/katsushika-salon',
      }),
    ).acceptMiniSalonRequest;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', statusLabel: '開催決定' });
    const event = ok(
      await t.gql<{ event: Record<string, unknown> }>(
        'query($id: ID!) { event(id: $id) { kind title titleEn description venueEn status capacity visibility themes } }',
        { id: accepted.eventId },
        organizer,
      ),
    ).event;
    expect(event).toEqual({
      kind: 'MINI_SALON',
      title: 'ミニサロン『事業承継』（東京都葛飾区）',
      // What invitees whose language is English read.
      titleEn: 'Mini-salon on "事業承継" in 東京都葛飾区 (Katsushika City, Tokyo)',
      // The request's message was written to the organiser: invitees do not read it.
      description: '',
      venueEn: 'Katsushika Industry Fair hall, meeting room',
      status: 'DRAFT',
      capacity: 12,
      visibility: 'INVITE_ONLY',
      themes: ['事業承継'],
    });

    const decision = () => sink.to(requester.email).filter((mail) => mail.subject.includes('【開催決定】'));
    await sink.waitUntil(() => decision().length === 1);
    const [mail] = decision();
    expect(mail.subject).toBe('【開催決定】ミニサロン開催のご要望（事業承継）');
    expect(mail.text).toContain('髙橋 﨑子 様');
    expect(mail.text).toContain('東京財務事務所にて開催することといたしました');
    expect(mail.text).toContain('■ 会場: 葛飾区産業フェア会場 会議室');
    expect(mail.text).toContain('■ オンライン参加: https://meet.example.jp/katsushika-salon');
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    // The one who asked for the salon is invited to it in the same email: no invitation to wait for.
    expect(mail.text).toContain('ぜひご参加ください。ご出欠を、下のボタンからお知らせください。');
    expect(mail.text).toContain('ご一緒に参加される方（グループの皆さまなど）がいらっしゃる場合は');
    expect(mail.html).toContain('>参加する</a>');
    const accept = invitationAnswerLink(t, mail, 1);
    expect(await (await fetch(accept.url)).text()).toContain('<button type="submit">参加する</button>');
    const registration = async () =>
      (
        await t.dataSource.query(
          `SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2`,
          [accepted.eventId, requester.id],
        )
      ).map((row: { status: string }) => row.status);
    expect(await registration()).toEqual(['INVITED']); // the GET changed nothing
    const answered = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(answered.status).toBe(200);
    expect(await registration()).toEqual(['REGISTERED']);
    // Staff inviting the requester with the others later send them nothing twice.
    expect(
      ok(
        await t.gql<{ inviteParticipants: { invited: number; alreadyRegistered: number } }>(
          'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { invited alreadyRegistered } }',
          { e: accepted.eventId, ids: [requester.id] },
          organizer,
        ),
      ).inviteParticipants,
    ).toEqual({ invited: 0, alreadyRegistered: 1 });

    // Decided once; the requester sees where it stands.
    expect(
      failure(
        await t.gql(
          'mutation($id: ID!) { declineMiniSalonRequest(id: $id, reason: "重複") { id } }',
          { id: pending.id },
          organizer,
        ),
      ).extensions,
    ).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await list(requester.token)).map((r) => [r.status, r.eventId])).toEqual([
      ['ACCEPTED', accepted.eventId],
    ]);
  });

  it('recommends whom to invite to the accepted mini-salon: its area first, each with their own reasons', async () => {
    const [accepted] = await list(organizer, 'ACCEPTED');
    const make = (name: string, company: string, municipality: string, needs: string[]) =>
      createParticipant(t, organizer, {
        name,
        company: { name: company, industry: 'E', municipality },
        needs,
      });
    // Alike but for where they are; the one from Osaka is in the pool first.
    const osaka = await make('大阪 一郎', '東大阪製作所', '大阪府東大阪市', ['事業承継']);
    const sumida = await make('墨田 二郎', '墨田工業', '東京都墨田区', ['事業承継']);
    const katsushika = await make('葛飾 三郎', '葛飾金属', '東京都葛飾区', ['事業承継', '後継者育成']);
    const rows = ok(
      await t.gql<{ recommendInvitees: { participant: { id: string }; reasons: string[] }[] }>(
        'query($e: ID!) { recommendInvitees(eventId: $e, first: 10) { participant { id } reasons } }',
        { e: accepted.eventId },
        organizer,
      ),
    ).recommendInvitees;
    const ids = rows.map((row) => row.participant.id);
    expect(ids.filter((id) => [osaka.id, sumida.id, katsushika.id].includes(id))).toEqual([
      katsushika.id,
      sumida.id,
      osaka.id,
    ]);
    const reasons = new Map(rows.map((row) => [row.participant.id, row.reasons]));
    // The requester, who accepted her invitation above, is the salon's one participant so far,
    // and no manufacturer: each of the three would bring an industry not yet there.
    expect(reasons.get(katsushika.id)).toEqual([
      '求めること『事業承継』がテーマ『事業承継』に合います',
      '開催地域（東京都葛飾区）の事業者です',
      '参加者にまだいない業種（製造業）です',
    ]);
    expect(reasons.get(sumida.id)).toEqual([
      '求めること『事業承継』がテーマ『事業承継』に合います',
      '開催地域と同じ東京都の事業者です（東京都墨田区）',
      '参加者にまだいない業種（製造業）です',
    ]);
    expect(reasons.get(osaka.id)).toEqual([
      '求めること『事業承継』がテーマ『事業承継』に合います',
      '参加者にまだいない業種（製造業）です',
    ]);
    expect(ids).not.toContain(requester.id);
  });

  it('lets the organiser decline with a reason, in the requester’s language; others cannot decide', async () => {
    const request = ok(await ask(english.token, { theme: 'DX', area: '東京都大田区' })).requestMiniSalon;
    // The receipt leaves first: a request decided before its receipt is sent gets the decision only.
    const receipts = () => sink.to(english.email).filter((m) => m.subject.includes('received'));
    await sink.waitUntil(() => receipts().length === 1);
    const decline = (token: string, reason: string) =>
      t.gql<{ declineMiniSalonRequest: RequestRow }>(
        `mutation($id: ID!, $reason: String!) { declineMiniSalonRequest(id: $id, reason: $reason) { ${FIELDS} } }`,
        { id: request.id, reason },
        token,
      );
    expect(failure(await decline(otherOrganizer, '対象外')).extensions?.code).toBe('FORBIDDEN');
    // A 支援担当 is told who decides, not only that they may not.
    const byStaff = failure(await decline(staff, '対象外'));
    expect(byStaff.extensions?.code).toBe('FORBIDDEN');
    expect(byStaff.message).toBe('この操作は主催者・管理者が行えます');
    expect(failure(await decline(organizer, '  ')).extensions).toMatchObject({ field: 'reason' });
    const declined = ok(
      await decline(organizer, '同じテーマのサロンを12月に大田区で開催予定です'),
    ).declineMiniSalonRequest;
    expect(declined).toMatchObject({
      status: 'DECLINED',
      declineReason: '同じテーマのサロンを12月に大田区で開催予定です',
    });

    const decision = () => sink.to(english.email).filter((mail) => mail.subject.includes('not held'));
    await sink.waitUntil(() => decision().length === 1);
    const [mail] = decision();
    expect(mail.subject).toBe('Your mini-salon request: not held this time (DX)');
    expect(mail.text).toContain('cannot hold it this time');
    expect(mail.parsed?.replyTo).toMatchObject({ value: [{ address: 'salon@tokyo-zaimu.example.jp' }] });
    expect(mail.text).not.toContain('Organised by');
    // Where, in words an English reader can place.
    expect(mail.text).toContain('a mini-salon on "DX" in 東京都大田区 (Ota City, Tokyo).');
    expect(mail.text).toContain('同じテーマのサロンを12月に大田区で開催予定です');
    const [receipt] = receipts();
    expect(receipt.subject).toBe('Your mini-salon request: received (DX)');
    expect(receipt.text).toContain('■ Area: 東京都大田区 (Ota City, Tokyo)\n');
    expect(receipt.text).toContain(
      '東京財務事務所 will consider it and let you know by email whether it will be held.',
    );
    expect(receipt.text).toMatch(
      /■ Preferred dates: \w{3} \d{1,2} \w{3} \d{4} to \w{3} \d{1,2} \w{3} \d{4}\n/,
    );
    expect(receipt.text).toContain('please contact the organiser below.');

    // A new request can be filed once the last one is decided, and withdrawn while pending.
    const again = ok(await ask(english.token, { theme: 'DX・IoT', area: '東京都大田区' })).requestMiniSalon;
    const withdraw = (token: string) =>
      t.gql<{ withdrawMiniSalonRequest: RequestRow }>(
        'mutation($id: ID!) { withdrawMiniSalonRequest(id: $id) { id status } }',
        { id: again.id },
        token,
      );
    expect(failure(await withdraw(requester.token)).extensions?.code).toBe('FORBIDDEN');
    // Refused in her language while it is open, and once it is withdrawn.
    expect(failure(await ask(english.token, { theme: 'DX' })).message).toBe(
      'Your request to this organisation is already being considered. Please wait for their answer, or withdraw it and send a new one.',
    );
    expect(ok(await withdraw(english.token)).withdrawMiniSalonRequest.status).toBe('WITHDRAWN');
    expect(failure(await withdraw(english.token)).message).toBe('This request is already withdrawn.');
  });

  it('exports the organisation’s requests as CSV for Excel, with whom to call back and who decided', async () => {
    // The organiser who accepted one and declined another, by the name staff know them by.
    await t.dataSource.query(`UPDATE users SET name = '財務 花子' WHERE email = $1`, [ORGANIZER_EMAIL]);
    const { text, bom, lines } = await fetchCsv(t, '/exports/mini-salon-requests.csv', staff);
    expect(bom).toBe(true);
    expect(lines[0]).toBe(
      '受付日時,状態,テーマ,地域,希望時期（から）,希望時期（まで）,参加見込み,氏名,メールアドレス,電話番号,' +
        '事業者名,グループ,メッセージ,見送りの理由,対応者,対応日時,イベントID,要望ID',
    );
    const rowOf = (theme: string) => {
      const row = lines.find((line) => line.split(',')[2] === theme);
      if (!row) throw new Error(`no row for ${theme} in:\n${text}`);
      return row.split(',');
    };
    const decidedAt = async (theme: string) =>
      formatTokyoDateTime(
        (
          (await t.dataSource.query(`SELECT decided_at FROM mini_salon_requests WHERE theme = $1`, [
            theme,
          ])) as { decided_at: Date }[]
        )[0].decided_at,
      );
    const accepted = rowOf('事業承継');
    expect(accepted.slice(1, 4)).toEqual(['開催決定', '事業承継', '東京都葛飾区']);
    // The phone number as Excel must keep it: 0312345678, not the number 312345678.
    expect(accepted.slice(7, 16)).toEqual([
      '髙橋 﨑子',
      requester.email,
      '"=""0312345678"""',
      '髙橋精機',
      '葛飾区若手経営者の会',
      '後継者の育成について話し合いたいです',
      '',
      '財務 花子',
      await decidedAt('事業承継'),
    ]);
    const declined = rowOf('DX');
    expect(declined[1]).toBe('見送り');
    expect(declined.slice(7, 10)).toEqual(['Emma Clarke', english.email, '']);
    expect(declined.slice(14, 16)).toEqual(['財務 花子', await decidedAt('DX')]);
    // Withdrawn by the requester: nobody decided it.
    const withdrawn = rowOf('DX・IoT');
    expect(withdrawn[1]).toBe('取り下げ');
    expect(withdrawn.slice(14, 16)).toEqual(['', '']);
    expect(lines).toHaveLength(4);
    for (const status of ['OPEN', 'toString', 'constructor']) {
      const bad = await fetch(`${t.url}/exports/mini-salon-requests.csv?status=${status}`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'BAD_USER_INPUT', field: 'status' });
    }
  });

  it('pages through the requests newest first, and exports every one of them', async () => {
    // More than the largest page (200), several received in the same minute, so the id breaks the ties.
    const org = await createOrganization(t, admin, { name: '墨田区産業観光部', kind: 'MUNICIPALITY' });
    const orgOrganizer = await staffSession(t, Role.ORGANIZER, org);
    const COUNT = 230;
    await t.dataSource.query(
      `INSERT INTO mini_salon_requests
         (organization_id, requested_by_id, theme, area, preferred_from, preferred_to,
          expected_participants, status, decline_reason, created_at)
       SELECT $1, $2, 'テーマ ' || i, '東京都墨田区', DATE '2027-01-10', DATE '2027-02-28', 10,
              'DECLINED', '見送り', now() - (i % 40) * interval '1 minute'
       FROM generate_series(1, $3) AS i`,
      [org, requester.id, COUNT],
    );
    const expected: string[] = (
      await t.dataSource.query(
        `SELECT id FROM mini_salon_requests WHERE organization_id = $1 ORDER BY created_at DESC, id DESC`,
        [org],
      )
    ).map((row: { id: string }) => row.id);

    const page = (variables: { status?: string; first?: number; after?: string | null }) =>
      t.gql<{ miniSalonRequests: ConnectionPage }>(
        `query($status: MiniSalonRequestStatus, $first: Int, $after: String) {
          miniSalonRequests(status: $status, first: $first, after: $after) {
            totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
          }
        }`,
        variables,
        orgOrganizer,
      );
    // Newest first, with or without the status they all have.
    await expectPaging((paging) => page({ status: 'DECLINED', ...paging }), expected);
    await expectPaging(page, expected);
    expect(ok(await page({ status: 'PENDING' })).miniSalonRequests.totalCount).toBe(0);

    const rows = (await fetchCsv(t, '/exports/mini-salon-requests.csv', orgOrganizer)).lines.slice(1);
    expect(rows.map((row) => row.split(',').at(-1))).toEqual(expected);
  });

  it('tells the 支援担当 of an organisation with no 主催者 in use, so that one is set up', async () => {
    const branch = await createOrganization(t, admin, { name: '葛飾区商工会 支所' });
    const staffEmail = `shien-${Date.now()}@example.jp`;
    await staffSession(t, Role.STAFF, branch, staffEmail);
    const person = await createParticipant(t, organizer, { name: '堀切 和也' });
    ok(await ask(await t.participantToken(person.id), { organizationId: branch, theme: 'DX' }));

    await sink.waitUntil(() => sink.to(staffEmail).length === 1);
    const [notice] = sink.to(staffEmail);
    expect(notice.subject).toBe('【ミニサロン開催要望】DX（東京都葛飾区）堀切 和也 様より');
    expect(notice.text).toContain(
      '葛飾区商工会 支所には利用中の主催者アカウントがないため、支援担当の皆さまにお知らせしています。',
    );
  });
  it('keeps the requester who has not answered told: a new date, then the cancellation, and the page says so', async () => {
    const coHost = await createOrganization(t, admin, {
      name: '多摩かわせみ信用金庫',
      kind: 'FINANCIAL_INSTITUTION',
    });
    const person = await createParticipant(t, organizer, { name: '柴又 健一' });
    const request = ok(
      await ask(await t.participantToken(person.id), { theme: '販路開拓' }),
    ).requestMiniSalon;
    const eventId = ok(
      await t.gql<{ acceptMiniSalonRequest: RequestRow }>(
        'mutation($id: ID!, $input: AcceptMiniSalonRequestInput!) { acceptMiniSalonRequest(id: $id, input: $input) { eventId } }',
        {
          id: request.id,
          input: {
            startsAt: tokyoInDays(40, '15:00'),
            endsAt: tokyoInDays(40, '17:00'),
            venue: '葛飾区産業フェア会場 会議室',
            coHostIds: [coHost],
          },
        },
        organizer,
      ),
    ).acceptMiniSalonRequest.eventId!;
    const mails = (subject: string) =>
      sink.to(person.email).filter((mail) => mail.subject.startsWith(subject));
    await sink.waitUntil(() => mails('【開催決定】').length === 1);
    const [decision] = mails('【開催決定】');
    // The co-host the requester may have hoped for is named.
    expect(decision.text).toContain('共催: 多摩かわせみ信用金庫');
    const invitation = invitationAnswerLink(t, decision, 1);
    expect(await (await fetch(invitation.url)).text()).toContain('共催: 多摩かわせみ信用金庫');
    ok(await t.gql('mutation($id: ID!) { publishEvent(id: $id) { status } }', { id: eventId }, organizer));

    // A new day: the requester holds the 開催決定 email with the old one.
    await updateEvent(t, organizer, eventId, {
      startsAt: tokyoInDays(41, '15:00'),
      endsAt: tokyoInDays(41, '17:00'),
    });
    await sink.waitUntil(() => mails('【日時変更】').length === 1, 30_000, 'the change');

    ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: eventId }, organizer));
    await sink.waitUntil(() => mails('【開催中止】').length === 1, 30_000, 'the cancellation');
    // Told as the one who asked for it: the buttons they hold are the 開催決定's.
    expect(mails('【開催中止】')[0].text).toContain(
      '開催決定のメールでご案内しておりました「ミニサロン『販路開拓』（東京都葛飾区）」は、開催を中止することとなりました。',
    );
    expect(mails('【開催中止】')[0].text).toContain(
      '開催決定のメールのボタンはご利用いただけなくなりました。',
    );
    // The invitation's page no longer asks a question only a refusal can answer.
    const page = await (await fetch(invitation.url)).text();
    expect(page).toContain('このイベントは開催中止となりました。ご回答いただく必要はありません。');
    expect(page).not.toContain('<button');
    // And the request no longer reads as a salon to come.
    expect((await list(organizer)).find((row) => row.id === request.id)).toMatchObject({
      status: 'ACCEPTED',
      statusLabel: '開催決定（のち中止）',
    });
  });
});
