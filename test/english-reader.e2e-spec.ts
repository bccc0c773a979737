import ICAL from 'ical.js';
import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import {
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
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * What a participant whose locale is en reads of an event run in Japanese: an importer of German
 * machine-tool parts at a 台東区 business salon. The Japanese words others wrote stay as written,
 * with the English beside them; the organiser's own text is in English where they wrote it so.
 */
describe('an English reader at a Japanese salon', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: string;
  let orgId: string;
  let organizer: string;
  let eventId: string;
  const people: Record<string, { id: string; email: string; token: string }> = {};

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, {
      name: '台東区商工会',
      nameEn: 'Taito Business Association',
      municipality: '東京都台東区',
      address: '〒110-0015 東京都台東区東上野2-18-10',
      contactEmail: 'salon@taito-shoko.example.jp',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, {
      title: '台東ビジネス交流会',
      titleEn: 'Taito Business Meetup',
      themes: ['販路開拓', '海外展開'],
      description: '台東区内外の製造業・卸売業の皆さまが、新しい取引先と出会う交流会です。',
    });
    await join('daniel', {
      name: 'Daniel Weber',
      furigana: 'ダニエル ウェーバー',
      locale: 'en',
      company: { name: 'Weber Parts Japan', industry: 'I', municipality: '東京都台東区' },
      offers: ['輸入商材', '工作機械部品'],
      needs: ['機械組立', 'メンテナンス'],
      needsText: '輸入した部品の仕上げ加工を依頼したい',
    });
    await join('shoji', {
      name: '上野 健',
      furigana: 'ウエノ ケン',
      company: { name: '上野商事', industry: 'I', municipality: '東京都台東区' },
      offers: ['産業資材', '機械組立'],
      needs: ['輸入商材'],
    });
    await join('glass', {
      name: '弥生 花子',
      furigana: 'ヤヨイ ハナコ',
      company: { name: '株式会社弥生硝子', industry: 'E', municipality: '東京都台東区' },
      offers: ['ガラス加工'],
      offersText: '江戸切子などのガラス製品の加工・名入れ。記念品の小ロット制作に対応します。',
      needs: ['インバウンド'],
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  /** Invitees, not registered: an English reader and a Japanese one. */
  async function createPeople() {
    if (people.sophie) return;
    for (const [key, profile] of [
      ['sophie', { name: 'Sophie Martin', furigana: 'ソフィー マルタン', locale: 'en' }],
      ['kimura', { name: '木村 結衣', furigana: 'キムラ ユイ' }],
      ['liam', { name: 'Liam Walsh', furigana: 'リアム ウォルシュ', locale: 'en' }],
      ['kato', { name: '加藤 誠', furigana: 'カトウ マコト' }],
    ] as const) {
      const person = await createParticipant(t, organizer, profile);
      people[key] = { ...person, token: await t.participantToken(person.id) };
    }
  }

  async function join(key: string, profile: Record<string, unknown>) {
    const person = await createParticipant(t, organizer, profile);
    ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
    people[key] = { ...person, token: await t.participantToken(person.id) };
  }

  const mailTo = async (key: string, subject: RegExp): Promise<ReceivedMail> => {
    await sink.waitUntil(
      (all) => all.some((m) => m.to.includes(people[key].email) && subject.test(m.subject)),
      30_000,
      `${subject} to ${key}`,
    );
    return sink.to(people[key].email).find((m) => subject.test(m.subject))!;
  };
  const invite = async (event: string, keys: string[]) =>
    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: event, ids: keys.map((key) => people[key].id) },
        organizer,
      ),
    );
  /** Accepts the invitation in `mail`, as its 参加する / Accept button does. */
  const accept = async (mail: ReceivedMail) => {
    const response = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: invitationAnswerLink(t, mail, 1).token, accept: '1' }).toString(),
    });
    expect(response.status).toBe(200);
  };
  /** The DESCRIPTION of the calendar entry a confirmation email carries. */
  const calendarDescription = (mail: ReceivedMail) =>
    new ICAL.Event(new ICAL.Component(ICAL.parse(mail.calendars[0])).getFirstSubcomponent('vevent')!)
      .description;

  it('glosses in English the Japanese words of the digest and of the request email, and quotes no general word', async () => {
    await matchAndWait(t, organizer, eventId);
    const { runId, queued } = ok(
      await t.gql<{ sendSuggestionDigests: { runId: string; queued: number } }>(
        'mutation($eventId: ID!) { sendSuggestionDigests(eventId: $eventId) { runId queued } }',
        { eventId },
        organizer,
      ),
    ).sendSuggestionDigests;
    await eventually(async () => {
      const progress = await emailProgress(t, organizer, eventId, runId);
      return progress.sent + progress.skipped === queued;
    }, 'the digests sent');
    const digest = await mailTo('daniel', /^People to meet/);
    expect(digest.text).toContain("上野商事 needs '輸入商材' (imported goods), which you offer");
    expect(digest.text).toContain("Your need for '機械組立' (machine assembly) is what 上野商事 offers");
    expect(digest.text).toContain('They offer: 産業資材 (industrial materials), 機械組立 (machine assembly)');
    expect(digest.text).toContain('They offer: ガラス加工 (glass processing)');
    expect(digest.text).toContain('They are looking for: インバウンド (inbound tourism)');
    expect(digest.text).not.toMatch(/\((overseas expansion|purchasing and sourcing)\)/);
    // The glass maker and a need to have parts finished share only the word 加工.
    expect(digest.text).not.toContain("mention '加工");

    ok(
      await t.gql(
        'mutation($e: ID!, $to: ID!) { requestMeeting(eventId: $e, toParticipantId: $to) { id } }',
        { e: eventId, to: people.daniel.id },
        people.shoji.token,
      ),
    );
    const request = await mailTo('daniel', /^Meeting request from/);
    expect(request.text).toContain(
      '■ They offer: 産業資材 (industrial materials), 機械組立 (machine assembly)\n■ They are looking for: 輸入商材 (imported goods)\n',
    );
  });

  it('gives the English of the event’s テーマ in the invitation, on the event page and in the calendar entry', async () => {
    await createPeople();
    await invite(eventId, ['sophie', 'kimura']);
    const invitation = await mailTo('sophie', /^Invitation: Taito Business Meetup/);
    expect(invitation.text).toContain(
      '■ Themes: 販路開拓 (new sales channels), 海外展開 (overseas expansion)\n',
    );
    expect(invitation.html).toContain('販路開拓 (new sales channels), 海外展開 (overseas expansion)');
    // Japanese readers keep their own words.
    const japanese = await mailTo('kimura', /^【ご招待】台東ビジネス交流会/);
    expect(japanese.text).toContain('■ テーマ: 販路開拓、海外展開\n');

    const english = await (await fetch(`${t.url}/events/${eventId}?lang=en`)).text();
    expect(english).toContain(
      '<dt>Themes</dt><dd>販路開拓 (new sales channels), 海外展開 (overseas expansion)</dd>',
    );
    const page = await (await fetch(`${t.url}/events/${eventId}?lang=ja`)).text();
    expect(page).toContain('<dt>テーマ</dt><dd>販路開拓、海外展開</dd>');

    await accept(invitation);
    const confirmation = await mailTo('sophie', /^You are registered: Taito Business Meetup/);
    expect(calendarDescription(confirmation)).toContain(
      'Themes: 販路開拓 (new sales channels), 海外展開 (overseas expansion)',
    );
    const feed = await (await fetch(`${t.url}/calendar.ics?lang=en`)).text();
    const entry = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent))
      .find((event) => event.summary.startsWith('Taito Business Meetup'))!;
    expect(entry.description).toContain(
      'Themes: 販路開拓 (new sales channels), 海外展開 (overseas expansion)',
    );
  });

  it('gives the description and the organiser’s address in English where staff wrote them, and says a Japanese description is Japanese', async () => {
    await createPeople();
    const updateEvent = async (id: string, input: Record<string, unknown>) =>
      ok(
        await t.gql<{ updateEvent: { description: string; descriptionEn: string | null } }>(
          'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { description descriptionEn } }',
          { id, input },
          organizer,
        ),
      ).updateEvent;
    const updateContact = async (input: Record<string, unknown>) =>
      ok(
        await t.gql<{ updateOrganizationContact: { address: string | null; addressEn: string | null } }>(
          'mutation($id: ID!, $input: UpdateOrganizationContactInput!) { updateOrganizationContact(id: $id, input: $input) { address addressEn } }',
          { id: orgId, input },
          admin,
        ),
      ).updateOrganizationContact;

    // Without English text: the Japanese, said to be Japanese where it is prose; the address as
    // it is written on an envelope.
    const fair = await createPublishedEvent(t, organizer, {
      title: '台東ものづくり商談会',
      titleEn: 'Taito Manufacturing Fair',
      description: '製造業と卸売業の個別商談会です。',
    });
    await invite(fair, ['sophie']);
    const before = await mailTo('sophie', /^Invitation: Taito Manufacturing Fair/);
    expect(before.text).toContain('■ About (in Japanese): 製造業と卸売業の個別商談会です。\n');
    expect(before.text).toContain('Address: 〒110-0015 東京都台東区東上野2-18-10');
    const fairPage = await (await fetch(`${t.url}/events/${fair}?lang=en`)).text();
    expect(fairPage).toContain(
      '<p><small>(in Japanese)</small></p>\n<p lang="ja">製造業と卸売業の個別商談会です。</p>',
    );

    // Staff give the English: the address, and the description of the salon and of a new one.
    const addressEn = '2-18-10 Higashi-Ueno, Taito City, Tokyo 110-0015';
    expect(await updateContact({ addressEn })).toMatchObject({ addressEn });
    const description =
      'A meetup where manufacturers and wholesalers from in and around Taito City meet new business partners.';
    expect(await updateEvent(eventId, { descriptionEn: description })).toMatchObject({
      descriptionEn: description,
    });
    const second = await createPublishedEvent(t, organizer, {
      title: '台東ビジネス交流会（第2回）',
      titleEn: 'Taito Business Meetup No. 2',
      description: '台東区内外の製造業・卸売業の皆さまが、新しい取引先と出会う交流会です。',
      descriptionEn: description,
    });
    await invite(second, ['liam', 'kato']);
    const invitation = await mailTo('liam', /^Invitation: Taito Business Meetup No\. 2/);
    expect(invitation.text).toContain(`■ About: ${description}\n`);
    expect(invitation.text).toContain(`Address: ${addressEn}`);
    expect(invitation.text).not.toContain('台東区内外');
    expect(invitation.text).not.toContain('東上野');
    const japanese = await mailTo('kato', /^【ご招待】台東ビジネス交流会（第2回）/);
    expect(japanese.text).toContain('■ 内容: 台東区内外の製造業・卸売業の皆さまが');
    expect(japanese.text).toContain('所在地: 〒110-0015 東京都台東区東上野2-18-10');

    const page = await (await fetch(`${t.url}/events/${eventId}?lang=en`)).text();
    expect(page).toContain(`<p>${description}</p>`);
    expect(page).not.toContain('台東区内外');
    // The page's answer to its form names the organiser as the rest of the page does.
    const sent = await fetch(`${t.url}/events/${eventId}/apply?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'nobody@example.jp' }).toString(),
    });
    expect(await sent.text()).toContain(
      'please contact Taito Business Association (salon@taito-shoko.example.jp)',
    );
    expect(await (await fetch(`${t.url}/events/${eventId}?lang=ja`)).text()).toContain(
      '<p>台東区内外の製造業・卸売業の皆さまが、新しい取引先と出会う交流会です。</p>',
    );
    const feed = await (await fetch(`${t.url}/calendar.ics?lang=en`)).text();
    const entries = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent));
    const entry = (title: string) => entries.find((event) => event.summary.startsWith(`${title} (`))!;
    expect(entry('Taito Business Meetup').description).toContain(description);
    expect(entry('Taito Business Meetup').description).not.toContain('台東区内外');
    expect(entry('Taito Manufacturing Fair').description).toContain(
      'About (in Japanese): 製造業と卸売業の個別商談会です。',
    );

    // A mini-salon asked for by an English reader: the receipt and the 開催決定 the same way.
    const day = (days: number) => tokyoInDays(days, '00:00').slice(0, 10);
    const { id: requestId } = ok(
      await t.gql<{ requestMiniSalon: { id: string } }>(
        'mutation($input: RequestMiniSalonInput!) { requestMiniSalon(input: $input) { id } }',
        {
          input: {
            organizationId: orgId,
            theme: '海外展開',
            area: '東京都台東区',
            preferredFrom: day(20),
            preferredTo: day(50),
            expectedParticipants: 8,
          },
        },
        people.liam.token,
      ),
    ).requestMiniSalon;
    const receipt = await mailTo('liam', /^Your mini-salon request: received/);
    expect(receipt.text).toContain(`Address: ${addressEn}`);
    ok(
      await t.gql(
        'mutation($id: ID!, $input: AcceptMiniSalonRequestInput!) { acceptMiniSalonRequest(id: $id, input: $input) { id } }',
        {
          id: requestId,
          input: {
            startsAt: tokyoInDays(30, '15:00'),
            endsAt: tokyoInDays(30, '17:00'),
            venue: '台東区民会館 第1会議室',
            description: '海外との取引を少人数で話し合います。',
            descriptionEn: 'A small group talks about doing business abroad.',
          },
        },
        organizer,
      ),
    );
    const decided = await mailTo('liam', /^Your mini-salon request: it will be held/);
    expect(decided.text).toContain('■ About: A small group talks about doing business abroad.\n');
    expect(decided.text).toContain(`Address: ${addressEn}`);

    // A new Japanese text given without its English drops the old English one, as a new title does.
    expect(await updateEvent(eventId, { description: '新しい取引先と出会う交流会です。' })).toMatchObject({
      descriptionEn: null,
    });
    expect(await updateContact({ address: '〒110-0016 東京都台東区台東1-1-1' })).toMatchObject({
      addressEn: null,
    });
  });
});
