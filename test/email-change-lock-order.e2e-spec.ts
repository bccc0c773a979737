import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { Role } from '../src/auth/actor';
import { UsersService } from '../src/users/users.service';
import { createOrganization, createParticipant, PASSWORD, staffSession } from './support/fixtures';
import { createTestApp, GraphqlResponse, ok, TestApp } from './support/test-app';
import { untilWaitingForLocks } from './support/lock-waits';

const DAY_MS = 86_400_000;

/**
 * The button behind an address-change link pressed at the very moment staff change the same
 * address (a staff account's login through updateStaffUser, a participant's through
 * changeParticipantEmail, or a merge of the participant's profile): both lock the owner and the
 * link, and if one took them in the other order each would wait for the other until Postgres
 * failed one of them (a 500, or an error where staff expect an answer). Each test holds the
 * owner's row so that staff's change queues for it first and the press second, the order in which
 * a deadlock would follow, then lets them go; each must then get its ordinary answer.
 */
describe('an address-change link pressed while staff change the same address', () => {
  let t: TestApp;
  let tokens: ActionTokensService;
  let organizer: { id: string; token: string };
  let organizationId: string;

  beforeAll(async () => {
    t = await createTestApp({ WORKER_IN_PROCESS: 'false' });
    tokens = t.app.get(ActionTokensService);
    const admin = await staffSession(t, Role.ADMIN, null);
    organizationId = await createOrganization(t, admin, { name: '足立区商工会議所' });
    organizer = await account(Role.ORGANIZER, 'organizer@adachi.example.jp');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function account(role: Role.ORGANIZER | Role.STAFF, email: string) {
    const user = await t.app.get(UsersService).create({
      email,
      name: '足立 担当',
      password: PASSWORD,
      role,
      organizationId,
    });
    const { login } = ok(
      await t.gql<{ login: { token: string } }>(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password: PASSWORD },
      ),
    );
    return { id: user.id, token: login.token };
  }

  /** A pending request and its link, as the confirmation email would carry it. */
  const pendingLink = async (owner: { userId: string } | { participantId: string }, newEmail: string) => {
    const [{ id }]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO email_change_requests (user_id, participant_id, requested_by_id, new_email)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [
        'userId' in owner ? owner.userId : null,
        'participantId' in owner ? owner.participantId : null,
        'userId' in owner ? organizer.id : null,
        newEmail,
      ],
    );
    const [raw] = await tokens.mint(t.dataSource.manager, [
      { purpose: TokenPurpose.EMAIL_CHANGE, subjectId: id, expiresAt: new Date(Date.now() + DAY_MS) },
    ]);
    return raw;
  };
  const press = async (raw: string) => {
    const response = await fetch(`${t.url}/email-change`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: raw }).toString(),
    });
    return { status: response.status, html: await response.text() };
  };
  const untilWaiting = (count: number) => untilWaitingForLocks(t.dataSource, count);

  /**
   * Holds `table`'s row `id` while staff's change starts, then the press: both queue for it, in
   * that order. Answers what each got once the row is let go.
   */
  async function race<T>(table: 'users' | 'participants', id: string, change: () => Promise<T>, raw: string) {
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
      const changed = change();
      await untilWaiting(1);
      const pressed = press(raw);
      await untilWaiting(2);
      await holder.commitTransaction();
      return { changed: await changed, pressed: await pressed };
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  }

  const UPDATE = `mutation($id: ID!, $input: UpdateStaffUserInput!) {
    updateStaffUser(id: $id, input: $input) { email pendingEmail }
  }`;

  it("calls a staff member's change off, and the link says so", async () => {
    const staff = await account(Role.STAFF, 'hanabata@adachi.example.jp');
    const raw = await pendingLink({ userId: staff.id }, 'hanabata.new@adachi.example.jp');
    const { changed, pressed } = await race(
      'users',
      staff.id,
      () => t.gql(UPDATE, { id: staff.id, input: { email: 'hanabata@adachi.example.jp' } }, organizer.token),
      raw,
    );
    expect(ok(changed)).toEqual({
      updateStaffUser: { email: 'hanabata@adachi.example.jp', pendingEmail: null },
    });
    expect(pressed.status).toBe(400);
    expect(pressed.html).toContain('取り消されたため、このリンクは使えなくなりました');
  });

  it("replaces a staff member's change with a newer one, and the link says so", async () => {
    const staff = await account(Role.STAFF, 'ayase@adachi.example.jp');
    const raw = await pendingLink({ userId: staff.id }, 'ayase.old@adachi.example.jp');
    const { changed, pressed } = await race(
      'users',
      staff.id,
      () => t.gql(UPDATE, { id: staff.id, input: { email: 'ayase.new@adachi.example.jp' } }, organizer.token),
      raw,
    );
    expect(ok(changed)).toEqual({
      updateStaffUser: { email: 'ayase@adachi.example.jp', pendingEmail: 'ayase.new@adachi.example.jp' },
    });
    expect(pressed.status).toBe(400);
    // The newer change is to another address: no newer email came to this mailbox.
    expect(pressed.html).toContain(
      'このアドレスではなく別のアドレスへの変更が申し込まれたため、このリンクは使えなくなりました',
    );
  });

  it("calls a participant's change off when staff correct the address, and the link says so", async () => {
    const person = await createParticipant(t, organizer.token, { name: '千住 一郎' });
    const raw = await pendingLink({ participantId: person.id }, 'senju@adachi-kako.exmaple');
    const { changed, pressed } = await race(
      'participants',
      person.id,
      () =>
        t.gql(
          'mutation($p: ID!, $e: String!) { changeParticipantEmail(participantId: $p, email: $e) { participant { email } } }',
          { p: person.id, e: 'senju@adachi-kako.example' },
          organizer.token,
        ),
      raw,
    );
    expect(ok(changed)).toEqual({
      changeParticipantEmail: { participant: { email: 'senju@adachi-kako.example' } },
    });
    expect(pressed.status).toBe(400);
    expect(pressed.html).toContain('イベントの主催者がご登録のメールアドレスを変更したため');
  });

  it("calls a participant's change off when staff merge their two profiles, and the link says so", async () => {
    const kept = await createParticipant(t, organizer.token, { name: '綾瀬 二郎' });
    const duplicate = await createParticipant(t, organizer.token, { name: '綾瀬 二郎' });
    const raw = await pendingLink({ participantId: duplicate.id }, 'ayase.jiro@adachi-kogyo.example');
    const { changed, pressed } = await race(
      'participants',
      duplicate.id,
      () =>
        t.gql(
          'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { participant { email } } }',
          { p: kept.id, d: duplicate.id },
          organizer.token,
        ),
      raw,
    );
    expect(ok(changed as GraphqlResponse)).toEqual({
      mergeParticipants: { participant: { email: kept.email } },
    });
    expect(pressed.status).toBe(400);
    expect(pressed.html).toContain('2つのご登録を1つにまとめたため');
  });
});
