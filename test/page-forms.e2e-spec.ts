import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { UnsubscribeLinks } from '../src/mail/unsubscribe-links';
import { AgendaFeedLinks } from '../src/meetings/agenda-feed-links';
import { browse, BrowsedPage, followLink, formsOn, pathOf, submitForm } from './support/browser';
import { eventually } from './support/eventually';
import {
  addMatchmakingSession,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  emailProgress,
  invitationAnswerLink,
  matchAndWait,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

type Lang = 'ja' | 'en';
interface Reader {
  id: string;
  email: string;
  lang: Lang;
}

/**
 * Every form of every page the service serves, sent as a browser sends it: to its action resolved
 * against the address the page is at, in Japanese and in English. A form's answer that shows a
 * form again is at another address than the page that first showed it, so that form is sent too.
 * What each page does is tested with its feature; this is about where its forms and links lead.
 */
/** What the unsubscribe pages say is stopped: the same four kinds of email in both languages. */
const STOPPED_TEXT = {
  ja: {
    done: '配信を停止しました。今後、ご案内メールはお送りしません',
    stopped: /へのイベントのご案内・おすすめ・リマインダー・アンケートのメールは、配信を停止しています。/,
  },
  en: {
    done: 'We will send no more event invitations, suggestions, reminders or surveys',
    stopped: /Event invitations, suggestions, reminders and surveys to \S+ are switched off\./,
  },
} as const;

describe('the forms and links of the pages, followed as a browser follows them', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizationId: string;
  let organizer: string;
  let matchEventId: string;
  let sessionId: string;
  const readers = {} as Record<Lang, Reader>;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    organizationId = await createOrganization(t, admin, {
      name: '東京商工会議所 台東支部',
      nameEn: 'Tokyo Chamber of Commerce and Industry, Taito Branch',
      municipality: '東京都台東区',
    });
    organizer = await staffSession(t, Role.ORGANIZER, organizationId);
    matchEventId = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: '台東 ものづくり商談会',
      venue: '台東区民会館 9階 特別会議室',
      venueEn: 'Taito Civic Hall, 9F Special Conference Room',
      startsAt: tokyoInDays(30, '13:00'),
      endsAt: tokyoInDays(30, '17:00'),
      themes: ['販路開拓'],
    });
    sessionId = await addMatchmakingSession(t, organizer, {
      eventId: matchEventId,
      name: '午後の部',
      startsAt: tokyoInDays(30, '14:00'),
      slotMinutes: 30,
      slotCount: 3,
      tableCount: 3,
    });
    readers.ja = {
      lang: 'ja',
      ...(await createParticipant(t, organizer, {
        name: '佐藤 健二',
        furigana: 'サトウ ケンジ',
        company: { name: '佐藤製作所', industry: 'E', municipality: '東京都台東区' },
        offers: ['金属加工', '試作'],
        needs: ['販路開拓'],
      })),
    };
    readers.en = {
      lang: 'en',
      ...(await createParticipant(t, organizer, {
        name: 'Daniel Weber',
        furigana: 'ダニエル ウェーバー',
        locale: 'en',
        company: { name: 'Weber Import', industry: 'I', municipality: '東京都港区' },
        offers: ['販路開拓'],
        needs: ['金属加工'],
      })),
    };
    for (const reader of Object.values(readers))
      ok(await t.gql(registerMutation(), { eventId: matchEventId, participantId: reader.id }, organizer));
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** A link the way its email would carry it. */
  const mint = async (purpose: TokenPurpose, subjectId: string, scope?: string) =>
    (
      await t.app
        .get(ActionTokensService)
        .mint(t.dataSource.manager, [
          { purpose, subjectId, scope, expiresAt: new Date(Date.now() + 86_400_000) },
        ])
    )[0];
  /** The link like `pattern` in the email to `email` that speaks of `about` (waiting for it). */
  const linkTo = async (email: string, pattern: RegExp, about = '') => {
    const mails = () => sink.to(email).filter((mail) => pattern.test(mail.text) && mail.text.includes(about));
    await sink.waitUntil(() => mails().length > 0);
    return pattern.exec(mails()[0].text)![0];
  };
  const statusOf = async (eventId: string, participantId: string) =>
    (
      await t.dataSource.query(
        'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [eventId, participantId],
      )
    )[0]?.status;
  /** The page's one form posts to `path`, as the browser resolves its action. */
  const postsTo = (page: BrowsedPage, path: string) =>
    expect(formsOn(page).map((form) => pathOf(form.target))).toEqual([path]);

  it.each(['ja', 'en'] as const)(
    'the event page (%s), the link it sends, and the cancel link of the confirmation',
    async (lang) => {
      const reader = readers[lang];
      const title = lang === 'en' ? 'Taito Salon' : '台東 交流サロン';
      const eventId = await createPublishedEvent(t, organizer, {
        title: '台東 交流サロン',
        titleEn: 'Taito Salon',
      });
      const page = await browse(`${t.url}/events/${eventId}${lang === 'en' ? '?lang=en' : ''}`);
      postsTo(page, `/events/${eventId}/apply?lang=${lang}`);
      const typo = await submitForm(page, { email: 'someone@mistyped' });
      expect(typo.status).toBe(400);
      postsTo(typo, `/events/${eventId}/apply?lang=${lang}`);
      const sent = await submitForm(typo, { email: reader.email });
      expect(sent.status).toBe(200);
      expect(sent.html).toContain(`<html lang="${lang}">`);

      const link = await browse(
        await linkTo(reader.email, /\S+\/registrations\/apply\?token=[\w.-]+/, title),
      );
      postsTo(link, '/registrations/apply');
      const applied = await submitForm(link);
      expect(applied.status).toBe(200);
      expect(await statusOf(eventId, reader.id)).toBe('REGISTERED');

      const cancel = await browse(
        await linkTo(reader.email, /\S+\/registrations\/cancel\?token=[\w.-]+/, title),
      );
      postsTo(cancel, '/registrations/cancel');
      expect((await submitForm(cancel)).status).toBe(200);
      expect(await statusOf(eventId, reader.id)).toBe('CANCELLED');
    },
  );

  it('the invitation page, in Japanese and in English', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '台東 事業承継セミナー',
      kind: 'SEMINAR',
    });
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [readers.ja.id, readers.en.id] },
        organizer,
      ),
    );
    for (const reader of Object.values(readers)) {
      await sink.waitUntil(() =>
        sink.to(reader.email).some((mail) => mail.text.includes('/invitations/respond')),
      );
      const mail = sink.to(reader.email).find((each) => each.text.includes('/invitations/respond'))!;
      const page = await browse(invitationAnswerLink(t, mail, 1).url);
      expect(page.html).toContain(`<html lang="${reader.lang}">`);
      postsTo(page, '/invitations/respond');
      expect((await submitForm(page)).status).toBe(200);
      expect(await statusOf(eventId, reader.id)).toBe('REGISTERED');
    }
  });

  it('the suggestion and meeting request pages, then the agenda page', async () => {
    await matchAndWait(t, organizer, matchEventId);
    const suggestionOf = async (reader: Reader, other: Reader): Promise<string> =>
      (
        await t.dataSource.query(
          'SELECT id FROM suggestions WHERE event_id = $1 AND participant_id = $2 AND suggested_participant_id = $3',
          [matchEventId, reader.id, other.id],
        )
      )[0].id;
    // 佐藤 asks Daniel from his suggestion; Daniel, from his, accepts the request waiting for him.
    for (const [reader, other] of [
      [readers.ja, readers.en],
      [readers.en, readers.ja],
    ]) {
      const token = await mint(TokenPurpose.SUGGESTION_MEETING_REQUEST, await suggestionOf(reader, other));
      const page = await browse(`${t.url}/suggestions/meeting-request?token=${token}`);
      expect(page.html).toContain(`<html lang="${reader.lang}">`);
      postsTo(page, '/suggestions/meeting-request');
      expect((await submitForm(page, { message: '' })).status).toBe(200);
    }
    const [agreed] = await t.dataSource.query(
      `SELECT id FROM meeting_requests WHERE event_id = $1 AND from_participant_id = $2 AND status = 'ACCEPTED'`,
      [matchEventId, readers.ja.id],
    );
    expect(agreed).toBeDefined();

    // Someone else asks each of them: they answer on the request's page.
    const ito = await createParticipant(t, organizer, { name: '伊藤 誠', furigana: 'イトウ マコト' });
    ok(await t.gql(registerMutation(), { eventId: matchEventId, participantId: ito.id }, organizer));
    for (const reader of Object.values(readers)) {
      const { requestMeeting } = ok(
        await t.gql<{ requestMeeting: { id: string } }>(
          'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
          { e: matchEventId, to: reader.id },
          await t.participantToken(ito.id),
        ),
      );
      const token = await mint(TokenPurpose.MEETING_RESPONSE, requestMeeting.id);
      const page = await browse(`${t.url}/meetings/respond?token=${token}&accept=1`);
      expect(page.html).toContain(`<html lang="${reader.lang}">`);
      postsTo(page, '/meetings/respond');
      expect((await submitForm(page, { message: '' })).status).toBe(200);
      const [{ status }] = await t.dataSource.query('SELECT status FROM meeting_requests WHERE id = $1', [
        requestMeeting.id,
      ]);
      expect(status).toBe('ACCEPTED');
    }

    // Their meeting is placed and published, then moved: each agenda page asks them to look, and
    // its 確認しました posts to the page's own address.
    const { placeMeeting } = ok(
      await t.gql<{ placeMeeting: { id: string } }>(
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0, table: "1") { id } }',
        { r: agreed.id, s: sessionId },
        organizer,
      ),
    );
    const { publishSchedule } = ok(
      await t.gql<{ publishSchedule: { batchId: string; notifiedParticipants: number } }>(
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId notifiedParticipants } }',
        { e: matchEventId },
        organizer,
      ),
    );
    await eventually(
      async () =>
        (await emailProgress(t, organizer, matchEventId, publishSchedule.batchId)).sent ===
        publishSchedule.notifiedParticipants,
      'agendas sent',
    );
    ok(
      await t.gql(
        'mutation($id: ID!, $s: ID!) { moveMeeting(id: $id, sessionId: $s, slotIndex: 1, table: "2") { id } }',
        { id: placeMeeting.id, s: sessionId },
        organizer,
      ),
    );
    for (const reader of Object.values(readers)) {
      const url = t.app.get(AgendaFeedLinks).pageUrl(reader.id, matchEventId);
      const page = await browse(url);
      expect(page.html).toContain(`<html lang="${reader.lang}">`);
      postsTo(page, pathOf(url));
      const seen = await submitForm(page);
      expect(seen.status).toBe(200);
      expect(seen.html).toContain(reader.lang === 'en' ? 'Marked as seen' : '確認済みにしました');
    }
  });

  it('the survey page, in Japanese and in English', async () => {
    for (const reader of Object.values(readers)) {
      const [{ id }] = await t.dataSource.query(
        'SELECT id FROM registrations WHERE event_id = $1 AND participant_id = $2',
        [matchEventId, reader.id],
      );
      const page = await browse(
        `${t.url}/surveys/answer?token=${await mint(TokenPurpose.SURVEY_ANSWER, id)}`,
      );
      expect(page.html).toContain(`<html lang="${reader.lang}">`);
      postsTo(page, '/surveys/answer');
      const answered = await submitForm(page, { gainedOpportunities: 'yes', satisfaction: '4', comment: '' });
      expect(answered.status).toBe(200);
      expect(
        await t.dataSource.query('SELECT satisfaction FROM survey_responses WHERE registration_id = $1', [
          id,
        ]),
      ).toEqual([{ satisfaction: 4 }]);
    }
  });

  it('the unsubscribe page and the way back, in Japanese and in English', async () => {
    for (const reader of Object.values(readers)) {
      const link = t.app.get(UnsubscribeLinks).token(reader.id);
      const page = await browse(`${t.url}/unsubscribe/${link}`);
      expect(page.html).toContain(`<html lang="${reader.lang}">`);
      postsTo(page, `/unsubscribe/${link}`);
      const stopped = await submitForm(page);
      expect(stopped.status).toBe(200);
      // What stops, and the same four again on a later visit, in the reader's words.
      const said = STOPPED_TEXT[reader.lang];
      expect(stopped.html).toContain(said.done);
      const later = await browse(`${t.url}/unsubscribe/${link}`);
      expect(later.html).toMatch(said.stopped);
      postsTo(later, `/unsubscribe/${link}/resubscribe`);
      postsTo(stopped, `/unsubscribe/${link}/resubscribe`);
      expect((await submitForm(stopped)).status).toBe(200);
      const [{ optedOut }] = await t.dataSource.query(
        'SELECT email_opt_out AS "optedOut" FROM participants WHERE id = $1',
        [reader.id],
      );
      expect(optedOut).toBe(false);
    }
  });

  it.each(['ja', 'en'] as const)(
    'signing in (%s), and moving to another address from the signed-in page',
    async (lang) => {
      const reader = readers[lang];
      const browser = { 'accept-language': lang };
      const ask = await browse(`${t.url}/sign-in`, browser);
      postsTo(ask, '/sign-in/request');
      const refused = await submitForm(ask, { email: 'not an address' });
      expect(refused.status).toBe(400);
      postsTo(refused, '/sign-in/request');
      const sent = await submitForm(refused, { email: reader.email });
      expect(sent.status).toBe(200);
      const askAgain = await followLink(
        sent,
        lang === 'en' ? 'Use another address' : '別のアドレスで申し込む',
      );
      expect(pathOf(askAgain.url)).toBe('/sign-in');
      postsTo(askAgain, '/sign-in/request');

      // A link cut short: the error page's way to ask again leads to the form.
      const broken = await browse(`${t.url}/sign-in?token=${'x'.repeat(43)}`, browser);
      const again = await followLink(
        broken,
        lang === 'en' ? 'Ask for a sign-in link' : 'ログイン用リンクを申し込む',
      );
      postsTo(again, '/sign-in/request');

      const link = await browse(await linkTo(reader.email, /\S+\/sign-in\?token=[\w.-]+/), browser);
      postsTo(link, '/sign-in');
      const signedIn = await submitForm(link);
      expect(signedIn.status).toBe(200);
      expect(pathOf(signedIn.url)).toBe('/sign-in');
      postsTo(signedIn, '/email-change/request');
      const moved = `moved-${lang}-${Date.now()}@example.jp`;
      const asked = await submitForm(signedIn, { email: moved });
      expect(asked.status).toBe(200);
      const confirm = await browse(await linkTo(moved, /\S+\/email-change\?token=[\w.-]+/), browser);
      postsTo(confirm, '/email-change');
      expect((await submitForm(confirm)).status).toBe(200);
      const [{ email }] = await t.dataSource.query('SELECT email FROM participants WHERE id = $1', [
        reader.id,
      ]);
      expect(email).toBe(moved);
      reader.email = moved;
    },
  );

  it('the password-reset page of a staff member, and its form again after a mistake', async () => {
    const address = `reset-${Date.now()}@example.jp`;
    await staffSession(t, Role.STAFF, organizationId, address);
    const [{ id }] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [address]);
    const page = await browse(`${t.url}/password-reset?token=${await mint(TokenPurpose.PASSWORD_RESET, id)}`);
    postsTo(page, '/password-reset');
    const mismatch = await submitForm(page, {
      password: 'a new staple for the horse',
      confirmation: 'another',
    });
    expect(mismatch.status).toBe(200);
    expect(mismatch.html).toContain('確認のために入力したパスワードが一致しません');
    postsTo(mismatch, '/password-reset');
    const done = await submitForm(mismatch, {
      password: 'a new staple for the horse',
      confirmation: 'a new staple for the horse',
    });
    expect(done.html).toContain('パスワードを変更しました');
  });
});
