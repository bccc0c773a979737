import ICAL from 'ical.js';
import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
  scheduleAndPublish,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/** Someone who cancels their registration must not leave the other side waiting at an empty table. */
describe('cancelling a registration calls off that person’s meetings', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** The text of every calendar attached to the emails one address received. */
  const calendarsTo = (address: string) => sink.to(address).flatMap((mail) => mail.calendars);

  /**
   * Three registered at a 商談会 with one 商談枠: A and B agreed a meeting, which is scheduled and
   * published (B has its METHOD:PUBLISH); C asked A, still open.
   */
  async function publishedMeetingBetweenAAndB(organisation: string) {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: organisation, municipality: '兵庫県尼崎市' }),
    );
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'あまがさき商談会',
      startsAt: tokyoInDays(25, '13:00'),
      endsAt: tokyoInDays(25, '17:00'),
    });
    ok(
      await t.gql(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { id } }',
        {
          input: {
            eventId,
            startsAt: tokyoInDays(25, '14:00'),
            slotMinutes: 20,
            slotCount: 3,
            tableCount: 2,
          },
        },
        organizer,
      ),
    );
    const people = [];
    for (const name of ['髙橋 一郎', '山﨑 美咲', '佐藤 花子']) {
      const person = await createParticipant(t, organizer, { name });
      const { register } = ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId, participantId: person.id },
          organizer,
        ),
      );
      people.push({ ...person, registrationId: register.id, token: await t.participantToken(person.id) });
    }
    const [a, b, c] = people;
    const request = async (from: typeof a, to: typeof a) =>
      ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
          { e: eventId, to: to.id },
          from.token,
        ),
      ).requestMeeting.id;
    const ab = await request(a, b);
    const ca = await request(c, a);
    ok(
      await t.gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
        { id: ab },
        b.token,
      ),
    );

    await scheduleAndPublish(t, organizer, eventId);
    await sink.waitUntil(() => calendarsTo(b.email).some((calendar) => calendar.includes('METHOD:PUBLISH')));

    return { organizer, eventId, a, b, c, ab, ca };
  }

  it('cancels the published meeting with METHOD:CANCEL to the other side, and withdraws open requests', async () => {
    const { eventId, a, b, ab, ca } = await publishedMeetingBetweenAAndB('尼崎商工会議所');
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: a.registrationId },
        a.token,
      ),
    );

    const [meeting] = await t.dataSource.query(
      'SELECT status, sequence FROM meetings WHERE request_id = $1',
      [ab],
    );
    expect(meeting.status).toBe('CANCELLED');
    const requests = await t.dataSource.query(
      'SELECT id, status FROM meeting_requests WHERE id = ANY($1) ORDER BY id',
      [[ab, ca]],
    );
    expect(requests.map((r: { status: string }) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
    await sink.waitUntil(() => calendarsTo(b.email).some((calendar) => calendar.includes('METHOD:CANCEL')));
    const cancel = calendarsTo(b.email).find((calendar) => calendar.includes('METHOD:CANCEL'))!;
    const vevent = new ICAL.Component(ICAL.parse(cancel)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(Number(vevent.getFirstPropertyValue('sequence'))).toBe(meeting.sequence);
    expect(vevent.getFirstPropertyValue('location')).toMatch(/^東京財務事務所 会議室、テーブル \d$/);
    // Each side is told why: B that A gave up the seat (and whom to ask), A that it went with theirs.
    const calledOff = (address: string) =>
      sink.to(address).find((mail) => mail.subject.startsWith('【面談中止】'));
    const toB = calledOff(b.email)!;
    expect(toB.text).toContain(
      '髙橋 一郎 様の参加登録が取り消されたため、「あまがさき商談会」での面談は中止となりました。',
    );
    expect(toB.text).toContain('ほかの参加者との面談をご希望の場合は、下記の主催者までご相談ください。');
    await sink.waitUntil(() => calledOff(a.email) !== undefined);
    expect(calledOff(a.email)!.text).toContain(
      '参加登録の取り消しに伴い、「あまがさき商談会」での 山﨑 美咲 様との面談は中止となりました。',
    );
    // They cancelled it themselves: no 参加取消のお知らせ, to them or anyone.
    expect(await cancellationNotices(eventId)).toEqual([]);
  });

  it('the cancel link’s page says the meetings go with the seat, before the button and after it', async () => {
    const { a, b } = await publishedMeetingBetweenAAndB('尼崎市産業振興課');
    await sink.waitUntil(() => sink.to(a.email).some((mail) => mail.subject.startsWith('【参加登録完了】')));
    const confirmation = sink.to(a.email).find((mail) => mail.subject.startsWith('【参加登録完了】'))!;
    const url = new RegExp(`${t.url}/registrations/cancel\\?token=[\\w-]+`).exec(confirmation.text)![0];
    const page = await (await fetch(url)).text();
    expect(page).toContain('このイベントへの参加をキャンセルしますか？');
    // A agreed a meeting with B (published) and has C's request to answer.
    expect(page).toContain(
      'キャンセルすると、このイベントで成立している面談（1件）と回答待ちの面談のお申込（1件）も取り消しとなります。',
    );
    const done = await fetch(`${t.url}/registrations/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: new URL(url).searchParams.get('token')! }).toString(),
    });
    expect(done.status).toBe(200);
    const result = await done.text();
    expect(result).toContain('参加のキャンセルを承りました。');
    expect(result).toContain('カレンダーに追加した予定は、メールに添付のファイルを開くと削除されます。');
    expect(result).toContain(
      'あわせて、このイベントでの面談（1件）と回答待ちの面談のお申込（1件）も取り消しました。',
    );
    await sink.waitUntil(() => calendarsTo(b.email).some((calendar) => calendar.includes('METHOD:CANCEL')));
  });

  it('staff cancelling tells the person, naming their meeting, whose calendar cancel comes on its own', async () => {
    const { organizer, eventId, a, b } = await publishedMeetingBetweenAAndB('尼崎信用金庫');
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: a.registrationId },
        organizer,
      ),
    );

    const noticeTo = (address: string) =>
      sink.to(address).filter((mail) => mail.subject === '【参加取消のお知らせ】あまがさき商談会');
    await sink.waitUntil(() => noticeTo(a.email).length === 1);
    const [notice] = noticeTo(a.email);
    expect(notice.text).toContain(
      'このたび、「あまがさき商談会」への参加登録を、主催者の尼崎信用金庫にて取り消しましたので、お知らせいたします。',
    );
    expect(notice.text).toContain(
      'あわせて、このイベントで予定されていた面談（1件）も取り消し、面談の相手の方にもお知らせします。面談スケジュールでお知らせした面談（1件）は、',
    );
    // The meeting's own 面談中止 still carries the calendar cancel, to both sides, as when people leave
    // by themselves; the notice goes to the one whose registration it was, and says so.
    expect(notice.text).toContain('カレンダーから削除するためのご案内を面談ごとに別途お送りします。');
    // The notice's own file takes the event's entry off the calendar, and only that.
    expect(notice.calendars).toHaveLength(1);
    expect(notice.calendars[0]).toContain('METHOD:CANCEL');
    expect(notice.calendars[0]).toContain(`UID:event-${eventId}@tsunagu`);
    expect(notice.calendars[0]).not.toContain('UID:meeting-');
    for (const person of [a, b])
      await sink.waitUntil(() =>
        calendarsTo(person.email).some(
          (calendar) => calendar.includes('METHOD:CANCEL') && calendar.includes('UID:meeting-'),
        ),
      );
    expect(await cancellationNotices(eventId)).toEqual([a.id]);
  });

  /**
   * A 商談会 where 髙橋 (A) has every kind of meeting there is: a scheduled meeting with B not yet on
   * a published agenda (placed by hand after publishing), an agreed request with C without a time,
   * a request from D awaiting A's answer, a published meeting with E, and a request A sent to F.
   * `locale` is B's, C's and D's.
   */
  async function leaverWithEveryKindOfMeeting(organisation: string, locale: 'ja' | 'en') {
    const admin = await staffSession(t, Role.ADMIN, null);
    const organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: organisation, municipality: '兵庫県尼崎市' }),
    );
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'あまがさき商談会',
      startsAt: tokyoInDays(25, '13:00'),
      endsAt: tokyoInDays(25, '17:00'),
    });
    const {
      addMatchmakingSession: {
        sessions: [session],
      },
    } = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId,
            startsAt: tokyoInDays(25, '14:00'),
            slotMinutes: 20,
            slotCount: 4,
            tableCount: 2,
          },
        },
        organizer,
      ),
    );
    const cast = {
      a: { name: '髙橋 一郎', company: { name: '大和田印刷株式会社' } },
      b: locale === 'en' ? { name: 'Emma Clarke', locale } : { name: '山﨑 美咲' },
      c: locale === 'en' ? { name: 'Liam Walsh', locale } : { name: '佐藤 花子' },
      d: locale === 'en' ? { name: 'Noah Price', locale } : { name: '鈴木 健太' },
      e: { name: '中村 陽子' },
      f: locale === 'en' ? { name: 'Olivia Hughes', locale } : { name: '小林 大輔' },
    };
    const people = {} as Record<
      keyof typeof cast,
      { id: string; email: string; token: string; registrationId: string }
    >;
    for (const [key, input] of Object.entries(cast) as [keyof typeof cast, Record<string, unknown>][]) {
      const person = await createParticipant(t, organizer, input);
      const { register } = ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId, participantId: person.id },
          organizer,
        ),
      );
      people[key] = { ...person, registrationId: register.id, token: await t.participantToken(person.id) };
    }
    const { a, b, c, d, e, f } = people;
    const request = async (from: typeof a, to: typeof a) =>
      ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
          { e: eventId, to: to.id },
          from.token,
        ),
      ).requestMeeting.id;
    const accept = async (id: string, by: typeof a) =>
      ok(
        await t.gql(
          'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
          { id },
          by.token,
        ),
      );

    await accept(await request(a, e), e);
    await scheduleAndPublish(t, organizer, eventId);
    await sink.waitUntil(() => calendarsTo(e.email).some((calendar) => calendar.includes('METHOD:PUBLISH')));

    const ab = await request(a, b);
    // B answers once the request's email is in: an answer given first would leave it unsent.
    await sink.waitUntil(() => sink.to(b.email).some((mail) => answerLink(mail.text) !== null));
    await accept(ab, b);
    const [{ slot_index: taken }] = await t.dataSource.query(
      `SELECT slot_index FROM meetings WHERE event_id = $1 AND status = 'SCHEDULED'`,
      [eventId],
    );
    ok(
      await t.gql(
        'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i, table: "1") { id } }',
        { r: ab, s: session.id, i: (taken + 1) % 4 },
        organizer,
      ),
    );
    await accept(await request(c, a), a);
    await request(d, a);
    await request(a, f);
    // Everyone has had the emails so far (F's request, the 面談成立s), so what follows is new.
    await sink.waitUntil(() => sink.to(f.email).some((mail) => answerLink(mail.text) !== null));
    return { eventId, ...people };
  }

  /** The accept link in a meeting request email. */
  const answerLink = (text: string) =>
    new RegExp(`${t.url}/meetings/respond\\?token=[\\w-]+&accept=1`).exec(text)?.[0] ?? null;

  /** The page behind F's accept link, opened (GET) and answered (POST). */
  async function answerPages(f: { email: string }) {
    const link = () =>
      sink
        .to(f.email)
        .map((mail) => answerLink(mail.text))
        .find((found) => found !== null);
    // The request's email may still be on its way: the queue sends in no fixed order.
    await sink.waitUntil(() => link() !== undefined);
    const url = link()!;
    const opened = await (await fetch(url)).text();
    const answered = await (
      await fetch(`${t.url}/meetings/respond`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: new URL(url).searchParams.get('token')!, accept: '1' }).toString(),
      })
    ).text();
    return { opened, answered };
  }

  /** The emails of the new kind written at the event, by recipient; once each is in the sink. */
  async function counterpartNotices(eventId: string): Promise<string[]> {
    const rows: { participant_id: string; status: string }[] = await t.dataSource.query(
      `SELECT participant_id, status FROM outbox_messages WHERE event_id = $1 AND template = 'meeting-counterpart-left'`,
      [eventId],
    );
    return rows.map((row) => row.participant_id).sort();
  }

  it('tells each other side once: the agreed meetings not on a published agenda, and the request awaiting an answer', async () => {
    const { eventId, a, b, c, d, e, f } = await leaverWithEveryKindOfMeeting('尼崎市商業振興会', 'ja');
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: a.registrationId },
        a.token,
      ),
    );

    expect(await counterpartNotices(eventId)).toEqual([b.id, c.id, d.id].sort());
    const calledOff = (address: string) =>
      sink.to(address).filter((mail) => mail.subject.startsWith('【面談取り消し】'));
    const withdrawn = (address: string) =>
      sink.to(address).filter((mail) => mail.subject.startsWith('【面談のお申込：取り消し】'));
    await sink.waitUntil(
      () => calledOff(b.email).length + calledOff(c.email).length + withdrawn(d.email).length === 3,
    );
    // E's meeting was on the published agenda: its 面談中止 with the calendar cancel, nothing more.
    await sink.waitUntil(() => calendarsTo(e.email).some((calendar) => calendar.includes('METHOD:CANCEL')));
    expect(sink.to(e.email).filter((mail) => mail.subject.startsWith('【面談中止】'))).toHaveLength(1);

    for (const person of [b, c]) {
      const [mail] = calledOff(person.email);
      expect(calledOff(person.email)).toHaveLength(1);
      expect(mail.subject).toBe('【面談取り消し】髙橋 一郎 様との面談（あまがさき商談会）');
      expect(mail.text).toContain(
        '「あまがさき商談会」で成立していた 大和田印刷株式会社 髙橋 一郎 様との面談は、先方がイベントへのご参加を取り消されたため、取りやめとなりました。',
      );
      expect(mail.text).toContain('お手続きいただくことはございません。');
      expect(mail.calendars).toHaveLength(0);
    }
    const [request] = withdrawn(d.email);
    expect(withdrawn(d.email)).toHaveLength(1);
    expect(request.subject).toBe('【面談のお申込：取り消し】髙橋 一郎 様（あまがさき商談会）');
    expect(request.text).toContain(
      '「あまがさき商談会」での 大和田印刷株式会社 髙橋 一郎 様への面談のお申込は、先方がイベントへのご参加を取り消されたため、お受けいただけなくなりました。',
    );
    // A's own request to F needs no email, and A is not told about their own meetings.
    for (const person of [a, e, f])
      expect(sink.to(person.email).filter((mail) => /取り消し】/.test(mail.subject))).toEqual([]);
    // F opens the request A sent: it says it is withdrawn, with nothing to press.
    const pages = await answerPages(f);
    for (const page of [pages.opened, pages.answered]) {
      expect(page).toContain('この面談のお申込は取り下げられました。ご回答いただく必要はありません。');
      expect(page).not.toContain('<button');
    }
    // B had agreed to meet A: the link in A's request now says the meeting is off, not withdrawn.
    const agreed = await answerPages(b);
    for (const page of [agreed.opened, agreed.answered]) {
      expect(page).toContain('この面談は取り消しになりました。ご回答いただく必要はありません。');
      expect(page).not.toContain('<button');
    }
  });

  it('writes to an English-speaking other side in English', async () => {
    const { eventId, a, b, c, d, f } = await leaverWithEveryKindOfMeeting('尼崎ものづくり支援センター', 'en');
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: a.registrationId },
        a.token,
      ),
    );
    expect(await counterpartNotices(eventId)).toEqual([b.id, c.id, d.id].sort());
    const calledOff = (address: string) =>
      sink.to(address).filter((mail) => mail.subject.startsWith('Meeting called off'));
    const withdrawn = (address: string) =>
      sink.to(address).filter((mail) => mail.subject.includes('cannot go ahead'));
    await sink.waitUntil(
      () => calledOff(b.email).length + calledOff(c.email).length + withdrawn(d.email).length === 3,
    );
    const [agreed] = calledOff(b.email);
    expect(agreed.subject).toBe('Meeting called off: 髙橋 一郎 (あまがさき商談会)');
    expect(agreed.text).toContain(
      'Your agreed meeting with 髙橋 一郎 (大和田印刷株式会社) at "あまがさき商談会" has been called off, as they are no longer taking part in the event.',
    );
    const [request] = withdrawn(d.email);
    expect(request.subject).toBe('Your meeting request to 髙橋 一郎 cannot go ahead: あまがさき商談会');
    expect(request.text).toContain('There is nothing you need to do. You can still ask other participants');
    const pages = await answerPages(f);
    for (const page of [pages.opened, pages.answered]) {
      expect(page).toContain('This meeting request has been withdrawn. There is nothing you need to do.');
      expect(page).not.toContain('<button');
    }
  });

  it('names nobody when the person who left is erased', async () => {
    const erased = await leaverWithEveryKindOfMeeting('尼崎中小企業振興会', 'ja');
    const admin = await staffSession(t, Role.ADMIN, null);
    ok(
      await t.gql(
        'mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }',
        { id: erased.a.id },
        admin,
      ),
    );
    await sink.waitUntil(() =>
      sink.to(erased.b.email).some((mail) => mail.subject.startsWith('【面談取り消し】')),
    );
    const [mail] = sink.to(erased.b.email).filter((m) => m.subject.startsWith('【面談取り消し】'));
    expect(mail.subject).toBe('【面談取り消し】参加者の方との面談（あまがさき商談会）');
    expect(mail.text).toContain(
      '「あまがさき商談会」で成立していた面談について、お相手の方がイベントへのご参加を取り消されたため、取りやめとなりました。',
    );
    expect(mail.text).not.toContain('髙橋');
    expect(mail.text).not.toContain('削除済み');
  });

  it('calls a published meeting off naming nobody when the other side is erased, in the email and its calendar cancel', async () => {
    const { a, b } = await publishedMeetingBetweenAAndB('尼崎地域産業振興財団');
    // A has B's name on the agenda, so the cancel below is all that tells A the meeting is off.
    await sink.waitUntil(() => calendarsTo(a.email).some((calendar) => calendar.includes('METHOD:PUBLISH')));
    const admin = await staffSession(t, Role.ADMIN, null);
    ok(await t.gql('mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }', { id: b.id }, admin));

    const calledOff = () => sink.to(a.email).filter((mail) => mail.subject.startsWith('【面談中止】'));
    await sink.waitUntil(() => calledOff().length === 1);
    const [mail] = calledOff();
    expect(mail.subject).toBe('【面談中止】参加者の方との面談（あまがさき商談会）');
    expect(mail.text).toContain('髙橋 一郎 様');
    expect(mail.text).toContain('「あまがさき商談会」で予定されていた次の面談は中止となりました。');
    expect(mail.text).toMatch(/: 参加者の方\n {2}テーブル \d+\n/);
    expect(mail.html).toContain('参加者の方');
    expect(mail.calendars).toHaveLength(1);
    const [cancel] = mail.calendars;
    const vevent = new ICAL.Component(ICAL.parse(cancel)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('summary')).toBe('面談（あまがさき商談会）');
    // Unfolded, so that a name split across the calendar's 75-octet lines is found too.
    const unfolded = cancel.replace(/\r?\n[ \t]/g, '');
    for (const part of [mail.subject, mail.text, mail.html, unfolded]) {
      expect(part).not.toContain('削除済み');
      expect(part).not.toContain('山﨑');
      expect(part).not.toMatch(/参加者の方 様|null|undefined/);
    }
  });

  it('shows the answer page of a request from someone erased since with nobody named', async () => {
    const { a, f } = await leaverWithEveryKindOfMeeting('尼崎商業活性化協議会', 'ja');
    const admin = await staffSession(t, Role.ADMIN, null);
    ok(await t.gql('mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }', { id: a.id }, admin));
    const noName = (page: string) => {
      expect(page).not.toContain('削除済み');
      expect(page).not.toContain('髙橋');
      expect(page).not.toContain('大和田印刷');
      expect(page).not.toContain('<button');
    };
    // The link in F's email outlives the erasure: it says the request is withdrawn, from 参加者の方,
    // and there is nothing left to answer.
    const { opened, answered } = await answerPages(f);
    expect(opened).toContain('参加者の方からの面談のお申込です。');
    expect(opened).toContain('この面談のお申込は取り下げられました。ご回答いただく必要はありません。');
    for (const page of [opened, answered]) noName(page);
    expect(answered).not.toContain('このリンクは無効です');
  });

  it('leaves a meeting already held as it was, its request agreed, when the person goes', async () => {
    const { a, ab, ca } = await publishedMeetingBetweenAAndB('尼崎経営者協会');
    await t.dataSource.query(`UPDATE meetings SET status = 'HELD' WHERE request_id = $1`, [ab]);
    const admin = await staffSession(t, Role.ADMIN, null);
    ok(await t.gql('mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }', { id: a.id }, admin));

    const statusOf = async (requestId: string) =>
      (await t.dataSource.query(`SELECT status FROM meeting_requests WHERE id = $1`, [requestId]))[0].status;
    expect(await statusOf(ab)).toBe('ACCEPTED');
    expect(await statusOf(ca)).toBe('CANCELLED');
    const [meeting] = await t.dataSource.query(`SELECT status FROM meetings WHERE request_id = $1`, [ab]);
    expect(meeting.status).toBe('HELD');
  });

  /** Whom a 参加取消のお知らせ was written for at the event. */
  const cancellationNotices = async (eventId: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT participant_id FROM outbox_messages WHERE event_id = $1 AND template = 'registration-cancelled'`,
        [eventId],
      )
    ).map((row: { participant_id: string }) => row.participant_id);
});
