import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Role } from '../src/auth/actor';
import { DAY_MS } from '../src/common/japan/tokyo-day';
import { ALWAYS_TRUE_ANSWER_MS } from '../src/common/time/no-sooner-than';
import { formatEventTime } from '../src/mail/templates/mail-dates';
import { UnsubscribeLinks } from '../src/mail/unsubscribe-links';
import { QueueName } from '../src/queue/queue-names';
import { RemindersService } from '../src/reminders/reminders.service';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  agreeMeeting,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  moveEventEarlier,
  registerMutation,
  staffSession,
  tokyoInDays,
  updateEvent,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

describe('magic-link sign-in and day-before reminders', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      ...sink.appSettings(),
      MAIL_RETRY_BASE_MS: '100',
      MAGIC_LINK_PER_HOUR: '3',
    });
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, {
      name: '墨田区商工会議所',
      municipality: '東京都墨田区',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const requestLink = async (email: string) =>
    ok(
      await t.gql<{ requestMagicLink: boolean }>(
        'mutation($email: String!) { requestMagicLink(email: $email) }',
        { email },
      ),
    ).requestMagicLink;
  const tokenIn = (text: string) => /\/sign-in\?token=([\w-]+)/.exec(text)![1];
  const gql = async <T>(query: string, variables: Record<string, unknown>, token = organizer) =>
    ok(await t.gql<T>(query, variables, token));
  const register = (eventId: string, participantId: string) =>
    gql(registerMutation(), { eventId, participantId });
  const ask = async (eventId: string, from: string, to: string) =>
    (
      await gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to },
        await t.participantToken(from),
      )
    ).requestMeeting.id;
  /** `from` asks `to`, who accepts; placed at slot 0 of `session` and published at once. */
  const meet = async (eventId: string, session: string, from: string, to: string, table: string) => {
    const request = await ask(eventId, from, to);
    await gql(
      'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }',
      { id: request },
      await t.participantToken(to),
    );
    await gql(
      'mutation($r: ID!, $s: ID!, $table: String) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0, table: $table) { id } }',
      { r: request, s: session, table },
    );
    await gql('mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }', { e: eventId });
  };

  it('emails a sign-in link to a known participant, answers true for anyone, and signs in once', async () => {
    const person = await createParticipant(t, organizer, { name: '髙橋 﨑子', consentEmail: false });
    // Whichever way it goes, the answer takes no less than the floor: its time tells nothing.
    for (const email of [person.email.toUpperCase(), 'nobody-here@example.jp', 'not an address']) {
      const started = performance.now();
      expect(await requestLink(email)).toBe(true);
      expect(performance.now() - started).toBeGreaterThanOrEqual(ALWAYS_TRUE_ANSWER_MS);
    }
    await sink.waitUntil(() => sink.to(person.email).length === 1);

    const [mail] = sink.to(person.email);
    expect(mail.subject).toBe('【Tsunagu】ログイン用リンクのお知らせ');
    expect(mail.text).toContain('髙橋 﨑子 様');
    // Transactional: sent without consent to newsletters, and without unsubscribe headers.
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    const token = tokenIn(mail.text);

    // GET shows a button and does not use the single-use link up.
    const page = await fetch(`${t.url}/sign-in?token=${token}`);
    expect(await page.text()).toContain('<button type="submit">ログイン</button>');
    const post = (language: string) =>
      fetch(`${t.url}/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
        body: new URLSearchParams({ token }).toString(),
      });
    const redeemed = await post('ja');
    const html = await redeemed.text();
    expect(html).toContain('髙橋 﨑子 様、ログインしました。');
    // What to do next, with the pages the participant has; the raw session token only folded away.
    expect(html).toContain('この後できること');
    // Each feed as a subscription for each kind of calendar app (https:// alone would import once).
    const feed = `${t.url.replace(/^http:/, 'webcal:')}/agenda/${person.id}\\.[\\w-]{43}\\.ics`;
    expect(html).toMatch(new RegExp(`<a href="${feed}">iPhone・Mac・Outlook</a>`));
    expect(html).toMatch(
      new RegExp(`<a href="${t.url}/agenda/${person.id}\\.[\\w-]{43}\\.ics">その他のアプリ`),
    );
    expect(html).toContain(
      `<a href="https://calendar.google.com/calendar/render?cid=${encodeURIComponent(`${t.url.replace(/^http:/, 'webcal:')}/calendar.ics`)}">Google カレンダー</a>`,
    );
    expect(html).toContain(`<a href="${t.url}/calendar.ics">その他のアプリ（URL）</a>`);
    expect(html).toMatch(
      /<details[^>]*><summary>開発者向け<\/summary>[\s\S]*id="session-token"[\s\S]*<\/details>/,
    );
    const session = /<code id="session-token">([^<]+)<\/code>/.exec(html)![1];
    const me = ok(
      await t.gql<{ me: { role: string; participant: { id: string } } }>(
        '{ me { role participant { id } } }',
        {},
        session,
      ),
    );
    expect(me.me).toEqual({ role: 'PARTICIPANT', participant: { id: person.id } });
    // The link is single-use; the refusal speaks her language whatever the browser's, and leads
    // to the page that sends a new one.
    const again = await post('en-US,en;q=0.8');
    expect(again.status).toBe(400);
    const refusal = await again.text();
    expect(refusal).toContain('<p>このリンクはすでに使用されています。</p>');
    expect(refusal).toContain('<p>お手数ですが、ログイン用リンクをもう一度お申込ください。</p>');
    expect(refusal).toContain('<p><a href="sign-in">ログイン用リンクを申し込む</a></p>');

    const redeem =
      'mutation($token: String!) { redeemMagicLink(token: $token) { token role participant { id } } }';
    expect(failure(await t.gql(redeem, { token })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
    });

    // A fresh link through GraphQL.
    await requestLink(person.email);
    await sink.waitUntil(() => sink.to(person.email).length === 2);
    const second = tokenIn(sink.to(person.email)[1].text);
    const viaGraphql = ok(
      await t.gql<{ redeemMagicLink: { role: string; participant: { id: string } } }>(redeem, {
        token: second,
      }),
    );
    expect(viaGraphql.redeemMagicLink).toMatchObject({ role: 'PARTICIPANT', participant: { id: person.id } });
  });

  it("shows the sign-in pages in the participant's language, not the browser's", async () => {
    const daniel = await createParticipant(t, organizer, { name: 'Daniel Carter', locale: 'en' });
    const salon = await createPublishedEvent(t, organizer, {
      title: 'すみだ ものづくりサロン',
      titleEn: 'Sumida Makers Salon',
      venue: 'すみだ産業会館 8階',
      venueEn: 'Sumida Industry Hall, 8F',
    });
    ok(await t.gql(registerMutation(), { eventId: salon, participantId: daniel.id }, organizer));
    await requestLink(daniel.email);
    // (His registration's confirmation comes too.)
    const signInMail = () => sink.to(daniel.email).find((mail) => mail.text.includes('/sign-in?token='));
    await sink.waitUntil(() => signInMail() !== undefined);
    const token = tokenIn(signInMail()!.text);
    const page = await (
      await fetch(`${t.url}/sign-in?token=${token}`, { headers: { 'accept-language': 'ja' } })
    ).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Daniel Carter, press the button below to sign in.');
    // Looking did not use the link up.
    const redeemed = await fetch(`${t.url}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ja' },
      body: new URLSearchParams({ token }).toString(),
    });
    const html = await redeemed.text();
    expect(html).toContain('Welcome, Daniel Carter. You are signed in.');
    expect(html).toContain('What you can do next');
    // His coming event, by its English title.
    expect(html).toContain('>Sumida Makers Salon</a>');
    expect(html).not.toContain('すみだ ものづくりサロン');
    expect(html).toContain('Sumida Industry Hall, 8F');
    expect(html).not.toContain('すみだ産業会館');
    // A used link's page says so before anyone presses the button, in his language too.
    const used = await fetch(`${t.url}/sign-in?token=${token}`, { headers: { 'accept-language': 'ja' } });
    expect(used.status).toBe(400);
    const usedPage = await used.text();
    expect(usedPage).toContain('<html lang="en">');
    expect(usedPage).toContain('<p>This link has already been used.</p>');
    expect(usedPage).toContain('<p><a href="sign-in">Ask for a sign-in link</a></p>');
  });

  it('asks for the address on the page without a link, and sends a link only to a participant', async () => {
    const person = await createParticipant(t, organizer, { name: '佐藤 陽菜' });
    const form = await fetch(`${t.url}/sign-in`, { headers: { 'accept-language': 'ja' } });
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('<title>ログイン用リンクのお申込</title>');
    expect(formHtml).toContain('<form method="post" action="sign-in/request">');
    expect(formHtml).toContain('<input type="email" name="email" required');

    const ask = (email: string, language: string) =>
      fetch(`${t.url}/sign-in/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
        body: new URLSearchParams({ email }).toString(),
      });
    const answered = await ask(` ${person.email.toUpperCase()} `, 'ja');
    expect(answered.status).toBe(200);
    const answer = await answered.text();
    expect(answer).toContain(
      `${person.email.toUpperCase()} がご登録のアドレスであれば、ログイン用のリンクをお送りしました。リンクの有効期限は15分です。`,
    );
    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const [mail] = sink.to(person.email);
    expect(mail.subject).toBe('【Tsunagu】ログイン用リンクのお知らせ');
    const signedIn = await fetch(`${t.url}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokenIn(mail.text) }).toString(),
    });
    expect(await signedIn.text()).toContain('佐藤 陽菜 様、ログインしました。');

    // An address nobody has gets the same page, in the browser's language, and no email.
    const unknown = await (await ask('nobody-at-all@example.jp', 'en-US,en;q=0.9')).text();
    expect(unknown).toContain(
      'If nobody-at-all@example.jp is the address you registered with, we have sent you a sign-in link.',
    );
    expect(unknown).toContain('<a href="../sign-in">Use another address</a>');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.to('nobody-at-all@example.jp')).toEqual([]);

    // Something that is no address is asked for again, which tells nothing about who is registered.
    for (const typed of ['', 'sato.example.jp']) {
      const refused = await ask(typed, 'ja');
      expect(refused.status).toBe(400);
      const page = await refused.text();
      expect(page).toContain(
        'メールアドレスの形式になっていません。ご登録のアドレスを、もう一度入力してください。',
      );
      expect(page).toContain('<form method="post" action="request">');
    }
  });

  it('lists on the signed-in page what the participant has coming: seats, meetings, requests to answer', async () => {
    const person = await createParticipant(t, organizer, { name: '墨田 花子', consentContactSharing: true });
    const partner = await createParticipant(t, organizer, { name: '押上 次郎', consentContactSharing: true });
    const asker = await createParticipant(t, organizer, { name: '錦糸 三郎' });
    // A 商談会 with a meeting on her published agenda and a request waiting for her answer.
    const fair = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'すみだ ものづくり商談会',
      startsAt: tokyoInDays(6, '13:00'),
      endsAt: tokyoInDays(6, '17:00'),
    });
    for (const id of [person.id, partner.id, asker.id]) await register(fair, id);
    const session = await addMatchmakingSession(t, organizer, {
      eventId: fair,
      startsAt: tokyoInDays(6, '14:00'),
      slotMinutes: 30,
      slotCount: 2,
      tableCount: 2,
    });
    await meet(fair, session, partner.id, person.id, '1');
    await ask(fair, asker.id, person.id);
    // A full salon she waits for; a members-only one she is invited to.
    const full = await createPublishedEvent(t, organizer, {
      title: '墨田 事業承継サロン',
      capacity: 1,
      startsAt: tokyoInDays(9, '18:00'),
      endsAt: tokyoInDays(9, '20:00'),
    });
    await register(full, asker.id);
    await register(full, person.id);
    const invited = await createPublishedEvent(t, organizer, {
      title: '会員限定 経営者交流会',
      visibility: 'INVITE_ONLY',
      startsAt: tokyoInDays(12, '18:00'),
      endsAt: tokyoInDays(12, '20:00'),
    });
    await gql(
      'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
      { e: invited, ids: [person.id] },
    );
    // Not listed: an event that is over, and one she cancelled.
    const over = await createPublishedEvent(t, organizer, {
      title: '先月の交流会',
      startsAt: tokyoInDays(3, '18:00'),
      endsAt: tokyoInDays(3, '20:00'),
    });
    await register(over, person.id);
    await moveEventEarlier(t, over, 30);
    const cancelled = await createPublishedEvent(t, organizer, { title: '取りやめた勉強会' });
    const { register: seat } = await gql<{ register: { id: string } }>(registerMutation('id'), {
      eventId: cancelled,
      participantId: person.id,
    });
    await gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: seat.id });

    await requestLink(person.email);
    await sink.waitUntil(() => sink.to(person.email).some((mail) => /ログイン用リンク/.test(mail.subject)));
    const token = tokenIn(sink.to(person.email).find((mail) => /ログイン用リンク/.test(mail.subject))!.text);
    const html = await (
      await fetch(`${t.url}/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
      })
    ).text();
    const listed = /<h2[^>]*>参加予定のイベント<\/h2><ul>([\s\S]*?)<\/ul>/.exec(html)![1];
    const items = listed.split('</li>').filter(Boolean);
    expect(items).toHaveLength(3);
    // Soonest first; a public event links to its page, a members-only one does not.
    expect(items[0]).toContain(`<a href="${t.url}/events/${fair}">すみだ ものづくり商談会</a>`);
    expect(items[0]).toContain('参加登録済');
    // The meeting count opens their agenda page at the event.
    const agenda = /面談 1件（<a href="([^"]+)">面談スケジュールを見る<\/a>）/.exec(items[0])![1];
    expect(agenda).toMatch(new RegExp(`^${t.url}/my-agenda/${person.id}\\.[\\w-]{43}/${fair}$`));
    const agendaPage = await fetch(agenda);
    expect(agendaPage.status).toBe(200);
    expect(await agendaPage.text()).toContain('<title>面談スケジュール（すみだ ものづくり商談会）</title>');
    expect(items[0]).toContain('回答待ちの面談申込 1件（申込メールのボタンからご回答ください）');
    expect(items[1]).toContain('墨田 事業承継サロン');
    expect(items[1]).toContain('キャンセル待ち（お席が空きしだいメールでお知らせします）');
    expect(items[1]).not.toContain('面談');
    expect(items[2]).toContain('<strong>会員限定 経営者交流会</strong>');
    expect(items[2]).toContain('ご招待中（招待メールのボタンからご回答ください）');
    expect(listed).not.toContain('先月の交流会');
    expect(listed).not.toContain('取りやめた勉強会');
  });

  it('lets an invitee whose invitation was never emailed answer on the signed-in page, in their language', async () => {
    // Invited while unsubscribed: no invitation email was written. One subscribes again.
    const daniel = await createParticipant(t, organizer, { name: 'Daniel Weber', locale: 'en' });
    const hanako = await createParticipant(t, organizer, { name: '押上 花子' });
    const unsubscribe = (id: string, undo = '') =>
      fetch(`${t.url}/unsubscribe/${t.app.get(UnsubscribeLinks).token(id)}${undo}`, { method: 'POST' });
    for (const person of [daniel, hanako]) expect((await unsubscribe(person.id)).status).toBe(200);
    const salon = await createPublishedEvent(t, organizer, {
      title: '墨田 ものづくりサロン',
      titleEn: 'Sumida Makers Salon',
      startsAt: tokyoInDays(10, '18:00'),
      endsAt: tokyoInDays(10, '20:00'),
    });
    await gql(
      'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
      {
        e: salon,
        ids: [daniel.id, hanako.id],
      },
    );
    expect((await unsubscribe(daniel.id, '/resubscribe')).status).toBe(200);
    const listed = await gql<{
      registrations: { edges: { node: { invitationNotSent: boolean; participant: { id: string } } }[] };
    }>(
      'query($e: ID!) { registrations(eventId: $e, first: 10) { edges { node { invitationNotSent participant { id } } } } }',
      { e: salon },
    );
    expect(listed.registrations.edges.map((edge) => edge.node.invitationNotSent)).toEqual([true, true]);

    /** The item of the signed-in page for the salon. */
    const signedInItem = async (email: string, subject: RegExp) => {
      await requestLink(email);
      await sink.waitUntil(() => sink.to(email).some((mail) => subject.test(mail.subject)));
      const token = tokenIn(
        sink
          .to(email)
          .filter((mail) => subject.test(mail.subject))
          .at(-1)!.text,
      );
      const html = await (
        await fetch(`${t.url}/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }).toString(),
        })
      ).text();
      return html.split('</li>').find((item) => /墨田 ものづくりサロン|Sumida Makers Salon/.test(item))!;
    };
    const link = (item: string, label: string) =>
      new RegExp(`<a href="([^"]+)">${label}</a>`).exec(item)![1].replace(/&amp;/g, '&');
    /** Opens a link from the page and presses the button its page shows. */
    const answer = async (url: string, button: string) => {
      const page = await (await fetch(url)).text();
      expect(page).toContain(`<button type="submit">${button}</button>`);
      const fields = Object.fromEntries(
        [...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map(([, name, value]) => [
          name,
          value,
        ]),
      );
      return (
        await fetch(`${t.url}/invitations/respond`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        })
      ).text();
    };
    const status = async (participantId: string) =>
      (
        (await t.dataSource.query(
          'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
          [salon, participantId],
        )) as { status: string }[]
      )[0].status;

    const english = await signedInItem(daniel.email, /sign-in link/);
    expect(english).toContain('Invited (we could not send you the invitation email: please answer here)');
    expect(english).not.toContain('buttons in the invitation email');
    expect(link(english, 'Decline')).toMatch(
      new RegExp(`^${t.url}/invitations/respond\\?token=[\\w-]+&accept=0`),
    );
    expect(await answer(link(english, 'Accept'), 'Accept')).toContain('You are registered.');
    expect(await status(daniel.id)).toBe('REGISTERED');

    const japanese = await signedInItem(hanako.email, /ログイン用リンク/);
    expect(japanese).toContain('ご招待中（招待メールをお送りできていません。こちらからご回答ください）');
    expect(japanese).not.toContain('招待メールのボタン');
    const declined = await answer(link(japanese, '辞退する'), '辞退する');
    expect(declined).toContain(
      '辞退を承りました。ご都合が変わりましたら、墨田区商工会議所にお問い合わせください。',
    );
    expect(declined).not.toContain('ご招待メール');
    expect(await status(hanako.id)).toBe('DECLINED');
  });

  it('limits sign-in emails per address per hour, still answering true', async () => {
    const person = await createParticipant(t, organizer);
    for (let i = 0; i < 5; i += 1) expect(await requestLink(person.email)).toBe(true);
    await eventually(async () => {
      const [{ count }]: { count: string }[] = await t.dataSource.query(
        `SELECT count(*) FROM outbox_messages WHERE participant_id = $1 AND status = 'SENT'`,
        [person.id],
      );
      return count === '3';
    }, 'three sign-in emails sent');
    const [{ count }]: { count: string }[] = await t.dataSource.query(
      'SELECT count(*) FROM outbox_messages WHERE participant_id = $1',
      [person.id],
    );
    expect(count).toBe('3');
    expect(sink.to(person.email)).toHaveLength(3);

    // Asked many times at once, the limit still holds: the requests are counted one at a time.
    const hurried = await createParticipant(t, organizer);
    const answers = await Promise.all(Array.from({ length: 8 }, () => requestLink(hurried.email)));
    expect(answers.every(Boolean)).toBe(true);
    const [{ written }]: { written: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS written FROM outbox_messages WHERE participant_id = $1',
      [hurried.id],
    );
    expect(written).toBe(3);
  });

  it('reminds registered participants the day before, not those who cancelled or unsubscribed, once', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '墨田区 事業承継セミナー',
      kind: 'SEMINAR',
      startsAt: tokyoInDays(1, '14:00'),
      endsAt: tokyoInDays(1, '16:00'),
      capacity: 3,
    });
    const later = await createPublishedEvent(t, organizer, {
      title: '来週のサロン',
      startsAt: tokyoInDays(7, '18:00'),
      endsAt: tokyoInDays(7, '20:00'),
    });
    const register = async (eventIdToJoin: string, participantId: string) =>
      ok(
        await t.gql<{ register: { id: string } }>(
          registerMutation(),
          { eventId: eventIdToJoin, participantId },
          organizer,
        ),
      ).register.id;
    const attending = await createParticipant(t, organizer, { name: '岡﨑 一郎' });
    const english = await createParticipant(t, organizer, { name: 'Liam Ward', locale: 'en' });
    const cancelled = await createParticipant(t, organizer);
    const optedOut = await createParticipant(t, organizer);
    await register(eventId, attending.id);
    await register(eventId, english.id);
    await register(later, attending.id);
    const cancelledRegistration = await register(eventId, cancelled.id);
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
        { id: cancelledRegistration },
        organizer,
      ),
    );
    await register(eventId, optedOut.id);
    await t.dataSource.query('UPDATE participants SET email_opt_out = true WHERE id = $1', [optedOut.id]);
    // The event is full now: the next one waits for a seat.
    const waiting = await createParticipant(t, organizer);
    await register(eventId, waiting.id);

    // Everyone registered also got a 参加登録完了 (or キャンセル待ち) email: only reminders count here.
    const remindersTo = (email: string) =>
      sink.to(email).filter((mail) => /^(【明日開催】|Tomorrow: )/.test(mail.subject));
    const reminders = t.app.get(RemindersService);
    expect(await reminders.writeRemindersForTomorrow()).toEqual({ events: 1, written: 2 });
    expect(await reminders.writeRemindersForTomorrow()).toEqual({ events: 1, written: 0 });
    await sink.waitUntil(() => remindersTo(attending.email).length + remindersTo(english.email).length === 2);

    const [ja] = remindersTo(attending.email);
    expect(ja.subject).toBe('【明日開催】墨田区 事業承継セミナー');
    expect(ja.text).toContain('岡﨑 一郎 様');
    expect(ja.text).toContain('主催: 墨田区商工会議所');
    expect(ja.text).toContain('14:00〜16:00');
    expect(ja.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(remindersTo(english.email)[0].subject).toBe('Tomorrow: 墨田区 事業承継セミナー');
    await eventually(async () => {
      const rows: { status: string }[] = await t.dataSource.query(
        `SELECT status FROM outbox_messages WHERE template = 'reminder'`,
      );
      return rows.length === 2 && rows.every((row) => row.status === 'SENT');
    }, 'reminders sent');
    expect(remindersTo(cancelled.email)).toHaveLength(0);
    expect(remindersTo(optedOut.email)).toHaveLength(0);

    // The reminder asks those who cannot come to cancel, and gives them the link to do it.
    expect(ja.text).toContain('▶ 参加をキャンセルする');
    const [en] = remindersTo(english.email);
    const cancelUrl = new RegExp(`${t.url}/registrations/cancel\\?token=([\\w-]+)`).exec(en.text);
    expect(cancelUrl).not.toBeNull();
    const statusOf = async (participantId: string) =>
      (
        (await t.dataSource.query(
          'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
          [eventId, participantId],
        )) as { status: string }[]
      )[0].status;
    expect(await statusOf(waiting.id)).toBe('WAITLISTED');
    // GET shows a confirmation in the participant's language and changes nothing…
    const page = await fetch(cancelUrl![0]);
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain('<html lang="en">');
    expect(pageHtml).toContain('Would you like to cancel your registration for this event?');
    expect(await statusOf(english.id)).toBe('REGISTERED');
    // …the POST cancels, and the first on the waiting list gets the seat.
    const post = () =>
      fetch(`${t.url}/registrations/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: cancelUrl![1] }).toString(),
      });
    const done = await post();
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Your registration is cancelled.');
    expect(await statusOf(english.id)).toBe('CANCELLED');
    expect(await statusOf(waiting.id)).toBe('REGISTERED');
    // Pressing again changes nothing and says so.
    expect(await (await post()).text()).toContain('This registration was already cancelled.');
    expect(await statusOf(waiting.id)).toBe('REGISTERED');
  });

  it('sends 【明日開催】 only on the day before: a reminder composed on another day is skipped', async () => {
    // On the event's day is the case that happens (a mail server or a worker down until that
    // morning); a day early is the same rule, and needs no event later today, which the last
    // minutes of a Tokyo day would not have.
    const eventId = await createPublishedEvent(t, organizer, {
      title: '墨田区 経営相談会',
      kind: 'SEMINAR',
      startsAt: tokyoInDays(2, '14:00'),
      endsAt: tokyoInDays(2, '16:00'),
    });
    const people = [
      await createParticipant(t, organizer, { name: '菊川 二郎' }),
      await createParticipant(t, organizer, { name: 'Mia Turner', locale: 'en' }),
    ];
    for (const person of people) await register(eventId, person.id);
    // Their 参加登録完了 first, so that only the reminder is left to come.
    await sink.waitUntil(() => people.every((person) => sink.to(person.email).length === 1));
    const confirmations = people.map((person) => sink.to(person.email).map((mail) => mail.subject));

    // Tomorrow's scan, for the day after, composed today: "tomorrow" would be wrong.
    const tomorrow = new Date(Date.now() + DAY_MS);
    expect(await t.app.get(RemindersService).writeRemindersForTomorrow(tomorrow)).toEqual({
      events: 1,
      written: 2,
    });
    const composed = await eventually(async () => {
      const rows: { status: string; skip_reason: string | null }[] = await t.dataSource.query(
        `SELECT status, skip_reason FROM outbox_messages WHERE template = 'reminder' AND event_id = $1`,
        [eventId],
      );
      return rows.length === 2 && rows.every((row) => !['PENDING', 'SENDING'].includes(row.status)) && rows;
    }, 'the reminders composed');
    expect(composed).toEqual([
      { status: 'SKIPPED', skip_reason: 'NOTHING_TO_SEND' },
      { status: 'SKIPPED', skip_reason: 'NOTHING_TO_SEND' },
    ]);
    // Nothing but the 参加登録完了 reached them.
    expect(people.map((person) => sink.to(person.email).map((mail) => mail.subject))).toEqual(confirmations);
  });

  it('gives those with meetings tomorrow their count and the link to their agenda page', async () => {
    const fair = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '墨田 明日の商談会',
      startsAt: tokyoInDays(1, '13:00'),
      endsAt: tokyoInDays(1, '17:00'),
    });
    const seller = await createParticipant(t, organizer, { name: '隅田 一郎' });
    const buyer = await createParticipant(t, organizer, { name: 'Olivia Grant', locale: 'en' });
    const alone = await createParticipant(t, organizer, { name: '押上 花子' });
    for (const id of [seller.id, buyer.id, alone.id]) await register(fair, id);
    const session = await addMatchmakingSession(t, organizer, {
      eventId: fair,
      startsAt: tokyoInDays(1, '14:00'),
      slotMinutes: 30,
      slotCount: 1,
      tableCount: 1,
    });
    await meet(fair, session, seller.id, buyer.id, '1');

    await t.app.get(RemindersService).writeRemindersForTomorrow();
    const reminderTo = (email: string) =>
      sink.to(email).find((mail) => /^(【明日開催】|Tomorrow: )墨田 明日の商談会/.test(mail.subject));
    await sink.waitUntil(() => [seller, buyer, alone].every((person) => reminderTo(person.email)));
    const ja = reminderTo(seller.email)!;
    expect(ja.text).toContain('■ 面談: 1件（時間と場所は面談スケジュールでご確認ください）');
    const link = /▶ 面談スケジュールを見る\n(\S+)\n/.exec(ja.text)![1];
    expect(link).toMatch(new RegExp(`^${t.url}/my-agenda/${seller.id}\\.[\\w-]{43}/${fair}$`));
    // The page first, then the way to cancel.
    expect(ja.text.indexOf('▶ 面談スケジュールを見る')).toBeLessThan(
      ja.text.indexOf('▶ 参加をキャンセルする'),
    );
    const page = await (await fetch(link)).text();
    expect(page).toContain('Olivia Grant 様<br>テーブル 1');
    const en = reminderTo(buyer.email)!;
    expect(en.text).toContain('■ Meetings: 1 (times and places are on your meeting schedule)');
    expect(en.text).toContain('▶ See your meeting schedule');
    // Nothing about meetings for someone who has none.
    expect(reminderTo(alone.email)!.text).not.toContain('面談');
  });

  it('tells those whose meeting at a fair has no time yet to ask at reception, not to look up a time', async () => {
    const fair = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '墨田 明日の個別商談会',
      startsAt: tokyoInDays(1, '13:00'),
      endsAt: tokyoInDays(1, '17:00'),
    });
    const [maker, buyer, shop, late] = [
      await createParticipant(t, organizer, { name: '両国 健' }),
      await createParticipant(t, organizer, { name: 'Grace Hill', locale: 'en' }),
      await createParticipant(t, organizer, { name: '向島 美咲' }),
      await createParticipant(t, organizer, { name: 'Ethan Moore', locale: 'en' }),
    ];
    for (const { id } of [maker, buyer, shop, late]) await register(fair, id);
    const session = await addMatchmakingSession(t, organizer, {
      eventId: fair,
      startsAt: tokyoInDays(1, '14:00'),
      slotMinutes: 30,
      slotCount: 1,
      tableCount: 1,
    });
    // 両国 meets Grace in the one slot; 両国 and Ethan, and 向島 and Ethan, are agreed with no slot left.
    await meet(fair, session, maker.id, buyer.id, '1');
    await agreeMeeting(t, fair, late.id, maker.id);
    await agreeMeeting(t, fair, shop.id, late.id);
    await gql('mutation($e: ID!) { publishSchedule(eventId: $e) { publishedMeetings } }', { e: fair });

    await t.app.get(RemindersService).writeRemindersForTomorrow();
    const reminderTo = (email: string) =>
      sink.to(email).find((mail) => /^(【明日開催】|Tomorrow: )墨田 明日の個別商談会/.test(mail.subject));
    await sink.waitUntil(() => [maker, buyer, shop, late].every((person) => reminderTo(person.email)));
    expect(reminderTo(maker.email)!.text).toContain(
      '■ 面談: 2件（時間の決まった面談1件: 時間と場所は面談スケジュールでご確認ください／時間が未定の面談1件: 当日、受付でお尋ねください）',
    );
    expect(reminderTo(buyer.email)!.text).toContain(
      '■ Meetings: 1 (times and places are on your meeting schedule)',
    );
    expect(reminderTo(shop.email)!.text).toContain(
      '■ 面談: 1件（時間はまだ決まっていません。当日、受付でお尋ねください）',
    );
    expect(reminderTo(late.email)!.text).toContain(
      '■ Meetings: 2 (no time yet: please ask at reception on the day)',
    );
  });

  it('tells those meeting people at a salon tomorrow to find them at the venue, not to look up a time', async () => {
    const salon = await createPublishedEvent(t, organizer, {
      title: '墨田 明日の事業承継サロン',
      startsAt: tokyoInDays(1, '18:00'),
      endsAt: tokyoInDays(1, '20:00'),
    });
    const host = await createParticipant(t, organizer, { name: '錦糸 太郎' });
    const guest = await createParticipant(t, organizer, { name: 'Noah Bennett', locale: 'en' });
    for (const id of [host.id, guest.id]) await register(salon, id);
    await agreeMeeting(t, salon, host.id, guest.id);

    await t.app.get(RemindersService).writeRemindersForTomorrow();
    const reminderTo = (email: string) =>
      sink.to(email).find((mail) => /^(【明日開催】|Tomorrow: )墨田 明日の事業承継サロン/.test(mail.subject));
    await sink.waitUntil(() => [host, guest].every((person) => reminderTo(person.email)));
    expect([reminderTo(host.email)!.text, reminderTo(guest.email)!.text]).toEqual([
      expect.stringContaining(
        '■ 面談: 1件（当日、会場でお声がけください。お相手は面談スケジュールでご確認ください）',
      ),
      expect.stringContaining(
        '■ Meetings: 1 (no set times: please find each other at the venue; your meeting schedule says who)',
      ),
    ]);
  });
});

/**
 * A daily REMINDER_CRON whose time today (Tokyo) has just gone: today's scan has run, and the next
 * one is a day away, long after these tests. In the first minute of a day, the scan at 00:00.
 */
function scanRanAMinuteAgo(): string {
  const minute = Math.max(0, Math.floor(((Date.now() + 9 * 3600_000) % DAY_MS) / 60_000) - 1);
  return `${minute % 60} ${Math.floor(minute / 60)} * * *`;
}

describe("day-before reminders for seats given after the day's scan", () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ ...sink.appSettings(), REMINDER_CRON: scanRanAMinuteAgo() });
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, {
      name: '墨田区商工会議所',
      municipality: '東京都墨田区',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const gql = async <T>(query: string, variables: Record<string, unknown>, token = organizer) =>
    ok(await t.gql<T>(query, variables, token));
  const register = async (eventId: string, participantId: string) =>
    (
      await gql<{ register: { id: string; status: string } }>(registerMutation('id status'), {
        eventId,
        participantId,
      })
    ).register;
  const remindersTo = (email: string) =>
    sink.to(email).filter((mail) => /^(【明日開催】|Tomorrow: )/.test(mail.subject));
  /** Waits until the event's emails have all been sent or skipped. */
  const settled = (eventId: string) =>
    eventually(async () => {
      const [{ open }]: { open: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS open FROM outbox_messages WHERE event_id = $1 AND status IN ('PENDING', 'SENDING')`,
        [eventId],
      );
      return open === 0;
    }, 'the emails sent');

  it('reminds at once whoever gets a seat for tomorrow after the scan: registered, moved up, invitation accepted', async () => {
    const startsAt = tokyoInDays(1, '14:00');
    const endsAt = tokyoInDays(1, '16:00');
    const eventId = await createPublishedEvent(t, organizer, {
      title: '墨田 明日の創業セミナー',
      kind: 'SEMINAR',
      startsAt,
      endsAt,
      capacity: 2,
    });
    // Today's scan has run (at REMINDER_CRON, a minute ago), before anyone registered.
    const reminders = t.app.get(RemindersService);
    expect(await reminders.writeRemindersForTomorrow()).toEqual({ events: 0, written: 0 });

    // This afternoon: a seat, a seat for someone who unsubscribed, and the waiting list.
    const seated = await createParticipant(t, organizer, { name: '錦糸 花子' });
    const unsubscribed = await createParticipant(t, organizer, { name: '配信 停止' });
    const waiting = await createParticipant(t, organizer, { name: 'Lucas Reed', locale: 'en' });
    await t.dataSource.query('UPDATE participants SET email_opt_out = true WHERE id = $1', [unsubscribed.id]);
    expect((await register(eventId, seated.id)).status).toBe('REGISTERED');
    const leaving = await register(eventId, unsubscribed.id);
    expect(leaving.status).toBe('REGISTERED');
    expect((await register(eventId, waiting.id)).status).toBe('WAITLISTED');
    await sink.waitUntil(() => remindersTo(seated.email).length === 1);
    const [ja] = remindersTo(seated.email);
    expect(ja.subject).toBe('【明日開催】墨田 明日の創業セミナー');
    expect(ja.text).toContain('錦糸 花子 様');
    expect(ja.text).toContain('「墨田 明日の創業セミナー」は明日開催です。');
    expect(ja.text).toContain(formatEventTime('ja', new Date(startsAt), new Date(endsAt)));
    expect(ja.text).toContain('▶ 参加をキャンセルする');

    // The one who unsubscribed gives up the seat: the first on the waiting list is moved up, and
    // reminded too, in English.
    await gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: leaving.id });
    await sink.waitUntil(() => remindersTo(waiting.email).length === 1);
    const [en] = remindersTo(waiting.email);
    expect(en.subject).toBe('Tomorrow: 墨田 明日の創業セミナー');
    expect(en.text).toContain('Lucas Reed');
    expect(en.text).toContain('A reminder that "墨田 明日の創業セミナー" takes place tomorrow.');
    expect(en.text).toContain(formatEventTime('en', new Date(startsAt), new Date(endsAt)));

    // An invitation to tomorrow's members-only event, accepted this afternoon.
    const members = await createPublishedEvent(t, organizer, {
      title: '会員限定 明日の交流会',
      visibility: 'INVITE_ONLY',
      startsAt: tokyoInDays(1, '18:00'),
      endsAt: tokyoInDays(1, '20:00'),
    });
    const guest = await createParticipant(t, organizer, { name: '両国 三郎' });
    await gql(
      'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
      {
        e: members,
        ids: [guest.id],
      },
    );
    await sink.waitUntil(() => sink.to(guest.email).length === 1);
    const { token } = invitationAnswerLink(t, sink.to(guest.email)[0], 1);
    const answer = await gql<{ respondToInvitation: { status: string } }>(
      'mutation($token: String!) { respondToInvitation(token: $token, accept: true) { status } }',
      { token },
    );
    expect(answer.respondToInvitation.status).toBe('REGISTERED');
    await sink.waitUntil(() => remindersTo(guest.email).length === 1);
    expect(remindersTo(guest.email)[0].subject).toBe('【明日開催】会員限定 明日の交流会');
    expect(remindersTo(guest.email)[0].text).toContain('両国 三郎 様');

    // Once each: a scan run again finds them reminded; nothing for whoever unsubscribed.
    expect(await reminders.writeRemindersForTomorrow()).toEqual({ events: 2, written: 0 });
    await settled(eventId);
    await settled(members);
    expect([seated, waiting, guest].map((person) => remindersTo(person.email).length)).toEqual([1, 1, 1]);
    expect(remindersTo(unsubscribed.email)).toHaveLength(0);
  });

  it('reminds everyone at an event moved to tomorrow after the scan, of the new date, but not who cancelled', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '墨田 ものづくり勉強会',
      kind: 'SEMINAR',
      startsAt: tokyoInDays(5, '14:00'),
      endsAt: tokyoInDays(5, '16:00'),
    });
    const staying = await createParticipant(t, organizer, { name: '押上 一郎' });
    const english = await createParticipant(t, organizer, { name: 'Ava Brooks', locale: 'en' });
    const cancelled = await createParticipant(t, organizer, { name: '取消 次郎' });
    for (const person of [staying, english]) await register(eventId, person.id);
    const leaving = await register(eventId, cancelled.id);
    await gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: leaving.id });
    await settled(eventId);
    // Nothing to remind of yet: the event is days away.
    expect(remindersTo(staying.email)).toHaveLength(0);

    const startsAt = tokyoInDays(1, '13:00');
    const endsAt = tokyoInDays(1, '15:00');
    await updateEvent(t, organizer, eventId, { startsAt, endsAt });
    await sink.waitUntil(() => [staying, english].every((person) => remindersTo(person.email).length === 1));
    const [ja] = remindersTo(staying.email);
    expect(ja.subject).toBe('【明日開催】墨田 ものづくり勉強会');
    expect(ja.text).toContain('押上 一郎 様');
    expect(ja.text).toContain(formatEventTime('ja', new Date(startsAt), new Date(endsAt)));
    const [en] = remindersTo(english.email);
    expect(en.subject).toBe('Tomorrow: 墨田 ものづくり勉強会');
    expect(en.text).toContain(formatEventTime('en', new Date(startsAt), new Date(endsAt)));
    // Moved again within tomorrow: they have their reminder, and get no second one.
    await updateEvent(t, organizer, eventId, {
      startsAt: tokyoInDays(1, '15:00'),
      endsAt: tokyoInDays(1, '17:00'),
    });
    await settled(eventId);
    expect([staying, english].map((person) => remindersTo(person.email).length)).toEqual([1, 1]);
    expect(remindersTo(cancelled.email)).toHaveLength(0);
  });

  it('reminds once, of the final date, those at an event moved away from tomorrow and back the same day', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '墨田 販路開拓セミナー',
      kind: 'SEMINAR',
      startsAt: tokyoInDays(5, '14:00'),
      endsAt: tokyoInDays(5, '16:00'),
    });
    const people = [
      await createParticipant(t, organizer, { name: '本所 五郎' }),
      await createParticipant(t, organizer, { name: 'Ella Price', locale: 'en' }),
    ];
    for (const person of people) await register(eventId, person.id);
    await settled(eventId);
    const reminderRows = () =>
      t.dataSource.query<{ status: string; skip_reason: string | null }[]>(
        `SELECT status, skip_reason FROM outbox_messages WHERE event_id = $1 AND template = 'reminder'`,
        [eventId],
      );

    // Moved to tomorrow after the scan, and away again before its reminders left (the mail queue
    // was behind): when they are composed, the event is no longer tomorrow, and they are skipped.
    const mail = t.app.get<Queue>(getQueueToken(QueueName.MAIL));
    await mail.pause();
    try {
      await updateEvent(t, organizer, eventId, {
        startsAt: tokyoInDays(1, '14:00'),
        endsAt: tokyoInDays(1, '16:00'),
      });
      await updateEvent(t, organizer, eventId, {
        startsAt: tokyoInDays(3, '14:00'),
        endsAt: tokyoInDays(3, '16:00'),
      });
    } finally {
      await mail.resume();
    }
    await settled(eventId);
    expect(await reminderRows()).toEqual([
      { status: 'SKIPPED', skip_reason: 'NOTHING_TO_SEND' },
      { status: 'SKIPPED', skip_reason: 'NOTHING_TO_SEND' },
    ]);
    expect(people.map((person) => remindersTo(person.email).length)).toEqual([0, 0]);

    // Back to tomorrow the same afternoon, at another time: one reminder each, of the final time.
    const startsAt = tokyoInDays(1, '15:00');
    const endsAt = tokyoInDays(1, '17:00');
    await updateEvent(t, organizer, eventId, { startsAt, endsAt });
    await sink.waitUntil(
      () => people.every((person) => remindersTo(person.email).length === 1),
      10_000,
      'a reminder to each',
    );
    const [ja] = remindersTo(people[0].email);
    expect(ja.subject).toBe('【明日開催】墨田 販路開拓セミナー');
    expect(ja.text).toContain('本所 五郎 様');
    expect(ja.text).toContain(formatEventTime('ja', new Date(startsAt), new Date(endsAt)));
    const [en] = remindersTo(people[1].email);
    expect(en.subject).toBe('Tomorrow: 墨田 販路開拓セミナー');
    expect(en.text).toContain(formatEventTime('en', new Date(startsAt), new Date(endsAt)));

    // Away and back once more, and the scan run again: they have their reminder for that date.
    await updateEvent(t, organizer, eventId, {
      startsAt: tokyoInDays(3, '14:00'),
      endsAt: tokyoInDays(3, '16:00'),
    });
    await updateEvent(t, organizer, eventId, { startsAt, endsAt });
    expect(await t.app.get(RemindersService).writeRemindersForTomorrow()).toMatchObject({ written: 0 });
    await settled(eventId);
    expect(people.map((person) => remindersTo(person.email).length)).toEqual([1, 1]);
    expect((await reminderRows()).map((row) => row.status)).toEqual(['SENT', 'SENT']);
  });

  it('reminds once someone who cancelled before their reminder left and took a seat again', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '墨田 明日の経営相談会',
      kind: 'SEMINAR',
      startsAt: tokyoInDays(1, '10:00'),
      endsAt: tokyoInDays(1, '12:00'),
    });
    const person = await createParticipant(t, organizer, { name: '向島 六郎' });
    const mail = t.app.get<Queue>(getQueueToken(QueueName.MAIL));
    await mail.pause();
    try {
      const seat = await register(eventId, person.id);
      await gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', { id: seat.id });
    } finally {
      await mail.resume();
    }
    await settled(eventId);
    expect(remindersTo(person.email)).toHaveLength(0);

    // They ring up to say they can come after all.
    expect((await register(eventId, person.id)).status).toBe('REGISTERED');
    await sink.waitUntil(() => remindersTo(person.email).length === 1, 10_000, 'their reminder');
    expect(remindersTo(person.email)[0].text).toContain('向島 六郎 様');
    await settled(eventId);
    expect(remindersTo(person.email)).toHaveLength(1);
  });

  it('reminds those already on the list of a draft published for tomorrow after the scan', async () => {
    const created = await gql<{ createEvent: { id: string } }>(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          kind: 'SALON',
          title: '墨田 明日の事業承継サロン',
          venue: 'すみだ産業会館',
          startsAt: tokyoInDays(1, '18:00'),
          endsAt: tokyoInDays(1, '20:00'),
        },
      },
    );
    const eventId = created.createEvent.id;
    const person = await createParticipant(t, organizer, { name: '亀沢 四郎' });
    await register(eventId, person.id);
    await gql('mutation($id: ID!) { publishEvent(id: $id) { id } }', { id: eventId });
    await sink.waitUntil(() => remindersTo(person.email).length === 1);
    expect(remindersTo(person.email)[0].subject).toBe('【明日開催】墨田 明日の事業承継サロン');
    expect(remindersTo(person.email)[0].text).toContain('亀沢 四郎 様');
  });
});
