import { Role } from '../src/auth/actor';
import { UnsubscribeLinks } from '../src/mail/unsubscribe-links';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  emailProgress,
  registerMutation,
  staffSession,
  matchAndWait,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

interface DigestResult {
  runId: string;
  participants: number;
  queued: number;
  alreadyQueued: number;
  notEmailable: number;
  nothingNew: number;
}

/**
 * The suggestion digest as its readers meet it over an event's weeks: the first one, and what a
 * re-run of matching (new registrants, a changed profile) sends them afterwards.
 */
describe('suggestion digests as participants read them', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;
  const people: Record<string, { id: string; email: string }> = {};
  /** Addresses whose mail server says 「try later」 for now. */
  const unreachable = new Set<string>();

  beforeAll(async () => {
    sink = await SmtpSink.start({
      refuseRecipient: (address) => (unreachable.has(address) ? 451 : undefined),
    });
    // An email refused for now is tried again 3 s later, not 30: a digest to someone whose mail
    // server was down waits until the earlier email to them refused meanwhile has been tried again
    // (EarlierEmailInFlight).
    t = await createTestApp({ ...sink.appSettings(), MAIL_RETRY_BASE_MS: '3000' });
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '東京財務事務所', kind: 'FINANCE_OFFICE' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第4回）',
      themes: ['事業承継', '販路開拓'],
    });
    await join('takahashi', {
      name: '髙橋 美﨑',
      furigana: 'タカハシ ミサキ',
      title: '代表取締役',
      phone: '03-1234-5678',
      kind: 'SUCCESSOR',
      company: { name: '髙橋製作所', industry: 'E', municipality: '東京都葛飾区' },
      offers: ['金属加工', '試作'],
      needs: ['販路開拓'],
      themes: ['事業承継'],
    });
    await join('yamada', {
      name: '山田 花子',
      furigana: 'ヤマダ ハナコ',
      company: { name: 'ウェブ工房', industry: 'G', municipality: '東京都墨田区' },
      offers: ['EC構築支援', 'ホームページ制作'],
      needs: ['金属加工'],
      themes: ['DX'],
    });
    await join('emma', {
      name: 'Emma Clarke',
      furigana: 'エマ クラーク',
      locale: 'en',
      kind: 'DESIGNER',
      company: { name: 'Clarke Design', industry: 'L', municipality: '東京都渋谷区' },
      offers: ['パッケージデザイン'],
      needs: ['試作', '販路開拓'],
    });
    await join('sato', {
      name: '佐藤 健一',
      furigana: 'サトウ ケンイチ',
      company: { name: '佐藤食品', industry: 'E', municipality: '東京都足立区' },
      offers: ['和菓子'],
      needs: ['販路開拓', 'パッケージデザイン'],
      themes: ['事業承継'],
    });
    await join('suzuki', {
      name: '鈴木 一郎',
      furigana: 'スズキ イチロウ',
      company: { name: '鈴木商事', industry: 'I', municipality: '東京都大田区' },
      offers: ['販路開拓'],
      needs: ['金属加工'],
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  async function join(key: string, profile: Record<string, unknown>) {
    people[key] = await createParticipant(t, organizer, profile);
    ok(await t.gql(registerMutation(), { eventId, participantId: people[key].id }, organizer));
  }

  const runMatching = () => matchAndWait(t, organizer, eventId);

  /** Writes the digests (the staff's 「おすすめを送る」). */
  async function writeDigests(): Promise<DigestResult> {
    return ok(
      await t.gql<{ sendSuggestionDigests: DigestResult }>(
        `mutation($eventId: ID!) { sendSuggestionDigests(eventId: $eventId) {
          runId participants queued alreadyQueued notEmailable nothingNew } }`,
        { eventId },
        organizer,
      ),
    ).sendSuggestionDigests;
  }

  /** Sends the digests and waits until every one written has gone out (or was skipped). */
  async function sendDigests(): Promise<DigestResult> {
    const result = await writeDigests();
    await eventually(async () => {
      const progress = await emailProgress(t, organizer, eventId, result.runId);
      return progress.sent + progress.skipped === result.queued;
    }, 'the digests sent');
    return result;
  }

  const isDigest = (mail: ReceivedMail) => /おすすめの面談相手|People to meet/.test(mail.subject);
  const digestsTo = (key: string) => sink.to(people[key].email).filter(isDigest);
  /** The names the digest introduces, in order ("1. 鈴木商事\u3000鈴木 一郎 様" → "鈴木 一郎"). */
  const introduced = (mail: ReceivedMail) =>
    [...mail.text.matchAll(/^\d+\. (.+)$/gm)].map(([, line]) =>
      Object.values(names).find((name) => line.includes(name)),
    );
  const names: Record<string, string> = {
    takahashi: '髙橋 美﨑',
    yamada: '山田 花子',
    emma: 'Emma Clarke',
    sato: '佐藤 健一',
    suzuki: '鈴木 一郎',
    ito: '伊藤 誠',
  };

  /** The page behind the link to `name` in the latest digest to `key` (GET: shows, changes nothing). */
  async function pageFor(key: string, name: string): Promise<{ url: string; html: string }> {
    const mail = digestsTo(key).at(-1)!;
    for (const [url] of mail.text.matchAll(
      new RegExp(`${t.url}/suggestions/meeting-request\\?token=[\\w-]+`, 'g'),
    )) {
      const html = await (await fetch(url)).text();
      if (html.includes(name)) return { url, html };
    }
    throw new Error(`no link to ${name} in the digest to ${key}`);
  }

  /** Presses 「面談を申し込む」 for `name` in the latest digest to `key`: opens the page, then posts. */
  async function requestFromDigest(key: string, name: string) {
    const { url } = await pageFor(key, name);
    const response = await fetch(`${t.url}/suggestions/meeting-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: new URL(url).searchParams.get('token')! }).toString(),
    });
    expect(response.status).toBe(200);
  }

  it('tells an English reader what the Japanese tags in the reasons mean', async () => {
    await runMatching();
    const first = await sendDigests();
    expect(first).toMatchObject({ participants: 5, queued: 5 });
    await sink.waitUntil(() => digestsTo('emma').length === 1, 30_000, 'the digest to Emma');
    const [digest] = digestsTo('emma');
    // Emma needs 販路開拓 and 試作; 鈴木商事 offers 販路開拓, 髙橋製作所 試作.
    expect(digest.text).toContain("- Your need for '販路開拓' (new sales channels) is what 鈴木商事 offers");
    expect(digest.text).toContain("- Your need for '試作' (prototyping) is what 髙橋製作所 offers");
    expect(digest.text).toContain(
      "- Your need for '販路開拓' (new sales channels) matches what ウェブ工房 offers: 'EC構築支援' (online shop)",
    );
    expect(digest.html).toContain(
      '<li>Your need for &#39;試作&#39; (prototyping) is what 髙橋製作所 offers</li>',
    );
    // The page the link opens says the same.
    expect((await pageFor('emma', names.suzuki)).html).toContain(
      '<li>Your need for &#39;販路開拓&#39; (new sales channels) is what 鈴木商事 offers</li>',
    );
    // Japanese readers keep their own words.
    const [japanese] = digestsTo('sato');
    expect(japanese.text).toContain('・御社の『販路開拓』のニーズに、鈴木商事の『販路開拓』が合います');
    expect(japanese.text).not.toMatch(/\((new sales channels|online shop)\)/);
  });

  it('says who each person is: industry, area, what they offer and look for, and no contact details', async () => {
    const [japanese] = digestsTo('sato');
    expect(japanese.text).toMatch(
      /\d\. 鈴木商事\u3000鈴木 一郎 様\n {3}卸売業，小売業／東京都大田区\n {3}提供できること: 販路開拓\n {3}求めること: 金属加工\n {3}・/,
    );
    expect(japanese.text).toMatch(
      /\d\. 髙橋製作所\u3000髙橋 美﨑 様（代表取締役）\n {3}製造業／東京都葛飾区\n {3}提供できること: 金属加工、試作\n {3}求めること: 販路開拓\n/,
    );
    expect(japanese.html).toContain(
      '卸売業，小売業／東京都大田区<br>提供できること: 販路開拓<br>求めること: 金属加工',
    );

    const [english] = digestsTo('emma');
    expect(english.text).toMatch(
      /\d\. 髙橋 美﨑, 代表取締役 \(髙橋製作所\)\n {3}manufacturing, 東京都葛飾区 \(Katsushika City, Tokyo\)\n {3}They offer: 金属加工 \(metalworking\), 試作 \(prototyping\)\n {3}They are looking for: 販路開拓 \(new sales channels\)\n/,
    );
    // The page the link opens introduces them the same way.
    expect((await pageFor('emma', names.takahashi)).html).toContain(
      '<p>manufacturing, 東京都葛飾区 (Katsushika City, Tokyo)<br>They offer: 金属加工 (metalworking), 試作 (prototyping)<br>They are looking for: 販路開拓 (new sales channels)</p>',
    );
    // Contact details wait until both agree.
    for (const mail of sink.messages.filter(isDigest)) {
      expect(mail.text).not.toContain('03-1234-5678');
      for (const person of Object.values(people)) expect(mail.text).not.toContain(person.email);
    }
  });

  it('a re-run of matching emails only the people not introduced before, and none already asked', async () => {
    expect(introduced(digestsTo('emma')[0])).toContain(names.suzuki);
    await requestFromDigest('emma', names.suzuki);
    // Opened again, the link says she has asked, with no second button.
    const asked = await pageFor('emma', names.suzuki);
    expect(asked.html).toContain(
      '<p>You have already requested a meeting with 鈴木 一郎 of 鈴木商事. We will email you when they accept.</p>',
    );
    expect(asked.html).not.toContain('<form');

    // The organiser runs matching again with nobody new: every list is the same, nobody is emailed.
    await runMatching();
    const same = await sendDigests();
    const [{ count }]: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE batch_id = $1`,
      [same.runId],
    );
    expect(count).toBe(0);
    expect(same).toMatchObject({ participants: 5, queued: 0, alreadyQueued: 0, nothingNew: 5 });

    // Someone new registers who fits Emma and 鈴木: the next digest introduces them, and only them.
    await join('ito', {
      name: '伊藤 誠',
      furigana: 'イトウ マコト',
      company: { name: '伊藤精機', industry: 'E', municipality: '東京都大田区' },
      offers: ['試作', '金属加工'],
      needs: ['販路開拓', 'パッケージデザイン'],
    });
    await runMatching();
    const after = await sendDigests();
    expect(after.queued).toBeGreaterThan(0);
    expect(after.queued + after.nothingNew + after.notEmailable).toBe(after.participants);
    await sink.waitUntil(() => digestsTo('emma').length === 2, 30_000, 'the second digest to Emma');
    const second = digestsTo('emma')[1];
    expect(introduced(second)).toEqual([names.ito]);
    // It says why it comes again, in a sentence that counts right.
    expect(second.text).toContain('Following our last email, here is 1 more person we think you should meet');
    // 鈴木, whom Emma asked, is in nobody's digest between them.
    for (const mail of digestsTo('suzuki').slice(1)) expect(introduced(mail)).not.toContain(names.emma);
    // 山田, who needs 金属加工, hears of 伊藤 (who offers it) in Japanese.
    await sink.waitUntil(() => digestsTo('yamada').length === 2, 30_000, 'the second digest to 山田');
    const again = digestsTo('yamada')[1];
    expect(introduced(again)).toEqual([names.ito]);
    expect(again.text).toContain(
      '前回のご案内に続き、「東京活性化サロン（第4回）」でお会いになることをおすすめしたい方を新たに1名ご紹介します。',
    );
    // Nobody is introduced twice to the same person.
    for (const key of Object.keys(people)) {
      const seen = digestsTo(key).flatMap(introduced);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('someone who left is neither emailed a digest nor introduced in one, and the old links say so', async () => {
    // 小林 joins and fits 佐藤 well; matching runs; then 佐藤 cancels before the digests go out.
    await join('kobayashi', {
      name: '小林 デザイン',
      furigana: 'コバヤシ デザイン',
      company: { name: '小林パッケージ', industry: 'E', municipality: '東京都台東区' },
      offers: ['パッケージデザイン', '販路開拓'],
      needs: ['和菓子'],
    });
    names.kobayashi = '小林 デザイン';
    await runMatching();
    const [{ id: registrationId }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, people.sato.id],
    );
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: registrationId },
        await t.participantToken(people.sato.id),
      ),
    );
    const result = await sendDigests();
    expect(result.queued).toBeGreaterThan(0);
    await sink.waitUntil(() => digestsTo('kobayashi').length === 1, 30_000, 'the digest to 小林');
    expect(introduced(digestsTo('kobayashi')[0])).not.toContain(names.sato);
    expect(introduced(digestsTo('kobayashi')[0]).length).toBeGreaterThan(0);
    expect(digestsTo('sato')).toHaveLength(1);

    // Emma's first digest still links to 佐藤: the page says he left, in English, with no button.
    const mail = digestsTo('emma')[0];
    const links = [
      ...mail.text.matchAll(new RegExp(`${t.url}/suggestions/meeting-request\\?token=[\\w-]+`, 'g')),
    ];
    const pages = await Promise.all(links.map(async ([url]) => ({ url, response: await fetch(url) })));
    const left = pages.filter(({ response }) => response.status === 409);
    expect(left).toHaveLength(1);
    const html = await left[0].response.text();
    expect(html).toContain('This person is no longer registered for the event');
    expect(html).not.toContain('<form');
    const post = await fetch(`${t.url}/suggestions/meeting-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: new URL(left[0].url).searchParams.get('token')! }).toString(),
    });
    expect(post.status).toBe(409);
    expect(await post.text()).toContain('This person is no longer registered for the event');
    const rows: unknown[] = await t.dataSource.query(
      'SELECT 1 FROM meeting_requests WHERE event_id = $1 AND $2 IN (from_participant_id, to_participant_id)',
      [eventId, people.sato.id],
    );
    expect(rows).toEqual([]);

    // 佐藤's own digest: its links say, in Japanese, that he is no longer registered.
    const [own] = new RegExp(`${t.url}/suggestions/meeting-request\\?token=[\\w-]+`).exec(
      digestsTo('sato')[0].text,
    )!;
    const page = await fetch(own);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain(
      'このイベントへの参加を取り消されているため、面談はお申込いただけません',
    );
  });

  it('a digest that never reached its reader introduced nobody: a later one names those people', async () => {
    await join('nakamura', {
      name: '中村 優子',
      furigana: 'ナカムラ ユウコ',
      company: { name: '中村会計事務所', industry: 'L', municipality: '東京都江東区' },
      offers: ['補助金申請', 'クラウド会計'],
      needs: ['試作'],
    });
    names.nakamura = '中村 優子';
    // 中村's mail server is down while the digests go out; her digest waits for its next try…
    unreachable.add(people.nakamura.email);
    await runMatching();
    const first = await writeDigests();
    const digestRow = async () =>
      (
        (await t.dataSource.query(
          `SELECT status, skip_reason AS "skipReason", params->>'suggestionIds' AS "suggestionIds",
                  last_error AS "lastError"
             FROM outbox_messages WHERE batch_id = $1 AND participant_id = $2`,
          [first.runId, people.nakamura.id],
        )) as { status: string; skipReason: string | null; suggestionIds: string; lastError: string | null }[]
      )[0];
    // Refused itself, back to wait for its next try (her registration's confirmation is refused
    // too, and may be the refusal the sink saw first, while the digest is still to be tried).
    await eventually(async () => {
      const row = await digestRow();
      return row?.status === 'PENDING' && row.lastError !== null;
    }, 'the digest to 中村 refused for now');
    expect(sink.refusals.some((r) => r.address === people.nakamura.email)).toBe(true);
    const named = (await digestRow()).suggestionIds.split(',');
    expect(named.length).toBeGreaterThan(0);

    // …and before it goes, she unsubscribes (from another organiser's email, say): it is skipped.
    const link = t.app.get(UnsubscribeLinks).token(people.nakamura.id);
    expect((await fetch(`${t.url}/unsubscribe/${link}`, { method: 'POST' })).status).toBe(200);
    expect(await digestRow()).toMatchObject({ status: 'SKIPPED', skipReason: 'OPTED_OUT' });
    await eventually(async () => {
      const progress = await emailProgress(t, organizer, eventId, first.runId);
      return progress.queued === 0;
    }, 'the other digests sent');

    // She changes her mind and her mail server is back. The next digest introduces the people the
    // skipped one named: nobody has told her of them yet.
    unreachable.delete(people.nakamura.email);
    expect((await fetch(`${t.url}/unsubscribe/${link}/resubscribe`, { method: 'POST' })).status).toBe(200);
    await runMatching();
    const again = await sendDigests();
    expect(again.queued).toBeGreaterThan(0);
    await sink.waitUntil(() => digestsTo('nakamura').length === 1, 30_000, 'the digest to 中村');
    const [digest] = digestsTo('nakamura');
    const [{ introducedIds }]: { introducedIds: string[] }[] = await t.dataSource.query(
      `SELECT array_agg(s.id::text) AS "introducedIds" FROM suggestions s
        WHERE s.id = ANY($1::uuid[]) AND s.participant_id = $2`,
      [named, people.nakamura.id],
    );
    expect(introducedIds.length).toBe(named.length);
    // The first digest she reads: no 「前回のご案内に続き」, and the people the lost one named.
    expect(digest.text).not.toContain('前回のご案内に続き');
    const [{ shownNames }]: { shownNames: string[] }[] = await t.dataSource.query(
      `SELECT array_agg(p.name) AS "shownNames" FROM suggestions s
         JOIN participants p ON p.id = s.suggested_participant_id WHERE s.id = ANY($1::uuid[])`,
      [named],
    );
    expect(introduced(digest)).toEqual(expect.arrayContaining(shownNames));

    // Had the lost digest failed instead (its tries used up), staff could send it again: it then
    // leaves out whom the newer one introduced, and here nobody is left, so nothing goes.
    await t.dataSource.query(
      `UPDATE outbox_messages SET status = 'FAILED', skip_reason = NULL
                               WHERE batch_id = $1 AND participant_id = $2`,
      [first.runId, people.nakamura.id],
    );
    const resent = ok(
      await t.gql<{ resendFailedEmails: number }>(
        'mutation($e: ID!, $b: ID) { resendFailedEmails(eventId: $e, batchId: $b) }',
        { e: eventId, b: first.runId },
        organizer,
      ),
    ).resendFailedEmails;
    expect(resent).toBe(1);
    await eventually(async () => (await digestRow()).status === 'SKIPPED', 'the old digest composed again');
    expect(await digestRow()).toMatchObject({ skipReason: 'NOTHING_TO_SEND' });
    expect(digestsTo('nakamura')).toHaveLength(1);
  });
});
