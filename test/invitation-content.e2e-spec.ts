import * as iconv from 'iconv-lite';
import { Role } from '../src/auth/actor';
import { formatDeadline } from '../src/mail/templates/mail-dates';
import { fetchCsv } from './support/csv-export';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  staffSession,
  tokyoInDays,
  updateEvent,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

/**
 * What an invitation tells a business owner deciding on a phone (what the salon is about), what
 * they hear when the 申込締切 is set or moved afterwards, and what staff see of invitations that
 * could not be emailed.
 */
describe('invitation content and deadline', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let orgId: string;
  /** Answers 451 (try later) while named: its emails wait for a retry a few seconds on. */
  let heldInbox = '';
  /** The same, for several inboxes at once. */
  const heldInboxes = new Set<string>();
  /** Inboxes whose next email waits at RCPT TO until let go (see holdNext). */
  const holds = new Map<string, { reached: () => void; answered: Promise<void> }>();
  /** Inboxes that answer "try later" to the email let go. */
  const refuseOnce = new Set<string>();

  beforeAll(async () => {
    sink = await SmtpSink.start({
      refuseRecipient: (address) =>
        address === heldInbox || heldInboxes.has(address) || refuseOnce.delete(address) ? 451 : undefined,
      holdRecipient: (address) => {
        const hold = holds.get(address);
        if (!hold) return undefined;
        holds.delete(address);
        hold.reached();
        return hold.answered;
      },
    });
    t = await createTestApp({ ...sink.appSettings(), MAIL_RETRY_BASE_MS: '3000' });
    const admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, {
      name: '関東財務局 東京財務事務所',
      kind: 'FINANCE_OFFICE',
      address: '〒100-0013 東京都千代田区霞が関3-1-1',
      contactEmail: 'salon@tokyo-zaimu.example.jp',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const invite = (eventId: string, ids: string[]) =>
    t.gql<{ inviteParticipants: { id: string; total: number; notEmailable: number } }>(
      'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id total notEmailable } }',
      { eventId, ids },
      organizer,
    );
  const mailTo = (email: string, subject: RegExp) =>
    sink
      .waitUntil((all) => all.some((m) => m.to.includes(email) && subject.test(m.subject)))
      .then(() => sink.to(email).filter((m) => subject.test(m.subject)));
  const answer = (mail: ReceivedMail, accept: 0 | 1) =>
    fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: invitationAnswerLink(t, mail, accept).token,
        accept: String(accept),
      }).toString(),
    });
  const status = async (eventId: string, participantId: string) =>
    (
      (await t.dataSource.query(
        'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, participantId],
      )) as { status: string }[]
    )[0]?.status;
  /** The outbox is idle: every row written has been sent or given up. */
  const settled = () =>
    eventually(async () => {
      const [{ open }]: { open: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS open FROM outbox_messages WHERE status IN ('PENDING', 'SENDING')`,
      );
      return open === 0;
    }, 'the outbox to be sent');

  it('says what the salon is about: テーマ, the description (cut short, the page for the rest), in the reader’s language', async () => {
    const long = `後継者の育成と事業承継税制について、専門家を交えて話し合います。\n${'経営者同士で率直に意見を交わします。'.repeat(30)}最後に懇親会を予定しています。`;
    const eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第5回）',
      description: long,
      themes: ['事業承継', '販路開拓'],
    });
    const ja = await createParticipant(t, organizer, { name: '木村 結衣' });
    const en = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    ok(await invite(eventId, [ja.id, en.id]));

    const [jaMail] = await mailTo(ja.email, /^【ご招待】/);
    expect(jaMail.text).toContain('■ テーマ: 事業承継、販路開拓');
    expect(jaMail.text).toContain(
      '■ 内容: 後継者の育成と事業承継税制について、専門家を交えて話し合います。\n  経営者同士で',
    );
    expect(jaMail.text).toContain('…（続きはイベントページで）');
    expect(jaMail.text).not.toContain('最後に懇親会');
    expect(jaMail.text).toContain(`■ イベントページ: ${t.url}/events/${eventId}\n`);
    expect(jaMail.html).toContain('後継者の育成と事業承継税制について');
    expect(jaMail.html).toContain('>テーマ</div><div>事業承継、販路開拓</div>');
    expect(jaMail.html).toContain(`${t.url}/events/${eventId}`);

    const [enMail] = await mailTo(en.email, /^Invitation:/);
    expect(enMail.text).toContain('■ Themes: 事業承継 (business succession), 販路開拓 (new sales channels)');
    expect(enMail.text).toContain('■ About (in Japanese): 後継者の育成と事業承継税制について');
    expect(enMail.text).toContain('… (continued on the event page)');
    expect(enMail.text).toContain(`■ Event page: ${t.url}/events/${eventId}?lang=en`);
  });

  it('gives an invite-only event’s description whole (there is no page to read the rest on)', async () => {
    const description = '金融機関の方と、資金繰りの悩みを少人数で話します。'.repeat(20);
    const eventId = await createPublishedEvent(t, organizer, {
      title: '招待制サロン',
      visibility: 'INVITE_ONLY',
      description,
      themes: ['資金繰り'],
    });
    const person = await createParticipant(t, organizer);
    ok(await invite(eventId, [person.id]));
    const [mail] = await mailTo(person.email, /^【ご招待】招待制サロン/);
    expect(mail.text.replace(/\n {2}/g, '')).toContain(`■ 内容: ${description}`);
    expect(mail.text).not.toContain('イベントページ');
  });

  it('puts the description given on acceptMiniSalonRequest, and the theme, in the 開催決定 email', async () => {
    const person = await createParticipant(t, organizer, { name: '髙橋 﨑子' });
    const token = await t.participantToken(person.id);
    const request = ok(
      await t.gql<{ requestMiniSalon: { id: string } }>(
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
        {
          input: {
            organizationId: orgId,
            theme: '事業承継',
            area: '東京都葛飾区',
            preferredFrom: tokyoInDays(20, '00:00').slice(0, 10),
            preferredTo: tokyoInDays(50, '00:00').slice(0, 10),
            expectedParticipants: 8,
          },
        },
        token,
      ),
    ).requestMiniSalon;
    ok(
      await t.gql(
        'mutation($id: ID!, $input: AcceptMiniSalonRequestInput!) { acceptMiniSalonRequest(id: $id, input: $input) { id } }',
        {
          id: request.id,
          input: {
            startsAt: tokyoInDays(30, '15:00'),
            endsAt: tokyoInDays(30, '17:00'),
            venue: '葛飾区産業フェア会場 会議室',
            description: '親族内承継と第三者承継、それぞれの進め方を税理士と一緒に考えます。',
          },
        },
        organizer,
      ),
    );
    const [mail] = await mailTo(person.email, /^【開催決定】/);
    expect(mail.text).toContain('■ テーマ: 事業承継');
    expect(mail.text).toContain('■ 内容: 親族内承継と第三者承継、それぞれの進め方を税理士と一緒に考えます。');
    expect(mail.html).toContain('親族内承継と第三者承継');
  });

  it('asks the mini-salon requester to answer by a 申込締切 set before the 開催決定 left, counts it as told, and its page agrees', async () => {
    /**
     * A mini-salon requested and accepted while the requester's inbox says "try later", and the
     * 申込締切 set (updateEvent) before the 開催決定 leaves: it shows the salon as it is when it leaves.
     */
    const decidedWithDeadline = async (
      person: { id: string; email: string },
      theme: string,
      closes: Date,
    ) => {
      const token = await t.participantToken(person.id);
      const request = ok(
        await t.gql<{ requestMiniSalon: { id: string } }>(
          'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
          {
            input: {
              organizationId: orgId,
              theme,
              area: '東京都葛飾区',
              preferredFrom: tokyoInDays(20, '00:00').slice(0, 10),
              preferredTo: tokyoInDays(50, '00:00').slice(0, 10),
              expectedParticipants: 8,
            },
          },
          token,
        ),
      ).requestMiniSalon;
      await mailTo(person.email, /^(【受付】|Your mini-salon request: received)/);
      heldInbox = person.email.toLowerCase();
      const { eventId } = ok(
        await t.gql<{ acceptMiniSalonRequest: { eventId: string } }>(
          'mutation($id: ID!, $input: AcceptMiniSalonRequestInput!) { acceptMiniSalonRequest(id: $id, input: $input) { eventId } }',
          {
            id: request.id,
            input: {
              startsAt: tokyoInDays(30, '15:00'),
              endsAt: tokyoInDays(30, '17:00'),
              venue: '葛飾区産業フェア会場 会議室',
            },
          },
          organizer,
        ),
      ).acceptMiniSalonRequest;
      await eventually(
        async () => sink.refusals.some((refusal) => refusal.address === heldInbox),
        'the refusal',
      );
      await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
      heldInbox = '';
      return eventId;
    };

    const person = await createParticipant(t, organizer, { name: '柴又 健一' });
    const closes = new Date(tokyoInDays(10, '17:00'));
    const eventId = await decidedWithDeadline(person, 'DX', closes);
    const [decision] = await mailTo(person.email, /^【開催決定】/);
    expect(decision.text).toContain(
      `※ ご回答は、申込締切の${formatDeadline('ja', closes)}までにお願いします。`,
    );
    expect(decision.text).not.toContain('開催終了まで有効');
    expect(decision.text).toContain('※ 定員に達している場合は、キャンセル待ちとして承ります。');
    expect(decision.html).toContain(`申込締切の${formatDeadline('ja', closes)}まで`);
    // Its buttons open a page that asks, as they are still answered.
    expect(await (await fetch(invitationAnswerLink(t, decision, 1).url)).text()).toContain(
      '<button type="submit">参加する</button>',
    );
    await settled();
    // It counts as told: taken away while ahead and put back, nobody hears.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: null });
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    await settled();
    expect(sink.to(person.email).map((mail) => mail.subject)).toEqual([
      '【受付】ミニサロン開催のご要望（DX）',
      decision.subject,
    ]);
    // Moved earlier: told, with the one the 開催決定 gave as 変更前.
    const earlier = new Date(tokyoInDays(7, '12:00'));
    await updateEvent(t, organizer, eventId, { registrationClosesAt: earlier.toISOString() });
    const [moved] = await mailTo(person.email, /^【申込締切のお知らせ】/);
    expect(moved.text).toContain(
      `申込締切を、${formatDeadline('ja', closes)}から${formatDeadline('ja', earlier)}に変更しました。`,
    );

    // In English; and once the 申込締切 it gave has passed, its 参加する page says so, naming it.
    const english = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    const soon = new Date(Date.now() + 15_000);
    await decidedWithDeadline(english, '販路開拓', soon);
    const [held] = await mailTo(english.email, /^Your mini-salon request: it will be held/);
    expect(held.text).toContain(
      `* Please answer by ${formatDeadline('en', soon)}, when registration closes.`,
    );
    expect(held.text).not.toContain('The links work until the event ends.');
    expect(held.text).toContain('* If the event is full, you will be put on the waiting list.');
    await eventually(async () => Date.now() > soon.getTime() + 100, 'the deadline to pass');
    const page = await (await fetch(invitationAnswerLink(t, held, 1).url)).text();
    expect(page).toContain(`Registration closed on ${formatDeadline('en', soon)}.`);
    expect(page).not.toContain('<button');
  });

  /**
   * The next email to `email` is kept waiting at RCPT TO, as by a server slow to answer: `reached`
   * once its sender is in the middle of sending it (its row SENDING), and `letGo` has the server
   * take it (the reader has it) or answer "try later" (it never reached them, and is tried again).
   */
  const holdNext = (email: string) => {
    const address = email.toLowerCase();
    let reached!: () => void;
    let answer!: () => void;
    const wasReached = new Promise<void>((resolve) => (reached = resolve));
    holds.set(address, { reached, answered: new Promise<void>((resolve) => (answer = resolve)) });
    return {
      reached: wasReached,
      letGo: (taken: boolean) => {
        if (!taken) refuseOnce.add(address);
        answer();
      },
    };
  };
  /**
   * The person's email of `template` has been handled as far as it goes while another is being
   * sent to them: sent, not sent, or claimed and handed back to wait (PENDING, touched since it was
   * handed to the queue).
   */
  const triedOnce = (participantId: string, template: string) =>
    eventually(async () => {
      const [{ tried }]: { tried: boolean }[] = await t.dataSource.query(
        `SELECT bool_and(status IN ('SENT', 'SKIPPED') OR (status = 'PENDING' AND updated_at > enqueued_at)) AS tried
           FROM outbox_messages WHERE participant_id = $1 AND template = $2`,
        [participantId, template],
      );
      return tried;
    }, `the ${template} email tried`);

  /** Holds the inboxes while `act` writes their emails, until each has been refused once. */
  const whileHeld = async (emails: string[], act: () => Promise<void>) => {
    const addresses = emails.map((email) => email.toLowerCase());
    for (const address of addresses) heldInboxes.add(address);
    await act();
    await eventually(
      async () => addresses.every((address) => sink.refusals.some((refusal) => refusal.address === address)),
      'the refusals',
    );
  };
  const release = () => heldInboxes.clear();
  /** A 申込締切 a few seconds ahead (one in the past cannot be set), and then that it has passed. */
  const closeSoon = async (eventId: string) => {
    const closes = new Date(Date.now() + 2_000);
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    await eventually(async () => Date.now() > closes.getTime() + 100, 'the deadline to pass');
    // The format shows minutes: what the emails and pages name.
    return closes;
  };
  /** The 申込締切 the sent email recorded as shown (see deadlinesTold), once it is marked SENT. */
  const shownOf = async (participantId: string, template: string) => {
    await settled();
    const rows: { shown: { registrationClosesAt?: string | null } | null }[] = await t.dataSource.query(
      `SELECT shown FROM outbox_messages WHERE participant_id = $1 AND template = $2 AND status = 'SENT'`,
      [participantId, template],
    );
    return rows.map((row) => row.shown);
  };
  /** The full link of the button labelled `label` in the email's HTML. */
  const buttonUrl = (mail: ReceivedMail, label: string) => {
    const match = new RegExp(`<a href="([^"]+)"[^>]*>${label}</a>`).exec(mail.html);
    if (!match) throw new Error(`no ${label} button in:\n${mail.text}`);
    return match[1].replace(/&amp;/g, '&');
  };
  /** Opens the page behind a button and presses its button, as a browser would. */
  const pressThrough = async (url: string) => {
    const page = await (await fetch(url)).text();
    const fields = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    );
    const response = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    expect(response.status).toBe(200);
    return { page, result: await response.text() };
  };
  /** A mini-salon requested by `person` (its receipt arrived) and the request's id. */
  const requestSalon = async (person: { id: string; email: string }, theme: string) => {
    const request = ok(
      await t.gql<{ requestMiniSalon: { id: string } }>(
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
        {
          input: {
            organizationId: orgId,
            theme,
            area: '東京都葛飾区',
            preferredFrom: tokyoInDays(20, '00:00').slice(0, 10),
            preferredTo: tokyoInDays(50, '00:00').slice(0, 10),
            expectedParticipants: 8,
          },
        },
        await t.participantToken(person.id),
      ),
    ).requestMiniSalon;
    await mailTo(person.email, /^(【受付】|Your mini-salon request: received)/);
    return request.id;
  };
  const acceptSalon = async (requestId: string) =>
    ok(
      await t.gql<{ acceptMiniSalonRequest: { eventId: string } }>(
        'mutation($id: ID!, $input: AcceptMiniSalonRequestInput!) { acceptMiniSalonRequest(id: $id, input: $input) { eventId } }',
        {
          id: requestId,
          input: {
            startsAt: tokyoInDays(30, '15:00'),
            endsAt: tokyoInDays(30, '17:00'),
            venue: '葛飾区産業フェア会場 会議室',
          },
        },
        organizer,
      ),
    ).acceptMiniSalonRequest.eventId;

  it('sends an invitation that leaves after the 申込締切 without 参加する: it says so and whom to ask, and 辞退する still works', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '締切のあとに届く招待' });
    const ja = await createParticipant(t, organizer, { name: '遅延 太郎' });
    const en = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    await whileHeld([ja.email, en.email], async () => {
      ok(await invite(eventId, [ja.id, en.id]));
    });
    const closes = await closeSoon(eventId);
    release();

    const [mail] = await mailTo(ja.email, /^【ご招待】締切のあとに届く招待/);
    expect(mail.html).not.toContain('>参加する</a>');
    expect(mail.text).not.toContain('▶ 参加する');
    expect(mail.text).toContain(
      `申込締切（${formatDeadline('ja', closes)}）を過ぎたため、このご招待へのお申込はメールからは承れなくなりました。ご参加を希望される場合は、関東財務局 東京財務事務所（salon@tokyo-zaimu.example.jp）にお問い合わせください。`,
    );
    expect(mail.text).toContain(`■ 申込締切: ${formatDeadline('ja', closes)}（受付終了）`);
    expect(mail.text).not.toContain('までにお願いします');
    expect(mail.text).not.toContain('キャンセル待ち');
    // It showed the deadline, passed: that is what the invitee knows (see deadlinesTold).
    expect(await shownOf(ja.id, 'invitation')).toEqual([{ registrationClosesAt: closes.toISOString() }]);
    // 辞退する still works, and its page does not send them back to a 参加する button there is not.
    const declined = await pressThrough(buttonUrl(mail, '辞退する'));
    expect(declined.result).toContain(
      '辞退を承りました。ご都合が変わりましたら、関東財務局 東京財務事務所（salon@tokyo-zaimu.example.jp）にお問い合わせください。',
    );
    expect(declined.result).not.toContain('「参加する」ボタン');
    expect(await status(eventId, ja.id)).toBe('DECLINED');

    const [english] = await mailTo(en.email, /^Invitation: 締切のあとに届く招待/);
    expect(english.text).not.toContain('▶ Accept');
    expect(english.text).toContain('▶ Decline');
    expect(english.text).toContain(
      `Registration closed on ${formatDeadline('en', closes)}, so this invitation can no longer be accepted by email. If you would still like to join, please contact 関東財務局 東京財務事務所 (salon@tokyo-zaimu.example.jp).`,
    );
    expect(english.text).toContain(`■ Registration closes: ${formatDeadline('en', closes)} (closed)`);
    expect(english.text).not.toContain('Please answer by');
    expect(await shownOf(en.id, 'invitation')).toEqual([{ registrationClosesAt: closes.toISOString() }]);
  });

  it('sends a 開催決定 that leaves after the 申込締切 without 参加する, in Japanese and English', async () => {
    const ja = await createParticipant(t, organizer, { name: '柴又 次郎' });
    const en = await createParticipant(t, organizer, { name: 'Oliver Grant', locale: 'en' });
    const jaRequest = await requestSalon(ja, 'BCP');
    const enRequest = await requestSalon(en, '創業');
    let jaEvent = '';
    let enEvent = '';
    await whileHeld([ja.email, en.email], async () => {
      jaEvent = await acceptSalon(jaRequest);
      enEvent = await acceptSalon(enRequest);
    });
    const [jaCloses, enCloses] = [await closeSoon(jaEvent), await closeSoon(enEvent)];
    release();

    const [decision] = await mailTo(ja.email, /^【開催決定】/);
    expect(decision.html).not.toContain('>参加する</a>');
    expect(decision.html).toContain('>辞退する</a>');
    expect(decision.text).not.toContain('ぜひご参加ください。ご出欠を');
    expect(decision.text).toContain(
      `申込締切（${formatDeadline('ja', jaCloses)}）を過ぎたため、このご招待へのお申込はメールからは承れなくなりました。`,
    );
    expect(decision.text).toContain(`■ 申込締切: ${formatDeadline('ja', jaCloses)}（受付終了）`);
    expect(decision.text).not.toContain('までにお願いします');
    expect(await shownOf(ja.id, 'mini-salon-decision')).toEqual([
      { registrationClosesAt: jaCloses.toISOString() },
    ]);

    const [held] = await mailTo(en.email, /^Your mini-salon request: it will be held/);
    expect(held.text).not.toContain('▶ Accept');
    expect(held.text).toContain('▶ Decline');
    expect(held.text).toContain(`Registration closed on ${formatDeadline('en', enCloses)}`);
    expect(held.text).not.toContain('Please answer by');
    expect(await shownOf(en.id, 'mini-salon-decision')).toEqual([
      { registrationClosesAt: enCloses.toISOString() },
    ]);
  });

  it('does not announce a mini-salon cancelled before its 開催決定 left: the requester hears once, of the cancellation', async () => {
    // No consent to newsletters: what they asked for reaches them all the same.
    const person = await createParticipant(t, organizer, { name: '取消 花子', consentEmail: false });
    const requestId = await requestSalon(person, '観光');
    let eventId = '';
    await whileHeld([person.email], async () => {
      eventId = await acceptSalon(requestId);
    });
    ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: eventId }, organizer));
    release();
    await mailTo(person.email, /^【開催中止】/);
    await settled();
    const mails = sink.to(person.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      '【受付】ミニサロン開催のご要望（観光）',
      '【開催中止】ミニサロン『観光』（東京都葛飾区）',
    ]);
    expect(mails[1].text).toContain(
      'ミニサロン開催のご要望をいただき、「ミニサロン『観光』（東京都葛飾区）」として',
    );
    expect(mails[1].text).toContain('開催を中止することとなりました。');
    expect(mails[1].text).not.toContain('ボタン');
  });

  it('says on the 参加する page of a draft mini-salon when the confirmation comes, and on 辞退する which email to answer from', async () => {
    const person = await createParticipant(t, organizer, { name: '下書 一郎' });
    const eventId = await acceptSalon(await requestSalon(person, 'IoT'));
    const [decision] = await mailTo(person.email, /^【開催決定】/);
    // Declined from the 開催決定: the page names that email, not an invitation.
    const declined = await pressThrough(buttonUrl(decision, '辞退する'));
    expect(declined.result).toContain(
      '辞退を承りました。ご都合が変わりましたら、申込の締切（設定がなければ開催終了）まで、開催決定のメールの「参加する」ボタンからお申込いただけます。',
    );
    expect(declined.result).not.toContain('ご招待メール');
    // Changed their mind: the salon is still a draft, so the confirmation waits for it to be published.
    const accepted = await pressThrough(buttonUrl(decision, '参加する'));
    expect(accepted.result).toContain(
      '参加登録が完了しました。確認のメールは、イベントの準備が整い公開された時点でお送りします。',
    );
    expect(accepted.result).not.toContain('確認のメールをお送りします。');
    expect(await status(eventId, person.id)).toBe('REGISTERED');
    await settled();
    expect(sink.to(person.email).map((mail) => mail.subject)).toHaveLength(2);
    ok(await t.gql('mutation($id: ID!) { publishEvent(id: $id) { status } }', { id: eventId }, organizer));
    await eventually(async () => sink.to(person.email).length === 3, 'the confirmation');

    // In English.
    const english = await createParticipant(t, organizer, { name: 'Grace Hall', locale: 'en' });
    await acceptSalon(await requestSalon(english, 'DX'));
    const [held] = await mailTo(english.email, /^Your mini-salon request: it will be held/);
    const declinedEn = await pressThrough(buttonUrl(held, 'Decline'));
    expect(declinedEn.result).toContain(
      'the &quot;Accept&quot; button in the email telling you the mini-salon will be held works until registration closes',
    );
    const acceptedEn = await pressThrough(buttonUrl(held, 'Accept'));
    expect(acceptedEn.result).toContain(
      'You are registered. We will send you a confirmation email when the event is published',
    );
  });

  it('tells invitees who have not answered when the 申込締切 is set or moved, with buttons that work', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '締切のあとから決まるサロン' });
    const waiting = await createParticipant(t, organizer, { name: '未回答 一郎' });
    const answered = await createParticipant(t, organizer, { name: '回答済 花子' });
    const english = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    ok(await invite(eventId, [waiting.id, answered.id, english.id]));
    const [first] = await mailTo(waiting.email, /^【ご招待】締切のあとから/);
    expect(first.text).toContain('リンクは開催終了まで有効です。');
    const [answeredInvitation] = await mailTo(answered.email, /^【ご招待】締切のあとから/);
    expect((await answer(answeredInvitation, 0)).status).toBe(200);
    await mailTo(english.email, /^Invitation:/);

    // Set after the invitations went out.
    const closes = new Date(tokyoInDays(5, '17:00'));
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    const [told] = await mailTo(waiting.email, /^【申込締切のお知らせ】締切のあとから決まるサロン/);
    expect(told.text).toContain(
      `「締切のあとから決まるサロン」の申込締切を、${formatDeadline('ja', closes)}とさせていただきました。`,
    );
    expect(told.text).toContain(`■ 申込締切: ${formatDeadline('ja', closes)}（変更）`);
    const [toldEn] = await mailTo(english.email, /^Registration deadline:/);
    expect(toldEn.text).toContain(`now closes on ${formatDeadline('en', closes)}`);

    // Moved earlier: told again, with what it was.
    const earlier = new Date(tokyoInDays(3, '12:00'));
    await updateEvent(t, organizer, eventId, { registrationClosesAt: earlier.toISOString() });
    await eventually(async () => sink.to(waiting.email).length === 3, 'the second deadline email');
    const moved = sink.to(waiting.email).at(-1)!;
    expect(moved.subject).toMatch(/^【申込締切のお知らせ】/);
    expect(moved.text).toContain(
      `申込締切を、${formatDeadline('ja', closes)}から${formatDeadline('ja', earlier)}に変更しました。`,
    );
    expect(moved.text).toContain(`（変更前: ${formatDeadline('ja', closes)}）`);

    // An edit that leaves the deadline as it is tells nobody.
    await updateEvent(t, organizer, eventId, { capacity: 60 });
    await settled();
    expect(sink.to(waiting.email)).toHaveLength(3);
    // Nor anyone who answered already.
    expect(sink.to(answered.email).filter((m) => /申込締切/.test(m.subject))).toHaveLength(0);

    // Moved back to the first date: a later change is news again, though they heard of that date once.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    await eventually(async () => sink.to(waiting.email).length === 4, 'the third deadline email');
    expect(sink.to(waiting.email).at(-1)!.text).toContain(
      `申込締切を、${formatDeadline('ja', earlier)}から${formatDeadline('ja', closes)}に変更しました。`,
    );

    // The buttons answer.
    expect((await answer(moved, 1)).status).toBe(200);
    expect(await status(eventId, waiting.id)).toBe('REGISTERED');
  });

  it('tells an invitee once of a deadline moved away and back while their email waited', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '締切を行き来するサロン' });
    const person = await createParticipant(t, organizer);
    ok(await invite(eventId, [person.id]));
    await mailTo(person.email, /^【ご招待】締切を行き来する/);
    // Their inbox says "try later" while staff set the deadline, move it and move it back.
    heldInbox = person.email.toLowerCase();
    const closes = new Date(tokyoInDays(5, '17:00'));
    const other = new Date(tokyoInDays(6, '17:00'));
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    await eventually(
      async () => sink.refusals.some((refusal) => refusal.address === heldInbox),
      'the refusal',
    );
    await updateEvent(t, organizer, eventId, { registrationClosesAt: other.toISOString() });
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    // Each has been tried (and refused) or given up once, so none left composed on the old deadline.
    await eventually(async () => {
      const [{ untried }]: { untried: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS untried FROM outbox_messages
          WHERE participant_id = $1 AND template = 'invitation-deadline'
            AND (status = 'SENDING' OR (status = 'PENDING' AND attempts = 0))`,
        [person.id],
      );
      return untried === 0;
    }, 'each email tried once');
    heldInbox = '';
    await settled();
    // One email, of the last change: the first one, retried, finds a later one written, and the
    // second a deadline that is no longer its own. It sets the deadline: the one in between never
    // reached them, and their invitation said the links work until the event ends.
    const told = sink.to(person.email).filter((m) => /^【申込締切のお知らせ】/.test(m.subject));
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain(
      `「締切を行き来するサロン」の申込締切を、${formatDeadline('ja', closes)}とさせていただきました。`,
    );
    expect(told[0].text).not.toContain(formatDeadline('ja', other));
    expect(told[0].text).not.toContain('変更前');
  });

  /**
   * An event with a 申込締切, two invitees who have read it in their invitation, and the deadline
   * moved while each one's 申込締切のお知らせ is in the middle of being sent: `reached` will get
   * it, `missed` will not (its server says "try later" and, tried again, it has nothing to say).
   */
  const movedWhileBeingSent = async (title: string) => {
    const closes = new Date(tokyoInDays(10, '17:00'));
    const eventId = await createPublishedEvent(t, organizer, {
      title,
      startsAt: tokyoInDays(20, '18:00'),
      endsAt: tokyoInDays(20, '20:00'),
      registrationClosesAt: closes.toISOString(),
    });
    const reached = await createParticipant(t, organizer, { name: '到着 一郎' });
    const missed = await createParticipant(t, organizer, { name: '不着 二郎' });
    ok(await invite(eventId, [reached.id, missed.id]));
    for (const person of [reached, missed]) {
      const [invitation] = await mailTo(person.email, /^【ご招待】/);
      expect(invitation.text).toContain(`申込締切の${formatDeadline('ja', closes)}までに`);
    }
    await settled();
    const held = [holdNext(reached.email), holdNext(missed.email)];
    const moved = new Date(tokyoInDays(12, '17:00'));
    await updateEvent(t, organizer, eventId, { registrationClosesAt: moved.toISOString() });
    await Promise.all(held.map((hold) => hold.reached));
    return {
      eventId,
      closes,
      moved,
      reached,
      missed,
      letGo: () => {
        held[0].letGo(true);
        held[1].letGo(false);
      },
    };
  };
  const subjectsTo = (email: string) => sink.to(email).map((mail) => mail.subject.replace(/】.*/, '】'));

  it('tells an invitee of a 申込締切 moved back while the email of the move was being sent, if that one reached them', async () => {
    const { eventId, closes, moved, reached, missed, letGo } =
      await movedWhileBeingSent('締切が行き違うサロン');
    // Moved back to the one their invitations gave, while those emails are still on their way.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    letGo();
    await settled();

    // The one that reached its reader told of the move: they hear of the move back, from what they read.
    expect(subjectsTo(reached.email)).toEqual([
      '【ご招待】',
      '【申込締切のお知らせ】',
      '【申込締切のお知らせ】',
    ]);
    const [, first, back] = sink.to(reached.email);
    expect(first.text).toContain(
      `申込締切を、${formatDeadline('ja', closes)}から${formatDeadline('ja', moved)}に変更しました。`,
    );
    expect(back.text).toContain(
      `申込締切を、${formatDeadline('ja', moved)}から${formatDeadline('ja', closes)}に変更しました。`,
    );
    expect(back.text).toContain(
      `■ 申込締切: ${formatDeadline('ja', closes)}（変更）\n  （変更前: ${formatDeadline('ja', moved)}）`,
    );
    // The other never read of the move: the deadline their invitation gave stands, nothing to tell.
    expect(subjectsTo(missed.email)).toEqual(['【ご招待】']);
  });

  it('gives as 変更前 of the 申込締切 in a 日時変更 the one the invitee last read, as the email leaves', async () => {
    const { eventId, closes, moved, reached, missed, letGo } =
      await movedWhileBeingSent('締切と日時が変わるサロン');
    // The event moves, and the deadline with it, while those emails are still on their way.
    const latest = new Date(tokyoInDays(8, '12:00'));
    await updateEvent(t, organizer, eventId, {
      startsAt: tokyoInDays(21, '18:00'),
      endsAt: tokyoInDays(21, '20:00'),
      registrationClosesAt: latest.toISOString(),
    });
    await triedOnce(reached.id, 'event-changed');
    await triedOnce(missed.id, 'event-changed');
    letGo();
    await settled();

    // Read the move: the 日時変更 comes after it, and gives it as 変更前.
    expect(subjectsTo(reached.email)).toEqual([
      '【ご招待】',
      '【申込締切のお知らせ】',
      '【日時・申込締切変更】',
    ]);
    const [, , changedForReached] = sink.to(reached.email);
    expect(changedForReached.text).toContain(
      `■ 申込締切: ${formatDeadline('ja', latest)}（変更）\n  （変更前: ${formatDeadline('ja', moved)}）\n`,
    );
    // Never read it: the one their invitation gave.
    expect(subjectsTo(missed.email)).toEqual(['【ご招待】', '【日時・申込締切変更】']);
    const [, changedForMissed] = sink.to(missed.email);
    expect(changedForMissed.text).toContain(
      `■ 申込締切: ${formatDeadline('ja', latest)}（変更）\n  （変更前: ${formatDeadline('ja', closes)}）\n`,
    );
  });

  it('marks the 申込締切 in a 日時変更 as changed only for an invitee who has not read it yet', async () => {
    const { eventId, closes, moved, reached, missed, letGo } =
      await movedWhileBeingSent('日時だけ変わるサロン');
    // The event moves, the deadline stays as just moved, while those emails are still on their way.
    await updateEvent(t, organizer, eventId, {
      startsAt: tokyoInDays(21, '18:00'),
      endsAt: tokyoInDays(21, '20:00'),
    });
    await triedOnce(reached.id, 'event-changed');
    await triedOnce(missed.id, 'event-changed');
    letGo();
    await settled();

    // Read it: the 日時変更 gives it as it is, unmarked.
    expect(subjectsTo(reached.email)).toEqual(['【ご招待】', '【申込締切のお知らせ】', '【日時変更】']);
    const [, , changedForReached] = sink.to(reached.email);
    expect(changedForReached.text).toContain(`■ 申込締切: ${formatDeadline('ja', moved)}\n`);
    expect(changedForReached.text).not.toContain('変更前: ' + formatDeadline('ja', closes));
    // Never read it: the 日時変更 is the first to tell them, from the one their invitation gave.
    expect(subjectsTo(missed.email)).toEqual(['【ご招待】', '【日時・申込締切変更】']);
    const [, changedForMissed] = sink.to(missed.email);
    expect(changedForMissed.text).toContain(
      `■ 申込締切: ${formatDeadline('ja', moved)}（変更）\n  （変更前: ${formatDeadline('ja', closes)}）\n`,
    );
  });

  it('words the 開催中止 of a mini-salon by whether its 開催決定 was sent, once it has gone, and never sends that one after', async () => {
    const gotIt = await createParticipant(t, organizer, { name: '決定 受取', consentEmail: false });
    const never = await createParticipant(t, organizer, { name: '決定 不着', consentEmail: false });
    const requests = [await requestSalon(gotIt, '事業承継'), await requestSalon(never, 'インバウンド')];
    const held = [holdNext(gotIt.email), holdNext(never.email)];
    const events = [await acceptSalon(requests[0]), await acceptSalon(requests[1])];
    await Promise.all(held.map((hold) => hold.reached));
    // Cancelled while each 開催決定 is in the middle of being sent.
    for (const id of events)
      ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id }, organizer));
    await triedOnce(gotIt.id, 'event-cancelled');
    await triedOnce(never.id, 'event-cancelled');
    // One is taken by its server, the other is told "try later" and, tried again, is not sent.
    held[0].letGo(true);
    held[1].letGo(false);
    await settled();

    expect(sink.to(gotIt.email).map((mail) => mail.subject)).toEqual([
      '【受付】ミニサロン開催のご要望（事業承継）',
      '【開催決定】ミニサロン開催のご要望（事業承継）',
      '【開催中止】ミニサロン『事業承継』（東京都葛飾区）',
    ]);
    const [, , cancelledForGotIt] = sink.to(gotIt.email);
    expect(cancelledForGotIt.text).toContain('開催決定のメールでご案内しておりました');
    expect(cancelledForGotIt.text).toContain('開催決定のメールのボタンはご利用いただけなくなりました。');

    expect(sink.to(never.email).map((mail) => mail.subject)).toEqual([
      '【受付】ミニサロン開催のご要望（インバウンド）',
      '【開催中止】ミニサロン『インバウンド』（東京都葛飾区）',
    ]);
    const [, cancelledForNever] = sink.to(never.email);
    expect(cancelledForNever.text).toContain(
      'ミニサロン開催のご要望をいただき、「ミニサロン『インバウンド』（東京都葛飾区）」として',
    );
    expect(cancelledForNever.text).not.toContain('開催決定のメール');
    expect(cancelledForNever.text).not.toContain('ボタン');
  });

  it('takes the 申込締切 an invitation showed as told: taken away while ahead and put back, nobody hears', async () => {
    const title = '締切を案内済みのサロン';
    const closes = tokyoInDays(10, '17:00');
    const eventId = await createPublishedEvent(t, organizer, {
      title,
      startsAt: tokyoInDays(20, '18:00'),
      endsAt: tokyoInDays(20, '20:00'),
      registrationClosesAt: closes,
    });
    const person = await createParticipant(t, organizer);
    ok(await invite(eventId, [person.id]));
    const [invitation] = await mailTo(person.email, /^【ご招待】締切を案内済み/);
    expect(invitation.text).toContain(`申込締切の${formatDeadline('ja', new Date(closes))}までに`);
    await settled();

    // Taken away while ahead: no news. Put back: the one their invitation gave.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: null });
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes });
    await settled();
    expect(sink.to(person.email).map((mail) => mail.subject)).toEqual([invitation.subject]);

    // The same, and the second edit also moves the event: one 日時変更, the deadline as they know it.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: null });
    await updateEvent(t, organizer, eventId, {
      startsAt: tokyoInDays(21, '18:00'),
      endsAt: tokyoInDays(21, '20:00'),
      registrationClosesAt: closes,
    });
    await settled();
    const later = sink.to(person.email).slice(1);
    expect(later.map((mail) => mail.subject)).toEqual([`【日時変更】${title}`]);
    expect(later[0].text).toContain(`■ 申込締切: ${formatDeadline('ja', new Date(closes))}\n`);
    expect(later[0].text).not.toMatch(/申込締切: .+（変更）/);
    expect(later[0].text).not.toContain('変更前: なし');
  });

  it('takes the 申込締切 a re-sent invitation showed as told', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: '改めて招待するサロン' });
    const person = await createParticipant(t, organizer);
    ok(await invite(eventId, [person.id]));
    const [first] = await mailTo(person.email, /^【ご招待】改めて招待する/);
    expect(first.text).toContain('リンクは開催終了まで有効です。');
    expect((await answer(first, 0)).status).toBe(200);
    // Set while they had declined: nobody to tell. Invited again: the new invitation gives it.
    const closes = tokyoInDays(5, '17:00');
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes });
    ok(await invite(eventId, [person.id]));
    await eventually(async () => sink.to(person.email).length === 2, 'the second invitation');
    const [, again] = sink.to(person.email);
    expect(again.text).toContain('以前のご招待メールのボタンは使えません。');
    expect(again.text).toContain(`申込締切の${formatDeadline('ja', new Date(closes))}までに`);
    await settled();

    await updateEvent(t, organizer, eventId, { registrationClosesAt: null });
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes });
    await settled();
    expect(sink.to(person.email)).toHaveLength(2);
  });

  it('does not announce again the 申込締切 an invitee was last told, after a change that told them nothing', async () => {
    const title = '締切を戻すサロン';
    const eventId = await createPublishedEvent(t, organizer, {
      title,
      startsAt: tokyoInDays(20, '18:00'),
      endsAt: tokyoInDays(20, '20:00'),
    });
    const person = await createParticipant(t, organizer);
    ok(await invite(eventId, [person.id]));
    await mailTo(person.email, /^【ご招待】締切を戻す/);
    const closes = new Date(tokyoInDays(10, '17:00'));
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    await mailTo(person.email, /^【申込締切のお知らせ】/);
    await settled();
    const subjects = () => sink.to(person.email).map((mail) => mail.subject);
    expect(subjects()).toHaveLength(2);

    // Taken away while ahead: no news (see deadlineNews), nothing sent. Put back: they know it.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: null });
    await updateEvent(t, organizer, eventId, { registrationClosesAt: closes.toISOString() });
    await settled();
    expect(subjects()).toHaveLength(2);

    // The same, and the second edit also moves the event: one 日時変更, the deadline as they know it.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: null });
    await updateEvent(t, organizer, eventId, {
      startsAt: tokyoInDays(21, '18:00'),
      endsAt: tokyoInDays(21, '20:00'),
      registrationClosesAt: closes.toISOString(),
    });
    await settled();
    expect(subjects().slice(2)).toEqual([`【日時変更】${title}`]);
    const [moved] = sink.to(person.email).slice(2);
    expect(moved.text).toContain(`■ 申込締切: ${formatDeadline('ja', closes)}\n`);
    expect(moved.text).not.toContain('変更前: なし');
    expect(moved.text).not.toMatch(/申込締切: .+（変更）/);
  });

  it('tells invitees when a deadline that had passed is taken away, not when one ahead is', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '締切を取りやめるサロン',
      registrationClosesAt: tokyoInDays(3, '12:00'),
    });
    const person = await createParticipant(t, organizer);
    ok(await invite(eventId, [person.id]));
    await mailTo(person.email, /^【ご招待】締切を取りやめる/);
    // Removed while ahead: the invitation only asked sooner than needed.
    await updateEvent(t, organizer, eventId, { registrationClosesAt: null });
    await settled();
    expect(sink.to(person.email)).toHaveLength(1);

    // The one their invitation gave passed, then removed: answers are taken again.
    const closes = new Date(Date.now() + 3000);
    const soon = await createPublishedEvent(t, organizer, {
      title: '締切の過ぎたサロン',
      registrationClosesAt: closes.toISOString(),
    });
    const late = await createParticipant(t, organizer);
    ok(await invite(soon, [late.id]));
    await mailTo(late.email, /^【ご招待】締切の過ぎた/);
    await settled();
    await eventually(async () => Date.now() > closes.getTime() + 100, 'the deadline to pass');
    await updateEvent(t, organizer, soon, { registrationClosesAt: null });
    const [reopened] = await mailTo(late.email, /^【申込締切のお知らせ】/);
    expect(reopened.text).toContain('申込締切を取りやめ、開催終了までご回答を承ることとしました。');
    expect((await answer(reopened, 1)).status).toBe(200);
    expect(await status(soon, late.id)).toBe('REGISTERED');
  });

  it('refuses to invite after the 申込締切, naming eventId; staff may still register the person', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '締切を過ぎたサロン',
      registrationClosesAt: tokyoInDays(3, '12:00'),
    });
    const closes = new Date(Date.now() - 20_000);
    await t.dataSource.query('UPDATE events SET registration_closes_at = $2 WHERE id = $1', [
      eventId,
      closes,
    ]);
    const person = await createParticipant(t, organizer);
    const refused = failure(await invite(eventId, [person.id]));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITATION_PAST_DEADLINE',
      field: 'eventId',
    });
    expect(refused.message).toBe(
      `申込締切（${formatDeadline('ja', closes)}）を過ぎているため招待できません。参加登録（register で代理登録）するか、申込締切を延ばしてください`,
    );
    expect(await status(eventId, person.id)).toBeUndefined();
    const registered = ok(
      await t.gql<{ register: { status: string } }>(
        'mutation($eventId: ID!, $participantId: ID) { register(eventId: $eventId, participantId: $participantId) { status } }',
        { eventId, participantId: person.id },
        organizer,
      ),
    ).register;
    expect(registered.status).toBe('REGISTERED');
  });

  it('warns of an imported list without 同意 columns, and shows staff whose invitation could not be emailed', async () => {
    const sheet =
      '氏名,フリガナ,メールアドレス\r\n小林 誠,コバヤシ マコト,kobayashi-noconsent@example.jp\r\n';
    const imported = ok(
      await t.gql<{ importParticipants: { created: number; encoding: string; warnings: string[] } }>(
        'mutation($fileBase64: String) { importParticipants(fileBase64: $fileBase64) { created encoding warnings } }',
        { fileBase64: iconv.encode(sheet, 'cp932').toString('base64') },
        organizer,
      ),
    ).importParticipants;
    expect(imported).toMatchObject({ created: 1, encoding: 'Shift_JIS (CP932)' });
    expect(imported.warnings).toEqual([
      expect.stringContaining(
        '「メール受信同意」の列がないため、新しく登録した 1 名のメール受信同意を「いいえ」にしました',
      ),
      expect.stringContaining(
        '「マッチング同意」の列がないため、新しく登録した 1 名のマッチング同意を「いいえ」にしました',
      ),
      expect.stringContaining(
        '「連絡先開示同意」の列がないため、新しく登録した 1 名の連絡先開示同意を「いいえ」にしました',
      ),
    ]);
    // A list with the columns warns of nothing.
    const withConsent = ok(
      await t.gql<{ importParticipants: { warnings: string[] } }>(
        'mutation($csv: String) { importParticipants(csv: $csv) { warnings } }',
        {
          csv: '氏名,フリガナ,メールアドレス,メール受信同意,マッチング同意,連絡先開示同意\n佐藤 一,サトウ ハジメ,sato-consent@example.jp,はい,はい,いいえ\n',
        },
        organizer,
      ),
    ).importParticipants;
    expect(withConsent.warnings).toEqual([]);

    const [kobayashi]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM participants WHERE email = 'kobayashi-noconsent@example.jp'`,
    );
    const emailed = await createParticipant(t, organizer);
    const seated = await createParticipant(t, organizer);
    const eventId = await createPublishedEvent(t, organizer, { title: '電話でご案内するサロン' });
    const campaign = ok(await invite(eventId, [kobayashi.id, emailed.id])).inviteParticipants;
    expect(campaign).toMatchObject({ total: 1, notEmailable: 1 });
    ok(
      await t.gql(
        'mutation($eventId: ID!, $participantId: ID) { register(eventId: $eventId, participantId: $participantId) { id } }',
        { eventId, participantId: seated.id },
        organizer,
      ),
    );
    const listed = async () => {
      const page = ok(
        await t.gql<{
          registrations: {
            edges: {
              node: { status: string; invitationNotSent: boolean | null; participant: { id: string } };
            }[];
          };
        }>(
          'query($eventId: ID!) { registrations(eventId: $eventId, first: 50) { edges { node { status invitationNotSent participant { id } } } } }',
          { eventId },
          organizer,
        ),
      ).registrations;
      return new Map(page.edges.map(({ node }) => [node.participant.id, node]));
    };
    const rows = await listed();
    expect(rows.get(kobayashi.id)).toMatchObject({ status: 'INVITED', invitationNotSent: true });
    expect(rows.get(emailed.id)).toMatchObject({ status: 'INVITED', invitationNotSent: false });
    expect(rows.get(seated.id)).toMatchObject({ status: 'REGISTERED', invitationNotSent: null });

    const csv = await fetchCsv(t, `/exports/events/${eventId}/registrations.csv`, organizer);
    const lines = csv.text.split('\r\n');
    const columns = lines[0].replace(/^\uFEFF/, '').split(',');
    const column = columns.indexOf('招待メール');
    expect(column).toBeGreaterThan(-1);
    const cellOf = (name: string) => lines.find((line) => line.startsWith(`${name},`))!.split(',')[column];
    expect(cellOf('小林 誠')).toBe('送信できず');

    // Sent by now: still not one to call.
    await settled();
    expect((await listed()).get(emailed.id)!.invitationNotSent).toBe(false);
  });
});
