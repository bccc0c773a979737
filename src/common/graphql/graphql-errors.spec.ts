import { GraphQLError } from 'graphql';
import { AppError, ConflictError, ErrorKind, InputError, NotFoundError } from '../errors/app-error';
import { setErrorReader } from './error-readers';
import { formatGraphqlError } from './graphql-errors';
import { JAPANESE_TEXT } from '../japan/japanese-text';

/** An AppError as AppExceptionFilter hands it to Apollo, formatted for a reader of `locale`. */
function formatFor(locale: 'ja' | 'en', error: AppError) {
  const wrapped = new GraphQLError(error.message, {
    extensions: { code: error.kind, reason: error.code, ...(error.field ? { field: error.field } : {}) },
    originalError: error,
  });
  setErrorReader([wrapped], { locale });
  return formatGraphqlError(wrapped.toJSON(), wrapped);
}

describe('formatGraphqlError for a participant reading English', () => {
  it('gives an error without English of its own a plain English sentence by its code', () => {
    const cases: [AppError, string][] = [
      [
        new InputError('email', 'メールアドレスが違います', 'SOMETHING_WRONG'),
        'This request could not be completed: Email address is not valid.',
      ],
      [new InputError('input', '何かが違います'), 'This request could not be completed: input is not valid.'],
      [new NotFoundError('THING_NOT_FOUND', 'ものが見つかりません'), 'Not found.'],
      [new NotFoundError('THING_NOT_FOUND', 'ものが見つかりません', 'eventId'), 'Not found: Event ID.'],
      [new AppError(ErrorKind.FORBIDDEN, 'NOT_YOURS', 'あなたのものではありません'), 'You cannot do this.'],
      [new AppError(ErrorKind.UNAUTHENTICATED, 'WHO', '誰ですか'), 'Please sign in.'],
      [
        new ConflictError('THING_TAKEN', 'すでにあります', 'booth'),
        'Conflict: this cannot be done as things stand (booth).',
      ],
    ];
    for (const [error, english] of cases) {
      const formatted = formatFor('en', error);
      expect(formatted.message).toBe(english);
      expect(formatted.message).not.toMatch(JAPANESE_TEXT);
      // The code, reason and field are those the Japanese reader gets.
      expect(formatted.extensions).toEqual(formatFor('ja', error).extensions);
    }
  });

  it('keeps an error’s own English, and a message that is English already', () => {
    const own = new NotFoundError('THING_NOT_FOUND', 'ものが見つかりません').withEnglish('Thing not found.');
    expect(formatFor('en', own).message).toBe('Thing not found.');
    const framework = new AppError(ErrorKind.BAD_USER_INPUT, 'BAD_REQUEST', 'Unexpected end of JSON input');
    expect(formatFor('en', framework).message).toBe('Unexpected end of JSON input');
  });

  it('leaves Japanese to everyone else', () => {
    expect(formatFor('ja', new ConflictError('THING_TAKEN', 'すでにあります')).message).toBe(
      'すでにあります',
    );
  });
});
