import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Role } from '../src/auth/actor';
import { addDays, tokyoDateOf } from '../src/common/time/calendar-date';
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
    const schedule = async (dueOn: string, notes: string, token = staff) =>
      ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          { input: { participantId: person.id, dueOn, notes } },
          token,
        ),
      ).scheduleFollowUp.id;
    await schedule(addDays(today, 3), '試作品の評価結果を確認');
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
    expect(mail.subject).toBe('【フォローアップ】今週の予定 2件（うち期限超過 1件）');
    expect(mail.text).toContain('テスト 担当 様');
    const overdueAt = mail.text.indexOf(`${addDays(today, -2)}（期限超過）`);
    const dueAt = mail.text.indexOf(addDays(today, 3));
    expect(overdueAt).toBeGreaterThan(-1);
    expect(dueAt).toBeGreaterThan(overdueAt);
    expect(mail.text).toContain('﨑山 誠（﨑山製作所） — 補助金申請の進捗を確認');
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
