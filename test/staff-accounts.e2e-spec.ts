import { Role } from '../src/auth/actor';
import { addDays, tokyoDateOf } from '../src/common/time/calendar-date';
import { FOLLOW_UP_DIGEST_TEMPLATE } from '../src/deals/follow-up-digest.composer';
import { FollowUpDigestsService } from '../src/deals/follow-up-digests.service';
import { OutboxService } from '../src/mail/outbox.service';
import { UsersService } from '../src/users/users.service';
import { eventually } from './support/eventually';
import { createOrganization, createParticipant, PASSWORD } from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, failure, ok, TestApp } from './support/test-app';
import { fetchCsv } from './support/csv-export';
import { runCli } from './support/cli';

interface Account {
  id: string;
  email: string;
  token: string;
}

type ListedUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  roleLabel: string;
  organization: { name: string } | null;
  createdAt: string;
  active: boolean;
  deactivatedAt: string | null;
};

const LIST = `query($org: ID, $orderBy: StaffUserOrder, $first: Int, $after: String) {
  staffUsers(organizationId: $org, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { node { id email name role roleLabel organization { name } createdAt active deactivatedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const DEACTIVATE = 'mutation($id: ID!) { deactivateStaffUser(id: $id) { id active deactivatedAt } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateStaffUser(id: $id) { id active deactivatedAt } }';
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token role } }';
const CHANGE_PASSWORD = `mutation($current: String!, $next: String!) {
  changeMyPassword(currentPassword: $current, newPassword: $next) { token role user { email } }
}`;
const ME = '{ me { role organization { name } } }';

/**
 * Staff accounts over their whole life: who sees the list, switching an account off when a
 * 経営指導員 leaves (their sessions end at once, their login is refused, their work mail stops and
 * their follow-ups can be handed on), switching it on again, a password change, and the same from
 * the server's command line.
 */
describe('staff accounts', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: Account;
  let katsushika: string;
  let okaya: string;
  /** 葛飾: the organizer, two 経営指導員 and a second organizer. */
  let organizer: Account;
  let shido: Account;
  let colleague: Account;
  /** 岡谷: its organizer, an outsider to 葛飾's accounts. */
  let okayaOrganizer: Account;

  const login = (email: string, password = PASSWORD) =>
    t.gql<{ login: { token: string } }>(LOGIN, { email, password });
  const account = async (
    role: Role.ADMIN | Role.ORGANIZER | Role.STAFF,
    organizationId: string | null,
    name: string,
    email: string,
  ): Promise<Account> => {
    const user = await t.app.get(UsersService).create({
      email,
      name,
      password: PASSWORD,
      role,
      organizationId: organizationId ?? undefined,
    });
    return { id: user.id, email, token: ok(await login(email)).login.token };
  };
  const list = async (token: string, variables: Record<string, unknown> = {}) =>
    ok(
      await t.gql<{
        staffUsers: {
          totalCount: number;
          edges: { node: ListedUser }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(LIST, variables, token),
    ).staffUsers;
  const csv = (token: string, query = '') => fetchCsv(t, `/exports/staff-users.csv${query}`, token);
  const cli = (...args: string[]) => runCli(t, ...args);
  const expectSessionEnded = async (token: string) => {
    expect(failure(await t.gql(ME, {}, token)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '200', LOGIN_MAX_FAILURES: '3' });
    admin = await account(Role.ADMIN, null, '管理 者', 'admin@tsunagu.example.jp');
    katsushika = await createOrganization(t, admin.token, { name: '葛飾区商工会議所' });
    okaya = await createOrganization(t, admin.token, {
      name: '岡谷商工会議所',
      municipality: '長野県岡谷市',
    });
    organizer = await account(Role.ORGANIZER, katsushika, '青戸 主催', 'organizer@katsushika.example.jp');
    shido = await account(Role.STAFF, katsushika, '髙橋 﨑子', 'shido@katsushika.example.jp');
    colleague = await account(Role.STAFF, katsushika, '金町 同僚', 'colleague@katsushika.example.jp');
    okayaOrganizer = await account(Role.ORGANIZER, okaya, '岡谷 主催', 'organizer@okaya.example.jp');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  describe('the list', () => {
    it("shows organizers and staff their own organisation's accounts, by name or by creation, a page at a time", async () => {
      const byName = await list(shido.token);
      expect(byName.totalCount).toBe(3);
      // 金町, 青戸, 髙橋: by name, as the database orders text.
      expect(byName.edges.map((edge) => edge.node.id)).toEqual([colleague.id, organizer.id, shido.id]);
      expect(byName.edges.find((edge) => edge.node.id === shido.id)!.node).toMatchObject({
        email: 'shido@katsushika.example.jp',
        name: '髙橋 﨑子',
        role: 'STAFF',
        roleLabel: '支援担当',
        organization: { name: '葛飾区商工会議所' },
        active: true,
        deactivatedAt: null,
      });
      expect(byName.edges[0].node.createdAt).toMatch(/\+09:00$/);

      const first = await list(organizer.token, { orderBy: 'CREATED_AT', first: 2 });
      expect(first.edges.map((edge) => edge.node.id)).toEqual([organizer.id, shido.id]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await list(organizer.token, {
        orderBy: 'CREATED_AT',
        first: 2,
        after: first.pageInfo.endCursor,
      });
      expect(second.edges.map((edge) => edge.node.id)).toEqual([colleague.id]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      // Naming their own organisation is the same as naming none.
      expect((await list(shido.token, { org: katsushika })).totalCount).toBe(3);
    });

    it("refuses another organisation's list to organizers and staff", async () => {
      for (const token of [shido.token, okayaOrganizer.token]) {
        const other = token === shido.token ? okaya : katsushika;
        expect(failure(await t.gql(LIST, { org: other }, token)).extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'USER_OTHER_ORGANIZATION',
        });
      }
      const own = await list(okayaOrganizer.token);
      expect(own.edges.map((edge) => edge.node.id)).toEqual([okayaOrganizer.id]);
    });

    it('shows an admin one organisation, or every account with the admins', async () => {
      const one = await list(admin.token, { org: okaya });
      expect(one.edges.map((edge) => edge.node.id)).toEqual([okayaOrganizer.id]);
      const all = await list(admin.token, { orderBy: 'CREATED_AT' });
      expect(all.edges.map((edge) => edge.node.id)).toEqual([
        admin.id,
        organizer.id,
        shido.id,
        colleague.id,
        okayaOrganizer.id,
      ]);
      expect(all.edges[0].node).toMatchObject({ role: 'ADMIN', roleLabel: '管理者', organization: null });
    });

    it('exports as CSV: BOM, Japanese headers, every account the list shows, the same access rule', async () => {
      const response = await csv(organizer.token, '?orderBy=CREATED_AT');
      expect(response).toMatchObject({ status: 200, bom: true, contentType: 'text/csv; charset=utf-8' });
      const { lines } = response;
      expect(lines[0]).toBe(
        '氏名,メールアドレス,変更確認中のメールアドレス,役割,所属団体,状態,利用停止日時,未完了フォローアップ,登録日時,アカウントID',
      );
      expect(lines).toHaveLength(4);
      expect(lines[2]).toMatch(
        new RegExp(
          `^髙橋 﨑子,shido@katsushika\\.example\\.jp,,支援担当,葛飾区商工会議所,有効,,0,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,${shido.id}$`,
        ),
      );
      expect((await csv(shido.token, `?organizationId=${okaya}`)).status).toBe(403);
      expect((await csv(admin.token)).lines).toHaveLength(6);
      const bad = await csv(admin.token, '?orderBy=AGE');
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text)).toMatchObject({ field: 'orderBy' });
    });
  });

  describe('deactivation', () => {
    it("ends the person's session at once and refuses their login with a clear message", async () => {
      const other = ok(await login(shido.email)).login.token;
      expect(ok(await t.gql(ME, {}, shido.token))).toBeTruthy();

      const { deactivateStaffUser } = ok(
        await t.gql<{ deactivateStaffUser: { active: boolean; deactivatedAt: string } }>(
          DEACTIVATE,
          { id: shido.id },
          organizer.token,
        ),
      );
      expect(deactivateStaffUser.active).toBe(false);
      await expectSessionEnded(shido.token);
      await expectSessionEnded(other);

      const refused = failure(await login(shido.email));
      expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AUTH_ACCOUNT_DEACTIVATED' });
      expect(refused.message).toBe('このアカウントは利用停止されています。管理者にお問い合わせください');
      // A wrong password is answered as before: a guesser learns nothing.
      expect(failure(await login(shido.email, 'wrong password!!')).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'AUTH_INVALID_CREDENTIALS',
      });

      // Again: the same answer, the same time.
      const again = ok(
        await t.gql<{ deactivateStaffUser: { deactivatedAt: string } }>(
          DEACTIVATE,
          { id: shido.id },
          organizer.token,
        ),
      );
      expect(again.deactivateStaffUser.deactivatedAt).toBe(deactivateStaffUser.deactivatedAt);
      const listed = (await list(colleague.token)).edges.find((edge) => edge.node.id === shido.id)!.node;
      expect(listed).toMatchObject({ active: false, deactivatedAt: deactivateStaffUser.deactivatedAt });
      expect((await csv(colleague.token)).text).toContain(',支援担当,葛飾区商工会議所,利用停止,2');
    });

    it('is for admins, and for organizers on the staff and organizers of their own organisation', async () => {
      const refusals: [string, string][] = [
        [okayaOrganizer.token, colleague.id], // another organisation
        [colleague.token, organizer.id], // staff manage nobody
        [organizer.token, admin.id], // an organizer cannot touch an admin
      ];
      for (const [token, id] of refusals) {
        expect(failure(await t.gql(DEACTIVATE, { id }, token)).extensions?.code).toBe('FORBIDDEN');
        expect(failure(await t.gql(REACTIVATE, { id }, token)).extensions?.code).toBe('FORBIDDEN');
      }
      const [row] = await t.dataSource.query('SELECT deactivated_at FROM users WHERE id = $1', [
        colleague.id,
      ]);
      expect(row.deactivated_at).toBeNull();
    });

    it('refuses the last active admin and oneself, naming the field', async () => {
      const last = failure(await t.gql(DEACTIVATE, { id: admin.id }, admin.token));
      expect(last.extensions).toMatchObject({ code: 'CONFLICT', reason: 'USER_LAST_ADMIN', field: 'id' });
      expect(last.message).toMatch(/有効な管理者がこのアカウントだけ/);

      const second = await account(Role.ADMIN, null, '副 管理者', 'second-admin@tsunagu.example.jp');
      const self = failure(await t.gql(DEACTIVATE, { id: admin.id }, admin.token));
      expect(self.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'USER_DEACTIVATE_SELF',
        field: 'id',
      });
      const selfOrganizer = failure(await t.gql(DEACTIVATE, { id: organizer.id }, organizer.token));
      expect(selfOrganizer.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

      // Two admins switching each other off at the same moment leave one of them.
      const answers = await Promise.all([
        t.gql(DEACTIVATE, { id: second.id }, admin.token),
        t.gql(DEACTIVATE, { id: admin.id }, second.token),
      ]);
      expect(answers.filter((answer) => !answer.errors).length).toBe(1);
      const [{ active }]: { active: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS active FROM users WHERE role = 'ADMIN' AND deactivated_at IS NULL`,
      );
      expect(active).toBe(1);
      const [{ id: survivor }]: { id: string }[] = await t.dataSource.query(
        `SELECT id FROM users WHERE role = 'ADMIN' AND deactivated_at IS NULL`,
      );
      if (survivor !== admin.id) {
        // The test goes on with the first admin: switch it back on.
        ok(await t.gql(REACTIVATE, { id: admin.id }, second.token));
        admin.token = ok(await login(admin.email)).login.token;
        ok(await t.gql(DEACTIVATE, { id: second.id }, admin.token));
      }
    });

    it('is undone by reactivation: the person signs in again, old sessions stay ended', async () => {
      const { reactivateStaffUser } = ok(
        await t.gql<{ reactivateStaffUser: { active: boolean; deactivatedAt: string | null } }>(
          REACTIVATE,
          { id: shido.id },
          organizer.token,
        ),
      );
      expect(reactivateStaffUser).toMatchObject({ active: true, deactivatedAt: null });
      await expectSessionEnded(shido.token);
      shido.token = ok(await login(shido.email)).login.token;
      expect(ok(await t.gql<{ me: { role: string } }>(ME, {}, shido.token)).me.role).toBe('STAFF');
    });
  });

  describe('changing a role', () => {
    const CHANGE_ROLE = `mutation($id: ID!, $role: Role!, $org: ID) {
      changeStaffRole(id: $id, role: $role, organizationId: $org) { id role roleLabel organization { name } }
    }`;
    type Changed = {
      changeStaffRole: { role: string; roleLabel: string; organization: { name: string } | null };
    };
    const changeRole = (token: string, id: string, role: string, org?: string) =>
      t.gql<Changed>(CHANGE_ROLE, { id, role, org }, token);
    const meOf = async (token: string) =>
      ok(await t.gql<{ me: { role: string; organization: { name: string } | null } }>(ME, {}, token)).me;

    it("applies at once to the person's open session: an organizer makes a 支援担当 主催者 and back", async () => {
      const token = ok(await login(colleague.email)).login.token;
      expect(failure(await t.gql(DEACTIVATE, { id: shido.id }, token)).extensions?.code).toBe('FORBIDDEN');
      const promoted = ok(await changeRole(organizer.token, colleague.id, 'ORGANIZER')).changeStaffRole;
      expect(promoted).toEqual({
        id: colleague.id,
        role: 'ORGANIZER',
        roleLabel: '主催者',
        organization: { name: '葛飾区商工会議所' },
      });
      expect((await meOf(token)).role).toBe('ORGANIZER');
      ok(await t.gql(DEACTIVATE, { id: shido.id }, token));
      ok(await t.gql(REACTIVATE, { id: shido.id }, token));
      shido.token = ok(await login(shido.email)).login.token;
      // The same role again changes nothing and is not an error.
      ok(await changeRole(organizer.token, colleague.id, 'ORGANIZER'));

      ok(await changeRole(organizer.token, colleague.id, 'STAFF'));
      expect((await meOf(token)).role).toBe('STAFF');
      expect(failure(await t.gql(DEACTIVATE, { id: shido.id }, token)).extensions?.code).toBe('FORBIDDEN');
      expect((await csv(organizer.token)).text).toContain(
        '金町 同僚,colleague@katsushika.example.jp,,支援担当,',
      );
    });

    it('refuses what the caller may not do, naming the field', async () => {
      const refusals: [string, string, string, string | undefined, Record<string, string>][] = [
        [
          organizer.token,
          shido.id,
          'ADMIN',
          undefined,
          { code: 'FORBIDDEN', reason: 'USER_ADMIN_ROLE_RESERVED' },
        ],
        [
          okayaOrganizer.token,
          shido.id,
          'ORGANIZER',
          undefined,
          { code: 'FORBIDDEN', reason: 'USER_NOT_MANAGED' },
        ],
        [organizer.token, admin.id, 'STAFF', katsushika, { code: 'FORBIDDEN', reason: 'USER_NOT_MANAGED' }],
        [colleague.token, shido.id, 'ORGANIZER', undefined, { code: 'FORBIDDEN' }],
        [
          organizer.token,
          organizer.id,
          'STAFF',
          undefined,
          { code: 'BAD_USER_INPUT', reason: 'USER_CHANGE_OWN_ROLE', field: 'id' },
        ],
        [
          admin.token,
          admin.id,
          'STAFF',
          katsushika,
          { code: 'BAD_USER_INPUT', reason: 'USER_CHANGE_OWN_ROLE', field: 'id' },
        ],
        [
          admin.token,
          shido.id,
          'STAFF',
          okaya,
          { code: 'BAD_USER_INPUT', reason: 'USER_ORGANIZATION_FIXED', field: 'organizationId' },
        ],
        [admin.token, shido.id, 'ADMIN', katsushika, { code: 'BAD_USER_INPUT', field: 'organizationId' }],
        [admin.token, shido.id, 'PARTICIPANT', undefined, { code: 'BAD_USER_INPUT', field: 'role' }],
      ];
      for (const [token, id, role, org, expected] of refusals) {
        expect(failure(await changeRole(token, id, role, org)).extensions).toMatchObject(expected);
      }
      expect(failure(await changeRole(organizer.token, shido.id, 'ORGANIZER', okaya)).message).toBe(
        '所属団体は変更できません。別の団体に移る方には、その団体で新しいアカウントを作成してください',
      );
      const [row] = await t.dataSource.query('SELECT role, organization_id FROM users WHERE id = $1', [
        shido.id,
      ]);
      expect(row).toEqual({ role: 'STAFF', organization_id: katsushika });
    });

    it('lets an admin make someone admin, and back into an organisation once nothing of theirs is left outside it', async () => {
      const token = ok(await login(shido.email)).login.token;
      // Their follow-ups at the chamber are handed over (here: no longer needed) first: an admin
      // belongs to no organisation.
      const theirs = ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          {
            input: {
              participantId: (await createParticipant(t, organizer.token, { name: '葛飾 製作' })).id,
              dueOn: addDays(tokyoDateOf(new Date()), 14),
              assignedToId: shido.id,
            },
          },
          organizer.token,
        ),
      ).scheduleFollowUp.id;
      const notYet = failure(await changeRole(admin.token, shido.id, 'ADMIN'));
      expect(notYet.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'USER_FOLLOW_UPS_TO_HAND_OVER',
        field: 'role',
      });
      expect(notYet.message).toContain('この方は未完了のフォローアップ 1 件の担当です。');
      ok(
        await t.gql('mutation($id: ID!) { cancelFollowUp(id: $id) { id } }', { id: theirs }, organizer.token),
      );
      const made = ok(await changeRole(admin.token, shido.id, 'ADMIN')).changeStaffRole;
      expect(made).toMatchObject({ role: 'ADMIN', roleLabel: '管理者', organization: null });
      expect(await meOf(token)).toEqual({ role: 'ADMIN', organization: null });

      // As an admin they schedule a follow-up in another organisation, for nobody in particular.
      const person = await createParticipant(t, token, { name: '岡谷 精機', company: { name: '岡谷精機' } });
      const elsewhere = ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          {
            input: {
              participantId: person.id,
              organizationId: okaya,
              dueOn: addDays(tokyoDateOf(new Date()), 7),
            },
          },
          token,
        ),
      ).scheduleFollowUp.id;

      expect(failure(await changeRole(admin.token, shido.id, 'STAFF')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'USER_ORGANIZATION_REQUIRED',
        field: 'organizationId',
      });
      const blocked = failure(await changeRole(admin.token, shido.id, 'STAFF', katsushika));
      expect(blocked.extensions).toMatchObject({ code: 'CONFLICT', reason: 'USER_FOLLOW_UPS_ELSEWHERE' });
      expect(blocked.message).toBe(
        'この管理者は他の団体の未完了のフォローアップ 1 件の担当です。先にその団体のスタッフに引き継いでください（handOverFollowUps でまとめて、reassignFollowUp で1件ずつ）',
      );
      // An admin's follow-ups are handed over per organisation: those in 岡谷's to 岡谷's organizer.
      const { handOverFollowUps } = ok(
        await t.gql<{ handOverFollowUps: number }>(
          'mutation($from: ID!, $to: ID!) { handOverFollowUps(fromUserId: $from, toUserId: $to) }',
          { from: shido.id, to: okayaOrganizer.id },
          admin.token,
        ),
      );
      expect(handOverFollowUps).toBe(1);
      const [{ assigned_to_id: assignee }] = await t.dataSource.query(
        'SELECT assigned_to_id FROM follow_ups WHERE id = $1',
        [elsewhere],
      );
      expect(assignee).toBe(okayaOrganizer.id);
      const back = ok(await changeRole(admin.token, shido.id, 'STAFF', katsushika)).changeStaffRole;
      expect(back).toMatchObject({ role: 'STAFF', organization: { name: '葛飾区商工会議所' } });
      expect(await meOf(token)).toEqual({ role: 'STAFF', organization: { name: '葛飾区商工会議所' } });
      shido.token = token;
    });
  });

  describe('correcting a name or a login address', () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateStaffUserInput!) {
      updateStaffUser(id: $id, input: $input) { id name email pendingEmail }
    }`;
    const update = (token: string, id: string, input: Record<string, unknown>) =>
      t.gql<{ updateStaffUser: { id: string; name: string; email: string; pendingEmail: string | null } }>(
        UPDATE,
        { id, input },
        token,
      );

    it("lets the organizer change a 支援担当's name at once, and their address once the new one confirms", async () => {
      const changed = ok(
        await update(organizer.token, shido.id, {
          name: ' 髙橋 﨑子（旧姓 山﨑） ',
          email: 'Takahashi@Katsushika.example.jp',
        }),
      ).updateStaffUser;
      // The login address waits for the new one's confirmation (test/staff-email-change.e2e-spec.ts).
      expect(changed).toEqual({
        id: shido.id,
        name: '髙橋 﨑子（旧姓 山﨑）',
        email: shido.email,
        pendingEmail: 'takahashi@katsushika.example.jp',
      });
      ok(await login(shido.email));

      // The current address again calls the change off.
      expect(
        ok(await update(organizer.token, shido.id, { name: '髙橋 﨑子', email: shido.email }))
          .updateStaffUser,
      ).toEqual({ id: shido.id, name: '髙橋 﨑子', email: shido.email, pendingEmail: null });
    });

    it('lets anyone correct their own name, but not their own address', async () => {
      expect(
        ok(await update(colleague.token, colleague.id, { name: '金町 同僚子' })).updateStaffUser.name,
      ).toBe('金町 同僚子');
      const own = failure(await update(colleague.token, colleague.id, { email: 'mine@example.jp' }));
      expect(own.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'USER_CHANGE_OWN_EMAIL',
        field: 'email',
      });
      ok(await update(colleague.token, colleague.id, { name: '金町 同僚' }));
    });

    it('refuses others, a malformed address and an empty name, naming the field', async () => {
      const refusals: [string, string, Record<string, unknown>, Record<string, string>][] = [
        [colleague.token, shido.id, { name: '別人' }, { code: 'FORBIDDEN', reason: 'USER_NOT_MANAGED' }],
        [okayaOrganizer.token, shido.id, { name: '別人' }, { code: 'FORBIDDEN', reason: 'USER_NOT_MANAGED' }],
        [organizer.token, admin.id, { name: '別人' }, { code: 'FORBIDDEN', reason: 'USER_NOT_MANAGED' }],
        [organizer.token, shido.id, { email: 'not an address' }, { code: 'BAD_USER_INPUT', field: 'email' }],
        [organizer.token, shido.id, { name: '　 ' }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ];
      for (const [token, id, input, expected] of refusals) {
        expect(failure(await update(token, id, input)).extensions).toMatchObject(expected);
      }
      const [row] = await t.dataSource.query('SELECT name, email FROM users WHERE id = $1', [shido.id]);
      expect(row).toEqual({ name: '髙橋 﨑子', email: shido.email });
    });
  });

  describe('changeMyPassword', () => {
    const NEW_PASSWORD = 'a new passphrase for 2027';

    it('refuses a wrong current password (counted like a failed login) and a short new one, naming the field', async () => {
      const wrong = failure(
        await t.gql(CHANGE_PASSWORD, { current: 'not my password', next: NEW_PASSWORD }, colleague.token),
      );
      expect(wrong.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'AUTH_WRONG_CURRENT_PASSWORD',
        field: 'currentPassword',
      });
      const [{ n }]: { n: number }[] = await t.dataSource.query(
        `SELECT failures AS n FROM login_failures WHERE address_hash = encode(sha256($1::bytea), 'hex')`,
        [colleague.email],
      );
      expect(n).toBe(1);
      const short = failure(
        await t.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'short' }, colleague.token),
      );
      expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
      expect(short.message).toBe('パスワードは12文字以上にしてください');
      ok(await login(colleague.email));
    });

    it('ends every other session and hands the caller a fresh one', async () => {
      const elsewhere = ok(await login(colleague.email)).login.token;
      const { changeMyPassword } = ok(
        await t.gql<{ changeMyPassword: { token: string; role: string; user: { email: string } } }>(
          CHANGE_PASSWORD,
          { current: PASSWORD, next: NEW_PASSWORD },
          colleague.token,
        ),
      );
      expect(changeMyPassword).toMatchObject({ role: 'STAFF', user: { email: colleague.email } });
      await expectSessionEnded(elsewhere);
      await expectSessionEnded(colleague.token);
      expect(ok(await t.gql<{ me: { role: string } }>(ME, {}, changeMyPassword.token)).me.role).toBe('STAFF');
      expect(failure(await login(colleague.email)).extensions?.reason).toBe('AUTH_INVALID_CREDENTIALS');
      colleague.token = ok(await login(colleague.email, NEW_PASSWORD)).login.token;
      // The fresh session survives a second change made from it.
      const again = ok(
        await t.gql<{ changeMyPassword: { token: string } }>(
          CHANGE_PASSWORD,
          { current: NEW_PASSWORD, next: PASSWORD },
          colleague.token,
        ),
      ).changeMyPassword.token;
      expect(ok(await t.gql(ME, {}, again))).toBeTruthy();
      colleague.token = again;
    });
  });

  describe("a deactivated person's work", () => {
    const today = tokyoDateOf(new Date());
    let followUps: { shidoOwn: string; assignedToShido: string; recurring: string };

    const due = async (token: string) =>
      ok(
        await t.gql<{
          followUpsDue: {
            edges: {
              node: {
                id: string;
                assignedToName: string | null;
                responsibleName: string | null;
                responsibleActive: boolean | null;
              };
            }[];
          };
        }>(
          'query($before: String!) { followUpsDue(before: $before, first: 50) { edges { node { id assignedToName responsibleName responsibleActive } } } }',
          { before: addDays(today, 30) },
          token,
        ),
      ).followUpsDue.edges.map((edge) => edge.node);
    const schedule = async (token: string, participantId: string, notes: string, assignedToId?: string) =>
      ok(
        await t.gql<{ scheduleFollowUp: { id: string } }>(
          'mutation($input: ScheduleFollowUpInput!) { scheduleFollowUp(input: $input) { id } }',
          {
            input: {
              participantId,
              dueOn: addDays(today, 3),
              notes,
              ...(assignedToId ? { assignedToId } : {}),
            },
          },
          token,
        ),
      ).scheduleFollowUp.id;
    const reassign = (token: string, id: string, assignedToId: string) =>
      t.gql<{
        reassignFollowUp: {
          assignedToId: string;
          assignedToName: string;
          responsibleName: string;
          responsibleActive: boolean;
        };
      }>(
        'mutation($id: ID!, $to: ID!) { reassignFollowUp(id: $id, assignedToId: $to) { assignedToId assignedToName responsibleName responsibleActive } }',
        { id, to: assignedToId },
        token,
      );

    beforeAll(async () => {
      const person = await createParticipant(t, shido.token, {
        name: '﨑山 誠',
        company: { name: '﨑山製作所' },
      });
      followUps = {
        shidoOwn: await schedule(shido.token, person.id, '試作品の評価結果を確認'),
        assignedToShido: await schedule(organizer.token, person.id, '補助金申請の進捗を確認', shido.id),
        recurring: await schedule(organizer.token, person.id, '4か月ごとの定期確認', shido.id),
      };
      await schedule(colleague.token, person.id, '同僚の担当分');
      ok(await t.gql(DEACTIVATE, { id: shido.id }, organizer.token));
    });

    it('leaves them out of the weekly digest, tells the organizer theirs wait, and skips work mail already written to them', async () => {
      const digests = t.app.get(FollowUpDigestsService);
      // One more of theirs, due next month: in the number waiting, not in this week's list. Gone
      // again after this test, whose neighbours count the three.
      const [{ id: nextMonth }]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO follow_ups (organization_id, participant_id, due_on, notes, assigned_to_id, created_by_id)
         SELECT organization_id, participant_id, due_on + 30, '来月の定期確認', assigned_to_id, created_by_id
           FROM follow_ups WHERE id = $1 RETURNING id`,
        [followUps.shidoOwn],
      );
      // The colleague gets theirs; the follow-ups of and for the deactivated 指導員 go to the
      // organisation's 主催者, marked as waiting to be handed over.
      expect(await digests.writeDigests()).toEqual({ staff: 2, written: 2 });
      await sink.waitUntil(
        () => sink.to(colleague.email).length === 1 && sink.to(organizer.email).length === 1,
      );
      expect(sink.to(colleague.email)[0].text).toContain('同僚の担当分');
      expect(sink.to(colleague.email)[0].text).not.toContain('補助金申請の進捗を確認');
      expect(sink.to(shido.email)).toEqual([]);
      const [toOrganizer] = sink.to(organizer.email);
      expect(toOrganizer.subject).toBe('【フォローアップ】今週の予定 3件（引き継ぎ待ち 3件）');
      expect(toOrganizer.text).toContain(
        '担当者のアカウントが利用停止中のフォローアップが全部で 4件あり、引き継ぎを待っています（',
      );
      expect(toOrganizer.text).toContain('までに期日を迎える 3件を下に記載しています）。');
      // What to do, in the words of the work, not the API's.
      expect(toOrganizer.text).toContain('同じ団体のスタッフに引き継いで担当を決めてください。');
      expect(toOrganizer.text).not.toMatch(/handOverFollowUps|reassignFollowUp/);
      expect(toOrganizer.text).not.toContain('来月の定期確認');
      await t.dataSource.query('DELETE FROM follow_ups WHERE id = $1', [nextMonth]);
      for (const notes of ['試作品の評価結果を確認', '補助金申請の進捗を確認', '4か月ごとの定期確認']) {
        expect(toOrganizer.text).toMatch(
          new RegExp(
            `■ \\d{4}年\\d+月\\d+日\\(.\\)（引き継ぎ待ち・元担当 髙橋 﨑子）: 﨑山 誠（﨑山製作所） — ${notes}`,
          ),
        );
      }
      expect(toOrganizer.text).not.toContain('同僚の担当分');

      // Mail written before the account was switched off is not sent when its turn comes.
      await t.dataSource.transaction((manager) =>
        t.app.get(OutboxService).enqueue(manager, [
          {
            key: `follow-ups-due-${shido.id}-written-earlier`,
            template: FOLLOW_UP_DIGEST_TEMPLATE,
            userId: shido.id,
            params: { until: addDays(today, 7) },
          },
        ]),
      );
      await eventually(async () => {
        const [row]: { status: string; skip_reason: string }[] = await t.dataSource.query(
          `SELECT status, skip_reason FROM outbox_messages WHERE key = $1`,
          [`follow-ups-due-${shido.id}-written-earlier`],
        );
        return row?.status === 'SKIPPED' && row.skip_reason === 'RECIPIENT_DEACTIVATED';
      }, 'the earlier digest skipped');
      expect(sink.to(shido.email)).toEqual([]);
    });

    it('shows their follow-ups to colleagues with the assignee marked, in followUpsDue and the CSV', async () => {
      const seen = await due(colleague.token);
      expect(seen.map((followUp) => followUp.id)).toEqual(
        expect.arrayContaining([followUps.shidoOwn, followUps.assignedToShido]),
      );
      expect(seen.find((followUp) => followUp.id === followUps.assignedToShido)).toMatchObject({
        assignedToName: '髙橋 﨑子',
        responsibleName: '髙橋 﨑子',
        responsibleActive: false,
      });
      // Scheduled by them with nobody assigned: theirs all the same (their weekly email had it).
      expect(seen.find((followUp) => followUp.id === followUps.shidoOwn)).toMatchObject({
        assignedToName: null,
        responsibleName: '髙橋 﨑子',
        responsibleActive: false,
      });
      const text = await (
        await fetch(`${t.url}/exports/follow-ups.csv?before=${addDays(today, 30)}`, {
          headers: { authorization: `Bearer ${colleague.token}` },
        })
      ).text();
      expect(text.split('\r\n')[0]).toContain(',担当,担当の状態,');
      const row = (id: string) => text.split('\r\n').find((line) => line.endsWith(`,${id}`));
      expect(row(followUps.assignedToShido)).toContain('補助金申請の進捗を確認,髙橋 﨑子,利用停止,');
      expect(row(followUps.shidoOwn)).toContain('試作品の評価結果を確認,髙橋 﨑子,利用停止,');
    });

    it('lets a colleague take a follow-up over, never giving one to a deactivated account', async () => {
      const taken = ok(
        await reassign(colleague.token, followUps.assignedToShido, colleague.id),
      ).reassignFollowUp;
      expect(taken).toMatchObject({
        assignedToId: colleague.id,
        assignedToName: '金町 同僚',
        responsibleName: '金町 同僚',
        responsibleActive: true,
      });
      const back = failure(await reassign(colleague.token, followUps.assignedToShido, shido.id));
      expect(back.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DEAL_ASSIGNEE_DEACTIVATED',
        field: 'assignedToId',
      });
      expect(
        failure(await reassign(colleague.token, followUps.shidoOwn, okayaOrganizer.id)).extensions,
      ).toMatchObject({
        field: 'assignedToId',
      });
      expect(
        failure(await reassign(okayaOrganizer.token, followUps.shidoOwn, okayaOrganizer.id)).extensions?.code,
      ).toBe('FORBIDDEN');
      ok(await reassign(organizer.token, followUps.shidoOwn, colleague.id));
      // Completed by a colleague, the next check is theirs, not the deactivated assignee's.
      const { next } = ok(
        await t.gql<{
          completeFollowUp: { next: { assignedToId: string | null; responsibleName: string } };
        }>(
          'mutation($id: ID!, $next: String) { completeFollowUp(id: $id, result: "継続", nextDueOn: $next) { next { assignedToId responsibleName } } }',
          { id: followUps.recurring, next: addDays(today, 120) },
          colleague.token,
        ),
      ).completeFollowUp;
      expect(next).toEqual({ assignedToId: null, responsibleName: '金町 同僚' });
      const seen = await due(colleague.token);
      expect(seen.every((followUp) => followUp.responsibleActive !== false)).toBe(true);
    });

    it('hands every open follow-up of a person over at once, and the list shows how many each has', async () => {
      const HAND_OVER =
        'mutation($from: ID!, $to: ID!) { handOverFollowUps(fromUserId: $from, toUserId: $to) }';
      const handOver = (token: string, from: string, to: string) =>
        t.gql<{ handOverFollowUps: number }>(HAND_OVER, { from, to }, token);
      const openCounts = async () => {
        const { staffUsers } = ok(
          await t.gql<{ staffUsers: { edges: { node: { id: string; openFollowUps: number } }[] } }>(
            '{ staffUsers { edges { node { id openFollowUps } } } }',
            {},
            organizer.token,
          ),
        );
        return Object.fromEntries(staffUsers.edges.map(({ node }) => [node.id, node.openFollowUps]));
      };

      // Back for a while: two follow-ups assigned to them, one of their own, one already done.
      ok(await t.gql(REACTIVATE, { id: shido.id }, organizer.token));
      shido.token = ok(await login(shido.email)).login.token;
      const person = await createParticipant(t, organizer.token, {
        name: '髙島 﨑夫',
        company: { name: '髙島金型' },
      });
      await schedule(organizer.token, person.id, '展示会後の商談状況を確認', shido.id);
      await schedule(colleague.token, person.id, '見積書の送付を確認', shido.id);
      await schedule(shido.token, person.id, '試作の納期を確認');
      const done = await schedule(shido.token, person.id, '完了済みの確認');
      ok(
        await t.gql(
          'mutation($id: ID!) { completeFollowUp(id: $id, result: "済") { completed { id } } }',
          { id: done },
          shido.token,
        ),
      );
      ok(await t.gql(DEACTIVATE, { id: shido.id }, organizer.token));
      const before = await openCounts();
      expect(before[shido.id]).toBe(3);
      expect(before[organizer.id]).toBe(0);
      expect((await csv(organizer.token)).lines.find((line) => line.startsWith('髙橋 﨑子,'))).toMatch(
        /,利用停止,\d{4}-\d\d-\d\d \d\d:\d\d,3,/,
      );

      const refusals: [string, string, string, Record<string, string>][] = [
        [colleague.token, colleague.id, shido.id, { reason: 'DEAL_ASSIGNEE_DEACTIVATED', field: 'toUserId' }],
        [
          colleague.token,
          shido.id,
          okayaOrganizer.id,
          { reason: 'DEAL_ASSIGNEE_NOT_IN_ORGANIZATION', field: 'toUserId' },
        ],
        [colleague.token, shido.id, shido.id, { reason: 'DEAL_HAND_OVER_TO_SELF', field: 'toUserId' }],
        [okayaOrganizer.token, shido.id, okayaOrganizer.id, { code: 'FORBIDDEN' }],
      ];
      for (const [token, from, to, expected] of refusals) {
        expect(failure(await handOver(token, from, to)).extensions).toMatchObject(expected);
      }
      expect((await openCounts())[shido.id]).toBe(3);

      expect(ok(await handOver(colleague.token, shido.id, organizer.id)).handOverFollowUps).toBe(3);
      const after = await openCounts();
      expect(after).toMatchObject({ [shido.id]: 0, [organizer.id]: 3 });
      const seen = await due(organizer.token);
      expect(seen.filter((followUp) => followUp.responsibleName === '青戸 主催')).toHaveLength(3);
      expect(seen.every((followUp) => followUp.responsibleActive !== false)).toBe(true);
      const [{ assigned_to_id: completedTo }] = await t.dataSource.query(
        'SELECT assigned_to_id FROM follow_ups WHERE id = $1',
        [done],
      );
      expect(completedTo).toBeNull();
      // Nothing left: not an error.
      expect(ok(await handOver(colleague.token, shido.id, organizer.id)).handOverFollowUps).toBe(0);
    });
  });

  describe('command line', () => {
    it('deactivates and reactivates an account by email', async () => {
      const token = ok(await login(organizer.email)).login.token;
      const off = await cli('deactivate-staff-user', '--email', 'Organizer@Katsushika.example.jp');
      expect(off).toMatchObject({ code: 0, stderr: '' });
      expect(off.stdout).toMatch(
        /^Account deactivated: organizer@katsushika\.example\.jp \(since \d{4}-\d\d-\d\d \d\d:\d\d\); its sessions have ended$/m,
      );
      await expectSessionEnded(token);
      expect(failure(await login(organizer.email)).extensions?.reason).toBe('AUTH_ACCOUNT_DEACTIVATED');

      const on = await cli('reactivate-staff-user', '--email', organizer.email);
      expect(on).toMatchObject({ code: 0, stderr: '' });
      expect(on.stdout).toContain('Account reactivated: organizer@katsushika.example.jp');
      organizer.token = ok(await login(organizer.email)).login.token;

      expect(await cli('deactivate-staff-user', '--email', 'nobody@katsushika.example.jp')).toMatchObject({
        code: 1,
        stderr: 'nobody@katsushika.example.jp のアカウントはありません\n',
      });
    });

    it('refuses to switch off the last active admin', async () => {
      const refused = await cli('deactivate-staff-user', '--email', admin.email);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^有効な管理者がこのアカウントだけのため、利用停止できません/);
      const demoted = await cli(
        'set-staff-role',
        '--email',
        admin.email,
        '--role',
        'STAFF',
        '--organization',
        okaya,
      );
      expect(demoted.code).toBe(1);
      expect(demoted.stderr).toMatch(/^有効な管理者がこのアカウントだけのため、役割を変更できません/);
      expect(ok(await t.gql<{ me: { role: string } }>(ME, {}, admin.token)).me.role).toBe('ADMIN');
    });

    it("sets an account's role, with the same rules as changeStaffRole", async () => {
      const made = await cli('set-staff-role', '--email', colleague.email, '--role', 'ORGANIZER');
      expect(made).toMatchObject({ code: 0, stderr: '' });
      expect(made.stdout).toBe(
        'Role set: colleague@katsushika.example.jp is ORGANIZER (主催者) of 葛飾区商工会議所; their open sessions have the new role at once\n',
      );
      expect(ok(await t.gql<{ me: { role: string } }>(ME, {}, colleague.token)).me.role).toBe('ORGANIZER');
      expect(await cli('set-staff-role', '--email', colleague.email, '--role', 'BOSS')).toMatchObject({
        code: 65,
        stderr: 'role: 役割は ADMIN・ORGANIZER・STAFF のいずれかです\n',
      });
      expect(
        (await cli('set-staff-role', '--email', colleague.email, '--role', 'STAFF', '--organization', okaya))
          .stderr,
      ).toMatch(/^所属団体は変更できません/);
      expect((await cli('set-staff-role', '--email', colleague.email, '--role', 'STAFF')).code).toBe(0);
    });

    it('sets a password, generated and shown once unless given, ending sessions and lifting a login pause', async () => {
      const before = admin.token;
      for (let i = 0; i < t.config.LOGIN_MAX_FAILURES; i += 1) await login(admin.email, 'forgotten password');
      expect(failure(await login(admin.email)).extensions?.reason).toBe('AUTH_TOO_MANY_FAILURES');

      const generated = await cli('set-staff-password', '--email', admin.email);
      expect(generated).toMatchObject({ code: 0, stderr: '' });
      expect(generated.stdout).toContain('Password set: admin@tsunagu.example.jp; its sessions have ended');
      const password = /^Password \(shown once\): (\S+)$/m.exec(generated.stdout)![1];
      await expectSessionEnded(before);
      admin.token = ok(await login(admin.email, password)).login.token;

      const given = await cli(
        'set-staff-password',
        '--email',
        admin.email,
        '--password',
        'chosen by the admin 2027',
      );
      expect(given.code).toBe(0);
      expect(given.stdout).not.toContain('shown once');
      admin.token = ok(await login(admin.email, 'chosen by the admin 2027')).login.token;

      expect(await cli('set-staff-password', '--email', admin.email, '--password', 'short')).toMatchObject({
        code: 65,
        stderr: 'password: パスワードは12文字以上にしてください\n',
      });
      expect((await cli('set-staff-password')).code).toBe(64);
    });
  });
});
