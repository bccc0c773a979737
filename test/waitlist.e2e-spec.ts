import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Role } from '../src/auth/actor';
import { QueueName } from '../src/queue/queue-names';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventTo,
  registerMutation,
  staffSession,
  tokyoInDays,
  updateEvent,
} from './support/fixtures';
import { eventually } from './support/eventually';
import ICAL from 'ical.js';
import { formatEventTime } from '../src/mail/templates/mail-dates';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const SUBJECT_JA = '【繰り上げ参加確定】東京活性化サロン（第3回）';

/** キャンセル待ち: seats that come free go to the waitlist in order, and each person is told by email. */
describe('waitlist move-ups', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '200' });
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '関東財務局東京財務事務所', kind: 'FINANCE_OFFICE' }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const statusOf = async (registrationId: string) =>
    (await t.dataSource.query('SELECT status FROM registrations WHERE id = $1', [registrationId]))[0]
      .status as string;

  /**
   * The move-up emails; each registration also had its own confirmation when it was made, and a
   * seat given up its 参加キャンセル受付.
   */
  const moveUps = (email: string) =>
    sink.to(email).filter((mail) => /^(【繰り上げ参加確定】|Your place is confirmed: )/.test(mail.subject));

  it('moves the waitlist up in order when seats are added or given up, and emails each person', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第3回）',
      capacity: 1,
    });
    const seated = await createParticipant(t, organizer, { name: '先着 一郎' });
    const first = await createParticipant(t, organizer, { name: '髙橋 美﨑' });
    // Without consent to newsletters: being given the seat they asked for still reaches them.
    const second = await createParticipant(t, organizer, {
      name: 'Emma Clarke',
      locale: 'en',
      consentEmail: false,
    });
    const third = await createParticipant(t, organizer, { name: '三番 待子' });
    const registrations: Record<string, string> = {};
    for (const person of [seated, first, second, third]) {
      const { register } = ok(
        await t.gql<{ register: { id: string; status: string } }>(
          registerMutation('id status'),
          { eventId },
          await t.participantToken(person.id),
        ),
      );
      registrations[person.id] = register.id;
    }
    expect(await statusOf(registrations[third.id])).toBe('WAITLISTED');

    // Full: the organiser sees who holds a seat and who waits; a participant sees only that none is left.
    const seats = async (token: string) =>
      ok(
        await t.gql<{
          event: { seatsLeft: number | null; registrationCounts: Record<string, number> | null };
        }>(
          'query($id: ID!) { event(id: $id) { seatsLeft registrationCounts { registered waitlisted invited attended } } }',
          { id: eventId },
          token,
        ),
      ).event;
    expect(await seats(organizer)).toEqual({
      seatsLeft: 0,
      registrationCounts: { registered: 1, waitlisted: 3, invited: 0, attended: 0 },
    });
    expect(await seats(await t.participantToken(first.id))).toEqual({
      seatsLeft: 0,
      registrationCounts: null,
    });

    // Two more seats: the first two on the waitlist get them, in the order they joined it.
    ok(
      await t.gql(
        'mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 3 }) { capacity } }',
        { id: eventId },
        organizer,
      ),
    );
    expect(await statusOf(registrations[first.id])).toBe('REGISTERED');
    expect(await statusOf(registrations[second.id])).toBe('REGISTERED');
    expect(await statusOf(registrations[third.id])).toBe('WAITLISTED');
    expect((await seats(organizer)).registrationCounts).toMatchObject({ registered: 3, waitlisted: 1 });

    await sink.waitUntil(() => moveUps(first.email).length === 1 && moveUps(second.email).length === 1);
    const [ja] = moveUps(first.email);
    expect(ja.subject).toBe(SUBJECT_JA);
    expect(ja.text).toContain('髙橋 美﨑 様');
    expect(ja.text).toContain('キャンセル待ちから参加確定となりました');
    // With a way to give the seat back, as the confirmation of an accepted invitation has.
    const cancelLink = /\S+\/registrations\/cancel\?token=[\w-]+/.exec(ja.text)?.[0];
    expect(cancelLink).toBeDefined();
    const page = await fetch(cancelLink!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('東京活性化サロン（第3回）');
    expect(await statusOf(registrations[first.id])).toBe('REGISTERED');
    const [en] = moveUps(second.email);
    expect(en.subject).toBe('Your place is confirmed: 東京活性化サロン（第3回）');
    expect(en.text).toContain('Dear Emma Clarke,');
    // The seat goes on the calendar: the event's entry, as the shared feed has it.
    expect(en.text).toContain(
      'Open the attached calendar file (event.ics) to add the event to your calendar.',
    );
    expect(en.calendars).toHaveLength(1);
    expect(en.calendars[0]).toContain(`UID:event-${eventId}@tsunagu`);

    // A seat given up goes to the next in line, who is told too.
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: registrations[seated.id] },
        await t.participantToken(seated.id),
      ),
    );
    expect(await statusOf(registrations[third.id])).toBe('REGISTERED');
    await sink.waitUntil(() => moveUps(third.email).length === 1);
    expect(moveUps(third.email)[0].subject).toBe(SUBJECT_JA);

    // Fewer seats than people registered is refused, naming the field and how many hold a seat:
    // nobody loses theirs, and the event is never silently over capacity.
    const setCapacity = (capacity: number) =>
      t.gql<{ updateEvent: { capacity: number } }>(
        'mutation($id: ID!, $capacity: Int) { updateEvent(id: $id, input: { capacity: $capacity, title: "東京活性化サロン（第3回・改）" }) { capacity } }',
        { id: eventId, capacity },
        organizer,
      );
    const refused = failure(await setCapacity(2));
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'capacity',
      reason: 'EVENT_CAPACITY_BELOW_REGISTERED',
    });
    expect(refused.message).toBe(
      '定員は、いま席を確保している人数（参加登録済・出席・欠席の3名）より少なくできません',
    );
    // The whole edit is refused, not just the capacity.
    const [row]: { capacity: number; title: string }[] = await t.dataSource.query(
      'SELECT capacity, title FROM events WHERE id = $1',
      [eventId],
    );
    expect(row).toEqual({ capacity: 3, title: '東京活性化サロン（第3回）' });
    // Down to exactly the number registered is fine.
    expect(ok(await setCapacity(5)).updateEvent.capacity).toBe(5);
    expect(ok(await setCapacity(3)).updateEvent.capacity).toBe(3);
    expect(await statusOf(registrations[seated.id])).toBe('CANCELLED');
    expect(await statusOf(registrations[third.id])).toBe('REGISTERED');

    // Nobody was told twice or told for nothing.
    // An email can reach the sink a moment before its row is marked sent: wait for the outbox.
    await eventually(async () => {
      const [{ pending }]: { pending: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS pending FROM outbox_messages WHERE event_id = $1 AND status IN ('PENDING', 'SENDING')`,
        [eventId],
      );
      return pending === 0;
    }, 'the event’s emails to be sent');
    expect([seated, first, second, third].map((person) => moveUps(person.email).length)).toEqual([
      0, 1, 1, 1,
    ]);
    // And each registration was confirmed once, when it was made.
    const confirmed: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages
        WHERE event_id = $1 AND template = 'registration-confirmation' GROUP BY participant_id`,
      [eventId],
    );
    expect(confirmed).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }, { n: 1 }]);
  });

  it('moved up before their 【キャンセル待ち】 left, a person gets the move-up email alone', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第4回）',
      capacity: 1,
    });
    const seated = await createParticipant(t, organizer, { name: '先着 二郎' });
    const waiting = await createParticipant(t, organizer, { name: '待機 花子' });
    const register = async (person: { id: string }) =>
      ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation('id'),
          { eventId },
          await t.participantToken(person.id),
        ),
      ).register.id;
    const seat = await register(seated);
    await sink.waitUntil(() => sink.to(seated.email).length === 1);
    // The mail queues hold their jobs while the waiting place is confirmed and the seat then given:
    // a confirmation goes by the transactional one, which is the one that must wait.
    const queues = [QueueName.MAIL, QueueName.MAIL_TRANSACTIONAL].map((name) =>
      t.app.get<Queue>(getQueueToken(name)),
    );
    for (const queue of queues) await queue.pause();
    try {
      await register(waiting);
      ok(
        await t.gql(
          'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
          { id: seat },
          await t.participantToken(seated.id),
        ),
      );
    } finally {
      for (const queue of queues) await queue.resume();
    }
    const settled = await eventually(async () => {
      const rows: { template: string; status: string }[] = await t.dataSource.query(
        `SELECT template, status FROM outbox_messages WHERE participant_id = $1 ORDER BY template`,
        [waiting.id],
      );
      return rows.every((row) => !['PENDING', 'SENDING'].includes(row.status)) && rows;
    }, 'the waiting person’s emails to settle');
    expect(settled).toEqual([
      { template: 'registration-confirmation', status: 'SKIPPED' },
      { template: 'waitlist-promoted', status: 'SENT' },
    ]);
    expect(sink.to(waiting.email).map((received) => received.subject)).toEqual([
      '【繰り上げ参加確定】東京活性化サロン（第4回）',
    ]);
  });

  /** A two-day 展示会 at capacity: one seat taken, `waiting` on the list behind it. */
  const fullFair = async (title: string) => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title,
      capacity: 1,
      startsAt: tokyoInDays(14, '10:00'),
      endsAt: tokyoInDays(15, '17:00'),
    });
    const seated = await createParticipant(t, organizer, { name: '出展 一郎' });
    const waiting = await createParticipant(t, organizer, { name: '待機 四郎' });
    const ids: string[] = [];
    for (const person of [seated, waiting]) {
      ids.push(
        ok(
          await t.gql<{ register: { id: string } }>(
            registerMutation('id'),
            { eventId },
            await t.participantToken(person.id),
          ),
        ).register.id,
      );
    }
    expect(await statusOf(ids[1])).toBe('WAITLISTED');
    return { eventId, seat: ids[0], waiting, place: ids[1] };
  };
  /** The event under way since an hour ago; its emails read it anew (updated_at moves, as an edit's). */
  const startedAnHourAgo = async (eventId: string) => {
    await moveEventTo(t, eventId, new Date(Date.now() - 3_600_000).toISOString());
    await t.dataSource.query('UPDATE events SET updated_at = now() WHERE id = $1', [eventId]);
  };
  const moveUpRows = async (participantId: string) =>
    (
      await t.dataSource.query<{ status: string }[]>(
        `SELECT status FROM outbox_messages WHERE participant_id = $1 AND template = 'waitlist-promoted'`,
        [participantId],
      )
    ).map((row) => row.status);

  it('moves nobody up once the event has started: a seat given up or added then is no seat to come to', async () => {
    const { eventId, seat, waiting, place } = await fullFair('東京ものづくり展2026');
    await startedAnHourAgo(eventId);

    // Staff tidy the list on the first day: the cancellation goes through and frees no seat.
    const cancelled = ok(
      await t.gql<{ cancelRegistration: { status: string } }>(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: seat },
        organizer,
      ),
    ).cancelRegistration;
    expect(cancelled.status).toBe('CANCELLED');
    expect(await statusOf(place)).toBe('WAITLISTED');
    // Nor does a seat added now.
    await updateEvent(t, organizer, eventId, { capacity: 3 });
    expect(await statusOf(place)).toBe('WAITLISTED');
    expect(await moveUpRows(waiting.id)).toEqual([]);
  });

  it('puts a newcomer after the start behind those waiting, though a seat was given up', async () => {
    const { eventId, seat, place } = await fullFair('東京ものづくり展2026（冬）');
    await startedAnHourAgo(eventId);
    ok(await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: seat }, organizer));
    // Registration stays open until the end (a fair takes visitors on its second day), but the
    // seat nobody was moved up to is not a newcomer's to take ahead of the one who waited.
    const seatsLeft = async () =>
      ok(
        await t.gql<{ event: { seatsLeft: number | null } }>(
          'query($id: ID!) { event(id: $id) { seatsLeft } }',
          { id: eventId },
          organizer,
        ),
      ).event.seatsLeft;
    expect(await seatsLeft()).toBe(0);
    const newcomer = await createParticipant(t, organizer, { name: '新規 五郎' });
    const registered = ok(
      await t.gql<{ register: { id: string; status: string } }>(
        registerMutation('id status'),
        { eventId },
        await t.participantToken(newcomer.id),
      ),
    ).register;
    expect(registered.status).toBe('WAITLISTED');
    expect(await statusOf(place)).toBe('WAITLISTED');
    expect(await seatsLeft()).toBe(0);
  });

  it('sends no 【繰り上げ参加確定】 that was still waiting to leave when the event started', async () => {
    const { eventId, seat, waiting, place } = await fullFair('東京ものづくり展2026（秋）');
    const queues = [QueueName.MAIL, QueueName.MAIL_TRANSACTIONAL].map((name) =>
      t.app.get<Queue>(getQueueToken(name)),
    );
    for (const queue of queues) await queue.pause();
    try {
      ok(
        await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: seat }, organizer),
      );
      // Moved up before the start; the email would leave after it.
      expect(await statusOf(place)).toBe('REGISTERED');
      await startedAnHourAgo(eventId);
    } finally {
      for (const queue of queues) await queue.resume();
    }
    const settled = await eventually(async () => {
      const rows = await moveUpRows(waiting.id);
      return rows.length > 0 && rows.every((status) => !['PENDING', 'SENDING'].includes(status)) && rows;
    }, 'the move-up email to settle');
    expect(settled).toEqual(['SKIPPED']);
    expect(moveUps(waiting.email)).toEqual([]);
  });

  it('moved up by the edit that also moves the event, a person gets one email with the new date', async () => {
    const title = '東京活性化サロン（第5回）';
    const eventId = await createPublishedEvent(t, organizer, {
      title,
      capacity: 1,
      startsAt: tokyoInDays(20, '18:00'),
      endsAt: tokyoInDays(20, '20:00'),
    });
    const people = {
      seated: await createParticipant(t, organizer, { name: '着席 太郎' }),
      promoted: await createParticipant(t, organizer, { name: '繰上 花子' }),
      promotedEn: await createParticipant(t, organizer, { name: 'Oliver Hughes', locale: 'en' }),
      waiting: await createParticipant(t, organizer, { name: '待機 三郎' }),
    };
    for (const person of Object.values(people)) {
      ok(await t.gql(registerMutation('id'), { eventId }, await t.participantToken(person.id)));
    }
    const everyone = Object.values(people);
    await sink.waitUntil(() => everyone.every((person) => sink.to(person.email).length === 1));
    const outboxIdle = () =>
      eventually(async () => {
        const [{ open }]: { open: number }[] = await t.dataSource.query(
          `SELECT count(*)::int AS open FROM outbox_messages WHERE event_id = $1 AND status IN ('PENDING', 'SENDING')`,
          [eventId],
        );
        return open === 0;
      }, 'the event’s emails to be sent');
    await outboxIdle();
    const seen = new Map(everyone.map((person) => [person.email, 1]));

    // Two more seats and a new date in one edit.
    const startsAt = tokyoInDays(27, '14:00');
    const endsAt = tokyoInDays(27, '16:00');
    await updateEvent(t, organizer, eventId, { capacity: 3, startsAt, endsAt });
    await sink.waitUntil(() => everyone.every((person) => sink.to(person.email).length >= 2));
    await outboxIdle();
    const since = (person: { email: string }) => sink.to(person.email).slice(seen.get(person.email));
    const subjects = Object.fromEntries(
      Object.entries(people).map(([key, person]) => [key, since(person).map((mail) => mail.subject)]),
    );
    // Those moved up hear of the seat and the new date in one email; the others as before.
    expect(subjects).toEqual({
      seated: [`【日時変更】${title}`],
      promoted: [`【繰り上げ参加確定・日時変更】${title}`],
      promotedEn: [`Your place is confirmed (date and time changed): ${title}`],
      waiting: [`【日時変更】${title}`],
    });
    const newTime = (locale: 'ja' | 'en') => formatEventTime(locale, new Date(startsAt), new Date(endsAt));
    const oldTime = (locale: 'ja' | 'en') =>
      formatEventTime(locale, new Date(tokyoInDays(20, '18:00')), new Date(tokyoInDays(20, '20:00')));
    const [ja] = since(people.promoted);
    expect(ja.text).toContain('キャンセル待ちから参加確定となりました');
    expect(ja.text).toContain(`■ 日時: ${newTime('ja')}（変更）\n  （変更前: ${oldTime('ja')}）\n`);
    expect(ja.text).toContain('なお、イベントの日時が変更になりました。');
    // They were on the waiting list: the calendar file adds the event, or moves an entry they
    // already made; no word that their entry stays at the old date.
    expect(ja.text).toContain('以前のご案内メールに記載の日時は変更前のものですので、ご注意ください。');
    expect(ja.text).toContain(
      '※ 添付のカレンダーファイル（event.ics）を開くと、変更後の日時でカレンダーに予定を追加できます。以前のメールからすでに予定を追加している場合は、その予定が変更後の日時に更新されます。\n',
    );
    expect(ja.text).not.toContain('変更前の日時のまま');
    const [en] = since(people.promotedEn);
    expect(en.text).toContain(`■ Date: ${newTime('en')} (changed)\n  (before: ${oldTime('en')})\n`);
    expect(en.text).toContain('Please note that the date and time of the event have changed');
    expect(en.text).toContain(
      '* Open the attached calendar file (event.ics) to add the event to your calendar with its new date and time. If you already added it from an earlier email, that entry is updated to the new date and time.\n',
    );
    expect(en.text).toContain(
      'Earlier emails about the event, and anything you noted from them, show the old date and time.',
    );
    expect(en.text).not.toContain('calendar entry made from them');
    // Its calendar file is the event's entry as it now is: the new version, at the new time.
    for (const mail of [ja, en]) {
      expect(mail.calendars).toHaveLength(1);
      const [entry] = new ICAL.Component(ICAL.parse(mail.calendars[0])).getAllSubcomponents('vevent');
      expect(entry.getFirstPropertyValue('uid')).toBe(`event-${eventId}@tsunagu`);
      expect(entry.getFirstPropertyValue('sequence')).toBe(1);
      expect((entry.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate()).toEqual(new Date(startsAt));
    }
    expect(since(people.seated)[0].calendars).toHaveLength(1);
  });
});
