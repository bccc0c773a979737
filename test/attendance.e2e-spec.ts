import { Role } from '../src/auth/actor';
import {
  addMatchmakingSession,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventEarlier,
  moveEventTo,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const CHECK_IN = 'mutation($id: ID!) { checkIn(registrationId: $id) { status checkedInAt } }';
const MARK_ABSENT = 'mutation($id: ID!) { markAbsent(registrationId: $id) { status checkedInAt } }';
type Attendance = { status: string; checkedInAt: string | null };

/** 出席 and 欠席: recorded at the desk on the day, when closing, and put right after the event. */
describe('attendance', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let staff: string;
  let otherStaff: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, Role.ADMIN, null);
    const org = await createOrganization(t, admin, {
      name: '大田区産業振興協会',
      municipality: '東京都大田区',
    });
    organizer = await staffSession(t, Role.ORGANIZER, org);
    staff = await staffSession(t, Role.STAFF, org);
    otherStaff = await staffSession(
      t,
      Role.STAFF,
      await createOrganization(t, admin, { name: '墨田区商工会議所' }),
    );
  });
  afterAll(() => t.close());

  /** An event of `host`'s with `count` people registered by it, each of their own company. */
  const eventWith = async (count: number, host = organizer) => {
    const eventId = await createPublishedEvent(t, host, { title: 'おおた工場見学交流会', capacity: 30 });
    const seats: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const person = await createParticipant(t, staff, {
        company: { name: `大田精機${n + 1}`, municipality: '東京都大田区' },
      });
      seats.push(
        ok(
          await t.gql<{ register: { id: string } }>(
            registerMutation(),
            { eventId, participantId: person.id },
            host,
          ),
        ).register.id,
      );
    }
    return { eventId, seats };
  };
  const attend = async (query: string, id: string, token = staff) => {
    const data = ok(await t.gql<Record<string, Attendance>>(query, { id }, token));
    return Object.values(data)[0];
  };
  const statuses = async (seats: string[]) =>
    (
      await t.dataSource.query<{ id: string; status: string }[]>(
        'SELECT id, status FROM registrations WHERE id = ANY($1)',
        [seats],
      )
    )
      .sort((a, b) => seats.indexOf(a.id) - seats.indexOf(b.id))
      .map((row) => row.status);

  it('records 出席 and 欠席 on the day, and refuses a second check-in with the time of the first', async () => {
    const { eventId, seats } = await eventWith(2);
    const early = failure(await t.gql(MARK_ABSENT, { id: seats[1] }, staff));
    expect(early.extensions).toMatchObject({
      reason: 'REGISTRATION_CHECK_IN_TOO_EARLY',
      field: 'registrationId',
    });
    await moveEventEarlier(t, eventId, 14);

    expect(await attend(CHECK_IN, seats[0])).toMatchObject({ status: 'ATTENDED' });
    const again = failure(await t.gql(CHECK_IN, { id: seats[0] }, staff));
    expect(again.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REGISTRATION_ALREADY_CHECKED_IN',
      field: 'registrationId',
    });
    expect(again.message).toMatch(/^受付済みです（\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2} に受付）$/);

    expect(await attend(MARK_ABSENT, seats[1])).toEqual({ status: 'NO_SHOW', checkedInAt: null });
    expect(await attend(MARK_ABSENT, seats[1])).toEqual({ status: 'NO_SHOW', checkedInAt: null });
    expect(failure(await t.gql(MARK_ABSENT, { id: seats[1] }, otherStaff)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await statuses(seats)).toEqual(['ATTENDED', 'NO_SHOW']);
  });

  it('closes an event recording those not checked in as 欠席, and lets staff put the list right afterwards', async () => {
    // An organisation of its own, so that its year holds this event alone.
    const org = await createOrganization(t, admin, { name: '川口商工会議所', municipality: '埼玉県川口市' });
    const host = await staffSession(t, Role.ORGANIZER, org);
    const { eventId, seats } = await eventWith(4, host);
    await moveEventEarlier(t, eventId, 15);
    await attend(CHECK_IN, seats[0], host);
    await attend(CHECK_IN, seats[1], host);
    const closed = ok(
      await t.gql<{ closeEvent: { status: string; fiscalYear: number } }>(
        'mutation($id: ID!) { closeEvent(id: $id, markNotCheckedInAbsent: true) { status fiscalYear } }',
        { id: eventId },
        host,
      ),
    ).closeEvent;
    expect(closed.status).toBe('CLOSED');
    expect(await statuses(seats)).toEqual(['ATTENDED', 'ATTENDED', 'NO_SHOW', 'NO_SHOW']);

    // After the day: a forgotten check-in, with when they came, and a check-in made for the wrong
    // person. A time before the event's day, or still to come, is refused.
    const [{ startsAt }]: { startsAt: Date }[] = await t.dataSource.query(
      'SELECT starts_at AS "startsAt" FROM events WHERE id = $1',
      [eventId],
    );
    const lateCheckIn = (at: Date) =>
      t.gql<{ checkIn: Attendance }>(
        'mutation($id: ID!, $at: DateTime) { checkIn(registrationId: $id, at: $at) { status checkedInAt } }',
        { id: seats[2], at: at.toISOString() },
        host,
      );
    expect(
      failure(await lateCheckIn(new Date(startsAt.getTime() - 2 * 86_400_000))).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'at',
      reason: 'REGISTRATION_CHECK_IN_TIME_INVALID',
    });
    expect(failure(await lateCheckIn(new Date(Date.now() + 86_400_000))).extensions).toMatchObject({
      field: 'at',
    });
    const came = new Date(startsAt.getTime() + 10 * 60_000);
    const checkedIn = ok(await lateCheckIn(came)).checkIn;
    expect(checkedIn.status).toBe('ATTENDED');
    expect(new Date(checkedIn.checkedInAt!).getTime()).toBe(came.getTime());
    expect(await attend(MARK_ABSENT, seats[1], host)).toEqual({ status: 'NO_SHOW', checkedInAt: null });
    expect(await statuses(seats)).toEqual(['ATTENDED', 'NO_SHOW', 'ATTENDED', 'NO_SHOW']);

    const report = ok(
      await t.gql<{ eventReport: { registrations: { byStatus: { status: string; count: number }[] } } }>(
        'query($id: ID!) { eventReport(eventId: $id) { registrations { byStatus { status count } } } }',
        { id: eventId },
        host,
      ),
    ).eventReport.registrations.byStatus;
    expect(report.filter((row) => row.count > 0)).toEqual([
      { status: 'ATTENDED', count: 2 },
      { status: 'NO_SHOW', count: 2 },
    ]);
    // The year counts every seat held, and as having taken part only those who came.
    const participation = ok(
      await t.gql<{ fiscalYearReport: { participation: Record<string, number> } }>(
        `query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) {
           participation { registrations attended participants companies } } }`,
        { org, fy: closed.fiscalYear },
        host,
      ),
    ).fiscalYearReport.participation;
    expect(participation).toEqual({ registrations: 4, attended: 2, participants: 2, companies: 2 });
    // 参加登録数 is one figure wherever staff read it: the events list, its CSV and the event's
    // report give the year's (this is the year's one event), 欠席 included.
    const { lines } = await fetchCsv(t, `/exports/events.csv?fiscalYear=${closed.fiscalYear}`, host);
    const [header, row] = lines.map((line) => line.split(','));
    const cell = (name: string) => Number(row[header.indexOf(name)]);
    expect({ registrations: cell('参加登録数'), attended: cell('出席'), absent: cell('欠席') }).toEqual({
      registrations: 4,
      attended: 2,
      absent: 2,
    });
    expect(cell('参加登録数')).toBe(participation.registrations);
    const counted = ok(
      await t.gql<{
        event: { registrationCounts: { registrations: number; registered: number } };
        eventReport: { registrations: { registrations: number } };
      }>(
        `query($id: ID!) { event(id: $id) { registrationCounts { registrations registered } }
           eventReport(eventId: $id) { registrations { registrations } } }`,
        { id: eventId },
        host,
      ),
    );
    expect(counted.event.registrationCounts).toEqual({ registrations: 4, registered: 2 });
    expect(counted.eventReport.registrations.registrations).toBe(participation.registrations);
  });

  it('closes without touching the list unless asked', async () => {
    const { eventId, seats } = await eventWith(2);
    await moveEventEarlier(t, eventId, 15);
    await attend(CHECK_IN, seats[0]);
    ok(await t.gql('mutation($id: ID!) { closeEvent(id: $id) { status } }', { id: eventId }, organizer));
    expect(await statuses(seats)).toEqual(['ATTENDED', 'REGISTERED']);
  });
  /**
   * A meeting agreed between the first two seats (the request written straight in SQL: the meeting
   * is what is under test), placed at table 1 in slot `slotIndex` of a 商談枠 at 18:30 on the day.
   */
  const meetingOfTheFirstTwo = async (eventId: string, seats: string[], slotIndex: number) => {
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(14, '18:30'),
      slotMinutes: 20,
      slotCount: 2,
      tableCount: 2,
    });
    const people: { participant_id: string }[] = await t.dataSource.query(
      'SELECT participant_id FROM registrations WHERE id = ANY($1) ORDER BY array_position($1, id)',
      [seats],
    );
    const [{ id: requestId }]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status, responded_at)
       VALUES ($1, $2, $3, 'ACCEPTED', now()) RETURNING id`,
      [eventId, people[0].participant_id, people[1].participant_id],
    );
    return ok(
      await t.gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!, $slot: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $slot, table: "1") { id } }',
        { r: requestId, s: sessionId, slot: slotIndex },
        organizer,
      ),
    ).placeMeeting.id;
  };

  it('keeps the seat of someone marked 欠席: attendance recorded during a fair gives nobody a seat', async () => {
    // A two-day 展示会 at capacity, under way since an hour ago; registration is open until it ends.
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: 'おおたものづくりフェア2026',
      capacity: 2,
      startsAt: tokyoInDays(14, '10:00'),
      endsAt: tokyoInDays(15, '17:00'),
    });
    const seats: string[] = [];
    for (const name of ['出展 一郎', '出展 二郎']) {
      const person = await createParticipant(t, staff, { name });
      seats.push(
        ok(
          await t.gql<{ register: { id: string } }>(
            registerMutation(),
            { eventId, participantId: person.id },
            organizer,
          ),
        ).register.id,
      );
    }
    await moveEventTo(t, eventId, new Date(Date.now() - 3_600_000).toISOString());
    const seatsLeft = async () =>
      ok(
        await t.gql<{ event: { seatsLeft: number | null } }>(
          'query($id: ID!) { event(id: $id) { seatsLeft } }',
          { id: eventId },
          organizer,
        ),
      ).event.seatsLeft;

    // Day one: one of them is marked absent. Their seat stays theirs.
    expect(await attend(MARK_ABSENT, seats[1])).toMatchObject({ status: 'NO_SHOW' });
    expect(await seatsLeft()).toBe(0);
    const cut = failure(
      await t.gql(
        'mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 1 }) { capacity } }',
        { id: eventId },
        organizer,
      ),
    );
    expect(cut.extensions).toMatchObject({ reason: 'EVENT_CAPACITY_BELOW_REGISTERED' });
    expect(cut.message).toBe(
      '定員は、いま席を確保している人数（参加登録済・出席・欠席の2名）より少なくできません',
    );

    // Day two: a newcomer registering waits; the 欠席 corrected to 出席 leaves the event at capacity.
    const newcomer = await createParticipant(t, staff, { name: '来場 三郎' });
    const registered = ok(
      await t.gql<{ register: { id: string; status: string } }>(
        registerMutation('id status'),
        { eventId },
        await t.participantToken(newcomer.id),
      ),
    ).register;
    expect(registered.status).toBe('WAITLISTED');
    expect(await attend(CHECK_IN, seats[1])).toMatchObject({ status: 'ATTENDED' });
    expect(await statuses([...seats, registered.id])).toEqual(['REGISTERED', 'ATTENDED', 'WAITLISTED']);
    expect(await seatsLeft()).toBe(0);
  });

  it('does not close in the middle of the day, while meetings are still to come', async () => {
    const { eventId, seats } = await eventWith(2);
    await meetingOfTheFirstTwo(eventId, seats, 1);
    // The event has begun; its meeting has not.
    await t.dataSource.query(`UPDATE events SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
      eventId,
    ]);
    const close = () =>
      t.gql(
        'mutation($id: ID!) { closeEvent(id: $id, markNotCheckedInAbsent: true) { status } }',
        { id: eventId },
        organizer,
      );
    const early = failure(await close());
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EVENT_MEETINGS_AHEAD', field: 'id' });
    expect(early.message).toMatch(
      /^これから始まる面談が 1 件あります（最後は .+ 開始）。面談が終わってから終了にしてください$/,
    );
    expect(await statuses(seats)).toEqual(['REGISTERED', 'REGISTERED']);
    // Once it has begun, closing is for staff to decide.
    await t.dataSource.query(
      `UPDATE meetings SET starts_at = now() - interval '1 minute' WHERE event_id = $1`,
      [eventId],
    );
    expect(ok(await close())).toEqual({ closeEvent: { status: 'CLOSED' } });
  });

  it('closes recording as 出席 whoever a meeting records as there, though not checked in at reception', async () => {
    const { eventId, seats } = await eventWith(3);
    const meetingId = await meetingOfTheFirstTwo(eventId, seats, 0);
    await moveEventEarlier(t, eventId, 15);
    ok(await t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: meetingId }, staff));

    ok(
      await t.gql(
        'mutation($id: ID!) { closeEvent(id: $id, markNotCheckedInAbsent: true) { status } }',
        { id: eventId },
        organizer,
      ),
    );
    expect(await statuses(seats)).toEqual(['ATTENDED', 'ATTENDED', 'NO_SHOW']);
    const [{ fromStart }]: { fromStart: boolean }[] = await t.dataSource.query(
      `SELECT abs(extract(epoch FROM r.checked_in_at - m.starts_at)) < 0.001 AS "fromStart"
         FROM registrations r JOIN meetings m ON m.id = $2 WHERE r.id = $1`,
      [seats[0], meetingId],
    );
    expect(fromStart).toBe(true);
  });
});
