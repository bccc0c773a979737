import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { Role } from '../src/auth/actor';
import { DAY_MS as DAY, startOfTokyoDay } from '../src/common/japan/tokyo-day';
import { formatDay } from '../src/mail/templates/mail-dates';
import { QueueName } from '../src/queue/queue-names';
import { MORNING_SCHEDULER } from '../src/surveys/survey-after-event.processor';
import { SurveysService } from '../src/surveys/surveys.service';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  emailProgress,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';

const HOUR = 3_600_000;
const RESULT_FIELDS = `sent responses excludedResponses responseRate responseRatePercent gainedOpportunities
  satisfactionAverage satisfaction { score count }
  answers { participantName companyName gainedOpportunities satisfaction comment }`;

/**
 * アンケート after an event: sent to those who were there, answered from the email on a phone (GET
 * shows the form, POST records), changed while the link lives, and summed up for the staff.
 */
describe('post-event surveys', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let otherOrganizer: string;
  let eventId: string;
  let orgId: string;
  const people: Record<'ja' | 'en' | 'absent' | 'noConsent', { id: string; email: string }> = {} as never;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '200',
    });
    const admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, {
      name: '大田区産業振興協会',
      municipality: '東京都大田区',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '墨田区' }),
    );
    eventId = await createPublishedEvent(t, organizer, { title: 'おおた研究・開発フェア 交流会' });
    people.ja = await createParticipant(t, organizer, { name: '髙橋 美﨑', company: { name: '髙橋精機' } });
    people.en = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    people.absent = await createParticipant(t, organizer, { name: '欠席 太郎' });
    people.noConsent = await createParticipant(t, organizer, { name: '同意 なし', consentEmail: false });
    // The event is under way (it runs for two weeks): the desk checks people in, and it may be
    // closed, but it has not ended.
    await t.dataSource.query(`UPDATE events SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
      eventId,
    ]);
    for (const [key, person] of Object.entries(people)) {
      const registration = ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId, participantId: person.id },
          organizer,
        ),
      ).register;
      if (key !== 'absent') {
        ok(
          await t.gql(
            'mutation($id: ID!) { checkIn(registrationId: $id) { status } }',
            { id: registration.id },
            organizer,
          ),
        );
      }
    }
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const sendSurvey = () =>
    t.gql<{
      sendSurvey: {
        batchId: string;
        participants: number;
        queued: number;
        alreadyQueued: number;
        notEmailable: number;
      };
    }>(
      'mutation($eventId: ID!) { sendSurvey(eventId: $eventId) { batchId participants queued alreadyQueued notEmailable } }',
      { eventId },
      organizer,
    );
  const linkIn = (mail: ReceivedMail) => {
    const match = new RegExp(`${t.url}/surveys/answer\\?token=([\\w-]+)`).exec(mail.text);
    if (!match) throw new Error(`no survey link in:\n${mail.text}`);
    return { url: match[0], token: match[1] };
  };
  const post = (fields: Record<string, string>) =>
    fetch(`${t.url}/surveys/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('waits for the event to end, then emails those who were checked in, once', async () => {
    expect(failure(await sendSurvey()).extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId' });
    // Closing ends check-in, not the event: the survey would thank people while they are still there.
    ok(await t.gql('mutation($id: ID!) { closeEvent(id: $id) { status } }', { id: eventId }, organizer));
    const early = failure(await sendSurvey());
    expect(early.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'eventId',
      reason: 'SURVEY_EVENT_NOT_OVER',
    });
    expect(early.message).toMatch(
      /^アンケートはイベントの終了（\d{1,2}月\d{1,2}日 \d{2}:\d{2}）後に送れます$/,
    );
    const [{ count: queuedEarly }]: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE template = 'survey' AND event_id = $1`,
      [eventId],
    );
    expect(queuedEarly).toBe(0);
    await t.dataSource.query(`UPDATE events SET ends_at = now() - interval '1 minute' WHERE id = $1`, [
      eventId,
    ]);

    expect(ok(await sendSurvey()).sendSurvey).toEqual({
      batchId: eventId,
      participants: 3,
      queued: 2,
      alreadyQueued: 0,
      notEmailable: 1,
    });
    expect(ok(await sendSurvey()).sendSurvey).toEqual({
      batchId: eventId,
      participants: 3,
      queued: 0,
      alreadyQueued: 2,
      notEmailable: 1,
    });
    // Its progress, for the staff of the event only.
    await eventually(
      async () => (await emailProgress(t, organizer, eventId, eventId)).sent === 2,
      'both sent',
    );
    expect(await emailProgress(t, organizer, eventId, eventId)).toEqual({
      total: 2,
      queued: 0,
      sent: 2,
      failed: 0,
      skipped: 0,
    });
    expect(
      failure(
        await t.gql(
          'query($e: ID!) { emailProgress(eventId: $e, batchId: $e) { total } }',
          { e: eventId },
          otherOrganizer,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    await sink.waitUntil(
      () => sink.to(people.ja.email).length === 1 && sink.to(people.en.email).length === 1,
    );

    const [ja] = sink.to(people.ja.email);
    expect(ja.subject).toBe('【アンケートのお願い】おおた研究・開発フェア 交流会');
    expect(ja.text).toContain('髙橋 美﨑 様');
    expect(ja.text).toContain('受注機会の拡大につながったか、満足度、ご意見の3問');
    expect(ja.text).toContain('主催: 大田区産業振興協会');
    expect(ja.html).toContain('>アンケートに回答する</a>');
    expect(ja.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The link works through the whole of the last day the email names, not only until the hour
    // the event ended: on the 30th day after the event, until midnight in Tokyo.
    const [{ ends_at: endsAt }]: { ends_at: Date }[] = await t.dataSource.query(
      `SELECT ends_at FROM events WHERE id = $1`,
      [eventId],
    );
    const lastDay = new Date(endsAt.getTime() + 30 * DAY);
    expect(ja.text).toContain(`■ 回答期限: ${formatDay('ja', lastDay)}`);
    const tokens: { expires_at: Date }[] = await t.dataSource.query(
      `SELECT expires_at FROM action_tokens WHERE purpose = $1`,
      [TokenPurpose.SURVEY_ANSWER],
    );
    expect(tokens.map((token) => token.expires_at)).toEqual([
      new Date(startOfTokyoDay(lastDay).getTime() + DAY),
      new Date(startOfTokyoDay(lastDay).getTime() + DAY),
    ]);
    const [en] = sink.to(people.en.email);
    expect(en.subject).toBe('Survey: おおた研究・開発フェア 交流会');
    expect(en.text).toContain(`■ Answer by: ${formatDay('en', lastDay)}`);
    // A reader abroad is told whose day that is, and that it lasts to its end.
    expect(en.text).toMatch(/■ Answer by: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3} \d{4} \(JST\)\n/);
    expect(en.text).toContain('You can change them until the end of the day above.');
    expect(en.text).toContain('Dear Emma Clarke,');
    // Not checked in: not asked.
    expect(sink.to(people.absent.email)).toHaveLength(0);
  });

  it('shows the form on GET, records on POST, and lets the participant change the answer', async () => {
    const { url, token } = linkIn(sink.to(people.ja.email)[0]);
    const form = await (await fetch(url)).text();
    expect(form).toContain('このイベントは、受注機会の拡大につながりましたか？');
    expect(form).toContain('<input type="radio" name="satisfaction" value="5" required>');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM survey_responses`);
    expect(count).toBe(0); // the GET changed nothing

    const first = await post({
      token,
      gainedOpportunities: 'yes',
      satisfaction: '4',
      comment: '試作の相談先が見つかりました',
    });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('ご回答ありがとうございました');
    const refilled = await (await fetch(url)).text();
    expect(refilled).toContain('以前の回答が入っています');
    expect(refilled).toContain('value="4" required checked');
    expect(refilled).toContain('試作の相談先が見つかりました</textarea>');

    const changed = await post({
      token,
      gainedOpportunities: 'yes',
      satisfaction: '5',
      comment: '試作の相談先が見つかりました',
    });
    expect(await changed.text()).toContain('回答を修正しました');
    const incomplete = await post({ token, satisfaction: '5' });
    expect(incomplete.status).toBe(400);
    const refusal = await incomplete.text();
    expect(refusal).toContain('受注機会の拡大につながったかを「はい」か「いいえ」で選んでください');
    // An error page has no form, so it says nothing of an earlier answer filled in.
    expect(refusal).not.toContain('以前の回答');
    const unknown = await fetch(`${t.url}/surveys/answer?token=${'x'.repeat(43)}`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).not.toContain('以前の回答');
    const rows = await t.dataSource.query(`SELECT satisfaction, gained_opportunities FROM survey_responses`);
    expect(rows).toEqual([{ satisfaction: 5, gained_opportunities: true }]);
  });

  it('takes answers over GraphQL too, naming a bad field', async () => {
    const { url, token } = linkIn(sink.to(people.en.email)[0]);
    expect(await (await fetch(url)).text()).toContain(
      'Did this event open up new business opportunities for you?',
    );
    // The form's refusal speaks English to her too.
    const long = await post({
      token,
      gainedOpportunities: 'no',
      satisfaction: '3',
      comment: 'a'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('<p>Please keep your comment within 2000 characters.</p>');
    const submit = (input: Record<string, unknown>) =>
      t.gql<{ submitSurvey: { eventTitle: string; updated: boolean } }>(
        'mutation($token: String!, $input: SurveyAnswerInput!) { submitSurvey(token: $token, input: $input) { eventTitle updated } }',
        { token, input },
      );
    expect(failure(await submit({ gainedOpportunities: false, satisfaction: 6 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'satisfaction',
    });
    expect(ok(await submit({ gainedOpportunities: false, satisfaction: 3 })).submitSurvey).toEqual({
      eventTitle: 'おおた研究・開発フェア 交流会',
      updated: false,
    });
    expect(
      failure(
        await t.gql(
          'mutation($input: SurveyAnswerInput!) { submitSurvey(token: "x", input: $input) { updated } }',
          { input: { gainedOpportunities: true, satisfaction: 3 } },
        ),
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('sums the answers up for the staff who run the event, and exports them as CSV', async () => {
    const results = ok(
      await t.gql<{ surveyResults: Record<string, unknown> }>(
        `query($eventId: ID!) { surveyResults(eventId: $eventId) { ${RESULT_FIELDS} } }`,
        { eventId },
        organizer,
      ),
    ).surveyResults;
    expect(results).toEqual({
      sent: 2,
      responses: 2,
      excludedResponses: 0,
      responseRate: 1,
      responseRatePercent: 100,
      gainedOpportunities: 1,
      satisfactionAverage: 4,
      satisfaction: [
        { score: 1, count: 0 },
        { score: 2, count: 0 },
        { score: 3, count: 1 },
        { score: 4, count: 0 },
        { score: 5, count: 1 },
      ],
      answers: [
        {
          participantName: 'Emma Clarke',
          companyName: null,
          gainedOpportunities: false,
          satisfaction: 3,
          comment: '',
        },
        {
          participantName: '髙橋 美﨑',
          companyName: '髙橋精機',
          gainedOpportunities: true,
          satisfaction: 5,
          comment: '試作の相談先が見つかりました',
        },
      ],
    });
    expect(
      failure(
        await t.gql(
          'query($eventId: ID!) { surveyResults(eventId: $eventId) { responses } }',
          { eventId },
          otherOrganizer,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');

    // The organisation's year counts them among its programme's figures.
    const year = ok(
      await t.gql<{ events: { edges: { node: { fiscalYear: number } }[] } }>(
        '{ events(first: 1) { edges { node { fiscalYear } } } }',
        {},
        organizer,
      ),
    ).events.edges[0].node.fiscalYear;
    const report = ok(
      await t.gql<{ fiscalYearReport: { surveys: Record<string, unknown> } }>(
        'query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) { surveys { responses gainedOpportunities gainedOpportunitiesRate satisfactionAverage } } }',
        { org: orgId, fy: year },
        organizer,
      ),
    ).fiscalYearReport;
    // The share a 施策の指標 reports (「受注機会の拡大が図られた」と回答した割合), not only the count.
    expect(report.surveys).toEqual({
      responses: 2,
      gainedOpportunities: 1,
      gainedOpportunitiesRate: 50,
      satisfactionAverage: 4,
    });
    const yearCsv = await fetchCsv(
      t,
      `/exports/reports/fiscal-year.csv?organizationId=${orgId}&fiscalYear=${year}`,
      organizer,
    );
    expect(yearCsv.lines).toContain('アンケート,受注機会の拡大につながった割合,,50,%');

    const { text, bom } = await fetchCsv(t, `/exports/events/${eventId}/survey.csv`, organizer);
    expect(bom).toBe(true);
    expect(text.startsWith('回答日時,氏名,事業者名,受注機会の拡大,満足度,ご意見')).toBe(true);
    expect(text).toContain(',髙橋 美﨑,髙橋精機,はい,5,試作の相談先が見つかりました,');
    expect(text).toContain(',Emma Clarke,,いいえ,3,,');
  });
  it('goes out by itself the morning after an event, once, to nobody of a cancelled or older one', async () => {
    // The scan as it runs at 10:00 this morning in Tokyo; times below are Tokyo's, from midnight.
    const midnight = startOfTokyoDay(new Date()).getTime();
    const now = new Date(midnight + 10 * HOUR);
    const pastEvent = async (title: string, endsAt: number, names: string[]) => {
      const id = await createPublishedEvent(t, organizer, { title });
      const people = [];
      for (const name of names) {
        const person = await createParticipant(t, organizer, { name });
        ok(await t.gql(registerMutation(), { eventId: id, participantId: person.id }, organizer));
        people.push(person);
      }
      // Registered while it was ahead; now it lies in the past.
      await t.dataSource.query(`UPDATE events SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
        id,
        new Date(endsAt - 3 * HOUR),
        new Date(endsAt),
      ]);
      return { id, people };
    };
    // Ended at 20:30 last night: no check-in was used, so everyone registered is asked.
    const lastNight = await pastEvent('東京活性化サロン（第6回）', midnight - 3.5 * HOUR, [
      '髙木 﨑一',
      '山﨑 髙子',
    ]);
    // Ended four days ago: older than the scan catches up.
    const older = await pastEvent('台東支部 異業種交流会', midnight - 3 * DAY - 3.5 * HOUR, ['台東 太郎']);
    // Ended last night but was called off.
    const cancelled = await pastEvent('葛飾ミニサロン', midnight - 6 * HOUR, ['葛飾 花子']);
    await t.dataSource.query(`UPDATE events SET status = 'CANCELLED' WHERE id = $1`, [cancelled.id]);
    // Still on at the scan's hour (until 15:00 today).
    const today = await pastEvent('しんきん ビジネスマッチング商談会', midnight + 15 * HOUR, ['本日 次郎']);
    // Closed early (check-in done) does not make it over.
    await t.dataSource.query(`UPDATE events SET status = 'CLOSED' WHERE id = $1`, [today.id]);

    // Those registered also had their 参加登録完了: only the survey emails count here.
    const surveysTo = (email: string) =>
      sink.to(email).filter((mail) => mail.subject.startsWith('【アンケートのお願い】'));
    const surveys = t.app.get(SurveysService);
    expect(await surveys.sendForEndedEvents(now)).toEqual({ events: 1, queued: 2 });
    await sink.waitUntil(() => lastNight.people.every((person) => surveysTo(person.email).length === 1));
    const [mail] = surveysTo(lastNight.people[0].email);
    expect(mail.subject).toBe('【アンケートのお願い】東京活性化サロン（第6回）');
    expect(mail.text).toContain('髙木 﨑一 様');
    expect(linkIn(mail).url).toContain('/surveys/answer?token=');

    // The next morning's scan sends the event that was still running, and nothing again (nor for
    // the first test's event, ended a minute before it was sent); staff sending it by hand add
    // nothing either.
    expect(await surveys.sendForEndedEvents(new Date(now.getTime() + DAY))).toEqual({ events: 3, queued: 1 });
    await sink.waitUntil(() => surveysTo(today.people[0].email).length === 1);
    expect(
      ok(
        await t.gql<{ sendSurvey: { queued: number; alreadyQueued: number } }>(
          'mutation($eventId: ID!) { sendSurvey(eventId: $eventId) { queued alreadyQueued } }',
          { eventId: lastNight.id },
          organizer,
        ),
      ).sendSurvey,
    ).toEqual({ queued: 0, alreadyQueued: 2 });
    const [{ count }]: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE template = 'survey' AND event_id = ANY($1)`,
      [[older.id, cancelled.id]],
    );
    expect(count).toBe(0);
    expect(lastNight.people.map((person) => surveysTo(person.email).length)).toEqual([1, 1]);

    const queue = t.app.get<Queue>(getQueueToken(QueueName.SURVEYS));
    const scheduler = await eventually(() => queue.getJobScheduler(MORNING_SCHEDULER), 'the morning scan');
    expect(scheduler).toMatchObject({ pattern: t.config.SURVEY_CRON, tz: 'Asia/Tokyo' });
  });

  it('refuses a survey whose answer link would already have expired, writing nothing', async () => {
    const id = await createPublishedEvent(t, organizer, { title: '春の交流会' });
    const person = await createParticipant(t, organizer, { name: '春野 一郎' });
    ok(await t.gql(registerMutation(), { eventId: id, participantId: person.id }, organizer));
    // It ended 40 days ago at 20:30 Tokyo: the links lived 30 days, until 10 days ago.
    const endsAt = new Date(startOfTokyoDay(new Date()).getTime() - 40 * DAY + 20.5 * HOUR);
    await t.dataSource.query(
      `UPDATE events SET starts_at = $2, ends_at = $3, status = 'CLOSED' WHERE id = $1`,
      [id, new Date(endsAt.getTime() - 2.5 * HOUR), endsAt],
    );
    const refused = failure(
      await t.gql(
        'mutation($eventId: ID!) { sendSurvey(eventId: $eventId) { queued } }',
        { eventId: id },
        organizer,
      ),
    );
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_WINDOW_CLOSED',
      field: 'eventId',
    });
    expect(refused.message).toBe(
      `アンケートの回答期間（イベント終了から30日間、${formatDay('ja', new Date(endsAt.getTime() + 30 * DAY - 1))}まで）が過ぎているため送れません`,
    );
    const [{ count }]: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE event_id = $1 AND template = 'survey'`,
      [id],
    );
    expect(count).toBe(0);
  });
  /**
   * Registers `people` at the event, moves it an hour into the past with no check-in at the door,
   * and sends its survey to all of them; answers their registration ids by participant.
   */
  async function registeredAndSurveyed(eventId: string, people: { id: string }[]) {
    const registrations: Record<string, string> = {};
    for (const person of people) {
      registrations[person.id] = ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId, participantId: person.id },
          organizer,
        ),
      ).register.id;
    }
    await t.dataSource.query(
      `UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [eventId],
    );
    expect(
      ok(
        await t.gql<{ sendSurvey: { queued: number } }>(
          'mutation($eventId: ID!) { sendSurvey(eventId: $eventId) { queued } }',
          { eventId },
          organizer,
        ),
      ).sendSurvey.queued,
    ).toBe(people.length);
    return registrations;
  }

  it('shows no form to someone recorded as 欠席 after the survey went out, in their language', async () => {
    // No check-in at the door, so everyone registered was asked; the next day the sign-in sheet
    // shows one of them did not come, and staff correct the record.
    const id = await createPublishedEvent(t, organizer, { title: '川口ものづくり交流会' });
    const came = await createParticipant(t, organizer, { name: '来場 一郎' });
    const away = await createParticipant(t, organizer, { name: 'Liam Walker', locale: 'en' });
    const registrations = await registeredAndSurveyed(id, [came, away]);
    const surveyTo = (email: string) =>
      sink.to(email).filter((mail) => /^(Survey|【アンケート)/.test(mail.subject));
    await sink.waitUntil(() => surveyTo(came.email).length === 1 && surveyTo(away.email).length === 1);
    ok(
      await t.gql(
        'mutation($id: ID!) { markAbsent(registrationId: $id) { status } }',
        { id: registrations[away.id] },
        organizer,
      ),
    );

    const { url } = linkIn(surveyTo(away.email)[0]);
    const page = await fetch(url, { headers: { 'accept-language': 'ja' } });
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Only those who took part in this event can answer its survey.');
    expect(html).not.toContain('<form');
    // The one who came still gets the form.
    expect(await (await fetch(linkIn(surveyTo(came.email)[0]).url)).text()).toContain('<form method="post"');
  });

  it('counts only the answers of those who took part: one recorded as 欠席 after answering is left out of every figure', async () => {
    // No check-in at the door, so all three registered were asked; two answered at once. The next
    // day the sign-in sheet shows one of those two did not come.
    const id = await createPublishedEvent(t, organizer, { title: '蒲田 受発注商談会' });
    const came = await createParticipant(t, organizer, {
      name: '出席 一子',
      company: { name: '蒲田製作所' },
    });
    const away = await createParticipant(t, organizer, { name: '欠席 次郎', company: { name: '羽田工業' } });
    const quiet = await createParticipant(t, organizer, { name: '無回答 三郎' });
    const registrations = await registeredAndSurveyed(id, [came, away, quiet]);
    await eventually(async () => (await emailProgress(t, organizer, id, id)).sent === 3, 'all three sent');
    const surveyTo = (email: string) =>
      sink.to(email).filter((mail) => mail.subject.startsWith('【アンケートのお願い】'));
    await sink.waitUntil(() => [came, away, quiet].every((person) => surveyTo(person.email).length === 1));
    const answer = async (person: { email: string }, input: Record<string, unknown>) =>
      ok(
        await t.gql(
          'mutation($token: String!, $input: SurveyAnswerInput!) { submitSurvey(token: $token, input: $input) { updated } }',
          { token: linkIn(surveyTo(person.email)[0]).token, input },
        ),
      );
    await answer(came, { gainedOpportunities: true, satisfaction: 4, comment: '発注先が見つかりました' });
    await answer(away, { gainedOpportunities: true, satisfaction: 1, comment: '参加できず残念' });
    // Staff put the record right from the sign-in sheet: one came, one did not.
    ok(
      await t.gql(
        'mutation($id: ID!) { checkIn(registrationId: $id) { status } }',
        { id: registrations[came.id] },
        organizer,
      ),
    );
    ok(
      await t.gql(
        'mutation($id: ID!) { markAbsent(registrationId: $id) { status } }',
        { id: registrations[away.id] },
        organizer,
      ),
    );

    // The answer is kept, and only left out of the figures.
    const stored: { satisfaction: number }[] = await t.dataSource.query(
      `SELECT satisfaction FROM survey_responses WHERE event_id = $1 ORDER BY satisfaction`,
      [id],
    );
    expect(stored).toEqual([{ satisfaction: 1 }, { satisfaction: 4 }]);
    const results = ok(
      await t.gql<{ surveyResults: Record<string, unknown> }>(
        `query($eventId: ID!) { surveyResults(eventId: $eventId) { ${RESULT_FIELDS} } }`,
        { eventId: id },
        organizer,
      ),
    ).surveyResults;
    // Of the two who took part and were sent the survey (出席 一子, 無回答 三郎), one answered.
    expect(results).toEqual({
      sent: 2,
      responses: 1,
      excludedResponses: 1,
      responseRate: 0.5,
      responseRatePercent: 50,
      gainedOpportunities: 1,
      satisfactionAverage: 4,
      satisfaction: [
        { score: 1, count: 0 },
        { score: 2, count: 0 },
        { score: 3, count: 0 },
        { score: 4, count: 1 },
        { score: 5, count: 0 },
      ],
      answers: [
        {
          participantName: '出席 一子',
          companyName: '蒲田製作所',
          gainedOpportunities: true,
          satisfaction: 4,
          comment: '発注先が見つかりました',
        },
      ],
    });
    const answersCsv = await fetchCsv(t, `/exports/events/${id}/survey.csv`, organizer);
    expect(answersCsv.lines).toHaveLength(2);
    expect(answersCsv.text).toContain(',出席 一子,蒲田製作所,はい,4,発注先が見つかりました,');
    expect(answersCsv.text).not.toContain('欠席 次郎');

    const surveyFigures =
      'surveys { responses gainedOpportunities gainedOpportunitiesRate satisfactionAverage }';
    const eventReport = ok(
      await t.gql<{ eventReport: { surveys: Record<string, unknown> } }>(
        `query($eventId: ID!) { eventReport(eventId: $eventId) { ${surveyFigures} } }`,
        { eventId: id },
        organizer,
      ),
    ).eventReport;
    expect(eventReport.surveys).toEqual({
      responses: 1,
      gainedOpportunities: 1,
      gainedOpportunitiesRate: 100,
      satisfactionAverage: 4,
    });
    const eventCsv = await fetchCsv(t, `/exports/events/${id}/report.csv`, organizer);
    expect(eventCsv.lines).toEqual(
      expect.arrayContaining([
        '対象,集計の範囲,アンケート,参加した人（参加登録済・出席）の回答。回答の後で欠席と記録された人・キャンセルした人の回答は数えない,',
        'アンケート,回答数,,1,件',
        'アンケート,受注機会の拡大につながった割合,,100,%',
        'アンケート,満足度の平均,,4,点（5点満点）',
      ]),
    );

    // The year: the first event's two answers (はい 5, いいえ 3) and 出席 一子's (はい 4), not 欠席 次郎's.
    const [{ fiscal_year: year }]: { fiscal_year: number }[] = await t.dataSource.query(
      `SELECT fiscal_year FROM events WHERE id = $1`,
      [id],
    );
    const yearReport = ok(
      await t.gql<{ fiscalYearReport: { surveys: Record<string, unknown> } }>(
        `query($org: ID!, $fy: Int!) { fiscalYearReport(organizationId: $org, fiscalYear: $fy) { ${surveyFigures} } }`,
        { org: orgId, fy: year },
        organizer,
      ),
    ).fiscalYearReport;
    expect(yearReport.surveys).toEqual({
      responses: 3,
      gainedOpportunities: 2,
      gainedOpportunitiesRate: 66.7,
      satisfactionAverage: 4,
    });
    const yearCsv = await fetchCsv(
      t,
      `/exports/reports/fiscal-year.csv?organizationId=${orgId}&fiscalYear=${year}`,
      organizer,
    );
    expect(yearCsv.lines).toEqual(
      expect.arrayContaining([
        '対象,集計の範囲,アンケート,参加した人（参加登録済・出席）の回答。回答の後で欠席と記録された人・キャンセルした人の回答は数えない,',
        'アンケート,回答数,,3,件',
        'アンケート,受注機会の拡大につながった,,2,件',
        'アンケート,受注機会の拡大につながった割合,,66.7,%',
        'アンケート,満足度の平均,,4,点（5点満点）',
      ]),
    );

    // Put right again (the sign-in sheet was misread): the kept answer counts once more.
    ok(
      await t.gql(
        'mutation($id: ID!) { checkIn(registrationId: $id) { status } }',
        { id: registrations[away.id] },
        organizer,
      ),
    );
    expect(
      ok(
        await t.gql<{ surveyResults: { responses: number; excludedResponses: number; sent: number } }>(
          'query($eventId: ID!) { surveyResults(eventId: $eventId) { sent responses excludedResponses } }',
          { eventId: id },
          organizer,
        ),
      ).surveyResults,
    ).toEqual({ sent: 3, responses: 2, excludedResponses: 0 });
  });
});
