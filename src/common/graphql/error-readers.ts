import type { GraphQLSchema } from 'graphql';

/** Whom an operation's errors are for: their language, and the schema the operation ran against. */
export interface ErrorReader {
  locale: 'ja' | 'en';
  schema?: GraphQLSchema;
}

const readers = new WeakMap<object, ErrorReader>();

/**
 * Apollo formats one error at a time, without the request it came from; the plugin that knows the
 * request (ReaderLanguagePlugin) says here, before formatting starts, whom each error is for.
 */
export function setErrorReader(errors: readonly unknown[], reader: ErrorReader): void {
  for (const error of errors) if (typeof error === 'object' && error !== null) readers.set(error, reader);
}

/** The reader of an error, as the plugin set it; Japanese when it did not. */
export function errorReaderOf(error: unknown): ErrorReader {
  return (typeof error === 'object' && error !== null && readers.get(error)) || { locale: 'ja' };
}
