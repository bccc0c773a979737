import { nameVariantsOf } from '../common/japan/person-name';

/** What an erased person is called wherever their name stood. */
export const ERASED_NAME = '（削除済み）';

/** Between the characters of a name as staff type it: spaces of either width, variation selectors. */
const GAP = '[\\s\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}]*';

/** After a surname, the words that make it a person's: 「髙橋様」「高橋社長」, not 「高橋精密」. */
const HONORIFICS = [
  '様',
  'さま',
  'さん',
  '氏',
  '殿',
  '社長',
  '会長',
  '専務',
  '常務',
  '部長',
  '課長',
  '係長',
  '代表',
];

/** Hyphens, spaces and brackets that staff put between a phone number's digits. */
const PHONE_GAP = '[\\s\\-‐－ー−()（）]*';

export interface MentionedPerson {
  name: string;
  furigana: string | null;
  email: string;
  phone: string | null;
}

/**
 * Replaces, in staff's free text (a deal's notes, a follow-up's result), what names the person:
 * their full name (spacing and variant kanji as in nameKey: 髙橋 in the profile is 高橋 in a
 * note), their surname where an honorific follows it (「高橋様に確認」), their フリガナ, email
 * address and phone number. A surname on its own is left: 「高橋精密」 is the company, which stays.
 */
export function mentionRedactor(person: MentionedPerson): (text: string) => string {
  const patterns: RegExp[] = [];
  const words = person.name
    .trim()
    .split(/[\s\u3000]+/u)
    .filter(Boolean);
  if (words.length > 0) patterns.push(new RegExp(spelled(words.join('')), 'gu'));
  if (words.length > 1) {
    patterns.push(new RegExp(`${spelled(words[0])}(?=${GAP}(?:${HONORIFICS.join('|')}))`, 'gu'));
  }
  const furigana =
    person.furigana
      ?.trim()
      .split(/[\s\u3000]+/u)
      .filter(Boolean) ?? [];
  if (furigana.length > 0) patterns.push(new RegExp(spelled(furigana.join('')), 'gu'));
  patterns.push(new RegExp(escapeRegExp(person.email), 'giu'));
  const digits = (person.phone ?? '').replace(/\D/g, '');
  // Fewer digits would match parts of amounts and dates.
  if (digits.length >= 10) {
    patterns.push(
      new RegExp(
        `(?<![0-9０-９])${Array.from(digits, (digit) => `[${digit}${fullWidth(digit)}]`).join(PHONE_GAP)}(?![0-9０-９])`,
        'gu',
      ),
    );
  }
  return (text) => patterns.reduce((redacted, pattern) => redacted.replace(pattern, ERASED_NAME), text);
}

/** A pattern for `word` typed with any spacing between its characters and any variant of each. */
function spelled(word: string): string {
  return Array.from(word, (character) => {
    const forms = nameVariantsOf(character);
    return forms.length === 1 ? escapeRegExp(forms[0]) : `[${forms.join('')}]`;
  }).join(GAP);
}

function fullWidth(digit: string): string {
  return String.fromCharCode(digit.charCodeAt(0) + 0xfee0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
