import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { Participant } from '../participants/participant.entity';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxStatus } from './outbox-status';

/** A participant's choice about email, set from the unsubscribe link. */
@Injectable()
export class EmailPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ActionTokensService,
  ) {}

  /** Who an unsubscribe link is for, without acting (the confirmation page). */
  async recipientOf(rawToken: string): Promise<Participant | null> {
    const token = await this.tokens.resolve(this.dataSource.manager, TokenPurpose.UNSUBSCRIBE, rawToken, {
      lock: false,
    });
    return this.dataSource.getRepository(Participant).findOneBy({ id: token.subjectId });
  }

  /**
   * Opts the participant out of non-transactional mail: none is queued for them from now on, and
   * what is already queued is skipped. Idempotent: a second click changes nothing.
   */
  async unsubscribe(rawToken: string): Promise<Participant | null> {
    return this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.resolve(manager, TokenPurpose.UNSUBSCRIBE, rawToken);
      await this.tokens.markUsed(manager, token);
      const participant = await manager.findOneBy(Participant, { id: token.subjectId });
      if (!participant) return null;
      if (!participant.emailOptOut) {
        await manager.update(Participant, participant.id, { emailOptOut: true, emailOptOutAt: new Date() });
      }
      await manager.update(
        OutboxMessage,
        { participantId: participant.id, transactional: false, status: OutboxStatus.PENDING },
        { status: OutboxStatus.SKIPPED, skipReason: 'OPTED_OUT' },
      );
      return participant;
    });
  }
}
