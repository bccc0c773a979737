import { InputError } from '../errors/app-error';
import { fieldSubject } from './field-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before an id reaches SQL: Postgres would reject a malformed uuid with a 500. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** An ID argument checked before it reaches SQL, so a typo is BAD_USER_INPUT naming the field. */
export function uuidArg(field: string, value: string): string {
  if (!isUuid(value))
    throw new InputError(field, `${field} の形式が正しくありません（UUID を指定してください）`).withEnglish(
      `${fieldSubject(field, 'en')} is not in the right format (a UUID is expected).`,
    );
  return value;
}
