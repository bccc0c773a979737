import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  invitationAnswerLink,
  staffSession,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

const CHANGE = `mutation($participantId: ID!, $email: String!) {
  changeParticipantEmail(participantId: $participantId, email: $email) {
    resentEmails
    participant { id email emailSuppressed profileChanges { bySelf fields { field label before after } } }
  }
}`;

interface Change {
  resentEmails: number;
  participant: {
    id: string;
    email: string;
    emailSuppressed: boolean;
    profileChanges: { bySelf: boolean; fields: Record<string, string>[] }[];
  };
}

/**
 * A 経営指導員 corrects an address after 「宛先不明」: the mail that bounced off the typo reaches
 * the person at the address they really have, and nothing else about them changes.
 */
describe('correcting a participant’s email address', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;
  let eventId: string;

  beforeAll(async () => {
    // exmaple.jp: the typo; its mail server knows nobody.
    sink = await SmtpSink.start({
      refuseRecipient: (address) => (address.endsWith('@exmaple.jp') ? 550 : undefined),
    });
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    const orgId = await createOrganization(t, admin, { name: '葛飾区商工会議所' });
    organizer = await staffSession(t, Role.ORGANIZER, orgId);
    eventId = await createPublishedEvent(t, organizer, { title: '葛飾区ものづくり商談会' });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const change = async (participantId: string, email: string) =>
    ok(await t.gql<{ changeParticipantEmail: Change }>(CHANGE, { participantId, email }, organizer))
      .changeParticipantEmail;

  const outboxOf = (participantId: string): Promise<{ template: string; status: string }[]> =>
    t.dataSource.query('SELECT template, status FROM outbox_messages WHERE participant_id = $1', [
      participantId,
    ]);

  it('sends the invitation that bounced off a typo to the corrected address, once, and it can be accepted', async () => {
    const person = await createParticipant(t, organizer, {
      name: '髙橋 美﨑',
      email: 'misaki.takahashi@exmaple.jp',
    });
    ok(
      await t.gql(
        'mutation($eventId: ID!, $ids: [ID!]!) { inviteParticipants(eventId: $eventId, participantIds: $ids) { id } }',
        { eventId, ids: [person.id] },
        organizer,
      ),
    );
    await eventually(
      async () => (await outboxOf(person.id)).some((row) => row.status === 'FAILED'),
      'the invitation to bounce',
    );

    const changed = await change(person.id, 'Misaki.Takahashi@Example.jp');
    expect(changed).toMatchObject({
      resentEmails: 1,
      participant: { email: 'misaki.takahashi@example.jp', emailSuppressed: false },
    });
    // The 変更履歴 keeps the old address, for whoever wonders where the mail went before.
    expect(changed.participant.profileChanges[0]).toEqual({
      bySelf: false,
      fields: [
        {
          field: 'email',
          label: 'メールアドレス',
          before: 'misaki.takahashi@exmaple.jp',
          after: 'misaki.takahashi@example.jp',
        },
      ],
    });

    await sink.waitUntil(() => sink.to('misaki.takahashi@example.jp').length === 1, 30_000, 'the invitation');
    const [invitation] = sink.to('misaki.takahashi@example.jp');
    expect(invitation.subject).toContain('葛飾区ものづくり商談会');
    expect(invitation.text).toContain('髙橋 美﨑 様');
    const accept = invitationAnswerLink(t, invitation, 1);
    expect((await fetch(accept.url)).status).toBe(200);
    const done = await fetch(`${t.url}/invitations/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accept.token, accept: '1' }).toString(),
    });
    expect(done.status).toBe(200);
    const [registration]: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [eventId, person.id],
    );
    expect(registration.status).toBe('REGISTERED');

    // The same address again changes nothing and sends nothing.
    const again = await change(person.id, 'misaki.takahashi@example.jp');
    expect(again.resentEmails).toBe(0);
    expect(again.participant.profileChanges).toHaveLength(1);
    await sink.waitUntil(
      () => sink.to('misaki.takahashi@example.jp').length === 2,
      30_000,
      'the confirmation',
    );
    expect(sink.to('misaki.takahashi@example.jp').map((mail) => mail.subject)).toEqual([
      expect.stringContaining('ご招待'),
      expect.stringContaining('参加登録完了'),
    ]);
    expect(sink.to('misaki.takahashi@exmaple.jp')).toHaveLength(0);
  });

  it('refuses an address another participant has, a malformed one and an unknown person, changing nothing', async () => {
    const sato = await createParticipant(t, organizer, { name: '佐藤 健一' });
    const suzuki = await createParticipant(t, organizer, { name: '鈴木 一郎' });

    const taken = failure(await t.gql(CHANGE, { participantId: sato.id, email: suzuki.email }, organizer));
    expect(taken.message).toBe(`${suzuki.email} は別の参加者のメールアドレスとして登録されています`);
    expect(taken.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PARTICIPANT_EMAIL_TAKEN',
      field: 'email',
    });
    const malformed = failure(
      await t.gql(CHANGE, { participantId: sato.id, email: 'sato@@example' }, organizer),
    );
    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const unknown = failure(
      await t.gql(
        CHANGE,
        { participantId: '00000000-0000-4000-8000-000000000000', email: 'someone@example.jp' },
        organizer,
      ),
    );
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'participantId' });

    const [stored]: { email: string }[] = await t.dataSource.query(
      'SELECT email FROM participants WHERE id = $1',
      [sato.id],
    );
    expect(stored.email).toBe(sato.email);
    const history: unknown[] = await t.dataSource.query(
      'SELECT 1 FROM participant_profile_changes WHERE participant_id = $1',
      [sato.id],
    );
    expect(history).toEqual([]);
    // Participants cannot move anyone's mail, their own included.
    const self = failure(
      await t.gql(
        CHANGE,
        { participantId: sato.id, email: 'elsewhere@example.jp' },
        await t.participantToken(sato.id),
      ),
    );
    expect(self.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ends the sign-in links mailed to the old address', async () => {
    const person = await createParticipant(t, organizer, { name: '山田 花子' });
    ok(await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', { email: person.email }));
    await sink.waitUntil(() => sink.to(person.email).length === 1, 30_000, 'the sign-in link');
    const token = /\/sign-in\?token=([\w-]+)/.exec(sink.to(person.email)[0].text)![1];

    await change(person.id, 'hanako.yamada@example.jp');
    const refused = failure(
      await t.gql('mutation($token: String!) { redeemMagicLink(token: $token) { token } }', { token }),
    );
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    // A link asked for at the new address works.
    ok(
      await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', {
        email: 'hanako.yamada@example.jp',
      }),
    );
    await sink.waitUntil(() => sink.to('hanako.yamada@example.jp').length === 1, 30_000, 'the new link');
    const fresh = /\/sign-in\?token=([\w-]+)/.exec(sink.to('hanako.yamada@example.jp')[0].text)![1];
    expect(
      ok(
        await t.gql<{ redeemMagicLink: { participant: { id: string } } }>(
          'mutation($token: String!) { redeemMagicLink(token: $token) { participant { id } } }',
          { token: fresh },
        ),
      ).redeemMagicLink.participant.id,
    ).toBe(person.id);
  });
});
