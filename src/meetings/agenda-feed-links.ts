import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { escapeHtml } from '../common/html/html-page';
import { isUuid } from '../common/validation/uuid';

type LinkPurpose = 'agenda-feed' | 'agenda-page';

/**
 * A participant's private calendar feed URL, and the address of their agenda page at an event:
 * their id and an HMAC of it (one key per purpose). Calendar apps poll the feed for months and the
 * page is opened from an agenda email on the day, so neither may expire or be single-use like an
 * action token, and they need no row.
 */
@Injectable()
export class AgendaFeedLinks {
  constructor(private readonly config: AppConfig) {}

  url(participantId: string): string {
    return `${this.config.PUBLIC_URL}/agenda/${participantId}.${this.sign('agenda-feed', participantId)}.ics`;
  }

  /** The participant id a feed file name was issued for, or null. */
  verify(file: string): string | null {
    return this.verifyLink('agenda-feed', file.replace(/\.ics$/i, ''));
  }

  /** The page with the participant's agenda at one event as it stands now (AgendaPageController). */
  pageUrl(participantId: string, eventId: string): string {
    return `${this.config.PUBLIC_URL}/my-agenda/${participantId}.${this.sign('agenda-page', participantId)}/${eventId}`;
  }

  /** The participant id an agenda page link was issued for, or null. */
  verifyPage(link: string): string | null {
    return this.verifyLink('agenda-page', link);
  }

  private verifyLink(purpose: LinkPurpose, link: string): string | null {
    const match = /^([0-9a-f-]{36})\.([\w-]{43})$/i.exec(link);
    if (!match || !isUuid(match[1])) return null;
    const expected = Buffer.from(this.sign(purpose, match[1]));
    const given = Buffer.from(match[2]);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? match[1].toLowerCase()
      : null;
  }

  private sign(purpose: LinkPurpose, participantId: string): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`${purpose}:${participantId.toLowerCase()}`)
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

/** One link per kind of calendar app, for a page: iPhone・Mac・Outlook ・ Google カレンダー ・ the URL. */
export function subscribeLinksHtml(
  links: SubscribeLinks,
  labels: { apple: string; google: string; other: string },
): string {
  return [
    [links.webcal, labels.apple],
    [links.google, labels.google],
    [links.url, labels.other],
  ]
    .map(([url, label]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`)
    .join(' ・ ');
}
