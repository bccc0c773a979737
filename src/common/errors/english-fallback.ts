import { fieldSubject } from '../validation/field-labels';
import { ErrorKind } from './app-error';
import { JAPANESE_TEXT } from '../japan/japanese-text';

/**
 * What a participant whose locale is en reads of an error that has no English of its own (its
 * `english`): a plain sentence chosen by its code, naming the field when there is one, so that an
 * error given English text late, or never, still never shows them Japanese. An error with its own
 * English says more; this only says what kind of refusal it is.
 */
export function fallbackEnglish(code: unknown, field?: unknown): string {
  const subject = typeof field === 'string' && field ? fieldSubject(field, 'en') : undefined;
  switch (code) {
    case ErrorKind.BAD_USER_INPUT:
      return `This request could not be completed: ${subject ?? 'something in it'} is not valid.`;
    case ErrorKind.NOT_FOUND:
      return subject ? `Not found: ${subject}.` : 'Not found.';
    case ErrorKind.FORBIDDEN:
      return 'You cannot do this.';
    case ErrorKind.UNAUTHENTICATED:
      return 'Please sign in.';
    case ErrorKind.CONFLICT:
      return `Conflict: this cannot be done as things stand${subject ? ` (${subject})` : ''}.`;
    default:
      return 'This request could not be completed.';
  }
}

/**
 * An error's message for an English reader: its own English, else its message when that is already
 * free of Japanese (a framework's refusal), else fallbackEnglish.
 */
export function englishMessage(error: {
  message: string;
  english?: string;
  kind?: unknown;
  field?: unknown;
}): string {
  if (error.english) return error.english;
  return JAPANESE_TEXT.test(error.message) ? fallbackEnglish(error.kind, error.field) : error.message;
}
