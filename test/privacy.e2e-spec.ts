import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { fiscalYearOf } from '../src/common/japan/fiscal-year';
import { senderAddress } from '../src/config/app-config';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  DEFAULT_CONTACT_EMAIL,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { asRecordedInItsYear, RECORDED_LATE } from './support/deal-corrections';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const EVENT = 'event { id title kind venue startsAt endsAt }';
const PERSON = 'name erased companyName email phone';
const MY_DATA = `exportedAt
  profile { id email name furigana title phone kind locale offers needs themes tags offersText needsText
    consentMatchmaking consentEmail consentContactSharing emailOptOut emailOptOutAt emailSuppressedAt createdAt updatedAt
    lastUpdate { at byName byOrganization bySelf }
    company { id name corporateNumber industry industryName municipality employees description createdAt updatedAt } }
  profileChanges { at byName byOrganization bySelf fields { field label before after } companyName }
  registrations { id ${EVENT} status statusLabel role booth registeredAt waitlistedAt checkedInAt createdAt }
  mergedProfiles { id name companyName mergedAt }
  meetingRequestsSent { id ${EVENT} other { ${PERSON} } message reply status statusLabel autoAccepted expiresAt respondedAt
    mergedProfileId continuedAsId createdAt }
  meetingRequestsReceived { id ${EVENT} other { ${PERSON} } message reply status statusLabel autoAccepted expiresAt respondedAt
    mergedProfileId continuedAsId createdAt }
  meetings { id ${EVENT} other { ${PERSON} } startsAt endsAt sessionName table status statusLabel noShow }
  suggestions { id ${EVENT} suggested { ${PERSON} } rank score reasons dismissed createdAt }
  surveyAnswers { ${EVENT} gainedOpportunities satisfaction comment answeredAt updatedAt }
  emails { id template ${EVENT} status statusLabel skipReason toAddress createdAt sentAt }
  emailChangeRequests { newEmail createdAt confirmedAt replacedAt calledOffAt calledOffReason }
  agendaViews { ${EVENT} seenAt }
  miniSalonRequests { id organizationId organizationName requestedById requestedByName requestedByCompany groupName theme area
    preferredFrom preferredTo expectedParticipants message status statusLabel declineReason eventId decidedAt createdAt }
  deals { id ${EVENT} other { ${PERSON} } organizationName type typeLabel stage stageLabel title amountYen
    startedOn closedOn notes createdAt updatedAt }
  followUps { id organizationName dealId kindLabel dueOn notes result statusLabel doneAt cancelledAt createdAt }
  dealCount
  json`;
const ERASURE = `participantId erasedAt registrationsCancelled meetingsCancelled meetingRequestsWithdrawn
  meetingRequestMessagesCleared suggestionsDeleted actionTokensDeleted emailsSkipped surveyCommentsDeleted
  miniSalonRequestsWithdrawn profileChangesDeleted emailChangeRequestsDeleted followUpsCancelled notesRedacted`;
const REPORT = `registrations { total byStatus { status count } } meetings { total byStatus { status count } }
  deals { total amountYen byStage { stage count amountYen } }`;

type Person = {
  name: string;
  erased: boolean;
  companyName: string | null;
  email: string | null;
  phone: string | null;
};
type SentOrReceived = {
  other: Person;
  message: string;
  reply: string;
  status: string;
  mergedProfileId: string | null;
};
interface MyData {
  profile: Record<string, unknown> & { company: Record<string, unknown> | null };
  mergedProfiles: { id: string; name: string | null; companyName: string | null; mergedAt: string }[];
  profileChanges: { fields: { field: string; after: string }[]; companyName: string | null }[];
  registrations: { event: { title: string }; status: string; statusLabel: string; role: string }[];
  meetingRequestsSent: SentOrReceived[];
  meetingRequestsReceived: SentOrReceived[];
  meetings: { event: { title: string }; other: Person; table: string; status: string; sessionName: string }[];
  suggestions: { suggested: Person; reasons: string[]; rank: number }[];
  surveyAnswers: { satisfaction: number; comment: string }[];
  emails: { template: string; status: string; sentAt: string | null }[];
  miniSalonRequests: {
    theme: string;
    area: string;
    status: string;
    groupName: string | null;
    message: string;
  }[];
  deals: Record<string, unknown>[];
  followUps: Record<string, unknown>[];
  dealCount: number;
  json: string;
}

/**
 * 個人情報の開示・削除: a participant downloads everything held about them (other people's
 * contact details only where both agreed to meet), and an admin erases a participant: the person
 * is gone, their sessions end, and every figure about the past stays as it was.
 */
describe('participant privacy: exportMyData and eraseParticipant', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let orgId: string;
  let staff: string;
  let pastEventId: string;
  let futureEventId: string;
  let pastRegistrationId: string;
  let subjectToken: string;
  let magicLinkToken: string;
  let otherPersonsToken: string;
  const people: Record<'subject' | 'partner' | 'stranger' | 'waiting', { id: string; email: string }> =
    {} as never;
  const followUpDue = tokyoInDays(30, '00:00').slice(0, 10);

  beforeAll(async () => {
    // No worker: emails stay PENDING in the outbox, where an erasure must find them.
    t = await createTestApp({ WORKER_IN_PROCESS: 'false' });
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, { name: '葛飾区産業経済課', kind: 'MUNICIPALITY' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    staff = await staffSession(t, Role.STAFF, orgId);

    people.subject = await createParticipant(t, organizer, {
      name: '髙橋 一郎',
      furigana: 'タカハシ イチロウ',
      title: '代表取締役',
      phone: '03-1234-5678',
      kind: 'SUCCESSOR',
      offers: ['精密板金'],
      needs: ['販路開拓'],
      tags: ['2025サロン参加'],
      offersText: '試作から量産まで対応します',
      company: { name: '髙橋精密工業株式会社', corporateNumber: '3013105001132', industry: 'E' },
    });
    people.partner = await createParticipant(t, organizer, {
      name: '山﨑 花子',
      phone: '090-1111-2222',
      consentContactSharing: true,
      company: { name: '山﨑デザイン事務所' },
    });
    people.stranger = await createParticipant(t, organizer, {
      name: '佐藤 次郎',
      phone: '080-3333-4444',
      consentContactSharing: true,
      company: { name: '佐藤食品' },
    });
    people.waiting = await createParticipant(t, organizer, { name: '待機 三郎' });
    subjectToken = await t.participantToken(people.subject.id);

    const matchingEvent = async (title: string, days: number, capacity: number) => {
      const eventId = await createPublishedEvent(t, organizer, {
        kind: 'BUSINESS_MATCHING',
        title,
        capacity,
        startsAt: tokyoInDays(days, '13:00'),
        endsAt: tokyoInDays(days, '17:00'),
      });
      const sessionId = ok(
        await t.gql<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
          'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
          {
            input: {
              eventId,
              name: '午後の部',
              startsAt: tokyoInDays(days, '14:00'),
              slotMinutes: 20,
              slotCount: 3,
              tableCount: 2,
            },
          },
          organizer,
        ),
      ).addMatchmakingSession.sessions[0].id;
      return { eventId, sessionId };
    };
    const register = async (eventId: string, participantId: string) =>
      ok(
        await t.gql<{ register: { id: string; status: string } }>(
          registerMutation('id status'),
          { eventId, participantId },
          organizer,
        ),
      ).register;
    const requestMeeting = async (eventId: string, from: string, to: string, message: string) =>
      ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($e: ID!, $to: ID!, $m: String) { requestMeeting(eventId: $e, toParticipantId: $to, message: $m) { id } }',
          { e: eventId, to, m: message },
          await t.participantToken(from),
        ),
      ).requestMeeting.id;
    const agreeAndPlace = async (requestId: string, to: string, sessionId: string, reply?: string) => {
      ok(
        await t.gql(
          'mutation($id: ID!, $m: String) { respondToMeetingRequest(id: $id, accept: true, message: $m) { id } }',
          { id: requestId, m: reply },
          await t.participantToken(to),
        ),
      );
      return ok(
        await t.gql<{ placeMeeting: { id: string } }>(
          'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0, table: "1") { id } }',
          { r: requestId, s: sessionId },
          organizer,
        ),
      ).placeMeeting.id;
    };

    // The past: a 商談会 they attended, with a held meeting, a deal and a survey answer; then closed.
    const past = await matchingEvent('かつしか ものづくり商談会 2026春', 3, 50);
    pastEventId = past.eventId;
    pastRegistrationId = (await register(pastEventId, people.subject.id)).id;
    await register(pastEventId, people.partner.id);
    const pastRequest = await requestMeeting(
      pastEventId,
      people.subject.id,
      people.partner.id,
      '試作品のデザインについてご相談したいです',
    );
    const heldMeeting = await agreeAndPlace(
      pastRequest,
      people.partner.id,
      past.sessionId,
      '図面をお持ちいただけると助かります',
    );
    await moveEventEarlier(t, pastEventId, 4);
    ok(await t.gql('mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', { id: heldMeeting }, organizer));
    ok(
      await t.gql(
        'mutation($id: ID!) { checkIn(registrationId: $id) { status } }',
        { id: pastRegistrationId },
        organizer,
      ),
    );
    const dealId = ok(
      await t.gql<{ recordDeal: { id: string } }>(
        'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
        {
          input: {
            meetingId: heldMeeting,
            type: 'ORDER',
            title: '試作部品 500 個',
            // Talks begun today, after yesterday's meeting: in this 年度 even on 1 April, when one
            // begun on the meeting's day would be in the year that ended and need a reason.
            startedOn: tokyoInDays(0, '00:00').slice(0, 10),
            amountYen: 1200000,
            notes: '図面は受領済み',
          },
        },
        staff,
      ),
    ).recordDeal.id;
    ok(
      await t.gql(
        'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
        { input: { dealId, dueOn: followUpDue, notes: '量産の見積もりの進み具合を確認' } },
        staff,
      ),
    );
    ok(await t.gql('mutation($id: ID!) { closeEvent(id: $id) { status } }', { id: pastEventId }, organizer));
    await t.dataSource.query(
      `INSERT INTO survey_responses (registration_id, event_id, participant_id, gained_opportunities, satisfaction, comment)
       VALUES ($1, $2, $3, true, 5, '山﨑さんとの試作の話が進みました')`,
      [pastRegistrationId, pastEventId, people.subject.id],
    );

    // Still to come: a full 商談会 (someone waits for a seat), an agreed meeting, a request from a stranger.
    const future = await matchingEvent('かつしか ものづくり商談会 2026秋', 10, 3);
    futureEventId = future.eventId;
    await register(futureEventId, people.subject.id);
    await register(futureEventId, people.partner.id);
    await register(futureEventId, people.stranger.id);
    expect((await register(futureEventId, people.waiting.id)).status).toBe('WAITLISTED');
    const agreed = await requestMeeting(
      futureEventId,
      people.subject.id,
      people.partner.id,
      '量産の件で続きをお話ししたいです',
    );
    await agreeAndPlace(agreed, people.partner.id, future.sessionId);
    const pending = await requestMeeting(futureEventId, people.stranger.id, people.subject.id, '販路の件で');

    const [run] = await t.dataSource.query(
      `INSERT INTO matching_runs (event_id, status) VALUES ($1, 'SUCCEEDED') RETURNING id`,
      [futureEventId],
    );
    const suggestionIds: { id: string }[] = await t.dataSource.query(
      `INSERT INTO suggestions (event_id, participant_id, suggested_participant_id, rank, score, reasons, run_id)
       VALUES ($1, $2, $3, 1, 0.83, '["御社の『販路開拓』のニーズに、佐藤食品の『食品卸』が合います"]', $4),
              ($1, $3, $2, 1, 0.71, '["異業種の組み合わせです"]', $4)
       RETURNING id`,
      [futureEventId, people.subject.id, people.stranger.id, run.id],
    );
    await t.dataSource.query(
      `INSERT INTO outbox_messages (key, template, participant_id, event_id, status, sent_at)
       VALUES ('privacy-test-sent', 'invitation', $1, $2, 'SENT', now())`,
      [people.subject.id, pastEventId],
    );
    const expiresAt = new Date(Date.now() + 86_400_000);
    const tokens = t.app.get(ActionTokensService);
    [magicLinkToken] = await tokens.mint(t.dataSource.manager, [
      { purpose: TokenPurpose.MAGIC_LINK, subjectId: people.subject.id, expiresAt },
      { purpose: TokenPurpose.SURVEY_ANSWER, subjectId: pastRegistrationId, expiresAt },
      { purpose: TokenPurpose.MEETING_RESPONSE, subjectId: pending, expiresAt },
      { purpose: TokenPurpose.SUGGESTION_MEETING_REQUEST, subjectId: suggestionIds[1].id, expiresAt },
    ]);
    ok(
      await t.gql(
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
        {
          input: {
            organizationId: orgId,
            theme: '事業承継',
            area: '東京都葛飾区',
            preferredFrom: tokyoInDays(40, '00:00').slice(0, 10),
            preferredTo: tokyoInDays(70, '00:00').slice(0, 10),
            expectedParticipants: 8,
            groupName: '葛飾区若手経営者の会',
            message: '後継者どうしで話せる場がほしいです',
          },
        },
        subjectToken,
      ),
    );
    [otherPersonsToken] = await tokens.mint(t.dataSource.manager, [
      { purpose: TokenPurpose.MAGIC_LINK, subjectId: people.stranger.id, expiresAt },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const exportMyData = (token: string | undefined) =>
    t.gql<{ exportMyData: MyData }>(`query { exportMyData { ${MY_DATA} } }`, {}, token);
  const erase = (id: string, token: string | undefined = admin) =>
    t.gql<{ eraseParticipant: Record<string, unknown> }>(
      `mutation($id: ID!) { eraseParticipant(id: $id) { ${ERASURE} } }`,
      { id },
      token,
    );
  const eventReport = async (eventId: string) =>
    ok(
      await t.gql<{ eventReport: Record<string, unknown> }>(
        `query($eventId: ID!) { eventReport(eventId: $eventId) { ${REPORT} } }`,
        { eventId },
        organizer,
      ),
    ).eventReport;
  const rowsOf = async (sql: string, parameters: unknown[] = [people.subject.id]) =>
    (await t.dataSource.query(sql, parameters)) as Record<string, unknown>[];

  it('gives a participant everything held about them, as typed fields and as the same JSON', async () => {
    const data = ok(await exportMyData(subjectToken)).exportMyData;

    expect(data.profile).toMatchObject({
      id: people.subject.id,
      email: people.subject.email,
      name: '髙橋 一郎',
      furigana: 'タカハシ イチロウ',
      title: '代表取締役',
      phone: '03-1234-5678',
      kind: 'SUCCESSOR',
      tags: ['2025サロン参加'],
      offersText: '試作から量産まで対応します',
      consentEmail: true,
      emailOptOut: false,
      emailSuppressedAt: null,
      company: { name: '髙橋精密工業株式会社', corporateNumber: '3013105001132', industryName: '製造業' },
      // Who last changed the profile: the organisation's staff member who entered it.
      lastUpdate: { byName: 'テスト 担当', byOrganization: '葛飾区産業経済課', bySelf: false },
    });
    // No other profile of theirs was merged into this one.
    expect(data.mergedProfiles).toEqual([]);
    expect(data.registrations.map((r) => [r.event.title, r.status, r.statusLabel, r.role])).toEqual([
      ['かつしか ものづくり商談会 2026春', 'ATTENDED', '出席', 'VISITOR'],
      ['かつしか ものづくり商談会 2026秋', 'REGISTERED', '参加登録済', 'VISITOR'],
    ]);
    expect(data.meetings.map((m) => [m.event.title, m.other.name, m.sessionName, m.table, m.status])).toEqual(
      [
        ['かつしか ものづくり商談会 2026春', '山﨑 花子', '午後の部', '1', 'HELD'],
        ['かつしか ものづくり商談会 2026秋', '山﨑 花子', '午後の部', '1', 'SCHEDULED'],
      ],
    );
    // They agreed to meet and she consented to share them: her contact details are theirs to keep.
    expect(data.meetingRequestsSent.map((r) => [r.other, r.status])).toEqual([
      [
        {
          name: '山﨑 花子',
          erased: false,
          companyName: '山﨑デザイン事務所',
          email: people.partner.email,
          phone: '090-1111-2222',
        },
        'ACCEPTED',
      ],
      [
        {
          name: '山﨑 花子',
          erased: false,
          companyName: '山﨑デザイン事務所',
          email: people.partner.email,
          phone: '090-1111-2222',
        },
        'ACCEPTED',
      ],
    ]);
    // What they wrote, and what she wrote back when she accepted.
    expect(data.meetingRequestsSent.map((r) => [r.message, r.reply])).toEqual(
      expect.arrayContaining([
        ['試作品のデザインについてご相談したいです', '図面をお持ちいただけると助かります'],
        ['量産の件で続きをお話ししたいです', ''],
      ]),
    );
    // A request they have not answered, and a suggestion: name and company only.
    expect(data.meetingRequestsReceived).toMatchObject([
      {
        other: { name: '佐藤 次郎', companyName: '佐藤食品', email: null, phone: null },
        message: '販路の件で',
        reply: '',
        status: 'PENDING',
      },
    ]);
    expect(data.suggestions).toMatchObject([
      {
        rank: 1,
        suggested: { name: '佐藤 次郎', companyName: '佐藤食品', email: null, phone: null },
        reasons: ['御社の『販路開拓』のニーズに、佐藤食品の『食品卸』が合います'],
      },
    ]);
    expect(data.surveyAnswers).toMatchObject([
      { satisfaction: 5, comment: '山﨑さんとの試作の話が進みました' },
    ]);
    expect(data.emails).toContainEqual(expect.objectContaining({ template: 'invitation', status: 'SENT' }));
    expect(data.emails.some((email) => email.status === 'PENDING')).toBe(true);
    // The deal they are a party to and its follow-up, as staff recorded them: the organisation's
    // name, not the staff member's; the other party as everywhere in the export.
    expect(data.deals).toEqual([
      {
        id: expect.any(String),
        event: expect.objectContaining({ title: 'かつしか ものづくり商談会 2026春' }),
        other: {
          name: '山﨑 花子',
          erased: false,
          companyName: '山﨑デザイン事務所',
          email: people.partner.email,
          phone: '090-1111-2222',
        },
        organizationName: '葛飾区産業経済課',
        type: 'ORDER',
        typeLabel: '受発注',
        stage: 'NEGOTIATING',
        stageLabel: '商談中',
        title: '試作部品 500 個',
        amountYen: 1200000,
        startedOn: expect.any(String),
        closedOn: null,
        notes: '図面は受領済み',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    expect(data.followUps).toEqual([
      {
        id: expect.any(String),
        organizationName: '葛飾区産業経済課',
        dealId: data.deals[0].id,
        kindLabel: '商談のフォローアップ',
        dueOn: followUpDue,
        notes: '量産の見積もりの進み具合を確認',
        result: '',
        statusLabel: '未完了',
        doneAt: null,
        cancelledAt: null,
        createdAt: expect.any(String),
      },
    ]);
    expect(data.dealCount).toBe(1);
    expect(data.miniSalonRequests).toMatchObject([
      {
        theme: '事業承継',
        area: '東京都葛飾区',
        status: 'PENDING',
        groupName: '葛飾区若手経営者の会',
        message: '後継者どうしで話せる場がほしいです',
      },
    ]);

    const { json, ...fields } = data;
    expect(JSON.parse(json)).toEqual(fields);
    expect(json).toContain('\n  "profile": {');
    // Nobody else's contact details unless both agreed, and nothing about people they never dealt with.
    for (const text of [people.stranger.email, '080-3333-4444', people.waiting.email, '待機 三郎'])
      expect(json).not.toContain(text);
  });

  it('is for the participant themself only', async () => {
    expect(failure(await exportMyData(organizer)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await exportMyData(admin)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await exportMyData(undefined)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only an admin erase, and names a malformed id', async () => {
    for (const token of [organizer, staff, subjectToken])
      expect(failure(await erase(people.subject.id, token)).extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(`mutation($id: ID!) { eraseParticipant(id: $id) { participantId } }`, {
      id: people.subject.id,
    });
    expect(failure(anonymous).extensions?.code).toBe('UNAUTHENTICATED');
    expect(failure(await erase('not-a-uuid')).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(failure(await erase('00000000-0000-4000-8000-000000000000')).extensions?.code).toBe('NOT_FOUND');
    // Nothing was touched by the refusals.
    expect((await rowsOf('SELECT erased_at FROM participants WHERE id = $1'))[0].erased_at).toBeNull();
  });

  it('erases a participant: the person is gone, what was still to come is called off, the past still counts', async () => {
    const pastReport = await eventReport(pastEventId);
    const [{ company_id: companyId, fiscal_year: fiscalYear }] = await t.dataSource.query(
      'SELECT p.company_id, e.fiscal_year FROM participants p, events e WHERE p.id = $1 AND e.id = $2',
      [people.subject.id, pastEventId],
    );
    expect(companyId).not.toBeNull();
    const yearsCompanies = async () =>
      ok(
        await t.gql<{ fiscalYearReport: { participation: Record<string, number> } }>(
          `query($o: ID!, $y: Int!) {
            fiscalYearReport(organizationId: $o, fiscalYear: $y) { participation { participants companies newCompanies companiesToDate } }
          }`,
          { o: orgId, y: fiscalYear },
          organizer,
        ),
      ).fiscalYearReport.participation;
    const yearBefore = await yearsCompanies();
    expect(yearBefore.companies).toBeGreaterThan(0);
    // An address they asked to move to, its confirmation waiting to go there; before it, one
    // with a typo, which it replaced. Their export shows both, and which one still waits.
    ok(await t.gql('mutation { requestEmailChange(email: "new-home@exmaple.jp") }', {}, subjectToken));
    ok(await t.gql('mutation { requestEmailChange(email: "new-home@example.jp") }', {}, subjectToken));
    const exported = ok(
      await t.gql<{ exportMyData: { emailChangeRequests: Record<string, unknown>[] } }>(
        'query { exportMyData { emailChangeRequests { newEmail confirmedAt replacedAt calledOffAt calledOffReason } } }',
        {},
        subjectToken,
      ),
    ).exportMyData.emailChangeRequests;
    expect(exported).toEqual([
      {
        newEmail: 'new-home@exmaple.jp',
        confirmedAt: null,
        replacedAt: expect.any(String),
        calledOffAt: null,
        calledOffReason: null,
      },
      {
        newEmail: 'new-home@example.jp',
        confirmedAt: null,
        replacedAt: null,
        calledOffAt: null,
        calledOffReason: null,
      },
    ]);
    const pendingEmails = (
      await rowsOf(`SELECT id FROM outbox_messages WHERE participant_id = $1 AND status = 'PENDING'`)
    ).length;
    expect(pendingEmails).toBeGreaterThan(0);

    // A 変更履歴 entry: it holds the old value, so the erasure must take it too. Their download
    // has it, with the company their profile named then.
    ok(await t.gql('mutation { updateMyProfile(input: { title: "取締役" }) { id } }', {}, subjectToken));
    const history = ok(await exportMyData(subjectToken)).exportMyData.profileChanges;
    expect(history.map((change) => [change.fields.map((field) => field.after), change.companyName])).toEqual([
      [['取締役'], '髙橋精密工業株式会社'],
    ]);

    // A 巡回指導 visit planned with them, overdue, and one already made.
    const yesterday = tokyoInDays(-1, '00:00');
    const dueOn = yesterday.slice(0, 10);
    const planVisit = async () =>
      ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          { input: { participantId: people.subject.id, dueOn, notes: '巡回指導（事業計画の進捗確認）' } },
          staff,
        ),
      ).scheduleFollowUp.id;
    const plannedVisit = await planVisit();
    const madeVisit = await planVisit();
    ok(
      await t.gql(
        'mutation($id: ID!) { completeFollowUp(id: $id) { completed { id } } }',
        { id: madeVisit },
        staff,
      ),
    );
    const followUpsReport = async () =>
      ok(
        await t.gql<{ fiscalYearReport: { followUps: Record<string, number> } }>(
          'query($o: ID!, $y: Int!) { fiscalYearReport(organizationId: $o, fiscalYear: $y) { followUps { done open overdue } } }',
          { o: orgId, y: fiscalYearOf(new Date(yesterday)) },
          staff,
        ),
      ).fiscalYearReport.followUps;
    // Staff's notes on the deal name them, as notes do; the other side is named too.
    const [{ id: dealId }] = await rowsOf(
      'SELECT id FROM deals WHERE $1 IN (participant_a_id, participant_b_id)',
    );
    ok(
      await t.gql(
        'mutation($id: ID!, $input: UpdateDealInput!) { updateDeal(id: $id, input: $input) { id } }',
        { id: dealId, input: { notes: '図面は高橋様から受領済み。山﨑様と量産の相談。連絡先 03-1234-5678' } },
        staff,
      ),
    );
    const [{ id: dealFollowUp }] = await rowsOf('SELECT id FROM follow_ups WHERE deal_id = $1', [dealId]);
    ok(
      await t.gql(
        'mutation($id: ID!, $result: String!) { completeFollowUp(id: $id, result: $result) { completed { id } } }',
        { id: dealFollowUp, result: '髙橋 一郎社長より量産の見積もり依頼（タカハシ イチロウ）' },
        staff,
      ),
    );
    const followUpsBefore = await followUpsReport();

    // An invitation that bounced, the mail server quoting their address (as it was typed there).
    const bounce = (address: string) =>
      `Can't send mail - all recipients were rejected: 550 5.1.1 <${address}>: Recipient address rejected: User unknown`;
    await t.dataSource.query(
      `INSERT INTO outbox_messages (key, template, participant_id, event_id, status, attempts, last_error, failed_at, failure)
       VALUES ('privacy-test-bounced', 'invitation', $1, $2, 'FAILED', 1, $3, now(), 'BOUNCED')`,
      [people.subject.id, pastEventId, bounce(people.subject.email.toUpperCase())],
    );

    const result = ok(await erase(people.subject.id)).eraseParticipant;
    expect(result).toMatchObject({
      participantId: people.subject.id,
      registrationsCancelled: 1,
      meetingsCancelled: 1,
      // The agreed one behind the cancelled meeting, and the stranger's unanswered one.
      meetingRequestsWithdrawn: 2,
      meetingRequestMessagesCleared: 2,
      suggestionsDeleted: 2,
      actionTokensDeleted: 4,
      emailsSkipped: pendingEmails,
      surveyCommentsDeleted: 1,
      miniSalonRequestsWithdrawn: 1,
      profileChangesDeleted: 1,
      // The one replaced too.
      emailChangeRequestsDeleted: 2,
      followUpsCancelled: 1,
      notesRedacted: 2,
    });
    // The deal and its follow-up stay, without their name and number; the other side's stays.
    expect(await rowsOf('SELECT title, notes FROM deals WHERE id = $1', [dealId])).toEqual([
      {
        title: '試作部品 500 個',
        notes: '図面は（削除済み）様から受領済み。山﨑様と量産の相談。連絡先 （削除済み）',
      },
    ]);
    expect(await rowsOf('SELECT notes, result FROM follow_ups WHERE id = $1', [dealFollowUp])).toEqual([
      {
        notes: '量産の見積もりの進み具合を確認',
        result: '（削除済み）社長より量産の見積もり依頼（（削除済み））',
      },
    ]);
    // Nobody is sent to visit them: the plan is 取りやめ, neither waiting nor done; the visit made stays done.
    expect(
      await rowsOf(
        'SELECT id, done_at IS NOT NULL AS closed, cancelled_at IS NOT NULL AS cancelled FROM follow_ups WHERE participant_id = $1 ORDER BY cancelled_at NULLS FIRST',
      ),
    ).toEqual([
      { id: madeVisit, closed: true, cancelled: false },
      { id: plannedVisit, closed: true, cancelled: true },
    ]);
    expect(await followUpsReport()).toEqual({
      done: followUpsBefore.done,
      open: followUpsBefore.open - 1,
      overdue: followUpsBefore.overdue - 1,
    });
    expect(await rowsOf('SELECT id FROM participant_profile_changes WHERE participant_id = $1')).toEqual([]);
    expect(await rowsOf('SELECT id FROM email_change_requests WHERE participant_id = $1')).toEqual([]);
    expect(
      await rowsOf('SELECT id FROM outbox_messages WHERE participant_id = $1 AND to_address IS NOT NULL'),
    ).toEqual([]);
    // Their mail log names none of their addresses, not even where a refusal quoted one.
    expect(
      await rowsOf(
        `SELECT id FROM outbox_messages m
          WHERE participant_id = $1 AND row_to_json(m)::text ILIKE ANY(ARRAY['%' || $2 || '%', '%new-home@%'])`,
        [people.subject.id, people.subject.email],
      ),
    ).toEqual([]);
    expect(
      await rowsOf(`SELECT status, last_error FROM outbox_messages WHERE key = 'privacy-test-bounced'`, []),
    ).toEqual([{ status: 'FAILED', last_error: bounce(`erased-${people.subject.id}@invalid`) }]);

    // The request is withdrawn and loses their words; the organisation keeps the theme and dates.
    expect(
      await rowsOf(
        'SELECT status, theme, message, group_name FROM mini_salon_requests WHERE requested_by_id = $1',
      ),
    ).toEqual([{ status: 'WITHDRAWN', theme: '事業承継', message: '', group_name: null }]);

    const [row] = await rowsOf('SELECT * FROM participants WHERE id = $1');
    expect(row).toMatchObject({
      name: '（削除済み）',
      furigana: 'サクジョズミ',
      email: `erased-${people.subject.id}@invalid`,
      title: null,
      phone: null,
      company_id: null,
      offers: [],
      needs: [],
      themes: [],
      tags: [],
      offers_text: '',
      needs_text: '',
      consent_matchmaking: false,
      consent_email: false,
      consent_contact_sharing: false,
      email_opt_out: true,
    });
    expect(row.erased_at).toBeInstanceOf(Date);
    expect(row.email_suppressed_at).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toMatch(/髙橋|タカハシ|03-1234-5678|試作から量産/);

    // The seat at the coming event is given up and goes to the person waiting; the past stays.
    const registrations = await rowsOf(
      'SELECT event_id, participant_id, status FROM registrations WHERE event_id = ANY($1) ORDER BY status',
      [[pastEventId, futureEventId]],
    );
    expect(registrations).toEqual(
      expect.arrayContaining([
        { event_id: pastEventId, participant_id: people.subject.id, status: 'ATTENDED' },
        { event_id: futureEventId, participant_id: people.subject.id, status: 'CANCELLED' },
        { event_id: futureEventId, participant_id: people.waiting.id, status: 'REGISTERED' },
      ]),
    );
    // Their seats keep the company they came for, so the 参加事業者数 of past years stays true.
    expect(await rowsOf('SELECT company_id FROM registrations WHERE participant_id = $1')).toEqual([
      { company_id: companyId },
      { company_id: companyId },
    ]);
    expect(
      await rowsOf(
        `SELECT e.title, m.status FROM meetings m JOIN events e ON e.id = m.event_id
          WHERE $1 IN (m.participant_a_id, m.participant_b_id) ORDER BY m.starts_at`,
      ),
    ).toEqual([
      { title: 'かつしか ものづくり商談会 2026春', status: 'HELD' },
      { title: 'かつしか ものづくり商談会 2026秋', status: 'CANCELLED' },
    ]);
    expect(
      await rowsOf(
        `SELECT event_id, status, message FROM meeting_requests
          WHERE $1 IN (from_participant_id, to_participant_id) ORDER BY created_at`,
      ),
    ).toEqual([
      { event_id: pastEventId, status: 'ACCEPTED', message: '' },
      { event_id: futureEventId, status: 'CANCELLED', message: '' },
      // Written by the stranger, so it stays theirs; the request itself is withdrawn.
      { event_id: futureEventId, status: 'CANCELLED', message: '販路の件で' },
    ]);
    expect(
      await rowsOf('SELECT 1 FROM suggestions WHERE $1 IN (participant_id, suggested_participant_id)'),
    ).toEqual([]);
    expect(
      await rowsOf(
        `SELECT status, skip_reason FROM outbox_messages WHERE participant_id = $1 AND status = ANY('{PENDING,SENDING,SKIPPED}')`,
      ),
    ).toEqual(Array(pendingEmails).fill({ status: 'SKIPPED', skip_reason: 'RECIPIENT_GONE' }));
    expect(
      await rowsOf('SELECT satisfaction, comment FROM survey_responses WHERE participant_id = $1'),
    ).toEqual([{ satisfaction: 5, comment: '' }]);

    // Every figure about the past event is what it was.
    expect(await eventReport(pastEventId)).toEqual(pastReport);
    expect(await yearsCompanies()).toEqual(yearBefore);
    const futureReport = (await eventReport(futureEventId)) as {
      registrations: { total: number; byStatus: { status: string; count: number }[] };
    };
    expect(futureReport.registrations.total).toBe(4);
    expect(futureReport.registrations.byStatus.reduce((sum, { count }) => sum + count, 0)).toBe(4);
    const surveys = ok(
      await t.gql<{ surveyResults: { responses: number; satisfactionAverage: number; answers: unknown[] } }>(
        'query($id: ID!) { surveyResults(eventId: $id) { responses satisfactionAverage answers { participantName satisfaction comment } } }',
        { id: pastEventId },
        organizer,
      ),
    ).surveyResults;
    expect(surveys).toEqual({
      responses: 1,
      satisfactionAverage: 5,
      answers: [{ participantName: '（削除済み）', satisfaction: 5, comment: '' }],
    });

    // The pool no longer lists them; the other side sees a name that says nothing, and no contact.
    const pool = ok(
      await t.gql<{ participants: { edges: { node: { id: string } }[] } }>(
        'query { participants(first: 50) { edges { node { id } } } }',
        {},
        staff,
      ),
    ).participants.edges.map((edge) => edge.node.id);
    expect(pool).not.toContain(people.subject.id);
    expect(pool).toContain(people.partner.id);
    const partnersView = ok(await exportMyData(await t.participantToken(people.partner.id))).exportMyData;
    expect(partnersView.meetingRequestsReceived.map((r) => r.other)).toEqual([
      { name: '（削除済み）', erased: true, companyName: null, email: null, phone: null },
      { name: '（削除済み）', erased: true, companyName: null, email: null, phone: null },
    ]);
    expect(partnersView.json).not.toContain('髙橋');
    // The API says who was erased, so that an app names them as the emails do (「参加者の方」), not
    // by the placeholder.
    type Party = { participantId: string; erased: boolean };
    const marked = ok(
      await t.gql<{
        exportMyData: { meetingRequestsReceived: { other: { erased: boolean } }[] };
        myMeetingRequests: { from: Party; to: Party }[];
      }>(
        `query($e: ID!) {
          exportMyData { meetingRequestsReceived { other { erased } } }
          myMeetingRequests(eventId: $e) { from { participantId erased } to { participantId erased } }
        }`,
        { e: futureEventId },
        await t.participantToken(people.partner.id),
      ),
    );
    expect(marked.exportMyData.meetingRequestsReceived).toEqual([
      { other: { erased: true } },
      { other: { erased: true } },
    ]);
    const parties = marked.myMeetingRequests.flatMap((request) => [request.from, request.to]);
    expect(parties.length).toBeGreaterThan(0);
    for (const party of parties) expect(party.erased).toBe(party.participantId === people.subject.id);

    // Staff's lists keep the row (the figures still count it) with no address to write to: the
    // placeholder that keeps the address column unique is not a contact.
    for (const list of ['registrations.csv', 'meetings.csv']) {
      const csv = await fetchCsv(t, `/exports/events/${pastEventId}/${list}`, organizer);
      expect(csv.text).toContain('（削除済み）');
      expect(csv.text).not.toContain('@invalid');
      // Nor the company their seat was taken for, which the 年度's 参加事業者数 alone still counts.
      expect(csv.text).not.toContain('髙橋精密');
    }
    // The 変更履歴 export the same: the erasure deletes their history, but a change saved as it
    // ran (a profile edit that waited for the erasure's lock on the row) is recorded after it.
    // Whatever such a row holds, the export names nobody by it.
    await t.dataSource.query(
      `INSERT INTO participant_profile_changes (participant_id, changed_by_self, changes, company_name)
       VALUES ($1, true, $2, '髙橋精密工業株式会社')`,
      [people.subject.id, { needsText: { before: '', after: '' } }],
    );
    const changes = await fetchCsv(t, '/exports/profile-changes.csv', organizer);
    const header = changes.lines[0].split(',');
    const erasedRows = changes.lines
      .filter((line) => line.includes('（削除済み）'))
      .map((line) => line.split(','));
    expect(erasedRows).toHaveLength(1);
    expect(header.map((name, column) => [name, erasedRows[0][column]]).slice(1, 5)).toEqual([
      ['氏名', '（削除済み）'],
      ['事業者名', ''],
      ['メールアドレス', ''],
      ['変更者', '本人'],
    ]);
    expect(changes.text).not.toContain('@invalid');
  });

  it('ends their sessions and their sign-in', async () => {
    for (const query of ['query { me { role } }', 'query { exportMyData { dealCount } }'])
      expect(failure(await t.gql(query, {}, subjectToken)).extensions?.code).toBe('UNAUTHENTICATED');

    const magicLinks = () =>
      rowsOf(`SELECT count(*)::int AS count FROM outbox_messages WHERE template = 'magic-link'`, []);
    const before = await magicLinks();
    expect(
      ok(
        await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', {
          email: people.subject.email,
        }),
      ),
    ).toEqual({ requestMagicLink: true });
    expect(await magicLinks()).toEqual(before);

    const redeem = (token: string) =>
      t.gql('mutation($token: String!) { redeemMagicLink(token: $token) { token } }', { token });
    expect(failure(await redeem(magicLinkToken)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });
    // Someone else's links are untouched.
    ok(await redeem(otherPersonsToken));
  });

  it('answers the same when asked again, and changes nothing', async () => {
    const snapshot = () =>
      Promise.all([
        rowsOf('SELECT * FROM participants WHERE id = $1'),
        rowsOf('SELECT id, status, updated_at FROM registrations ORDER BY id', []),
        rowsOf('SELECT id, status, updated_at FROM meeting_requests ORDER BY id', []),
        rowsOf('SELECT id, status, updated_at FROM meetings ORDER BY id', []),
        // Not updated_at: the relay stamps rows it hands to the queue, whatever happens here.
        rowsOf('SELECT id, status, skip_reason FROM outbox_messages ORDER BY id', []),
        rowsOf('SELECT count(*)::int AS count FROM action_tokens', []),
      ]);
    const before = await snapshot();
    const first = ok(await erase(people.subject.id)).eraseParticipant;
    const second = ok(await erase(people.subject.id)).eraseParticipant;
    expect(second).toEqual(first);
    expect(first).toMatchObject({ registrationsCancelled: 1, meetingsCancelled: 1, suggestionsDeleted: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('gives a merged person what the merge kept of their other profile, to nobody else, and erases it with them', async () => {
    // 木村 誠 was in the pool twice; under the profile that goes, with his other company's name,
    // he asked 大野 彩 to meet at a 商談会 still to come.
    const kept = await createParticipant(t, organizer, { name: '木村 誠', company: { name: '木村鉄工' } });
    const duplicate = await createParticipant(t, organizer, {
      name: '木村　誠',
      company: { name: '木村製作所' },
    });
    const buyer = await createParticipant(t, organizer, { name: '大野 彩', company: { name: '大野商店' } });
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'かつしか 販路開拓商談会',
      startsAt: tokyoInDays(20, '13:00'),
      endsAt: tokyoInDays(20, '17:00'),
    });
    for (const person of [kept, duplicate, buyer])
      ok(await t.gql(registerMutation('id'), { eventId, participantId: person.id }, organizer));
    const requestId = ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!, $m: String) { requestMeeting(eventId: $e, toParticipantId: $to, message: $m) { id } }',
        { e: eventId, to: buyer.id, m: '鋼材の仕入れ先を探しています' },
        await t.participantToken(duplicate.id),
      ),
    ).requestMeeting.id;
    // The answer link of her request email (no worker here: minted as its email would have).
    const [buyersLink] = await t.app.get(ActionTokensService).mint(t.dataSource.manager, [
      {
        purpose: TokenPurpose.MEETING_RESPONSE,
        subjectId: requestId,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    ]);
    const buyersPage = async () => {
      const response = await fetch(`${t.url}/meetings/respond?token=${buyersLink}&accept=1`);
      return { status: response.status, html: await response.text() };
    };
    ok(
      await t.gql(
        'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { emailsMoved } }',
        { p: kept.id, d: duplicate.id },
        organizer,
      ),
    );

    // His export holds the profile that went, as the merge kept it, and which request he made from it.
    const keptToken = await t.participantToken(kept.id);
    const his = ok(await exportMyData(keptToken)).exportMyData;
    expect(his.mergedProfiles).toEqual([
      { id: duplicate.id, name: '木村　誠', companyName: '木村製作所', mergedAt: expect.any(String) },
    ]);
    expect(his.meetingRequestsSent).toMatchObject([
      { other: { name: '大野 彩' }, message: '鋼材の仕入れ先を探しています', mergedProfileId: duplicate.id },
    ]);
    const { json, ...fields } = his;
    expect(JSON.parse(json)).toEqual(fields);
    // It is his: hers names him as he is on file now, and nothing of the profile that went.
    const hers = ok(await exportMyData(await t.participantToken(buyer.id))).exportMyData;
    expect(hers.mergedProfiles).toEqual([]);
    expect(hers.meetingRequestsReceived).toMatchObject([
      { other: { name: '木村 誠', companyName: '木村鉄工' }, mergedProfileId: null },
    ]);
    for (const text of [duplicate.id, '木村製作所', '木村　誠']) expect(hers.json).not.toContain(text);
    // The page behind her link names him as her email did.
    const asked = await buyersPage();
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('<p>木村製作所 木村　誠 様からの面談のお申込です。</p>');

    // Erased, he takes the merged profile's name with him: her page, his request withdrawn, names nobody.
    ok(await erase(kept.id));
    expect(await rowsOf('SELECT name FROM merged_participants WHERE merged_id = $1', [duplicate.id])).toEqual(
      [],
    );
    expect(
      await rowsOf('SELECT requested_as_id, status FROM meeting_requests WHERE id = $1', [requestId]),
    ).toEqual([{ requested_as_id: null, status: 'CANCELLED' }]);
    const withdrawn = await buyersPage();
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.html).toContain('<p>参加者の方からの面談のお申込です。</p>');
    expect(withdrawn.html).toContain('この面談のお申込は取り下げられました。');
    expect(withdrawn.html).not.toContain('木村');
  });

  it('keeps the records of deals deleted, changed or added for the year they correct, through a merge, without the erased person in it', async () => {
    // 小林 健太 was in the pool twice; a deal was entered with each profile last 年度, one of them
    // twice, and both mistakes were deleted after the year ended, staff naming him in the reason.
    // A third, won with the old profile, was reopened afterwards, the reason naming him too. A
    // fourth, won with the old profile, was only recorded after the year ended, the reason naming him.
    const person = await createParticipant(t, organizer, {
      name: '小林 健太',
      furigana: 'コバヤシ ケンタ',
      phone: '03-9876-5432',
      company: { name: '小林プレス工業' },
    });
    const duplicate = await createParticipant(t, organizer, { name: '小林　健太' });
    const partner = await createParticipant(t, organizer, { name: '中村 優', company: { name: '中村商事' } });
    const lastYear = fiscalYearOf(new Date()) - 1;
    const recordWonToday = async (participantAId: string, title: string, reason: string) =>
      ok(
        await t.gql<{ recordDeal: { id: string } }>(
          'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
          {
            input: {
              participantAId,
              participantBId: partner.id,
              type: 'ORDER',
              title,
              stage: 'WON',
              amountYen: 2_000_000,
              startedOn: `${lastYear}-06-01`,
              closedOn: `${lastYear}-08-01`,
              reason,
            },
          },
          staff,
        ),
      ).recordDeal.id;
    const recordWon = async (participantAId: string, title: string) =>
      asRecordedInItsYear(t, await recordWonToday(participantAId, title, RECORDED_LATE));
    const recordAndDelete = async (participantAId: string, title: string, reason: string) => {
      const id = await recordWon(participantAId, title);
      ok(
        await t.gql(
          'mutation($id: ID!, $r: String) { deleteDeal(id: $id, reason: $r) { id } }',
          { id, r: reason },
          staff,
        ),
      );
      return id;
    };
    const ofPerson = await recordAndDelete(
      person.id,
      '小林様からのプレス加工の受注',
      '小林 健太様の分を二重登録（連絡先 03-9876-5432）',
    );
    const ofDuplicate = await recordAndDelete(
      duplicate.id,
      'プレス金型の受注',
      'コバヤシ ケンタ様の旧登録で入力',
    );
    const reopened = await recordWon(duplicate.id, 'プレス部品の追加受注');
    ok(
      await t.gql(
        'mutation($id: ID!, $input: UpdateDealInput!) { updateDeal(id: $id, input: $input) { id } }',
        { id: reopened, input: { stage: 'NEGOTIATING', reason: '小林 健太様から発注取り消しの連絡' } },
        staff,
      ),
    );
    const late = await recordWonToday(duplicate.id, 'プレス治具の受注', 'コバヤシ ケンタ様の分の記録漏れ');
    ok(
      await t.gql(
        'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { dealsMoved } }',
        { p: person.id, d: duplicate.id },
        organizer,
      ),
    );
    const records = () =>
      rowsOf(
        `SELECT deal_id, participant_a_id, participant_b_id, title, reason, stage, amount_yen::float8 AS amount_yen,
                started_on::text AS started_on, closed_on::text AS closed_on
           FROM deal_corrections WHERE deal_id = ANY($1) ORDER BY corrected_at`,
        [[ofPerson, ofDuplicate, reopened, late]],
      );
    // The merge carries the records over with the rest of the duplicate's deals.
    expect((await records()).map((row) => row.participant_a_id)).toEqual([
      person.id,
      person.id,
      person.id,
      person.id,
    ]);

    const result = ok(await erase(person.id)).eraseParticipant;
    expect(result).toMatchObject({ notesRedacted: 4 });
    const kept = {
      participant_a_id: person.id,
      participant_b_id: partner.id,
      stage: 'WON',
      amount_yen: 2_000_000,
    };
    const dates = { started_on: `${lastYear}-06-01`, closed_on: `${lastYear}-08-01` };
    expect(await records()).toEqual([
      {
        deal_id: ofPerson,
        ...kept,
        ...dates,
        title: '（削除済み）様からのプレス加工の受注',
        reason: '（削除済み）様の分を二重登録（連絡先 （削除済み））',
      },
      {
        deal_id: ofDuplicate,
        ...kept,
        ...dates,
        title: 'プレス金型の受注',
        reason: '（削除済み）様の旧登録で入力',
      },
      {
        deal_id: reopened,
        ...kept,
        ...dates,
        title: 'プレス部品の追加受注',
        reason: '（削除済み）様から発注取り消しの連絡',
      },
      {
        deal_id: late,
        ...kept,
        // Nothing before an addition: the deal as recorded is in the columns of what came after.
        stage: null,
        amount_yen: null,
        started_on: null,
        closed_on: null,
        title: 'プレス治具の受注',
        reason: '（削除済み）様の分の記録漏れ',
      },
    ]);
    expect(JSON.stringify(await records())).not.toMatch(/小林|コバヤシ|03-9876-5432/);
    // The year's report still says what was deleted and changed after it ended.
    const report = ok(
      await t.gql<{
        fiscalYearReport: {
          dealsDeletedAfterYearEnd: Record<string, number>;
          dealsChangedAfterYearEnd: { count: number; decreased: Record<string, number> };
          dealsAddedAfterYearEnd: { deals: number; won: number; additions: { reason: string }[] };
        };
      }>(
        `query($o: ID!, $y: Int!) { fiscalYearReport(organizationId: $o, fiscalYear: $y) {
          dealsDeletedAfterYearEnd { deals won wonAmountYen }
          dealsChangedAfterYearEnd { count decreased { won wonAmountYen } }
          dealsAddedAfterYearEnd { deals won additions { reason } } } }`,
        { o: orgId, y: lastYear },
        staff,
      ),
    ).fiscalYearReport;
    expect(report.dealsDeletedAfterYearEnd).toEqual({ deals: 2, won: 2, wonAmountYen: 4_000_000 });
    expect(report.dealsChangedAfterYearEnd).toEqual({
      count: 1,
      decreased: { won: 1, wonAmountYen: 2_000_000 },
    });
    expect(report.dealsAddedAfterYearEnd).toEqual({
      deals: 1,
      won: 1,
      additions: [{ reason: '（削除済み）様の分の記録漏れ' }],
    });
  });

  it('erases the addresses they had before a correction where the mail server quoted them, and keeps ours', async () => {
    const person = await createParticipant(t, organizer, {
      name: '小林 透',
      email: 'kobayashi@sumida-seiki.co.jo',
    });
    // The typo bounced, sent to their own address at the time (to_address null), and stopped
    // their mail; staff then corrected it (the old address, refused, is told nothing), the
    // history that remembered it going with the erasure.
    await t.dataSource.query(
      `INSERT INTO outbox_messages (key, template, participant_id, status, attempts, last_error, smtp_response, failed_at, failure)
       VALUES ('privacy-test-typo-bounced', 'invitation', $1, 'FAILED', 1, $2, $3, now(), 'BOUNCED')`,
      [
        person.id,
        "Can't send mail - all recipients were rejected: 550 5.1.2 <Kobayashi@Sumida-Seiki.co.jo>: Recipient address rejected: Domain not found",
        '550 5.1.2 <kobayashi@sumida-seiki.co.jo>: Recipient address rejected',
      ],
    );
    // Next to theirs, a server quotes addresses of ours, which staff need to read what happened:
    // our sender (MAIL_FROM), the organiser's contact address the email is answered to, staff's.
    const from = senderAddress(t.config.MAIL_FROM);
    await staffSession(t, Role.STAFF, orgId, 'shien@katsushika-sangyo.example.jp');
    await t.dataSource.query(
      `INSERT INTO outbox_messages (key, template, participant_id, status, attempts, last_error, smtp_response, failed_at, failure)
       VALUES ('privacy-test-ours-quoted', 'invitation', $1, 'FAILED', 3, $2, $3, now(), 'REFUSED')`,
      [
        person.id,
        `refused by the mail server: Can't send mail - all recipients were rejected: 550 5.7.1 <kobayashi@sumida-seiki.co.jo>: Recipient address rejected: <${from.toUpperCase()}> may not send here`,
        `550 5.7.1 <kobayashi@sumida-seiki.co.jo>: Reply-To <${DEFAULT_CONTACT_EMAIL}> and cc shien@katsushika-sangyo.example.jp refused`,
      ],
    );
    await t.dataSource.query('UPDATE participants SET email_suppressed_at = now() WHERE id = $1', [
      person.id,
    ]);
    ok(
      await t.gql(
        'mutation($p: ID!, $e: String!) { changeParticipantEmail(participantId: $p, email: $e) { participant { email } } }',
        { p: person.id, e: 'kobayashi@sumida-seiki.co.jp' },
        organizer,
      ),
    );

    ok(await erase(person.id));
    expect(
      await rowsOf(
        `SELECT last_error, smtp_response FROM outbox_messages WHERE key = 'privacy-test-typo-bounced'`,
        [],
      ),
    ).toEqual([
      {
        last_error: `Can't send mail - all recipients were rejected: 550 5.1.2 <erased-${person.id}@invalid>: Recipient address rejected: Domain not found`,
        smtp_response: `550 5.1.2 <erased-${person.id}@invalid>: Recipient address rejected`,
      },
    ]);
    expect(
      await rowsOf(
        `SELECT last_error, smtp_response FROM outbox_messages WHERE key = 'privacy-test-ours-quoted'`,
        [],
      ),
    ).toEqual([
      {
        last_error: `refused by the mail server: Can't send mail - all recipients were rejected: 550 5.7.1 <erased-${person.id}@invalid>: Recipient address rejected: <${from.toUpperCase()}> may not send here`,
        smtp_response: `550 5.7.1 <erased-${person.id}@invalid>: Reply-To <${DEFAULT_CONTACT_EMAIL}> and cc shien@katsushika-sangyo.example.jp refused`,
      },
    ]);
    expect(
      await rowsOf(
        `SELECT id FROM outbox_messages m WHERE participant_id = $1 AND row_to_json(m)::text ~* 'kobayashi@'`,
        [person.id],
      ),
    ).toEqual([]);
  });

  it('erases an address they had before a correction even where a staff account has it too', async () => {
    // 林 registered with the work address she has as a 支援担当 too; its server refused the
    // invitation for good, which stopped her mail, and staff then moved her to her shop's address
    // (the old one, refused, is told nothing).
    const work = 'hayashi@katsushika-cci.example.jp';
    await staffSession(t, Role.STAFF, orgId, work);
    const person = await createParticipant(t, organizer, { name: '林 真理子', email: work });
    await t.dataSource.query(
      `INSERT INTO outbox_messages (key, template, participant_id, status, attempts, last_error, smtp_response, failed_at, failure)
       VALUES ('privacy-test-staff-address-before', 'invitation', $1, 'FAILED', 1, $2, $3, now(), 'BOUNCED')`,
      [
        person.id,
        `Can't send mail - all recipients were rejected: 550 5.7.1 <${work}>: Recipient address rejected: bulk mail not accepted`,
        `550 5.7.1 <${work}>: Recipient address rejected: bulk mail not accepted`,
      ],
    );
    await t.dataSource.query('UPDATE participants SET email_suppressed_at = now() WHERE id = $1', [
      person.id,
    ]);
    ok(
      await t.gql(
        'mutation($p: ID!, $e: String!) { changeParticipantEmail(participantId: $p, email: $e) { participant { email } } }',
        { p: person.id, e: 'mariko@hayashi-zakka.example.jp' },
        organizer,
      ),
    );

    ok(await erase(person.id));

    expect(
      await rowsOf(
        `SELECT last_error, smtp_response FROM outbox_messages WHERE key = 'privacy-test-staff-address-before'`,
        [],
      ),
    ).toEqual([
      {
        last_error: `Can't send mail - all recipients were rejected: 550 5.7.1 <erased-${person.id}@invalid>: Recipient address rejected: bulk mail not accepted`,
        smtp_response: `550 5.7.1 <erased-${person.id}@invalid>: Recipient address rejected: bulk mail not accepted`,
      },
    ]);
  });

  it('keeps ours and the full stop at the end of a sentence, and looks among many staff accounts only for those the texts quote', async () => {
    const person = await createParticipant(t, organizer, {
      name: '中村 健',
      email: 'nakamura@katsushika-kinzoku.co.jp',
    });
    const from = senderAddress(t.config.MAIL_FROM);
    // A prefecture's whole support network: each staff account listed in the pattern made it
    // take seconds to compile, inside the erasure's transaction.
    await t.dataSource.query(
      `INSERT INTO users (email, name, password_hash, role, organization_id)
       SELECT 'shien' || i || '@katsushika-network.example.jp', 'テスト 担当', '-', 'STAFF', $1
         FROM generate_series(1, 2000) AS i`,
      [orgId],
    );
    const queries = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await t.dataSource.query(
        `INSERT INTO outbox_messages (key, template, participant_id, status, attempts, last_error, smtp_response, failed_at, failure)
         VALUES ('privacy-test-ours-at-the-end', 'invitation', $1, 'FAILED', 3, $2, $3, now(), 'REFUSED')`,
        [
          person.id,
          `refused by the mail server: 550 5.7.1 <nakamura@katsushika-kinzoku.co.jp>: not taken from ${from}.`,
          `550 5.7.1 Ask shien1234@katsushika-network.example.jp. Refused for nakamura@katsushika-kinzoku.co.jp.`,
        ],
      );

      ok(await erase(person.id));

      expect(
        await rowsOf(
          `SELECT last_error, smtp_response FROM outbox_messages WHERE key = 'privacy-test-ours-at-the-end'`,
          [],
        ),
      ).toEqual([
        {
          last_error: `refused by the mail server: 550 5.7.1 <erased-${person.id}@invalid>: not taken from ${from}.`,
          smtp_response: `550 5.7.1 Ask shien1234@katsushika-network.example.jp. Refused for erased-${person.id}@invalid.`,
        },
      ]);
      // The pattern the erasure forgot their addresses with names the two of ours quoted, no other.
      const [pattern] = queries.mock.calls
        .filter(([sql]) => sql.includes('WITH forgotten AS'))
        .map(([, parameters]) => String((parameters as unknown[])[2]));
      expect(pattern).toContain('shien1234@');
      expect(pattern.match(/@/g)).toHaveLength(3);
    } finally {
      queries.mockRestore();
      await t.dataSource.query(`DELETE FROM users WHERE email LIKE '%@katsushika-network.example.jp'`);
    }
  });
});
