import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../common/validation/uuid';
import { AppConfig } from '../config/app-config';

/** How long an unsubscribe link works after its email was sent. */
export const UNSUBSCRIBE_LINK_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * The one-click unsubscribe link of a non-transactional email: the participant's id, the day the
 * link expires and an HMAC of both (`<id>.<day>.<signature>`), like the calendar feed links. A
 * stored token per email would add a row to every newsletter for a year, for a link whose use is
 * idempotent and can only ever opt its own recipient out.
 */
@Injectable()
export class UnsubscribeLinks {
  constructor(private readonly config: AppConfig) {}

  token(participantId: string, now = Date.now()): string {
    const day = (Math.floor(now / DAY_MS) + UNSUBSCRIBE_LINK_DAYS).toString(36);
    return `${participantId}.${day}.${this.sign(participantId, day)}`;
  }

  /** The participant a link was made for, or null if it is malformed, forged or expired. */
  verify(token: string, now = Date.now()): string | null {
    const link = this.read(token, now);
    return link && !link.expired ? link.participantId : null;
  }

  /**
   * Whose link it is, expired or not, or null if it is malformed or forged: the page of an expired
   * link speaks its owner's language. Never to act on (that is `verify`).
   */
  read(token: string, now = Date.now()): { participantId: string; expired: boolean } | null {
    const match = /^([0-9a-f-]{36})\.([0-9a-z]{1,8})\.([\w-]{43})$/i.exec(token);
    if (!match || !isUuid(match[1])) return null;
    const [, participantId, day, signature] = match;
    const expected = Buffer.from(this.sign(participantId, day));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return {
      participantId: participantId.toLowerCase(),
      expired: parseInt(day, 36) < Math.floor(now / DAY_MS),
    };
  }

  private sign(participantId: string, day: string): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`unsubscribe:${participantId.toLowerCase()}:${day}`)
      .digest('base64url');
  }
}
