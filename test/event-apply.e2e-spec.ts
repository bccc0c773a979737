import { Role } from '../src/auth/actor';
import { ALWAYS_TRUE_ANSWER_MS } from '../src/common/time/no-sooner-than';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { browse, pathOf, submitForm } from './support/browser';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

const SENT_NOTICE =
  'ご登録のメールアドレスあてに、お申込用のリンクをお送りしました（ご登録がない場合は届きません。主催者 葛飾区産業経済課（sangyo@city.katsushika.example.jp / TEL 03-5654-8111）にお問い合わせください）';

/**
 * Applying from an event's public page: the form sends a link to a known address (and answers the
 * same for any other), the link's page registers on its button, once.
 */
describe('applying from the public event page', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ ...sink.appSettings(), APPLY_LINK_PER_HOUR: '3' });
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '葛飾区産業経済課',
        kind: 'MUNICIPALITY',
        municipality: '東京都葛飾区',
        contactEmail: 'sangyo@city.katsushika.example.jp',
        contactPhone: '03-5654-8111',
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const page = async (eventId: string) => {
    const response = await fetch(`${t.url}/events/${eventId}`);
    return { status: response.status, html: await response.text() };
  };
  const post = async (path: string, form: Record<string, string>, language = 'ja') => {
    const response = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, html: await response.text() };
  };
  const askForLink = (eventId: string, email: string) => post(`/events/${eventId}/apply`, { email });
  const linkIn = (mail: ReceivedMail) => {
    const match = new RegExp(`${t.url}/registrations/apply\\?token=([\\w.-]+)`).exec(mail.text);
    if (!match) throw new Error(`no application link in:\n${mail.text}`);
    return { url: match[0], token: match[1] };
  };
  const registrationsOf = async (eventId: string, participantId: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, participantId],
      )
    ).map((row: { status: string }) => row.status);
  const applicationEmailsTo = async (participantId: string): Promise<number> =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS count FROM outbox_messages WHERE participant_id = $1 AND template = 'event-application'`,
        [participantId],
      )
    )[0].count;

  it('sends a known participant a link whose page registers them on its button, once', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: 'かつしか ものづくりサロン',
      venue: 'テクノプラザかつしか 2階',
      capacity: 30,
    });
    const person = await createParticipant(t, organizer, { name: '髙橋 﨑子', consentEmail: false });

    const shown = await page(eventId);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('参加のお申込');
    expect(shown.html).toContain(`<form method="post" action="${eventId}/apply?lang=ja">`);
    expect(shown.html).toContain('申込用のリンクを受け取る');
    expect(shown.html).not.toContain('キャンセル待ち');

    // The address as typed, in capitals: it is still theirs.
    const started = performance.now();
    const answer = await askForLink(eventId, person.email.toUpperCase());
    expect(performance.now() - started).toBeGreaterThanOrEqual(ALWAYS_TRUE_ANSWER_MS);
    expect(answer.status).toBe(200);
    expect(answer.html).toContain(SENT_NOTICE);
    expect(answer.html).not.toContain('<form');

    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const [mail] = sink.to(person.email);
    expect(mail.subject).toBe('【参加申込のご確認】かつしか ものづくりサロン');
    expect(mail.text).toContain('髙橋 﨑子 様');
    expect(mail.text).toContain(
      '「かつしか ものづくりサロン」への参加のお申込を承るためのご案内です。下のボタンからお申込ページを開き、「参加を申し込む」を押すとお申込が完了します。',
    );
    expect(mail.text).toContain('テクノプラザかつしか 2階');
    expect(mail.text).toContain('リンクの有効期限は24時間です。');
    expect(mail.text).toContain('主催: 葛飾区産業経済課');
    expect(mail.header('list-unsubscribe')).toBeUndefined();
    // Nothing is written for them until they confirm.
    expect(await registrationsOf(eventId, person.id)).toEqual([]);

    const { url, token } = linkIn(mail);
    // Opening the link (as a mail scanner does) shows the button and changes nothing.
    const opened = await fetch(url);
    expect(opened.status).toBe(200);
    const openedHtml = await opened.text();
    expect(openedHtml).toContain('<html lang="ja">');
    expect(openedHtml).toContain('かつしか ものづくりサロン');
    expect(openedHtml).toContain('髙橋 﨑子 様');
    expect(openedHtml).toContain('参加を申し込む');
    expect(await registrationsOf(eventId, person.id)).toEqual([]);

    const applied = await post('/registrations/apply', { token });
    expect(applied.status).toBe(200);
    expect(applied.html).toContain('参加登録が完了しました');
    expect(await registrationsOf(eventId, person.id)).toEqual(['REGISTERED']);
    await sink.waitUntil(() => sink.to(person.email).length === 2);
    const confirmation = sink.to(person.email)[1];
    expect(confirmation.subject).toBe('【参加登録完了】かつしか ものづくりサロン');

    // Pressed again, or opened again: already applied, nothing more happens.
    const again = await post('/registrations/apply', { token });
    expect(again.status).toBe(200);
    expect(again.html).toContain('<p>すでに参加登録済みです。</p>');
    const reopened = await (await fetch(url)).text();
    expect(reopened).toContain('<p>すでに参加登録済みです。</p>');
    expect(reopened).not.toContain('<form');
    expect(await registrationsOf(eventId, person.id)).toEqual(['REGISTERED']);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE participant_id = $1`,
      [person.id],
    );
    expect(count).toBe(2);

    // Once they cancelled, the used link does not register them again.
    const [{ id: registrationId }] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, person.id],
    );
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { id } }',
        { id: registrationId },
        await t.participantToken(person.id),
      ),
    );
    const afterCancel = await post('/registrations/apply', { token });
    expect(afterCancel.status).toBe(400);
    expect(afterCancel.html).toContain('このリンクはすでに使用されています');
    expect(await registrationsOf(eventId, person.id)).toEqual(['CANCELLED']);
  });

  it('answers an unknown address the same, and sends nothing', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'かつしか 創業サロン' });
    const outboxBefore: number = (
      await t.dataSource.query('SELECT count(*)::int AS count FROM outbox_messages')
    )[0].count;
    const started = performance.now();
    const answer = await askForLink(eventId, 'nobody-here@example.jp');
    expect(performance.now() - started).toBeGreaterThanOrEqual(ALWAYS_TRUE_ANSWER_MS);
    expect(answer.status).toBe(200);
    expect(answer.html).toContain(SENT_NOTICE);
    const outboxAfter: number = (
      await t.dataSource.query('SELECT count(*)::int AS count FROM outbox_messages')
    )[0].count;
    expect(outboxAfter).toBe(outboxBefore);
    expect(sink.to('nobody-here@example.jp')).toEqual([]);

    // Not an address: the form again, asking to check it.
    const typo = await askForLink(eventId, 'not an address');
    expect(typo.status).toBe(400);
    expect(typo.html).toContain('メールアドレスの形式をご確認ください');
    expect(typo.html).toContain('申込用のリンクを受け取る');
  });

  it('writes to an English-speaking participant in English', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'Katsushika Design Salon' });
    const person = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    expect((await askForLink(eventId, person.email)).html).toContain(SENT_NOTICE);

    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const [mail] = sink.to(person.email);
    expect(mail.subject).toBe('Confirm your registration: Katsushika Design Salon');
    expect(mail.text).toContain('Dear Emma Clarke,');
    expect(mail.text).toContain('The link works for 24 hours.');

    const { url, token } = linkIn(mail);
    const opened = await (await fetch(url)).text();
    expect(opened).toContain('<html lang="en">');
    expect(opened).toContain('Would you like to register for this event?');
    expect(opened).toContain('>Register</button>');
    const applied = await post('/registrations/apply', { token }, 'ja');
    expect(applied.html).toContain('You are registered.');
    await sink.waitUntil(() => sink.to(person.email).length === 2);
    expect(sink.to(person.email)[1].subject).toBe('You are registered: Katsushika Design Salon');
  });

  it('shows the page in English when asked (?lang=en, or the browser), and keeps it through the form', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      kind: 'SEMINAR',
      title: 'Katsushika Export Seminar',
      venue: 'テクノプラザかつしか 2階',
    });
    const english = await (await fetch(`${t.url}/events/${eventId}?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<dt>Type</dt><dd>Seminar</dd>');
    expect(english).toContain('<dt>Organised by</dt><dd>葛飾区産業経済課</dd>');
    expect(english).toMatch(/<dt>Date<\/dt><dd>\w{3} \d{1,2} \w{3} \d{4}, 18:00–20:30 \(JST\)<\/dd>/);
    expect(english).toContain(`<form method="post" action="${eventId}/apply?lang=en">`);
    expect(english).toContain('>Send me the link</button>');
    expect(english).not.toMatch(/参加のお申込|メールアドレス|種類/);
    const byBrowser = await (
      await fetch(`${t.url}/events/${eventId}`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    ).text();
    expect(byBrowser).toContain('<dt>Type</dt><dd>Seminar</dd>');
    // Japanese stays the default, and ?lang=ja wins over the browser.
    expect((await page(eventId)).html).toContain('<dt>種類</dt><dd>セミナー</dd>');
    const japanese = await (
      await fetch(`${t.url}/events/${eventId}?lang=ja`, { headers: { 'accept-language': 'en' } })
    ).text();
    expect(japanese).toContain('<dt>種類</dt><dd>セミナー</dd>');

    const sent = await post(`/events/${eventId}/apply?lang=en`, { email: 'nobody@example.jp' });
    expect(sent.html).toContain('<html lang="en">');
    expect(sent.html).toContain(
      'If the organiser has this email address, we have sent a link to register to it. If no email arrives, please contact 葛飾区産業経済課 (sangyo@city.katsushika.example.jp / Tel. 03-5654-8111).',
    );
    const missing = await fetch(`${t.url}/events/00000000-0000-4000-8000-000000000000?lang=en`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Event not found</h1>');
  });

  it('takes the address put right on the form that asked to check it, in Japanese and in English', async () => {
    const admin = await staffSession(t, Role.ADMIN, null);
    const taito = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '東京商工会議所 台東支部',
        nameEn: 'Tokyo Chamber of Commerce and Industry, Taito Branch',
        municipality: '東京都台東区',
        contactEmail: 'taito@tokyo-cci.example.jp',
      }),
    );
    const eventId = await createPublishedEvent(t, taito, {
      title: '台東 ものづくり交流会',
      titleEn: 'Taito Manufacturers Meetup',
      venue: '台東区民会館 9階 特別会議室',
      venueEn: 'Taito Civic Hall, 9F Special Conference Room',
    });
    const kenji = await createParticipant(t, taito, { name: '佐藤 健二' });
    const daniel = await createParticipant(t, taito, { name: 'Daniel Weber', locale: 'en' });

    // A phone's email field takes an address without a domain ending; the page asks to check it,
    // with the form again, which posts where the first one did.
    const japanese = await browse(`${t.url}/events/${eventId}`);
    const typo = await submitForm(japanese, { email: 'kenji.sato@sato-shoji' });
    expect(typo.status).toBe(400);
    expect(typo.html).toContain('メールアドレスの形式をご確認ください。');
    expect(typo.html).toContain('value="kenji.sato@sato-shoji"');
    const put = await submitForm(typo, { email: kenji.email });
    expect(put.status).toBe(200);
    // Both forms post to the same address, naming the page's language.
    expect([typo.url, put.url].map(pathOf)).toEqual([
      `/events/${eventId}/apply?lang=ja`,
      `/events/${eventId}/apply?lang=ja`,
    ]);
    expect(put.html).toContain(
      '<p>ご登録のメールアドレスあてに、お申込用のリンクをお送りしました（ご登録がない場合は届きません。主催者 東京商工会議所 台東支部（taito@tokyo-cci.example.jp）にお問い合わせください）。</p>',
    );
    await sink.waitUntil(() => sink.to(kenji.email).length === 1);
    expect(sink.to(kenji.email)[0].subject).toBe('【参加申込のご確認】台東 ものづくり交流会');

    // In English the organiser is named as the page's "Organised by" line names them.
    const english = await browse(`${t.url}/events/${eventId}?lang=en`);
    expect(english.html).toContain(
      '<dt>Organised by</dt><dd>Tokyo Chamber of Commerce and Industry, Taito Branch</dd>',
    );
    const wrong = await submitForm(english, { email: 'daniel.weber@weber-import' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('<html lang="en">');
    expect(wrong.html).toContain('Please check the email address.');
    const right = await submitForm(wrong, { email: daniel.email });
    expect(right.status).toBe(200);
    expect(pathOf(right.url)).toBe(`/events/${eventId}/apply?lang=en`);
    expect(right.html).toContain(
      '<p>If the organiser has this email address, we have sent a link to register to it. If no email arrives, please contact Tokyo Chamber of Commerce and Industry, Taito Branch (taito@tokyo-cci.example.jp).</p>',
    );
    expect(right.html).not.toContain('東京商工会議所');
    await sink.waitUntil(() => sink.to(daniel.email).length === 1);
    expect(sink.to(daniel.email)[0].subject).toBe('Confirm your registration: Taito Manufacturers Meetup');

    // Japanese asked for by the link, in an English browser: the answer stays Japanese.
    const asked = await browse(`${t.url}/events/${eventId}?lang=ja`, { 'accept-language': 'en' });
    const askedAgain = await submitForm(await submitForm(asked, { email: 'not an address' }), {
      email: 'nobody@example.jp',
    });
    expect(askedAgain.html).toContain('<html lang="ja">');
    expect(askedAgain.html).toContain('お申込用のリンクをお送りしました');

    // The same name where registration has closed.
    const closed = await createPublishedEvent(t, taito, {
      title: '台東 締切済みの交流会',
      registrationClosesAt: tokyoInDays(-1, '17:00'),
    });
    expect((await browse(`${t.url}/events/${closed}?lang=en`)).html).toContain(
      '<p>Registration is closed. If you have any questions, please contact Tokyo Chamber of Commerce and Industry, Taito Branch (taito@tokyo-cci.example.jp).</p>',
    );
  });

  it('puts an application to a full event on the waiting list, and says so before', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: 'かつしか 事業承継ミニサロン',
      capacity: 1,
    });
    const seated = await createParticipant(t, organizer);
    ok(await t.gql(registerMutation(), { eventId, participantId: seated.id }, organizer));
    const person = await createParticipant(t, organizer, { name: '岡﨑 一郎' });

    const shown = await page(eventId);
    expect(shown.html).toContain('定員に達しているため、キャンセル待ちでのお申込になります。');
    expect(shown.html).toContain('申込用のリンクを受け取る');
    await askForLink(eventId, person.email);
    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const [mail] = sink.to(person.email);
    expect(mail.text).toContain('ただいま定員に達しているため、キャンセル待ちでのお申込になります。');

    const { url, token } = linkIn(mail);
    expect(await (await fetch(url)).text()).toContain('キャンセル待ちでのお申込になります');
    const applied = await post('/registrations/apply', { token });
    expect(applied.html).toContain('キャンセル待ちで受け付けました');
    expect(await registrationsOf(eventId, person.id)).toEqual(['WAITLISTED']);
    await sink.waitUntil(() => sink.to(person.email).length === 2);
    expect(sink.to(person.email)[1].subject).toBe('【キャンセル待ち】かつしか 事業承継ミニサロン');
    // Pressed again: one sentence for what they hold.
    expect((await post('/registrations/apply', { token })).html).toContain(
      '<p>すでにキャンセル待ちでお申込済みです。席が空き次第、順にご案内します。</p>',
    );
  });

  it('shows no form while registration is closed or not yet open, and sends nothing', async () => {
    const person = await createParticipant(t, organizer);
    const closed = await createPublishedEvent(t, organizer, {
      title: '締切済みのサロン',
      registrationClosesAt: tokyoInDays(-1, '17:00'),
    });
    const notYet = await createPublishedEvent(t, organizer, {
      title: '受付前のサロン',
      registrationOpensAt: tokyoInDays(7, '10:00'),
    });
    const closedPage = await page(closed);
    expect(closedPage.html).toContain('受付を終了しました');
    expect(closedPage.html).not.toContain('<form');
    const notYetPage = await page(notYet);
    expect(notYetPage.html).toContain('受付前です。お申込は');
    expect(notYetPage.html).toContain('10:00から受け付けます。');
    expect(notYetPage.html).not.toContain('<form');

    for (const eventId of [closed, notYet]) {
      const answer = await askForLink(eventId, person.email);
      expect(answer.status).toBe(200);
      expect(answer.html).not.toContain('お申込用のリンクをお送りしました');
    }
    // A draft has no page, and no form behind it.
    const draft = ok(
      await t.gql<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'SEMINAR',
            title: '準備中のセミナー',
            venue: '葛飾区役所',
            startsAt: tokyoInDays(9, '14:00'),
            endsAt: tokyoInDays(9, '16:00'),
          },
        },
        organizer,
      ),
    ).createEvent.id;
    expect((await askForLink(draft, person.email)).status).toBe(404);
    expect(await applicationEmailsTo(person.id)).toBe(0);
  });

  it('refuses a link that expired, or one pointed at another event', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'かつしか DXサロン' });
    const other = await createPublishedEvent(t, organizer, { title: 'かつしか BCPサロン' });
    const person = await createParticipant(t, organizer);
    await askForLink(eventId, person.email);
    await sink.waitUntil(() => sink.to(person.email).length === 1);
    const { token } = linkIn(sink.to(person.email)[0]);

    // The event is part of what the stored hash covers: swapped for another, the link is no link.
    const swapped = token.replace(eventId, other);
    const forged = await fetch(`${t.url}/registrations/apply?token=${swapped}`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('このリンクは無効です');
    expect((await post('/registrations/apply', { token: swapped })).status).toBe(400);
    expect(await registrationsOf(other, person.id)).toEqual([]);

    await t.dataSource.query(
      `UPDATE action_tokens SET expires_at = now() - interval '1 minute' WHERE purpose = 'event-application' AND subject_id = $1`,
      [person.id],
    );
    const expired = await fetch(`${t.url}/registrations/apply?token=${token}`);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('このリンクは有効期限が切れています');
    const pressed = await post('/registrations/apply', { token });
    expect(pressed.status).toBe(400);
    expect(await registrationsOf(eventId, person.id)).toEqual([]);
  });

  it('sends a few application links an hour per address, answering the same beyond', async () => {
    const eventId = await createPublishedEvent(t, organizer, { title: 'かつしか 販路開拓サロン' });
    const person = await createParticipant(t, organizer);
    for (let i = 0; i < 5; i += 1)
      expect((await askForLink(eventId, person.email)).html).toContain(SENT_NOTICE);
    await eventually(async () => {
      const [{ sent }]: { sent: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS sent FROM outbox_messages WHERE participant_id = $1 AND status = 'SENT'`,
        [person.id],
      );
      return sent === 3;
    }, 'three application emails sent');
    expect(await applicationEmailsTo(person.id)).toBe(3);
    expect(sink.to(person.email)).toHaveLength(3);

    // Asked many times at once, the limit still holds.
    const hurried = await createParticipant(t, organizer);
    const answers = await Promise.all(Array.from({ length: 6 }, () => askForLink(eventId, hurried.email)));
    expect(answers.every((answer) => answer.html.includes(SENT_NOTICE))).toBe(true);
    expect(await applicationEmailsTo(hurried.id)).toBe(3);
  });
});
