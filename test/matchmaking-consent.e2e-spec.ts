import { parse } from 'csv-parse/sync';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  emailProgress,
  matchAndWait,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { fetchCsv } from './support/csv-export';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

/**
 * マッチング同意の取り下げ: from the moment 鈴木 withdraws his matchmaking consent, nobody is shown
 * him as a suggestion (participants' and staff's lists, the CSV), no digest introduces him or is
 * sent to him, and nobody can ask him to meet, from the app or from the link of a digest sent
 * before. What was already between him and others stands: a request to him waiting for his answer
 * is still his to answer.
 */
describe('withdrawing matchmaking consent', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;
  const people: Record<string, { id: string; email: string; token: string }> = {};
  /** The link of a digest sent to 髙橋 before 鈴木 withdrew, naming 鈴木. */
  let earlierLink: string;
  /** 佐藤's request to 鈴木, made while he still agreed. */
  let pendingRequest: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '東京財務事務所', kind: 'FINANCE_OFFICE' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, {
      title: '東京活性化サロン（第6回）',
      themes: ['事業承継', '販路開拓'],
    });
    await join('takahashi', {
      name: '髙橋 美﨑',
      furigana: 'タカハシ ミサキ',
      company: { name: '髙橋製作所', industry: 'E', municipality: '東京都葛飾区' },
      offers: ['金属加工', '試作'],
      needs: ['販路開拓'],
    });
    await join('emma', {
      name: 'Emma Clarke',
      furigana: 'エマ クラーク',
      locale: 'en',
      company: { name: 'Clarke Design', industry: 'L', municipality: '東京都渋谷区' },
      offers: ['パッケージデザイン'],
      needs: ['試作', '販路開拓'],
    });
    await join('suzuki', {
      name: '鈴木 一郎',
      furigana: 'スズキ イチロウ',
      company: { name: '鈴木商事', industry: 'I', municipality: '東京都大田区' },
      offers: ['販路開拓'],
      offersText: '全国のスーパーへの卸',
      needs: ['金属加工', 'パッケージデザイン'],
    });
    await join('sato', {
      name: '佐藤 健一',
      furigana: 'サトウ ケンイチ',
      company: { name: '佐藤食品', industry: 'E', municipality: '東京都足立区' },
      offers: ['和菓子'],
      needs: ['販路開拓', 'パッケージデザイン'],
    });
    await matchAndWait(t, organizer, eventId);

    // Before: 鈴木 is suggested to 髙橋, and 髙橋 holds a digest link to ask him.
    expect(await suggestedTo('takahashi')).toContain('鈴木 一郎');
    const [suggestion]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM suggestions WHERE event_id = $1 AND participant_id = $2 AND suggested_participant_id = $3`,
      [eventId, people.takahashi.id, people.suzuki.id],
    );
    const [token] = await t.app.get(ActionTokensService).mint(t.dataSource.manager, [
      {
        purpose: TokenPurpose.SUGGESTION_MEETING_REQUEST,
        subjectId: suggestion.id,
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      },
    ]);
    earlierLink = token;
    pendingRequest = (await requestMeeting('sato', 'suzuki')).requestMeeting.id;

    ok(
      await t.gql(
        'mutation { updateMyProfile(input: { consentMatchmaking: false }) { id } }',
        {},
        people.suzuki.token,
      ),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  async function join(key: string, profile: Record<string, unknown>) {
    const person = await createParticipant(t, organizer, profile);
    ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
    people[key] = { ...person, token: await t.participantToken(person.id) };
  }

  const names = (list: { suggested: { name: string } }[]) => list.map((entry) => entry.suggested.name);
  const suggestedTo = async (key: string) =>
    names(
      ok(
        await t.gql<{ mySuggestions: { suggested: { name: string } }[] }>(
          'query($eventId: ID!) { mySuggestions(eventId: $eventId) { suggested { name } } }',
          { eventId },
          people[key].token,
        ),
      ).mySuggestions,
    );
  const requestMeeting = async (from: string, to: string) =>
    ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to: people[to].id },
        people[from].token,
      ),
    );
  const tryRequestMeeting = (from: string, to: string) =>
    t.gql(
      'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
      { e: eventId, to: people[to].id },
      people[from].token,
    );

  it('shows him to nobody: neither in participants’ lists nor in the staff’s list and CSV', async () => {
    expect(await suggestedTo('takahashi')).not.toContain('鈴木 一郎');
    expect(await suggestedTo('emma')).not.toContain('鈴木 一郎');
    expect((await suggestedTo('takahashi')).length).toBeGreaterThan(0);
    // He asked to be out of matchmaking: his own list goes with it.
    expect(await suggestedTo('suzuki')).toEqual([]);

    const staffView = ok(
      await t.gql<{ suggestionsFor: { suggested: { name: string } }[] }>(
        `query($eventId: ID!, $participantId: ID!) {
          suggestionsFor(eventId: $eventId, participantId: $participantId, includeDismissed: true) { suggested { name } } }`,
        { eventId, participantId: people.takahashi.id },
        organizer,
      ),
    ).suggestionsFor;
    expect(names(staffView)).not.toContain('鈴木 一郎');
    expect(staffView.length).toBeGreaterThan(0);

    const csv = await fetchCsv(t, `/exports/events/${eventId}/suggestions.csv`, organizer);
    const rows: Record<string, string>[] = parse(csv.text, { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => Object.values(row).includes('鈴木 一郎'))).toEqual([]);

    // Staff pairing by hand find him among those without suggestions, as not agreeing.
    const unmatched = ok(
      await t.gql<{ participantsWithoutSuggestions: { participant: { name: string }; reason: string }[] }>(
        'query($e: ID!) { participantsWithoutSuggestions(eventId: $e) { participant { name } reason } }',
        { e: eventId },
        organizer,
      ),
    ).participantsWithoutSuggestions;
    expect(unmatched).toContainEqual({ participant: { name: '鈴木 一郎' }, reason: 'NO_CONSENT' });
  });

  it('refuses a request to him, naming the field, in Japanese and in English for an English reader', async () => {
    const refused = failure(await tryRequestMeeting('takahashi', 'suzuki'));
    expect(refused.message).toBe('この方は現在、面談の申込を受け付けていません');
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEETING_RECIPIENT_NOT_ACCEPTING',
      field: 'toParticipantId',
    });
    expect(failure(await tryRequestMeeting('emma', 'suzuki')).message).toBe(
      'This person is not accepting meeting requests at the moment.',
    );
    const rows: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM meeting_requests WHERE event_id = $1 AND to_participant_id = $2 AND from_participant_id <> $3`,
      [eventId, people.suzuki.id, people.sato.id],
    );
    expect(rows).toEqual([]);
  });

  it('refuses the link of a digest sent before: the page says so without showing him, and the POST files nothing', async () => {
    const page = await fetch(`${t.url}/suggestions/meeting-request?token=${earlierLink}`);
    const html = await page.text();
    expect(page.status).toBe(409);
    expect(html).toContain('この方は現在、面談の申込を受け付けていません');
    expect(html).not.toContain('全国のスーパーへの卸');
    expect(html).not.toContain('<button');

    const post = await fetch(`${t.url}/suggestions/meeting-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: earlierLink, message: 'ご相談させてください' }).toString(),
    });
    expect(post.status).toBe(409);
    expect(await post.text()).toContain('この方は現在、面談の申込を受け付けていません');
    const rows: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM meeting_requests WHERE event_id = $1 AND from_participant_id = $2 AND to_participant_id = $3`,
      [eventId, people.takahashi.id, people.suzuki.id],
    );
    expect(rows).toEqual([]);
  });

  it('leaves him out of the digests: none introduces him, and he is sent none', async () => {
    const result = ok(
      await t.gql<{ sendSuggestionDigests: { runId: string; queued: number } }>(
        'mutation($eventId: ID!) { sendSuggestionDigests(eventId: $eventId) { runId queued } }',
        { eventId },
        organizer,
      ),
    ).sendSuggestionDigests;
    expect(result.queued).toBeGreaterThan(0);
    await eventually(async () => {
      const progress = await emailProgress(t, organizer, eventId, result.runId);
      return progress.sent === result.queued;
    }, 'the digests sent');
    const digests = () =>
      sink.messages.filter((mail) => /おすすめの面談相手|People to meet/.test(mail.subject));
    await sink.waitUntil(() => digests().length === result.queued, 30_000, 'the digests');
    for (const mail of digests()) {
      expect(mail.text).not.toContain('鈴木');
      expect(mail.text).not.toContain('全国のスーパーへの卸');
    }
    expect(sink.to(people.suzuki.email).filter((mail) => digests().includes(mail))).toEqual([]);
  });

  it('keeps a request made to him before he withdrew: it is still his to answer', async () => {
    const answered = ok(
      await t.gql<{ respondToMeetingRequest: { status: string } }>(
        'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { status } }',
        { id: pendingRequest },
        people.suzuki.token,
      ),
    ).respondToMeetingRequest;
    expect(answered.status).toBe('ACCEPTED');
  });
});
