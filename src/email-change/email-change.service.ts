import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { OutboxService } from '../mail/outbox.service';
import { MailLocale } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { EmailAddressService } from './email-address.service';
import { EmailChangeRequest } from './email-change-request.entity';
import { EMAIL_CHANGE_CONFIRMATION_TEMPLATE } from './email-change.composers';
import { EmailChangeErrors } from './email-change.errors';

/** 【メールアドレス変更のご確認】 a participant may ask for in an hour. */
export const EMAIL_CHANGE_PER_HOUR = 3;

/**
 * A participant moves to another address themself: they ask from their session, and the address
 * changes only when they press the button behind the link sent to the new one (which shows it is
 * theirs). Who else holds an address is never said to the asker: that is learnt only by whoever
 * can read the new address's mail, on the page behind its link.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    private readonly addresses: EmailAddressService,
  ) {}

  /**
   * Writes the request and its confirmation email, unless asked too often (refused, saying when
   * they may ask again). An earlier request not yet confirmed is replaced: its link stops working.
   */
  async request(participantId: string, email: string): Promise<void> {
    const address = email.trim().toLowerCase();
    await this.dataSource.transaction(async (manager) => {
      // Locked: two requests at once are counted one after the other.
      const participant = await manager.findOne(Participant, {
        where: { id: participantId },
        lock: { mode: 'for_no_key_update' },
      });
      if (!participant) return;
      if (participant.email === address) throw EmailChangeErrors.sameAddress();
      const request = await manager.save(
        manager.create(EmailChangeRequest, { participantId, newEmail: address }),
      );
      const written = await this.outbox.enqueueAskedFor(
        manager,
        { participantId },
        EMAIL_CHANGE_CONFIRMATION_TEMPLATE,
        EMAIL_CHANGE_PER_HOUR,
        { params: { requestId: request.id }, toAddress: address },
      );
      // Asked in their own session, so saying so tells nobody else anything. Thrown, the request
      // row goes with the transaction.
      if (!written)
        throw EmailChangeErrors.tooManyRequests(
          EMAIL_CHANGE_PER_HOUR,
          await this.outbox.askableAgainAt(
            manager,
            { participantId },
            EMAIL_CHANGE_CONFIRMATION_TEMPLATE,
            EMAIL_CHANGE_PER_HOUR,
          ),
        );
      // The latest request is the one that counts: the links of earlier ones stop working.
      const earlier = await manager.find(EmailChangeRequest, {
        select: { id: true },
        where: { participantId, confirmedAt: IsNull(), id: Not(request.id) },
      });
      const ids = earlier.map((row) => row.id);
      await this.tokens.expire(manager, TokenPurpose.EMAIL_CHANGE, ids);
      if (ids.length > 0) await manager.delete(EmailChangeRequest, ids);
    });
  }

  /**
   * What the link would do, for the page behind it, without using it up; `done` when it already
   * did (the button pressed twice, the link opened again): the page says so rather than fail.
   */
  async preview(
    rawToken: string,
  ): Promise<{ locale: MailLocale; name: string; newEmail: string; done: boolean }> {
    const manager = this.dataSource.manager;
    const token = await this.tokens.resolve(manager, TokenPurpose.EMAIL_CHANGE, rawToken, { lock: false });
    const request = await manager.findOne(EmailChangeRequest, {
      where: { id: token.subjectId },
      relations: { participant: true },
    });
    if (token.usedAt && !request?.confirmedAt) throw ActionTokenErrors.used();
    if (!request || request.participant.erasedAt) throw ActionTokenErrors.invalid();
    return {
      locale: languageOf(request.participant),
      name: request.participant.name,
      newEmail: request.newEmail,
      done: request.confirmedAt !== null,
    };
  }

  /** Single use: the address changes (see EmailAddressService.moveTo), by the person themself. */
  async confirm(rawToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.consume(manager, TokenPurpose.EMAIL_CHANGE, rawToken);
      const request = await manager.findOneBy(EmailChangeRequest, { id: token.subjectId });
      if (!request) throw ActionTokenErrors.invalid();
      const move = await this.addresses.moveTo(manager, request.participantId, request.newEmail, {
        kind: 'self',
      });
      if (move.outcome === 'taken') throw EmailChangeErrors.addressTaken();
      await manager.update(EmailChangeRequest, request.id, { confirmedAt: new Date() });
    });
  }
}
