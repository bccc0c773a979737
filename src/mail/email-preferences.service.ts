import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxStatus } from './outbox-status';
import { UnsubscribeLinks } from './unsubscribe-links';

/** A participant's choice about email, set from the unsubscribe link. */
@Injectable()
export class EmailPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: UnsubscribeLinks,
    private readonly tokens: ActionTokensService,
  ) {}

  /** Who an unsubscribe link is for, without acting (the confirmation page); null for an erased person. */
  async recipientOf(link: string): Promise<Participant | null> {
    const manager = this.dataSource.manager;
    const participant = await manager.findOneBy(Participant, { id: await this.participantOf(manager, link) });
    return participant?.erasedAt ? null : participant;
  }

  /**
   * Opts the participant out of non-transactional mail: none is queued for them from now on, and
   * what is already queued is skipped. Idempotent: a second click changes nothing.
   */
  async unsubscribe(link: string): Promise<Participant | null> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await manager.findOneBy(Participant, {
        id: await this.participantOf(manager, link),
      });
      if (!participant || participant.erasedAt) return null;
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

  /**
   * Undoes an unsubscribe (a click by mistake, or a change of mind), from the same link: event
   * emails are queued for them again from now on. What was skipped while they were opted out stays
   * skipped. Idempotent.
   */
  async resubscribe(link: string): Promise<Participant | null> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await manager.findOneBy(Participant, {
        id: await this.participantOf(manager, link),
      });
      if (!participant || participant.erasedAt) return null;
      if (participant.emailOptOut) {
        await manager.update(Participant, participant.id, { emailOptOut: false, emailOptOutAt: null });
      }
      return participant;
    });
  }

  /**
   * The signed link, or — for emails sent before links were signed — a stored unsubscribe token
   * (those lived 365 days; this fallback can go a year after the change). Throws on anything else.
   */
  private async participantOf(manager: EntityManager, link: string): Promise<string> {
    const signed = this.links.read(link);
    if (signed && !signed.expired) return signed.participantId;
    if (signed) {
      const owner = await manager.findOneBy(Participant, { id: signed.participantId });
      const expired = ActionTokenErrors.expired();
      throw owner ? expired.forReader(languageOf(owner)) : expired;
    }
    return (await this.tokens.resolve(manager, TokenPurpose.UNSUBSCRIBE, link, { lock: false })).subjectId;
  }
}
