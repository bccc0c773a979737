import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { StaffActor } from '../auth/actor';
import { changeParticipantEmail, liftEmailSuppression } from '../participants/participant-store';
import { ProfileAuthor } from '../participants/profile-changes';
import { ParticipantErrors } from '../participants/participants.errors';
import { OutboxService } from '../mail/outbox.service';
import { UsersService } from '../users/users.service';
import { EmailChangeCallOffReason } from './email-change-request.entity';
import { EmailChangeErrors } from './email-change.errors';
import { endPendingEmailChanges } from './pending-email-changes';

/** Links mailed to the participant's address that let whoever holds them act as the person. */
const LINKS_TO_THE_ADDRESS = [TokenPurpose.MAGIC_LINK, TokenPurpose.EVENT_APPLICATION];

/** The notice to the address a participant left (see EmailAddressService.moveTo). */
export const EMAIL_CHANGED_NOTICE_TEMPLATE = 'email-changed-notice';

export interface AddressMove {
  outcome: 'changed' | 'unchanged' | 'taken';
  /** The emails that go again, to the new address. */
  resent: number;
}

/**
 * A participant's address changes: corrected by staff (typically after 「宛先不明」, a typo that
 * bounced), or by the person from the link that confirmed the new one. A staff account's login
 * address changes from the link too (moveLogin).
 */
@Injectable()
export class EmailAddressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ActionTokensService,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
  ) {}

  /**
   * Staff correct the address; answers how many failed emails go again. A change the person asked
   * for and has not confirmed is called off: its link would otherwise move the address again,
   * undoing the correction. The same address again (lifting a suppression) leaves it pending: the
   * address stays what it was, and the person may still want the one they asked for.
   */
  async change(actor: StaffActor, participantId: string, email: string): Promise<number> {
    const address = email.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const move = await this.moveTo(manager, participantId, address, {
        kind: 'staff',
        userId: actor.userId,
      });
      if (move.outcome === 'taken') throw ParticipantErrors.emailTaken(address);
      // After moveTo, which locked the person: a link being pressed locks them before its token.
      if (move.outcome === 'changed')
        await endPendingEmailChanges(
          manager,
          this.tokens,
          { participantId },
          { calledOff: EmailChangeCallOffReason.ADDRESS_CORRECTED },
        );
      return move.resent;
    });
  }

  /**
   * Staff know the address works (a relay that refused everyone, a mailbox that was fixed): the
   * bounce suppression lifts and what failed to reach the person goes again, as after a change of
   * address. The 変更履歴 records who lifted it. Answers how many emails go again.
   */
  async unsuppress(actor: StaffActor, participantId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [found]: unknown[] = await manager.query(
        `SELECT 1 FROM participants WHERE id = $1 AND erased_at IS NULL FOR UPDATE`,
        [participantId],
      );
      if (!found) throw ParticipantErrors.notFound(participantId, 'participantId');
      return this.lift(manager, participantId, { kind: 'staff', userId: actor.userId });
    });
  }

  private async lift(manager: EntityManager, participantId: string, author: ProfileAuthor): Promise<number> {
    await liftEmailSuppression(manager, participantId, author);
    return this.outbox.resendFailedTo(manager, participantId);
  }

  /**
   * In the caller's transaction: the address changes (its bounce suppression lifts and the
   * sessions issued until now end, see changeParticipantEmail); the sign-in and application links
   * mailed to the old address stop working; every email that failed to reach the person goes again, to the new address (their
   * composers read the event as it is then, so what no longer applies is skipped rather than
   * sent); and the old address, if it worked, is told, with who made the change, so that a change
   * the person did not make does not go unnoticed.
   */
  async moveTo(
    manager: EntityManager,
    participantId: string,
    address: string,
    author: ProfileAuthor,
  ): Promise<AddressMove> {
    const move = await changeParticipantEmail(manager, participantId, address, author);
    if (move.outcome === 'missing') throw ParticipantErrors.notFound(participantId, 'participantId');
    // The same address again: whoever says so knows it works, so it is treated as lifting its suppression.
    if (move.outcome === 'unchanged')
      return { outcome: 'unchanged', resent: await this.lift(manager, participantId, author) };
    if (move.outcome !== 'changed') return { outcome: move.outcome, resent: 0 };
    const { before } = move;
    for (const purpose of LINKS_TO_THE_ADDRESS) await this.tokens.expire(manager, purpose, [participantId]);
    if (!before.emailSuppressedAt) {
      await this.outbox.enqueue(manager, [
        {
          key: `${EMAIL_CHANGED_NOTICE_TEMPLATE}-${participantId}-${randomUUID()}`,
          template: EMAIL_CHANGED_NOTICE_TEMPLATE,
          participantId,
          toAddress: before.email,
          params: author.kind === 'staff' && author.userId ? { changedByUserId: author.userId } : {},
        },
      ]);
    }
    return { outcome: 'changed', resent: await this.outbox.resendFailedTo(manager, participantId) };
  }

  /**
   * In the caller's transaction: a staff account logs in with the address that confirmed the link
   * (sessions go on); password-reset links mailed to the old address stop working; and the old
   * address is told, with who asked for the change. Refused, for the page behind the link, when
   * another account logs in with the address or this one was switched off meanwhile.
   */
  async moveLogin(
    manager: EntityManager,
    userId: string,
    address: string,
    requestedById: string | null,
  ): Promise<void> {
    const move = await this.users.changeEmail(manager, userId, address);
    if (move.outcome === 'missing') throw ActionTokenErrors.invalid();
    if (move.outcome === 'deactivated') throw EmailChangeErrors.loginDeactivated();
    if (move.outcome === 'taken') throw EmailChangeErrors.loginTaken();
    if (move.outcome !== 'changed') return;
    await this.tokens.expire(manager, TokenPurpose.PASSWORD_RESET, [userId]);
    await this.outbox.enqueue(manager, [
      {
        key: `${EMAIL_CHANGED_NOTICE_TEMPLATE}-${userId}-${randomUUID()}`,
        template: EMAIL_CHANGED_NOTICE_TEMPLATE,
        userId,
        toAddress: move.before,
        params: requestedById ? { changedByUserId: requestedById } : {},
      },
    ]);
  }
}
