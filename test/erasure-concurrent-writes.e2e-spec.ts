import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { UnsubscribeLinks } from '../src/mail/unsubscribe-links';
import {
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventEarlier,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { untilWaitingForLocks } from './support/lock-waits';

const ERASE = 'mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }';

/**
 * 個人情報の削除 while a write to the same person is under way: the person saving their profile
 * in a session that was still valid when they pressed the button, staff correcting them in the
 * pool, the link in an email. Each test holds the erasure open at its last step (its transaction
 * has anonymised the row and deleted the 変更履歴 by then) while the write starts and queues
 * behind it, then lets the erasure commit: the write must then find the person erased, and leave
 * the row anonymised with no history that names them.
 */
describe('writes to a participant while an admin erases them', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let organizationId: string;

  beforeAll(async () => {
    t = await createTestApp({ WORKER_IN_PROCESS: 'false' });
    admin = await staffSession(t, Role.ADMIN, null);
    organizationId = await createOrganization(t, admin, {
      name: '墨田区産業振興課',
      kind: 'MUNICIPALITY',
    });
    organizer = await staffSession(t, Role.ORGANIZER, organizationId);
  });
  afterAll(async () => {
    await t?.close();
  });

  const person = (input: Record<string, unknown> = {}) =>
    createParticipant(t, organizer, {
      name: '錦糸 正子',
      furigana: 'キンシ マサコ',
      title: '専務取締役',
      phone: '03-5555-0101',
      offersText: '金属プレスの試作を承ります',
      company: { name: '錦糸プレス工業株式会社' },
      ...input,
    });

  const untilWaiting = (count: number) => untilWaitingForLocks(t.dataSource, count);

  /**
   * Erases `participantId` with its transaction held open at its last step (deleting the ids of
   * profiles merged into theirs: the table is held in SHARE mode), starts `write`, which queues
   * behind the erasure, and lets the erasure commit. Answers what each got.
   */
  async function duringErasure<T>(participantId: string, write: () => Promise<T>) {
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query('LOCK TABLE merged_participants IN SHARE MODE');
      const erased = t.gql(ERASE, { id: participantId }, admin);
      await untilWaiting(1);
      const written = write();
      await untilWaiting(2);
      await holder.commitTransaction();
      return { erased: await erased, written: await written };
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  }

  /** The row and its history as the database holds them: anonymised, with nothing recorded. */
  async function expectErased(participantId: string) {
    const [row]: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT name, furigana, email, title, phone, offers_text, company_id, email_opt_out
         FROM participants WHERE id = $1`,
      [participantId],
    );
    expect(row).toEqual({
      name: '（削除済み）',
      furigana: 'サクジョズミ',
      email: `erased-${participantId}@invalid`,
      title: null,
      phone: null,
      offers_text: '',
      company_id: null,
      email_opt_out: true,
    });
    expect(
      await t.dataSource.query('SELECT changes FROM participant_profile_changes WHERE participant_id = $1', [
        participantId,
      ]),
    ).toEqual([]);
  }

  it("refuses the person's own profile save, which leaves the erased row as it is", async () => {
    const subject = await person();
    const session = await t.participantToken(subject.id);
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql(
        `mutation { updateMyProfile(input: { name: "錦糸 正子", phone: "090-7777-0202", title: "代表取締役",
           offersText: "精密プレスの量産も承ります", company: { name: "錦糸プレス工業株式会社" } }) { id } }`,
        {},
        session,
      ),
    );
    ok(erased);
    await expectErased(subject.id);
    const refusal = failure(written);
    expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARTICIPANT_ERASED' });
    expect(refusal.message).toBe(
      'このプロフィールの個人情報は削除されたため、変更やお申込はお受けできません',
    );
    // Their session ended with the erasure, as any request of it now says.
    expect(failure(await t.gql('{ me { __typename } }', {}, session)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
  });

  it('creates anew a person that staff upsert under the address the erased one had', async () => {
    const subject = await person();
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql<{ upsertParticipant: { id: string; name: string } }>(
        'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id name } }',
        {
          input: {
            email: subject.email,
            name: '錦糸 正子',
            furigana: 'キンシ マサコ',
            phone: '090-7777-0202',
            company: { name: '錦糸プレス工業株式会社' },
          },
        },
        organizer,
      ),
    );
    ok(erased);
    const { upsertParticipant } = ok(written);
    expect(upsertParticipant.id).not.toBe(subject.id);
    await expectErased(subject.id);
    // The new profile starts with no history: nothing of the erased one was read into it.
    expect(
      await t.dataSource.query('SELECT changes FROM participant_profile_changes WHERE participant_id = $1', [
        upsertParticipant.id,
      ]),
    ).toEqual([]);
  });

  it("refuses staff's correction of the address, and tells the old address nothing", async () => {
    const subject = await person();
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql(
        'mutation($p: ID!, $e: String!) { changeParticipantEmail(participantId: $p, email: $e) { resentEmails } }',
        { p: subject.id, e: 'kinshi@kinshi-press.example' },
        organizer,
      ),
    );
    ok(erased);
    await expectErased(subject.id);
    expect(failure(written).extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PARTICIPANT_NOT_FOUND' });
    expect(
      await t.dataSource.query(
        'SELECT template FROM outbox_messages WHERE participant_id = $1 AND to_address IS NOT NULL',
        [subject.id],
      ),
    ).toEqual([]);
  });

  it('refuses the address change the person asks for, and keeps no new address', async () => {
    const subject = await person({ locale: 'en' });
    const session = await t.participantToken(subject.id);
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql('mutation { requestEmailChange(email: "masako@kinshi-press.example") }', {}, session),
    );
    ok(erased);
    await expectErased(subject.id);
    expect(
      await t.dataSource.query('SELECT new_email FROM email_change_requests WHERE participant_id = $1', [
        subject.id,
      ]),
    ).toEqual([]);
    expect(
      await t.dataSource.query(
        'SELECT template FROM outbox_messages WHERE participant_id = $1 AND status = $2',
        [subject.id, 'PENDING'],
      ),
    ).toEqual([]);
    const refusal = failure(written);
    expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARTICIPANT_ERASED' });
    // Said in the language of the session that asked.
    expect(refusal.message).toBe(
      'The personal data of this profile has been erased: it can no longer be changed or used for requests.',
    );
  });

  it("leaves an erased person's email stopped when their unsubscribe link resumes it", async () => {
    const subject = await person();
    const link = t.app.get(UnsubscribeLinks).token(subject.id);
    expect((await fetch(`${t.url}/unsubscribe/${link}`, { method: 'POST' })).status).toBe(200);
    const { erased, written } = await duringErasure(subject.id, () =>
      fetch(`${t.url}/unsubscribe/${link}/resubscribe`, { method: 'POST' }),
    );
    ok(erased);
    await expectErased(subject.id);
    // The page says the link is not valid, as it does for an erased person's link at any time.
    expect(written.status).toBe(400);
  });

  /**
   * `subject` and another person, both seated at an event already over: the erasure leaves such an
   * event as it was (for the figures), so it locks neither the event nor the seats there, and a
   * write at it meets only the person's own row.
   */
  async function atEventOver(subject: { id: string }) {
    const other = await person({ name: '亀戸 一郎', company: { name: '亀戸精機株式会社' } });
    const eventId = await createPublishedEvent(t, organizer, { title: 'すみだ 交流サロン（第3回）' });
    for (const participantId of [subject.id, other.id])
      ok(await t.gql(registerMutation(), { eventId, participantId }, organizer));
    await moveEventEarlier(t, eventId, 30);
    return { eventId, other };
  }

  const SUBMIT_SURVEY =
    'mutation($token: String!, $input: SurveyAnswerInput!) { submitSurvey(token: $token, input: $input) { updated } }';

  /** The link of the survey sent to `participantId` about the event they attended. */
  async function surveyLink(eventId: string, participantId: string) {
    const [{ id }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, participantId],
    );
    const [link] = await t.app
      .get(ActionTokensService)
      .mint(t.dataSource.manager, [
        { purpose: TokenPurpose.SURVEY_ANSWER, subjectId: id, expiresAt: new Date(Date.now() + 86_400_000) },
      ]);
    return link;
  }

  it('refuses the meeting request the person sends, and keeps no message of theirs', async () => {
    const subject = await person();
    const { eventId, other } = await atEventOver(subject);
    const session = await t.participantToken(subject.id);
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql(
        'mutation($e: ID!, $to: ID!, $m: String) { requestMeeting(eventId: $e, toParticipantId: $to, message: $m) { id } }',
        { e: eventId, to: other.id, m: '錦糸プレスの錦糸です。試作の件でお話ししたいです' },
        session,
      ),
    );
    ok(erased);
    await expectErased(subject.id);
    expect(failure(written).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARTICIPANT_ERASED' });
    expect(
      await t.dataSource.query('SELECT message FROM meeting_requests WHERE from_participant_id = $1', [
        subject.id,
      ]),
    ).toEqual([]);
  });

  it('refuses the mini-salon request the person sends, and keeps none of their words', async () => {
    const subject = await person();
    const session = await t.participantToken(subject.id);
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql(
        `mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }`,
        {
          input: {
            organizationId,
            theme: '事業承継',
            area: '東京都墨田区',
            preferredFrom: day(20),
            preferredTo: day(50),
            expectedParticipants: 8,
            groupName: '錦糸町プレス同友会',
            message: '錦糸プレスの後継者として、同じ立場の方と話したいです',
          },
        },
        session,
      ),
    );
    ok(erased);
    await expectErased(subject.id);
    expect(failure(written).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARTICIPANT_ERASED' });
    expect(
      await t.dataSource.query(
        'SELECT message, group_name FROM mini_salon_requests WHERE requested_by_id = $1',
        [subject.id],
      ),
    ).toEqual([]);
  });

  it('refuses the agenda the person marks seen, and keeps no record of it', async () => {
    const subject = await person();
    const { eventId, other } = await atEventOver(subject);
    // Agreed while the event was still to come: moved back to then, and over again once agreed.
    await moveEventEarlier(t, eventId, -30);
    await agreeMeeting(t, eventId, subject.id, other.id);
    await moveEventEarlier(t, eventId, 30);
    const session = await t.participantToken(subject.id);
    const { myAgenda } = ok(
      await t.gql<{ myAgenda: { version: string } }>(
        'query($e: ID!) { myAgenda(eventId: $e) { version } }',
        { e: eventId },
        session,
      ),
    );
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql(
        'mutation($e: ID!, $v: String!) { markAgendaSeen(eventId: $e, version: $v) { version } }',
        { e: eventId, v: myAgenda.version },
        session,
      ),
    );
    ok(erased);
    await expectErased(subject.id);
    expect(failure(written).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARTICIPANT_ERASED' });
    expect(
      await t.dataSource.query('SELECT agenda FROM agenda_views WHERE participant_id = $1', [subject.id]),
    ).toEqual([]);
  });

  it('refuses the survey answer the person sends from their link, and keeps none of it', async () => {
    const subject = await person();
    const { eventId } = await atEventOver(subject);
    const link = await surveyLink(eventId, subject.id);
    const { erased, written } = await duringErasure(subject.id, () =>
      t.gql(SUBMIT_SURVEY, {
        token: link,
        input: { gainedOpportunities: true, satisfaction: 4, comment: '亀戸精機さんと試作の話が進みました' },
      }),
    );
    ok(erased);
    await expectErased(subject.id);
    expect(failure(written).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARTICIPANT_ERASED' });
    expect(
      await t.dataSource.query('SELECT comment FROM survey_responses WHERE participant_id = $1', [
        subject.id,
      ]),
    ).toEqual([]);
  });

  it("lets the erasure through a survey answer sent from the person's link, and keeps no comment of theirs", async () => {
    const subject = await person();
    const { eventId } = await atEventOver(subject);
    const link = await surveyLink(eventId, subject.id);
    // The answer is held at its write (the table is held against it) with whatever it locked
    // before; the erasure comes meanwhile and waits too. Had the answer taken the link before the
    // person's row, the erasure would hold the row and wait for the link, the answer hold the
    // link and wait for the row: a deadlock, and Postgres would fail one of them.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query('LOCK TABLE survey_responses IN SHARE ROW EXCLUSIVE MODE');
      const written = t.gql<{ submitSurvey: { updated: boolean } }>(SUBMIT_SURVEY, {
        token: link,
        input: {
          gainedOpportunities: true,
          satisfaction: 4,
          comment: '錦糸プレスの錦糸です。亀戸精機さんと試作の話が進みました',
        },
      });
      await untilWaiting(1);
      const erased = t.gql(ERASE, { id: subject.id }, admin);
      await untilWaiting(2);
      await holder.commitTransaction();
      ok(await erased);
      // The answer came first and stands; the erasure then cleared its words, as it does any
      // answer they gave, and keeps the scores for the event's figures.
      expect(ok(await written).submitSurvey).toEqual({ updated: false });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    await expectErased(subject.id);
    expect(
      await t.dataSource.query(
        'SELECT satisfaction, gained_opportunities, comment FROM survey_responses WHERE participant_id = $1',
        [subject.id],
      ),
    ).toEqual([{ satisfaction: 4, gained_opportunities: true, comment: '' }]);
    // Their link went with the erasure.
    expect(
      await t.app.get(ActionTokensService).find(t.dataSource.manager, TokenPurpose.SURVEY_ANSWER, link),
    ).toBeNull();
  });
});
