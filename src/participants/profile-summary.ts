import { municipalityForEnglishReader } from '../common/japan/municipality';
import type { MailLocale } from '../mail/templates/email-layout';
import { glossedTags, jsicDivision, jsicDivisionName } from '../matching/engine';
import { Participant } from './participant.entity';

/** What a public profile says someone offers and needs, in a line each (may be empty). */
export interface ProfileSummary {
  offers: string;
  needs: string;
}

/** Who someone is, for a reader who has not met them: the summary and, above it, `about`. */
export interface ProfileIntroduction extends ProfileSummary {
  /** Industry and municipality, as far as the profile gives them: 「製造業／東京都葛飾区」. */
  about: string | null;
}

/** The longest free text quoted; the rest is on the profile. */
const SUMMARY_LENGTH = 80;

/**
 * For an email that introduces someone: their tags (passed through `shown`, e.g. to add the
 * English for Japanese words), or their free text, shortened, when they gave no tags.
 */
export function profileSummary(
  person: Pick<Participant, 'offers' | 'needs' | 'offersText' | 'needsText'>,
  shown: (tags: string[]) => string[] = (tags) => tags,
  separator = '、',
): ProfileSummary {
  const line = (tags: string[], text: string) => {
    if (tags.length > 0) return shown(tags).join(separator);
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > SUMMARY_LENGTH ? `${flat.slice(0, SUMMARY_LENGTH - 1)}…` : flat;
  };
  return { offers: line(person.offers, person.offersText), needs: line(person.needs, person.needsText) };
}

/**
 * Who someone is, from their public profile only (no contact details: those wait until both agree
 * to meet): industry and municipality, and what they offer and look for; for an English reader a
 * Japanese tag has the English beside it. The same wherever a person is introduced to another:
 * the おすすめ digest and its page, the request email and its answer page.
 */
export function profileIntroduction(
  person: Pick<Participant, 'company' | 'offers' | 'needs' | 'offersText' | 'needsText'>,
  locale: MailLocale,
): ProfileIntroduction {
  const division = jsicDivision(person.company?.industry ?? undefined);
  const municipality = person.company?.municipality || null;
  const area = municipality && locale === 'en' ? municipalityForEnglishReader(municipality) : municipality;
  const about = [division ? jsicDivisionName(division, locale) : null, area]
    .filter((part): part is string => !!part)
    .join(locale === 'en' ? ', ' : '／');
  const summary = locale === 'en' ? profileSummary(person, glossedTags, ', ') : profileSummary(person);
  return { about: about || null, ...summary };
}
