import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActionToken } from '../action-tokens/action-token.entity';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { LoginThrottle } from '../auth/login-throttle';
import { InputError } from '../common/errors/app-error';
import { ALWAYS_TRUE_ANSWER_MS, noSoonerThan } from '../common/time/no-sooner-than';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../mail/outbox.service';
import { staffPasswordProblem } from '../users/dto/staff-password';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { PASSWORD_RESET_TEMPLATE } from './password-reset.composer';
import { PasswordResetErrors } from './password-reset.errors';

/** Whose reset link it is, for the page behind it (staff have no locale: Japanese). */
export interface ResetLinkOwner {
  locale: 'ja';
  name: string;
  email: string;
}

/**
 * A staff member who forgot their password sets a new one through a link sent to their address,
 * as participants sign in (MagicLinkService): the request answers the same whoever asks, the email
 * is written to the outbox in the request's transaction, and the link works once, for
 * PASSWORD_RESET_TTL_MINUTES.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Queues a reset email if the address belongs to an active staff account that has not asked too
   * often. The caller always answers true, and no sooner than ALWAYS_TRUE_ANSWER_MS either way, so
   * neither the answer nor its time says who has an account.
   */
  request(email: string): Promise<void> {
    return noSoonerThan(ALWAYS_TRUE_ANSWER_MS, async () => {
      const address = email.trim().toLowerCase();
      if (!address.includes('@') || address.length > 320) return;
      await this.dataSource.transaction(async (manager) => {
        // Locked: two requests at once are counted one after the other.
        const user = await manager.findOne(User, {
          where: { email: address },
          lock: { mode: 'for_no_key_update' },
        });
        // A switched-off account gets nothing: whoever switched it off decides whether it comes back.
        if (!user || user.deactivatedAt) return;
        await this.outbox.enqueueAskedFor(
          manager,
          { userId: user.id },
          PASSWORD_RESET_TEMPLATE,
          this.config.PASSWORD_RESET_PER_HOUR,
        );
      });
    });
  }

  /** Whose link it is, without using it up. Throws as `reset` would for the link itself. */
  async preview(rawToken: string): Promise<ResetLinkOwner> {
    const { user } = await this.open(this.dataSource.manager, rawToken, { lock: false });
    return { locale: 'ja', name: user.name, email: user.email };
  }

  /**
   * Sets the new password and uses the link up, together or not at all: every session of the
   * account ends (UsersService.setPassword), and a login pause for the address is lifted, since
   * whoever holds the link has shown they own the address. A password against the rule leaves the
   * link as it was.
   */
  async reset(rawToken: string, newPassword: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { token, user } = await this.open(manager, rawToken, { lock: true });
      const problem = staffPasswordProblem(newPassword);
      if (problem) throw new InputError('newPassword', problem);
      await this.tokens.markUsed(manager, token);
      await this.users.setPassword(user.id, newPassword, manager);
      await this.throttle.succeeded(user.email, manager);
    });
  }

  /**
   * The live link and its account. Locked, the token and the account row make a second use of the
   * same link wait for the first and then find it used. A link sent before the password last
   * changed (by another reset link, changeMyPassword or the CLI) or before the account was switched
   * off no longer works: `sessions_valid_after` marks both.
   */
  private async open(
    manager: EntityManager,
    rawToken: string,
    { lock }: { lock: boolean },
  ): Promise<{ token: ActionToken; user: User }> {
    const token = await this.tokens.resolve(manager, TokenPurpose.PASSWORD_RESET, rawToken, { lock });
    if (token.usedAt) throw ActionTokenErrors.used();
    const user = await manager.findOne(User, {
      where: { id: token.subjectId },
      ...(lock ? { lock: { mode: 'for_no_key_update' as const } } : {}),
    });
    if (!user) throw ActionTokenErrors.invalid();
    if (user.deactivatedAt) throw PasswordResetErrors.accountDeactivated();
    if (user.sessionsValidAfter && token.createdAt < user.sessionsValidAfter)
      throw PasswordResetErrors.superseded();
    return { token, user };
  }
}
