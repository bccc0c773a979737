import type { MailLocale } from '../mail/templates/email-layout';
import { Event } from './event.entity';
import { JAPANESE_TEXT } from '../common/japan/japanese-text';

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

/**
 * The description in the reader's language, as eventTitleFor does the title. `inJapanese`: an
 * English reader gets the Japanese one (there is no English one), which is said beside it so they
 * know what they are looking at; a description the organiser wrote in English anyway is not.
 */
export function eventDescriptionFor(
  event: Pick<Event, 'description' | 'descriptionEn'>,
  locale: MailLocale,
): { text: string; inJapanese: boolean } {
  if (locale === 'en' && event.descriptionEn) return { text: event.descriptionEn, inJapanese: false };
  return { text: event.description, inJapanese: locale === 'en' && JAPANESE_TEXT.test(event.description) };
}
