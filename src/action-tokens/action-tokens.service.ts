import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ActionToken } from './action-token.entity';
import { TokenPurpose } from './action-token-purpose';
import { ActionTokenErrors } from './action-tokens.errors';

export interface TokenRequest {
  purpose: TokenPurpose;
  subjectId: string;
  expiresAt: Date;
}

const hashOf = (raw: string) => createHash('sha256').update(raw, 'utf8').digest('hex');

/**
 * The tokens behind email links, for every feature: 256 random bits, handed out once (in the
 * email) and stored only as a SHA-256, so a database leak opens no link. Each is bound to one
 * purpose and one subject row, and expires.
 */
@Injectable()
export class ActionTokensService {
  /** Mints tokens in the caller's transaction; returns the raw tokens in the order asked. */
  async mint(manager: EntityManager, requests: TokenRequest[]): Promise<string[]> {
    if (requests.length === 0) return [];
    const raws = requests.map(() => randomBytes(32).toString('base64url'));
    await manager
      .createQueryBuilder()
      .insert()
      .into(ActionToken)
      .values(requests.map((request, index) => ({ ...request, tokenHash: hashOf(raws[index]) })))
      .updateEntity(false)
      .execute();
    return raws;
  }

  /**
   * The live token for `raw`, locked for the rest of the transaction so two clicks on the same
   * link are answered one after the other (pages showing a confirmation read it without the
   * lock: `{ lock: false }`). Throws on an unknown, foreign-purpose or expired token.
   */
  async resolve(
    manager: EntityManager,
    purpose: TokenPurpose,
    raw: string,
    { lock = true }: { lock?: boolean } = {},
  ): Promise<ActionToken> {
    if (typeof raw !== 'string' || raw.length < 20 || raw.length > 100) throw ActionTokenErrors.invalid();
    const token = await manager.findOne(ActionToken, {
      where: { tokenHash: hashOf(raw) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!token || token.purpose !== purpose) throw ActionTokenErrors.invalid();
    if (token.expiresAt.getTime() <= Date.now()) throw ActionTokenErrors.expired();
    return token;
  }

  /** Records a use; answers whether this was the first. */
  async markUsed(manager: EntityManager, token: ActionToken): Promise<boolean> {
    const first = token.usedAt === null;
    await manager.update(ActionToken, token.id, {
      usedAt: token.usedAt ?? new Date(),
      useCount: token.useCount + 1,
    });
    return first;
  }

  /** For single-use tokens (sign-in links): the second use is refused. */
  async consume(manager: EntityManager, purpose: TokenPurpose, raw: string): Promise<ActionToken> {
    const token = await this.resolve(manager, purpose, raw);
    if (token.usedAt) throw ActionTokenErrors.used();
    await this.markUsed(manager, token);
    return token;
  }
}
