import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { AgendaFeedLinks } from '../src/meetings/agenda-feed-links';
import { QueueName } from '../src/queue/queue-names';
import { eventually } from './support/eventually';
import { sessionsWaitingForLocks, untilWaitingForLocks } from './support/lock-waits';
import {
  addMatchmakingSession,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  matchAndWait,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const MERGE = `mutation($participantId: ID!, $duplicateId: ID!, $dryRun: Boolean) {
  mergeParticipants(participantId: $participantId, duplicateId: $duplicateId, dryRun: $dryRun) {
    dryRun registrationsMoved registrationsCombined placementsRemoved meetingsMoved meetingRequestsMoved meetingRequestsWithdrawn meetingRequestsAgreed
    suggestionsDeleted dealsMoved followUpsMoved surveyResponsesMoved miniSalonRequestsMoved emailsMoved emailsResent
    participant { id email title phone offers needs profileChanges { fields { field label before after } } }
  }
}`;

interface Merge {
  [count: string]: unknown;
  participant: {
    id: string;
    email: string;
    title: string | null;
    phone: string | null;
    offers: string[];
    needs: string[];
    profileChanges: { fields: Record<'field' | 'label' | 'before' | 'after', string>[] }[];
  };
}

/**
 * 名寄せ at a chamber of commerce: 山田 太郎 came in from two Excel lists under two addresses, was
 * registered twice for the 商談会 and shows up twice in other people's suggestions. Staff merge the
 * two profiles into the one they keep; whatever the other had follows him there.
 */
describe('merging two profiles of one person', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    // exmaple.jp: a typo; its mail server knows nobody.
    sink = await SmtpSink.start({
      refuseRecipient: (address) => (address.endsWith('@exmaple.jp') ? 550 : undefined),
    });
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '墨田区商工会議所' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const gql = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token = organizer,
  ) => t.gql<T>(query, variables, token);
  const merge = (participantId: string, duplicateId: string, token = organizer, dryRun = false) =>
    gql<{ mergeParticipants: Merge }>(MERGE, { participantId, duplicateId, dryRun }, token);
  /** What of the two profiles a merge would touch, to see that a dry run left it as it was. */
  const stateOf = (ids: string[]) =>
    t.dataSource.query(
      `SELECT (SELECT json_agg(p ORDER BY p.id) FROM participants p WHERE p.id = ANY($1)) AS people,
              (SELECT json_agg(r ORDER BY r.id) FROM registrations r WHERE r.participant_id = ANY($1)) AS registrations,
              (SELECT json_agg(m ORDER BY m.id) FROM meetings m
                WHERE m.participant_a_id = ANY($1) OR m.participant_b_id = ANY($1)) AS meetings,
              (SELECT json_agg(d ORDER BY d.id) FROM deals d
                WHERE d.participant_a_id = ANY($1) OR d.participant_b_id = ANY($1)) AS deals,
              (SELECT count(*) FROM outbox_messages) AS emails`,
      [ids],
    );
  const register = async (eventId: string, participantId: string) =>
    ok(
      await gql<{ register: { id: string; status: string } }>(registerMutation('id status'), {
        eventId,
        participantId,
      }),
    ).register;
  const invite = async (eventId: string, participantId: string) =>
    ok(
      await gql(
        'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id } }',
        { eventId, ids: [participantId] },
      ),
    );
  const statusOf = async (registrationId: string): Promise<string | undefined> =>
    (await t.dataSource.query('SELECT status FROM registrations WHERE id = $1', [registrationId]))[0]?.status;

  /** A 商談会 with one 商談枠 of three 20-minute slots at two tables. */
  const matchmakingEvent = async (title: string, capacity: number) => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title,
      capacity,
      startsAt: tokyoInDays(10, '13:00'),
      endsAt: tokyoInDays(10, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      name: '午後の部',
      startsAt: tokyoInDays(10, '14:00'),
      slotMinutes: 20,
      slotCount: 3,
      tableCount: 2,
    });
    return { eventId, sessionId };
  };

  /** `from` asks `to` to meet, `to` agrees, and staff place it (unless `slotIndex` is left out). */
  const meet = async (
    eventId: string,
    from: string,
    to: string,
    place?: { sessionId: string; slotIndex: number; table: string },
  ) => {
    const { requestMeeting } = ok(
      await gql<{ requestMeeting: { id: string } }>(
        'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
        { eventId, to },
        await t.participantToken(from),
      ),
    );
    ok(
      await gql(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }',
        { id: requestMeeting.id },
        await t.participantToken(to),
      ),
    );
    if (!place) return { requestId: requestMeeting.id, meetingId: null };
    const { placeMeeting } = ok(
      await gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!, $i: Int!, $table: String!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i, table: $table) { id } }',
        { r: requestMeeting.id, s: place.sessionId, i: place.slotIndex, table: place.table },
      ),
    );
    return { requestId: requestMeeting.id, meetingId: placeMeeting.id };
  };

  /** The emails at `address` whose subject holds `subject`. */
  const inbox = (address: string, subject: string) =>
    sink.to(address).filter((mail) => mail.subject.includes(subject));
  /** The first link to `path` in `mail`, and its token. */
  const linkIn = (mail: ReceivedMail, path: string) => {
    const match = new RegExp(`${t.url}${path}\\?token=([\\w.-]+)`).exec(mail.text);
    if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
    return { url: match[0], token: match[1] };
  };
  /** A link's page as a browser opens it (GET), or as its button sends the form (POST). */
  const open = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, html: await response.text() };
  };
  const press = async (path: string, form: Record<string, string>) => {
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, html: await response.text() };
  };
  /** 2つのご登録は…: the page of a link that cannot act for the profile that stays. */
  const JOINED = '2つのご登録は、同じ方のものとしてひとつにまとめられました。';

  it('moves everything the duplicate had to the kept profile and tells the address that went', async () => {
    const kept = await createParticipant(t, organizer, {
      name: '山田 太郎',
      email: 'yamada@sumida-kogyo.jp',
      phone: '03-1234-5678',
      offers: ['溶接'],
      needs: ['販路開拓'],
      company: { name: '山田工業株式会社' },
    });
    const duplicate = await createParticipant(t, organizer, {
      name: '山田　太郎',
      email: 'taro.yamada@example.com',
      title: '代表取締役',
      offers: ['金属加工'],
      needs: ['販路開拓'],
    });
    const sato = await createParticipant(t, organizer, {
      name: '佐藤 花子',
      offers: ['販路開拓'],
      needs: ['金属加工', '溶接'],
    });
    const waiting = await createParticipant(t, organizer, { name: '待機 一郎' });

    // The 商談会: he is registered twice, which took two of its three seats.
    const { eventId, sessionId } = await matchmakingEvent('すみだ ものづくり商談会', 3);
    const keptSeat = await register(eventId, kept.id);
    await register(eventId, duplicate.id);
    await register(eventId, sato.id);
    const waitlisted = await register(eventId, waiting.id);
    expect(waitlisted.status).toBe('WAITLISTED');
    await matchAndWait(t, organizer, eventId);
    const satoSuggestions = async () =>
      ok(
        await gql<{ mySuggestions: { suggested: { id: string } }[] }>(
          'query($eventId: ID!) { mySuggestions(eventId: $eventId) { suggested { id } } }',
          { eventId },
          await t.participantToken(sato.id),
        ),
      ).mySuggestions.map((suggestion) => suggestion.suggested.id);
    expect(await satoSuggestions()).toEqual(expect.arrayContaining([kept.id, duplicate.id]));
    // Under his second address he agreed a meeting with 佐藤さん, and staff recorded a deal and a follow-up.
    await meet(eventId, duplicate.id, sato.id, { sessionId, slotIndex: 0, table: '1' });
    ok(
      await gql('mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }', {
        input: {
          participantAId: duplicate.id,
          participantBId: sato.id,
          type: 'ORDER',
          title: '溶接治具の試作',
        },
      }),
    );
    ok(
      await gql('mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }', {
        input: {
          participantId: duplicate.id,
          dueOn: tokyoInDays(40, '00:00').slice(0, 10),
          notes: '試作の結果を確認',
        },
      }),
    );
    // A salon he was invited to under the second address only; the invitation is in that inbox.
    const salonId = await createPublishedEvent(t, organizer, { title: '墨田区 事業承継サロン' });
    await invite(salonId, duplicate.id);
    const oldInbox = (subject: string) =>
      sink.to('taro.yamada@example.com').filter((mail) => mail.subject.includes(subject));
    await sink.waitUntil(() => oldInbox('墨田区 事業承継サロン').length === 1, 30_000, 'the invitation');
    const duplicateSession = await t.participantToken(duplicate.id);

    // Staff look first: the same merge, rolled back.
    const before = await stateOf([kept.id, duplicate.id]);
    const preview = ok(await merge(kept.id, duplicate.id, organizer, true)).mergeParticipants;
    expect(await stateOf([kept.id, duplicate.id])).toEqual(before);
    expect(
      preview.participant.profileChanges.map((change) => change.fields.map((f) => f.field)),
    ).not.toContainEqual(expect.arrayContaining(['mergedParticipant']));

    const merged = ok(await merge(kept.id, duplicate.id)).mergeParticipants;
    const { profileChanges: _history, ...mergedProfile } = merged.participant;
    const { profileChanges: _previewHistory, ...previewProfile } = preview.participant;
    expect({ ...preview, participant: previewProfile }).toEqual({
      ...merged,
      dryRun: true,
      participant: mergedProfile,
    });
    expect(merged.dryRun).toBe(false);

    expect(merged).toMatchObject({
      registrationsMoved: 1,
      registrationsCombined: 1,
      meetingsMoved: 1,
      meetingRequestsMoved: 1,
      meetingRequestsWithdrawn: 0,
      dealsMoved: 1,
      followUpsMoved: 1,
      emailsResent: 0,
    });
    expect(merged.suggestionsDeleted).toBeGreaterThan(0);
    // His own profile stays; what it lacked comes from the other one.
    expect(merged.participant).toMatchObject({
      email: 'yamada@sumida-kogyo.jp',
      title: '代表取締役',
      phone: '03-1234-5678',
      offers: ['溶接', '金属加工'],
      needs: ['販路開拓'],
    });
    // One entry in the 変更履歴, in the order Postgres keeps a jsonb object's keys (shortest first).
    expect(merged.participant.profileChanges[0].fields).toEqual([
      {
        field: 'email',
        label: 'メールアドレス',
        before: 'taro.yamada@example.com',
        after: 'yamada@sumida-kogyo.jp',
      },
      { field: 'title', label: '役職', before: '', after: '代表取締役' },
      { field: 'offers', label: '提供できること', before: '溶接', after: '溶接、金属加工' },
      {
        field: 'mergedParticipant',
        label: '統合した重複登録',
        before: '山田　太郎（taro.yamada@example.com）',
        after: '山田 太郎',
      },
    ]);

    // One registration at the 商談会, his own; the seat the other held went to the waiting list.
    const seats: { participant_id: string; status: string }[] = await t.dataSource.query(
      'SELECT participant_id, status FROM registrations WHERE event_id = $1 ORDER BY participant_id',
      [eventId],
    );
    expect(seats.filter((seat) => seat.participant_id === kept.id)).toEqual([
      { participant_id: kept.id, status: 'REGISTERED' },
    ]);
    expect(await statusOf(keptSeat.id)).toBe('REGISTERED');
    expect(await statusOf(waitlisted.id)).toBe('REGISTERED');
    await sink.waitUntil(
      () => sink.to(waiting.email).some((mail) => mail.subject.startsWith('【繰り上げ参加確定】')),
      30_000,
      'the waiting list moving up',
    );
    // 佐藤さん sees him once among her suggestions, and their meeting is his.
    const suggested = await satoSuggestions();
    expect(suggested.filter((id) => id === kept.id)).toHaveLength(1);
    expect(suggested).not.toContain(duplicate.id);
    const meetings: { a: string; b: string }[] = await t.dataSource.query(
      `SELECT participant_a_id AS a, participant_b_id AS b FROM meetings WHERE event_id = $1 AND status = 'SCHEDULED'`,
      [eventId],
    );
    expect(meetings.map((meeting) => [meeting.a, meeting.b].sort())).toEqual([[kept.id, sato.id].sort()]);
    const deals = ok(
      await gql<{ deals: { edges: { node: { participantA: { participantId: string } } }[] } }>(
        '{ deals { edges { node { participantA { participantId } } } } }',
        {},
      ),
    ).deals.edges;
    expect(deals.map((edge) => edge.node.participantA.participantId)).toEqual([kept.id]);

    // The address that went is told where his mail goes now.
    await sink.waitUntil(() => oldInbox('統合').length === 1, 30_000, 'the notice');
    const [notice] = oldInbox('統合');
    expect(notice.subject).toBe('【Tsunagu】ご登録の統合のお知らせ');
    expect(notice.text).toContain('山田 太郎 様');
    expect(notice.text).toContain('ya***@sumida-kogyo.jp');
    expect(notice.text).toContain('墨田区商工会議所の担当者が');
    expect(notice.header('list-unsubscribe')).toBeUndefined();

    // The invitation in the old inbox still answers: the registration is his now.
    const accept = invitationAnswerLink(t, oldInbox('墨田区 事業承継サロン')[0], 1);
    const done = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(done.status).toBe(200);
    const [salonSeat]: { participant_id: string; status: string }[] = await t.dataSource.query(
      'SELECT participant_id, status FROM registrations WHERE event_id = $1',
      [salonId],
    );
    expect(salonSeat).toEqual({ participant_id: kept.id, status: 'REGISTERED' });

    // The duplicate is gone: its session ends, and an old list cannot bring it back.
    expect(failure(await gql('{ me { __typename } }', {}, duplicateSession)).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      failure(await gql('query($id: ID!) { participant(id: $id) { id } }', { id: duplicate.id })).extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    const reimported = await gql(
      'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }',
      { input: { email: 'taro.yamada@example.com', name: '山田 太郎', furigana: 'ヤマダ タロウ' } },
    );
    expect(failure(reimported).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_EMAIL_MOVED_AWAY',
    });
  });

  it('sends what bounced off the duplicate’s address to the kept one, and writes nothing to the bounced address', async () => {
    const kept = await createParticipant(t, organizer, {
      name: '鈴木 﨑子',
      email: 'sakiko@suzuki-shoten.jp',
    });
    const duplicate = await createParticipant(t, organizer, {
      name: '鈴木 﨑子',
      email: 'sakiko@exmaple.jp',
    });
    const eventId = await createPublishedEvent(t, organizer, { title: '墨田区 創業サロン' });
    // At the other event she already holds a seat under the address that works.
    const seminarId = await createPublishedEvent(t, organizer, { title: '墨田区 事業計画セミナー' });
    await register(seminarId, kept.id);
    // Both invitations are written before either can bounce: a bounce suppresses the address, and
    // an invitation to a suppressed address is not written at all.
    const mail = t.app.get<Queue>(getQueueToken(QueueName.MAIL));
    await mail.pause();
    try {
      for (const invitedTo of [eventId, seminarId]) await invite(invitedTo, duplicate.id);
    } finally {
      await mail.resume();
    }
    // Neither reaches her: both bounce, or the second is held back because the first bounce has
    // already suppressed the address (which, depends on whether the worker takes them together).
    await eventually(
      async () =>
        (
          await t.dataSource.query(
            `SELECT 1 FROM outbox_messages WHERE participant_id = $1
                AND (status = 'FAILED' OR (status = 'SKIPPED' AND skip_reason = 'SUPPRESSED'))`,
            [duplicate.id],
          )
        ).length === 2,
      'both invitations to bounce or be held back',
    );

    const merged = ok(await merge(kept.id, duplicate.id)).mergeParticipants;

    // The salon's invitation goes again; the seminar's does not, as her seat there stays.
    expect(merged).toMatchObject({
      registrationsMoved: 1,
      registrationsCombined: 1,
      emailsMoved: 2,
      emailsResent: 1,
    });
    const inbox = () => sink.to('sakiko@suzuki-shoten.jp').filter((mail) => mail.subject.includes('ご招待'));
    await sink.waitUntil(() => inbox().length === 1, 30_000, 'the invitation');
    expect(inbox()[0].subject).toContain('墨田区 創業サロン');
    const toTheTypo: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM outbox_messages WHERE to_address = 'sakiko@exmaple.jp'`,
    );
    expect(toTheTypo).toEqual([]);
  });

  it('keeps the registration that got further, with the survey answer and booth the other one had', async () => {
    const kept = await createParticipant(t, organizer, { name: '小川 直樹' });
    const duplicate = await createParticipant(t, organizer, { name: '小川 直樹' });
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: 'すみだ産業フェア',
    });
    const keptSeat = await register(eventId, kept.id);
    // His firm exhibits: staff registered it under the company address.
    const exhibitorSeat = ok(
      await gql<{ register: { id: string } }>(registerMutation(), {
        eventId,
        participantId: duplicate.id,
        role: 'EXHIBITOR',
        booth: 'A-01',
      }),
    ).register;
    // The fair took place: he was checked in under one profile and answered the survey under the other.
    await moveEventEarlier(t, eventId, 20);
    ok(await gql('mutation($id: ID!) { checkIn(registrationId: $id) { status } }', { id: keptSeat.id }));
    await t.dataSource.query(
      `INSERT INTO survey_responses (registration_id, event_id, participant_id, gained_opportunities, satisfaction, comment)
       VALUES ($1, $2, $3, true, 5, '新しい取引先と出会えました')`,
      [exhibitorSeat.id, eventId, duplicate.id],
    );

    const merged = ok(await merge(kept.id, duplicate.id)).mergeParticipants;

    expect(merged).toMatchObject({
      registrationsMoved: 0,
      registrationsCombined: 1,
      surveyResponsesMoved: 1,
    });
    const seats: Record<string, string>[] = await t.dataSource.query(
      'SELECT id, participant_id, status, role, booth FROM registrations WHERE event_id = $1',
      [eventId],
    );
    expect(seats).toEqual([
      { id: keptSeat.id, participant_id: kept.id, status: 'ATTENDED', role: 'EXHIBITOR', booth: 'A-01' },
    ]);
    const answers: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT registration_id, participant_id, satisfaction FROM survey_responses WHERE event_id = $1',
      [eventId],
    );
    expect(answers).toEqual([{ registration_id: keptSeat.id, participant_id: kept.id, satisfaction: 5 }]);
  });

  /** A 商談会 whose one 商談枠 of three 20-minute slots is held at the exhibitors' booths. */
  const boothEvent = async (title: string) => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title,
      startsAt: tokyoInDays(12, '13:00'),
      endsAt: tokyoInDays(12, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(12, '14:00'),
      slotMinutes: 20,
      slotCount: 3,
      mode: 'BOOTHS',
    });
    return { eventId, sessionId };
  };
  const exhibit = (eventId: string, participantId: string, booth: string) =>
    gql<{ register: { id: string; booth: string | null } }>(registerMutation('id booth'), {
      eventId,
      participantId,
      role: 'EXHIBITOR',
      booth,
    });
  /** `from` and `to` agree to meet, and staff place it in slot `i` at the exhibitor's booth (not published). */
  const placeAtBooth = async (eventId: string, sessionId: string, from: string, to: string, i = 0) => {
    const { requestId } = await meet(eventId, from, to);
    return ok(
      await gql<{ placeMeeting: { id: string; table: string } }>(
        'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i) { id table } }',
        { r: requestId, s: sessionId, i },
      ),
    ).placeMeeting;
  };

  it('gives the person the booth the other profile had as a booth change would, taking back placements not yet published', async () => {
    const { eventId, sessionId } = await boothEvent('すみだ ものづくり商談会');
    const [kept, duplicate, maker, buyer] = await Promise.all(
      [
        { name: '高橋 亮', company: { name: '高橋精工株式会社' } },
        { name: '高橋 亮', company: { name: '高橋精工株式会社' } },
        { name: '斎藤 一', company: { name: '斎藤金型製作所' } },
        { name: '森 商事', company: { name: '森商事株式会社' } },
      ].map((input) => createParticipant(t, organizer, input)),
    );
    // Registered as a visitor under one address, as his firm's exhibitor at C-01 under the other.
    await register(eventId, kept.id);
    ok(await exhibit(eventId, duplicate.id, 'C-01'));
    ok(await exhibit(eventId, maker.id, 'D-07'));
    await register(eventId, buyer.id);
    // The schedule's draft: as a visitor he meets 斎藤 at D-07; his firm meets 森 at C-01.
    const atMaker = await placeAtBooth(eventId, sessionId, kept.id, maker.id);
    expect(atMaker.table).toBe('D-07');
    const atHisBooth = await placeAtBooth(eventId, sessionId, buyer.id, duplicate.id, 1);
    expect(atHisBooth.table).toBe('C-01');

    // Only his placement as a visitor went; the merge result says so.
    expect(ok(await merge(kept.id, duplicate.id)).mergeParticipants).toMatchObject({
      registrationsCombined: 1,
      placementsRemoved: 1,
    });

    const seats: Record<string, string>[] = await t.dataSource.query(
      'SELECT participant_id, role, booth FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, kept.id],
    );
    expect(seats).toEqual([{ participant_id: kept.id, role: 'EXHIBITOR', booth: 'C-01' }]);
    // Now at a booth of his own, his placements go back to agreed and not placed, as when staff
    // give him one; the meetings at the booth he keeps stay where they are.
    const meetings: Record<string, string>[] = await t.dataSource.query(
      'SELECT id, table_label FROM meetings WHERE event_id = $1 ORDER BY table_label',
      [eventId],
    );
    expect(meetings).toEqual([{ id: atHisBooth.id, table_label: 'C-01' }]);
    const agreed: Record<string, string>[] = await t.dataSource.query(
      `SELECT status FROM meeting_requests WHERE event_id = $1 AND $2 IN (from_participant_id, to_participant_id)
          AND $3 IN (from_participant_id, to_participant_id)`,
      [eventId, kept.id, maker.id],
    );
    expect(agreed).toEqual([{ status: 'ACCEPTED' }]);
  });

  it("takes back the other profile's placements at a booth the person does not keep", async () => {
    const { eventId, sessionId } = await boothEvent('すみだ 金属加工商談会');
    const [kept, duplicate, buyer] = await Promise.all(
      ['石井 豊', '石井 豊', '坂本 物産'].map((name) => createParticipant(t, organizer, { name })),
    );
    // Staff gave him E-01, and E-02 under the other address; the floor plan has him at E-01.
    ok(await exhibit(eventId, kept.id, 'E-01'));
    ok(await exhibit(eventId, duplicate.id, 'E-02'));
    await register(eventId, buyer.id);
    const atOldBooth = await placeAtBooth(eventId, sessionId, buyer.id, duplicate.id);
    expect(atOldBooth.table).toBe('E-02');

    expect(ok(await merge(kept.id, duplicate.id)).mergeParticipants).toMatchObject({ placementsRemoved: 1 });

    expect(
      await t.dataSource.query(
        'SELECT booth FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, kept.id],
      ),
    ).toEqual([{ booth: 'E-01' }]);
    expect(await t.dataSource.query('SELECT id FROM meetings WHERE event_id = $1', [eventId])).toEqual([]);
  });

  it('refuses to give the person a booth another company now stands at', async () => {
    const { eventId } = await boothEvent('すみだ 食品商談会');
    const [kept, duplicate, other] = await Promise.all(
      [
        { name: '西田 恵', company: { name: '西田食品株式会社' } },
        { name: '西田 恵', company: { name: '西田食品株式会社' } },
        { name: '岡本 健', company: { name: '岡本製菓株式会社' } },
      ].map((input) => createParticipant(t, organizer, input)),
    );
    await register(eventId, kept.id);
    // Her firm was given B-01 under the other address, then cancelled; the booth went to 岡本製菓,
    // typed B-1: one booth all the same.
    const cancelled = ok(await exhibit(eventId, duplicate.id, 'B-01')).register;
    ok(await gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: cancelled.id }));
    ok(await exhibit(eventId, other.id, 'B-1'));
    const before = await stateOf([kept.id, duplicate.id]);

    const refused = failure(await merge(kept.id, duplicate.id));

    // Staff asked for a merge, not a booth change: the refusal says which event and booth stop it.
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_MERGE_BOOTH_TAKEN',
      field: 'duplicateId',
    });
    expect(refused.message).toBe(
      'イベント「すみだ 食品商談会」で、統合してこの方が引き継ぐブース B-1 は、すでに岡本製菓株式会社（岡本 健 様）に割り当てられています。' +
        '先にどちらかのブースを変更するか、もう一方の登録のブースを外してから統合してください',
    );
    expect(await stateOf([kept.id, duplicate.id])).toEqual(before);
  });

  it('refuses to move the person off a booth where published meetings are placed, naming the event and the booth', async () => {
    const { eventId, sessionId } = await boothEvent('すみだ 繊維商談会');
    const [kept, duplicate, buyer] = await Promise.all(
      ['松本 誠', '松本 誠', '川口 商店'].map((name) => createParticipant(t, organizer, { name })),
    );
    ok(await exhibit(eventId, kept.id, 'F-01'));
    ok(await exhibit(eventId, duplicate.id, 'F-02'));
    await register(eventId, buyer.id);
    expect((await placeAtBooth(eventId, sessionId, buyer.id, duplicate.id)).table).toBe('F-02');
    ok(await gql('mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }', { e: eventId }));
    const before = await stateOf([kept.id, duplicate.id]);

    const refused = failure(await merge(kept.id, duplicate.id));

    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_MERGE_BOOTH_HAS_MEETINGS',
      field: 'duplicateId',
    });
    expect(refused.message).toBe(
      'イベント「すみだ 繊維商談会」では、統合するとこの方のブースが F-01 に変わりますが、' +
        'ブース F-02 に公開済み（参加者にお知らせ済み）の面談が配置されているため統合できません。' +
        '先にその面談を中止するか、2つの登録のブースをそろえてから統合してください（未公開の配置は統合とともに取り消されます）',
    );
    expect(await stateOf([kept.id, duplicate.id])).toEqual(before);
  });

  it('keeps a booth staff gave the kept profile while the merge was on its way to the event', async () => {
    const { eventId } = await boothEvent('すみだ 雑貨商談会');
    const [kept, duplicate] = await Promise.all(
      ['小林 光', '小林 光'].map((name) => createParticipant(t, organizer, { name })),
    );
    // A visitor under one address, his firm's exhibitor at G-01 under the other.
    const keptSeat = await register(eventId, kept.id);
    ok(await exhibit(eventId, duplicate.id, 'G-01'));

    // A second connection holds the survey answers, which the merge writes on its way to the
    // event: the merge stops there, having read the two registrations (before this fix, without
    // the event's lock).
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    let merged: ReturnType<typeof merge> | undefined;
    try {
      await holder.startTransaction();
      await holder.query('LOCK TABLE survey_responses IN EXCLUSIVE MODE');
      merged = merge(kept.id, duplicate.id);
      await eventually(
        async () => (await sessionsWaitingForLocks(t.dataSource, 'UPDATE survey_responses')) === 1,
        'the merge waiting to write the survey answers',
      );
      // Meanwhile staff give the kept registration booth G-05. It either commits now, or waits
      // for the event the merge has locked.
      let changed = false;
      const change = gql(
        'mutation($id: ID!) { updateRegistration(id: $id, input: { role: EXHIBITOR, booth: "G-05" }) { booth } }',
        { id: keptSeat.id },
      ).then((result) => {
        changed = true;
        return result;
      });
      await eventually(
        async () => changed || (await sessionsWaitingForLocks(t.dataSource)) === 2,
        'the booth change committed or waiting for the event',
      );
      await holder.commitTransaction();
      ok(await merged);
      ok(await change);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }

    // G-05, the booth staff gave last, stands: the merge did not put back G-01 over it.
    expect(
      await t.dataSource.query(
        'SELECT participant_id, role, booth FROM registrations WHERE event_id = $1 ORDER BY participant_id',
        [eventId],
      ),
    ).toEqual([{ participant_id: kept.id, role: 'EXHIBITOR', booth: 'G-05' }]);
  });

  it('refuses, changing nothing, what only staff can decide, and merges once they have', async () => {
    const { eventId, sessionId } = await matchmakingEvent('すみだ 食の商談会', 20);
    const [kept, duplicate, buyer, seller, maker] = await Promise.all(
      ['加藤 誠', '加藤 誠', '中村 商事', '小林 食品', '松本 工房'].map((name) =>
        createParticipant(t, organizer, { name }),
      ),
    );
    for (const person of [kept, duplicate, buyer, seller, maker]) await register(eventId, person.id);
    const refusal = async () => failure(await merge(kept.id, duplicate.id));
    const cancelMeeting = async (id: string | null) =>
      ok(await gql('mutation($id: ID!) { cancelMeeting(id: $id) { id } }', { id }));

    // Both profiles agreed to meet the same buyer: which meeting stays is for staff to say.
    await meet(eventId, kept.id, buyer.id);
    const second = await meet(eventId, duplicate.id, buyer.id);
    const twice = await refusal();
    // A dry run is refused alike.
    expect(failure(await merge(kept.id, duplicate.id, organizer, true)).extensions).toEqual(twice.extensions);
    expect(twice.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_MERGE_TWO_MEETINGS_WITH',
      field: 'duplicateId',
    });
    expect(twice.message).toContain('中村 商事 さんとの面談');
    ok(
      await gql(
        'mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }',
        { id: second.requestId },
        await t.participantToken(duplicate.id),
      ),
    );

    // Two meetings in one slot.
    await meet(eventId, kept.id, seller.id, { sessionId, slotIndex: 1, table: '1' });
    const clash = await meet(eventId, duplicate.id, maker.id, { sessionId, slotIndex: 1, table: '2' });
    expect((await refusal()).extensions).toMatchObject({ reason: 'PARTICIPANT_MERGE_SLOT_CLASH' });
    await cancelMeeting(clash.meetingId);

    // A meeting of the person with themself.
    const between = await meet(eventId, kept.id, duplicate.id, { sessionId, slotIndex: 2, table: '1' });
    expect((await refusal()).extensions).toMatchObject({ reason: 'PARTICIPANT_MERGE_MEETING_BETWEEN' });
    const duplicateStillThere: unknown[] = await t.dataSource.query(
      'SELECT 1 FROM participants WHERE id = $1',
      [duplicate.id],
    );
    expect(duplicateStillThere).toHaveLength(1);
    await cancelMeeting(between.meetingId);

    // A deal recorded between the two profiles: merged, one person would be both sides.
    const [deal]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO deals (organization_id, event_id, participant_a_id, participant_b_id, type, title, started_on)
       SELECT organization_id, id, $2, $3, 'ORDER', '業務用食材の仕入れ', current_date FROM events WHERE id = $1
       RETURNING id`,
      [eventId, kept.id, duplicate.id],
    );
    const dealBetween = await refusal();
    expect(dealBetween.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_MERGE_DEAL_BETWEEN',
      field: 'duplicateId',
    });
    expect(dealBetween.message).toContain('「業務用食材の仕入れ」');
    await t.dataSource.query('DELETE FROM deals WHERE id = $1', [deal.id]);

    // Still open: a second request to the seller, whom he has already agreed to meet. It goes.
    ok(
      await gql(
        'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
        { eventId, to: seller.id },
        await t.participantToken(duplicate.id),
      ),
    );
    const merged = ok(await merge(kept.id, duplicate.id)).mergeParticipants;
    expect(merged).toMatchObject({ registrationsCombined: 1, meetingRequestsWithdrawn: 1 });
    const open: { other: string; status: string }[] = await t.dataSource.query(
      `SELECT CASE WHEN from_participant_id = $2 THEN to_participant_id ELSE from_participant_id END AS other, status
         FROM meeting_requests WHERE event_id = $1 AND $2 IN (from_participant_id, to_participant_id)
          AND status IN ('PENDING', 'ACCEPTED')`,
      [eventId, kept.id],
    );
    expect(open.sort((x, y) => x.other.localeCompare(y.other))).toEqual(
      [
        { other: buyer.id, status: 'ACCEPTED' },
        { other: seller.id, status: 'ACCEPTED' },
      ].sort((x, y) => x.other.localeCompare(y.other)),
    );
  });

  it("tells another organisation's staff whom to ask, without the titles of records they may not read", async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const otherOrg = await createOrganization(t, admin, { name: '川口鋳物工業協同組合' });
    const other = await staffSession(t, Role.STAFF, otherOrg);
    const { eventId, sessionId } = await matchmakingEvent('すみだ 鋳造商談会', 20);
    const [kept, duplicate] = await Promise.all(
      ['森 健太', '森 健太'].map((name) => createParticipant(t, organizer, { name })),
    );
    for (const person of [kept, duplicate]) await register(eventId, person.id);
    const refusalTo = async (token: string) => failure(await merge(kept.id, duplicate.id, token, true));

    // A meeting at an event the other organisation does not run: neither its title nor the meeting.
    const between = await meet(eventId, kept.id, duplicate.id, { sessionId, slotIndex: 0, table: '1' });
    const meetingTold = await refusalTo(other);
    expect(meetingTold.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_MERGE_MEETING_BETWEEN',
      field: 'duplicateId',
    });
    expect(meetingTold.message).not.toContain('すみだ 鋳造商談会');
    expect(meetingTold.message).toContain('墨田区商工会議所に取り消しを依頼してください');
    // The organiser's staff, who can cancel it, are told which.
    expect((await refusalTo(organizer)).message).toContain('すみだ 鋳造商談会');
    ok(await gql('mutation($id: ID!) { cancelMeeting(id: $id) { id } }', { id: between.meetingId }));

    // A deal the organiser recorded: its title stays with them.
    const [deal]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO deals (organization_id, event_id, participant_a_id, participant_b_id, type, title, started_on)
       SELECT organization_id, id, $2, $3, 'ORDER', '鋳造での業務提携', current_date FROM events WHERE id = $1
       RETURNING id`,
      [eventId, kept.id, duplicate.id],
    );
    const dealTold = await refusalTo(other);
    expect(dealTold.extensions).toMatchObject({ reason: 'PARTICIPANT_MERGE_DEAL_BETWEEN' });
    expect(dealTold.message).not.toContain('鋳造での業務提携');
    expect(dealTold.message).toContain('墨田区商工会議所が記録した商談');
    expect((await refusalTo(organizer)).message).toContain('「鋳造での業務提携」');
    // One the other organisation recorded itself, it is told by title.
    await t.dataSource.query(
      `UPDATE deals SET organization_id = $2, event_id = NULL, title = '鋳物の共同受注' WHERE id = $1`,
      [deal.id, otherOrg],
    );
    expect((await refusalTo(other)).message).toContain('「鋳物の共同受注」');
    expect((await refusalTo(organizer)).message).not.toContain('鋳物の共同受注');
    await t.dataSource.query('DELETE FROM deals WHERE id = $1', [deal.id]);
  });

  it('keeps the links emailed to the duplicate working for the kept profile, or says in its language that the two were joined', async () => {
    // Emma Clarke reads English under the address staff keep; the list that made her a second
    // profile had no language, so that one was written to in Japanese.
    const kept = await createParticipant(t, organizer, {
      name: 'Emma Clarke',
      email: 'emma@clarke-trading.example',
      locale: 'en',
    });
    const duplicate = await createParticipant(t, organizer, {
      name: 'Emma Clarke',
      email: 'e.clarke@example.com',
    });
    // Invited to the salon under both addresses: the kept profile's invitation stays.
    const salonId = await createPublishedEvent(t, organizer, { title: '墨田区 海外販路サロン' });
    await invite(salonId, kept.id);
    await invite(salonId, duplicate.id);
    const oldInbox = (subject: string) =>
      sink.to('e.clarke@example.com').filter((mail) => mail.subject.includes(subject));
    await sink.waitUntil(() => oldInbox('海外販路サロン').length === 1, 30_000, 'the invitation');
    const invitation = oldInbox('海外販路サロン')[0];
    const unsubscribe = /<([^>]+\/unsubscribe\/[^>]+)>/.exec(
      invitation.header('list-unsubscribe') ?? '',
    )?.[1];
    expect(unsubscribe).toBeDefined();
    ok(
      await gql('mutation($email: String!) { requestMagicLink(email: $email) }', { email: duplicate.email }),
    );
    await sink.waitUntil(() => oldInbox('ログイン').length === 1, 30_000, 'the sign-in link');
    const signIn = /\/sign-in\?token=([\w-]+)/.exec(oldInbox('ログイン')[0].text)![1];
    // Her agenda page and calendar feed, as an agenda email and the signed-in page link them.
    const links = t.app.get(AgendaFeedLinks);
    const agendaPage = links.pageUrl(duplicate.id, salonId);
    const feed = links.url(duplicate.id);

    ok(await merge(kept.id, duplicate.id));

    // The sign-in link cannot sign in as the kept profile: its page says why, in her language,
    // without the address now on file.
    const refused = await fetch(`${t.url}/sign-in?token=${signIn}`, { headers: { 'accept-language': 'ja' } });
    const refusal = await refused.text();
    expect(refusal).toContain('<html lang="en"');
    expect(refusal).toContain('Your two registrations with us have been joined into one');
    expect(refusal).toContain('ask for a new sign-in link with the email address now on file');
    expect(refusal).not.toContain('clarke-trading');
    const redeemed = failure(
      await t.gql('mutation($token: String!) { redeemMagicLink(token: $token) { token } }', {
        token: signIn,
      }),
    );
    expect(redeemed.extensions?.code).toBe('BAD_USER_INPUT');
    expect(redeemed.message).toContain('joined into one');

    // The invitation answers the salon invitation that stayed, hers.
    const accept = invitationAnswerLink(t, invitation, 1);
    const answered = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(answered.status).toBe(200);
    const seats: { participant_id: string; status: string }[] = await t.dataSource.query(
      'SELECT participant_id, status FROM registrations WHERE event_id = $1',
      [salonId],
    );
    expect(seats).toEqual([{ participant_id: kept.id, status: 'REGISTERED' }]);

    // The unsubscribe link switches off her mail, naming the address only masked.
    const confirm = await fetch(unsubscribe!);
    expect(confirm.status).toBe(200);
    const confirmation = await confirm.text();
    expect(confirmation).toContain('em***@clarke-trading.example');
    expect(confirmation).not.toContain('emma@clarke-trading.example');
    expect((await fetch(unsubscribe!, { method: 'POST' })).status).toBe(200);
    const [optedOut]: { email_opt_out: boolean }[] = await t.dataSource.query(
      'SELECT email_opt_out FROM participants WHERE id = $1',
      [kept.id],
    );
    expect(optedOut.email_opt_out).toBe(true);

    // The agenda page and the calendar feed are hers.
    const agenda = await fetch(agendaPage);
    expect(agenda.status).toBe(200);
    expect(await agenda.text()).toContain('<html lang="en"');
    const calendar = await fetch(feed.replace(/^webcal:/, 'http:'));
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('Tsunagu meetings');
  });

  it('cancels and asks for the survey with the links of a registration that went, on the one that stays', async () => {
    const kept = await createParticipant(t, organizer, { name: '小林 美咲' });
    const duplicate = await createParticipant(t, organizer, { name: '小林　美咲' });
    // The salon has one seat: she holds it under the address staff keep, and under the other
    // she is on its waiting list.
    const salonId = await createPublishedEvent(t, organizer, { title: '墨田区 創業準備サロン', capacity: 1 });
    const seat = await register(salonId, kept.id);
    expect((await register(salonId, duplicate.id)).status).toBe('WAITLISTED');
    // The seminar is over; she was registered under both addresses, and both were asked the survey.
    const seminarId = await createPublishedEvent(t, organizer, { title: '墨田区 事業計画セミナー' });
    const keptSeminarSeat = await register(seminarId, kept.id);
    await register(seminarId, duplicate.id);
    await moveEventEarlier(t, seminarId, 20);
    expect(
      ok(
        await gql<{ sendSurvey: { queued: number } }>(
          'mutation($eventId: ID!) { sendSurvey(eventId: $eventId) { queued } }',
          { eventId: seminarId },
        ),
      ).sendSurvey.queued,
    ).toBe(2);
    const oldInbox = (subject: string) => inbox(duplicate.email, subject);
    await sink.waitUntil(
      () => oldInbox('【キャンセル待ち】').length === 1 && oldInbox('【アンケートのお願い】').length === 1,
      30_000,
      'the waiting-list confirmation and the survey',
    );
    const cancel = linkIn(oldInbox('【キャンセル待ち】')[0], '/registrations/cancel');
    const survey = linkIn(oldInbox('【アンケートのお願い】')[0], '/surveys/answer');

    expect(ok(await merge(kept.id, duplicate.id)).mergeParticipants).toMatchObject({
      registrationsCombined: 2,
    });

    // 「キャンセル待ちを取り消す」 now opens her seat, the place she has at the salon, and says so.
    const confirm = await open(cancel.url);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('小林 美咲 様');
    expect(confirm.html).toContain('このイベントへの参加をキャンセルしますか？');
    expect(confirm.html).not.toContain('キャンセル待ち');
    expect(await statusOf(seat.id)).toBe('REGISTERED');
    const cancelled = await press('/registrations/cancel', { token: cancel.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.html).toContain('参加のキャンセルを承りました。');
    expect(await statusOf(seat.id)).toBe('CANCELLED');

    // The survey link answers for the seminar registration that stayed.
    const form = await open(survey.url);
    expect(form.status).toBe(200);
    expect(form.html).toContain(
      '小林 美咲 様、「墨田区 事業計画セミナー」へのご参加ありがとうございました。',
    );
    expect(form.html).toContain('<form method="post"');
    const answered = await press('/surveys/answer', {
      token: survey.token,
      gainedOpportunities: 'yes',
      satisfaction: '4',
      comment: '事業計画の見直しに役立ちました',
    });
    expect(answered.status).toBe(200);
    expect(answered.html).toContain('ご回答ありがとうございました。');
    const answers: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT registration_id, participant_id, satisfaction FROM survey_responses WHERE event_id = $1',
      [seminarId],
    );
    expect(answers).toEqual([
      { registration_id: keptSeminarSeat.id, participant_id: kept.id, satisfaction: 4 },
    ]);
  });

  it('files 面談を申し込む from a suggestion the merge removed as the one that stays, or says the two were joined', async () => {
    const { eventId } = await matchmakingEvent('すみだ 販路開拓商談会', 20);
    // Under the address staff keep he looks for 試作, which his other profile offers: the engine
    // suggests him to himself.
    const kept = await createParticipant(t, organizer, {
      name: '青木 健',
      company: { name: '青木製作所' },
      offers: ['金属加工'],
      needs: ['販路開拓', '試作'],
    });
    const duplicate = await createParticipant(t, organizer, {
      name: '青木　健',
      offers: ['金属加工', '試作'],
      needs: ['販路開拓', '資金調達'],
    });
    const buyer = await createParticipant(t, organizer, {
      name: '中村 真由美',
      company: { name: '中村商事' },
      offers: ['販路開拓'],
      needs: ['金属加工'],
    });
    const lender = await createParticipant(t, organizer, {
      name: '井上 直子',
      company: { name: '井上キャピタル' },
      offers: ['資金調達'],
      needs: ['試作'],
    });
    for (const person of [kept, duplicate, buyer, lender]) await register(eventId, person.id);
    await matchAndWait(t, organizer, eventId);
    ok(
      await gql('mutation($eventId: ID!) { sendSuggestionDigests(eventId: $eventId) { queued } }', {
        eventId,
      }),
    );
    const digestTo = (address: string) => inbox(address, '【おすすめの面談相手】すみだ 販路開拓商談会');
    await sink.waitUntil(
      () => [kept, duplicate, buyer].every((person) => digestTo(person.email).length === 1),
      30_000,
      'the digests',
    );
    /** The token of the link in `address`'s digest whose page asks to meet `label`. */
    const linkTo = async (address: string, label: string) => {
      const pattern = new RegExp(`${t.url}/suggestions/meeting-request\\?token=([\\w-]+)`, 'g');
      for (const [url, token] of digestTo(address)[0].text.matchAll(pattern))
        if ((await open(url)).html.includes(`${label} 様に面談を申し込みますか？`)) return { url, token };
      throw new Error(`no link to ${label} in the digest to ${address}`);
    };
    const buyersToTheDuplicate = await linkTo(buyer.email, '青木　健');
    const hisToTheBuyer = await linkTo(duplicate.email, '中村商事 中村 真由美');
    const hisToTheLender = await linkTo(duplicate.email, '井上キャピタル 井上 直子');
    const toHimself = await linkTo(kept.email, '青木　健');

    ok(await merge(kept.id, duplicate.id));

    // His link to the buyer asks from the suggestion made to the profile that stays.
    const asking = await open(hisToTheBuyer.url);
    expect(asking.status).toBe(200);
    expect(asking.html).toContain('中村商事 中村 真由美 様に面談を申し込みますか？');
    const asked = await press('/suggestions/meeting-request', {
      token: hisToTheBuyer.token,
      message: '金属加工の販路についてご相談させてください。',
    });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('中村商事 中村 真由美 様に面談を申し込みました');
    // The buyer's link to his other profile is her link to him: pressing it accepts his request.
    const theirs = await open(buyersToTheDuplicate.url);
    expect(theirs.status).toBe(200);
    expect(theirs.html).toContain('青木製作所 青木 健 様からも面談のお申込が届いています。');
    const accepted = await press('/suggestions/meeting-request', { token: buyersToTheDuplicate.token });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain('青木製作所 青木 健 様からの面談申込を承諾しました。');
    const requests: Record<string, string>[] = await t.dataSource.query(
      `SELECT from_participant_id AS "from", to_participant_id AS "to", status FROM meeting_requests WHERE event_id = $1`,
      [eventId],
    );
    expect(requests).toEqual([{ from: kept.id, to: buyer.id, status: 'ACCEPTED' }]);

    // Nothing stays to ask the lender from (she was suggested to the profile that went only), and
    // he would be asking himself: both pages say the two were joined, and nothing is filed.
    for (const link of [hisToTheLender, toHimself]) {
      const page = await open(link.url);
      expect(page.status).toBe(400);
      expect(page.html).toContain('<html lang="ja"');
      expect(page.html).toContain(
        `${JOINED}このリンクの内容は、まとめたご登録にはあてはまりません。現在ご登録のメールアドレスでサインインして、ご確認ください`,
      );
      expect(page.html).not.toContain(kept.email);
      const pressed = await press('/suggestions/meeting-request', { token: link.token });
      expect(pressed.status).toBe(400);
      expect(pressed.html).toContain(JOINED);
    }
    expect(
      await t.dataSource.query('SELECT 1 FROM meeting_requests WHERE event_id = $1 AND status <> $2', [
        eventId,
        'ACCEPTED',
      ]),
    ).toEqual([]);
  });

  it('says of a meeting request the merge withdrew that his two registrations were joined and answers the one that stands, and of one he made to himself that the two were joined', async () => {
    const { eventId } = await matchmakingEvent('すみだ 精密加工商談会', 20);
    const kept = await createParticipant(t, organizer, {
      name: 'Ken Matsumoto',
      email: 'ken@matsumoto-works.example',
      locale: 'en',
    });
    const duplicate = await createParticipant(t, organizer, {
      name: '松本 健',
      company: { name: '松本精工' },
    });
    const buyer = await createParticipant(t, organizer, { name: '中島 由美', company: { name: '中島商事' } });
    for (const person of [kept, duplicate, buyer]) await register(eventId, person.id);
    const requestMeeting = async (from: string, to: string, message = '') =>
      ok(
        await gql(
          'mutation($eventId: ID!, $to: ID!, $message: String) { requestMeeting(eventId: $eventId, toParticipantId: $to, message: $message) { id } }',
          { eventId, to, message },
          await t.participantToken(from),
        ),
      );
    // Under both addresses he asked the same buyer to meet, and under the one staff keep he asked
    // his other profile too.
    await requestMeeting(duplicate.id, buyer.id, '精密部品の加工をご相談したく存じます。');
    await requestMeeting(kept.id, buyer.id, '試作のご相談をさせてください。');
    await requestMeeting(kept.id, duplicate.id);
    await sink.waitUntil(
      () =>
        inbox(buyer.email, '【面談のお申込】松本 健 様より').length === 1 &&
        inbox(buyer.email, '【面談のお申込】Ken Matsumoto 様より').length === 1 &&
        inbox(duplicate.email, '【面談のお申込】Ken Matsumoto 様より').length === 1,
      30_000,
      'the meeting requests',
    );
    const buyersLink = linkIn(inbox(buyer.email, '【面談のお申込】松本 健 様より')[0], '/meetings/respond');
    expect(inbox(buyer.email, '【面談のお申込】松本 健 様より')[0].text).toContain(
      '松本精工 松本 健 様より、「すみだ 精密加工商談会」での面談のお申込がありました。',
    );
    const buyersOtherLink = linkIn(
      inbox(buyer.email, '【面談のお申込】Ken Matsumoto 様より')[0],
      '/meetings/respond',
    );
    const hisLink = linkIn(
      inbox(duplicate.email, '【面談のお申込】Ken Matsumoto 様より')[0],
      '/meetings/respond',
    );

    expect(ok(await merge(kept.id, duplicate.id)).mergeParticipants).toMatchObject({
      meetingRequestsWithdrawn: 1,
    });

    // The buyer's link to the request the merge withdrew names him as its email did, and says
    // what happened: nobody withdrew anything, his two registrations became one and so did his two
    // requests. The one that stands, from "Ken Matsumoto", waits for her answer: she gives it here.
    const joined = await open(`${t.url}/meetings/respond?token=${buyersLink.token}&accept=1`);
    expect(joined.status).toBe(200);
    expect(joined.html).toContain('<p>松本精工 松本 健 様からの面談のお申込です。</p>');
    expect(joined.html).toContain(
      '<p>松本精工 松本 健 様の2つのご登録は、同じ方のものとしてひとつにまとめられました。このお申込は、同じ方からのもう1件のお申込（松本精工 Ken Matsumoto 様から）にまとめられています。</p>',
    );
    expect(joined.html).not.toContain('取り下げ');
    expect(joined.html).not.toContain('取り消し');
    expect(joined.html).toContain('試作のご相談をさせてください。');
    expect(joined.html).toContain('この面談を承諾しますか？');
    expect(joined.html).toContain('<form method="post" action="respond">');
    // The standing request's own link shows it as before (with the company the merge took from
    // the other profile).
    const standing = await open(`${t.url}/meetings/respond?token=${buyersOtherLink.token}&accept=1`);
    expect(standing.status).toBe(200);
    expect(standing.html).toContain('<p>松本精工 Ken Matsumoto 様からの面談のお申込です。</p>');
    expect(standing.html).toContain('<form');

    const accepted = await press('/meetings/respond', {
      token: buyersLink.token,
      accept: '1',
      message: '当日は14時以降でしたら伺えます。',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain('面談を承諾しました。');
    // The request he made under the address staff keep is the one she accepted; the other stays
    // withdrawn.
    const towardsTheBuyer: Record<string, string>[] = await t.dataSource.query(
      `SELECT from_participant_id AS "from", status, reply FROM meeting_requests
        WHERE event_id = $1 AND to_participant_id = $2 ORDER BY status::text`,
      [eventId, buyer.id],
    );
    expect(towardsTheBuyer).toEqual([
      { from: kept.id, status: 'ACCEPTED', reply: '当日は14時以降でしたら伺えます。' },
      { from: kept.id, status: 'CANCELLED', reply: '' },
    ]);
    // Both are told, as of any answer: he (in English) with her message, she of the agreed meeting.
    await sink.waitUntil(
      () =>
        inbox(kept.email, 'Meeting agreed with 中島 由美').length === 1 &&
        inbox(buyer.email, '【面談成立】').length === 1,
      30_000,
      'the emails of the agreed meeting',
    );
    expect(inbox(kept.email, 'Meeting agreed with 中島 由美')[0].text).toContain(
      '当日は14時以降でしたら伺えます。',
    );
    // Both her links now say she has accepted.
    for (const link of [buyersLink, buyersOtherLink]) {
      const page = await open(`${t.url}/meetings/respond?token=${link.token}&accept=1`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('この面談は承諾済みです。');
      expect(page.html).not.toContain('<form');
    }

    // His request to himself is gone: the link in the other inbox says, in English, why.
    const himself = await open(`${t.url}/meetings/respond?token=${hisLink.token}&accept=1`);
    expect(himself.status).toBe(400);
    expect(himself.html).toContain('<html lang="en"');
    expect(himself.html).toContain(
      'Your two registrations with us have been joined into one, and what this link offered does not apply to the joined registration.',
    );
    expect(himself.html).not.toContain('matsumoto-works');
    const answered = await press('/meetings/respond', { token: hisLink.token, accept: '1' });
    expect(answered.status).toBe(400);
    expect(answered.html).toContain('joined into one');
  });

  it('tells someone asked under both profiles that the two were joined, answering the request that stands or naming their own', async () => {
    const { eventId } = await matchmakingEvent('すみだ 食品商談会', 20);
    // Sarah Lee reads English under the address staff keep; the list that made her a second
    // profile had no language, so that one was written to in Japanese.
    const kept = await createParticipant(t, organizer, {
      name: 'Sarah Lee',
      email: 'sarah@lee-foods.example',
      locale: 'en',
    });
    const duplicate = await createParticipant(t, organizer, {
      name: 'サラ リー',
      company: { name: 'リーフーズ' },
    });
    const buyer = await createParticipant(t, organizer, { name: '岡田 智子', company: { name: '岡田商店' } });
    const wholesaler = await createParticipant(t, organizer, {
      name: '森田 誠',
      company: { name: '森田食品' },
    });
    for (const person of [kept, duplicate, buyer, wholesaler]) await register(eventId, person.id);
    const requestMeeting = async (from: string, to: string, message = '') =>
      ok(
        await gql(
          'mutation($eventId: ID!, $to: ID!, $message: String) { requestMeeting(eventId: $eventId, toParticipantId: $to, message: $message) { id } }',
          { eventId, to, message },
          await t.participantToken(from),
        ),
      );
    // The buyer asked her under both addresses. The wholesaler asked her under the one that goes,
    // and she had asked him herself under the one staff keep.
    await requestMeeting(buyer.id, kept.id, 'Could we talk about your sauces?');
    await requestMeeting(buyer.id, duplicate.id, '調味料のお取引についてご相談させてください。');
    await requestMeeting(wholesaler.id, duplicate.id);
    await requestMeeting(kept.id, wholesaler.id);
    const oldInbox = (subject: string) => inbox(duplicate.email, subject);
    await sink.waitUntil(
      () =>
        oldInbox('【面談のお申込】岡田 智子 様より').length === 1 &&
        oldInbox('【面談のお申込】森田 誠 様より').length === 1 &&
        inbox(kept.email, 'Meeting request from 岡田 智子').length === 1,
      30_000,
      'the meeting requests',
    );
    const fromTheBuyer = linkIn(oldInbox('【面談のお申込】岡田 智子 様より')[0], '/meetings/respond');
    const fromTheWholesaler = linkIn(oldInbox('【面談のお申込】森田 誠 様より')[0], '/meetings/respond');
    const keptFromTheBuyer = linkIn(
      inbox(kept.email, 'Meeting request from 岡田 智子')[0],
      '/meetings/respond',
    );

    expect(ok(await merge(kept.id, duplicate.id)).mergeParticipants).toMatchObject({
      meetingRequestsWithdrawn: 2,
      meetingRequestsAgreed: 1,
    });

    // The buyer's request to the profile that went: its page, in her language now, says her two
    // registrations were joined and that this request goes on as the buyer's other one, which she
    // can decline from here.
    const joined = await open(`${t.url}/meetings/respond?token=${fromTheBuyer.token}&accept=0`);
    expect(joined.status).toBe(200);
    expect(joined.html).toContain('<html lang="en"');
    expect(joined.html).toContain('<p>岡田 智子 (岡田商店) would like to meet you.</p>');
    expect(joined.html).toContain(
      '<p>Your two registrations with us have been joined into one. 岡田 智子 (岡田商店) had sent a meeting request to each of them, so this request now continues as the other one.</p>',
    );
    expect(joined.html).not.toContain('withdrawn');
    expect(joined.html).toContain('Could we talk about your sauces?');
    expect(joined.html).toContain('Decline this meeting?');
    expect(joined.html).toContain('<form method="post" action="respond">');
    const declined = await press('/meetings/respond', {
      token: fromTheBuyer.token,
      accept: '0',
      message: 'Our stock is sold out this season.',
    });
    expect(declined.status).toBe(200);
    expect(declined.html).toContain('We will let them know.');
    const fromHer: Record<string, string>[] = await t.dataSource.query(
      `SELECT to_participant_id AS "to", status FROM meeting_requests
        WHERE event_id = $1 AND from_participant_id = $2 ORDER BY status::text`,
      [eventId, buyer.id],
    );
    expect(fromHer).toEqual([
      { to: kept.id, status: 'CANCELLED' },
      { to: kept.id, status: 'DECLINED' },
    ]);
    await sink.waitUntil(
      () => inbox(buyer.email, '【面談のお申込：今回は見送り】').length === 1,
      30_000,
      'the answer to the buyer',
    );
    expect(inbox(buyer.email, '【面談のお申込：今回は見送り】')[0].text).toContain(
      'Our stock is sold out this season.',
    );
    const answeredThere = await open(`${t.url}/meetings/respond?token=${keptFromTheBuyer.token}&accept=1`);
    expect(answeredThere.html).toContain('You have declined this meeting request.');
    // The buyer's own data says which of her requests the one the merge withdrew goes on as.
    const { exportMyData } = ok(
      await gql<{
        exportMyData: { meetingRequestsSent: { id: string; status: string; continuedAsId: string }[] };
      }>(
        'query { exportMyData { meetingRequestsSent { id status continuedAsId } } }',
        {},
        await t.participantToken(buyer.id),
      ),
    );
    const sent = exportMyData.meetingRequestsSent;
    const declinedOne = sent.find((request) => request.status === 'DECLINED')!;
    expect(sent.find((request) => request.status === 'CANCELLED')?.continuedAsId).toBe(declinedOne.id);
    expect(declinedOne.continuedAsId).toBeNull();

    // The wholesaler's: she had asked him herself, under the other profile, after he asked her.
    // Each had asked the other: his request, the first, is accepted, as if she had asked him back
    // (see the test of that below), and hers goes on as it. Her link to his says it is agreed.
    const hers = await open(`${t.url}/meetings/respond?token=${fromTheWholesaler.token}&accept=1`);
    expect(hers.status).toBe(200);
    expect(hers.html).toContain('<html lang="en"');
    expect(hers.html).toContain('<p>森田 誠 (森田食品) would like to meet you.</p>');
    expect(hers.html).toContain(
      '<p>You have accepted this meeting. The confirmation email says how it takes place on the day.</p>',
    );
    expect(hers.html).not.toContain('<form');
    const withTheWholesaler: Record<string, string>[] = await t.dataSource.query(
      `SELECT from_participant_id AS "from", status FROM meeting_requests
        WHERE event_id = $1 AND $2 IN (from_participant_id, to_participant_id) ORDER BY status::text`,
      [eventId, wholesaler.id],
    );
    expect(withTheWholesaler).toEqual([
      { from: wholesaler.id, status: 'ACCEPTED' },
      { from: kept.id, status: 'CANCELLED' },
    ]);
  });

  it('agrees the meeting, as asking back does, when the person and someone else had asked each other under the two profiles', async () => {
    const title = 'すみだ 異業種交流サロン';
    // A salon without 商談枠: an agreed meeting is one at the venue.
    const eventId = await createPublishedEvent(t, organizer, { title });
    const kept = await createParticipant(t, organizer, {
      name: 'Emily Carter',
      email: 'emily@carter-trading.example',
      locale: 'en',
      consentContactSharing: true,
    });
    const duplicate = await createParticipant(t, organizer, {
      name: 'エミリー カーター',
      company: { name: 'カーター貿易' },
    });
    const other = await createParticipant(t, organizer, {
      name: '高橋 誠',
      company: { name: '高橋製作所' },
      consentContactSharing: true,
    });
    for (const person of [kept, duplicate, other]) await register(eventId, person.id);
    const requestMeeting = async (from: string, to: string, message: string) =>
      ok(
        await gql<{ requestMeeting: { id: string } }>(
          'mutation($eventId: ID!, $to: ID!, $message: String) { requestMeeting(eventId: $eventId, toParticipantId: $to, message: $message) { id } }',
          { eventId, to, message },
          await t.participantToken(from),
        ),
      ).requestMeeting;
    // Under the address that goes she asked him first; he then asked her under the one staff keep,
    // not knowing she had: each has asked the other.
    const hers = await requestMeeting(duplicate.id, other.id, '輸出のご相談をさせてください。');
    const his = await requestMeeting(other.id, kept.id, 'ぜひ一度お話ししましょう。');
    await sink.waitUntil(
      () =>
        inbox(other.email, '【面談のお申込】').length === 1 &&
        inbox(kept.email, 'Meeting request from 高橋 誠').length === 1,
      30_000,
      'the meeting requests',
    );
    const hisLink = linkIn(inbox(kept.email, 'Meeting request from 高橋 誠')[0], '/meetings/respond');
    const meetingEmails = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE template LIKE 'meeting-%' AND event_id = $1`,
          [eventId],
        )
      )[0].n as number;
    const before = await meetingEmails();

    // A dry run says so, and queues nothing.
    expect(ok(await merge(kept.id, duplicate.id, organizer, true)).mergeParticipants).toMatchObject({
      dryRun: true,
      meetingRequestsWithdrawn: 1,
      meetingRequestsAgreed: 1,
    });
    expect(await meetingEmails()).toBe(before);
    expect(ok(await merge(kept.id, duplicate.id)).mergeParticipants).toMatchObject({
      meetingRequestsWithdrawn: 1,
      meetingRequestsAgreed: 1,
    });

    // As if he had asked her back: her request, the first, is accepted with his message as the
    // reply; his goes on as hers.
    const requests: Record<string, string | null>[] = await t.dataSource.query(
      `SELECT id, from_participant_id AS "from", to_participant_id AS "to", status, message, reply,
              continued_as_id AS "continuedAs", (responded_at IS NOT NULL)::text AS answered
         FROM meeting_requests WHERE event_id = $1 ORDER BY created_at`,
      [eventId],
    );
    expect(requests).toEqual([
      {
        id: hers.id,
        from: kept.id,
        to: other.id,
        status: 'ACCEPTED',
        message: '輸出のご相談をさせてください。',
        reply: 'ぜひ一度お話ししましょう。',
        continuedAs: null,
        answered: 'true',
      },
      {
        id: his.id,
        from: other.id,
        to: kept.id,
        status: 'CANCELLED',
        message: 'ぜひ一度お話ししましょう。',
        reply: '',
        continuedAs: hers.id,
        answered: 'false',
      },
    ]);
    // They meet at the venue, as any agreed meeting at this salon.
    expect(
      await t.dataSource.query(
        'SELECT participant_a_id AS a, participant_b_id AS b, status FROM meetings WHERE request_id = $1',
        [hers.id],
      ),
    ).toEqual([{ a: kept.id, b: other.id, status: 'SCHEDULED' }]);

    // The emails of an acceptance, each to the person in their language: she (in English, at the
    // address staff keep) hears that he accepted, with his message and his contact; he is thanked
    // for accepting, with hers.
    await sink.waitUntil(
      () =>
        inbox(kept.email, 'Meeting agreed with 高橋 誠').length === 1 &&
        inbox(other.email, '【面談成立】').length === 1,
      30_000,
      'the emails of the agreed meeting',
    );
    const toHer = inbox(kept.email, 'Meeting agreed with 高橋 誠')[0];
    expect(toHer.subject).toBe(`Meeting agreed with 高橋 誠: ${title}`);
    expect(toHer.text).toContain(`高橋 誠 (高橋製作所) accepted your meeting request for "${title}".`);
    expect(toHer.text).toContain('ぜひ一度お話ししましょう。');
    expect(toHer.text).toContain(other.email);
    const toHim = inbox(other.email, '【面談成立】')[0];
    expect(toHim.subject).toBe(`【面談成立】Emily Carter 様（${title}）`);
    expect(toHim.text).toContain('お申込を承諾いただき、ありがとうございます。');
    expect(toHim.text).toContain(kept.email);
    // Once each, and nothing about it to the address that went.
    expect(await meetingEmails()).toBe(before + 2);
    await sink.waitUntil(
      () => inbox(duplicate.email, 'Your two registrations with Tsunagu are now one').length === 1,
      30_000,
      'the notice to the address that went',
    );
    expect(inbox(duplicate.email, '面談')).toEqual([]);

    // His request's link, in her inbox, says it goes on as hers, agreed; nothing to press.
    const page = await open(`${t.url}/meetings/respond?token=${hisLink.token}&accept=1`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      'You had already asked 高橋 誠 (高橋製作所) to meet from your other registration, so this request now continues as yours. The meeting is agreed.',
    );
    expect(page.html).not.toContain('<form');
  });

  it('keeps one of two requests the same person sent to both profiles, and emails nobody about it', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'すみだ ものづくりサロン' });
    const [kept, duplicate] = await Promise.all(
      ['石井 大輔', '石井 大輔'].map((name) => createParticipant(t, organizer, { name })),
    );
    const asker = await createParticipant(t, organizer, { name: '松田 直子' });
    for (const person of [kept, duplicate, asker]) await register(eventId, person.id);
    const askerToken = await t.participantToken(asker.id);
    for (const to of [duplicate.id, kept.id])
      ok(
        await gql(
          'mutation($eventId: ID!, $to: ID!) { requestMeeting(eventId: $eventId, toParticipantId: $to) { id } }',
          { eventId, to },
          askerToken,
        ),
      );
    await sink.waitUntil(
      () =>
        inbox(kept.email, '【面談のお申込】').length === 1 &&
        inbox(duplicate.email, '【面談のお申込】').length === 1,
      30_000,
      'the meeting requests',
    );
    const emails = () =>
      t.dataSource.query(
        `SELECT template, participant_id AS "to" FROM outbox_messages
          WHERE template LIKE 'meeting-%' AND event_id = $1 ORDER BY template`,
        [eventId],
      );
    const before = await emails();

    expect(ok(await merge(kept.id, duplicate.id)).mergeParticipants).toMatchObject({
      meetingRequestsWithdrawn: 1,
      meetingRequestsAgreed: 0,
    });
    // One request stands, still waiting for his answer; he is not asked again, and she hears nothing.
    expect(
      await t.dataSource.query(
        `SELECT to_participant_id AS "to", status FROM meeting_requests WHERE event_id = $1 ORDER BY status::text`,
        [eventId],
      ),
    ).toEqual([
      { to: kept.id, status: 'CANCELLED' },
      { to: kept.id, status: 'PENDING' },
    ]);
    expect(before).toHaveLength(2);
    expect(await emails()).toEqual(before.map(() => ({ template: 'meeting-request', to: kept.id })));
    await sink.waitUntil(
      () => inbox(duplicate.email, 'ご登録の統合のお知らせ').length === 1,
      30_000,
      'the notice to the address that went',
    );
    expect(inbox(asker.email, '面談')).toEqual([]);
    expect(inbox(kept.email, '面談')).toHaveLength(1);
    expect(inbox(duplicate.email, '面談')).toHaveLength(1);
  });

  describe('registering either profile while the merge runs', () => {
    /** A link as its email would carry it, minted directly (its email is not what is tested). */
    const mintLink = async (purpose: TokenPurpose, subjectId: string, scope?: string) =>
      (
        await t.app
          .get(ActionTokensService)
          .mint(t.dataSource.manager, [
            { purpose, subjectId, scope, expiresAt: new Date(Date.now() + 86_400_000) },
          ])
      )[0];
    const seatsAt = (eventId: string): Promise<{ participant_id: string; status: string }[]> =>
      t.dataSource.query('SELECT participant_id, status FROM registrations WHERE event_id = $1', [eventId]);

    /**
     * Runs the merge held by a second connection that holds `lock` (taken in its transaction) until
     * the merge and the `writers` (started once the merge waits) all wait for a lock; then lets
     * go. Answers the merge's answer and the writers'.
     */
    async function duringMerge<T extends unknown[]>(
      keptId: string,
      duplicateId: string,
      lock: string,
      writers: { [K in keyof T]: () => Promise<T[K]> },
    ): Promise<{ merged: Awaited<ReturnType<typeof merge>>; written: T }> {
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await holder.query(lock);
        const merged = merge(keptId, duplicateId);
        await untilWaitingForLocks(t.dataSource, 1);
        const written = writers.map((write) => write());
        await untilWaitingForLocks(t.dataSource, 1 + writers.length);
        await holder.commitTransaction();
        return { merged: await merged, written: (await Promise.all(written)) as T };
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    }

    it('lets an invitation accepted under the profile that goes wait for the merge, and gives the seat to the kept one', async () => {
      const eventId = await createPublishedEvent(t, organizer, { title: 'すみだ 経営者交流会' });
      const [kept, duplicate] = await Promise.all(
        ['吉田 亮', '吉田 亮'].map((name) => createParticipant(t, organizer, { name })),
      );
      // Invited under both addresses; he accepts from the one that goes just as staff merge.
      await invite(eventId, kept.id);
      await invite(eventId, duplicate.id);
      const [{ id: invitationId }]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, duplicate.id],
      );
      const link = await mintLink(TokenPurpose.INVITATION_RESPONSE, invitationId);
      // The event is held: the merge, having locked the two profiles, waits for it.
      const { merged, written } = await duringMerge(
        kept.id,
        duplicate.id,
        `SELECT 1 FROM events WHERE id = '${eventId}' FOR UPDATE`,
        [
          () =>
            gql<{ respondToInvitation: { status: string; changed: boolean } }>(
              'mutation($token: String!) { respondToInvitation(token: $token, accept: true) { status changed } }',
              { token: link },
            ),
        ],
      );
      expect(ok(merged).mergeParticipants).toMatchObject({ registrationsCombined: 1 });
      // The answer waited for the merge and went to the invitation that stayed, his.
      expect(ok(written[0]).respondToInvitation).toEqual({ status: 'REGISTERED', changed: true });
      expect(await seatsAt(eventId)).toEqual([{ participant_id: kept.id, status: 'REGISTERED' }]);
    });

    it('refuses what registers the profile that goes while the merge runs as it would after the merge, and leaves it no registration', async () => {
      const eventId = await createPublishedEvent(t, organizer, { title: 'すみだ 創業セミナー' });
      const [kept, duplicate] = await Promise.all(
        ['清水 彩', '清水 彩'].map((name) => createParticipant(t, organizer, { name })),
      );
      const otherEventId = await createPublishedEvent(t, organizer, { title: 'すみだ 販路開拓講座' });
      const application = await mintLink(TokenPurpose.EVENT_APPLICATION, duplicate.id, eventId);
      const ownSession = await t.participantToken(duplicate.id);
      // The merge is held once it has locked the two profiles, at where it writes down the id
      // that goes; meanwhile she confirms her application, registers herself for another event,
      // and staff register and invite her there too, all under the profile that goes.
      const { merged, written } = await duringMerge(
        kept.id,
        duplicate.id,
        'LOCK TABLE merged_participants IN EXCLUSIVE MODE',
        [
          () => press('/registrations/apply', { token: application }),
          () => gql(registerMutation(), { eventId: otherEventId, participantId: duplicate.id }, ownSession),
          () => gql(registerMutation(), { eventId: otherEventId, participantId: duplicate.id }),
          () =>
            gql(
              'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id } }',
              { eventId: otherEventId, ids: [kept.id, duplicate.id] },
            ),
        ],
      );
      ok(merged);
      const [applied, bySelf, byStaff, invited] = written;
      // The application link says, as after the merge, to apply again with the address on file.
      expect(applied.status).toBe(400);
      expect(applied.html).toContain('このリンクでは申込を確定できません');
      // Staff, and her session, are told the profile is no longer there (a typed refusal, where
      // the registration would have failed on the database's reference to the person).
      for (const answer of [bySelf, byStaff, invited])
        expect(failure(answer).extensions).toMatchObject({
          code: 'NOT_FOUND',
          reason: 'PARTICIPANT_NOT_FOUND',
        });
      expect(await seatsAt(eventId)).toEqual([]);
      expect(await seatsAt(otherEventId)).toEqual([]);
      // Registering the kept profile, as staff now do, works.
      ok(await gql(registerMutation(), { eventId: otherEventId, participantId: kept.id }));
    });
  });

  it('answers the link of an application asked for under the address that went with a page saying to apply again', async () => {
    const kept = await createParticipant(t, organizer, {
      name: 'Daniel Moore',
      email: 'daniel@moore-design.example',
      locale: 'en',
    });
    const duplicate = await createParticipant(t, organizer, { name: 'ダニエル ムーア' });
    const eventId = await createPublishedEvent(t, organizer, { title: '墨田区 デザイン経営セミナー' });
    // He asked for the application link on the event page, under the address that goes.
    const asked = await fetch(`${t.url}/events/${eventId}/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: duplicate.email }).toString(),
    });
    expect(asked.status).toBe(200);
    await sink.waitUntil(
      () => inbox(duplicate.email, '【参加申込のご確認】').length === 1,
      30_000,
      'the application link',
    );
    const application = linkIn(inbox(duplicate.email, '【参加申込のご確認】')[0], '/registrations/apply');

    ok(await merge(kept.id, duplicate.id));

    const page = await open(application.url);
    expect(page.status).toBe(400);
    expect(page.html).toContain('<html lang="en"');
    expect(page.html).toContain(
      'Your two registrations with us have been joined into one, so this link can no longer confirm your application. Please apply again from the event page with the email address now on file.',
    );
    expect(page.html).not.toContain('moore-design');
    const pressed = await press('/registrations/apply', { token: application.token });
    expect(pressed.status).toBe(400);
    expect(pressed.html).toContain('apply again from the event page');
    expect(await t.dataSource.query('SELECT 1 FROM registrations WHERE event_id = $1', [eventId])).toEqual(
      [],
    );
  });

  it('answers typed errors that name the field', async () => {
    const person = await createParticipant(t, organizer, { name: '井上 翔' });
    expect(failure(await merge(person.id, person.id)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PARTICIPANT_MERGE_SAME_PARTICIPANT',
      field: 'duplicateId',
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(failure(await merge(person.id, unknown)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'duplicateId',
    });
    expect(failure(await merge(unknown, person.id)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'participantId',
    });
    const other = await createParticipant(t, organizer, { name: '井上 翔' });
    expect(
      failure(await merge(person.id, other.id, await t.participantToken(person.id))).extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('knows every table that points at a participant', async () => {
    // A new table with a participant column must be handled by ParticipantMergeService (and by
    // the erasure): the merge deletes the duplicate row, and its cascade would take the rest.
    const references: { reference: string }[] = await t.dataSource.query(
      `SELECT c.conrelid::regclass || '.' || a.attname AS reference
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
        WHERE c.contype = 'f' AND c.confrelid = 'participants'::regclass
        ORDER BY 1`,
    );
    expect(references.map((row) => row.reference)).toEqual([
      'agenda_deliveries.participant_id',
      'agenda_views.participant_id',
      'deal_corrections.participant_a_id',
      'deal_corrections.participant_b_id',
      'deals.participant_a_id',
      'deals.participant_b_id',
      'email_change_requests.participant_id',
      'follow_ups.participant_id',
      'meeting_participants.participant_id',
      'meeting_requests.from_participant_id',
      'meeting_requests.to_participant_id',
      'meetings.participant_a_id',
      'meetings.participant_b_id',
      'merged_participants.participant_id',
      'mini_salon_requests.requested_by_id',
      'outbox_messages.participant_id',
      'participant_distinct_pairs.first_participant_id',
      'participant_distinct_pairs.second_participant_id',
      'participant_profile_changes.participant_id',
      'registrations.participant_id',
      'suggestions.participant_id',
      'suggestions.suggested_participant_id',
      'survey_responses.participant_id',
    ]);
  });
});
