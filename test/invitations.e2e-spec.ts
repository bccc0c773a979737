import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Participant } from '../src/participants/participant.entity';
import { QueueName } from '../src/queue/queue-names';
import { fetchCsv } from './support/csv-export';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  moveEventTo,
  staffSession,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const CAMPAIGN_FIELDS =
  'id eventId invited reinvited alreadyRegistered notEmailable total queued sent failed skipped organizerAddressMissing';

interface Campaign {
  id: string;
  invited: number;
  reinvited: number;
  alreadyRegistered: number;
  notEmailable: number;
  total: number;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
  organizerAddressMissing: boolean;
}

describe('invitations by email', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let coHostId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start({
      refuseRecipient: (address, attempt) => {
        if (address.startsWith('nosuchuser')) return 550;
        if (address.startsWith('busy') && attempt <= 2) return 451;
        // A mail server that stays down for longer than the four tries last.
        if (address.startsWith('outage') && attempt <= 4) return 451;
        return undefined;
      },
    });
    t = await createTestApp({
      ...sink.appSettings(),
      MAIL_RETRY_BASE_MS: '100',
      MAIL_MAX_ATTEMPTS: '4',
    });
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, {
      name: '東京財務事務所',
      kind: 'FINANCE_OFFICE',
      address: '〒100-0013 東京都千代田区霞が関3-1-1',
      contactEmail: 'salon@tokyo-zaimu.example.jp',
    });
    // Contact details can be added later, too.
    ok(
      await t.gql(
        'mutation($id: ID!, $input: UpdateOrganizationContactInput!) { updateOrganizationContact(id: $id, input: $input) { id } }',
        { id: orgId, input: { contactPhone: '03-1234-5678' } },
        admin,
      ),
    );
    coHostId = await createOrganization(t, admin, { name: '葛飾区商工会議所' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const invite = async (eventId: string, participantIds: string[], token = organizer) =>
    ok(
      await t.gql<{ inviteParticipants: Campaign }>(
        `mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { ${CAMPAIGN_FIELDS} } }`,
        { eventId, ids: participantIds },
        token,
      ),
    ).inviteParticipants;

  const campaign = async (id: string) =>
    ok(
      await t.gql<{ invitationCampaign: Campaign }>(
        `query($id: ID!) { invitationCampaign(id: $id) { ${CAMPAIGN_FIELDS} } }`,
        { id },
        organizer,
      ),
    ).invitationCampaign;

  const drained = (id: string) =>
    eventually(async () => {
      const current = await campaign(id);
      return (
        current.queued === 0 && current.sent + current.failed + current.skipped === current.total && current
      );
    }, `campaign ${id} to finish`);

  const registrationStatus = async (eventId: string, participantId: string) => {
    const rows: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, participantId],
    );
    return rows[0]?.status;
  };

  const link = (mail: ReceivedMail, accept: 0 | 1) => invitationAnswerLink(t, mail, accept);

  it('emails each invitee in their language, with answer links and one-click unsubscribe headers', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第3回）事業承継',
      coHostIds: [coHostId],
      capacity: 1,
    });
    const takahashi = await createParticipant(t, organizer, {
      name: '髙橋 美﨑',
      furigana: 'タカハシ ミサキ',
    });
    const english = await createParticipant(t, organizer, {
      name: 'Emma Clarke',
      furigana: 'エマ クラーク',
      locale: 'en',
    });
    const noConsent = await createParticipant(t, organizer, { consentEmail: false });

    const created = await invite(eventId, [takahashi.id, english.id, noConsent.id]);
    expect(created).toMatchObject({
      invited: 3,
      alreadyRegistered: 0,
      notEmailable: 1,
      total: 2,
      organizerAddressMissing: false,
    });
    await sink.waitUntil(
      (all) =>
        all.some((m) => m.to.includes(english.email)) && all.some((m) => m.to.includes(takahashi.email)),
    );
    expect(await drained(created.id)).toMatchObject({ total: 2, sent: 2, queued: 0, failed: 0 });
    expect(sink.to(noConsent.email)).toHaveLength(0);

    const [ja] = sink.to(takahashi.email);
    expect(ja.subject).toBe('【ご招待】東京活性化サロン（第3回）事業承継（東京財務事務所）');
    expect(ja.text).toContain('髙橋 美﨑 様');
    expect(ja.text).toContain('主催: 東京財務事務所');
    expect(ja.text).toContain('共催: 葛飾区商工会議所');
    // Why the reader gets it, and the organiser's address and contact (特定電子メール法).
    expect(ja.text).toContain(
      'このメールは、東京財務事務所が主催する「東京活性化サロン（第3回）事業承継」にご登録の方、またはご招待した方にお送りしています。',
    );
    expect(ja.text).toContain('所在地: 〒100-0013 東京都千代田区霞が関3-1-1');
    expect(ja.text).toContain('お問い合わせ: salon@tokyo-zaimu.example.jp / TEL 03-1234-5678');
    // A reply goes to the organiser, not to the no-reply sender.
    expect(ja.parsed?.replyTo).toMatchObject({
      value: [{ name: '東京財務事務所', address: 'salon@tokyo-zaimu.example.jp' }],
    });
    expect(ja.text).toContain('ご出欠を、下のボタンからお知らせください');
    expect(ja.html).toContain('髙橋 美﨑 様');
    expect(ja.html).toContain('>参加する</a>');
    expect(ja.parsed?.to).toMatchObject({ value: [{ name: '髙橋 美﨑', address: takahashi.email }] });
    expect(ja.header('List-Unsubscribe')).toMatch(
      new RegExp(`^<${t.url}/unsubscribe/${takahashi.id}\\.[0-9a-z]+\\.[\\w-]{43}>$`),
    );
    expect(ja.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    link(ja, 1);
    link(ja, 0);

    const [en] = sink.to(english.email);
    expect(en.subject).toBe('Invitation: 東京活性化サロン（第3回）事業承継 (東京財務事務所)');
    expect(en.text).toContain('Dear Emma Clarke,');
    expect(en.text).toContain('Co-hosted by 葛飾区商工会議所');
    expect(en.text).toContain('Address: 〒100-0013 東京都千代田区霞が関3-1-1');

    // The link: GET only shows a confirmation (a mail scanner's fetch changes nothing)…
    const accept = link(ja, 1);
    const page = await fetch(accept.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('このイベントに参加しますか？');
    // What they are answering to: where it is held and who runs it, not only the title and time.
    expect(html).toContain(
      '会場: 東京財務事務所 会議室<br>主催: 東京財務事務所<br>共催: 葛飾区商工会議所</p>',
    );
    expect(html).toContain('<button type="submit">参加する</button>');
    expect(await registrationStatus(eventId, takahashi.id)).toBe('INVITED');
    // …the POST registers.
    const post = () =>
      fetch(`${t.url}/invitations/respond`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
      });
    const done = await post();
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('参加登録が完了しました');
    expect(await registrationStatus(eventId, takahashi.id)).toBe('REGISTERED');
    // A confirmation follows, with the date, the place and how to cancel.
    await sink.waitUntil(() => sink.to(takahashi.email).length === 2);
    const confirmation = sink.to(takahashi.email)[1];
    expect(confirmation.subject).toBe('【参加登録完了】東京活性化サロン（第3回）事業承継');
    expect(confirmation.text).toContain('「東京活性化サロン（第3回）事業承継」への参加登録が完了しました。');
    expect(confirmation.text).toMatch(/■ 日時: \d{4}年\d{1,2}月\d{1,2}日\(.\) 18:00〜20:30/);
    expect(confirmation.text).toContain('■ 会場: 東京財務事務所 会議室');
    expect(confirmation.text).toMatch(
      new RegExp(`▶ 参加をキャンセルする\n${t.url}/registrations/cancel\\?token=`),
    );
    expect(confirmation.header('List-Unsubscribe')).toBeUndefined();
    // With the event as a calendar file, the entry a later 日時変更 email moves.
    expect(confirmation.text).toContain(
      '添付のカレンダーファイル（event.ics）を開くと、カレンダーに予定を追加できます。',
    );
    expect(confirmation.calendars).toHaveLength(1);
    expect(confirmation.calendars[0]).toContain('METHOD:PUBLISH');
    expect(confirmation.calendars[0]).toContain(`UID:event-${eventId}@tsunagu`);
    // Replaying the link answers the same and changes nothing.
    const replay = await (await post()).text();
    expect(replay).toContain('この回答はすでに承っています');
    expect(await registrationStatus(eventId, takahashi.id)).toBe('REGISTERED');
    // Opening the link again says they are registered and how to cancel, with no button to press.
    const reopened = await (await fetch(accept.url)).text();
    expect(reopened).not.toContain('<button');
    expect(reopened).not.toContain('このイベントに参加しますか？');
    expect(reopened).toContain(
      '<p>すでに参加登録済みです。参加をキャンセルする場合は、参加登録完了のお知らせメールにある「参加をキャンセルする」ボタンからお手続きください。</p>',
    );

    // The event (capacity 1) is now full: the next acceptance is waitlisted.
    const respond = `mutation($token: String!, $accept: Boolean!) { respondToInvitation(token: $token, accept: $accept) { status changed eventTitle } }`;
    const answer = ok(
      await t.gql<{ respondToInvitation: { status: string; changed: boolean } }>(respond, {
        token: link(en, 1).token,
        accept: true,
      }),
    );
    expect(answer.respondToInvitation).toMatchObject({ status: 'WAITLISTED', changed: true });
    await sink.waitUntil(() => sink.to(english.email).length === 2);
    const waitlisted = sink.to(english.email)[1];
    expect(waitlisted.subject).toBe('Waiting list: 東京活性化サロン（第3回）事業承継');
    expect(waitlisted.text).toContain('The event is full, so you are on the waiting list.');
    expect(waitlisted.text).toContain('▶ Leave the waiting list');
    // A waitlisted person cannot decline through the invitation (they cancel instead).
    expect(
      failure(await t.gql(respond, { token: link(en, 0).token, accept: false })).extensions,
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(failure(await t.gql(respond, { token: 'x'.repeat(43), accept: true })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });

    // The English invitee's pages are in English, the refusal included. On the waiting list, either
    // link says so before any button, and points to the one that takes them off it.
    const declineEn = link(en, 0);
    for (const url of [declineEn.url, link(en, 1).url]) {
      const enPage = await (await fetch(url)).text();
      expect(enPage).toContain('<html lang="en">');
      expect(enPage).not.toContain('<button');
      expect(enPage).toContain(
        '<p>You are already on the waiting list. To leave it, use the &quot;Leave the waiting list&quot; button in the email that confirmed your place on it.</p>',
      );
    }
    expect(await (await fetch(declineEn.url)).text()).toContain(
      'Venue: 東京財務事務所 会議室<br>Host: 東京財務事務所<br>Co-hosts: 葛飾区商工会議所</p>',
    );
    // A page opened before, pressed after: refused with the same words.
    const refused = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ja' },
      body: new URLSearchParams({ token: declineEn.token, accept: '0' }).toString(),
    });
    expect(refused.status).toBe(409);
    const refusal = await refused.text();
    expect(refusal).toContain('<html lang="en">');
    expect(refusal).toContain(
      '<p>You are already on the waiting list. To leave it, use the &quot;Leave the waiting list&quot; button in the email that confirmed your place on it.</p>',
    );
    // A seat holder is pointed to the confirmation's cancel button (signing in offers none).
    const declineSeated = await (await fetch(link(ja, 0).url)).text();
    expect(declineSeated).not.toContain('<button');
    expect(declineSeated).toContain(
      'すでに参加登録済みです。参加をキャンセルする場合は、参加登録完了のお知らせメールにある「参加をキャンセルする」ボタンからお手続きください。</p>',
    );
    // A link we cannot read says so in the browser's language, Japanese when it states none.
    const unknownLink = (language: string) =>
      fetch(`${t.url}/invitations/respond?token=${'x'.repeat(43)}&accept=1`, {
        headers: { 'accept-language': language },
      });
    const inEnglish = await unknownLink('en-GB,en;q=0.9,ja;q=0.5');
    expect(inEnglish.status).toBe(400);
    expect(await inEnglish.text()).toContain(
      '<p>This link is not valid. Please check the link in your email.</p>',
    );
    expect(await (await unknownLink('ja,en;q=0.5')).text()).toContain('このリンクは無効です');
    expect(await (await unknownLink('*')).text()).toContain('このリンクは無効です');
  });

  const invitations = (email: string) =>
    sink.to(email).filter((mail) => mail.subject.startsWith('【ご招待】'));
  const respondPage = (token: string, accept: 0 | 1) =>
    fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, accept: String(accept) }).toString(),
    });
  const REPLACED =
    'このご招待は、あとからお送りした新しいご招待メールに替わりました。新しいメールのボタンからお知らせください';

  it('names the event and its organisers in English to English readers, where they have English names', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const supportCenter = await createOrganization(t, admin, {
      name: '東京都中小企業振興公社',
      nameEn: 'Tokyo SME Support Center',
      kind: 'SUPPORT_AGENCY',
      municipality: '東京都千代田区',
      contactEmail: 'kokusai@tokyo-kosha.example.jp',
    });
    const host = await staffSession(t, Role.ORGANIZER, supportCenter);
    const eventId = await createPublishedEvent(t, host, {
      coHostIds: [coHostId],
      title: '東京活性化サロン（第5回）海外展開',
      titleEn: 'Tokyo Revitalisation Salon No. 5: Going Overseas',
      venue: '東京都中小企業振興公社 秋葉原庁舎 3階',
      venueEn: 'Tokyo SME Support Center, Akihabara Office, 3F',
    });
    const japanese = await createParticipant(t, organizer, { name: '山田 花子', furigana: 'ヤマダ ハナコ' });
    const english = await createParticipant(t, organizer, {
      name: 'Liam Walsh',
      furigana: 'リアム ウォルシュ',
      locale: 'en',
    });
    await invite(eventId, [japanese.id, english.id], host);
    await sink.waitUntil(() => sink.to(japanese.email).length === 1 && sink.to(english.email).length === 1);
    const [ja] = sink.to(japanese.email);
    expect(ja.subject).toBe('【ご招待】東京活性化サロン（第5回）海外展開（東京都中小企業振興公社）');
    expect(ja.parsed?.replyTo).toMatchObject({ value: [{ name: '東京都中小企業振興公社' }] });
    const [en] = sink.to(english.email);
    expect(en.subject).toBe(
      'Invitation: Tokyo Revitalisation Salon No. 5: Going Overseas (Tokyo SME Support Center)',
    );
    expect(en.text).not.toContain('海外展開');
    expect(en.text).not.toContain('東京都中小企業振興公社');
    expect(en.text).toContain('Venue: Tokyo SME Support Center, Akihabara Office, 3F');
    expect(ja.text).toContain('東京都中小企業振興公社 秋葉原庁舎 3階');
    // A co-host with no English name is named as it is.
    expect(en.text).toContain('Co-hosted by 葛飾区商工会議所');
    expect(en.parsed?.replyTo).toMatchObject({
      value: [{ name: 'Tokyo SME Support Center', address: 'kokusai@tokyo-kosha.example.jp' }],
    });

    // The page the link opens, the page after answering, and the calendar entry that follows.
    const accept = link(en, 1);
    const page = await (await fetch(accept.url)).text();
    expect(page).toContain('Tokyo Revitalisation Salon No. 5: Going Overseas');
    expect(page).toContain('Host: Tokyo SME Support Center');
    expect(page).toContain('Tokyo SME Support Center, Akihabara Office, 3F');
    const answered = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(await answered.text()).toContain(
      '<strong>Tokyo Revitalisation Salon No. 5: Going Overseas</strong>',
    );
    await sink.waitUntil(() => sink.to(english.email).length === 2);
    const confirmation = sink.to(english.email)[1];
    expect(confirmation.subject).toContain('Tokyo Revitalisation Salon No. 5: Going Overseas');
    expect(confirmation.calendars).toHaveLength(1);
    expect(confirmation.calendars[0]).toContain('SUMMARY:Tokyo Revitalisation Salon No. 5: Going Overseas');
    // The organiser and the co-host each as what they are (the line folds inside 葛飾区商工会議所).
    expect(confirmation.calendars[0]).toContain(
      'DESCRIPTION:Organised by Tokyo SME Support Center\\nCo-hosted by 葛飾区',
    );
    expect(confirmation.calendars[0]).toContain(
      'LOCATION:Tokyo SME Support Center\\, Akihabara Office\\, 3F',
    );

    // A new venue given without its English drops the old English one: English readers get the
    // new venue in Japanese rather than the old one in English.
    const moved = ok(
      await t.gql<{ updateEvent: { venue: string; venueEn: string | null } }>(
        'mutation($id: ID!) { updateEvent(id: $id, input: { venue: "東京都中小企業振興公社 本社 会議室" }) { venue venueEn } }',
        { id: eventId },
        host,
      ),
    ).updateEvent;
    expect(moved).toEqual({ venue: '東京都中小企業振興公社 本社 会議室', venueEn: null });

    // So does a new title: the English one would still name the event as it was.
    const renamed = ok(
      await t.gql<{ updateEvent: { title: string; titleEn: string | null } }>(
        'mutation($id: ID!) { updateEvent(id: $id, input: { title: "東京活性化サロン（第5回）海外展開・輸出" }) { title titleEn } }',
        { id: eventId },
        host,
      ),
    ).updateEvent;
    expect(renamed).toEqual({ title: '東京活性化サロン（第5回）海外展開・輸出', titleEn: null });
    const both = ok(
      await t.gql<{ updateEvent: { title: string; titleEn: string | null } }>(
        'mutation($id: ID!) { updateEvent(id: $id, input: { title: "東京活性化サロン（第5回）海外展開", titleEn: "Tokyo Revitalisation Salon No. 5: Going Overseas" }) { title titleEn } }',
        { id: eventId },
        host,
      ),
    ).updateEvent;
    expect(both.titleEn).toBe('Tokyo Revitalisation Salon No. 5: Going Overseas');

    // Staff read and clear it like any other field; without it, everyone reads the Japanese title.
    const cleared = ok(
      await t.gql<{ updateEvent: { title: string; titleEn: string | null } }>(
        'mutation($id: ID!) { updateEvent(id: $id, input: { titleEn: null }) { title titleEn } }',
        { id: eventId },
        host,
      ),
    ).updateEvent;
    expect(cleared).toEqual({ title: '東京活性化サロン（第5回）海外展開', titleEn: null });
    expect(
      failure(
        await t.gql(
          'mutation($id: ID!, $en: String) { updateEvent(id: $id, input: { titleEn: $en }) { id } }',
          {
            id: eventId,
            en: 'x'.repeat(201),
          },
          host,
        ),
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'titleEn' });
  });

  it('records a decline once, and invites again someone who declined, with a new email that answers', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: 'ミニサロン（DX）',
      kind: 'MINI_SALON',
      capacity: 20,
    });
    const person = await createParticipant(t, organizer, { name: '山﨑 太郎' });
    const first = await invite(eventId, [person.id]);
    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const decline = link(sink.to(person.email)[0], 0);
    const respond = `mutation($token: String!, $accept: Boolean!) { respondToInvitation(token: $token, accept: $accept) { status changed } }`;
    const answer = async (token: string, accept: boolean) =>
      ok(await t.gql<{ respondToInvitation: object }>(respond, { token, accept })).respondToInvitation;
    expect(await answer(decline.token, false)).toEqual({ status: 'DECLINED', changed: true });
    expect(await answer(decline.token, false)).toEqual({ status: 'DECLINED', changed: false });
    expect((await drained(first.id)).sent).toBe(1);

    // They phone to say they can come after all: invited again, twice in a row by mistake.
    const again = await invite(eventId, [person.id]);
    expect(again).toMatchObject({
      invited: 1,
      reinvited: 1,
      alreadyRegistered: 0,
      notEmailable: 0,
      total: 1,
    });
    expect(await registrationStatus(eventId, person.id)).toBe('INVITED');
    const twice = await invite(eventId, [person.id]);
    expect(twice).toMatchObject({ invited: 0, reinvited: 0, alreadyRegistered: 1, total: 0 });
    expect((await drained(again.id)).sent).toBe(1);
    await sink.waitUntil(() => invitations(person.email).length === 2);
    const second = invitations(person.email)[1];
    expect(second.text).toContain('より、「ミニサロン（DX）」へのご案内を改めてお送りします。');
    expect(second.text).toContain('以前のご招待メールのボタンは使えません。上のボタンからお知らせください。');

    // The first email's buttons no longer answer: its decline, given before, would otherwise
    // decline this invitation too (a reload of the page that took it, say).
    expect(failure(await t.gql(respond, { token: decline.token, accept: false })).extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'token',
    });
    const oldAccept = link(invitations(person.email)[0], 1);
    const oldPage = await (await fetch(oldAccept.url)).text();
    expect(oldPage).toContain(REPLACED);
    expect(oldPage).not.toContain('<button');
    expect(await (await respondPage(oldAccept.token, 1)).text()).toContain(REPLACED);
    expect(await registrationStatus(eventId, person.id)).toBe('INVITED');

    // The new one's page asks, as a first invitation's does (not "already declined"), and registers.
    const accept = link(second, 1);
    const page = await (await fetch(accept.url)).text();
    expect(page).toContain('このイベントに参加しますか？');
    expect(page).toContain('<button type="submit">参加する</button>');
    expect(await (await respondPage(accept.token, 1)).text()).toContain('参加登録が完了しました');
    expect(await registrationStatus(eventId, person.id)).toBe('REGISTERED');
    await sink.waitUntil(() =>
      sink.to(person.email).some((mail) => mail.subject.startsWith('【参加登録完了】')),
    );
    // Answered from the new email, the old one's buttons still point there, not to an expiry.
    expect(await (await fetch(oldAccept.url)).text()).toContain(REPLACED);

    // Registered now: a further invitation leaves them as they are, and writes no email.
    const registered = await invite(eventId, [person.id]);
    expect(registered).toMatchObject({ invited: 0, reinvited: 0, alreadyRegistered: 1, total: 0 });
    expect(await registrationStatus(eventId, person.id)).toBe('REGISTERED');
    expect(invitations(person.email)).toHaveLength(2);
  });

  it('asks for the answer by the 申込締切 staff set, and takes no 参加する after it', async () => {
    const closesAt = new Date(Date.now() + 60 * 60 * 1000);
    const eventId = await createPublishedEvent(t, organizer, {
      title: '事業承継セミナー',
      kind: 'SEMINAR',
      registrationClosesAt: closesAt.toISOString(),
    });
    const [late, declining] = await Promise.all([
      createParticipant(t, organizer, { name: '遅野 一郎' }),
      createParticipant(t, organizer, { name: '辞野 花子' }),
    ]);
    await invite(eventId, [late.id, declining.id]);
    await sink.waitUntil(
      () => invitations(late.email).length === 1 && invitations(declining.email).length === 1,
    );
    const [mail] = invitations(late.email);
    expect(mail.text).toMatch(/ご回答は、申込締切の\d{4}年\d+月\d+日\(.\) \d{2}:\d{2}までにお願いします。/);
    expect(mail.text).not.toContain('リンクは開催終了まで有効です');

    // The deadline passes.
    await t.dataSource.query(
      `UPDATE events SET registration_closes_at = now() - interval '1 minute' WHERE id = $1`,
      [eventId],
    );
    // The 参加する page no longer offers the button: it says why, and whom to ask, as the POST would.
    const closedPage = await (await fetch(link(mail, 1).url)).text();
    expect(closedPage).not.toContain('<button type="submit">参加する</button>');
    expect(closedPage).toMatch(
      /申込の受付は.+で締め切りました。ご参加を希望される場合は、東京財務事務所.*にお問い合わせください。/,
    );
    const closed = await respondPage(link(mail, 1).token, 1);
    expect(closed.status).toBe(409);
    expect(await closed.text()).toMatch(
      /申込の受付は.+で締め切りました。ご参加を希望される場合は、.+にお問い合わせください。/,
    );
    expect(await registrationStatus(eventId, late.id)).toBe('INVITED');
    // Saying no still helps them plan.
    await respondPage(link(invitations(declining.email)[0], 0).token, 0);
    expect(await registrationStatus(eventId, declining.id)).toBe('DECLINED');
  });

  it('offers no button that would only be refused: 辞退する after cancelling, and either link once staff closed the event', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '創業支援サロン' });
    const [ja, en] = await Promise.all([
      createParticipant(t, organizer, { name: '取消 一郎' }),
      createParticipant(t, organizer, { name: 'Chloe Martin', locale: 'en' }),
    ]);
    await invite(eventId, [ja.id, en.id]);
    await sink.waitUntil(() => invitations(ja.email).length === 1 && sink.to(en.email).length === 1);
    const [jaMail, enMail] = [invitations(ja.email)[0], sink.to(en.email)[0]];
    // Both accept, then cancel their registration themselves (the invitation's links still work).
    for (const mail of [jaMail, enMail]) expect((await respondPage(link(mail, 1).token, 1)).status).toBe(200);
    for (const person of [ja, en]) {
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, person.id],
      );
      ok(
        await t.gql(
          'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
          { id },
          await t.participantToken(person.id),
        ),
      );
    }
    // 辞退する has nothing left to decline: it says so, without a button.
    const declineJa = await (await fetch(link(jaMail, 0).url)).text();
    expect(declineJa).not.toContain('<button');
    expect(declineJa).not.toContain('辞退しますか');
    expect(declineJa).toContain(
      '<p>このイベントへの参加はキャンセル済みです。辞退のお手続きは必要ありません。</p>',
    );
    const declineEn = await (
      await fetch(link(enMail, 0).url, { headers: { 'accept-language': 'ja' } })
    ).text();
    expect(declineEn).toContain('<html lang="en">');
    expect(declineEn).not.toContain('<button');
    expect(declineEn).toContain(
      '<p>Your registration for this event is already cancelled, so there is nothing to decline.</p>',
    );
    // 参加する still takes them back: its question stands.
    expect(await (await fetch(link(jaMail, 1).url)).text()).toContain(
      '<button type="submit">参加する</button>',
    );
    expect(await registrationStatus(eventId, ja.id)).toBe('CANCELLED');

    // An event staff closed (終了) an hour into its day, before its end time: neither link asks.
    const closedId = await createPublishedEvent(t, organizer, { title: '早じまいサロン' });
    const [jaLate, enLate] = await Promise.all([
      createParticipant(t, organizer, { name: '終了 花子' }),
      createParticipant(t, organizer, { name: 'Liam Ford', locale: 'en' }),
    ]);
    await invite(closedId, [jaLate.id, enLate.id]);
    await sink.waitUntil(() => invitations(jaLate.email).length === 1 && sink.to(enLate.email).length === 1);
    await moveEventTo(t, closedId, new Date(Date.now() - 60 * 60 * 1000).toISOString());
    ok(await t.gql('mutation($id: ID!) { closeEvent(id: $id) { status } }', { id: closedId }, organizer));
    for (const accept of [1, 0] as const) {
      const jaPage = await (await fetch(link(invitations(jaLate.email)[0], accept).url)).text();
      expect(jaPage).not.toContain('<button');
      expect(jaPage).toContain('<p>このイベントは終了しました。</p>');
      const enPage = await (await fetch(link(sink.to(enLate.email)[0], accept).url)).text();
      expect(enPage).toContain('<html lang="en">');
      expect(enPage).not.toContain('<button');
      expect(enPage).toContain('<p>This event has ended.</p>');
    }
    expect(await registrationStatus(closedId, jaLate.id)).toBe('INVITED');
  });

  it('invites again someone whose seat staff cancelled: the new invitation seats them, the old one says it was replaced', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '事業承継セミナー（招待制）',
      visibility: 'INVITE_ONLY',
      capacity: 10,
    });
    const person = await createParticipant(t, organizer, { name: '佐藤 花子' });
    const other = await createParticipant(t, organizer, { name: '鈴木 一郎' });
    await invite(eventId, [person.id, other.id]);
    await sink.waitUntil(
      () => invitations(person.email).length === 1 && invitations(other.email).length === 1,
    );
    const firstAccept = link(invitations(person.email)[0], 1);
    expect(await (await respondPage(firstAccept.token, 1)).text()).toContain('参加登録が完了しました');
    const [{ id: registrationId }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, person.id],
    );
    await sink.waitUntil(() =>
      sink.to(person.email).some((mail) => mail.subject.startsWith('【参加登録完了】')),
    );
    // Cancelled by mistake, later: they are told, and the seat is gone.
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
        { id: registrationId },
        organizer,
      ),
    );
    expect(await registrationStatus(eventId, person.id)).toBe('CANCELLED');
    await sink.waitUntil(() =>
      sink.to(person.email).some((mail) => mail.subject.startsWith('【参加取消のお知らせ】')),
    );

    // Invited again, together with someone who has not answered yet (still counted as there).
    const again = await invite(eventId, [person.id, other.id]);
    expect(again).toMatchObject({ invited: 1, reinvited: 1, alreadyRegistered: 1, total: 1 });
    expect(await registrationStatus(eventId, person.id)).toBe('INVITED');
    expect((await drained(again.id)).sent).toBe(1);
    await sink.waitUntil(() => invitations(person.email).length === 2);
    expect(invitations(other.email)).toHaveLength(1);
    const second = invitations(person.email)[1];
    expect(second.text).toContain('へのご案内を改めてお送りします。');

    // The first invitation's links (ended when staff cancelled) say a newer email has come.
    const oldPage = await (await fetch(firstAccept.url)).text();
    expect(oldPage).toContain(REPLACED);
    expect(await (await respondPage(link(invitations(person.email)[0], 0).token, 0)).text()).toContain(
      REPLACED,
    );
    // So does the cancel link of the seat they had, in its 【参加登録完了】.
    const confirmed = sink.to(person.email).find((mail) => mail.subject.startsWith('【参加登録完了】'))!;
    const oldCancel = await fetch(
      new RegExp(`${t.url}/registrations/cancel\\?token=[\\w-]+`).exec(confirmed.text)![0],
    );
    const oldCancelPage = await oldCancel.text();
    expect(oldCancelPage).toContain(
      '<p>このリンクは新しいご案内メールに置き換わりました。最新のメールのリンクをご利用ください。</p>',
    );
    expect(oldCancelPage).not.toContain('<button');
    expect(await registrationStatus(eventId, person.id)).toBe('INVITED');

    const accept = link(second, 1);
    expect(await (await fetch(accept.url)).text()).toContain('このイベントに参加しますか？');
    expect(await (await respondPage(accept.token, 1)).text()).toContain('参加登録が完了しました');
    expect(await registrationStatus(eventId, person.id)).toBe('REGISTERED');
    // Confirmed again, with the calendar file that puts the event back.
    await sink.waitUntil(
      () => sink.to(person.email).filter((mail) => mail.subject.startsWith('【参加登録完了】')).length === 2,
    );
    const confirmations = sink.to(person.email).filter((mail) => mail.subject.startsWith('【参加登録完了】'));
    expect(confirmations[1].calendars[0]).toContain('METHOD:PUBLISH');
    // One registration: one line of the list, counted once.
    const list = await fetchCsv(t, `/exports/events/${eventId}/registrations.csv`, organizer);
    expect(list.lines.filter((line) => line.includes('佐藤 花子'))).toHaveLength(1);
    const counts = ok(
      await t.gql<{ event: { registrationCounts: { registered: number; invited: number } } }>(
        'query($id: ID!) { event(id: $id) { registrationCounts { registered invited } } }',
        { id: eventId },
        organizer,
      ),
    ).event.registrationCounts;
    expect(counts).toMatchObject({ registered: 1, invited: 1 });
  });

  it('confirms a seat taken from an invitation after cancelling, answered at once or after declining it, with the calendar file', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '創業支援ミニサロン',
      kind: 'MINI_SALON',
      capacity: 10,
    });
    // Invited, registered and cancelled; invited again, they decline, then accept after all.
    const invitedTwice = await createParticipant(t, organizer, { name: '小林 誠' });
    // Registered on their own and cancelled; their first invitation, declined and then accepted.
    const declinedFirst = await createParticipant(t, organizer, { name: '加藤 由美' });
    // Registered on their own and cancelled; their first invitation, accepted at once.
    const acceptedFirst = await createParticipant(t, organizer, { name: '吉田 恵' });
    const seats = (email: string) =>
      sink.to(email).filter((mail) => mail.subject === '【参加登録完了】創業支援ミニサロン');
    const cancelOwn = async (participantId: string) => {
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, participantId],
      );
      ok(
        await t.gql(
          'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
          { id },
          await t.participantToken(participantId),
        ),
      );
    };

    await invite(eventId, [invitedTwice.id]);
    await sink.waitUntil(() => invitations(invitedTwice.email).length === 1);
    await respondPage(link(invitations(invitedTwice.email)[0], 1).token, 1);
    for (const person of [declinedFirst, acceptedFirst])
      ok(
        await t.gql(
          'mutation($e: ID!) { register(eventId: $e) { id } }',
          { e: eventId },
          await t.participantToken(person.id),
        ),
      );
    const everyone = [invitedTwice, declinedFirst, acceptedFirst];
    await sink.waitUntil(() => everyone.every((person) => seats(person.email).length === 1));
    for (const person of everyone) await cancelOwn(person.id);
    for (const person of everyone) expect(await registrationStatus(eventId, person.id)).toBe('CANCELLED');

    await invite(
      eventId,
      everyone.map((person) => person.id),
    );
    await sink.waitUntil(() =>
      everyone.every((person) => invitations(person.email).length === (person === invitedTwice ? 2 : 1)),
    );
    const latest = (email: string) => invitations(email).at(-1)!;
    for (const person of [invitedTwice, declinedFirst]) {
      const declined = await (await respondPage(link(latest(person.email), 0).token, 0)).text();
      expect(declined).toContain('ご都合が変わりましたら');
      expect(await registrationStatus(eventId, person.id)).toBe('DECLINED');
    }
    for (const person of everyone) {
      const accepted = await (await respondPage(link(latest(person.email), 1).token, 1)).text();
      expect(accepted).toContain('参加登録が完了しました');
      expect(await registrationStatus(eventId, person.id)).toBe('REGISTERED');
    }

    await sink.waitUntil(
      () => everyone.every((person) => seats(person.email).length === 2),
      30_000,
      'a second 【参加登録完了】 to each',
    );
    for (const person of everyone) {
      const [again] = seats(person.email).slice(1);
      expect(again.text).toContain('参加をキャンセルする');
      expect(again.calendars).toHaveLength(1);
      expect(again.calendars[0]).toContain('METHOD:PUBLISH');
    }
  });

  /** The page behind a cancel link, and the page its button's POST answers. */
  const cancelPage = async (token: string) => {
    const response = await fetch(`${t.url}/registrations/cancel?token=${token}`);
    return { status: response.status, html: await response.text() };
  };
  const pressCancel = async (token: string) => {
    const response = await fetch(`${t.url}/registrations/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    return { status: response.status, html: await response.text() };
  };
  const cancelToken = (mail: ReceivedMail) =>
    new RegExp(`${t.url}/registrations/cancel\\?token=([\\w-]+)`).exec(mail.text)![1];

  it('a cancel link of a seat held before an invitation ends with it: it neither withdraws the invitation nor cancels the seat it gives, and says a newer email replaced it', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '販路開拓ミニサロン',
      kind: 'MINI_SALON',
      capacity: 10,
    });
    const person = await createParticipant(t, organizer, { name: '松本 健' });
    const english = await createParticipant(t, organizer, { name: 'Oliver Grant', locale: 'en' });
    const seats = (email: string) =>
      sink.to(email).filter((mail) => /^(【参加登録完了】|You are registered: )/.test(mail.subject));
    const invitationsTo = (email: string) =>
      sink.to(email).filter((mail) => /^(【ご招待】|Invitation: )/.test(mail.subject));
    const everyone = [person, english];
    await invite(
      eventId,
      everyone.map(({ id }) => id),
    );
    await sink.waitUntil(() => everyone.every(({ email }) => invitationsTo(email).length === 1));
    for (const { email } of everyone) await respondPage(link(invitationsTo(email)[0], 1).token, 1);
    await sink.waitUntil(() => everyone.every(({ email }) => seats(email).length === 1));
    const [oldLink, oldEnglishLink] = everyone.map(({ email }) => cancelToken(seats(email)[0]));
    for (const { id } of everyone) {
      const [{ id: registrationId }]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, id],
      );
      ok(
        await t.gql(
          'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
          { id: registrationId },
          await t.participantToken(id),
        ),
      );
    }
    await invite(
      eventId,
      everyone.map(({ id }) => id),
    );
    await sink.waitUntil(() => everyone.every(({ email }) => invitationsTo(email).length === 2));

    // The old link asks nothing and changes nothing: the invitation stays 招待中 for staff. It says
    // why, in the words of its reader: a newer email took its place, not that something went wrong.
    const opened = await cancelPage(oldLink);
    expect(opened.html).toContain('<h1>新しいご案内メールをご確認ください</h1>');
    expect(opened.html).not.toContain('できませんでした');
    expect(opened.html).toContain(
      '<p>このリンクは新しいご案内メールに置き換わりました。最新のメールのリンクをご利用ください。</p>',
    );
    expect(opened.html).not.toContain('有効期限');
    expect(opened.html).not.toContain('<button');
    expect((await pressCancel(oldLink)).html).toContain(
      '<p>このリンクは新しいご案内メールに置き換わりました。最新のメールのリンクをご利用ください。</p>',
    );
    expect(await registrationStatus(eventId, person.id)).toBe('INVITED');
    const REPLACED_EN =
      '<p>This link was replaced by a newer email from us. Please use the link in the latest email.</p>';
    const openedEn = await fetch(`${t.url}/registrations/cancel?token=${oldEnglishLink}`, {
      headers: { 'accept-language': 'ja' },
    });
    const openedEnHtml = await openedEn.text();
    expect(openedEnHtml).toContain('<html lang="en">');
    expect(openedEnHtml).toContain(REPLACED_EN);
    expect(openedEnHtml).toContain('<h1>Please see our latest email</h1>');
    expect(openedEnHtml).not.toContain('expired');
    expect(openedEnHtml).not.toContain('<button');
    expect((await pressCancel(oldEnglishLink)).html).toContain(REPLACED_EN);
    expect(await registrationStatus(eventId, english.id)).toBe('INVITED');
    const invited = async () =>
      ok(
        await t.gql<{ event: { registrationCounts: { registered: number; invited: number } } }>(
          'query($id: ID!) { event(id: $id) { registrationCounts { registered invited } } }',
          { id: eventId },
          organizer,
        ),
      ).event.registrationCounts;
    expect(await invited()).toMatchObject({ invited: 2, registered: 0 });

    // Accepted: the seat is cancelled from its own confirmation's link, not from the old one.
    await respondPage(link(invitationsTo(person.email)[1], 1).token, 1);
    await sink.waitUntil(() => seats(person.email).length === 2);
    expect((await pressCancel(oldLink)).html).toContain('このリンクは新しいご案内メールに置き換わりました。');
    expect(await registrationStatus(eventId, person.id)).toBe('REGISTERED');
    const newLink = cancelToken(seats(person.email)[1]);
    expect((await cancelPage(newLink)).html).toContain('このイベントへの参加をキャンセルしますか？');
  });

  it('a cancel link finds nothing to cancel while its person is invited or has declined, and says so in their language', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: 'DX推進ミニサロン',
      kind: 'MINI_SALON',
      capacity: 10,
    });
    const [invitedJa, declinedJa, invitedEn, declinedEn] = await Promise.all([
      createParticipant(t, organizer, { name: '村上 翔' }),
      createParticipant(t, organizer, { name: '清水 彩' }),
      createParticipant(t, organizer, { name: 'Noah Baker', locale: 'en' }),
      createParticipant(t, organizer, { name: 'Mia Turner', locale: 'en' }),
    ]);
    const everyone = [invitedJa, declinedJa, invitedEn, declinedEn];
    await invite(
      eventId,
      everyone.map((person) => person.id),
    );
    await sink.waitUntil(() => everyone.every((person) => sink.to(person.email).length === 1));
    for (const person of [declinedJa, declinedEn])
      await respondPage(link(sink.to(person.email)[0], 0).token, 0);
    // A cancel link still live for each (one a confirmation sent before would carry).
    const [{ startsAt }]: { startsAt: Date }[] = await t.dataSource.query(
      'SELECT starts_at AS "startsAt" FROM events WHERE id = $1',
      [eventId],
    );
    const linkOf = async (participantId: string) => {
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, participantId],
      );
      const [raw] = await t.app
        .get(ActionTokensService)
        .mint(t.dataSource.manager, [
          { purpose: TokenPurpose.REGISTRATION_CANCEL, subjectId: id, expiresAt: startsAt },
        ]);
      return raw;
    };
    const says: [{ id: string }, string, string][] = [
      [
        invitedJa,
        'INVITED',
        '<p>現在、このイベントのお席もキャンセル待ちもお持ちでないため、キャンセルの必要はありません。ご参加・ご辞退は、ご招待メールのボタンからお知らせください。</p>',
      ],
      [
        declinedJa,
        'DECLINED',
        '<p>このイベントへのご招待は、辞退として承っています。現在、このイベントのお席もキャンセル待ちもお持ちでないため、キャンセルの必要はありません。</p>',
      ],
      [
        invitedEn,
        'INVITED',
        '<p>You hold no seat and no place on the waiting list for this event, so there is nothing to cancel. Please answer the invitation with the buttons in its email.</p>',
      ],
      [
        declinedEn,
        'DECLINED',
        '<p>You declined the invitation to this event. You hold no seat and no place on the waiting list for this event, so there is nothing to cancel.</p>',
      ],
    ];
    for (const [person, status, text] of says) {
      const raw = await linkOf(person.id);
      const opened = await cancelPage(raw);
      expect(opened.status).toBe(200);
      expect(opened.html).toContain(text);
      expect(opened.html).not.toContain('<button');
      const pressed = await pressCancel(raw);
      expect(pressed.status).toBe(200);
      expect(pressed.html).toContain(text);
      expect(pressed.html).not.toMatch(/確認のメールをお送りします|We are sending you an email/);
      expect(await registrationStatus(eventId, person.id)).toBe(status);
    }
    // Nothing was written to anyone but their invitation.
    const [{ count }]: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE event_id = $1 AND template <> 'invitation'`,
      [eventId],
    );
    expect(count).toBe(0);
  });

  it('sends only the new invitation of someone invited again before their first one went out', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '海外展開ミニサロン',
      kind: 'MINI_SALON',
      capacity: 10,
    });
    const person = await createParticipant(t, organizer, { name: '井上 直子' });
    // The mail queue holds the first invitation while the seat is cancelled and she is invited again.
    const queue = t.app.get<Queue>(getQueueToken(QueueName.MAIL));
    await queue.pause();
    let first: Campaign;
    let again: Campaign;
    try {
      first = await invite(eventId, [person.id]);
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, person.id],
      );
      ok(await t.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id }, organizer));
      again = await invite(eventId, [person.id]);
      expect(again).toMatchObject({ invited: 1, reinvited: 1, total: 1 });
    } finally {
      await queue.resume();
    }
    expect(await drained(first.id)).toMatchObject({ total: 1, sent: 0, skipped: 1 });
    expect(await drained(again.id)).toMatchObject({ total: 1, sent: 1 });
    await sink.waitUntil(() => invitations(person.email).length === 1);
    const [only] = invitations(person.email);
    expect(only.text).toContain('へのご案内を改めてお送りします。');
    const accept = link(only, 1);
    expect(await (await respondPage(accept.token, 1)).text()).toContain('参加登録が完了しました');
    expect(await registrationStatus(eventId, person.id)).toBe('REGISTERED');
  });

  it('retries a temporary refusal (4xx) and delivers once; a hard bounce (5xx) fails and suppresses the address', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '川口商談会' });
    const busy = await createParticipant(t, organizer, { email: 'busy-mailbox@example.jp' });
    const bounce = await createParticipant(t, organizer, { email: 'nosuchuser@example.jp' });
    const fine = await createParticipant(t, organizer);
    const created = await invite(eventId, [busy.id, bounce.id, fine.id]);
    const result = await drained(created.id);
    expect(result).toMatchObject({ total: 3, sent: 2, failed: 1, queued: 0 });
    expect(sink.to(busy.email)).toHaveLength(1);
    expect(sink.to(fine.email)).toHaveLength(1);
    expect(sink.refusals.filter((refusal) => refusal.address === busy.email).map((r) => r.code)).toEqual([
      451, 451,
    ]);

    const rows = await t.dataSource.getRepository(OutboxMessage).findBy({ batchId: created.id });
    expect(rows.find((row) => row.participantId === busy.id)).toMatchObject({
      status: 'SENT',
      attempts: 3,
      resentAfterCrash: 0,
    });
    expect(rows.find((row) => row.participantId === bounce.id)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
    });

    // Organizers see what failed and why.
    const failed = ok(
      await t.gql<{
        outboxMessages: {
          totalCount: number;
          edges: { node: { recipientEmail: string; lastError: string } }[];
        };
      }>(
        `query($eventId: ID!, $batchId: ID) { outboxMessages(eventId: $eventId, batchId: $batchId, status: FAILED) { totalCount edges { node { recipientEmail lastError attempts } } } }`,
        { eventId, batchId: created.id },
        organizer,
      ),
    ).outboxMessages;
    expect(failed.totalCount).toBe(1);
    expect(failed.edges[0].node.recipientEmail).toBe('nosuchuser@example.jp');
    expect(failed.edges[0].node.lastError).toMatch(/550/);

    // emailProgress says something is wrong, in words staff understand, and what is still retrying.
    const progress = async () =>
      ok(
        await t.gql<{ emailProgress: Record<string, unknown> }>(
          'query($e: ID!, $b: ID!) { emailProgress(eventId: $e, batchId: $b) { queued retrying lastError lastErrorDetail } }',
          { e: eventId, b: created.id },
          organizer,
        ),
      ).emailProgress;
    expect(await progress()).toMatchObject({
      queued: 0,
      retrying: 0,
      lastError: '宛先に届きませんでした（アドレスが存在しないなど）',
      lastErrorDetail: expect.stringMatching(/550/),
    });
    // As when the mail server is down: a row waiting for its next try after a refused connection.
    const bounced = rows.find((row) => row.participantId === bounce.id)!;
    await t.dataSource.query(
      `UPDATE outbox_messages SET status = 'PENDING', last_error = 'connect ECONNREFUSED 127.0.0.1:1025', updated_at = now() WHERE id = $1`,
      [bounced.id],
    );
    expect(await progress()).toMatchObject({
      queued: 1,
      retrying: 1,
      lastError: 'メールサーバーに接続できません（再送を試みています）',
    });
    // Its last try spent, it no longer says it is being retried: staff are to resend it.
    await t.dataSource.query(`UPDATE outbox_messages SET status = 'FAILED' WHERE id = $1`, [bounced.id]);
    expect(await progress()).toMatchObject({
      retrying: 0,
      lastError:
        'メールサーバーに接続できません（自動の再送は終了しました。原因を解消してから再送してください）',
    });

    const suppressed = await t.dataSource.getRepository(Participant).findOneByOrFail({ id: bounce.id });
    expect(suppressed.emailSuppressedAt).toBeInstanceOf(Date);
    const next = await createPublishedEvent(t, organizer, { title: '次回サロン' });
    expect(await invite(next, [bounce.id])).toMatchObject({ invited: 1, notEmailable: 1, total: 0 });
  });

  it('sends failed emails again when staff ask, and only once; a bounced address stays failed', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '足立区ものづくり商談会' });
    const outage = await createParticipant(t, organizer, { email: 'outage-mailbox@example.jp' });
    const bounce = await createParticipant(t, organizer, { email: 'nosuchuser-adachi@example.jp' });
    const created = await invite(eventId, [outage.id, bounce.id]);
    expect(await drained(created.id)).toMatchObject({ total: 2, sent: 0, failed: 2 });
    expect(sink.to(outage.email)).toHaveLength(0);

    const resend = async (as: string, batchId?: string) =>
      t.gql<{ resendFailedEmails: number }>(
        'mutation($e: ID!, $b: ID) { resendFailedEmails(eventId: $e, batchId: $b) }',
        { e: eventId, b: batchId },
        as,
      );
    const admin = await staffSession(t, Role.ADMIN, null);
    const other = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '足立区産業経済部', kind: 'MUNICIPALITY' }),
    );
    expect(failure(await resend(other)).extensions?.code).toBe('FORBIDDEN');

    expect(ok(await resend(organizer, created.id)).resendFailedEmails).toBe(1);
    expect(await drained(created.id)).toMatchObject({ total: 2, sent: 1, failed: 1 });
    expect(sink.to(outage.email)).toHaveLength(1);
    expect(sink.to(outage.email)[0].subject).toContain('足立区ものづくり商談会');
    // Nothing is left that would not bounce again: asking twice sends nothing twice.
    expect(ok(await resend(organizer)).resendFailedEmails).toBe(0);
    const rows = await t.dataSource.getRepository(OutboxMessage).findBy({ batchId: created.id });
    expect(rows.find((row) => row.participantId === bounce.id)).toMatchObject({ status: 'FAILED' });
    expect(rows.find((row) => row.participantId === outage.id)).toMatchObject({
      status: 'SENT',
      attempts: 5,
      lastError: null,
    });
  });

  it('unsubscribes with one click (RFC 8058): GET confirms, POST opts out, and no further invitation is queued', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '尼崎ものづくりサロン' });
    const person = await createParticipant(t, organizer, { name: '﨑田 花子' });
    await invite(eventId, [person.id]);
    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const url = /^<(.+)>$/.exec(sink.to(person.email)[0].header('List-Unsubscribe') ?? '')![1];

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('配信を停止する');
    const repository = t.dataSource.getRepository(Participant);
    expect((await repository.findOneByOrFail({ id: person.id })).emailOptOut).toBe(false);

    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await repository.findOneByOrFail({ id: person.id })).emailOptOut).toBe(true);
    expect((await fetch(url, { method: 'POST' })).status).toBe(200); // idempotent

    const next = await createPublishedEvent(t, organizer, { title: '尼崎ものづくりサロン（第2回）' });
    expect(await invite(next, [person.id])).toMatchObject({ invited: 1, notEmailable: 1, total: 0 });
    // Staff see why: the consent stays as given, the opt-out beside it, in GraphQL and in the CSV.
    expect(
      ok(
        await t.gql<{ participant: Record<string, unknown> }>(
          'query($id: ID!) { participant(id: $id) { consentEmail emailOptOut emailSuppressed } }',
          { id: person.id },
          organizer,
        ),
      ).participant,
    ).toEqual({ consentEmail: true, emailOptOut: true, emailSuppressed: false });
    const exported = await fetch(`${t.url}/exports/participants.csv`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    const [header, ...rows] = (await exported.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header.split(',');
    const cells = rows.find((row) => row.includes(person.email))!.split(',');
    expect(cells[columns.indexOf('メール受信同意')]).toBe('はい');
    expect(cells[columns.indexOf('メール配信停止')]).toBe('はい');

    // Stopped by mistake: the page that confirmed it, and the link visited again later, offer the
    // way back; the button (a POST) switches event emails on again.
    const stopped = await (await fetch(url)).text();
    expect(stopped).toContain(
      'へのイベントのご案内・おすすめ・リマインダー・アンケートのメールは、配信を停止しています。',
    );
    expect(stopped).not.toContain('>配信を停止する<');
    const back = /<form method="post" action="([^"]+)"><button type="submit">配信を再開する<\/button>/.exec(
      stopped,
    );
    expect(back?.[1]).toMatch(/^\.\/.+\/resubscribe$/);
    const resumed = await fetch(new URL(back![1], url), { method: 'POST' });
    expect(resumed.status).toBe(200);
    expect(await resumed.text()).toContain('配信を再開しました。');
    expect((await repository.findOneByOrFail({ id: person.id })).emailOptOut).toBe(false);
    const third = await createPublishedEvent(t, organizer, { title: '尼崎ものづくりサロン（第3回）' });
    expect(await invite(third, [person.id])).toMatchObject({ invited: 1, notEmailable: 0, total: 1 });
    await sink.waitUntil(() => sink.to(person.email).length === 2);
    // And off again from the newest email, whose confirmation page offers the way back too.
    const again = await fetch(url, { method: 'POST' });
    expect(await again.text()).toContain('>配信を再開する</button>');
    expect((await repository.findOneByOrFail({ id: person.id })).emailOptOut).toBe(true);
    expect((await fetch(`${t.url}/unsubscribe/${'y'.repeat(43)}`)).status).toBe(400);
    // A forged link (someone else's id with this signature) is refused.
    const other = await createParticipant(t, organizer, { name: '別人 太郎' });
    const forged = url.replace(person.id, other.id);
    expect((await fetch(forged, { method: 'POST' })).status).toBe(400);
    expect((await repository.findOneByOrFail({ id: other.id })).emailOptOut).toBe(false);
    // Links in emails sent before links were signed (stored tokens) still work.
    const [stored] = await t.app.get(ActionTokensService).mint(t.dataSource.manager, [
      {
        purpose: TokenPurpose.UNSUBSCRIBE,
        subjectId: other.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    ]);
    expect((await fetch(`${t.url}/unsubscribe/${stored}`, { method: 'POST' })).status).toBe(200);
    expect((await repository.findOneByOrFail({ id: other.id })).emailOptOut).toBe(true);
  });

  it('tells staff when their organisation has no postal address for the footer, until an admin gives it one', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const cityId = await createOrganization(t, admin, { name: '川口市 産業振興課', kind: 'MUNICIPALITY' });
    const city = await staffSession(t, Role.ORGANIZER, cityId);
    const eventId = await createPublishedEvent(t, city, { title: '川口市 事業承継セミナー' });
    const person = await createParticipant(t, city);
    const sent = ok(
      await t.gql<{ inviteParticipants: Campaign }>(
        `mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { ${CAMPAIGN_FIELDS} } }`,
        { eventId, ids: [person.id] },
        city,
      ),
    ).inviteParticipants;
    expect(sent.organizerAddressMissing).toBe(true);

    ok(
      await t.gql(
        'mutation($id: ID!, $input: UpdateOrganizationContactInput!) { updateOrganizationContact(id: $id, input: $input) { id } }',
        { id: cityId, input: { address: '〒332-8601 埼玉県川口市青木2-1-1' } },
        admin,
      ),
    );
    const after = ok(
      await t.gql<{ invitationCampaign: Campaign }>(
        `query($id: ID!) { invitationCampaign(id: $id) { organizerAddressMissing } }`,
        { id: sent.id },
        city,
      ),
    ).invitationCampaign;
    expect(after.organizerAddressMissing).toBe(false);
  });

  it('refuses to invite for an organiser with neither a contact email nor a phone, writing nothing, until an admin adds one', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const cityId = await createOrganization(t, admin, {
      name: '草加市 産業振興課',
      kind: 'MUNICIPALITY',
      contactEmail: null,
    });
    const city = await staffSession(t, Role.ORGANIZER, cityId);
    const eventId = await createPublishedEvent(t, city, { title: '草加市 販路開拓セミナー' });
    const person = await createParticipant(t, city);
    const mutation = `mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { ${CAMPAIGN_FIELDS} } }`;

    const refused = failure(await t.gql(mutation, { eventId, ids: [person.id] }, city));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORGANIZATION_CONTACT_MISSING',
      field: 'eventId',
    });
    expect(refused.message).toBe(
      '主催団体（草加市 産業振興課）の問い合わせ先（メールアドレス・電話番号）が未登録のため、招待メールを送れません（特定電子メール法は、広告・宣伝のメールに送信者の問い合わせ先の表示を求めています）。' +
        '管理者が updateOrganizationContact で contactEmail（問い合わせ先メールアドレス）か contactPhone（問い合わせ先電話番号）を登録してから、もう一度お送りください',
    );
    const written = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM registrations WHERE event_id = $1)::int AS registrations,
                  (SELECT count(*) FROM invitation_campaigns WHERE event_id = $1)::int AS campaigns,
                  (SELECT count(*) FROM outbox_messages WHERE event_id = $1)::int AS emails`,
          [eventId],
        )
      )[0] as { registrations: number; campaigns: number; emails: number };
    expect(await written()).toEqual({ registrations: 0, campaigns: 0, emails: 0 });

    // A phone number is contact enough: the invitation goes, and its footer gives it.
    ok(
      await t.gql(
        'mutation($id: ID!, $input: UpdateOrganizationContactInput!) { updateOrganizationContact(id: $id, input: $input) { id } }',
        { id: cityId, input: { contactPhone: '048-922-0151' } },
        admin,
      ),
    );
    const sent = ok(
      await t.gql<{ inviteParticipants: Campaign }>(mutation, { eventId, ids: [person.id] }, city),
    ).inviteParticipants;
    expect(sent).toMatchObject({ invited: 1, notEmailable: 0, total: 1 });
    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const [mail] = sink.to(person.email);
    expect(mail.subject).toBe('【ご招待】草加市 販路開拓セミナー（草加市 産業振興課）');
    expect(mail.text).toContain('お問い合わせ: TEL 048-922-0151');
  });

  it("keeps an organiser's last contact while its coming events have invitations out", async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, {
      name: '越谷商工会議所',
      contactEmail: 'info@koshigaya-cci.example.jp',
    });
    const staff = await staffSession(t, Role.ORGANIZER, orgId);
    const eventId = await createPublishedEvent(t, staff, { title: '越谷ものづくりサロン' });
    const edit = (input: Record<string, string | null>) =>
      t.gql<{ updateOrganizationContact: { contactEmail: string | null; contactPhone: string | null } }>(
        'mutation($id: ID!, $input: UpdateOrganizationContactInput!) { updateOrganizationContact(id: $id, input: $input) { contactEmail contactPhone } }',
        { id: orgId, input },
        admin,
      );
    // Nothing sent yet: the contact may go (and come back).
    expect(ok(await edit({ contactEmail: null })).updateOrganizationContact).toEqual({
      contactEmail: null,
      contactPhone: null,
    });
    ok(await edit({ contactEmail: 'info@koshigaya-cci.example.jp' }));
    const person = await createParticipant(t, staff);
    ok(
      await t.gql(
        'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id } }',
        { eventId, ids: [person.id] },
        staff,
      ),
    );

    const refused = failure(
      await edit({ contactEmail: null, address: '〒343-0813 埼玉県越谷市越ヶ谷1-3-4' }),
    );
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORGANIZATION_CONTACT_IN_USE',
      field: 'contactEmail',
    });
    expect(refused.message).toContain('「越谷ものづくりサロン」');
    expect(refused.message).toContain('問い合わせ先のメールアドレスと電話番号を両方とも消すことはできません');
    // Nothing of the edit was kept, the address given with it neither.
    const [stored]: { contact_email: string | null; address: string | null }[] = await t.dataSource.query(
      'SELECT contact_email, address FROM organizations WHERE id = $1',
      [orgId],
    );
    expect(stored).toEqual({ contact_email: 'info@koshigaya-cci.example.jp', address: null });

    // Swapping the email for a phone in one edit keeps a contact.
    expect(
      ok(await edit({ contactEmail: null, contactPhone: '048-966-6111' })).updateOrganizationContact,
    ).toEqual({ contactEmail: null, contactPhone: '048-966-6111' });
    expect(failure(await edit({ contactPhone: null })).extensions).toMatchObject({
      reason: 'ORGANIZATION_CONTACT_IN_USE',
      field: 'contactPhone',
    });
  });

  it('refuses invitations from staff of another organisation and bad ids, naming the field', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '他団体のイベント' });
    const admin = await staffSession(t, Role.ADMIN, null);
    const otherOrg = await createOrganization(t, admin, { name: '大田区産業振興課', kind: 'MUNICIPALITY' });
    const other = await staffSession(t, Role.ORGANIZER, otherOrg);
    const person = await createParticipant(t, organizer);
    const mutation = `mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id } }`;
    expect(failure(await t.gql(mutation, { eventId, ids: [person.id] }, other)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(failure(await t.gql(mutation, { eventId, ids: [] }, organizer)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'participantIds',
    });
    expect(failure(await t.gql(mutation, { eventId, ids: ['nope'] }, organizer)).extensions).toMatchObject({
      field: 'participantIds',
    });
  });
});
