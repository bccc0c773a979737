import type { GraphQLFormattedError } from 'graphql';
import { englishOf, INTERNAL_ERROR } from '../errors/app-error';
import { englishMessage } from '../errors/english-fallback';
import { errorReaderOf } from './error-readers';
import { formatInputError } from './graphql-input-errors';

/**
 * Apollo's formatError: the one place where every error of an operation takes the words its reader
 * reads. The code, reason and field stay the same in either language; the message is English for a
 * participant whose locale is en (our own errors' `english`, the refusals of GraphQL itself, and for
 * an error with neither a plain English sentence chosen by its code: see fallbackEnglish), Japanese
 * for everyone else.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const reader = errorReaderOf(error);
  if (formatted.extensions?.reason) {
    return reader.locale === 'en' ? inEnglish(formatted, englishOf(error)) : formatted;
  }
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && formatted.message === INTERNAL_ERROR.message)
    return reader.locale === 'en' ? { ...formatted, message: INTERNAL_ERROR.english } : formatted;
  const input = formatInputError(formatted, error, reader);
  // A refusal formatInputError did not word (our scalar's Japanese where it could not find the field).
  return reader.locale === 'en' && input === formatted ? inEnglish(formatted, englishOf(error)) : input;
}

function inEnglish(formatted: GraphQLFormattedError, english: string | undefined): GraphQLFormattedError {
  const message = englishMessage({
    message: formatted.message,
    english,
    kind: formatted.extensions?.code,
    field: formatted.extensions?.field,
  });
  return message === formatted.message ? formatted : { ...formatted, message };
}
