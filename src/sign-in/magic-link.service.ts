import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { AuthService } from '../auth/auth.service';
import { SessionModel } from '../auth/models/session.model';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../mail/outbox.service';
import { languageOf } from '../participants/participant-kind';
import { Participant } from '../participants/participant.entity';
import { REDIS } from '../redis/redis.module';
import { isConnectionError, RedisStatus } from '../redis/redis-status';
import { MAGIC_LINK_TEMPLATE } from './magic-link.composer';

/** Participants sign in with a link sent to their address; they have no password. */
@Injectable()
export class MagicLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    private readonly auth: AuthService,
    private readonly redisStatus: RedisStatus,
  ) {}

  /**
   * Queues a sign-in email if the address belongs to a participant and has not asked too often.
   * The caller always answers true, so the answer says nothing about who has an account.
   */
  async request(email: string): Promise<void> {
    const address = email.trim().toLowerCase();
    if (!address.includes('@') || address.length > 320) return;
    if (!(await this.withinRateLimit(address))) return;
    await this.dataSource.transaction(async (manager) => {
      const participant = await manager.findOneBy(Participant, { email: address });
      if (!participant) return;
      await this.outbox.enqueue(manager, [
        {
          // Each request is its own message; the key only has to be unique.
          key: `magic-link-${participant.id}-${randomUUID()}`,
          template: MAGIC_LINK_TEMPLATE,
          participantId: participant.id,
          transactional: true,
          params: { requestedAt: String(Date.now()) },
        },
      ]);
    });
  }

  /**
   * Whose link it is, for the page behind it, without using it up: that page speaks the
   * participant's language. Throws as redeeming would (unknown, expired or used link).
   */
  async preview(rawToken: string): Promise<{ locale: 'ja' | 'en'; name: string }> {
    const manager = this.dataSource.manager;
    const token = await this.tokens.resolve(manager, TokenPurpose.MAGIC_LINK, rawToken, { lock: false });
    if (token.usedAt) throw ActionTokenErrors.used();
    const participant = await manager.findOneBy(Participant, { id: token.subjectId });
    if (!participant) throw ActionTokenErrors.invalid();
    return { locale: languageOf(participant), name: participant.name };
  }

  /** Single use: the session for the participant the link was sent to. */
  async redeem(rawToken: string): Promise<SessionModel> {
    const participantId = await this.dataSource.transaction(
      async (manager) => (await this.tokens.consume(manager, TokenPurpose.MAGIC_LINK, rawToken)).subjectId,
    );
    return this.auth.participantSession(participantId);
  }

  /**
   * A fixed one-hour window per address (hashed: the key should not hold the address). Without
   * Redis the count cannot be kept: the link is written anyway (it leaves once Redis is back), so a
   * participant can still sign in after an outage, and the outage is logged once by RedisStatus.
   */
  private async withinRateLimit(address: string): Promise<boolean> {
    const key = `${this.config.QUEUE_PREFIX}:magic-link:${createHash('sha256').update(address).digest('hex')}`;
    try {
      const [[, count]] = (await this.redis.multi().incr(key).expire(key, 3600, 'NX').exec()) as [
        [Error | null, number],
      ];
      return count <= this.config.MAGIC_LINK_PER_HOUR;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      this.redisStatus.report('sign-in rate limit', error as Error);
      return true;
    }
  }
}
