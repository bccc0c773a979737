import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { AuthService } from '../auth/auth.service';
import { SessionModel } from '../auth/models/session.model';
import { ALWAYS_TRUE_ANSWER_MS, noSoonerThan } from '../common/time/no-sooner-than';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../mail/outbox.service';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { MAGIC_LINK_TEMPLATE } from './magic-link.composer';

/** Participants sign in with a link sent to their address; they have no password. */
@Injectable()
export class MagicLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Queues a sign-in email if the address belongs to a participant and has not asked too often.
   * The caller always answers true, and no sooner than ALWAYS_TRUE_ANSWER_MS either way, so
   * neither the answer nor its time says who has an account.
   */
  request(email: string): Promise<void> {
    return noSoonerThan(ALWAYS_TRUE_ANSWER_MS, async () => {
      const address = email.trim().toLowerCase();
      if (!address.includes('@') || address.length > 320) return;
      await this.dataSource.transaction(async (manager) => {
        // Locked: two requests at once are counted one after the other.
        const participant = await manager.findOne(Participant, {
          where: { email: address },
          lock: { mode: 'for_no_key_update' },
        });
        if (!participant) return;
        await this.outbox.enqueueAskedFor(
          manager,
          { participantId: participant.id },
          MAGIC_LINK_TEMPLATE,
          this.config.MAGIC_LINK_PER_HOUR,
        );
      });
    });
  }

  /**
   * Whose link it is, for the page behind it, without using it up: that page speaks the
   * participant's language. Throws as redeeming would (unknown, expired or used link).
   */
  async preview(rawToken: string): Promise<{ locale: 'ja' | 'en'; name: string }> {
    const manager = this.dataSource.manager;
    const token = await this.tokens.resolve(manager, TokenPurpose.MAGIC_LINK, rawToken, { lock: false });
    const participant = await manager.findOneBy(Participant, { id: token.subjectId });
    if (!participant) throw ActionTokenErrors.invalid();
    const locale = languageOf(participant);
    if (token.usedAt) throw ActionTokenErrors.used().forReader(locale);
    return { locale, name: participant.name };
  }

  /** Single use: the session for the participant the link was sent to. */
  async redeem(rawToken: string): Promise<SessionModel> {
    const participantId = await this.dataSource.transaction(
      async (manager) => (await this.tokens.consume(manager, TokenPurpose.MAGIC_LINK, rawToken)).subjectId,
    );
    return this.auth.participantSession(participantId);
  }
}
