import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Role } from '../src/auth/actor';
import { addDays, tokyoDateOf } from '../src/common/time/calendar-date';
import { formatCalendarDate } from '../src/mail/templates/mail-dates';
import { FOLLOW_UP_DIGEST_TEMPLATE } from '../src/deals/follow-up-digest.composer';
import { FollowUpDigestsService } from '../src/deals/follow-up-digests.service';
import { WEEKLY_SCHEDULER } from '../src/deals/follow-up-digests.processor';
import { QueueName } from '../src/queue/queue-names';
import { eventually } from './support/eventually';
import { createOrganization, createParticipant, staffSession } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * Monday morning, each 支援担当 gets one email listing the follow-ups they have due in the week,
 * overdue ones first and marked; done ones and later ones are left out.
 */
describe('weekly follow-ups email to staff', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '200',
      FOLLOW_UP_DIGEST_CRON: '0 8 * * 1',
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('emails each staff member their follow-ups due within the week, once a day at most', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, {
      name: '岡谷商工会議所',
      municipality: '長野県岡谷市',
    });
    const staff = await staffSession(t, Role.STAFF, orgId, 'keiei-shido@okaya.example.jp');
    const colleague = await staffSession(t, Role.STAFF, orgId, 'colleague@okaya.example.jp');
    const person = await createParticipant(t, staff, { name: '﨑山 誠', company: { name: '﨑山製作所' } });
    const today = tokyoDateOf(new Date());
    const buyer = await createParticipant(t, staff, { name: '青戸 花子', company: { name: '青戸デザイン' } });
    const deal = ok(
      await t.gql<{ recordDeal: { id: string } }>(
        'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
        {
          input: {
            participantAId: person.id,
            participantBId: buyer.id,
            type: 'ORDER',
            title: '精密部品の試作',
          },
        },
        staff,
      ),
    ).recordDeal.id;
    const schedule = async (
      dueOn: string,
      notes: string,
      token = staff,
      about: object = { participantId: person.id },
    ) =>
      ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          { input: { ...about, dueOn, notes } },
          token,
        ),
      ).scheduleFollowUp.id;
    await schedule(addDays(today, 3), '試作品の評価結果を確認');
    await schedule(addDays(today, 4), '量産の見積りを確認', staff, { dealId: deal });
    await schedule(addDays(today, -2), '補助金申請の進捗を確認');
    await schedule(addDays(today, 20), '来月の確認（今週の対象外）');
    const done = await schedule(addDays(today, 1), '完了済み');
    ok(
      await t.gql(
        'mutation($id: ID!) { completeFollowUp(id: $id, result: "済") { completed { id } } }',
        { id: done },
        staff,
      ),
    );
    await schedule(addDays(today, 2), '同僚の担当分', colleague);

    const digests = t.app.get(FollowUpDigestsService);
    expect(await digests.writeDigests()).toEqual({ staff: 2, written: 2 });
    expect(await digests.writeDigests()).toEqual({ staff: 2, written: 0 });

    await sink.waitUntil(() => sink.to('keiei-shido@okaya.example.jp').length === 1);
    const [mail] = sink.to('keiei-shido@okaya.example.jp');
    expect(mail.subject).toBe('【フォローアップ】今週の予定 3件（うち期限超過 1件）');
    expect(mail.text).toContain('テスト 担当 様');
    // Dates as people write them (2026年12月1日(火)), overdue first.
    const overdueAt = mail.text.indexOf(`■ ${formatCalendarDate('ja', addDays(today, -2))}（期限超過）`);
    const dueAt = mail.text.indexOf(`■ ${formatCalendarDate('ja', addDays(today, 3))}`);
    expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}（期限超過）/);
    expect(overdueAt).toBeGreaterThan(-1);
    expect(dueAt).toBeGreaterThan(overdueAt);
    expect(mail.text).toContain('﨑山 誠（﨑山製作所） — 補助金申請の進捗を確認');
    // A deal's follow-up says who the deal is between.
    expect(mail.text).toContain('精密部品の試作（﨑山製作所 × 青戸デザイン） — 量産の見積りを確認');
    // No link that would answer 401 (an email link cannot carry the sign-in), no API name in the advice.
    expect(mail.text).not.toContain(`${t.url}/exports/`);
    expect(mail.text).toContain('GraphQL の followUpsDue');
    expect(mail.text).toContain('必要なら次回の期日を設定してください。');
    expect(mail.text).toContain('――――――――――――――――\n岡谷商工会議所\n');
    expect(mail.text).not.toContain('来月の確認');
    expect(mail.text).not.toContain('完了済み');
    expect(mail.text).not.toContain('同僚の担当分');
    // Work mail: no unsubscribe headers; recorded against the staff member, not a participant.
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    await sink.waitUntil(() => sink.to('colleague@okaya.example.jp').length === 1);
    await eventually(async () => {
      const rows: { status: string }[] = await t.dataSource.query(
        `SELECT status FROM outbox_messages WHERE template = $1 AND participant_id IS NULL AND user_id IS NOT NULL`,
        [FOLLOW_UP_DIGEST_TEMPLATE],
      );
      return rows.length === 2 && rows.every((row) => row.status === 'SENT');
    }, 'both digests recorded as SENT');
  });

  it('is scheduled weekly at FOLLOW_UP_DIGEST_CRON, Tokyo time', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.FOLLOW_UPS));
    const scheduler = await eventually(() => queue.getJobScheduler(WEEKLY_SCHEDULER), 'the weekly scheduler');
    expect(scheduler).toMatchObject({ pattern: '0 8 * * 1', tz: 'Asia/Tokyo' });
  });
});
