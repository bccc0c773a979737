import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { StaffActor, StaffRole } from '../auth/actor';
import { AppError } from '../common/errors/app-error';
import { forgetAddressesInMailLog, placeholderAddress } from '../mail/forgotten-addresses';
import { MailTransport } from '../mail/mail-transport';
import { OutboxService } from '../mail/outbox.service';
import { MailLocale } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { ParticipantErrors } from '../participants/participants.errors';
import { lockProfile } from '../participants/participant-store';
import { UpdateStaffUserInput } from '../users/dto/update-staff-user.input';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { EmailAddressService } from './email-address.service';
import {
  EMAIL_CHANGE_LINK_HOURS,
  EmailChangeCallOffReason,
  EmailChangeRequest,
} from './email-change-request.entity';
import { EMAIL_CHANGE_CONFIRMATION_TEMPLATE } from './email-change.composers';
import { EmailChangeErrors } from './email-change.errors';
import { EmailChangeOwner, endPendingEmailChanges } from './pending-email-changes';

/**
 * The outbox rows of request `c`'s 【メールアドレス変更のご確認】 (`m`; the template is $1), found
 * through the owner's index: its params name the request.
 */
const CONFIRMATION_OF_REQUEST = `m.template = $1 AND m.params ->> 'requestId' = c.id::text
  AND (m.participant_id = c.participant_id OR m.user_id = c.user_id)`;

/** 【メールアドレス変更のご確認】 a participant, or a staff account, may be sent in an hour. */
export const EMAIL_CHANGE_PER_HOUR = 3;

/** Whose link it is, for the page behind it. */
export interface EmailChangeLink {
  locale: MailLocale;
  name: string;
  newEmail: string;
  /** The link was used already (the button pressed twice, the link opened again). */
  done: boolean;
  /** A staff account's login address rather than a participant's address. */
  staffAccount: boolean;
}

/**
 * Whose link it is, and whether its request was replaced by a later one or called off: for the
 * words of the page behind it whatever the link's state, never to act on.
 */
export interface EmailChangeLinkOwner {
  /** The role of the staff account whose login address the link moves; null for a participant's. */
  staffRole: StaffRole | null;
  /** The staff account is switched off: its link works again once it is on (see preview). */
  staffDeactivated: boolean;
  /**
   * How its request ended, as the page says it (see howEnded): replaced by a newer confirmation to
   * the same address, called off (or replaced by one to another address), or moot, the address
   * being the owner's already.
   */
  ended: LinkEnd['ended'] | null;
}

/** How a link's request ended, and what its page says of it. */
interface LinkEnd {
  ended: 'replaced' | 'called-off' | 'already-done';
  error: AppError;
  /** The language of the one it was sent to (Japanese for a staff account, as its page is). */
  locale: MailLocale;
}

/**
 * A move to another address that only the new address can confirm: a participant asks for their
 * own from their session, and whoever manages a staff account asks for its new login address
 * (updateStaffUser). Either way the address changes only when the button behind the link sent to
 * the new one is pressed, which shows it reaches its owner: a typo locks nobody out. Who else
 * holds an address is never said to the asker: that is learnt only by whoever can read the new
 * address's mail, on the page behind its link.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    private readonly addresses: EmailAddressService,
    private readonly users: UsersService,
    private readonly transport: MailTransport,
  ) {}

  /**
   * Writes the request and its confirmation email, unless asked too often (refused, saying when
   * they may ask again). An earlier request not yet confirmed is replaced: its link stops working.
   * Refused for a person erased while the request waited for their row: the address they asked
   * for would outlive the erasure.
   */
  async request(participantId: string, email: string): Promise<void> {
    const address = email.trim().toLowerCase();
    await this.dataSource.transaction(async (manager) => {
      // Locked: two requests at once are counted one after the other, and an erasure under way
      // (which locks the row first) is waited for.
      const participant = await manager.findOne(Participant, {
        where: { id: participantId },
        lock: { mode: 'for_no_key_update' },
      });
      if (!participant) return;
      if (participant.erasedAt) throw ParticipantErrors.erased();
      if (participant.email === address) throw EmailChangeErrors.sameAddress();
      // Asked in their own session, so saying they asked too often tells nobody else anything.
      await this.ask(manager, { participantId }, address, null, EmailChangeErrors.tooManyRequests);
    });
  }

  /**
   * updateStaffUser (see UsersService.update for who may change what): the name changes at once; a
   * new login address is asked of the address itself, and the account's `pendingEmail` shows it
   * until then. The answer is the same whether or not another account logs in with the address,
   * so that an organizer cannot probe which addresses are logins at other organisations. The
   * current address again calls a pending change off.
   */
  async updateStaffUser(actor: StaffActor, id: string, input: UpdateStaffUserInput): Promise<User> {
    const address = input.email?.trim().toLowerCase();
    await this.dataSource.transaction(async (manager) => {
      // Locked: two changes at once are counted one after the other.
      const user = await this.users.update(manager, actor, id, input);
      if (address === undefined) return;
      if (address === user.email)
        return endPendingEmailChanges(
          manager,
          this.tokens,
          { userId: user.id },
          { calledOff: EmailChangeCallOffReason.WITHDRAWN },
        );
      // Its mail is no longer sent: the confirmation would never arrive.
      if (user.deactivatedAt) throw EmailChangeErrors.accountDeactivated();
      await this.ask(
        manager,
        { userId: user.id },
        address,
        actor.userId,
        EmailChangeErrors.tooManyForAccount,
      );
    });
    return this.users.get(id);
  }

  /**
   * The request and its confirmation to `address`, in the caller's transaction (the owner's row
   * locked), unless EMAIL_CHANGE_PER_HOUR were sent already: then `tooMany` is thrown, and the
   * request row goes with the transaction. The latest request is the one that counts: the links
   * of earlier ones stop working.
   */
  private async ask(
    manager: EntityManager,
    owner: EmailChangeOwner,
    address: string,
    requestedById: string | null,
    tooMany: (perHour: number, againAt: Date) => AppError,
  ): Promise<void> {
    const request = await manager.save(
      manager.create(EmailChangeRequest, { ...owner, requestedById, newEmail: address }),
    );
    const written = await this.outbox.enqueueAskedFor(
      manager,
      owner,
      EMAIL_CHANGE_CONFIRMATION_TEMPLATE,
      EMAIL_CHANGE_PER_HOUR,
      { params: { requestId: request.id }, toAddress: address },
    );
    if (!written)
      throw tooMany(
        EMAIL_CHANGE_PER_HOUR,
        await this.outbox.askableAgainAt(
          manager,
          owner,
          EMAIL_CHANGE_CONFIRMATION_TEMPLATE,
          EMAIL_CHANGE_PER_HOUR,
        ),
      );
    await endPendingEmailChanges(manager, this.tokens, owner, { replacedBy: request });
  }

  /**
   * Refuses a link whose request was replaced or called off, saying so in the language of the one
   * it was sent to, whatever the state of its token: that it ended is what the reader needs to
   * know, not that its token expired with it.
   */
  private async refuseEnded(manager: EntityManager, requestId: string): Promise<void> {
    const end = await this.howEnded(manager, requestId);
    if (end) throw end.error.forReader(end.locale);
  }

  /**
   * How the request ended, if it did, as the page behind its link says it. A request replaced by a
   * later one ended as the last of the chain did: called off, it says why; if that one asked for
   * another address, that the newer confirmation went elsewhere (the address not shown); only
   * when it asked for the same one, to use the newer email. Either way, when the owner's address
   * is the link's already (staff set it meanwhile), that nothing is left to do: asking again would
   * be refused as the same address. Once its address is forgotten (EMAIL_CHANGE_RETENTION_DAYS
   * after it ended), none of that can be told, nor matters: its link expired long ago, and the
   * page says so as for any expired link, in its owner's language, with whom to ask.
   */
  private async howEnded(manager: EntityManager, requestId: string): Promise<LinkEnd | null> {
    const request = await manager.findOne(EmailChangeRequest, {
      where: { id: requestId },
      relations: { participant: true, user: true },
    });
    if (!request?.replacedAt && !request?.calledOffAt) return null;
    if (request.newEmail === null) return null;
    const locale = request.participant ? languageOf(request.participant) : 'ja';
    const current = request.participant?.email ?? request.user?.email;
    if (current === request.newEmail) {
      const error = request.user
        ? EmailChangeErrors.alreadyTheLogin()
        : EmailChangeErrors.alreadyTheAddress();
      return { ended: 'already-done', error, locale };
    }
    const last = request.replacedAt ? await this.lastOfChain(manager, request) : request;
    if (last.calledOffAt)
      return {
        ended: 'called-off',
        error: EmailChangeErrors.calledOff(last.calledOffAt, last.calledOffReason),
        locale,
      };
    if (last.newEmail !== request.newEmail)
      return { ended: 'called-off', error: EmailChangeErrors.replacedByAnother(request.replacedAt!), locale };
    return { ended: 'replaced', error: EmailChangeErrors.replaced(request.replacedAt!), locale };
  }

  /**
   * The last request of the chain of replacements that starts at `request`: each one's successor
   * is the owner's next request (a request is replaced as of when the next one was asked for, the
   * owner locked meanwhile). Bounded: an owner asks only so often (EMAIL_CHANGE_PER_HOUR).
   */
  private async lastOfChain(
    manager: EntityManager,
    request: EmailChangeRequest,
  ): Promise<EmailChangeRequest> {
    let last = request;
    for (let hop = 0; last.replacedAt && hop < 100; hop += 1) {
      const [next]: { id: string }[] = await manager.query(
        `SELECT n.id FROM email_change_requests n JOIN email_change_requests c ON c.id = $1
          WHERE n.id <> c.id AND n.created_at >= c.replaced_at
            AND n.participant_id IS NOT DISTINCT FROM c.participant_id
            AND n.user_id IS NOT DISTINCT FROM c.user_id
          ORDER BY n.created_at LIMIT 1`,
        [last.id],
      );
      if (!next) break;
      last = await manager.findOneByOrFail(EmailChangeRequest, { id: next.id });
    }
    return last;
  }

  /**
   * What the link would do, for the page behind it, without using it up; `done` when it already
   * did (the button pressed twice, the link opened again): the page says so rather than fail.
   */
  async preview(rawToken: string): Promise<EmailChangeLink> {
    const manager = this.dataSource.manager;
    const link = await this.tokens.find(manager, TokenPurpose.EMAIL_CHANGE, rawToken);
    if (link) await this.refuseEnded(manager, link.subjectId);
    const token = await this.tokens.resolve(manager, TokenPurpose.EMAIL_CHANGE, rawToken, { lock: false });
    const request = await manager.findOne(EmailChangeRequest, {
      where: { id: token.subjectId },
      relations: { participant: true, user: true },
    });
    if (token.usedAt && !request?.confirmedAt)
      throw await this.tokens.toOwner(manager, token, ActionTokenErrors.used());
    // Forgotten only long after its link expired (EMAIL_CHANGE_RETENTION_DAYS): never behind a live one.
    const newEmail = request?.newEmail;
    if (!request || !newEmail) throw ActionTokenErrors.invalid();
    const done = Boolean(request.confirmedAt);
    if (request.user) {
      // Said in Japanese whatever the browser prefers, as the page is.
      if (!done && request.user.deactivatedAt) throw EmailChangeErrors.loginDeactivated().forReader('ja');
      // Staff accounts have no locale: their pages are Japanese.
      const { name } = request.user;
      return { locale: 'ja', name, newEmail, done, staffAccount: true };
    }
    if (!request.participant || request.participant.erasedAt) throw ActionTokenErrors.invalid();
    return {
      locale: languageOf(request.participant),
      name: request.participant.name,
      newEmail,
      done,
      staffAccount: false,
    };
  }

  /**
   * Whose link it is (the role of the staff account whose login address it moves: who may ask for
   * the change again depends on it) and whether its request ended, whatever the link's state
   * (expired, used, replaced). A participant's link, or one nobody issued, has no staff role.
   */
  async ownerOfLink(rawToken: string): Promise<EmailChangeLinkOwner> {
    const manager = this.dataSource.manager;
    const token = await this.tokens.find(manager, TokenPurpose.EMAIL_CHANGE, rawToken);
    const [request]: { role: StaffRole | null; deactivated: boolean | null }[] = token
      ? await manager.query(
          `SELECT u.role, u.deactivated_at IS NOT NULL AS deactivated
             FROM email_change_requests c LEFT JOIN users u ON u.id = c.user_id WHERE c.id = $1`,
          [token.subjectId],
        )
      : [];
    const end = token ? await this.howEnded(manager, token.subjectId) : null;
    return {
      staffRole: request?.role ?? null,
      staffDeactivated: Boolean(request?.role && request.deactivated),
      ended: end?.ended ?? null,
    };
  }

  /**
   * Single use: the address changes (see EmailAddressService.moveTo), by the person themself; or
   * the staff account logs in with it from now on (EmailAddressService.moveLogin). The owner is
   * locked before the link, in the order updateStaffUser, a staff correction, a request and a
   * merge take them: the two wait for each other rather than deadlock, and whatever they did to
   * the request (replaced it, called it off) is seen here once they commit.
   */
  async confirm(rawToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await this.tokens.find(manager, TokenPurpose.EMAIL_CHANGE, rawToken);
      if (link) {
        await this.lockOwner(manager, link.subjectId);
        // Its links expire when a request ends, but one minted meanwhile (its email being sent) does not.
        await this.refuseEnded(manager, link.subjectId);
      }
      const token = await this.tokens.consume(manager, TokenPurpose.EMAIL_CHANGE, rawToken);
      const request = await manager.findOneBy(EmailChangeRequest, { id: token.subjectId });
      // Its address is forgotten only long after its link expired (see preview).
      const newEmail = request?.newEmail;
      if (!request || !newEmail) throw ActionTokenErrors.invalid();
      if (request.userId) {
        await this.addresses.moveLogin(manager, request.userId, newEmail, request.requestedById);
      } else if (request.participantId) {
        const move = await this.addresses.moveTo(manager, request.participantId, newEmail, {
          kind: 'self',
        });
        if (move.outcome === 'taken') throw EmailChangeErrors.addressTaken();
      }
      await manager.update(EmailChangeRequest, request.id, { confirmedAt: new Date() });
    });
  }

  /**
   * The nightly retention (EmailChangeRetentionProcessor): requests never confirmed that ended more
   * than `days` ago (replaced, called off, or their link expired EMAIL_CHANGE_LINK_HOURS after they
   * were asked for) lose the address they asked for; the rest of the row stays, for the page behind
   * their link (see howEnded). So does the mail log, in the same transaction: the confirmation sent
   * there names a placeholder instead (forgetAddressesInMailLog), in its recipient and in whatever
   * error the mail server quoted it in. A request whose confirmation is still being sent (queued,
   * or SENDING) waits for a later night: the sender may yet record an error quoting the address.
   * Once that commits, the confirmations' .eml files go (MailTransport.forgetFiles). Answers how
   * many requests forgot theirs.
   */
  async forgetEndedAddresses(days: number): Promise<number> {
    const { count, emails } = await this.dataSource.transaction(async (manager) => {
      const due: { id: string; address: string; emails: string[] }[] = await manager.query(
        `SELECT c.id, c.new_email AS address,
                coalesce(array_agg(m.id) FILTER (WHERE m.id IS NOT NULL), '{}') AS emails
           FROM email_change_requests c
           LEFT JOIN outbox_messages m ON ${CONFIRMATION_OF_REQUEST}
          WHERE c.new_email IS NOT NULL AND c.confirmed_at IS NULL
            AND coalesce(c.replaced_at, c.called_off_at, c.created_at + $2 * interval '1 hour')
                < now() - $3 * interval '1 day'
          GROUP BY c.id
         HAVING NOT coalesce(bool_or(m.is_open), false)`,
        [EMAIL_CHANGE_CONFIRMATION_TEMPLATE, EMAIL_CHANGE_LINK_HOURS, days],
      );
      if (due.length === 0) return { count: 0, emails: [] };
      // The emails first, the requests after, as an erasure (its mail log forgotten before its
      // requests are deleted) and a merge (the emails moved before the requests) take them: the
      // other way round, either the same night would deadlock with this.
      for (const request of due) {
        const placeholder = placeholderAddress('forgotten', request.id);
        await forgetAddressesInMailLog(
          manager,
          { ids: request.emails },
          { also: [request.address], placeholder, recipient: placeholder },
        );
      }
      const [{ count }]: { count: number }[] = await manager.query(
        `WITH forgotten AS (
           UPDATE email_change_requests SET new_email = NULL
            WHERE id = ANY($1::uuid[]) AND new_email IS NOT NULL AND confirmed_at IS NULL
           RETURNING 1)
         SELECT count(*)::int AS count FROM forgotten`,
        [due.map((request) => request.id)],
      );
      return { count, emails: due.flatMap((request) => request.emails) };
    });
    // Written to MAIL_DIR (without SMTP_URL, or before it was set), each confirmation is also an
    // .eml file, the address in it: gone once the log forgot it. A file that cannot be deleted is
    // logged (forgetFiles never throws) and the requests stay forgotten; the next night's sweep
    // (sweepForgottenMailFiles) tries it again, its row's recipient being a placeholder now.
    await this.transport.forgetFiles(emails);
    return count;
  }

  /** The account or the participant whose address the request moves, locked (see confirm). */
  private async lockOwner(manager: EntityManager, requestId: string): Promise<void> {
    const [owner]: { userId: string | null; participantId: string | null }[] = await manager.query(
      'SELECT user_id AS "userId", participant_id AS "participantId" FROM email_change_requests WHERE id = $1',
      [requestId],
    );
    if (owner?.userId) await this.users.lock(manager, owner.userId);
    else if (owner?.participantId) await lockProfile(manager, owner.participantId);
  }
}
