import type { MailLocale } from '../mail/templates/email-layout';
import { Event } from './event.entity';

/**
 * The event's title in the reader's language: the English one for an English reader, where the
 * organiser gave one; the Japanese title otherwise (and always for staff).
 */
export function eventTitleFor(event: Pick<Event, 'title' | 'titleEn'>, locale: MailLocale): string {
  return locale === 'en' && event.titleEn ? event.titleEn : event.title;
}

/** The venue in the reader's language, as eventTitleFor does the title; null for an online-only event. */
export function eventVenueFor(event: Pick<Event, 'venue' | 'venueEn'>, locale: MailLocale): string | null {
  return locale === 'en' && event.venueEn && event.venue ? event.venueEn : event.venue;
}
