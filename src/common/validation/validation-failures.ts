import { getMetadataStorage, ValidationError } from 'class-validator';
import { fieldSubject } from './field-labels';
import { JAPANESE_TEXT } from '../japan/japanese-text';

/**
 * Rules that say the value is missing. When a field is left blank, 「事業者名を入力してください」 is
 * the message that helps, not the length rule that also fails on it.
 */
const PRESENCE = ['isDefined', 'isNotEmpty', 'isString'];

/**
 * Japanese for every class-validator rule the inputs use, for rules declared without a message of
 * their own (class-validator's defaults are English: "title must be shorter than or equal to 200
 * characters"). `subject` is the field as fieldSubject names it; `args` are the rule's constraints.
 */
const MESSAGES: Record<string, (subject: string, args: unknown[]) => string> = {
  maxLength: (subject, [max]) => `${subject}は ${String(max)} 文字以内で入力してください`,
  minLength: (subject, [min]) => `${subject}は ${String(min)} 文字以上で入力してください`,
  min: (subject, [min]) => `${subject}は ${String(min)} 以上で指定してください`,
  max: (subject, [max]) => `${subject}は ${String(max)} 以下で指定してください`,
  isInt: (subject) => `${subject}は整数で指定してください`,
  isNumber: (subject) => `${subject}は数値で指定してください`,
  isBoolean: (subject) => `${subject}は true か false で指定してください`,
  isString: (subject) => `${subject}は文字列で入力してください`,
  isNotEmpty: (subject) => `${subject}を入力してください`,
  isDefined: (subject) => `${subject}を指定してください`,
  isUuid: (subject) => `${subject}の形式が正しくありません（UUID を指定してください）`,
  isEnum: (subject) => `${subject}に指定できない値です`,
  isIn: (subject, [values]) =>
    `${subject}は ${(values as unknown[]).join('、')} のいずれかを指定してください`,
  isDate: (subject) => `${subject}の日時が正しくありません`,
  isEmail: (subject) => `${subject}はメールアドレスの形式で入力してください`,
  isUrl: (subject) => `${subject}は URL の形式で入力してください`,
  matches: (subject) => `${subject}の形式が正しくありません`,
  arrayMaxSize: (subject, [max]) => `${subject}は ${String(max)} 件までにしてください`,
  arrayMinSize: (subject, [min]) => `${subject}は ${String(min)} 件以上指定してください`,
  nestedValidation: (subject) => `${subject}の形式が正しくありません`,
};

/**
 * The same in English, for participants whose locale is en (AppError.english): a rule's own
 * Japanese message has no English, so these name the field as FIELD_LABELS_EN does.
 */
const MESSAGES_EN: Record<string, (subject: string, args: unknown[]) => string> = {
  maxLength: (subject, [max]) => `${subject} must be at most ${String(max)} characters.`,
  minLength: (subject, [min]) => `${subject} must be at least ${String(min)} characters.`,
  min: (subject, [min]) => `${subject} must be ${String(min)} or more.`,
  max: (subject, [max]) => `${subject} must be ${String(max)} or less.`,
  isInt: (subject) => `${subject} must be a whole number.`,
  isNumber: (subject) => `${subject} must be a number.`,
  isBoolean: (subject) => `${subject} must be true or false.`,
  isString: (subject) => `${subject} must be text.`,
  isNotEmpty: (subject) => `${subject} cannot be empty.`,
  isDefined: (subject) => `${subject} is required.`,
  isUuid: (subject) => `${subject} is not in the right format (a UUID is expected).`,
  isEnum: (subject) => `${subject} is not one of the values allowed.`,
  isIn: (subject, [values]) => `${subject} must be one of ${(values as unknown[]).join(', ')}.`,
  isDate: (subject) => `${subject} is not a valid date and time.`,
  isEmail: (subject) => `${subject} must be a valid address, such as name@example.com.`,
  isUrl: (subject) => `${subject} must be a URL.`,
  matches: (subject) => `${subject} is not in the right format.`,
  arrayMaxSize: (subject, [max]) => `${subject} can have at most ${String(max)} items.`,
  arrayMinSize: (subject, [min]) => `${subject} needs at least ${String(min)} items.`,
  nestedValidation: (subject) => `${subject} is not in the right format.`,
};

/**
 * What a rule that says more than MESSAGES_EN can (which municipality was not found, what a date
 * looks like) gives as its English, in its `context`: `{ en: 'text' }` or a function of the field's
 * subject and value. See japan.validators.ts.
 */
export type EnglishMessage = string | ((subject: string, value: unknown) => string);

/**
 * class-validator's nested errors as [field path, first message] pairs: `company.corporateNumber`.
 * In English (locale en) a pair's message is undefined where the rule has no English.
 */
export function validationFailures(errors: ValidationError[], locale?: 'ja'): [string, string][];
export function validationFailures(errors: ValidationError[], locale: 'en'): [string, string | undefined][];
export function validationFailures(errors: ValidationError[], locale: 'ja' | 'en' = 'ja') {
  return failures(errors, locale, '');
}

function failures(
  errors: ValidationError[],
  locale: 'ja' | 'en',
  prefix: string,
  /** The input class the paths start in, whose own labels come first (a person's 役職, not タイトル). */
  type = errors[0]?.target?.constructor.name,
): [string, string | undefined][] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const rule = PRESENCE.find((name) => name in constraints) ?? Object.keys(constraints)[0];
    const message = locale === 'en' ? englishFor : messageFor;
    const own: [string, string | undefined][] = rule ? [[path, message(error, rule, path, type)]] : [];
    return own.concat(failures(error.children ?? [], locale, path, type));
  });
}

/** The rule's own message when it was given one (always Japanese), else the Japanese one above. */
function messageFor(error: ValidationError, rule: string, path: string, type?: string): string {
  const original = error.constraints![rule];
  const japanese = MESSAGES[rule];
  if (JAPANESE_TEXT.test(original) || !japanese) return original;
  return japanese(fieldSubject(path, 'ja', type), constraintsOf(error, rule));
}

/** The rule's English (its context's, else MESSAGES_EN's), or undefined when it has none. */
function englishFor(error: ValidationError, rule: string, path: string, type?: string): string | undefined {
  const own = (error.contexts?.[rule] as { en?: EnglishMessage } | undefined)?.en;
  const subject = fieldSubject(path, 'en', type);
  if (typeof own === 'function') return own(subject, error.value);
  if (own) return own;
  return MESSAGES_EN[rule]?.(subject, constraintsOf(error, rule));
}

/** The constraints the rule was declared with (MaxLength(200): [200]). */
function constraintsOf(error: ValidationError, rule: string): unknown[] {
  const target = error.target?.constructor;
  const metadata = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .find((item) => item.propertyName === error.property && (item.name ?? item.type) === rule)
    : undefined;
  return metadata?.constraints ?? [];
}
