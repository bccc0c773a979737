import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isValidCorporateNumber } from './corporate-number';
import { isKatakana } from './furigana';
import { parseJsic } from './jsic';
import { fieldSubject } from '../validation/field-labels';
import type { EnglishMessage } from '../validation/validation-failures';
import { isValidMunicipality, normalizeMunicipality, PREFECTURES } from './municipality';
import { normalizeTag } from './tags';

/**
 * A rule on text with its Japanese message and, in its context, the English one that a participant
 * whose locale is en reads (see validationFailures).
 */
function stringRule(
  name: string,
  test: (value: string) => boolean,
  message: string | ((args: ValidationArguments) => string),
  english: EnglishMessage,
) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message, context: { en: english }, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
}

export const IsCorporateNumber = stringRule(
  'isCorporateNumber',
  isValidCorporateNumber,
  '法人番号は13桁の数字で、先頭のチェックデジットが正しい必要があります',
  'The corporate number must be 13 digits with a correct check digit first.',
);
export const IsFurigana = stringRule(
  'isFurigana',
  isKatakana,
  'フリガナはカタカナ（またはひらがな）で入力してください',
  'Please write the furigana (the reading of your name) in katakana or hiragana.',
);
export const IsJsicCode = stringRule(
  'isJsicCode',
  (value) => parseJsic(value) !== undefined,
  '業種は日本標準産業分類の大分類（A〜T）で指定してください',
  'The industry must be a division of the Japan Standard Industrial Classification (A to T).',
);
/** Whether the text starts with a prefecture: then it is the municipality that was not found. */
const namesPrefecture = (value: unknown) =>
  typeof value === 'string' &&
  PREFECTURES.some((prefecture) => normalizeMunicipality(value).startsWith(prefecture));
/** Named as staff call the field: 所在地 of a company or an organisation, 開催地域 of a mini-salon. */
export const IsMunicipality = stringRule(
  'isMunicipality',
  isValidMunicipality,
  ({ value, property }) =>
    namesPrefecture(value)
      ? `${fieldSubject(property)}「${String(value)}」という市区町村は見つかりません。都道府県名に続けて市区町村名を入力してください（例: 東京都葛飾区）`
      : `${fieldSubject(property)}は都道府県名から始まる市区町村名で入力してください（例: 東京都葛飾区）`,
  (subject, value) =>
    namesPrefecture(value)
      ? `${subject}: no municipality called "${String(value)}" was found. Please enter the prefecture followed by the city, ward, town or village in Japanese (e.g. 東京都葛飾区).`
      : `${subject} must be a prefecture followed by a city, ward, town or village, in Japanese (e.g. 東京都葛飾区).`,
);

/**
 * Each item of a list of tags (offers, needs, themes) says something once normalised: an empty
 * item, or spaces alone (full-width ones too), would otherwise be dropped as the list is stored,
 * and a list of nothing but such items would quietly empty what the person had. Declare with
 * `{ each: true }`.
 */
export const IsTag = stringRule(
  'isTag',
  (value) => normalizeTag(value) !== '',
  ({ property }) => `${fieldSubject(property)}に空の項目があります。項目を入力するか、取り除いてください`,
  (subject) => `${subject} cannot contain an empty item.`,
);
