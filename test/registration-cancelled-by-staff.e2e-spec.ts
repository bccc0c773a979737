import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

const TITLE = '川口 ものづくり交流サロン';
const VENUE = '川口商工会議所 3階 大会議室';
/** The notice, whatever was cancelled: a seat, a place on the waiting list or an invitation. */
const NOTICE = new RegExp(
  `^(【(参加|キャンセル待ち|ご招待)取消のお知らせ】|(Registration cancelled|Waiting list place cancelled|Invitation withdrawn): )${TITLE}$`,
);

/** Someone whose registration the organiser cancels hears it by email, and does not turn up for nothing. */
describe('a registration cancelled by staff', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '川口商工会議所',
        municipality: '埼玉県川口市',
        address: '〒332-0012 埼玉県川口市本町4-1-8',
        contactEmail: 'salon@kawaguchi-cci.example.jp',
        contactPhone: '048-228-2220',
      }),
    );
    eventId = await createPublishedEvent(t, organizer, {
      title: TITLE,
      venue: VENUE,
      capacity: 1,
      startsAt: tokyoInDays(20, '18:00'),
      endsAt: tokyoInDays(20, '20:30'),
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const register = async (participantId: string, token = organizer) =>
    ok(
      await t.gql<{ register: { id: string; status: string } }>(
        registerMutation('id status'),
        { eventId, participantId },
        token,
      ),
    ).register;
  const cancel = async (registrationId: string, token = organizer) =>
    ok(
      await t.gql<{ cancelRegistration: { status: string } }>(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: registrationId },
        token,
      ),
    ).cancelRegistration.status;
  const notices = (email: string) => sink.to(email).filter((mail) => NOTICE.test(mail.subject));
  const noticeTo = async (email: string): Promise<ReceivedMail> => {
    await sink.waitUntil(() => notices(email).length > 0, 30_000, `the notice to ${email}`);
    return notices(email)[0];
  };
  const noticeRows = async (participantId: string): Promise<number> =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS count FROM outbox_messages
          WHERE participant_id = $1 AND template = 'registration-cancelled'`,
        [participantId],
      )
    )[0].count;

  it('tells them in Japanese: the event, 日時 and 会場, that the organiser cancelled it, and whom to ask', async () => {
    const seated = await createParticipant(t, organizer, {
      name: '髙橋 一郎',
      furigana: 'タカハシ イチロウ',
    });
    const waiting = await createParticipant(t, organizer, { name: '山﨑 美咲', furigana: 'ヤマザキ ミサキ' });
    const seat = await register(seated.id);
    const place = await register(waiting.id);
    expect([seat.status, place.status]).toEqual(['REGISTERED', 'WAITLISTED']);
    // Unsubscribed from newsletters: a change to their registration still reaches them.
    await t.dataSource.query('UPDATE participants SET email_opt_out = true WHERE id = $1', [seated.id]);

    expect(await cancel(seat.id)).toBe('CANCELLED');

    const mail = await noticeTo(seated.email);
    expect(mail.subject).toBe('【参加取消のお知らせ】川口 ものづくり交流サロン');
    expect(mail.text).toContain('髙橋 一郎 様');
    expect(mail.text).toContain(
      'このたび、「川口 ものづくり交流サロン」への参加登録を、主催者の川口商工会議所にて取り消しましたので、お知らせいたします。',
    );
    expect(mail.text).toContain(
      '当日のお席はご用意できなくなりましたので、ご来場はお控えくださいますようお願いいたします。',
    );
    expect(mail.text).toContain(
      'ご不明な点がございましたら、お手数ですが川口商工会議所（salon@kawaguchi-cci.example.jp / TEL 048-228-2220）までお問い合わせください。',
    );
    expect(mail.text).toContain('■ イベント: 川口 ものづくり交流サロン');
    expect(mail.text).toMatch(/■ 日時: \d{4}年\d{1,2}月\d{1,2}日\(.\) 18:00〜20:30/);
    expect(mail.text).toContain('■ 会場: 川口商工会議所 3階 大会議室');
    expect(mail.text).not.toContain('面談');
    // The standard footer, without an unsubscribe link: this is not a newsletter.
    expect(mail.text).toContain('主催: 川口商工会議所');
    expect(mail.text).toContain('所在地: 〒332-0012 埼玉県川口市本町4-1-8');
    expect(mail.text).toContain('このメールは Tsunagu（つなぐ）から送信しています。');
    expect(mail.text).not.toContain('配信停止');
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    expect(mail.html).toContain(
      '「川口 ものづくり交流サロン」への参加登録を、主催者の川口商工会議所にて取り消しました',
    );
    // Their seat's calendar entry goes with it (test/registration-cancel-calendar.e2e-spec.ts).
    expect(mail.text).toContain(
      '※ 添付のカレンダーファイル（cancel.ics）を開くと、カレンダーからこのイベントの予定が削除されます。',
    );
    expect(mail.calendars).toHaveLength(1);
    expect(mail.calendars[0]).toContain('METHOD:CANCEL');

    // The freed seat went to the waiting list; a place on the waiting list cancelled reads as such.
    const next = await createParticipant(t, organizer, { name: '佐藤 花子', furigana: 'サトウ ハナコ' });
    const nextPlace = await register(next.id);
    expect(nextPlace.status).toBe('WAITLISTED');
    await cancel(nextPlace.id);
    const waitlisted = await noticeTo(next.email);
    expect(waitlisted.subject).toBe('【キャンセル待ち取消のお知らせ】川口 ものづくり交流サロン');
    expect(waitlisted.text).toContain(
      'このたび、「川口 ものづくり交流サロン」のキャンセル待ちを、主催者の川口商工会議所にて取り消しましたので、お知らせいたします。',
    );
    expect(waitlisted.text).not.toContain('ご来場はお控えください');
    expect(waitlisted.calendars).toHaveLength(0);
    expect(notices(seated.email)).toHaveLength(1);
    expect(notices(waiting.email)).toHaveLength(0);
  });

  it('writes it in English for a participant whose locale is en', async () => {
    const person = await createParticipant(t, organizer, {
      name: 'Oliver Bennett',
      furigana: 'オリバー ベネット',
      locale: 'en',
    });
    const registration = await register(person.id);
    await cancel(registration.id);

    const mail = await noticeTo(person.email);
    expect(mail.subject).toBe('Waiting list place cancelled: 川口 ものづくり交流サロン');
    expect(mail.text).toContain('Dear Oliver Bennett,');
    expect(mail.text).toContain(
      'We are writing to let you know that 川口商工会議所, the organiser, has cancelled your place on the waiting list for "川口 ものづくり交流サロン".',
    );
    expect(mail.text).toContain(
      'If you have any questions, please contact 川口商工会議所 (salon@kawaguchi-cci.example.jp / Tel. 048-228-2220).',
    );
    expect(mail.text).toMatch(/■ Date: \w{3} \d{1,2} \w{3} \d{4}, 18:00–20:30 \(JST\)/);
    expect(mail.text).toContain('■ Venue: 川口商工会議所 3階 大会議室');
    expect(mail.text).toContain('Organised by 川口商工会議所');
    expect(mail.text).not.toContain('様');
  });

  it('withdraws an invitation: the notice says so, and its answer links no longer register anyone', async () => {
    const person = await createParticipant(t, organizer, { name: '髙木 美﨑', furigana: 'タカギ ミサキ' });
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [person.id] },
        organizer,
      ),
    );
    await sink.waitUntil(() => sink.to(person.email).some((mail) => /ご招待/.test(mail.subject)));
    const invitation = sink.to(person.email).find((mail) => /ご招待/.test(mail.subject))!;
    const [{ id }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, person.id],
    );
    expect(await cancel(id)).toBe('CANCELLED');
    const notice = await noticeTo(person.email);
    expect(notice.text).toContain(
      '「川口 ものづくり交流サロン」へのご招待を、主催者の川口商工会議所にて取り消しました',
    );
    expect(notice.text).toContain('お送りしたご招待メールのボタンは、お使いいただけなくなりました。');

    const accept = invitationAnswerLink(t, invitation, 1);
    const page = await fetch(accept.url);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('このリンクは有効期限が切れています');
    const pressed = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(pressed.status).toBe(400);
    const [row]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM registrations WHERE id = $1',
      [id],
    );
    expect(row.status).toBe('CANCELLED');
  });

  it('tells a draft’s invitee whose invitation went out, and nobody else the draft’s list held', async () => {
    const draft = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SALON',
            title: '川口 事業承継サロン（準備中）',
            venue: VENUE,
            startsAt: tokyoInDays(30, '18:00'),
            endsAt: tokyoInDays(30, '20:00'),
          },
        },
        organizer,
      ),
    ).createEvent.id;
    const invitee = await createParticipant(t, organizer, { name: '島田 恵子', furigana: 'シマダ ケイコ' });
    const listed = await createParticipant(t, organizer, { name: '原田 修', furigana: 'ハラダ オサム' });
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: draft, ids: [invitee.id] },
        organizer,
      ),
    );
    await sink.waitUntil(() => sink.to(invitee.email).some((mail) => /ご招待/.test(mail.subject)));
    const { register: seat } = ok(
      await t.gql<{ register: { id: string } }>(
        registerMutation('id'),
        { eventId: draft, participantId: listed.id },
        organizer,
      ),
    );
    const [{ id: invitation }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [draft, invitee.id],
    );
    await cancel(invitation);
    await cancel(seat.id);

    const subject = '【ご招待取消のお知らせ】川口 事業承継サロン（準備中）';
    await sink.waitUntil(() => sink.to(invitee.email).some((mail) => mail.subject === subject));
    const notice = sink.to(invitee.email).find((mail) => mail.subject === subject)!;
    expect(notice.text).toContain('お送りしたご招待メールのボタンは、お使いいただけなくなりました。');
    expect(await noticeRows(listed.id)).toBe(0);
  });

  it('sends no such notice when people cancel themselves, nor to an address that bounced', async () => {
    const self = await createParticipant(t, organizer, { name: '﨑田 陽介', furigana: 'サキタ ヨウスケ' });
    const selfToken = await t.participantToken(self.id);
    const own = await register(self.id, selfToken);
    const bounced = await createParticipant(t, organizer, { name: '鈴木 次郎', furigana: 'スズキ ジロウ' });
    const theirs = await register(bounced.id);
    await t.dataSource.query('UPDATE participants SET email_suppressed_at = now() WHERE id = $1', [
      bounced.id,
    ]);
    const marker = await createParticipant(t, organizer, { name: '田中 三郎', furigana: 'タナカ サブロウ' });
    const markers = await register(marker.id);

    expect(await cancel(own.id, selfToken)).toBe('CANCELLED');
    expect(await cancel(theirs.id)).toBe('CANCELLED');
    expect(await cancel(markers.id)).toBe('CANCELLED');

    // The last one arrived, so the ones before it would have too.
    await noticeTo(marker.email);
    expect(notices(self.email)).toHaveLength(0);
    expect(await noticeRows(self.id)).toBe(0);
    expect(sink.to(bounced.email)).toHaveLength(0);
    expect(await noticeRows(bounced.id)).toBe(0);
  });
});
