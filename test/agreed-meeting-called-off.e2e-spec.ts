import { Role } from '../src/auth/actor';
import { formatEventTime } from '../src/mail/templates/mail-dates';
import { eventually } from './support/eventually';
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
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

type Person = { id: string; name: string; email: string; token: string; registrationId: string };

/**
 * Whoever was told a meeting is on (【面談成立】, or an agenda listing it) is told once when it is
 * called off, though it was never on a published agenda: a meeting at the venue (no 商談枠), one
 * placed but not yet published, or an agreed request without a time. Someone who was not told of
 * it is not told of its end either.
 */
describe('an agreed meeting called off before it is on a published agenda', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  /** Addresses whose next email is refused for now (451): their 面談成立 waits for a retry. */
  const refuseNext = new Set<string>();

  beforeAll(async () => {
    sink = await SmtpSink.start({
      refuseRecipient: (address) => (refuseNext.delete(address) ? 451 : undefined),
    });
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '関東財務局 東京財務事務所', kind: 'FINANCE_OFFICE' }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const person = async (eventId: string, input: Record<string, unknown>): Promise<Person> => {
    const participant = await createParticipant(t, organizer, input);
    const { register } = ok(
      await t.gql<{ register: { id: string } }>(
        registerMutation(),
        { eventId, participantId: participant.id },
        organizer,
      ),
    );
    return {
      ...participant,
      name: input.name as string,
      registrationId: register.id,
      token: await t.participantToken(participant.id),
    };
  };
  const mailsTo = (who: Person, subject: RegExp) =>
    sink.to(who.email).filter((mail) => subject.test(mail.subject));
  const calledOff = (who: Person) => mailsTo(who, /^【面談中止】|^Meeting cancelled/);
  const agreed = (who: Person) => mailsTo(who, /^【面談成立】|^Meeting agreed/);
  const meetingOf = async (eventId: string, requestId: string) => {
    const [{ id }]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM meetings WHERE event_id = $1 AND request_id = $2`,
      [eventId, requestId],
    );
    return id;
  };
  /**
   * Every email of the event has gone out or was let be: none waits, but for those held back on
   * purpose (refused for now, waiting for a retry).
   */
  const mailSettled = (eventId: string) =>
    eventually(async () => {
      const [{ open }]: { open: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS open FROM outbox_messages
          WHERE event_id = $1 AND status IN ('PENDING', 'SENDING') AND last_error IS NULL`,
        [eventId],
      );
      return open === 0;
    }, 'the event’s emails settled');
  const cancelMeeting = (id: string, token: string) =>
    t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { status } }', { id }, token);
  const cancelRequest = (id: string, token: string) =>
    t.gql('mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }', { id }, token);
  const eventTimes = async (eventId: string) => {
    const [row]: { starts_at: Date; ends_at: Date }[] = await t.dataSource.query(
      'SELECT starts_at, ends_at FROM events WHERE id = $1',
      [eventId],
    );
    return (locale: 'ja' | 'en') => formatEventTime(locale, row.starts_at, row.ends_at);
  };

  it('at a salon, a meeting at the venue called off is told to both sides once, in each one’s language', async () => {
    const title = '事業承継サロン（第7回）';
    const eventId = await createPublishedEvent(t, organizer, { title });
    const aoki = await person(eventId, { name: '青木 一郎' });
    const emma = await person(eventId, { name: 'Emma Clarke', locale: 'en' });
    const requestId = await agreeMeeting(t, eventId, aoki.id, emma.id);
    await sink.waitUntil(() => agreed(aoki).length === 1 && agreed(emma).length === 1);
    const meetingId = await meetingOf(eventId, requestId);

    // 青木 calls it off; asked again, or the request withdrawn too, nothing more goes out.
    ok(await cancelMeeting(meetingId, aoki.token));
    ok(await cancelMeeting(meetingId, aoki.token));
    ok(await cancelRequest(requestId, emma.token));
    await sink.waitUntil(() => calledOff(aoki).length === 1 && calledOff(emma).length === 1);
    await mailSettled(eventId);
    expect([calledOff(aoki).length, calledOff(emma).length]).toEqual([1, 1]);

    const when = await eventTimes(eventId);
    const [emmas] = calledOff(emma);
    expect(emmas.subject).toBe(`Meeting cancelled: 青木 一郎 (${title})`);
    expect(emmas.text).toContain(`Your meeting with 青木 一郎 at "${title}" has been cancelled.`);
    expect(emmas.text).toContain(`■ ${when('en')}: 青木 一郎\n  (was: to meet at the venue)\n`);
    // Nothing was on her calendar: no calendar file, and no word of one.
    expect(emmas.calendars).toEqual([]);
    expect(emmas.text).not.toContain('calendar file');
    expect(emmas.text).toContain('▶ See your meeting schedule');
    const [aokis] = calledOff(aoki);
    expect(aokis.subject).toBe(`【面談中止】Emma Clarke 様との面談（${title}）`);
    expect(aokis.text).toContain(`「${title}」での Emma Clarke 様との面談は中止となりました。`);
    expect(aokis.text).toContain(`■ ${when('ja')}: Emma Clarke 様\n  （会場内でお会いする予定でした）\n`);
    expect(aokis.calendars).toEqual([]);
    expect(aokis.text).not.toContain('カレンダー');
  });

  it('at a 商談会, a meeting placed but not published and an agreed request without a time are told too', async () => {
    const title = 'かつしか ものづくり商談会';
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title,
      startsAt: tokyoInDays(20, '13:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(20, '14:00'),
      slotMinutes: 20,
      slotCount: 4,
      tableCount: 2,
    });
    const ando = await person(eventId, { name: '安藤 美咲' });
    const inoue = await person(eventId, { name: '井上 誠' });
    const ueda = await person(eventId, { name: '上田 健' });
    const placed = await agreeMeeting(t, eventId, ando.id, inoue.id);
    const unplaced = await agreeMeeting(t, eventId, ueda.id, ando.id);
    ok(
      await t.gql(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 1, table: "2") { id } }',
        { r: placed, s: sessionId },
        organizer,
      ),
    );
    await sink.waitUntil(
      () => agreed(ando).length === 2 && agreed(inoue).length === 1 && agreed(ueda).length === 1,
    );

    // Staff call off the placed one (never published: nobody was told its time), 上田 his request.
    ok(await cancelMeeting(await meetingOf(eventId, placed), organizer));
    ok(await cancelRequest(unplaced, ueda.token));
    await sink.waitUntil(
      () => calledOff(ando).length === 2 && calledOff(inoue).length === 1 && calledOff(ueda).length === 1,
    );
    await mailSettled(eventId);
    expect([calledOff(ando).length, calledOff(inoue).length, calledOff(ueda).length]).toEqual([2, 1, 1]);
    const when = (await eventTimes(eventId))('ja');
    const andos = (other: string) => calledOff(ando).find((mail) => mail.subject.includes(other))!;
    expect(andos('井上 誠').subject).toBe(`【面談中止】井上 誠 様との面談（${title}）`);
    expect(andos('井上 誠').text).toContain(`■ ${when}: 井上 誠 様\n  （時間未定でした）\n`);
    expect(andos('上田 健').text).toContain(`「${title}」での 上田 健 様との面談は中止となりました。`);
    expect(andos('上田 健').text).toContain(`■ ${when}: 上田 健 様\n  （時間未定でした）\n`);
    for (const mail of [...calledOff(ando), ...calledOff(inoue), ...calledOff(ueda)])
      expect(mail.calendars).toEqual([]);
  });

  it('someone whose 面談成立 has not reached them is not told it is off, by whichever way it went', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'ミニサロン（販路開拓）' });
    const kato = await person(eventId, { name: '加藤 由美' });
    const kimura = await person(eventId, { name: '木村 直樹' });
    const ono = await person(eventId, { name: '小野 誠' });
    const kudo = await person(eventId, { name: '工藤 大輔' });
    const sato = await person(eventId, { name: '佐藤 翔' });
    const kitamura = await person(eventId, { name: '北村 優子' });
    // Once they have their 参加登録完了, 木村's and 工藤's mail server says "later" to the next
    // email: their 面談成立 waits for a retry.
    await mailSettled(eventId);
    refuseNext.add(kimura.email.toLowerCase());
    refuseNext.add(kudo.email.toLowerCase());
    // They asked (the person asked has had the request's email): the 面談成立 is their next email.
    const byStaff = await agreeMeeting(t, eventId, kimura.id, kato.id);
    await agreeMeeting(t, eventId, kudo.id, ono.id);
    // 佐藤 and 北村 have both heard: the registration cancelled below tells 北村, as before.
    await agreeMeeting(t, eventId, sato.id, kitamura.id);
    await sink.waitUntil(
      () =>
        agreed(kato).length === 1 &&
        agreed(ono).length === 1 &&
        agreed(sato).length === 1 &&
        agreed(kitamura).length === 1 &&
        sink.refusals.filter((refusal) => refusal.address === kudo.email.toLowerCase()).length === 1 &&
        sink.refusals.filter((refusal) => refusal.address === kimura.email.toLowerCase()).length === 1,
    );

    ok(await cancelRequest(byStaff, organizer));
    for (const leaver of [ono, sato])
      ok(
        await t.gql(
          'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
          { id: leaver.registrationId },
          leaver.token,
        ),
      );
    await sink.waitUntil(
      () => calledOff(kato).length === 1 && mailsTo(kitamura, /^【面談取り消し】/).length === 1,
    );
    await mailSettled(eventId);
    // Neither heard of the meeting: neither hears of its end (all they had is their 参加登録完了).
    for (const who of [kimura, kudo])
      expect(sink.to(who.email).map((mail) => mail.subject)).toEqual([
        '【参加登録完了】ミニサロン（販路開拓）',
      ]);
    const skipped: { participant_id: string; skip_reason: string }[] = await t.dataSource.query(
      `SELECT participant_id, skip_reason FROM outbox_messages
        WHERE event_id = $1 AND template IN ('meeting-cancelled', 'meeting-counterpart-left') AND status = 'SKIPPED'`,
      [eventId],
    );
    expect(skipped.map((row) => row.participant_id).sort()).toEqual([kimura.id, kudo.id].sort());
  });

  it('sends the agenda again to someone whose only meeting was called off, showing it; after that says how they learn of it', async () => {
    const title = '東京活性化サロン（第8回）';
    const eventId = await createPublishedEvent(t, organizer, { title });
    const ogawa = await person(eventId, { name: '小川 真一' });
    const noguchi = await person(eventId, { name: '野口 彩' });
    const newcomer = await person(eventId, { name: '新井 一' });
    const requestId = await agreeMeeting(t, eventId, ogawa.id, noguchi.id);
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    const agendas = (who: Person) => mailsTo(who, /面談スケジュール/);
    await sink.waitUntil(() => agendas(ogawa).length === 1 && agendas(noguchi).length === 1);
    ok(await cancelMeeting(await meetingOf(eventId, requestId), noguchi.token));
    await sink.waitUntil(() => calledOff(ogawa).length === 1);

    const again = (who: Person) =>
      t.gql(
        'mutation($e: ID!, $p: ID!) { sendAgendaAgain(eventId: $e, participantId: $p) }',
        { e: eventId, p: who.id },
        organizer,
      );
    ok(await again(ogawa));
    await sink.waitUntil(() => agendas(ogawa).length === 2);
    const resent = agendas(ogawa)[1];
    expect(resent.subject).toBe(`【面談スケジュール（変更あり）】${title}（面談なし）`);
    expect(resent.text).toContain('現在、予定されている面談はありません。');
    expect(resent.text).toContain(
      '■ 取り消しになった面談\n前回お送りしたスケジュールにあった次の面談は、取り消しになりました。\n・野口 彩 様\n  （会場内でお会いする予定でした）\n',
    );

    // What they hold now shows it: sent again it would show nothing, and staff are told where it is.
    await mailSettled(eventId);
    for (const who of [ogawa, newcomer]) {
      const refused = failure(await again(who));
      expect(refused.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'AGENDA_EMPTY',
        field: 'participantId',
      });
      expect(refused.message).toContain(
        '取り消しになった面談は、【面談中止】などのメールでご本人にお知らせしています',
      );
    }
  });

  it('at an event given 商談枠 afterwards, a meeting at the venue keeps its own heading on the agenda', async () => {
    const title = '東京活性化サロン（第9回）';
    const eventId = await createPublishedEvent(t, organizer, { title });
    const nakano = await person(eventId, { name: '中野 健一' });
    const hara = await person(eventId, { name: '原 さくら' });
    const liam = await person(eventId, { name: 'Liam Walker', locale: 'en' });
    await agreeMeeting(t, eventId, nakano.id, hara.id);
    await addMatchmakingSession(t, organizer, {
      eventId,
      name: '個別相談',
      startsAt: tokyoInDays(14, '19:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    // Agreed after the 商談枠 came: it waits for the schedule, which nobody has run.
    await agreeMeeting(t, eventId, liam.id, nakano.id);
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: eventId },
        organizer,
      ),
    );
    const agendas = (who: Person) => mailsTo(who, /面談スケジュール|meeting schedule/);
    await sink.waitUntil(() => [nakano, hara, liam].every((who) => agendas(who).length === 1));

    const nakanos = agendas(nakano)[0].text;
    const venue = nakanos.indexOf('■ 当日お会いいただく方\n');
    const untimed = nakanos.indexOf('■ 時間が未定の面談\n');
    expect(venue).toBeGreaterThan(-1);
    expect(untimed).toBeGreaterThan(-1);
    const sectionOf = (start: number) => nakanos.slice(start, nakanos.indexOf('\n\n', start));
    expect(sectionOf(venue)).toContain('・原 さくら 様');
    expect(sectionOf(venue)).not.toContain('Liam Walker');
    expect(sectionOf(untimed)).toContain('・Liam Walker 様');
    expect(sectionOf(untimed)).not.toContain('原 さくら');
    // 原 has the meeting at the venue only; Liam the one waiting for a time only.
    expect(agendas(hara)[0].text).toContain('■ 当日お会いいただく方\n');
    expect(agendas(hara)[0].text).not.toContain('時間が未定の面談');
    expect(agendas(liam)[0].text).toContain('■ Meetings without a time yet\n');
    expect(agendas(liam)[0].text).not.toContain('People to meet on the day');
    // The agenda page says the same.
    const page = await (await fetch(/▶ 最新の面談スケジュールを見る\n(\S+)\n/.exec(nakanos)![1])).text();
    expect(page).toContain('当日お会いいただく方');
    expect(page).toContain('時間が未定の面談');
  });
});
