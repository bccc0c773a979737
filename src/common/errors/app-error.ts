/**
 * The few kinds of failure a client can act on. Each feature names its own codes
 * (see `*.errors.ts`); the GraphQL filter maps the kind to `extensions.code`.
 */
export enum ErrorKind {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

export class AppError extends Error {
  /** The message in English, for the pages and emails of participants whose locale is en. */
  english?: string;

  constructor(
    readonly kind: ErrorKind,
    /** Stable, feature-specific code, e.g. EVENT_INVALID_TRANSITION. */
    readonly code: string,
    message: string,
    /** The input field at fault, when there is one (e.g. `corporateNumber`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Adds the English message (participant-facing errors: the pages behind email links). */
  withEnglish(message: string): this {
    this.english = message;
    return this;
  }

  /**
   * The language of the person a link's page is for, when the error knows whose link it is (a
   * sign-in link already used): the page speaks it rather than the browser's.
   */
  readerLocale?: 'ja' | 'en';

  forReader(locale: 'ja' | 'en'): this {
    this.readerLocale = locale;
    return this;
  }
}

export class InputError extends AppError {
  constructor(field: string, message: string, code = 'INVALID_INPUT') {
    super(ErrorKind.BAD_USER_INPUT, code, message, field);
  }
}

export class NotFoundError extends AppError {
  /** `field` when the missing thing was named by an input field (`coHostIds`, `organizationId`). */
  constructor(code: string, message: string, field?: string) {
    super(ErrorKind.NOT_FOUND, code, message, field);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'この操作を行う権限がありません', code = 'FORBIDDEN') {
    super(ErrorKind.FORBIDDEN, code, message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'ログインが必要です', code = 'UNAUTHENTICATED') {
    super(ErrorKind.UNAUTHENTICATED, code, message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, field?: string) {
    super(ErrorKind.CONFLICT, code, message, field);
  }
}
