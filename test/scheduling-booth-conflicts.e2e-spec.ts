import { Role } from '../src/auth/actor';
import { formatTokyoJapanese } from '../src/common/time/tokyo-time';
import { fetchCsv } from './support/csv-export';
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
import { createTestApp, failure, ok, TestApp } from './support/test-app';

interface RunView {
  id: string;
  status: string;
  progress: number;
  phase: string | null;
  error: string | null;
  scheduledCount: number | null;
  warnings: { code: string; booth: string | null; message: string }[];
}

/**
 * Booths stored before B-1 and B-01 were one booth: two companies could each hold one, and each
 * have a meeting published there at one time. The migration that gave each booth one spelling
 * left such meetings as they were, and the scheduler, which counts one booth, could not keep both.
 * Staff see what is wrong and what to do, rather than a run that fails on an engine message.
 */
describe('scheduling around booths held under two spellings', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '城南信用金庫', kind: 'FINANCIAL_INSTITUTION' }),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const runOf = async (id: string) =>
    ok(
      await t.gql<{ schedulingRun: RunView }>(
        'query($id: ID!) { schedulingRun(id: $id) { id status progress phase error scheduledCount warnings { code booth message } } }',
        { id },
        organizer,
      ),
    ).schedulingRun;
  const scheduleAndFinish = async (eventId: string) => {
    const { id } = ok(
      await t.gql<{ scheduleMeetings: { id: string } }>(
        'mutation($e: ID!) { scheduleMeetings(eventId: $e) { id } }',
        { e: eventId },
        organizer,
      ),
    ).scheduleMeetings;
    return eventually(async () => {
      const run = await runOf(id);
      return ['SUCCEEDED', 'FAILED'].includes(run.status) && run;
    }, `scheduling run ${id}`);
  };
  const meetingsOf = (eventId: string) =>
    t.dataSource.query(
      `SELECT m.id, m.request_id, m.slot_index, m.table_label, m.status, m.published_at,
              array_agg(mp.slot_index ORDER BY mp.participant_id) AS side_slots
         FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
        WHERE m.event_id = $1 GROUP BY m.id ORDER BY m.id`,
      [eventId],
    );

  it('fails the run naming the booth, the time and both meetings, changes nothing, and runs once one is moved', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'じょうなん ビジネス商談会',
      capacity: null,
      startsAt: tokyoInDays(20, '10:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(20, '13:00'),
      slotMinutes: 20,
      slotCount: 3,
      mode: 'BOOTHS',
    });
    const kojiya = await createParticipant(t, organizer, {
      name: '糀谷 二郎',
      company: { name: '株式会社糀谷金属' },
    });
    const haneda = await createParticipant(t, organizer, {
      name: '羽田 三郎',
      company: { name: '有限会社羽田精機' },
    });
    const buyerA = await createParticipant(t, organizer, { name: '大森 花子' });
    const buyerB = await createParticipant(t, organizer, { name: '蒲田 一郎' });
    const buyerC = await createParticipant(t, organizer, { name: '池上 桃子' });
    const register = async (id: string, booth?: string) =>
      ok(
        await t.gql(
          registerMutation(),
          { eventId, participantId: id, ...(booth ? { role: 'EXHIBITOR', booth } : {}) },
          organizer,
        ),
      );
    await register(kojiya.id, 'B-01');
    await register(haneda.id, 'B-10');
    for (const buyer of [buyerA, buyerB, buyerC]) await register(buyer.id);
    const place = async (requestId: string, slotIndex: number) =>
      ok(
        await t.gql<{ placeMeeting: { id: string } }>(
          'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i) { id } }',
          { r: requestId, s: sessionId, i: slotIndex },
          organizer,
        ),
      ).placeMeeting.id;
    const atKojiya = await place(await agreeMeeting(t, eventId, buyerA.id, kojiya.id), 0);
    const atHaneda = await place(await agreeMeeting(t, eventId, buyerB.id, haneda.id), 1);
    // A placement not yet published, which a run would replace.
    await place(await agreeMeeting(t, eventId, buyerC.id, kojiya.id), 2);

    // As data from before booths were compared as booths left it, after the migration: 羽田精機 had
    // 「B-1」, now written 「B-01」 like 糀谷金属's, and its published meeting there at 13:00 kept
    // 「B-1」, since 糀谷金属 had one published at 「B-01」 then.
    await t.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE registrations SET booth = 'B-01' WHERE event_id = $1 AND participant_id = $2`,
        [eventId, haneda.id],
      );
      await manager.query(
        `UPDATE meetings m SET slot_index = 0, table_label = 'B-1', starts_at = k.starts_at, ends_at = k.ends_at
           FROM meetings k WHERE m.id = $1 AND k.id = $2`,
        [atHaneda, atKojiya],
      );
      await manager.query(`UPDATE meeting_participants SET slot_index = 0 WHERE meeting_id = $1`, [atHaneda]);
      await manager.query(`UPDATE meetings SET published_at = now() WHERE id IN ($1, $2)`, [
        atKojiya,
        atHaneda,
      ]);
    });
    const before = await meetingsOf(eventId);

    const failed = await scheduleAndFinish(eventId);
    const [{ starts_at: startsAt }]: { starts_at: Date }[] = await t.dataSource.query(
      'SELECT starts_at FROM meetings WHERE id = $1',
      [atKojiya],
    );
    expect(failed).toMatchObject({
      status: 'FAILED',
      progress: 0,
      phase: null,
      scheduledCount: null,
      warnings: [],
    });
    expect(failed.error).toBe(
      `ブース B-01 の ${formatTokyoJapanese(startsAt)} 開始の枠（枠番号 1）に、公開済みの面談が2件重なっています: ` +
        [
          [
            atKojiya,
            `大森 花子 様 と 株式会社糀谷金属（糀谷 二郎 様） の面談（面談ID ${atKojiya}、ブース表記「B-01」）`,
          ],
          [
            atHaneda,
            `蒲田 一郎 様 と 有限会社羽田精機（羽田 三郎 様） の面談（面談ID ${atHaneda}、ブース表記「B-1」）`,
          ],
        ]
          // As the run reads published meetings: by id.
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([, meeting]) => meeting)
          .join('／') +
        '。公開済みの面談は自動配置では動かさないため、配置を中止しました（面談は何も変更していません）。' +
        'どちらか一方を moveMeeting で空いている時間枠に移すか取り消してから、もう一度自動配置してください',
    );
    // Nothing written: the placement still waiting for publication is where it was.
    expect(await meetingsOf(eventId)).toEqual(before);

    // Staff do what it says: 羽田精機's meeting to the free 13:20 slot, at the booth as the event writes it.
    const moved = ok(
      await t.gql<{ moveMeeting: { table: string } }>(
        'mutation($id: ID!, $s: ID!) { moveMeeting(id: $id, sessionId: $s, slotIndex: 1) { table } }',
        { id: atHaneda, s: sessionId },
        organizer,
      ),
    ).moveMeeting;
    expect(moved.table).toBe('B-01');

    // The run succeeds, and says the booth holds two companies, whom it counted as one booth.
    const succeeded = await scheduleAndFinish(eventId);
    expect(succeeded).toMatchObject({ status: 'SUCCEEDED', error: null, scheduledCount: 1 });
    expect(succeeded.warnings).toMatchObject([{ code: 'BOOTH_SHARED', booth: 'B-01' }]);
    // Both companies, in the order the event's registrations are read.
    const holders = ['株式会社糀谷金属（糀谷 二郎 様）', '有限会社羽田精機（羽田 三郎 様）'];
    expect([holders.join('、'), [...holders].reverse().join('、')]).toContainEqual(
      /^ブース B-01 に、別々の事業者（(.+)）が割り当てられています。/.exec(
        succeeded.warnings[0].message,
      )?.[1],
    );
    expect(succeeded.warnings[0].message).toContain(
      '表記の違うブース番号（例: B-1 と B-01）も同じブースとして扱うため、ここでの面談は1件ずつ、重ならないように配置しました。',
    );
    const after: { slot_index: number; table_label: string }[] = await meetingsOf(eventId);
    expect(after.map((m) => `${m.slot_index} ${m.table_label}`).sort()).toEqual([
      '0 B-01',
      '1 B-01',
      '2 B-01',
    ]);
  });

  it('gives one company of a shared booth its own, taking back the placements not yet published there', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'じょうなん ものづくり商談会',
      capacity: null,
      startsAt: tokyoInDays(22, '10:00'),
      endsAt: tokyoInDays(22, '17:00'),
    });
    await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(22, '13:00'),
      slotMinutes: 20,
      slotCount: 3,
      mode: 'BOOTHS',
    });
    const kojiya = await createParticipant(t, organizer, {
      name: '糀谷 二郎',
      company: { name: '株式会社糀谷金属' },
    });
    const haneda = await createParticipant(t, organizer, {
      name: '羽田 三郎',
      company: { name: '有限会社羽田精機' },
    });
    const buyers = await Promise.all(
      ['大森 花子', '蒲田 一郎', '池上 桃子'].map((name) => createParticipant(t, organizer, { name })),
    );
    const registrationOf: Record<string, string> = {};
    for (const [person, booth] of [
      [kojiya, 'B-01'],
      [haneda, 'B-10'],
      ...buyers.map((buyer) => [buyer, null] as const),
    ] as const)
      registrationOf[person.id] = ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId, participantId: person.id, ...(booth ? { role: 'EXHIBITOR', booth } : {}) },
          organizer,
        ),
      ).register.id;
    // 羽田精機's booth as stored before B-1 and B-01 were one booth: 「B-1」, beside 糀谷金属's 「B-01」.
    await t.dataSource.query(`UPDATE registrations SET booth = 'B-1' WHERE id = $1`, [
      registrationOf[haneda.id],
    ]);
    const atKojiya = await agreeMeeting(t, eventId, buyers[0].id, kojiya.id);
    const atHaneda = [
      await agreeMeeting(t, eventId, buyers[1].id, haneda.id),
      await agreeMeeting(t, eventId, buyers[2].id, haneda.id),
    ];
    const shared = await scheduleAndFinish(eventId);
    expect(shared).toMatchObject({ status: 'SUCCEEDED', scheduledCount: 3 });
    // Written as the first of the two the run read (by participant id): either is the one booth.
    expect(shared.warnings).toMatchObject([
      { code: 'BOOTH_SHARED', booth: expect.stringMatching(/^B-0?1$/) },
    ]);
    const placed = async () =>
      Object.fromEntries(
        (
          (await t.dataSource.query(
            `SELECT request_id, slot_index, table_label FROM meetings
              WHERE event_id = $1 AND status = 'SCHEDULED' ORDER BY request_id`,
            [eventId],
          )) as { request_id: string; slot_index: number; table_label: string }[]
        ).map((row) => [row.request_id, `${row.slot_index} ${row.table_label}`]),
      );
    const kojiyaMeeting = (await placed())[atKojiya];
    expect(kojiyaMeeting).toMatch(/^\d B-0?1$/);

    // Staff follow the warning before publishing: 羽田精機 is at B-10 on the floor plan.
    const UPDATE = `mutation($id: ID!, $input: UpdateRegistrationInput!) {
      updateRegistration(id: $id, input: $input) { booth placementsRemoved }
    }`;
    const moved = ok(
      await t.gql<{ updateRegistration: { booth: string; placementsRemoved: number } }>(
        UPDATE,
        { id: registrationOf[haneda.id], input: { booth: 'B-10' } },
        organizer,
      ),
    ).updateRegistration;
    expect(moved).toEqual({ booth: 'B-10', placementsRemoved: 2 });
    // Its two placements are agreed and not placed again; 糀谷金属's stays where it was.
    expect(await placed()).toEqual({ [atKojiya]: kojiyaMeeting });
    const requests: { id: string; status: string }[] = await t.dataSource.query(
      'SELECT id, status FROM meeting_requests WHERE id = ANY($1::uuid[]) ORDER BY id',
      [atHaneda],
    );
    expect(requests.map((request) => request.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(
      await t.dataSource.query(
        `SELECT count(*)::int AS sides FROM meeting_participants WHERE event_id = $1 AND participant_id = $2`,
        [eventId, haneda.id],
      ),
    ).toEqual([{ sides: 0 }]);
    // The floor sheet lists them as agreed without a time, nobody having been told one.
    const sheet = await fetchCsv(t, `/exports/events/${eventId}/meetings.csv`, organizer);
    const header = sheet.lines[0].split(',');
    const lineOf = (requestId: string) => {
      const cells = sheet.lines.find((line) => line.endsWith(`,${requestId}`))?.split(',') ?? [];
      return ['場所', '状態', '公開', '面談ID'].map((column) => cells[header.indexOf(column)]);
    };
    for (const requestId of atHaneda)
      expect(lineOf(requestId)).toEqual(['未定', '面談成立・時間未定', '未公開', '']);
    expect(lineOf(atKojiya).slice(0, 3)).toEqual([`ブース ${kojiyaMeeting.split(' ')[1]}`, '予定', '未公開']);
    // Their agendas show nothing: no schedule was published.
    const agenda = ok(
      await t.gql<{ myAgenda: { meetings: unknown[]; unscheduled: unknown[] } }>(
        'query($e: ID!) { myAgenda(eventId: $e) { meetings { id } unscheduled { requestId } } }',
        { e: eventId },
        await t.participantToken(haneda.id),
      ),
    ).myAgenda;
    expect(agenda).toEqual({ meetings: [], unscheduled: [] });

    // The next run places them at B-10, and has nothing to warn of.
    const again = await scheduleAndFinish(eventId);
    expect(again).toMatchObject({ status: 'SUCCEEDED', scheduledCount: 3, warnings: [] });
    const replaced = await placed();
    expect(atHaneda.map((id) => replaced[id]?.split(' ')[1])).toEqual(['B-10', 'B-10']);

    // Once published, people were told to come to B-10: the booth stays until those are cancelled.
    ok(
      await t.gql(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }',
        { e: eventId },
        organizer,
      ),
    );
    const refused = failure(
      await t.gql(UPDATE, { id: registrationOf[haneda.id], input: { booth: 'B-11' } }, organizer),
    );
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REGISTRATION_BOOTH_HAS_MEETINGS',
      field: 'booth',
    });
    expect(refused.message).toContain(
      '公開済み（参加者にお知らせ済み）の面談が配置済みのため、ブースは変更できません',
    );
    expect(await placed()).toEqual(replaced);
    expect(
      await t.dataSource.query('SELECT booth FROM registrations WHERE id = $1', [registrationOf[haneda.id]]),
    ).toEqual([{ booth: 'B-10' }]);
  });

  it('refuses to move a meeting into a slot its booth already has under another spelling', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'じょうなん 受発注商談会',
      capacity: null,
      startsAt: tokyoInDays(23, '10:00'),
      endsAt: tokyoInDays(23, '17:00'),
    });
    const sessionId = await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(23, '13:00'),
      slotMinutes: 20,
      slotCount: 3,
      mode: 'BOOTHS',
    });
    const kojiya = await createParticipant(t, organizer, { company: { name: '株式会社糀谷金属' } });
    const haneda = await createParticipant(t, organizer, { company: { name: '有限会社羽田精機' } });
    const buyerA = await createParticipant(t, organizer);
    const buyerB = await createParticipant(t, organizer);
    for (const [id, booth] of [
      [kojiya.id, 'B-01'],
      [haneda.id, 'B-10'],
      [buyerA.id, null],
      [buyerB.id, null],
    ] as const)
      ok(
        await t.gql(
          registerMutation(),
          { eventId, participantId: id, ...(booth ? { role: 'EXHIBITOR', booth } : {}) },
          organizer,
        ),
      );
    const place = async (requestId: string, slotIndex: number) =>
      ok(
        await t.gql<{ placeMeeting: { id: string; table: string } }>(
          'mutation($r: ID!, $s: ID!, $i: Int!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: $i) { id table } }',
          { r: requestId, s: sessionId, i: slotIndex },
          organizer,
        ),
      ).placeMeeting;
    expect((await place(await agreeMeeting(t, eventId, buyerA.id, kojiya.id), 0)).table).toBe('B-01');
    const atHaneda = await place(await agreeMeeting(t, eventId, buyerB.id, haneda.id), 1);
    // Older data: 羽田精機 holds 「B-1」 and its meeting is written there, beside 糀谷金属's 「B-01」.
    await t.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE registrations SET booth = 'B-1' WHERE event_id = $1 AND participant_id = $2`,
        [eventId, haneda.id],
      );
      await manager.query(`UPDATE meetings SET table_label = 'B-1' WHERE id = $1`, [atHaneda.id]);
    });
    const before = await meetingsOf(eventId);

    const moveTo = (slotIndex: number) =>
      t.gql<{ moveMeeting: { table: string } }>(
        'mutation($id: ID!, $s: ID!, $i: Int!) { moveMeeting(id: $id, sessionId: $s, slotIndex: $i) { table } }',
        { id: atHaneda.id, s: sessionId, i: slotIndex },
        organizer,
      );
    const refused = failure(await moveTo(0));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEETING_SLOT_TAKEN',
      field: 'slotIndex',
    });
    expect(refused.message).toBe('この時間枠は埋まっています（ブース B-01 に別の面談があります）');
    expect(await meetingsOf(eventId)).toEqual(before);
    // A slot the booth has free is fine.
    expect(ok(await moveTo(2)).moveMeeting.table).toBe('B-1');
  });

  it('does not warn of colleagues of one company at one booth', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'じょうなん 販路開拓商談会',
      capacity: null,
      startsAt: tokyoInDays(21, '10:00'),
      endsAt: tokyoInDays(21, '17:00'),
    });
    await addMatchmakingSession(t, organizer, {
      eventId,
      startsAt: tokyoInDays(21, '13:00'),
      slotMinutes: 20,
      slotCount: 2,
      mode: 'BOOTHS',
    });
    const company = { name: '株式会社六郷工業' };
    const first = await createParticipant(t, organizer, { company });
    const colleague = await createParticipant(t, organizer, { company });
    const buyer = await createParticipant(t, organizer);
    for (const [id, booth] of [
      [first.id, 'C-02'],
      [colleague.id, 'C-02'],
      [buyer.id, null],
    ] as const)
      ok(
        await t.gql(
          registerMutation(),
          { eventId, participantId: id, ...(booth ? { role: 'EXHIBITOR', booth } : {}) },
          organizer,
        ),
      );
    // The colleague's booth as stored before: 「C-2」.
    await t.dataSource.query(
      `UPDATE registrations SET booth = 'C-2' WHERE event_id = $1 AND participant_id = $2`,
      [eventId, colleague.id],
    );
    await agreeMeeting(t, eventId, buyer.id, first.id);
    const run = await scheduleAndFinish(eventId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', scheduledCount: 1, warnings: [] });
  });
});
