import { glossedTags } from '../../matching/engine';
import { EmailDetail, MailLocale } from './email-layout';

/**
 * How much of the description an email carries when the event has a page with the whole of it: a
 * few short paragraphs, read on a phone before the buttons. Without a page the email is the only
 * place the invitee can read it, so it carries up to DESCRIPTION_WITHOUT_PAGE.
 */
export const DESCRIPTION_WITH_PAGE = 400;
export const DESCRIPTION_WITHOUT_PAGE = 2_000;

const LABEL = {
  ja: {
    themes: 'テーマ',
    about: '内容',
    aboutInJapanese: '内容',
    page: 'イベントページ',
    more: '…（続きはイベントページで）',
    cut: '…',
  },
  en: {
    themes: 'Themes',
    about: 'About',
    aboutInJapanese: 'About (in Japanese)',
    page: 'Event page',
    more: '… (continued on the event page)',
    cut: '…',
  },
} as const;

/**
 * What an event is about, as detail lines for an email that asks the reader to come: テーマ (for
 * an English reader with the English beside each, as the digest glosses tags), the description
 * (cut short when very long, with the event page for the rest where there is one; an English
 * reader's in Japanese labelled so), and the event page. Each only where the event has it.
 */
export function eventAboutDetails(
  locale: MailLocale,
  event: { description?: string; descriptionInJapanese?: boolean; themes?: string[] },
  pageUrl: string | null,
): EmailDetail[] {
  const label = LABEL[locale];
  const themes = event.themes ?? [];
  const description = (event.description ?? '').trim();
  return [
    ...(themes.length ? [{ label: label.themes, value: themesFor(locale, themes) }] : []),
    ...(description
      ? [
          {
            label: event.descriptionInJapanese ? label.aboutInJapanese : label.about,
            value: cutShort(locale, description, pageUrl !== null),
          },
        ]
      : []),
    ...(pageUrl ? [{ label: label.page, value: pageUrl }] : []),
  ];
}

function cutShort(locale: MailLocale, description: string, hasPage: boolean): string {
  // By code point, so a character outside the BMP (𠮷) is not cut in half.
  const chars = Array.from(description);
  const limit = hasPage ? DESCRIPTION_WITH_PAGE : DESCRIPTION_WITHOUT_PAGE;
  if (chars.length <= limit) return description;
  const kept = chars.slice(0, limit).join('').trimEnd();
  return kept + (hasPage ? LABEL[locale].more : LABEL[locale].cut);
}

/** An event's テーマ as one line: 「事業承継、販路開拓」, or "事業承継 (business succession), …" in English. */
export function themesFor(locale: MailLocale, themes: string[]): string {
  return locale === 'en' ? glossedTags(themes).join(', ') : themes.join('、');
}
