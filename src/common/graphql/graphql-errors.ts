import type { GraphQLFormattedError } from 'graphql';
import { englishOf, INTERNAL_ERROR } from '../errors/app-error';
import { errorReaderOf } from './error-readers';
import { formatInputError } from './graphql-input-errors';

/**
 * Apollo's formatError: the one place where every error of an operation takes the words its reader
 * reads. The code, reason and field stay the same in either language; the message is English for a
 * participant whose locale is en where the error has English (our own errors' `english`, the
 * refusals of GraphQL itself), Japanese otherwise and for staff.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const reader = errorReaderOf(error);
  if (formatted.extensions?.reason) {
    const english = reader.locale === 'en' ? englishOf(error) : undefined;
    return english ? { ...formatted, message: english } : formatted;
  }
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && formatted.message === INTERNAL_ERROR.message)
    return reader.locale === 'en' ? { ...formatted, message: INTERNAL_ERROR.english } : formatted;
  return formatInputError(formatted, error, reader);
}
