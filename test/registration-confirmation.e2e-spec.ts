import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/** Whoever gets a seat or a place on the waiting list hears it by email, however they got it. */
describe('registration confirmations', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '墨田区産業振興課',
        kind: 'MUNICIPALITY',
        municipality: '東京都墨田区',
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const register = async (eventId: string, token: string, participantId?: string) =>
    ok(
      await t.gql<{ register: { id: string; status: string } }>(
        registerMutation('id status'),
        { eventId, ...(participantId ? { participantId } : {}) },
        token,
      ),
    ).register;

  it('confirms a participant’s own registration, a place on the waiting list and staff’s on someone’s behalf, once each', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: 'すみだ ものづくりサロン',
      capacity: 2,
    });
    const [self, byStaff, waiting] = await Promise.all([
      createParticipant(t, organizer, { name: '﨑田 陽介', furigana: 'サキタ ヨウスケ' }),
      createParticipant(t, organizer, { name: '髙木 真理', furigana: 'タカギ マリ' }),
      createParticipant(t, organizer, { name: 'Emma Clarke', furigana: 'エマ クラーク', locale: 'en' }),
    ]);
    const selfToken = await t.participantToken(self.id);
    expect((await register(eventId, selfToken)).status).toBe('REGISTERED');
    expect((await register(eventId, organizer, byStaff.id)).status).toBe('REGISTERED');
    expect((await register(eventId, await t.participantToken(waiting.id))).status).toBe('WAITLISTED');
    // Registering again changes nothing and sends nothing.
    await register(eventId, selfToken);

    await sink.waitUntil(() =>
      [self, byStaff, waiting].every((person) => sink.to(person.email).length === 1),
    );
    const [mine] = sink.to(self.email);
    expect(mine.subject).toBe('【参加登録完了】すみだ ものづくりサロン');
    expect(mine.text).toContain('﨑田 陽介 様');
    expect(mine.text).toContain('「すみだ ものづくりサロン」への参加登録が完了しました。');
    expect(mine.text).toContain('参加をキャンセルする');
    expect(mine.calendars).toHaveLength(1);
    expect(sink.to(byStaff.email)[0].subject).toBe('【参加登録完了】すみだ ものづくりサロン');
    const [english] = sink.to(waiting.email);
    expect(english.subject).toBe('Waiting list: すみだ ものづくりサロン');
    expect(english.text).toContain('so you are on the waiting list');
    expect(english.calendars).toHaveLength(0);

    // One message was ever written for the repeated registration, not a second one still queued.
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE participant_id = $1`,
      [self.id],
    );
    expect(count).toBe(1);
  });

  it('tells an exhibitor their booth in the confirmation, in their language', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: 'おおた工業フェア',
    });
    const [maker, visitor] = await Promise.all([
      createParticipant(t, organizer, { name: '大森 一郎', furigana: 'オオモリ イチロウ' }),
      createParticipant(t, organizer, { name: 'Liam Walsh', furigana: 'リアム ウォルシュ', locale: 'en' }),
    ]);
    const asExhibitor = (participantId: string, booth: string) =>
      t.gql(
        'mutation($e: ID!, $p: ID!, $b: String) { register(eventId: $e, participantId: $p, role: EXHIBITOR, booth: $b) { id } }',
        { e: eventId, p: participantId, b: booth },
        organizer,
      );
    ok(await asExhibitor(maker.id, 'ａ－０１'));
    ok(await asExhibitor(visitor.id, 'B-02'));
    await sink.waitUntil(() => [maker, visitor].every((person) => sink.to(person.email).length === 1));
    expect(sink.to(maker.email)[0].text).toContain('参加区分: 出展者（ブース A-01）');
    expect(sink.to(visitor.email)[0].text).toContain('Taking part as: Exhibitor (booth B-02)');
  });

  it('confirms a seat taken again after cancelling, registered again or by the invitation: the event goes back on the calendar', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'すみだ 創業塾', capacity: 5 });
    const [again, invited] = await Promise.all([
      createParticipant(t, organizer, { name: '髙橋 一郎', furigana: 'タカハシ イチロウ' }),
      createParticipant(t, organizer, { name: '山﨑 美咲', furigana: 'ヤマザキ ミサキ' }),
    ]);
    const cancelOwn = async (registrationId: string, token: string) =>
      ok(
        await t.gql(
          'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
          { id: registrationId },
          token,
        ),
      );
    const seats = (email: string) =>
      sink.to(email).filter((mail) => mail.subject === '【参加登録完了】すみだ 創業塾');

    const againToken = await t.participantToken(again.id);
    const first = await register(eventId, againToken);
    await sink.waitUntil(() => seats(again.email).length === 1);
    await cancelOwn(first.id, againToken);
    expect((await register(eventId, againToken)).status).toBe('REGISTERED');

    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [invited.id] },
        organizer,
      ),
    );
    await sink.waitUntil(() => sink.to(invited.email).some((mail) => /ご招待/.test(mail.subject)));
    const invitation = sink.to(invited.email).find((mail) => /ご招待/.test(mail.subject))!;
    const answer = async () =>
      ok(
        await t.gql<{ respondToInvitation: { status: string } }>(
          'mutation($token: String!) { respondToInvitation(token: $token, accept: true) { status } }',
          { token: invitationAnswerLink(t, invitation, 1).token },
        ),
      ).respondToInvitation.status;
    expect(await answer()).toBe('REGISTERED');
    await sink.waitUntil(() => seats(invited.email).length === 1);
    const [{ id: invitedRegistration }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, invited.id],
    );
    await cancelOwn(invitedRegistration, await t.participantToken(invited.id));
    expect(await answer()).toBe('REGISTERED');

    await sink.waitUntil(() => [again, invited].every((person) => seats(person.email).length === 2));
    for (const person of [again, invited]) expect(seats(person.email)[1].calendars).toHaveLength(1);
  });

  it('confirms what staff prepared while the event was a draft when it is published, once each', async () => {
    const { createEvent } = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'MINI_SALON',
            title: 'すみだ 事業承継ミニサロン',
            venue: 'すみだ産業会館 8階',
            startsAt: '2099-06-10T18:00:00+09:00',
            endsAt: '2099-06-10T20:00:00+09:00',
            capacity: 2,
            themes: ['事業承継'],
          },
        },
        organizer,
      ),
    );
    const eventId = createEvent.id;
    const [early, invited, waiting, leaver, late] = await Promise.all([
      createParticipant(t, organizer, { name: '﨑山 恵', furigana: 'サキヤマ メグミ' }),
      createParticipant(t, organizer, { name: '髙野 修', furigana: 'タカノ オサム' }),
      createParticipant(t, organizer, { name: 'Liam Walsh', furigana: 'リアム ウォルシュ', locale: 'en' }),
      createParticipant(t, organizer, { name: '辞退 太郎', furigana: 'ジタイ タロウ' }),
      createParticipant(t, organizer, { name: '遅野 花子', furigana: 'オソノ ハナコ' }),
    ]);
    const earlyRegistration = await register(eventId, organizer, early.id);
    expect(earlyRegistration.status).toBe('REGISTERED');
    // Invited while a draft (the invitation goes out), and accepted from its link.
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [invited.id] },
        organizer,
      ),
    );
    await sink.waitUntil(() => sink.to(invited.email).length === 1);
    const { token } = invitationAnswerLink(t, sink.to(invited.email)[0], 1);
    const { respondToInvitation } = ok(
      await t.gql<{ respondToInvitation: { status: string } }>(
        'mutation($token: String!) { respondToInvitation(token: $token, accept: true) { status } }',
        { token },
      ),
    );
    expect(respondToInvitation.status).toBe('REGISTERED');
    expect((await register(eventId, organizer, waiting.id)).status).toBe('WAITLISTED');
    const gone = await register(eventId, organizer, leaver.id);
    ok(await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: gone.id }, organizer));
    // A confirmation a draft wrote before publishing sent them, skipped as having nothing to send:
    // nobody had it, so it goes now.
    await t.dataSource.query(
      `INSERT INTO outbox_messages (key, template, transactional, participant_id, event_id, params, status, skip_reason, attempts)
       VALUES ($1, 'registration-confirmation', true, $2, $3, $4, 'SKIPPED', 'NOTHING_TO_SEND', 1)`,
      [
        `registration-confirmation-${earlyRegistration.id}-registered`,
        early.id,
        eventId,
        { registrationId: earlyRegistration.id },
      ],
    );
    const confirmationRows = async (participantId: string) =>
      (
        await t.dataSource.query(
          `SELECT status FROM outbox_messages WHERE participant_id = $1 AND template = 'registration-confirmation'`,
          [participantId],
        )
      ).map((row: { status: string }) => row.status);
    for (const person of [invited, waiting, leaver]) expect(await confirmationRows(person.id)).toEqual([]);

    ok(await t.gql('mutation($id: ID!) { publishEvent(id: $id) { status } }', { id: eventId }, organizer));
    // Registered again after publishing: their seat was confirmed already, nothing new.
    await register(eventId, organizer, early.id);
    // Someone registered afterwards is confirmed as ever.
    expect((await register(eventId, organizer, late.id)).status).toBe('WAITLISTED');

    const confirmations = (email: string) =>
      sink
        .to(email)
        .filter((mail) => /^(【参加登録完了】|【キャンセル待ち】|Waiting list: )/.test(mail.subject));
    await sink.waitUntil(() =>
      [early, invited, waiting, late].every((person) => confirmations(person.email).length === 1),
    );
    expect(confirmations(early.email)[0].subject).toBe('【参加登録完了】すみだ 事業承継ミニサロン');
    expect(confirmations(early.email)[0].text).toContain('■ 会場: すみだ産業会館 8階');
    expect(confirmations(early.email)[0].calendars).toHaveLength(1);
    expect(confirmations(invited.email)[0].subject).toBe('【参加登録完了】すみだ 事業承継ミニサロン');
    expect(confirmations(waiting.email)[0].subject).toBe('Waiting list: すみだ 事業承継ミニサロン');
    expect(confirmations(late.email)[0].subject).toBe('【キャンセル待ち】すみだ 事業承継ミニサロン');
    expect(sink.to(leaver.email)).toHaveLength(0);
    // The button of a place on the waiting list opens a page that speaks of the waiting list.
    const leaveUrl = (mail: { text: string }) =>
      new RegExp(`${t.url}/registrations/cancel\\?token=[\\w-]+`).exec(mail.text)![0];
    const waitingPage = await (await fetch(leaveUrl(confirmations(late.email)[0]))).text();
    expect(waitingPage).toContain('<h1>キャンセル待ちの取り消し</h1>');
    expect(waitingPage).toContain('このイベントのキャンセル待ちを取り消しますか？');
    expect(waitingPage).toContain('>キャンセル待ちを取り消す</button>');
    const waitingPageEn = await (await fetch(leaveUrl(confirmations(waiting.email)[0]))).text();
    expect(waitingPageEn).toContain('Would you like to leave the waiting list for this event?');
    expect(waitingPageEn).toContain('>Leave the waiting list</button>');
    // One row each, the one that went (the email arrives a moment before its row says SENT).
    for (const person of [early, invited, waiting, late])
      expect(await confirmationRows(person.id)).toHaveLength(1);
    expect(await confirmationRows(leaver.id)).toEqual([]);
  });
});
