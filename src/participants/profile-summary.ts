import { Participant } from './participant.entity';

/** What a public profile says someone offers and needs, in a line each (may be empty). */
export interface ProfileSummary {
  offers: string;
  needs: string;
}

/** The longest free text quoted; the rest is on the profile. */
const SUMMARY_LENGTH = 80;

/**
 * For an email that introduces someone: their tags (each passed through `tag`, e.g. to add the
 * English for a Japanese word), or their free text, shortened, when they gave no tags.
 */
export function profileSummary(
  person: Pick<Participant, 'offers' | 'needs' | 'offersText' | 'needsText'>,
  tag: (tag: string) => string = (value) => value,
  separator = '、',
): ProfileSummary {
  const line = (tags: string[], text: string) => {
    if (tags.length > 0) return tags.map(tag).join(separator);
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > SUMMARY_LENGTH ? `${flat.slice(0, SUMMARY_LENGTH - 1)}…` : flat;
  };
  return { offers: line(person.offers, person.offersText), needs: line(person.needs, person.needsText) };
}
