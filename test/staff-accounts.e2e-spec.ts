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
      expect(lines[0]).toBe('氏名,メールアドレス,役割,所属団体,状態,利用停止日時,登録日時,アカウントID');
      expect(lines).toHaveLength(4);
      expect(lines[2]).toMatch(
        new RegExp(
          `^髙橋 﨑子,shido@katsushika\\.example\\.jp,支援担当,葛飾区商工会議所,有効,,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,${shido.id}$`,
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

  it('applies a change of role or organisation to a session already open', async () => {
    const token = ok(await login(colleague.email)).login.token;
    expect(failure(await t.gql(DEACTIVATE, { id: shido.id }, token)).extensions?.code).toBe('FORBIDDEN');
    await t.dataSource.query(`UPDATE users SET role = 'ORGANIZER' WHERE id = $1`, [colleague.id]);
    expect(ok(await t.gql<{ me: { role: string } }>(ME, {}, token)).me.role).toBe('ORGANIZER');
    ok(await t.gql(DEACTIVATE, { id: shido.id }, token));
    ok(await t.gql(REACTIVATE, { id: shido.id }, token));
    shido.token = ok(await login(shido.email)).login.token;

    await t.dataSource.query(`UPDATE users SET role = 'STAFF', organization_id = $2 WHERE id = $1`, [
      colleague.id,
      okaya,
    ]);
    const moved = await list(token);
    expect(moved.edges.map((edge) => edge.node.id).sort()).toEqual([colleague.id, okayaOrganizer.id].sort());
    expect(failure(await t.gql(DEACTIVATE, { id: shido.id }, token)).extensions?.code).toBe('FORBIDDEN');
    await t.dataSource.query(`UPDATE users SET organization_id = $2 WHERE id = $1`, [
      colleague.id,
      katsushika,
    ]);
    expect(
      ok(await t.gql<{ me: { organization: { name: string } } }>(ME, {}, token)).me.organization.name,
    ).toBe('葛飾区商工会議所');
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

    it('leaves them out of the weekly digest, and skips work mail already written to them', async () => {
      const digests = t.app.get(FollowUpDigestsService);
      // The colleague gets theirs; the follow-ups of and for the deactivated 指導員 go to nobody.
      expect(await digests.writeDigests()).toEqual({ staff: 1, written: 1 });
      await sink.waitUntil(() => sink.to(colleague.email).length === 1);
      expect(sink.to(colleague.email)[0].text).toContain('同僚の担当分');
      expect(sink.to(colleague.email)[0].text).not.toContain('補助金申請の進捗を確認');
      expect(sink.to(shido.email)).toEqual([]);

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
      expect(text).toContain(`補助金申請の進捗を確認,髙橋 﨑子,利用停止,${followUps.assignedToShido}`);
      expect(text).toContain(`試作品の評価結果を確認,髙橋 﨑子,利用停止,${followUps.shidoOwn}`);
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
      expect(ok(await t.gql(ME, {}, admin.token))).toBeTruthy();
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
