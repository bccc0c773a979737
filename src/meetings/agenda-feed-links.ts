import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { isUuid } from '../common/validation/uuid';

/**
 * A participant's private calendar feed URL: their id and an HMAC of it. Calendar apps poll the
 * URL for months, so it must not expire or be single-use like an action token, and it needs no row.
 */
@Injectable()
export class AgendaFeedLinks {
  constructor(private readonly config: AppConfig) {}

  url(participantId: string): string {
    return `${this.config.PUBLIC_URL}/agenda/${participantId}.${this.sign(participantId)}.ics`;
  }

  /** The participant id a feed file name was issued for, or null. */
  verify(file: string): string | null {
    const match = /^([0-9a-f-]{36})\.([\w-]{43})(?:\.ics)?$/i.exec(file);
    if (!match || !isUuid(match[1])) return null;
    const expected = Buffer.from(this.sign(match[1]));
    const given = Buffer.from(match[2]);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? match[1].toLowerCase()
      : null;
  }

  private sign(participantId: string): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`agenda-feed:${participantId.toLowerCase()}`)
      .digest('base64url');
  }
}

/** A calendar feed as the links that subscribe to it, one per kind of calendar app. */
export interface SubscribeLinks {
  /** iPhone, iPad, Mac and Outlook: `webcal://` subscribes, where `https://` would import once. */
  webcal: string;
  /** Google Calendar's own page for adding a feed by URL. */
  google: string;
  /** The plain address, for any other app's "subscribe by URL". */
  url: string;
}

export function subscribeLinks(feedUrl: string): SubscribeLinks {
  const webcal = feedUrl.replace(/^https?:\/\//, 'webcal://');
  return {
    webcal,
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    url: feedUrl,
  };
}
