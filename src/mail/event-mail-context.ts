import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Event } from '../events/event.entity';
import { EventStatus } from '../events/event-enums';
import { hasPublicPage } from '../events/event-public-page';
import { eventDescriptionFor, eventTitleFor, eventVenueFor } from '../events/event-title';
import { organizationNameFor, organiserContactFor } from '../organizations/organization-name';
import { MailLocale, OrganiserContact } from './templates/email-layout';

/** What an event's emails say about it, the footer included. */
export interface EventMailContext {
  id: string;
  /**
   * The title, the venue and the organisers' names are the reader's: the English ones for an
   * English reader, where the event and the organisations have them.
   */
  title: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  /** null: no limit, so nobody is put on a waiting list. */
  capacity: number | null;
  /** 申込締切, when staff set one: invitations are answered by then. Optional as organizerContact is. */
  registrationClosesAt?: Date | null;
  /**
   * What the event is about, as the organiser wrote it: in English for an English reader where
   * they wrote it so, otherwise in Japanese (`descriptionInJapanese`, said beside it), as the
   * public page shows it; and its テーマ. Optional as organizerContact is: only invitations show them.
   */
  description?: string;
  descriptionInJapanese?: boolean;
  themes?: string[];
  /** Published and public: the event has a page (/events/:id) where the reader can read it all. */
  publicPage?: boolean;
  organizer: string;
  coHosts: string[];
  /**
   * The organiser's address (in the reader's language, as the names) and contact, for the footer
   * and the Reply-To; always loaded, optional so hand-built contexts (template specs, the mail
   * bench) need not spell it out.
   */
  organizerContact?: OrganiserContact;
  /**
   * No 商談枠 (a salon where people meet as they mingle): an agreed meeting gets no time or table,
   * and the two find each other at the venue. Optional as organizerContact is; absent, times come.
   */
  withoutSlots?: boolean;
}

const TTL_MS = 10_000;

/** What differs between a Japanese and an English reader: the names, where to go, what it is about. */
type Names = Pick<
  EventMailContext,
  'title' | 'venue' | 'organizer' | 'coHosts' | 'description' | 'descriptionInJapanese' | 'organizerContact'
>;

/** The event as stored, with its names in both languages; `get` hands out the reader's. */
type StoredContext = Omit<EventMailContext, keyof Names> & Record<MailLocale, Names>;

/**
 * Event details for composers, in the reader's language, cached for a few seconds: a campaign's
 * thousands of emails are about the same event, and a title edited mid-campaign may show in the
 * next few emails late.
 */
@Injectable()
export class EventMailContexts {
  private readonly cache = new Map<string, { at: number; value: Promise<StoredContext | null> }>();

  async get(manager: EntityManager, eventId: string, locale: MailLocale): Promise<EventMailContext | null> {
    const stored = await this.stored(manager, eventId);
    if (!stored) return null;
    const { ja, en, ...context } = stored;
    return { ...context, ...(locale === 'en' ? en : ja) };
  }

  /** Read now, for an email about the change itself (a new date or venue); refreshes the cache. */
  fresh(manager: EntityManager, eventId: string, locale: MailLocale): Promise<EventMailContext | null> {
    this.cache.delete(eventId);
    return this.get(manager, eventId, locale);
  }

  private stored(manager: EntityManager, eventId: string): Promise<StoredContext | null> {
    const cached = this.cache.get(eventId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const value = this.load(manager, eventId);
    this.cache.set(eventId, { at: Date.now(), value });
    value.catch(() => this.cache.delete(eventId));
    if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value as string);
    return value;
  }

  private async load(manager: EntityManager, eventId: string): Promise<StoredContext | null> {
    const event = await manager.findOne(Event, {
      where: { id: eventId },
      relations: { organization: true, coHosts: true, sessions: true },
    });
    if (!event) return null;
    const names = (locale: MailLocale): Names => {
      const description = eventDescriptionFor(event, locale);
      return {
        title: eventTitleFor(event, locale),
        venue: eventVenueFor(event, locale),
        organizer: organizationNameFor(event.organization, locale),
        coHosts: event.coHosts
          .map((organization) => organizationNameFor(organization, locale))
          .sort((a, b) => a.localeCompare(b, locale)),
        description: description.text,
        descriptionInJapanese: description.inJapanese,
        organizerContact: organiserContactFor(event.organization, locale),
      };
    };
    return {
      id: event.id,
      status: event.status,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      onlineUrl: event.onlineUrl,
      capacity: event.capacity,
      registrationClosesAt: event.registrationClosesAt,
      themes: event.themes,
      publicPage: hasPublicPage(event),
      withoutSlots: event.sessions.length === 0,
      ja: names('ja'),
      en: names('en'),
    };
  }
}
