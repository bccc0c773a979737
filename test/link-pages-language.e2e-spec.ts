import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService, TokenRequest } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { EMAIL_CHANGE_CONFIRMATION_TEMPLATE } from '../src/email-change/email-change.composers';
import { MailComposers } from '../src/mail/mail-composers';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Participant } from '../src/participants/participant.entity';
import { UnsubscribeLinks } from '../src/mail/unsubscribe-links';
import { formatDeadline } from '../src/mail/templates/mail-dates';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
/** Browsers the page must not follow once it knows whose link it is: none, and one in neither language. */
const BROWSERS: Record<string, Record<string, string>> = {
  'no Accept-Language': {},
  'a German browser': { 'accept-language': 'de-DE,de;q=0.9' },
};

/**
 * The page behind an email link speaks the language of the participant it was sent to, also once
 * the link no longer works — expired, used, or replaced by a newer one — since the token's row
 * still says whose it is; only a link nobody issued is answered in the browser's language.
 */
describe('pages behind expired and used links, in the language of their owner', () => {
  let t: TestApp;
  let tokens: ActionTokensService;
  let organizer: string;
  let eventId: string;
  let otherEventId: string;
  const daniel = { id: '', registrationId: '' };
  const kenji = { id: '', registrationId: '' };
  let meetingRequestId: string;
  let suggestionId: string;
  let emailChangeId: string;

  beforeAll(async () => {
    t = await createTestApp({ WORKER_IN_PROCESS: 'false' });
    tokens = t.app.get(ActionTokensService);
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '東京商工会議所 台東支部' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, {
      title: 'たいとう 交流サロン',
      titleEn: 'Taito Networking Salon',
    });
    otherEventId = await createPublishedEvent(t, organizer, { title: 'たいとう 交流サロン（第2回）' });

    const register = async (participantId: string) =>
      ok(await t.gql<{ register: { id: string } }>(registerMutation(), { eventId, participantId }, organizer))
        .register.id;
    daniel.id = (await createParticipant(t, organizer, { name: 'Daniel Weber', locale: 'en' })).id;
    daniel.registrationId = await register(daniel.id);
    kenji.id = (await createParticipant(t, organizer, { name: '佐藤 健二' })).id;
    kenji.registrationId = await register(kenji.id);

    meetingRequestId = ok(
      await t.gql<{ requestMeeting: { id: string } }>(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to: daniel.id },
        await t.participantToken(kenji.id),
      ),
    ).requestMeeting.id;
    const [run] = await t.dataSource.query(
      `INSERT INTO matching_runs (event_id, status) VALUES ($1, 'SUCCEEDED') RETURNING id`,
      [eventId],
    );
    [{ id: suggestionId }] = await t.dataSource.query(
      `INSERT INTO suggestions (event_id, participant_id, suggested_participant_id, rank, score, reasons, run_id)
       VALUES ($1, $2, $3, 1, 0.8, '[]', $4) RETURNING id`,
      [eventId, daniel.id, kenji.id, run.id],
    );
    [{ id: emailChangeId }] = await t.dataSource.query(
      `INSERT INTO email_change_requests (participant_id, new_email) VALUES ($1, 'daniel@weber-import.example') RETURNING id`,
      [daniel.id],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const mint = async (request: Omit<TokenRequest, 'expiresAt'>, expired = true) =>
    (
      await tokens.mint(t.dataSource.manager, [
        { ...request, expiresAt: new Date(Date.now() + (expired ? -60_000 : DAY_MS)) },
      ])
    )[0];
  const markUsed = async (raw: string, purpose: TokenPurpose) =>
    tokens.markUsed(t.dataSource.manager, (await tokens.find(t.dataSource.manager, purpose, raw))!);
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.url}${path}`, { headers });
    return { status: response.status, html: await response.text() };
  };

  /** Every page behind a link of Daniel's, with the link expired. */
  const expiredLinks: [string, () => Promise<string>][] = [
    [
      'an invitation answer',
      async () =>
        `/invitations/respond?token=${await mint({ purpose: TokenPurpose.INVITATION_RESPONSE, subjectId: daniel.registrationId })}&accept=1`,
    ],
    [
      'a meeting request answer',
      async () =>
        `/meetings/respond?token=${await mint({ purpose: TokenPurpose.MEETING_RESPONSE, subjectId: meetingRequestId })}&accept=1`,
    ],
    [
      'a survey',
      async () =>
        `/surveys/answer?token=${await mint({ purpose: TokenPurpose.SURVEY_ANSWER, subjectId: daniel.registrationId })}`,
    ],
    [
      'a sign-in link',
      async () => `/sign-in?token=${await mint({ purpose: TokenPurpose.MAGIC_LINK, subjectId: daniel.id })}`,
    ],
    [
      'a registration cancel link',
      async () =>
        `/registrations/cancel?token=${await mint({ purpose: TokenPurpose.REGISTRATION_CANCEL, subjectId: daniel.registrationId })}`,
    ],
    [
      'an email change confirmation',
      async () =>
        `/email-change?token=${await mint({ purpose: TokenPurpose.EMAIL_CHANGE, subjectId: emailChangeId })}`,
    ],
    [
      "a digest's meeting request link",
      async () =>
        `/suggestions/meeting-request?token=${await mint({ purpose: TokenPurpose.SUGGESTION_MEETING_REQUEST, subjectId: suggestionId })}`,
    ],
    [
      'an application confirmation',
      async () =>
        `/registrations/apply?token=${encodeURIComponent(await mint({ purpose: TokenPurpose.EVENT_APPLICATION, subjectId: daniel.id, scope: otherEventId }))}`,
    ],
  ];

  for (const [what, link] of expiredLinks) {
    for (const [browser, headers] of Object.entries(BROWSERS)) {
      it(`says in English that ${what} has expired, to ${browser}`, async () => {
        const { status, html } = await page(await link(), headers);
        expect(status).toBe(400);
        expect(html).toContain('<html lang="en">');
        expect(html).toContain('<p>This link has expired.</p>');
      });
    }
  }

  it('answers a Japanese participant in Japanese, whatever the browser', async () => {
    const raw = await mint({ purpose: TokenPurpose.MAGIC_LINK, subjectId: kenji.id });
    const { html } = await page(`/sign-in?token=${raw}`, { 'accept-language': 'en-US,en' });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('ログインできませんでした');
    expect(html).toContain('このリンクは有効期限が切れています');
  });

  it("answers a staff account's expired login-address link in Japanese, as its page is", async () => {
    const [{ id: userId }]: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM users WHERE role = 'ORGANIZER' LIMIT 1",
    );
    const [{ id: request }]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO email_change_requests (user_id, new_email) VALUES ($1, 'taito@example.jp') RETURNING id`,
      [userId],
    );
    const raw = await mint({ purpose: TokenPurpose.EMAIL_CHANGE, subjectId: request });
    const { html } = await page(`/email-change?token=${raw}`, { 'accept-language': 'en-US,en' });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('このリンクは有効期限が切れています');
    // Not the participant's 「もう一度お申込ください」: someone who manages the account asks again.
    expect(html).toContain(
      '<p>お手数ですが、所属団体のほかの主催者または Tsunagu の管理者に、もう一度変更を依頼してください。</p>',
    );
    expect(html).not.toContain('お申込ください');
  });

  it('answers a link nobody issued in the browser language', async () => {
    const fake = 'x'.repeat(43);
    expect((await page(`/sign-in?token=${fake}`)).html).toContain('<html lang="ja">');
    expect((await page(`/sign-in?token=${fake}`, { 'accept-language': 'en' })).html).toContain(
      '<html lang="en">',
    );
  });

  /** Links a second round of invitation ended: a newer email took their place. */
  const replacedLinks: [string, TokenPurpose, string, string][] = [
    [
      'an invitation answer',
      TokenPurpose.INVITATION_RESPONSE,
      '/invitations/respond?accept=1&token=',
      'This invitation was replaced by a newer invitation email. Please answer with its buttons.',
    ],
    [
      'a registration cancel link',
      TokenPurpose.REGISTRATION_CANCEL,
      '/registrations/cancel?token=',
      'This link was replaced by a newer email from us. Please use the link in the latest email.',
    ],
  ];
  for (const [what, purpose, path, text] of replacedLinks) {
    it(`says in English that ${what} was replaced by a newer email`, async () => {
      const raw = await mint({ purpose, subjectId: kenji.registrationId }, false);
      const english = await mint({ purpose, subjectId: daniel.registrationId }, false);
      await tokens.replace(t.dataSource.manager, purpose, [kenji.registrationId, daniel.registrationId]);
      const { html } = await page(`${path}${english}`, BROWSERS['a German browser']);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain(`<p>${text}</p>`);
      const { html: japanese } = await page(`${path}${raw}`, { 'accept-language': 'en' });
      expect(japanese).toContain('<html lang="ja">');
      expect(japanese).toContain('新しい');
      expect(japanese).not.toContain('有効期限');
    });
  }

  it('says in English that an unsubscribe link has expired, signed or stored', async () => {
    const signed = t.app.get(UnsubscribeLinks).token(daniel.id, Date.now() - 400 * DAY_MS);
    const stored = await mint({ purpose: TokenPurpose.UNSUBSCRIBE, subjectId: daniel.id });
    for (const link of [signed, stored]) {
      const { status, html } = await page(`/unsubscribe/${link}`, BROWSERS['a German browser']);
      expect(status).toBe(400);
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('This link is invalid or has expired.');
    }
  });

  it('says in English why a link of a cancelled event cannot act', async () => {
    const cancelledId = await createPublishedEvent(t, organizer, { title: 'たいとう 交流サロン（中止）' });
    const [run] = await t.dataSource.query(
      `INSERT INTO matching_runs (event_id, status) VALUES ($1, 'SUCCEEDED') RETURNING id`,
      [cancelledId],
    );
    const [{ id: suggestion }]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO suggestions (event_id, participant_id, suggested_participant_id, rank, score, reasons, run_id)
       VALUES ($1, $2, $3, 1, 0.8, '[]', $4) RETURNING id`,
      [cancelledId, daniel.id, kenji.id, run.id],
    );
    const application = await mint(
      { purpose: TokenPurpose.EVENT_APPLICATION, subjectId: daniel.id, scope: cancelledId },
      false,
    );
    const request = await mint(
      { purpose: TokenPurpose.SUGGESTION_MEETING_REQUEST, subjectId: suggestion },
      false,
    );
    ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: cancelledId }, organizer));

    const applying = await page(
      `/registrations/apply?token=${encodeURIComponent(application)}`,
      BROWSERS['a German browser'],
    );
    expect(applying.html).toContain('<html lang="en">');
    expect(applying.html).toContain('This event is not taking registrations at the moment.');
    const asking = await page(
      `/suggestions/meeting-request?token=${request}`,
      BROWSERS['no Accept-Language'],
    );
    expect(asking.html).toContain('<html lang="en">');
    expect(asking.html).toContain(
      'This event has ended or was cancelled, so no more meetings can be requested.',
    );
  });

  it('says in English that a used sign-in, email change or application link has been used', async () => {
    const signIn = await mint({ purpose: TokenPurpose.MAGIC_LINK, subjectId: daniel.id }, false);
    await markUsed(signIn, TokenPurpose.MAGIC_LINK);
    const emailChange = await mint({ purpose: TokenPurpose.EMAIL_CHANGE, subjectId: emailChangeId }, false);
    await markUsed(emailChange, TokenPurpose.EMAIL_CHANGE);
    const application = await mint(
      { purpose: TokenPurpose.EVENT_APPLICATION, subjectId: daniel.id, scope: otherEventId },
      false,
    );
    await markUsed(application, TokenPurpose.EVENT_APPLICATION);
    for (const path of [
      `/sign-in?token=${signIn}`,
      `/email-change?token=${emailChange}`,
      `/registrations/apply?token=${encodeURIComponent(application)}`,
    ]) {
      for (const headers of Object.values(BROWSERS)) {
        const { html } = await page(path, headers);
        expect(html).toContain('<html lang="en">');
        expect(html).toContain('<p>This link has already been used.</p>');
      }
    }
  });

  describe('a link to a new address that a later request replaced', () => {
    const REQUEST = 'mutation($email: String!) { requestEmailChange(email: $email) }';
    /**
     * The person asks for an address, its link goes out (minted here, as its email would), then
     * they ask for another: the first link, and when the second's confirmation was queued.
     */
    const replacedLink = async (participantId: string, first: string, second: string) => {
      const session = await t.participantToken(participantId);
      ok(await t.gql(REQUEST, { email: first }, session));
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM email_change_requests WHERE participant_id = $1 AND new_email = $2',
        [participantId, first],
      );
      const raw = await mint({ purpose: TokenPurpose.EMAIL_CHANGE, subjectId: id }, false);
      ok(await t.gql(REQUEST, { email: second }, session));
      const [{ replacedAt }]: { replacedAt: Date }[] = await t.dataSource.query(
        'SELECT created_at AS "replacedAt" FROM outbox_messages WHERE participant_id = $1 AND to_address = $2',
        [participantId, second],
      );
      return { raw, replacedAt };
    };
    const pressIn = async (raw: string, headers: Record<string, string>) => {
      const response = await fetch(`${t.url}/email-change`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ token: raw }).toString(),
      });
      return { status: response.status, html: await response.text() };
    };

    it('says so in English to an English-speaking participant, whatever the browser', async () => {
      const emily = await createParticipant(t, organizer, { name: 'Emily Carter', locale: 'en' });
      const { raw, replacedAt } = await replacedLink(
        emily.id,
        'emily@carter-trading.exmaple',
        'emily@carter-trading.example',
      );
      for (const headers of Object.values(BROWSERS)) {
        for (const { status, html } of [
          await page(`/email-change?token=${raw}`, headers),
          await pressIn(raw, headers),
        ]) {
          expect(status).toBe(400);
          expect(html).toContain('<html lang="en">');
          expect(html).toContain('<title>We could not change your email address</title>');
          expect(html).toContain(
            `<p>This link no longer works: on ${formatDeadline('en', replacedAt)} a change to another address was asked for instead of this one.</p>`,
          );
          expect(html).toContain(
            '<p>If you still want to use this address, please sign in again and ask for the change once more.</p>',
          );
          expect(html).not.toContain('expired');
        }
      }
      const [{ email }]: { email: string }[] = await t.dataSource.query(
        'SELECT email FROM participants WHERE id = $1',
        [emily.id],
      );
      expect(email).toBe(emily.email);
    });

    it('does not send the replaced confirmation if it had not gone out yet', async () => {
      const jane = await createParticipant(t, organizer, { name: 'Jane Doe', locale: 'en' });
      await replacedLink(jane.id, 'jane@doe-design.exmaple', 'jane@doe-design.example');
      const composer = t.app.get(MailComposers).get(EMAIL_CHANGE_CONFIRMATION_TEMPLATE);
      const participant = await t.dataSource.getRepository(Participant).findOneByOrFail({ id: jane.id });
      const compose = (message: OutboxMessage) =>
        composer.compose({
          message,
          participant,
          unsubscribeUrl: null,
          manager: t.dataSource.manager,
          issueToken: () => 'x'.repeat(43),
        });
      const [replaced, latest] = await t.dataSource.getRepository(OutboxMessage).find({
        where: { participantId: jane.id, template: EMAIL_CHANGE_CONFIRMATION_TEMPLATE },
        order: { createdAt: 'ASC' },
      });
      expect(replaced.toAddress).toBe('jane@doe-design.exmaple');
      expect(await compose(replaced)).toBeNull();
      expect(latest.toAddress).toBe('jane@doe-design.example');
      expect((await compose(latest))?.subject).toBe('Confirm your new email address for Tsunagu');
    });

    it('says so in Japanese to a Japanese participant, whatever the browser', async () => {
      const taro = await createParticipant(t, organizer, { name: '山田 太郎' });
      const { raw, replacedAt } = await replacedLink(
        taro.id,
        'yamada@taito-seiki.co.jo',
        'yamada@taito-seiki.co.jp',
      );
      const english = { 'accept-language': 'en-US,en;q=0.9' };
      for (const { status, html } of [
        await page(`/email-change?token=${raw}`, english),
        await pressIn(raw, english),
      ]) {
        expect(status).toBe(400);
        expect(html).toContain('<html lang="ja">');
        expect(html).toContain(
          `<p>${formatDeadline('ja', replacedAt)}に、このアドレスではなく別のアドレスへの変更が申し込まれたため、このリンクは使えなくなりました。</p>`,
        );
        expect(html).toContain(
          '<p>このアドレスに変更したい場合は、お手数ですが、ログインし直して、もう一度お申込ください。</p>',
        );
        expect(html).not.toContain('有効期限');
      }
    });
  });

  describe('a link to a new address whose change staff called off', () => {
    const REQUEST = 'mutation($email: String!) { requestEmailChange(email: $email) }';
    /** The person asks for `address`, and its link goes out (minted here, as its email would). */
    const pendingLink = async (participantId: string, address: string) => {
      ok(await t.gql(REQUEST, { email: address }, await t.participantToken(participantId)));
      const [{ id }]: { id: string }[] = await t.dataSource.query(
        `SELECT id FROM email_change_requests WHERE participant_id = $1 AND new_email = $2
          ORDER BY created_at DESC LIMIT 1`,
        [participantId, address],
      );
      return { id, raw: await mint({ purpose: TokenPurpose.EMAIL_CHANGE, subjectId: id }, false) };
    };
    const endOf = async (id: string) =>
      (
        (await t.dataSource.query(
          `SELECT participant_id AS "participantId", called_off_at AS "calledOffAt",
                  called_off_reason AS "reason", confirmed_at AS "confirmedAt"
             FROM email_change_requests WHERE id = $1`,
          [id],
        )) as {
          participantId: string;
          calledOffAt: Date | null;
          reason: string | null;
          confirmedAt: Date | null;
        }[]
      )[0];
    const emailOf = async (id: string) =>
      (
        (await t.dataSource.query('SELECT email FROM participants WHERE id = $1', [id])) as {
          email: string;
        }[]
      )[0].email;
    /** The page the link opens, and the one its button answers, in `headers`' browser. */
    const bothPages = async (raw: string, headers: Record<string, string>) => [
      await page(`/email-change?token=${raw}`, headers),
      await (async () => {
        const response = await fetch(`${t.url}/email-change`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams({ token: raw }).toString(),
        });
        return { status: response.status, html: await response.text() };
      })(),
    ];
    const CHANGE = `mutation($participantId: ID!, $email: String!) {
      changeParticipantEmail(participantId: $participantId, email: $email) { participant { email } }
    }`;

    it('says in English, whatever the browser, that the organiser changed the address, without showing it', async () => {
      const olivia = await createParticipant(t, organizer, { name: 'Olivia Brown', locale: 'en' });
      const { id, raw } = await pendingLink(olivia.id, 'olivia@brown-foods.exmaple');
      // Staff correct the address the person gave the chamber; the change they asked for would undo it.
      ok(
        await t.gql(
          CHANGE,
          { participantId: olivia.id, email: 'olivia.brown@brown-foods.example' },
          organizer,
        ),
      );
      const ended = await endOf(id);
      expect(ended).toMatchObject({ reason: 'ADDRESS_CORRECTED', confirmedAt: null });
      for (const headers of Object.values(BROWSERS)) {
        for (const { status, html } of await bothPages(raw, headers)) {
          expect(status).toBe(400);
          expect(html).toContain('<html lang="en">');
          expect(html).toContain(
            `<p>The organiser of your events changed your email address for Tsunagu on ${formatDeadline('en', ended.calledOffAt!)}, so the change to this address was called off and this link no longer works.</p>`,
          );
          expect(html).toContain(
            '<p>If you still want to use this address, please sign in again and ask for the change once more.</p>',
          );
          // Whoever holds this address is not told the one staff gave.
          expect(html).not.toContain('olivia.brown');
          expect(html).not.toContain('expired');
        }
      }
      expect(await emailOf(olivia.id)).toBe('olivia.brown@brown-foods.example');
    });

    it('says so in Japanese to a Japanese participant, whatever the browser', async () => {
      const hiroshi = await createParticipant(t, organizer, { name: '中村 博' });
      const { id, raw } = await pendingLink(hiroshi.id, 'nakamura@taito-insatsu.co.jo');
      ok(
        await t.gql(CHANGE, { participantId: hiroshi.id, email: 'nakamura@taito-insatsu.co.jp' }, organizer),
      );
      const { calledOffAt } = await endOf(id);
      for (const { status, html } of await bothPages(raw, { 'accept-language': 'en-US,en;q=0.9' })) {
        expect(status).toBe(400);
        expect(html).toContain('<html lang="ja">');
        expect(html).toContain(
          `<p>${formatDeadline('ja', calledOffAt!)}にイベントの主催者がご登録のメールアドレスを変更したため、このアドレスへの変更は取り消され、このリンクは使えなくなりました。</p>`,
        );
        expect(html).toContain(
          '<p>このアドレスに変更したい場合は、お手数ですが、ログインし直して、もう一度お申込ください。</p>',
        );
        expect(html).not.toContain('nakamura@taito-insatsu.co.jp');
      }
      expect(await emailOf(hiroshi.id)).toBe('nakamura@taito-insatsu.co.jp');
    });

    it('says the address is already theirs when staff set it to the one asked for, with nothing to do', async () => {
      const hanako = await createParticipant(t, organizer, { name: '鈴木 花子' });
      const { raw } = await pendingLink(hanako.id, 'suzuki@taito-shoji.example');
      ok(await t.gql(CHANGE, { participantId: hanako.id, email: 'suzuki@taito-shoji.example' }, organizer));
      for (const { status, html } of await bothPages(raw, { 'accept-language': 'en-US,en;q=0.9' })) {
        expect(status).toBe(400);
        expect(html).toContain('<html lang="ja">');
        expect(html).toContain(
          '<p>このメールアドレスは、すでに Tsunagu にご登録のアドレスです。変更の必要はありません。</p>',
        );
        expect(html).not.toContain('取り消され');
        expect(html).not.toContain('もう一度');
      }
      const amelia = await createParticipant(t, organizer, { name: 'Amelia Scott', locale: 'en' });
      const link = await pendingLink(amelia.id, 'amelia@scott-tea.example');
      ok(await t.gql(CHANGE, { participantId: amelia.id, email: 'amelia@scott-tea.example' }, organizer));
      for (const { status, html } of await bothPages(link.raw, {})) {
        expect(status).toBe(400);
        expect(html).toContain('<html lang="en">');
        expect(html).toContain(
          '<p>This email address is already your address for Tsunagu. There is nothing to change.</p>',
        );
        expect(html).not.toContain('again');
      }
    });

    it('says a replaced link’s change was called off when the newer request was, not to use the newer email', async () => {
      const ken = await createParticipant(t, organizer, { name: '松本 健' });
      const first = await pendingLink(ken.id, 'matsumoto@taito-denki.co.jo');
      const second = await pendingLink(ken.id, 'matsumoto@taito-denki.com');
      ok(await t.gql(CHANGE, { participantId: ken.id, email: 'matsumoto@taito-denki.co.jp' }, organizer));
      const { calledOffAt } = await endOf(second.id);
      expect(calledOffAt).not.toBeNull();
      for (const { status, html } of await bothPages(first.raw, {})) {
        expect(status).toBe(400);
        expect(html).toContain(
          `<p>${formatDeadline('ja', calledOffAt!)}にイベントの主催者がご登録のメールアドレスを変更したため、このアドレスへの変更は取り消され、このリンクは使えなくなりました。</p>`,
        );
        expect(html).not.toContain('新しいほうのメール');
        expect(html).not.toContain('matsumoto@taito-denki.co.jp');
      }
      // Replaced by a request for another address still pending: the newer email went elsewhere.
      const mia = await createParticipant(t, organizer, { name: 'Mia Turner', locale: 'en' });
      const a = await pendingLink(mia.id, 'mia@turner-arts.exmaple');
      await pendingLink(mia.id, 'mia@turner-arts.example');
      const [{ replacedAt }]: { replacedAt: Date }[] = await t.dataSource.query(
        'SELECT replaced_at AS "replacedAt" FROM email_change_requests WHERE id = $1',
        [a.id],
      );
      for (const { html } of await bothPages(a.raw, {})) {
        expect(html).toContain(
          `<p>This link no longer works: on ${formatDeadline('en', replacedAt)} a change to another address was asked for instead of this one.</p>`,
        );
        expect(html).toContain(
          '<p>If you still want to use this address, please sign in again and ask for the change once more.</p>',
        );
        expect(html).not.toContain('mia@turner-arts.example<');
        expect(html).not.toContain('button in that email');
      }
    });

    it('leaves the change pending when staff give the same address again', async () => {
      const kaori = await createParticipant(t, organizer, { name: '小川 香織' });
      const { id } = await pendingLink(kaori.id, 'ogawa@taito-kobo.example');
      ok(await t.gql(CHANGE, { participantId: kaori.id, email: kaori.email }, organizer));
      expect(await endOf(id)).toMatchObject({ calledOffAt: null, reason: null });
    });

    it('says, after a merge, that the duplicate’s change was called off, in the kept profile’s language', async () => {
      const kept = await createParticipant(t, organizer, { name: 'Lucas Martin', locale: 'en' });
      const duplicate = await createParticipant(t, organizer, { name: 'Lucas Martin', locale: 'en' });
      const { id, raw } = await pendingLink(duplicate.id, 'lucas@martin-wines.example');
      ok(
        await t.gql(
          'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { emailsMoved } }',
          { p: kept.id, d: duplicate.id },
          organizer,
        ),
      );
      // Called off rather than carried over: it would move the address staff chose to keep.
      const ended = await endOf(id);
      expect(ended).toMatchObject({ participantId: kept.id, reason: 'PROFILES_MERGED', confirmedAt: null });
      for (const headers of Object.values(BROWSERS)) {
        for (const { status, html } of await bothPages(raw, headers)) {
          expect(status).toBe(400);
          expect(html).toContain('<html lang="en">');
          expect(html).toContain(
            `<p>On ${formatDeadline('en', ended.calledOffAt!)} the organiser of your events joined your two registrations with Tsunagu into one, so the change to this address was called off and this link no longer works.</p>`,
          );
          expect(html).toContain(
            '<p>If you still want to use this address, please sign in again and ask for the change once more.</p>',
          );
          expect(html).not.toContain(kept.email);
        }
      }
      expect(await emailOf(kept.id)).toBe(kept.email);
      // The kept profile can ask for the change itself, and its own link works.
      const fresh = await pendingLink(kept.id, 'lucas@martin-wines.example');
      const [, pressed] = await bothPages(fresh.raw, {});
      expect(pressed.status).toBe(200);
      expect(await emailOf(kept.id)).toBe('lucas@martin-wines.example');
    });
  });
});
