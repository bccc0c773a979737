import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isValidCorporateNumber } from './corporate-number';
import { isKatakana } from './furigana';
import { parseJsic } from './jsic';
import { fieldSubject } from '../validation/field-labels';
import { isValidMunicipality, normalizeMunicipality, PREFECTURES } from './municipality';

function stringRule(
  name: string,
  test: (value: string) => boolean,
  message: string | ((args: ValidationArguments) => string),
) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
}

export const IsCorporateNumber = stringRule(
  'isCorporateNumber',
  isValidCorporateNumber,
  '法人番号は13桁の数字で、先頭のチェックデジットが正しい必要があります',
);
export const IsFurigana = stringRule(
  'isFurigana',
  isKatakana,
  'フリガナはカタカナ（またはひらがな）で入力してください',
);
export const IsJsicCode = stringRule(
  'isJsicCode',
  (value) => parseJsic(value) !== undefined,
  '業種は日本標準産業分類の大分類（A〜T）で指定してください',
);
/** Named as staff call the field: 所在地 of a company or an organisation, 開催地域 of a mini-salon. */
export const IsMunicipality = stringRule('isMunicipality', isValidMunicipality, ({ value, property }) =>
  typeof value === 'string' &&
  PREFECTURES.some((prefecture) => normalizeMunicipality(value).startsWith(prefecture))
    ? `${fieldSubject(property)}「${value}」という市区町村は見つかりません。都道府県名に続けて市区町村名を入力してください（例: 東京都葛飾区）`
    : `${fieldSubject(property)}は都道府県名から始まる市区町村名で入力してください（例: 東京都葛飾区）`,
);
