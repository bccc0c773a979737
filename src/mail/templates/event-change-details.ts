import { EventChangeSummary } from '../../events/event-changes';
import { EventMailContext } from '../event-mail-context';
import { EmailDetail, MailLocale } from './email-layout';
import { formatEventTime } from './mail-dates';

/** What the changed parts were before the change (each part only when it is known). */
export interface EventChangedWas {
  startsAt?: Date;
  endsAt?: Date;
  venue?: string | null;
  onlineUrl?: string | null;
}

/** A change of the event as an email about it tells it: what changed, and what it was. */
export interface EventChangeNotice {
  changed: EventChangeSummary;
  was: EventChangedWas;
}

/**
 * The change an outbox row carries (see changeNoticeParams), for the reader: the old venue in
 * their language. Rows written before the old values were parameters say what is new only.
 */
export function changeNoticeOf(params: Record<string, string>, locale: MailLocale): EventChangeNotice {
  const changed = (params.changed ?? '').split(',');
  const { wasStartsAt, wasEndsAt, wasVenue, wasVenueEn, wasOnlineUrl } = params;
  return {
    changed: {
      schedule: changed.includes('schedule'),
      moved: changed.includes('moved'),
      place: changed.includes('place'),
    },
    was: {
      ...(wasStartsAt && wasEndsAt ? { startsAt: new Date(wasStartsAt), endsAt: new Date(wasEndsAt) } : {}),
      ...(wasVenue !== undefined || wasOnlineUrl !== undefined
        ? {
            // The old venue as the reader knew it (rows written before wasVenueEn have the Japanese only).
            venue: (locale === 'en' && wasVenueEn) || wasVenue || null,
            onlineUrl: wasOnlineUrl || null,
          }
        : {}),
    },
  };
}

/** The value now; if it changed, marked so, with what it was (when known) on the next line. */
export function markedValue(
  locale: MailLocale,
  now: string | null,
  isChanged: boolean,
  before: string | null | undefined,
  none: string,
): string {
  const en = locale === 'en';
  if (!isChanged) return now ?? '';
  const marked = `${now ?? none}${en ? ' (changed)' : '（変更）'}`;
  if (!before) return marked;
  return `${marked}\n${en ? `(before: ${before})` : `（変更前: ${before}）`}`;
}

/**
 * The 日時, 会場 and オンライン参加 lines: the new value, marked as changed, with what it was under
 * it. A place that is gone (a venue dropped for an online-only event) still shows, as なし / None,
 * so the reader sees where not to go.
 */
export function placeAndTimeDetails(
  locale: MailLocale,
  event: Pick<EventMailContext, 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl'>,
  changed: EventChangeSummary,
  was: EventChangedWas,
): EmailDetail[] {
  const label =
    locale === 'en'
      ? { date: 'Date', venue: 'Venue', online: 'Online', none: 'None' }
      : { date: '日時', venue: '会場', online: 'オンライン参加', none: 'なし' };
  const line = (now: string | null, isChanged: boolean, before: string | null | undefined) =>
    markedValue(locale, now, isChanged, before, label.none);
  /** 会場 or オンライン参加: changed if the place changed and this part differs (or we do not know). */
  const placePart = (labelText: string, now: string | null, before: string | null | undefined) => {
    const isChanged = changed.place && (before === undefined || (before ?? '') !== (now ?? ''));
    // Shown when there is one now, or when one was dropped (where not to go any more).
    if (now === null && !(isChanged && before)) return [];
    return [{ label: labelText, value: line(now, isChanged, before) }];
  };
  const wasWhen = was.startsAt && was.endsAt ? formatEventTime(locale, was.startsAt, was.endsAt) : null;
  return [
    {
      label: label.date,
      value: line(formatEventTime(locale, event.startsAt, event.endsAt), changed.schedule, wasWhen),
    },
    ...placePart(label.venue, event.venue, was.venue),
    ...placePart(label.online, event.onlineUrl, was.onlineUrl),
  ];
}
