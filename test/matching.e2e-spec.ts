import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  DEFAULT_CONTACT_EMAIL,
  emailProgress,
  registerMutation,
  staffSession,
  tokyoInDays,
  updateEvent,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';

const RUN_FIELDS = 'id eventId status progress participantCount suggestionCount error';
const SUGGESTION_FIELDS =
  'id rank score reasons dismissed runId suggested { id name email phone company { name } }';

interface Run {
  id: string;
  status: string;
  progress: number;
  participantCount: number | null;
  suggestionCount: number | null;
  error: string | null;
}
interface SuggestionView {
  id: string;
  rank: number;
  score: number;
  reasons: string[];
  dismissed: boolean;
  runId: string;
  suggested: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    company: { name: string } | null;
  };
}

describe('matching: suggestions, digests and who to invite', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let otherOrganizer: string;
  let admin: string;
  let orgId: string;
  let eventId: string;
  const people: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, { name: '東京財務事務所', kind: 'FINANCE_OFFICE' });
    const otherOrgId = await createOrganization(t, admin, {
      name: '川口商工会議所',
      municipality: '埼玉県川口市',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    otherOrganizer = await staffSession(t, Role.ORGANIZER, otherOrgId);

    const profiles: Record<string, Record<string, unknown>> = {
      takahashi: {
        name: '髙橋 美﨑',
        furigana: 'タカハシ ミサキ',
        title: '代表取締役',
        phone: '03-1234-5678',
        kind: 'SUCCESSOR',
        company: { name: '髙橋製作所', industry: 'E', municipality: '東京都葛飾区' },
        offers: ['金属加工', '試作'],
        needs: ['販路開拓'],
        themes: ['事業承継'],
      },
      yamada: {
        name: '山田 花子',
        furigana: 'ヤマダ ハナコ',
        company: { name: 'ウェブ工房', industry: 'G', municipality: '東京都墨田区' },
        offers: ['EC構築支援', 'ホームページ制作'],
        needs: ['金属加工'],
        themes: ['DX'],
      },
      emma: {
        name: 'Emma Clarke',
        furigana: 'エマ クラーク',
        locale: 'en',
        kind: 'DESIGNER',
        company: { name: 'Clarke Design', industry: 'L', municipality: '東京都渋谷区' },
        offers: ['パッケージデザイン'],
        needs: ['試作'],
      },
      sato: {
        name: '佐藤 健一',
        furigana: 'サトウ ケンイチ',
        company: { name: '佐藤食品', industry: 'E', municipality: '東京都足立区' },
        offers: ['和菓子'],
        needs: ['販路開拓', 'パッケージデザイン'],
        themes: ['事業承継'],
      },
      suzuki: {
        name: '鈴木 一郎',
        furigana: 'スズキ イチロウ',
        company: { name: '鈴木商事', industry: 'I', municipality: '東京都大田区' },
        offers: ['販路開拓'],
        needs: ['金属加工'],
      },
      private: {
        name: '非公開 希望',
        furigana: 'ヒコウカイ キボウ',
        consentMatchmaking: false,
        offers: ['EC構築支援', '販路開拓'],
        needs: ['金属加工'],
      },
    };
    for (const [key, profile] of Object.entries(profiles)) {
      people[key] = await createParticipant(t, organizer, profile);
      tokens[key] = await t.participantToken(people[key].id);
    }
    eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第4回）ものづくりと販路',
      themes: ['事業承継', '販路開拓'],
    });
    for (const key of Object.keys(profiles)) await register(eventId, people[key].id);

    // 髙橋 and 鈴木 both attended an earlier salon: they have met, so neither is suggested to the other.
    const earlier = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第3回）',
      startsAt: tokyoInDays(3, '18:00'),
      endsAt: tokyoInDays(3, '20:00'),
    });
    await register(earlier, people.takahashi.id);
    await register(earlier, people.suzuki.id);
    await t.dataSource.query(`UPDATE registrations SET status = 'ATTENDED' WHERE event_id = $1`, [earlier]);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  async function register(event: string, participantId: string) {
    ok(await t.gql(registerMutation(), { eventId: event, participantId }, organizer));
  }

  const runMatching = (token: string) =>
    t.gql<{ runMatching: Run }>(
      `mutation($eventId: ID!) { runMatching(eventId: $eventId) { ${RUN_FIELDS} } }`,
      { eventId },
      token,
    );
  const matchingRun = (id: string, token = organizer) =>
    t.gql<{ matchingRun: Run }>(`query($id: ID!) { matchingRun(id: $id) { ${RUN_FIELDS} } }`, { id }, token);
  const succeeded = (id: string) =>
    eventually(async () => {
      const run = ok(await matchingRun(id)).matchingRun;
      if (run.status === 'FAILED') throw new Error(`run failed: ${run.error}`);
      return run.status === 'SUCCEEDED' && run;
    }, `matching run ${id} to succeed`);
  const runToCompletion = async () => succeeded(ok(await runMatching(organizer)).runMatching.id);

  const mySuggestions = async (who: string) =>
    ok(
      await t.gql<{ mySuggestions: SuggestionView[] }>(
        `query($eventId: ID!) { mySuggestions(eventId: $eventId) { ${SUGGESTION_FIELDS} } }`,
        { eventId },
        tokens[who],
      ),
    ).mySuggestions;
  const suggestionsFor = (participantId: string, token: string | undefined, includeDismissed = false) =>
    t.gql<{ suggestionsFor: SuggestionView[] }>(
      `query($eventId: ID!, $participantId: ID!, $all: Boolean) {
        suggestionsFor(eventId: $eventId, participantId: $participantId, includeDismissed: $all) { ${SUGGESTION_FIELDS} } }`,
      { eventId, participantId, all: includeDismissed },
      token,
    );
  const names = (list: SuggestionView[]) => list.map((s) => s.suggested.name);

  let firstRunId: string;

  it('runs the job through the queue and stores reasons a person believes, in their language', async () => {
    const started = ok(await runMatching(organizer)).runMatching;
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(started.status);
    // Asking again while it runs answers the same run.
    const again = ok(await runMatching(organizer)).runMatching;
    if (again.status !== 'SUCCEEDED') expect(again.id).toBe(started.id);
    const done = await succeeded(started.id);
    firstRunId = done.id;
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 100, participantCount: 5, error: null });
    expect(done.suggestionCount).toBeGreaterThan(0);

    const takahashi = await mySuggestions('takahashi');
    expect(names(takahashi)[0]).toBe('山田 花子');
    // Never: himself, someone he met before, someone without matchmaking consent.
    expect(names(takahashi)).not.toContain('髙橋 美﨑');
    expect(names(takahashi)).not.toContain('鈴木 一郎');
    expect(names(takahashi)).not.toContain('非公開 希望');
    const [best] = takahashi;
    expect(best.rank).toBe(1);
    expect(best.suggested).toMatchObject({ company: { name: 'ウェブ工房' }, email: null, phone: null });
    expect(best.reasons).toContain('御社の『販路開拓』のニーズに、ウェブ工房の『EC構築支援』が合います');
    expect(best.reasons).toContain('ウェブ工房の『金属加工』のニーズに、御社の『金属加工』が応えられます');
    expect(names(await mySuggestions('suzuki'))).not.toContain('髙橋 美﨑');

    const emma = await mySuggestions('emma');
    expect(names(emma)).toContain('髙橋 美﨑');
    const toTakahashi = emma.find((s) => s.suggested.name === '髙橋 美﨑')!;
    expect(toTakahashi.reasons.join(' ')).toMatch(/試作/);
    expect(emma.flatMap((s) => s.reasons).join(' ')).not.toMatch(/御社|ニーズ/);
    expect(emma.flatMap((s) => s.reasons).join(' ')).toMatch(/[A-Za-z]{4,}/);

    // Nobody is given suggestions without consent.
    const privateList = ok(await suggestionsFor(people.private.id, organizer)).suggestionsFor;
    expect(privateList).toEqual([]);
  });

  it('shows staff of the organiser the list with contact details, and refuses everyone else', async () => {
    const staffView = ok(await suggestionsFor(people.takahashi.id, organizer)).suggestionsFor;
    expect(names(staffView)).toEqual(names(await mySuggestions('takahashi')));
    expect(staffView[0].suggested.email).toBe(people.yamada.email);
    // The participant themself may use suggestionsFor for their own list.
    expect(names(ok(await suggestionsFor(people.takahashi.id, tokens.takahashi)).suggestionsFor)).toEqual(
      names(staffView),
    );

    const code = (response: Parameters<typeof failure>[0]) => failure(response).extensions?.code;
    expect(code(await suggestionsFor(people.takahashi.id, otherOrganizer))).toBe('FORBIDDEN');
    expect(code(await suggestionsFor(people.takahashi.id, tokens.yamada))).toBe('FORBIDDEN');
    expect(code(await suggestionsFor(people.takahashi.id, undefined))).toBe('UNAUTHENTICATED');
    expect(
      code(
        await t.gql(
          `query($eventId: ID!) { mySuggestions(eventId: $eventId) { id } }`,
          { eventId },
          undefined,
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(code(await runMatching(otherOrganizer))).toBe('FORBIDDEN');
    expect(code(await runMatching(tokens.takahashi))).toBe('FORBIDDEN');
    expect(code(await matchingRun(firstRunId, otherOrganizer))).toBe('FORBIDDEN');
    expect(
      code(
        await t.gql(
          'mutation($eventId: ID!) { sendSuggestionDigests(eventId: $eventId) { queued } }',
          { eventId },
          otherOrganizer,
        ),
      ),
    ).toBe('FORBIDDEN');
    const malformed = failure(await matchingRun('not-a-uuid'));
    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('exports the suggestions as CSV for staff of the organiser only', async () => {
    const get = (token: string) => fetchCsv(t, `/exports/events/${eventId}/suggestions.csv`, token);
    const response = await get(organizer);
    expect(response).toMatchObject({ status: 200, bom: true });
    expect(response.contentType).toContain('text/csv');
    const csv = response.text;
    expect(csv).toContain('氏名,フリガナ,事業者名,順位,相手の氏名,相手のフリガナ,相手の事業者名');
    expect(csv).toMatch(/髙橋 美﨑,タカハシ ミサキ,髙橋製作所,1,山田 花子/);
    // Yes/no in words, as in every other export.
    expect(csv.split('\r\n')[0]).toContain('非表示');
    expect(csv).toMatch(/,いいえ,/);
    expect((await get(otherOrganizer)).status).toBe(403);
    expect((await get(tokens.takahashi)).status).toBe(403);
  });

  it('sends no digests while the organiser has neither a contact email nor a phone, and writes none', async () => {
    const contact = async (input: Record<string, string | null>) =>
      ok(
        await t.gql(
          'mutation($id: ID!, $input: UpdateOrganizationContactInput!) { updateOrganizationContact(id: $id, input: $input) { id } }',
          { id: orgId, input },
          admin,
        ),
      );
    await contact({ contactEmail: null });
    const refused = failure(
      await t.gql(
        'mutation($eventId: ID!) { sendSuggestionDigests(eventId: $eventId) { queued } }',
        { eventId },
        organizer,
      ),
    );
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORGANIZATION_CONTACT_MISSING',
      field: 'eventId',
    });
    expect(refused.message).toContain(
      '主催団体（東京財務事務所）の問い合わせ先（メールアドレス・電話番号）が未登録のため、おすすめメールを送れません',
    );
    expect(refused.message).toContain('contactEmail');
    const [{ digests }]: { digests: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS digests FROM outbox_messages WHERE event_id = $1 AND template = 'suggestion-digest'`,
      [eventId],
    );
    expect(digests).toBe(0);
    await contact({ contactEmail: DEFAULT_CONTACT_EMAIL });
  });

  let digest: ReceivedMail;

  it('emails each participant a digest of their top five, with a link to request a meeting', async () => {
    const send = async () =>
      ok(
        await t.gql<{
          sendSuggestionDigests: {
            runId: string;
            participants: number;
            queued: number;
            alreadyQueued: number;
            notEmailable: number;
            organizerAddressMissing: boolean;
          };
        }>(
          'mutation($eventId: ID!) { sendSuggestionDigests(eventId: $eventId) { runId participants queued alreadyQueued notEmailable organizerAddressMissing } }',
          { eventId },
          organizer,
        ),
      ).sendSuggestionDigests;
    const first = await send();
    expect(first.runId).toBe(firstRunId);
    expect(first.participants).toBeGreaterThanOrEqual(4);
    // This office was registered without its postal address: staff are told the footer lacks it.
    expect(first).toMatchObject({
      queued: first.participants,
      alreadyQueued: 0,
      notEmailable: 0,
      organizerAddressMissing: true,
    });
    // Everyone registered also had their 参加登録完了: only the digests count here.
    const isDigest = (mail: ReceivedMail) => /おすすめの面談相手|People to meet/.test(mail.subject);
    const digestsTo = (email: string) => sink.to(email).filter(isDigest);
    await sink.waitUntil(() => sink.messages.filter(isDigest).length >= first.participants);
    await eventually(
      async () => (await emailProgress(t, organizer, eventId, first.runId)).sent === first.participants,
      'the digests marked sent',
    );
    // Sending again writes nothing new.
    expect(await send()).toMatchObject({ queued: 0, alreadyQueued: first.participants });
    expect(digestsTo(people.private.email)).toHaveLength(0);

    [digest] = digestsTo(people.takahashi.email);
    expect(digest.subject).toBe('【おすすめの面談相手】東京活性化サロン（第4回）ものづくりと販路');
    expect(digest.text).toContain('髙橋 美﨑 様');
    expect(digest.text).toContain('1. ウェブ工房\u3000山田 花子 様');
    expect(digest.text).toContain('・御社の『販路開拓』のニーズに、ウェブ工房の『EC構築支援』が合います');
    expect(digest.text).toContain('▶ 面談を申し込む');
    expect(digest.text).toContain('主催: 東京財務事務所');
    expect(digest.text).not.toContain(people.yamada.email);
    expect(digest.html).toContain('>面談を申し込む</a>');
    expect(digest.html).toContain('name="viewport"');
    expect(digest.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const links = [
      ...digest.text.matchAll(new RegExp(`${t.url}/suggestions/meeting-request\\?token=[\\w-]+`, 'g')),
    ];
    expect(links.length).toBe((await mySuggestions('takahashi')).slice(0, 5).length);

    const [english] = digestsTo(people.emma.email);
    expect(english.subject).toBe('People to meet at 東京活性化サロン（第4回）ものづくりと販路');
    expect(english.text).toContain('Dear Emma Clarke,');
    expect(english.text).toContain('▶ Request a meeting');
    expect(english.text).toContain('Organised by 東京財務事務所');
  });

  it('opens the link as a confirmation page; only the POST files the meeting request', async () => {
    const url = new RegExp(`${t.url}/suggestions/meeting-request\\?token=([\\w-]+)`).exec(digest.text)!;
    const page = await fetch(url[0]);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('ウェブ工房 山田 花子 様に面談を申し込みますか？');
    expect(html).toContain('<textarea');
    expect(html).toContain('<button type="submit">面談を申し込む</button>');

    const post = await fetch(`${t.url}/suggestions/meeting-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: url[1], message: '販路のご相談をさせてください。' }).toString(),
    });
    const answer = await post.text();
    expect(post.status).toBe(200);
    expect(answer).toContain('ウェブ工房 山田 花子 様に面談を申し込みました');
    const rows: { message: string; status: string }[] = await t.dataSource.query(
      `SELECT message, status FROM meeting_requests
        WHERE event_id = $1 AND from_participant_id = $2 AND to_participant_id = $3`,
      [eventId, people.takahashi.id, people.yamada.id],
    );
    expect(rows).toEqual([{ message: '販路のご相談をさせてください。', status: 'PENDING' }]);
    // The meetings feature tells 山田 about it, as for a request made in the app.
    await sink.waitUntil(
      () => sink.to(people.yamada.email).some((mail) => mail.text.includes('販路のご相談をさせてください。')),
      30_000,
      'the meeting request email to 山田',
    );
    // Pressing the button again files nothing more; the page says why.
    const replay = await fetch(`${t.url}/suggestions/meeting-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: url[1] }).toString(),
    });
    expect(replay.status).toBe(409);
    expect(await replay.text()).toContain('この方との面談申込はすでにあります');
    const [{ count }]: { count: string }[] = await t.dataSource.query(
      'SELECT COUNT(*) AS count FROM meeting_requests WHERE event_id = $1',
      [eventId],
    );
    expect(Number(count)).toBe(1);
    // A token that is not one of ours.
    const bad = await fetch(`${t.url}/suggestions/meeting-request?token=${'x'.repeat(43)}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('このリンクは無効です');

    // The links last until the event ends, and follow its end when it moves.
    const [{ ends_at: end }]: { ends_at: Date }[] = await t.dataSource.query(
      'SELECT ends_at FROM events WHERE id = $1',
      [eventId],
    );
    const later = new Date(end.getTime() + 3_600_000);
    await updateEvent(t, organizer, eventId, { endsAt: later.toISOString() });
    const expiries: { expires_at: Date }[] = await t.dataSource.query(
      `SELECT DISTINCT expires_at FROM action_tokens
        WHERE purpose = 'suggestion-meeting-request'
          AND subject_id IN (SELECT id FROM suggestions WHERE event_id = $1)`,
      [eventId],
    );
    expect(expiries).toEqual([{ expires_at: later }]);
  });

  it('answers the request waiting from the suggested person instead of filing a second one', async () => {
    /** The token of the digest's link to `name`, found by the page each link opens. */
    const linkTo = async (email: string, name: string) => {
      const [mail] = sink.to(email).filter((m) => /おすすめの面談相手|People to meet/.test(m.subject));
      const pattern = new RegExp(`${t.url}/suggestions/meeting-request\\?token=([\\w-]+)`, 'g');
      for (const [url, token] of mail.text.matchAll(pattern))
        if ((await (await fetch(url)).text()).includes(name)) return token;
      throw new Error(`no link to ${name} in the digest to ${email}`);
    };
    const press = async (token: string) => {
      const response = await fetch(`${t.url}/suggestions/meeting-request`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
      });
      return { status: response.status, html: await response.text() };
    };
    const pair = (a: string, b: string) =>
      t.dataSource.query(
        `SELECT from_participant_id AS "from", status FROM meeting_requests
          WHERE event_id = $1 AND from_participant_id IN ($2, $3) AND to_participant_id IN ($2, $3)`,
        [eventId, a, b],
      );

    // 髙橋 asked 山田 from her digest (above); 山田 presses 「面談を申し込む」 for 髙橋 in hers.
    const answered = await press(await linkTo(people.yamada.email, '髙橋 美﨑'));
    expect(answered.status).toBe(200);
    expect(answered.html).toContain(
      '髙橋製作所 髙橋 美﨑 様からの面談申込を承諾しました。面談が成立しました。',
    );
    expect(await pair(people.takahashi.id, people.yamada.id)).toEqual([
      { from: people.takahashi.id, status: 'ACCEPTED' },
    ]);
    // As if 山田 had pressed 「承諾する」 in the request email: 髙橋 hears the meeting is agreed.
    await sink.waitUntil(
      () =>
        sink
          .to(people.takahashi.email)
          .some(
            (mail) =>
              mail.subject === '【面談成立】山田 花子 様（東京活性化サロン（第4回）ものづくりと販路）',
          ),
      30_000,
      'the 面談成立 email to 髙橋',
    );

    // The same in English, for Emma, whom 髙橋 asked in the app.
    ok(
      await t.gql(
        'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p) { id } }',
        { e: eventId, p: people.emma.id },
        tokens.takahashi,
      ),
    );
    const english = await press(await linkTo(people.emma.email, '髙橋 美﨑'));
    expect(english.status).toBe(200);
    expect(english.html).toContain('You have accepted the meeting request from 髙橋 美﨑 of 髙橋製作所.');
    expect(await pair(people.takahashi.id, people.emma.id)).toEqual([
      { from: people.takahashi.id, status: 'ACCEPTED' },
    ]);
  });

  it('keeps a dismissed suggestion out of every later run', async () => {
    const [best] = await mySuggestions('takahashi');
    expect(best.suggested.name).toBe('山田 花子');
    const dismiss = (id: string, token: string) =>
      t.gql<{ dismissSuggestion: SuggestionView }>(
        `mutation($id: ID!) { dismissSuggestion(id: $id) { ${SUGGESTION_FIELDS} } }`,
        { id },
        token,
      );
    expect(failure(await dismiss(best.id, tokens.yamada)).extensions?.code).toBe('FORBIDDEN');
    expect(failure(await dismiss(best.id, organizer)).extensions?.code).toBe('FORBIDDEN');
    expect(ok(await dismiss(best.id, tokens.takahashi)).dismissSuggestion).toMatchObject({
      id: best.id,
      dismissed: true,
    });
    expect(names(await mySuggestions('takahashi'))).not.toContain('山田 花子');

    const second = await runToCompletion();
    expect(second.id).not.toBe(firstRunId);
    const after = await mySuggestions('takahashi');
    expect(names(after)).not.toContain('山田 花子');
    expect(after.every((s) => s.runId === second.id)).toBe(true);
    expect(after.map((s) => s.rank)).toEqual(after.map((_, i) => i + 1));
    // Staff still see it, marked dismissed; the other side's list is unaffected.
    const all = ok(await suggestionsFor(people.takahashi.id, organizer, true)).suggestionsFor;
    expect(all.find((s) => s.id === best.id)).toMatchObject({
      dismissed: true,
      suggested: { name: '山田 花子' },
    });
    expect(names(await mySuggestions('yamada'))).toContain('髙橋 美﨑');
  });

  it('recommends whom to invite from the shared pool, with reasons', async () => {
    const candidate = await createParticipant(t, organizer, {
      name: '伊藤 誠',
      furigana: 'イトウ マコト',
      company: { name: '伊藤精機', industry: 'E', municipality: '東京都大田区' },
      offers: ['金属加工'],
      needs: ['販路開拓'],
      themes: ['事業承継'],
    });
    const optedOut = await createParticipant(t, organizer, {
      name: '配信 停止',
      furigana: 'ハイシン テイシ',
      offers: ['金属加工'],
      needs: ['販路開拓'],
      themes: ['事業承継'],
    });
    await t.dataSource.query('UPDATE participants SET email_opt_out = true WHERE id = $1', [optedOut.id]);
    const noConsent = await createParticipant(t, organizer, {
      name: '同意 なし',
      furigana: 'ドウイ ナシ',
      consentMatchmaking: false,
      offers: ['金属加工'],
      needs: ['販路開拓'],
      themes: ['事業承継'],
    });
    const recommend = (token: string, first?: number) =>
      t.gql<{
        recommendInvitees: { participant: { id: string; name: string }; score: number; reasons: string[] }[];
      }>(
        'query($eventId: ID!, $first: Int) { recommendInvitees(eventId: $eventId, first: $first) { participant { id name } score reasons } }',
        { eventId, first },
        token,
      );
    const list = ok(await recommend(organizer, 20)).recommendInvitees;
    const ids = list.map((r) => r.participant.id);
    expect(ids[0]).toBe(candidate.id);
    expect(list[0].reasons).toContain('求めること『販路開拓』がテーマ『販路開拓』に合います');
    expect(ids).not.toContain(optedOut.id);
    expect(ids).not.toContain(noConsent.id);
    for (const person of Object.values(people)) expect(ids).not.toContain(person.id);
    expect(failure(await recommend(otherOrganizer)).extensions?.code).toBe('FORBIDDEN');

    // The same list for Excel, with the addresses to invite.
    const exported = (token: string) =>
      fetch(`${t.url}/exports/events/${eventId}/invitee-recommendations.csv?first=20`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const response = await exported(organizer);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('招待候補.csv'));
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('順位,氏名,フリガナ,事業者名,メールアドレス,スコア,理由');
    expect(lines).toHaveLength(list.length + 1);
    expect(lines[1]).toMatch(
      new RegExp(`^1,伊藤 誠,イトウ マコト,伊藤精機,${candidate.email},\\d+\\.\\d{3},`),
    );
    expect(lines[1]).toContain('求めること『販路開拓』がテーマ『販路開拓』に合います');
    expect((await exported(otherOrganizer)).status).toBe(403);
    expect(failure(await recommend(organizer, 0)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    for (const first of ['0', '201', 'all', '']) {
      const bad = await fetch(
        `${t.url}/exports/events/${eventId}/invitee-recommendations.csv?first=${first}`,
        { headers: { authorization: `Bearer ${organizer}` } },
      );
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        error: 'BAD_USER_INPUT',
        field: 'first',
        message: 'first は 1〜200 の範囲で指定してください',
      });
    }
    // Without `first`, the CSV lists the 20 best as `recommendInvitees` does.
    const byDefault = await fetch(`${t.url}/exports/events/${eventId}/invitee-recommendations.csv`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(
      (await byDefault.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(lines);
  });

  it('keeps per-event settings for the next run', async () => {
    const update = ok(
      await t.gql<{
        updateMatchingSettings: { crossIndustryBonus: number | null; allowExhibitorPairs: boolean | null };
      }>(
        'mutation($eventId: ID!, $input: MatchingSettingsInput!) { updateMatchingSettings(eventId: $eventId, input: $input) { crossIndustryBonus allowExhibitorPairs } }',
        { eventId, input: { crossIndustryBonus: 0, allowExhibitorPairs: true } },
        organizer,
      ),
    ).updateMatchingSettings;
    expect(update).toEqual({ crossIndustryBonus: 0, allowExhibitorPairs: true });
    const bad = failure(
      await t.gql(
        'mutation($eventId: ID!, $input: MatchingSettingsInput!) { updateMatchingSettings(eventId: $eventId, input: $input) { crossIndustryBonus } }',
        { eventId, input: { crossIndustryBonus: 2 } },
        organizer,
      ),
    );
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'crossIndustryBonus' });
    const run = await runToCompletion();
    expect(run.status).toBe('SUCCEEDED');
  });

  it('lists for staff whom the latest run left without anyone to meet, and why, to pair them by hand', async () => {
    type Unmatched = {
      participant: { name: string; email: string | null };
      registeredAt: string | null;
      reason: string;
      reasonLabel: string;
    };
    const unmatched = (event: string, token = organizer) =>
      t.gql<{ participantsWithoutSuggestions: Unmatched[] }>(
        `query($e: ID!) { participantsWithoutSuggestions(eventId: $e) {
          participant { name email } registeredAt reason reasonLabel } }`,
        { e: event },
        token,
      );
    const notYetRun = await createPublishedEvent(t, organizer, { title: '東京活性化サロン（第5回）' });
    expect(failure(await unmatched(notYetRun)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MATCHING_NO_SUCCEEDED_RUN',
      field: 'eventId',
    });
    expect(failure(await unmatched(eventId, otherOrganizer)).extensions?.code).toBe('FORBIDDEN');
    // Everyone who agreed to matchmaking was suggested someone; 非公開 希望 did not agree, and is
    // listed so staff know nobody is steered to her.
    const notAgreed = {
      participant: { name: '非公開 希望', email: people.private.email },
      registeredAt: expect.any(String),
      reason: 'NO_CONSENT',
      reasonLabel: 'マッチングに同意していない（プロフィールで同意すると、次の実行から対象になります）',
    };
    expect(ok(await unmatched(eventId)).participantsWithoutSuggestions).toEqual([notAgreed]);

    // Someone registers after the run, offering and needing what nobody here does.
    const newcomer = await createParticipant(t, organizer, {
      name: '伊藤 茶子',
      furigana: 'イトウ チャコ',
      phone: '0312345678',
      offers: ['茶道教室'],
      needs: ['書道用品'],
    });
    await register(eventId, newcomer.id);
    expect(ok(await unmatched(eventId)).participantsWithoutSuggestions).toEqual([
      notAgreed,
      {
        participant: { name: '伊藤 茶子', email: newcomer.email },
        registeredAt: expect.any(String),
        reason: 'JOINED_AFTER_RUN',
        reasonLabel: 'マッチング実行後に参加登録（再実行で対象になります）',
      },
    ]);
    // Run again: she is in it now, and still nobody fits.
    await runToCompletion();
    expect(ok(await unmatched(eventId)).participantsWithoutSuggestions).toMatchObject([
      notAgreed,
      {
        participant: { name: '伊藤 茶子' },
        reason: 'NO_FIT',
        reasonLabel: '条件に合う相手が見つからなかった',
      },
    ]);
    // Sending the digests says so too: one person who agreed has nothing to be sent.
    const digests = ok(
      await t.gql<{ sendSuggestionDigests: { withoutSuggestions: number } }>(
        'mutation($e: ID!) { sendSuggestionDigests(eventId: $e) { withoutSuggestions } }',
        { e: eventId },
        organizer,
      ),
    ).sendSuggestionDigests;
    expect(digests.withoutSuggestions).toBe(1);

    const path = `/exports/events/${eventId}/participants-without-suggestions.csv`;
    const csv = await fetchCsv(t, path, organizer);
    expect(csv.bom).toBe(true);
    expect(csv.lines[0]).toBe(
      '氏名,フリガナ,事業者名,提供できること,求めること,メールアドレス,電話番号,参加登録日時,おすすめがない理由,計算日時',
    );
    expect(csv.lines).toHaveLength(3);
    expect(csv.lines[1]).toContain('非公開 希望');
    const row = csv.lines[2].split(',');
    expect(row.slice(0, 7)).toEqual([
      '伊藤 茶子',
      'イトウ チャコ',
      '',
      '茶道教室',
      '書道用品',
      newcomer.email,
      '"=""0312345678"""',
    ]);
    expect(row[7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[8]).toBe('条件に合う相手が見つからなかった');
    expect(row[9]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const refused = await fetch(`${t.url}${path}`, {
      headers: { authorization: `Bearer ${otherOrganizer}` },
    });
    expect(refused.status).toBe(403);

    // 非公開 希望 agrees after the run: the run left her out, not for want of a fit.
    ok(
      await t.gql(
        'mutation($input: UpsertParticipantInput!) { upsertParticipant(input: $input) { id } }',
        {
          input: {
            email: people.private.email,
            name: '非公開 希望',
            furigana: 'ヒコウカイ キボウ',
            consentMatchmaking: true,
          },
        },
        organizer,
      ),
    );
    expect(ok(await unmatched(eventId)).participantsWithoutSuggestions[0]).toEqual({
      ...notAgreed,
      reason: 'CONSENTED_AFTER_RUN',
      reasonLabel: 'マッチング実行後にマッチングに同意（再実行で対象になります）',
    });
  });
});
