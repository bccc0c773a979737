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

  /**
   * The heading of a link's page for this error, in each language, where the page's own (「キャンセル
   * できませんでした」) would say something went wrong and nothing did (a link a newer email replaced).
   */
  pageTitle?: { ja: string; en: string };

  titled(ja: string, en: string): this {
    this.pageTitle = { ja, en };
    return this;
  }
}

/**
 * The English message an error carries for a reader whose locale is en: an AppError's `english`,
 * or that of the error it wraps (graphql-js wraps what a resolver or a scalar threw as
 * `originalError`). Undefined when it has none.
 */
export function englishOf(error: unknown): string | undefined {
  for (let depth = 0; depth < 4 && typeof error === 'object' && error !== null; depth++) {
    const english = (error as { english?: unknown }).english;
    if (typeof english === 'string') return english;
    error = (error as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** What a client reads of an error that is ours, not theirs: the details stay in the log. */
export const INTERNAL_ERROR = {
  message: '内部エラーが発生しました',
  english: 'Something went wrong on our side.',
} as const;

export class InputError extends AppError {
  constructor(field: string, message: string, code = 'INVALID_INPUT') {
    super(ErrorKind.BAD_USER_INPUT, code, message, field);
  }
}

export class NotFoundError extends AppError {
  /**
   * `field` when the missing thing was named by an input field (`coHostIds`, `organizationId`).
   * Without it, `id` (the id looked for) lets the filter name the argument that held it.
   */
  constructor(
    code: string,
    message: string,
    field?: string,
    readonly id?: string,
  ) {
    super(ErrorKind.NOT_FOUND, code, message, field);
  }
}

const NOT_ALLOWED = 'この操作を行う権限がありません';
const SIGN_IN = 'ログインが必要です';

export class ForbiddenError extends AppError {
  constructor(message = NOT_ALLOWED, code = 'FORBIDDEN') {
    super(ErrorKind.FORBIDDEN, code, message);
    if (message === NOT_ALLOWED) this.english = 'You are not allowed to do this.';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = SIGN_IN, code = 'UNAUTHENTICATED') {
    super(ErrorKind.UNAUTHENTICATED, code, message);
    if (message === SIGN_IN) this.english = 'Please sign in.';
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, field?: string) {
    super(ErrorKind.CONFLICT, code, message, field);
  }
}
