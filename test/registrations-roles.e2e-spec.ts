import { OneSpellingPerBooth1796628003663 } from '../migrations/1796628003663-OneSpellingPerBooth';
import { Role } from '../src/auth/actor';
import {
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
  matchAndWait,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const REGISTER = registerMutation('id status role booth');
const UPDATE = `mutation($id: ID!, $input: UpdateRegistrationInput!) {
  updateRegistration(id: $id, input: $input) { id status role booth }
}`;
type Registered = { register: { id: string; status: string; role: string; booth: string | null } };
type Updated = { updateRegistration: { id: string; status: string; role: string; booth: string | null } };

/** Who someone is at the event (role) and where they stand (booth), as the organising side sets it. */
describe('registrations: role and booth', () => {
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

  const registerAs = (token: string, variables: Record<string, unknown>) =>
    t.gql<Registered>(REGISTER, variables, token);
  const update = (token: string, id: string, input: Record<string, unknown>) =>
    t.gql<Updated>(UPDATE, { id, input }, token);
  const stored = async (id: string) =>
    (await t.dataSource.query('SELECT role, booth FROM registrations WHERE id = $1', [id]))[0];

  it('applies the role and booth staff give when registering someone already registered', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: '大田区加工技術展',
    });
    const person = await createParticipant(t, organizer);
    const first = ok(await registerAs(await t.participantToken(person.id), { eventId })).register;
    expect(first).toMatchObject({ status: 'REGISTERED', role: 'VISITOR', booth: null });

    // As the README shows it: the same call for someone already there sets their role and booth.
    const again = ok(
      await registerAs(organizer, { eventId, participantId: person.id, role: 'EXHIBITOR', booth: 'A-01' }),
    ).register;
    expect(again).toEqual({ id: first.id, status: 'REGISTERED', role: 'EXHIBITOR', booth: 'A-01' });
    expect(await stored(first.id)).toEqual({ role: 'EXHIBITOR', booth: 'A-01' });
    // Without a role or booth it changes nothing, as before.
    expect(ok(await registerAs(organizer, { eventId, participantId: person.id })).register).toEqual(again);

    // Someone on the waiting list gets theirs too, and keeps their place in the queue.
    const full = await createPublishedEvent(t, organizer, { kind: 'TRADE_FAIR', capacity: 1 });
    ok(
      await registerAs(organizer, {
        eventId: full,
        participantId: (await createParticipant(t, organizer)).id,
      }),
    );
    const waiting = ok(await registerAs(organizer, { eventId: full, participantId: person.id })).register;
    const [before] = await t.dataSource.query('SELECT waitlisted_at FROM registrations WHERE id = $1', [
      waiting.id,
    ]);
    const moved = ok(
      await registerAs(organizer, { eventId: full, participantId: person.id, role: 'SPEAKER' }),
    ).register;
    expect(moved).toMatchObject({ id: waiting.id, status: 'WAITLISTED', role: 'SPEAKER' });
    const [after] = await t.dataSource.query('SELECT waitlisted_at FROM registrations WHERE id = $1', [
      waiting.id,
    ]);
    expect(after).toEqual(before);
  });

  it('lets staff of the organiser and of a co-host change role and booth; refuses everyone else', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: 'おおた工業フェア',
      coHostIds: [coHostId],
    });
    const person = await createParticipant(t, organizer);
    const token = await t.participantToken(person.id);
    const { id } = ok(await registerAs(token, { eventId })).register;

    expect(
      ok(await update(organizer, id, { role: 'EXHIBITOR', booth: ' B-12 ' })).updateRegistration,
    ).toEqual({
      id,
      status: 'REGISTERED',
      role: 'EXHIBITOR',
      booth: 'B-12',
    });
    // A co-host's staff may correct it; what is left out stays.
    expect(ok(await update(coHostStaff, id, { booth: 'B-13' })).updateRegistration).toMatchObject({
      role: 'EXHIBITOR',
      booth: 'B-13',
    });
    // null removes the booth.
    expect(
      ok(await update(organizer, id, { role: 'VISITOR', booth: null })).updateRegistration,
    ).toMatchObject({
      role: 'VISITOR',
      booth: null,
    });

    expect(failure(await update(otherOrganizer, id, { role: 'BUYER' })).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await update(token, id, { role: 'EXHIBITOR' })).extensions?.code).toBe('FORBIDDEN');
    const empty = failure(await update(organizer, id, {}));
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(empty.message).toBe('変更する参加区分（role）またはブース（booth）を指定してください');
    expect(await stored(id)).toEqual({ role: 'VISITOR', booth: null });

    // Someone who cancelled holds no place at the event to describe.
    ok(await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id }, token));
    const cancelled = failure(await update(organizer, id, { role: 'BUYER' }));
    expect(cancelled.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REGISTRATION_NOT_EDITABLE',
      field: 'id',
    });
    expect(cancelled.message).toBe('「キャンセル」の参加登録の参加区分・ブースは変更できません');
  });

  it('leaves role and booth to the organiser: a participant cannot give themselves either', async () => {
    const eventId = await createPublishedEvent(t, organizer, { kind: 'TRADE_FAIR' });
    const person = await createParticipant(t, organizer);
    const token = await t.participantToken(person.id);

    const asExhibitor = failure(await registerAs(token, { eventId, role: 'EXHIBITOR' }));
    expect(asExhibitor.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'REGISTRATION_SET_BY_ORGANISER',
      field: 'role',
    });
    expect(asExhibitor.message).toBe(
      '参加区分（出展者・バイヤーなど）は主催者が設定します。変更は主催者にお問い合わせください',
    );
    expect(failure(await registerAs(token, { eventId, booth: 'C-01' })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'booth',
    });
    expect(await t.dataSource.query('SELECT id FROM registrations WHERE event_id = $1', [eventId])).toEqual(
      [],
    );

    const { id } = ok(await registerAs(token, { eventId, role: 'VISITOR' })).register;
    ok(await update(organizer, id, { role: 'EXHIBITOR', booth: 'C-01' }));
    // Registering again, naming what they have, changes nothing; naming another role is refused.
    expect(ok(await registerAs(token, { eventId, role: 'EXHIBITOR', booth: 'C-01' })).register).toMatchObject(
      {
        id,
        role: 'EXHIBITOR',
        booth: 'C-01',
      },
    );
    expect(failure(await registerAs(token, { eventId, role: 'VISITOR' })).extensions?.field).toBe('role');
    expect(await stored(id)).toEqual({ role: 'EXHIBITOR', booth: 'C-01' });
  });

  it('at a 商談会, buyers and sellers marked by staff are matched by the buyer/seller rules', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'おおた発注企業商談会',
    });
    const profile = (name: string, company: string, offers: string[], needs: string[]) => ({
      name,
      company: { name: company, industry: 'E', municipality: '東京都大田区' },
      offers,
      needs,
    });
    const buyer = await createParticipant(
      t,
      organizer,
      profile('発注 一郎', '大田精機', ['量産'], ['精密切削']),
    );
    const seller = await createParticipant(
      t,
      organizer,
      profile('受注 二郎', '蒲田製作所', ['精密切削'], ['量産']),
    );
    const otherBuyer = await createParticipant(
      t,
      organizer,
      profile('発注 三郎', '羽田工業', ['精密切削', '量産'], ['精密切削', '量産']),
    );
    const ids: Record<string, string> = {};
    for (const person of [buyer, seller, otherBuyer])
      ids[person.id] = ok(await registerAs(organizer, { eventId, participantId: person.id })).register.id;
    // The invitees are registered already; staff now mark who orders (発注側) and who supplies (受注側).
    ok(await registerAs(organizer, { eventId, participantId: buyer.id, role: 'BUYER' }));
    ok(await update(organizer, ids[seller.id], { role: 'SELLER' }));
    ok(await update(organizer, ids[otherBuyer.id], { role: 'BUYER' }));

    await matchAndWait(t, organizer, eventId);
    const suggested = async (participantId: string) =>
      ok(
        await t.gql<{ suggestionsFor: { suggested: { id: string } }[] }>(
          'query($eventId: ID!, $p: ID!) { suggestionsFor(eventId: $eventId, participantId: $p) { suggested { id } } }',
          { eventId, p: participantId },
          organizer,
        ),
      ).suggestionsFor.map((suggestion) => suggestion.suggested.id);
    // Two buyers would fit each other's profile, but a buyer-buyer table is a wasted slot.
    expect(await suggested(buyer.id)).toEqual([seller.id]);
    expect(await suggested(otherBuyer.id)).toEqual([seller.id]);
    expect((await suggested(seller.id)).sort()).toEqual([buyer.id, otherBuyer.id].sort());
    // Nor may one buyer ask another for a meeting; a buyer may ask a seller.
    const ask = async (from: string, to: string) =>
      t.gql(
        'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p) { id } }',
        { e: eventId, p: to },
        await t.participantToken(from),
      );
    const twoBuyers = failure(await ask(buyer.id, otherBuyer.id));
    expect(twoBuyers.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MEETING_SAME_SIDE',
      field: 'toParticipantId',
    });
    expect(twoBuyers.message).toBe(
      'この方もバイヤーのため、面談を申し込めません。商談会の面談はバイヤーとサプライヤーの間で行います',
    );
    ok(await ask(buyer.id, seller.id));
  });

  it('writes a booth one way however it is typed, and gives it to one company', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: '大田区工業フェア',
    });
    const company = { name: '株式会社大森精工', municipality: '東京都大田区' };
    const exhibitor = await createParticipant(t, organizer, { name: '大森 一郎', company });
    const colleague = await createParticipant(t, organizer, { company });
    const other = await createParticipant(t, organizer, { company: { name: '有限会社蒲田製作所' } });
    const exhibit = (person: { id: string }, booth: string | null) =>
      registerAs(organizer, { eventId, participantId: person.id, role: 'EXHIBITOR', booth });

    // Full-width, lower case and stray spaces are the booth printed on the floor plan.
    const held = ok(await exhibit(exhibitor, ' Ａ－０３ ')).register;
    expect(held.booth).toBe('A-03');
    expect(await stored(held.id)).toEqual({ role: 'EXHIBITOR', booth: 'A-03' });

    // Another company is refused the booth however it writes it, told who has it.
    for (const typed of ['A-03', 'a-03', 'A-03 ', 'ブース Ａ－03']) {
      const taken = failure(await exhibit(other, typed));
      expect(taken.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'REGISTRATION_BOOTH_TAKEN',
        field: 'booth',
      });
      expect(taken.message).toBe(
        'ブース A-03 は株式会社大森精工（大森 一郎 様）に割り当て済みです。別のブース番号を指定するか、先にそちらのブースを変更してください',
      );
    }
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, other.id],
    );
    expect(count).toBe(0);

    // An empty booth is no booth; then a free one, and updateRegistration is held to the same.
    const second = ok(await exhibit(other, '')).register;
    expect(second).toMatchObject({ status: 'REGISTERED', role: 'EXHIBITOR', booth: null });
    expect(ok(await update(organizer, second.id, { booth: ' a-04 ' })).updateRegistration.booth).toBe('A-04');
    const moved = failure(await update(organizer, second.id, { booth: 'a-03' }));
    expect(moved.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REGISTRATION_BOOTH_TAKEN',
      field: 'booth',
    });
    expect(ok(await update(organizer, second.id, { booth: '　' })).updateRegistration.booth).toBeNull();
    expect(ok(await update(organizer, second.id, { booth: 'A-04' })).updateRegistration.booth).toBe('A-04');

    // A colleague from the same company may stand at the same booth.
    expect(ok(await exhibit(colleague, 'a-03')).register.booth).toBe('A-03');

    // Once the holder has cancelled, the booth is free for another company.
    const third = await createParticipant(t, organizer, { company: { name: '株式会社六郷工業' } });
    ok(
      await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: second.id }, organizer),
    );
    expect(ok(await exhibit(third, 'A-04 ')).register.booth).toBe('A-04');
    // Coming back, the one who cancelled does not get the booth that has since gone to another.
    expect(ok(await registerAs(organizer, { eventId, participantId: other.id })).register).toMatchObject({
      status: 'REGISTERED',
      booth: null,
    });
  });

  it('reads B-1 and B-01 as one booth, written the way the event first wrote it', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: '大田区ものづくりフェア 商談コーナー',
      startsAt: tokyoInDays(22, '10:00'),
      endsAt: tokyoInDays(22, '17:00'),
    });
    const { addMatchmakingSession } = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId,
            startsAt: tokyoInDays(22, '13:00'),
            slotMinutes: 20,
            slotCount: 3,
            mode: 'BOOTHS',
          },
        },
        organizer,
      ),
    );
    const company = { name: '株式会社糀谷金属', municipality: '東京都大田区' };
    const exhibitor = await createParticipant(t, organizer, { name: '糀谷 二郎', company });
    const colleague = await createParticipant(t, organizer, { company });
    const other = await createParticipant(t, organizer, { company: { name: '有限会社羽田精機' } });
    const visitor = await createParticipant(t, organizer);
    const exhibit = (person: { id: string }, booth: string | null) =>
      registerAs(organizer, { eventId, participantId: person.id, role: 'EXHIBITOR', booth });

    const held = ok(await exhibit(exhibitor, 'B-01')).register;
    expect(held.booth).toBe('B-01');
    // Another company is refused it however the number is written, told the booth as the event has it.
    for (const typed of ['B-1', 'b1', 'Ｂ－１', 'B - 001']) {
      const taken = failure(await exhibit(other, typed));
      expect(taken.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'REGISTRATION_BOOTH_TAKEN',
        field: 'booth',
      });
      expect(taken.message).toBe(
        'ブース B-01 は株式会社糀谷金属（糀谷 二郎 様）に割り当て済みです。別のブース番号を指定するか、先にそちらのブースを変更してください',
      );
    }
    // B-10 is another booth.
    const neighbour = ok(await exhibit(other, 'B-10')).register;
    expect(neighbour.booth).toBe('B-10');
    expect(failure(await update(organizer, neighbour.id, { booth: 'b 1' })).extensions?.reason).toBe(
      'REGISTRATION_BOOTH_TAKEN',
    );
    // A colleague typing B1 stands at B-01, as the floor plan and the meetings there name it.
    const shared = ok(await exhibit(colleague, 'B1')).register;
    expect(shared.booth).toBe('B-01');
    expect(await stored(shared.id)).toEqual({ role: 'EXHIBITOR', booth: 'B-01' });

    // Retyping the booth someone has, in another spelling, moves nothing, meetings placed or not.
    ok(await registerAs(organizer, { eventId, participantId: visitor.id }));
    const request = { id: await agreeMeeting(t, eventId, visitor.id, exhibitor.id) };
    ok(
      await t.gql(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0) { table } }',
        { r: request.id, s: addMatchmakingSession.sessions[0].id },
        organizer,
      ),
    );
    expect(ok(await update(organizer, held.id, { booth: 'B-1' })).updateRegistration.booth).toBe('B-01');
    // The exhibitor naming the booth they have, as they read it, is no booth of their own choosing.
    const own = await t.participantToken(exhibitor.id);
    expect(ok(await registerAs(own, { eventId, booth: 'b 1' })).register.booth).toBe('B-01');

    // Booths stored before, each as typed, are written the event's one way, and so is the meeting there.
    await t.dataSource.query(`UPDATE registrations SET booth = 'B-1' WHERE id = $1`, [shared.id]);
    await t.dataSource.query(`UPDATE meetings SET table_label = 'B-001' WHERE request_id = $1`, [request.id]);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new OneSpellingPerBooth1796628003663().up(runner);
    } finally {
      await runner.release();
    }
    expect(await stored(shared.id)).toEqual({ role: 'EXHIBITOR', booth: 'B-01' });
    expect(await stored(neighbour.id)).toEqual({ role: 'EXHIBITOR', booth: 'B-10' });
    expect(
      await t.dataSource.query('SELECT table_label FROM meetings WHERE request_id = $1', [request.id]),
    ).toEqual([{ table_label: 'B-01' }]);
  });

  it('keeps the booth of an exhibitor whose meetings are published at it in booth-mode sessions', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'TRADE_FAIR',
      title: '大田区ものづくり展示商談会',
      startsAt: tokyoInDays(21, '10:00'),
      endsAt: tokyoInDays(21, '17:00'),
    });
    const { addMatchmakingSession } = ok(
      await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
        {
          input: {
            eventId,
            startsAt: tokyoInDays(21, '13:00'),
            slotMinutes: 20,
            slotCount: 3,
            mode: 'BOOTHS',
          },
        },
        organizer,
      ),
    );
    const exhibitor = await createParticipant(t, organizer);
    const visitor = await createParticipant(t, organizer);
    const booth = ok(
      await registerAs(organizer, { eventId, participantId: exhibitor.id, role: 'EXHIBITOR', booth: 'D-07' }),
    ).register;
    ok(await registerAs(organizer, { eventId, participantId: visitor.id }));
    // Two without a booth have nowhere to sit where every 商談枠 is at a booth: refused at once.
    const another = await createParticipant(t, organizer);
    ok(await registerAs(organizer, { eventId, participantId: another.id }));
    const nowhere = failure(
      await t.gql(
        'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p) { id } }',
        { e: eventId, p: another.id },
        await t.participantToken(visitor.id),
      ),
    );
    expect(nowhere.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MEETING_NO_BOOTH_BETWEEN',
      field: 'toParticipantId',
    });
    expect(nowhere.message).toContain('このイベントの面談は出展者のブースで行います。');
    const request = { id: await agreeMeeting(t, eventId, visitor.id, exhibitor.id) };
    const placed = ok(
      await t.gql<{ placeMeeting: { table: string } }>(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0) { table } }',
        { r: request.id, s: addMatchmakingSession.sessions[0].id },
        organizer,
      ),
    ).placeMeeting;
    expect(placed.table).toBe('D-07');
    // Published: both were told to come to D-07 (unpublished, it would be taken back instead).
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
        { e: eventId },
        organizer,
      ),
    );

    const moved = failure(await update(organizer, booth.id, { booth: 'E-01' }));
    expect(moved.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REGISTRATION_BOOTH_HAS_MEETINGS',
      field: 'booth',
    });
    expect(moved.message).toContain('面談が配置済みのため、ブースは変更できません');
    expect(failure(await update(organizer, booth.id, { booth: null })).extensions?.field).toBe('booth');
    // The role alone is no place: it may change.
    expect(ok(await update(organizer, booth.id, { role: 'SELLER' })).updateRegistration).toMatchObject({
      role: 'SELLER',
      booth: 'D-07',
    });
    // Once the meeting is called off, the booth is free to move.
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }',
        { id: request.id },
        organizer,
      ),
    );
    expect(ok(await update(organizer, booth.id, { booth: 'E-01' })).updateRegistration.booth).toBe('E-01');
  });
});
