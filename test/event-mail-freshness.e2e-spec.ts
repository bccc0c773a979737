import { Role } from '../src/auth/actor';
import { eventMailVersionSql } from '../src/mail/event-mail-context';
import {
  addMatchmakingSession,
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
  updateEvent,
} from './support/fixtures';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * The sender keeps an event's details for a few seconds, so that a campaign's thousands of emails
 * do not each read the event. An email written after staff changed the event, or its organiser,
 * must still show the change, whichever email it is and however recently the sender read the event.
 */
describe('event details in emails written just after an edit', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: string;
  let organizer: string;
  let orgId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '200' });
    admin = await staffSession(t, Role.ADMIN, null);
    orgId = await createOrganization(t, admin, {
      name: '台東区商工会',
      nameEn: 'Taito Business Association',
      address: '〒110-0015 東京都台東区東上野2-18-10',
      addressEn: '2-18-10 Higashi-Ueno, Taito City, Tokyo 110-0015',
      contactEmail: 'salon@taito-shoko.example.jp',
    });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const mailTo = async (email: string, subject: RegExp): Promise<ReceivedMail> => {
    await sink.waitUntil(
      (all) => all.some((m) => m.to.includes(email) && subject.test(m.subject)),
      30_000,
      `${subject} to ${email}`,
    );
    return sink.to(email).find((m) => subject.test(m.subject))!;
  };
  const register = async (eventId: string, participantId: string) =>
    ok(
      await t.gql<{ register: { id: string; status: string } }>(
        registerMutation('id status'),
        { eventId },
        await t.participantToken(participantId),
      ),
    ).register;
  const cancelRegistration = async (registrationId: string, participantId: string) =>
    ok(
      await t.gql(
        'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
        { id: registrationId },
        await t.participantToken(participantId),
      ),
    );
  const updateContact = async (id: string, input: Record<string, unknown>) =>
    ok(
      await t.gql(
        'mutation($id: ID!, $input: UpdateOrganizationContactInput!) { updateOrganizationContact(id: $id, input: $input) { id } }',
        { id, input },
        admin,
      ),
    );

  it('gives the 繰り上げ and an invitation the new English title, description and organiser’s address moments after the worker read the old ones', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: '台東ビジネス交流会',
      titleEn: 'Taito Business Meetup',
      description: '台東区内外の製造業・卸売業の皆さまが、新しい取引先と出会う交流会です。',
      descriptionEn: 'A meetup of manufacturers and wholesalers.',
      capacity: 1,
    });
    const seated = await createParticipant(t, organizer, { name: 'Emma Clarke', locale: 'en' });
    const waiting = await createParticipant(t, organizer, { name: 'Liam Walsh', locale: 'en' });
    const invitee = await createParticipant(t, organizer, { name: 'Sophie Martin', locale: 'en' });

    // The worker reads the event for these two emails, and keeps it.
    const seat = await register(eventId, seated.id);
    expect(seat.status).toBe('REGISTERED');
    expect((await register(eventId, waiting.id)).status).toBe('WAITLISTED');
    const confirmation = await mailTo(seated.email, /^You are registered: Taito Business Meetup$/);
    expect(confirmation.text).toContain('Address: 2-18-10 Higashi-Ueno, Taito City, Tokyo 110-0015');
    await mailTo(waiting.email, /^Waiting list: Taito Business Meetup$/);

    // Staff rename it in English, describe it anew and move the office: none of it is news of its
    // own (no new date or place), so only the emails that follow show it.
    const description = 'Manufacturers and wholesalers from in and around Taito City meet new partners.';
    await updateEvent(t, organizer, eventId, {
      titleEn: 'Taito Business Meetup 2027',
      descriptionEn: description,
    });
    await updateContact(orgId, {
      addressEn: '1-1-1 Taito, Taito City, Tokyo 110-0016',
      contactEmail: 'meetup@taito-shoko.example.jp',
    });

    // A seat comes free: the 繰り上げ goes out at once, within the seconds the details are kept.
    await cancelRegistration(seat.id, seated.id);
    const promoted = await mailTo(waiting.email, /^Your place is confirmed: /);
    expect(promoted.subject).toBe('Your place is confirmed: Taito Business Meetup 2027');
    expect(promoted.text).toContain('Address: 1-1-1 Taito, Taito City, Tokyo 110-0016');
    expect(promoted.text).not.toContain('Higashi-Ueno');
    expect(promoted.text).toContain('meetup@taito-shoko.example.jp');
    expect(promoted.parsed?.replyTo).toMatchObject({
      value: [{ name: 'Taito Business Association', address: 'meetup@taito-shoko.example.jp' }],
    });

    ok(
      await t.gql(
        'mutation($e: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $e, participantIds: $ids) { id } }',
        { e: eventId, ids: [invitee.id] },
        organizer,
      ),
    );
    const invitation = await mailTo(invitee.email, /^Invitation: /);
    expect(invitation.subject).toMatch(/^Invitation: Taito Business Meetup 2027/);
    expect(invitation.text).toContain(`■ About: ${description}\n`);
    expect(invitation.text).not.toContain('A meetup of manufacturers and wholesalers.');
    expect(invitation.text).toContain('Address: 1-1-1 Taito, Taito City, Tokyo 110-0016');
  });

  it('gives a registration confirmation the new venue and co-host when the change told nobody', async () => {
    const coHostId = await createOrganization(t, admin, { name: '上野観光連盟' });
    const eventId = await createPublishedEvent(t, organizer, {
      title: '台東ものづくり商談会',
      venue: '台東区民会館 第1会議室',
    });
    const first = await createParticipant(t, organizer, { name: '髙橋 一郎' });
    const second = await createParticipant(t, organizer, { name: '山﨑 美咲' });

    const seat = await register(eventId, first.id);
    const confirmation = await mailTo(first.email, /^【参加登録完了】台東ものづくり商談会/);
    expect(confirmation.text).toContain('■ 会場: 台東区民会館 第1会議室\n');
    // Given back: nobody holds a seat, so a new place is nobody's news (no 会場変更 email).
    await cancelRegistration(seat.id, first.id);
    await mailTo(first.email, /^【参加キャンセル受付】/);

    await updateEvent(t, organizer, eventId, { venue: '台東区役所 10階 会議室', coHostIds: [coHostId] });
    await register(eventId, second.id);
    const next = await mailTo(second.email, /^【参加登録完了】台東ものづくり商談会/);
    expect(next.text).toContain('■ 会場: 台東区役所 10階 会議室\n');
    expect(next.text).toContain('共催: 上野観光連盟');
    expect(sink.to(first.email).map((mail) => mail.subject)).toHaveLength(2);
  });

  it('moves the version the sender checks with every edit of what the emails show', async () => {
    const coHostId = await createOrganization(t, admin, { name: '浅草商店会' });
    const eventId = await createPublishedEvent(t, organizer, { title: '浅草交流会' });
    const version = async () =>
      (
        (await t.dataSource.query(`SELECT ${eventMailVersionSql('$1::uuid')} AS version`, [eventId])) as {
          version: string | null;
        }[]
      )[0].version;
    // Each edit of what the emails show gives a version other than the one before it.
    let last = await version();
    const moves = async <T>(what: string, edit: () => Promise<T>): Promise<T> => {
      const result = await edit();
      const now = await version();
      expect({ what, moved: now !== last }).toEqual({ what, moved: true });
      last = now;
      return result;
    };

    await moves('a field of the event', () =>
      updateEvent(t, organizer, eventId, { descriptionEn: 'An evening in Asakusa.' }),
    );
    await moves('a co-host added', () => updateEvent(t, organizer, eventId, { coHostIds: [coHostId] }));
    await moves('the co-host’s English name', () => updateContact(coHostId, { nameEn: 'Asakusa Shops' }));
    await moves('the organiser’s contact', () => updateContact(orgId, { contactPhone: '03-3333-3333' }));
    const sessionId = await moves('a 商談枠 added', () =>
      addMatchmakingSession(t, organizer, {
        eventId,
        startsAt: tokyoInDays(14, '18:30'),
        slotMinutes: 20,
        slotCount: 3,
        tableCount: 2,
      }),
    );
    // Taking away the only 商談枠 leaves the event one with 商談枠 (its grid is being built again:
    // meetings agreed meanwhile wait for a slot), so the emails say what they said: the same version.
    ok(
      await t.gql(
        'mutation($id: ID!) { removeMatchmakingSession(id: $id) { id } }',
        { id: sessionId },
        organizer,
      ),
    );
    expect(await version()).toBe(last);
    await moves('the co-host taken off', () => updateEvent(t, organizer, eventId, { coHostIds: [] }));
    await moves('cancelled', async () =>
      ok(await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { id } }', { id: eventId }, organizer)),
    );
    expect(
      (await t.dataSource.query(`SELECT ${eventMailVersionSql('$1::uuid')} AS version`, [
        '00000000-0000-4000-8000-000000000000',
      ])) as unknown[],
    ).toEqual([{ version: null }]);
  });
});
