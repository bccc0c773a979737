import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Event } from '../events/event.entity';
import { EventStatus } from '../events/event-enums';
import { hasPublicPage } from '../events/event-public-page';
import { eventDescriptionFor, eventTitleFor, eventVenueFor } from '../events/event-title';
import { withoutSlots, withoutSlotsSql } from '../events/without-slots';
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
   * No 商談枠, ever (a salon where people meet as they mingle; see withoutSlots in events): an
   * agreed meeting gets no time or table, and the two find each other at the venue. Optional as
   * organizerContact is; absent, times come.
   */
  withoutSlots?: boolean;
}

const TTL_MS = 10_000;

/** What differs between a Japanese and an English reader: the names, where to go, what it is about. */
type Names = Pick<
  EventMailContext,
  'title' | 'venue' | 'organizer' | 'coHosts' | 'description' | 'descriptionInJapanese' | 'organizerContact'
>;

/**
 * The event as each reader's emails show it, built once per read: a campaign's thousands of emails
 * share the object, so nobody may change it.
 */
type StoredContext = Record<MailLocale, Readonly<EventMailContext>>;

/**
 * The event's details as read once, and the version (eventMailVersionSql) read just before them:
 * they are at least that new. A missing event is null with a null version.
 */
interface Loaded {
  version: string | null;
  stored: StoredContext | null;
}

/**
 * SQL for one value that moves with every edit of what an event's emails show: the event's
 * `updated_at` (any of its own fields), the organiser's and each co-host's id and `updated_at` (who
 * they are, their names, address and contact), and whether it has 商談枠 (`withoutSlots`). null
 * for an event that does not exist. `eventId`: an SQL expression for the event's id. Cheap (a few
 * index lookups), so the sender's claim reads it with each batch of emails.
 */
export function eventMailVersionSql(eventId: string): string {
  // Epochs rather than timestamps as text: the same value whatever a connection's TimeZone.
  return `(SELECT concat_ws(' ', extract(epoch FROM e.updated_at), o.id, extract(epoch FROM o.updated_at),
                  (SELECT string_agg(c.id || '@' || extract(epoch FROM c.updated_at), ' ' ORDER BY c.id)
                     FROM event_co_hosts h JOIN organizations c ON c.id = h.organization_id
                    WHERE h.event_id = e.id),
                  ${withoutSlotsSql('e.id')})
             FROM events e JOIN organizations o ON o.id = e.organization_id
            WHERE e.id = ${eventId})`;
}

/**
 * Event details for composers, in the reader's language, cached for a few seconds: a campaign's
 * thousands of emails are about the same event. Never older than the email's own row, though: the
 * sender's claim reads the event's version (eventMailVersionSql) and passes it to `require`, which
 * drops details of another version read before that claim. A change is committed before (or
 * with) the outbox rows it causes, so every email written after an edit shows it, whichever
 * process made the edit, at the cost of one read of the event per edit and worker.
 */
@Injectable()
export class EventMailContexts {
  /** `load`: which read this is (`loads` when it started), to tell reads since a claim. */
  private readonly cache = new Map<string, { at: number; load: number; value: Promise<Loaded> }>();
  private loads = 0;

  async get(
    manager: EntityManager,
    eventId: string,
    locale: MailLocale,
  ): Promise<Readonly<EventMailContext> | null> {
    const { stored } = await this.stored(manager, eventId);
    return stored?.[locale] ?? null;
  }

  /**
   * For a reader with no claim behind it (a page opened from an email): the event's version is
   * read first (one small query), so the details are never older than what is committed.
   */
  async current(
    manager: EntityManager,
    eventId: string,
    locale: MailLocale,
  ): Promise<Readonly<EventMailContext> | null> {
    await this.require(eventId, await versionOf(manager, eventId));
    return this.get(manager, eventId, locale);
  }

  /**
   * Called as soon as a claim answers, with the event's version the claim read: from then on `get`
   * hands out details no older than that version. Cached details are kept when they are of that
   * version or were read after the claim answered (those saw all it saw); others are dropped, and
   * the next `get` reads the event again. No query of its own.
   */
  async require(eventId: string, version: string | null): Promise<void> {
    const claimed = this.loads;
    for (;;) {
      const cached = this.cache.get(eventId);
      if (!cached || cached.load > claimed) return;
      const loaded = await cached.value.catch(() => null);
      // Replaced while it was being read (a claim of a newer version, or its time ran out): look
      // at the one that replaced it.
      if (this.cache.get(eventId) !== cached) continue;
      if (loaded?.version !== version) this.cache.delete(eventId);
      return;
    }
  }

  private stored(manager: EntityManager, eventId: string): Promise<Loaded> {
    const cached = this.cache.get(eventId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const value = this.load(manager, eventId);
    const entry = { at: Date.now(), load: ++this.loads, value };
    this.cache.set(eventId, entry);
    value.catch(() => {
      if (this.cache.get(eventId) === entry) this.cache.delete(eventId);
    });
    if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value as string);
    return value;
  }

  private async load(manager: EntityManager, eventId: string): Promise<Loaded> {
    // The version first: the details read after it are at least that new. The other way round,
    // an edit committed in between would leave old details under the new version.
    const version = await versionOf(manager, eventId);
    const event = await manager.findOne(Event, {
      where: { id: eventId },
      relations: { organization: true, coHosts: true },
    });
    if (!event) return { version: null, stored: null };
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
    const shared = {
      id: event.id,
      status: event.status,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      onlineUrl: event.onlineUrl,
      capacity: event.capacity,
      registrationClosesAt: event.registrationClosesAt,
      themes: event.themes,
      publicPage: hasPublicPage(event),
      withoutSlots: await withoutSlots(manager, event.id),
    };
    const stored: StoredContext = { ja: { ...shared, ...names('ja') }, en: { ...shared, ...names('en') } };
    return { version, stored };
  }
}

async function versionOf(manager: EntityManager, eventId: string): Promise<string | null> {
  const [{ version }]: { version: string | null }[] = await manager.query(
    `SELECT ${eventMailVersionSql('$1::uuid')} AS version`,
    [eventId],
  );
  return version;
}
