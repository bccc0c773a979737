import { getMetadataStorage, ValidationError } from 'class-validator';
import { fieldSubject } from './field-labels';

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

/** class-validator's nested errors as [field path, first message] pairs: `company.corporateNumber`. */
export function validationFailures(errors: ValidationError[], prefix = ''): [string, string][] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const rule = PRESENCE.find((name) => name in constraints) ?? Object.keys(constraints)[0];
    const own: [string, string][] = rule ? [[path, messageFor(error, rule, path)]] : [];
    return own.concat(validationFailures(error.children ?? [], path));
  });
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The rule's own message when it was given one (always Japanese), else the Japanese one above. */
function messageFor(error: ValidationError, rule: string, path: string): string {
  const original = error.constraints![rule];
  const japanese = MESSAGES[rule];
  if (JAPANESE.test(original) || !japanese) return original;
  const target = error.target?.constructor;
  const metadata = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .find((item) => item.propertyName === error.property && (item.name ?? item.type) === rule)
    : undefined;
  return japanese(fieldSubject(path), metadata?.constraints ?? []);
}
