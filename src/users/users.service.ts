import { Injectable } from '@nestjs/common';
import { NEXT_SESSIONS_VALID_AFTER } from '../auth/sessions-valid-after';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Role, StaffActor, StaffRole } from '../auth/actor';
import { MicroBatch } from '../common/batching/micro-batch';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { hashPassword, verifyPassword } from '../auth/password';
import { ConnectionShape } from '../common/pagination/connection';
import { keysetPage, MAX_PAGE_SIZE, PageArgs } from '../common/pagination/keyset-page';
import { isUuid } from '../common/validation/uuid';
import { responsibleUserSql } from '../deals/follow-up-responsible';
import { EMAIL_CHANGE_LINK_HOURS } from '../email-change/email-change-request.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateStaffUserInput } from './dto/create-staff-user.input';
import { UpdateStaffUserInput } from './dto/update-staff-user.input';
import { listableOrganization, managesAccount, StaffUserOrder } from './staff-accounts';
import { User } from './user.entity';
import { UserErrors } from './users.errors';

/** What became of a confirmed login address (UsersService.changeEmail). */
export type LoginAddressMove =
  { outcome: 'changed'; before: string } | { outcome: 'unchanged' | 'taken' | 'deactivated' | 'missing' };

/** What a staff session is checked against on each request. */
export type StaffSessionState = Pick<
  User,
  'id' | 'role' | 'organizationId' | 'deactivatedAt' | 'sessionsValidAfter'
>;

/**
 * Serialises deactivations and role changes, so that two admins switching each other off (or
 * making each other staff) cannot leave none.
 */
const ADMIN_SET_LOCK = 0x7473_7566; // "tsuf"

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Pending login addresses per account, one query for every account of a list (see pendingEmail). */
  private readonly pendingEmails = new MicroBatch(
    async (ids: string[]) => {
      const rows: { user_id: string; new_email: string }[] = await this.dataSource.query(
        `SELECT DISTINCT ON (user_id) user_id, new_email FROM email_change_requests
          WHERE user_id = ANY($1::uuid[]) AND confirmed_at IS NULL
            AND replaced_at IS NULL AND called_off_at IS NULL
            AND created_at > now() - $2 * interval '1 hour'
          ORDER BY user_id, created_at DESC`,
        [ids, EMAIL_CHANGE_LINK_HOURS],
      );
      const pending = new Map(rows.map((row) => [row.user_id, row.new_email]));
      return ids.map((id) => pending.get(id) ?? null);
    },
    { maxSize: MAX_PAGE_SIZE, maxRunning: 2 },
  );

  /** Open follow-ups per account, one query for every account of a list (see openFollowUps). */
  private readonly openFollowUpCounts = new MicroBatch(
    async (ids: string[]) => {
      const rows: { user_id: string; open: number }[] = await this.dataSource.query(
        `SELECT ${responsibleUserSql('f')} AS user_id, count(*)::int AS open FROM follow_ups f
          WHERE f.done_at IS NULL AND ${responsibleUserSql('f')} = ANY($1::uuid[])
          GROUP BY 1`,
        [ids],
      );
      const open = new Map(rows.map((row) => [row.user_id, row.open]));
      return ids.map((id) => open.get(id) ?? 0);
    },
    { maxSize: MAX_PAGE_SIZE, maxRunning: 2 },
  );

  async create(input: CreateStaffUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (input.role !== Role.ADMIN && !input.organizationId) throw UserErrors.organizationRequired();
    const organizationId = input.role === Role.ADMIN ? null : (input.organizationId ?? null);
    if (organizationId) await this.organizations.get(organizationId, 'organizationId');
    if (await this.users.existsBy({ email })) throw UserErrors.emailTaken(email);
    const user = this.users.create({
      email,
      name: input.name.trim(),
      role: input.role,
      organizationId,
      passwordHash: await hashPassword(input.password),
    });
    const saved = await this.users.save(user).catch(refuseTakenEmail(email));
    return this.get(saved.id);
  }

  /** The account with its organisation (read in `manager`'s transaction when given). */
  async get(id: string, manager: EntityManager = this.users.manager): Promise<User> {
    const user = isUuid(id)
      ? await manager.findOne(User, { where: { id }, relations: { organization: true } })
      : null;
    if (!user) throw UserErrors.notFound();
    return user;
  }

  async getByEmail(email: string): Promise<User> {
    const address = email.trim().toLowerCase();
    const user = await this.users.findOne({ where: { email: address }, relations: { organization: true } });
    if (!user) throw UserErrors.notFoundByEmail(address);
    return user;
  }

  /** What a session token is checked against: one primary-key look-up, null if the account is gone. */
  sessionState(id: string): Promise<StaffSessionState | null> {
    return this.users.findOne({
      where: { id },
      select: { id: true, role: true, organizationId: true, deactivatedAt: true, sessionsValidAfter: true },
    });
  }

  /**
   * The user if the password matches; undefined otherwise (the caller must not say which part was
   * wrong). A deactivated account is answered like any other: only the caller, once the password
   * is known to be right, may say that it is switched off.
   */
  async authenticate(email: string, password: string): Promise<User | undefined> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.organization', 'organization')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    if (!user) {
      // Hash anyway so a missing account takes as long as a wrong password.
      await hashPassword(password);
      return undefined;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
  }

  async passwordMatches(id: string, password: string): Promise<boolean> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .getOne();
    return user ? verifyPassword(user.passwordHash, password) : false;
  }

  /**
   * A new password; every session issued before ends (the caller hands out a fresh one if wanted).
   * In `manager`'s transaction when given: a reset link is used up with it, or not at all.
   */
  async setPassword(
    id: string,
    password: string,
    manager: EntityManager = this.users.manager,
  ): Promise<User> {
    const passwordHash = await hashPassword(password);
    await manager.query(
      `UPDATE users SET password_hash = $2, sessions_valid_after = ${NEXT_SESSIONS_VALID_AFTER} WHERE id = $1`,
      [id, passwordHash],
    );
    return this.get(id, manager);
  }

  /**
   * Staff accounts, ordered by name or by creation: an admin sees any organisation's (all when
   * `organizationId` is null), organizers and staff their own organisation's only.
   */
  async list<N>(
    actor: StaffActor,
    organizationId: string | null,
    order: StaffUserOrder,
    page: PageArgs,
    toNode: (user: User) => N,
  ): Promise<ConnectionShape<N>> {
    const scope = listableOrganization(actor, organizationId);
    if (scope === undefined) throw UserErrors.otherOrganization();
    if (scope !== null && actor.role === Role.ADMIN) await this.organizations.get(scope, 'organizationId');
    const query = this.users
      .createQueryBuilder('account')
      .leftJoinAndSelect('account.organization', 'organization');
    if (scope !== null) query.where('account.organizationId = :scope', { scope });
    const sortColumn = order === StaffUserOrder.CREATED_AT ? 'account.createdAt' : 'account.name';
    return keysetPage(query, sortColumn, page, toNode);
  }

  /**
   * 利用停止: the account can no longer log in, and its sessions end at once. Refused for oneself
   * and for the last active admin. Deactivating an account already switched off answers it as it
   * is. `actor` is null for the server's command line, which acts as an admin.
   */
  async deactivate(actor: StaffActor | null, id: string): Promise<User> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_SET_LOCK]);
      const user = await this.lockManaged(manager, actor, id);
      if (user.deactivatedAt) return;
      // The last admin first: for a sole admin switching themself off it is the reason that matters.
      if (user.role === Role.ADMIN) await this.requireAnotherAdmin(manager, user.id, '利用停止');
      if (actor?.userId === user.id) throw UserErrors.deactivateSelf();
      await manager.query(
        `UPDATE users SET deactivated_at = now(), sessions_valid_after = ${NEXT_SESSIONS_VALID_AFTER}
          WHERE id = $1`,
        [user.id],
      );
    });
    return this.get(id);
  }

  /** Switched on again: the person logs in anew (sessions from before the deactivation stay ended). */
  async reactivate(actor: StaffActor | null, id: string): Promise<User> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockManaged(manager, actor, id);
      if (user.deactivatedAt) await manager.update(User, user.id, { deactivatedAt: null });
    });
    return this.get(id);
  }

  /**
   * A corrected name, in `manager`'s transaction; answers the account, locked for the rest of it.
   * The caller goes on with a new login address, which changes only once the new address confirms
   * (EmailChangeService.updateStaffUser). Whoever manages the account may change both; anyone may
   * change their own name, but not their own address: with only a session (perhaps left open on a
   * shared PC) that would hand the account, password reset included, to another mailbox.
   */
  async update(
    manager: EntityManager,
    actor: StaffActor,
    id: string,
    input: UpdateStaffUserInput,
  ): Promise<User> {
    const self = actor.userId === id;
    const user = await this.lockManaged(manager, self ? null : actor, id);
    const email = input.email?.trim().toLowerCase();
    if (self && email !== undefined && email !== user.email) throw UserErrors.changeOwnEmail();
    if (typeof input.name === 'string' && input.name !== user.name) {
      await manager.update(User, user.id, { name: input.name });
      user.name = input.name;
    }
    return user;
  }

  /**
   * The login address changes, in `manager`'s transaction: its new address has confirmed (see
   * EmailChangeService.confirm). Sessions go on; the next login uses the new address. Answers the
   * address the account had, or why it cannot change: another account logs in with it, or this
   * one is switched off.
   */
  async changeEmail(manager: EntityManager, id: string, email: string): Promise<LoginAddressMove> {
    const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) return { outcome: 'missing' };
    if (user.deactivatedAt) return { outcome: 'deactivated' };
    if (user.email === email) return { outcome: 'unchanged' };
    if (await manager.existsBy(User, { email })) return { outcome: 'taken' };
    await manager.update(User, user.id, { email }).catch(refuseTakenEmail(email));
    return { outcome: 'changed', before: user.email };
  }

  /**
   * The account's row, locked as `update` and `changeEmail` lock it, for a caller that must take it
   * before something else (EmailChangeService.confirm, before the link: updateStaffUser locks the
   * account, then the links of its pending change).
   */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [id]);
  }

  /**
   * The new login address waiting for its confirmation (EMAIL_CHANGE_LINK_HOURS), or null; batched
   * across callers, one query for every account of a list.
   */
  pendingEmail(id: string): Promise<string | null> {
    return this.pendingEmails.add(id);
  }

  /**
   * A new role. An admin may give any role to any account; an organizer may make their own
   * organisation's staff 主催者 or 支援担当, never 管理者. Refused for oneself, and for the last
   * active admin. An admin belongs to no organisation: one who becomes an organizer or staff member
   * needs `organizationId`, and an account that becomes an admin leaves its organisation. Other
   * accounts keep theirs (someone moving to another organisation gets an account there). The new
   * role applies to the account's open sessions at once (TokenService reads it on each request).
   * `actor` is null for the server's command line, which acts as an admin.
   */
  async changeRole(
    actor: StaffActor | null,
    id: string,
    role: StaffRole,
    organizationId: string | null,
  ): Promise<User> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_SET_LOCK]);
      const user = await this.lockManaged(manager, actor, id);
      if (actor?.userId === user.id) throw UserErrors.changeOwnRole();
      if (actor && actor.role !== Role.ADMIN && role === Role.ADMIN) throw UserErrors.adminRoleReserved();
      const organization = await this.organizationInRole(manager, user, role, organizationId);
      if (role === user.role && organization === user.organizationId) return;
      if (user.role === Role.ADMIN && role !== Role.ADMIN) {
        await this.requireAnotherAdmin(manager, user.id, '役割を変更');
        // An admin may have scheduled follow-ups anywhere; as staff they would no longer see them.
        const [{ elsewhere }]: { elsewhere: number }[] = await manager.query(
          `SELECT count(*)::int AS elsewhere FROM follow_ups f
            WHERE f.done_at IS NULL AND ${responsibleUserSql('f')} = $1 AND f.organization_id <> $2`,
          [user.id, organization],
        );
        if (elsewhere > 0) throw UserErrors.followUpsElsewhere(elsewhere);
      }
      if (role === Role.ADMIN && user.role !== Role.ADMIN) {
        // An admin belongs to no organisation: its follow-ups would leave with them, out of its
        // staff list and its hand-overs.
        const [{ open }]: { open: number }[] = await manager.query(
          `SELECT count(*)::int AS open FROM follow_ups f WHERE f.done_at IS NULL AND ${responsibleUserSql('f')} = $1`,
          [user.id],
        );
        if (open > 0) throw UserErrors.followUpsToHandOver(open);
      }
      await manager.update(User, user.id, { role, organizationId: organization });
    });
    return this.get(id);
  }

  /** How many open follow-ups the account is responsible for (see responsibleFor), batched across callers. */
  openFollowUps(id: string): Promise<number> {
    return this.openFollowUpCounts.add(id);
  }

  /** The organisation `user` has once in `role` (see changeRole). */
  private async organizationInRole(
    manager: EntityManager,
    user: User,
    role: StaffRole,
    requested: string | null,
  ): Promise<string | null> {
    if (role === Role.ADMIN) {
      if (requested) throw UserErrors.adminHasNoOrganization();
      return null;
    }
    if (user.role === Role.ADMIN) {
      if (!requested) throw UserErrors.organizationRequired();
      await this.organizations.get(requested, 'organizationId', manager);
      return requested;
    }
    if (requested && requested !== user.organizationId) throw UserErrors.organizationFixed();
    return user.organizationId;
  }

  private async requireAnotherAdmin(
    manager: EntityManager,
    userId: string,
    action: Parameters<typeof UserErrors.lastAdmin>[0],
  ): Promise<void> {
    const [{ others }]: { others: number }[] = await manager.query(
      `SELECT count(*)::int AS others FROM users
        WHERE role = 'ADMIN' AND deactivated_at IS NULL AND id <> $1`,
      [userId],
    );
    if (others === 0) throw UserErrors.lastAdmin(action);
  }

  private async lockManaged(manager: EntityManager, actor: StaffActor | null, id: string): Promise<User> {
    const user = isUuid(id)
      ? await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!user) throw UserErrors.notFound();
    if (actor && !managesAccount(actor, user)) throw UserErrors.notManaged();
    return user;
  }
}

/** The unique index on users (email), created in the Foundation migration. */
const USERS_EMAIL_INDEX = 'IDX_97672ac88f789774dd47f7c8be';

/** An address taken between the check and the write (two changes at once): refused as one taken before. */
function refuseTakenEmail(email: string | undefined) {
  return (error: unknown): never => {
    if (email !== undefined && isUniqueViolation(error, USERS_EMAIL_INDEX))
      throw UserErrors.emailTaken(email);
    throw error;
  };
}
