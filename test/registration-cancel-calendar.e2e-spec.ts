import ICAL from 'ical.js';
import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/** What a calendar app reads in an attached file: its METHOD and, for each entry, UID, SEQUENCE, STATUS. */
function calendarOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue('method'),
    entries: calendar.getAllSubcomponents('vevent').map((vevent) => ({
      uid: vevent.getFirstPropertyValue('uid'),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      status: vevent.getFirstPropertyValue('status'),
    })),
  };
}

/** The one calendar file of an email, as a calendar app reads it. */
function attachedCalendar(mail: ReceivedMail) {
  expect(mail.calendars).toHaveLength(1);
  return calendarOf(mail.calendars[0]);
}

/**
 * Someone whose seat ends, whoever ended it, has the event taken off their calendar by the email
 * they get about it; and a seat they take again later puts it back.
 */
describe('a seat given up leaves the calendar', () => {
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
      await createOrganization(t, admin, { name: '浜松商工会議所', municipality: '静岡県浜松市' }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** The `nth` email to `email` whose subject matches, once it has arrived. */
  const mailTo = async (email: string, subject: RegExp, nth = 1): Promise<ReceivedMail> => {
    const matching = () => sink.to(email).filter((mail) => subject.test(mail.subject));
    await sink.waitUntil(() => matching().length >= nth, 30_000, `${subject} #${nth} to ${email}`);
    return matching()[nth - 1];
  };
  const register = async (eventId: string, token: string, participantId?: string) =>
    ok(
      await t.gql<{ register: { id: string; status: string } }>(
        registerMutation('id status'),
        { eventId, ...(participantId ? { participantId } : {}) },
        token,
      ),
    ).register;
  const cancel = async (registrationId: string, token: string) =>
    ok(
      await t.gql<{ cancelRegistration: { status: string } }>(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: registrationId },
        token,
      ),
    ).cancelRegistration.status;

  it('staff cancelling a seat: 参加取消のお知らせ carries the CANCEL, and a seat given again the PUBLISH above it', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '浜松 ものづくり経営サロン',
      capacity: 10,
      startsAt: tokyoInDays(21, '15:00'),
      endsAt: tokyoInDays(21, '17:00'),
    });
    const uid = `event-${eventId}@tsunagu`;
    const person = await createParticipant(t, organizer, { name: '鈴木 健太', furigana: 'スズキ ケンタ' });
    const seat = await register(eventId, organizer, person.id);
    expect(seat.status).toBe('REGISTERED');
    const published = attachedCalendar(await mailTo(person.email, /^【参加登録完了】/));
    expect(published.method).toBe('PUBLISH');
    expect(published.entries.map((entry) => entry.uid)).toEqual([uid]);

    expect(await cancel(seat.id, organizer)).toBe('CANCELLED');
    const notice = await mailTo(person.email, /^【参加取消のお知らせ】/);
    expect(notice.text).toContain(
      '添付のカレンダーファイル（cancel.ics）を開くと、カレンダーからこのイベントの予定が削除されます。',
    );
    expect(notice.text).not.toContain('お手数ですが削除をお願いいたします');
    const cancelled = attachedCalendar(notice);
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.entries).toEqual([{ uid, sequence: expect.any(Number), status: 'CANCELLED' }]);
    expect(cancelled.entries[0].sequence).toBeGreaterThan(published.entries[0].sequence);

    // Registered again by staff: a new confirmation, whose entry the calendar takes over the CANCEL.
    expect((await register(eventId, organizer, person.id)).status).toBe('REGISTERED');
    const again = attachedCalendar(await mailTo(person.email, /^【参加登録完了】/, 2));
    expect(again.method).toBe('PUBLISH');
    expect(again.entries.map((entry) => entry.uid)).toEqual([uid]);
    expect(again.entries[0].sequence).toBeGreaterThan(cancelled.entries[0].sequence);
  });

  it('an invitation or a place on the waiting list withdrawn: nothing was on the calendar, nothing attached', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '浜松 事業承継セミナー',
      capacity: 1,
      startsAt: tokyoInDays(22, '14:00'),
      endsAt: tokyoInDays(22, '16:00'),
    });
    const [seated, waiting, invitee] = await Promise.all([
      createParticipant(t, organizer, { name: '髙橋 一郎', furigana: 'タカハシ イチロウ' }),
      createParticipant(t, organizer, { name: '山﨑 美咲', furigana: 'ヤマザキ ミサキ' }),
      createParticipant(t, organizer, { name: '中村 優', furigana: 'ナカムラ ユウ' }),
    ]);
    await register(eventId, organizer, seated.id);
    const place = await register(eventId, organizer, waiting.id);
    expect(place.status).toBe('WAITLISTED');
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [invitee.id] },
        organizer,
      ),
    );
    await mailTo(invitee.email, /ご招待/);
    expect(sink.to(invitee.email).flatMap((mail) => mail.calendars)).toEqual([]);
    const [{ id: invitation }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, invitee.id],
    );
    await cancel(invitation, organizer);
    await cancel(place.id, organizer);

    const withdrawn = await mailTo(invitee.email, /^【ご招待取消のお知らせ】/);
    expect(withdrawn.parsed?.attachments ?? []).toHaveLength(0);
    expect(withdrawn.text).not.toContain('カレンダー');
    const unqueued = await mailTo(waiting.email, /^【キャンセル待ち取消のお知らせ】/);
    expect(unqueued.parsed?.attachments ?? []).toHaveLength(0);
    expect(unqueued.text).not.toContain('カレンダー');
  });

  it('cancelling one’s own seat, from the link or the app: the confirmation carries the CANCEL, in English for en', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '浜松 海外展開相談会',
      capacity: 1,
      startsAt: tokyoInDays(23, '10:00'),
      endsAt: tokyoInDays(23, '12:00'),
    });
    const uid = `event-${eventId}@tsunagu`;
    const emma = await createParticipant(t, organizer, {
      name: 'Emma Clarke',
      furigana: 'エマ クラーク',
      locale: 'en',
    });
    const emmaToken = await t.participantToken(emma.id);
    expect((await register(eventId, emmaToken)).status).toBe('REGISTERED');
    const confirmation = await mailTo(emma.email, /^You are registered: /);
    const published = attachedCalendar(confirmation);

    // The cancel link of her confirmation, pressed.
    const url = new RegExp(`${t.url}/registrations/cancel\\?token=[\\w-]+`).exec(confirmation.text)![0];
    const pressed = await fetch(`${t.url}/registrations/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: new URL(url).searchParams.get('token')! }).toString(),
    });
    expect(pressed.status).toBe(200);
    const done = await pressed.text();
    expect(done).toContain('Your registration is cancelled.');
    expect(done).toContain('the calendar file attached to it removes the event from your calendar.');
    const receipt = await mailTo(emma.email, /^Cancellation confirmed: /);
    expect(receipt.subject).toBe('Cancellation confirmed: 浜松 海外展開相談会');
    expect(receipt.text).toContain(
      'As you asked, we have cancelled your registration for "浜松 海外展開相談会".',
    );
    expect(receipt.text).toContain(
      'Open the attached calendar file (cancel.ics) to remove the event from your calendar.',
    );
    expect(receipt.text).not.toContain('様');
    const emmaCancel = attachedCalendar(receipt);
    expect(emmaCancel.method).toBe('CANCEL');
    expect(emmaCancel.entries).toEqual([{ uid, sequence: expect.any(Number), status: 'CANCELLED' }]);
    expect(emmaCancel.entries[0].sequence).toBeGreaterThan(published.entries[0].sequence);

    // The seat goes to someone else; she asks again and waits.
    const kenji = await createParticipant(t, organizer, { name: '佐藤 健二', furigana: 'サトウ ケンジ' });
    const kenjiToken = await t.participantToken(kenji.id);
    const kenjiSeat = await register(eventId, kenjiToken);
    expect(kenjiSeat.status).toBe('REGISTERED');
    const kenjiPublished = attachedCalendar(await mailTo(kenji.email, /^【参加登録完了】/));
    expect((await register(eventId, emmaToken)).status).toBe('WAITLISTED');
    await mailTo(emma.email, /^Waiting list: /);

    // He cancels in the app: his own confirmation, in Japanese, with his CANCEL.
    expect(await cancel(kenjiSeat.id, kenjiToken)).toBe('CANCELLED');
    const kenjiReceipt = await mailTo(kenji.email, /^【参加キャンセル受付】/);
    expect(kenjiReceipt.subject).toBe('【参加キャンセル受付】浜松 海外展開相談会');
    expect(kenjiReceipt.text).toContain('佐藤 健二 様');
    expect(kenjiReceipt.text).toContain('「浜松 海外展開相談会」への参加のキャンセルを承りました。');
    expect(kenjiReceipt.text).toContain(
      '添付のカレンダーファイル（cancel.ics）を開くと、カレンダーからこのイベントの予定が削除されます。',
    );
    const kenjiCancel = attachedCalendar(kenjiReceipt);
    expect(kenjiCancel.method).toBe('CANCEL');
    expect(kenjiCancel.entries.map((entry) => entry.uid)).toEqual([uid]);
    expect(kenjiCancel.entries[0].sequence).toBeGreaterThan(kenjiPublished.entries[0].sequence);

    // His seat moves her up: the move-up email's entry is above the CANCEL she had.
    const promoted = attachedCalendar(await mailTo(emma.email, /^Your place is confirmed: /));
    expect(promoted.method).toBe('PUBLISH');
    expect(promoted.entries.map((entry) => entry.uid)).toEqual([uid]);
    expect(promoted.entries[0].sequence).toBeGreaterThan(emmaCancel.entries[0].sequence);
    // Three files in all: the seat, its cancel, the seat again.
    expect(sink.to(emma.email).filter((mail) => mail.calendars.length > 0)).toHaveLength(3);
  });
});
