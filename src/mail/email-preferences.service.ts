import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { addressHint } from '../email-change/email-change.templates';
import { profileNow, ProfileNow } from '../participant-merge/merged-participants';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxStatus } from './outbox-status';
import { UnsubscribeLinks } from './unsubscribe-links';

/**
 * Whom an unsubscribe link acts for, and their address as its pages may show it: in full, or
 * masked when the link was sent to a profile since merged into this one (名寄せ), whose holder
 * is not known to read this address.
 */
export interface Recipient {
  participant: Participant;
  address: string;
}

/** A participant's choice about email, set from the unsubscribe link. */
@Injectable()
export class EmailPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: UnsubscribeLinks,
    private readonly tokens: ActionTokensService,
  ) {}

  /** Who an unsubscribe link is for, without acting (the confirmation page); null for an erased person. */
  async recipientOf(link: string): Promise<Recipient | null> {
    const manager = this.dataSource.manager;
    const owner = await this.participantOf(manager, link);
    const participant = await manager.findOneBy(Participant, { id: owner.participantId });
    return participant && !participant.erasedAt ? recipient(participant, owner) : null;
  }

  /**
   * Opts the participant out of non-transactional mail: none is queued for them from now on, and
   * what is already queued is skipped. Idempotent: a second click changes nothing.
   */
  async unsubscribe(link: string): Promise<Recipient | null> {
    return this.dataSource.transaction(async (manager) => {
      const owner = await this.participantOf(manager, link);
      const participant = await this.lockOwner(manager, owner);
      if (!participant || participant.erasedAt) return null;
      if (!participant.emailOptOut) {
        await manager.update(Participant, participant.id, { emailOptOut: true, emailOptOutAt: new Date() });
      }
      await manager.update(
        OutboxMessage,
        { participantId: participant.id, transactional: false, status: OutboxStatus.PENDING },
        { status: OutboxStatus.SKIPPED, skipReason: 'OPTED_OUT' },
      );
      return recipient(participant, owner);
    });
  }

  /**
   * Undoes an unsubscribe (a click by mistake, or a change of mind), from the same link: event
   * emails are queued for them again from now on. What was skipped while they were opted out stays
   * skipped. Idempotent.
   */
  async resubscribe(link: string): Promise<Recipient | null> {
    return this.dataSource.transaction(async (manager) => {
      const owner = await this.participantOf(manager, link);
      const participant = await this.lockOwner(manager, owner);
      if (!participant || participant.erasedAt) return null;
      if (participant.emailOptOut) {
        await manager.update(Participant, participant.id, { emailOptOut: false, emailOptOutAt: null });
      }
      return recipient(participant, owner);
    });
  }

  /**
   * The link's owner, locked before their choice is read: an erasure under way (which locks the
   * row first) is waited for, and the erased row it leaves is not switched back to sending.
   */
  private lockOwner(manager: EntityManager, owner: ProfileNow): Promise<Participant | null> {
    return manager.findOne(Participant, {
      where: { id: owner.participantId },
      lock: { mode: 'for_no_key_update' },
    });
  }

  /**
   * The signed link, or — for emails sent before links were signed — a stored unsubscribe token
   * (those lived 365 days; this fallback can go a year after the change). Throws on anything else.
   * A link sent to a profile since merged into another acts for that one: it only ever switches
   * the person's own event mail (stored tokens were carried over by the merge).
   */
  private async participantOf(manager: EntityManager, link: string): Promise<ProfileNow> {
    const signed = this.links.read(link);
    if (signed && !signed.expired) return profileNow(manager, signed.participantId);
    if (signed) {
      const { participantId } = await profileNow(manager, signed.participantId);
      const owner = await manager.findOneBy(Participant, { id: participantId });
      const expired = ActionTokenErrors.expired();
      throw owner ? expired.forReader(languageOf(owner)) : expired;
    }
    const token = await this.tokens.resolve(manager, TokenPurpose.UNSUBSCRIBE, link, { lock: false });
    return { participantId: token.subjectId, merged: false };
  }
}

function recipient(participant: Participant, owner: ProfileNow): Recipient {
  return { participant, address: owner.merged ? addressHint(participant.email) : participant.email };
}
