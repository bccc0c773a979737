import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Apollo refuses a wrong enum value, a malformed scalar or a missing argument before any resolver
 * runs, in English and without naming the field (GRAPHQL_VALIDATION_FAILED, or BAD_USER_INPUT for
 * variables). This turns those refusals into what our own input errors look like: BAD_USER_INPUT,
 * `extensions.field` as the client wrote it, and a Japanese message. Anything else passes unchanged.
 */
export function formatInputError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (formatted.extensions?.reason || (code !== 'BAD_USER_INPUT' && code !== 'GRAPHQL_VALIDATION_FAILED')) {
    return formatted;
  }
  // Duck-typed: Apollo may hand over the error from its own copy of graphql-js.
  const refusal = readRefusal(formatted.message, isGraphqlError(error) ? error : undefined);
  if (!refusal) return formatted;
  return {
    message: refusal.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'BAD_USER_INPUT', field: refusal.field },
  };
}

function isGraphqlError(error: unknown): error is Pick<GraphQLError, 'source' | 'positions'> {
  return typeof error === 'object' && error !== null && 'positions' in error;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const VARIABLE_VALUE = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; ([\s\S]*)$/;
const VARIABLE_MISSING =
  /^Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)/;
const ARGUMENT_MISSING = /^(?:Argument|Field) "(?:\w+\.)?(\w+)" of required type "[^"]+" was not provided/;
const LITERAL_VALUE =
  /^(?:Expected value of type "[^"]+", found [\s\S]*?(?:; ([\s\S]*))?|Value "[^"]*" does not exist in "\w+" enum[\s\S]*|Enum "\w+" cannot represent [\s\S]*)$/;

function readRefusal(
  message: string,
  error?: Pick<GraphQLError, 'source' | 'positions'>,
): { field: string; message: string } | undefined {
  const variable = VARIABLE_VALUE.exec(message);
  if (variable) {
    const [, name, at, reason] = variable;
    const inside = at ? fieldInside(at) : undefined;
    const missing = ARGUMENT_MISSING.exec(reason);
    if (missing) {
      const field = [inside, missing[1]].filter(Boolean).join('.');
      return { field, message: `${field} を指定してください` };
    }
    const field = inside || name;
    return { field, message: japaneseReason(field, reason) };
  }
  const missingVariable = VARIABLE_MISSING.exec(message);
  if (missingVariable)
    return { field: missingVariable[1], message: `${missingVariable[1]} を指定してください` };
  const missingArgument = ARGUMENT_MISSING.exec(message);
  if (missingArgument)
    return { field: missingArgument[1], message: `${missingArgument[1]} を指定してください` };
  // A scalar's own refusal of a literal (the DateTime scalar's, in Japanese) arrives as it was thrown.
  const literal = LITERAL_VALUE.exec(message) ?? (JAPANESE.test(message) ? [message, message] : null);
  const field = literal && error ? fieldAtLiteral(error) : undefined;
  if (!field) return undefined;
  return { field, message: japaneseReason(field, literal?.[1] ?? message) };
}

/**
 * `at "input.company.name"` is the path from the variable: the field is what follows the variable
 * (`company.name`). In a list variable (`at "targets[1].metric"`) the item is numbered as the
 * validation of arguments numbers it, under the list's name: `targets.1.metric`.
 */
function fieldInside(at: string): string {
  const [variable, ...path] = at.replace(/\[(\d+)\]/g, '.$1').split('.');
  return /^\d+$/.test(path[0] ?? '') ? [variable, ...path].join('.') : path.join('.');
}

/** For a value written in the query itself: the name before the `:` in front of it. */
function fieldAtLiteral(error: Pick<GraphQLError, 'source' | 'positions'>): string | undefined {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return undefined;
  return /(\w+)\s*:\s*$/.exec(error.source.body.slice(0, position))?.[1];
}

function japaneseReason(field: string, reason: string): string {
  // The DateTime scalar already explains itself in Japanese.
  if (JAPANESE.test(reason)) return `${field}: ${reason}`;
  const enumValue =
    /Value "([^"]*)" does not exist in "\w+" enum|Enum "\w+" cannot represent non-enum value: "?([^".]*)"?/.exec(
      reason,
    );
  if (enumValue) return `${field} に指定できない値です: ${enumValue[1] ?? enumValue[2]}`;
  if (/^Int cannot|^Float cannot/.test(reason)) return `${field} は数値で指定してください`;
  if (/^Boolean cannot/.test(reason)) return `${field} は true か false で指定してください`;
  if (/^String cannot|^ID cannot/.test(reason)) return `${field} は文字列で指定してください`;
  if (/^Field "\w+" is not defined/.test(reason))
    return `${field} に使えない項目があります: ${/"(\w+)"/.exec(reason)?.[1]}`;
  if (/must not be null/.test(reason)) return `${field} を指定してください`;
  return `${field} の値が正しくありません`;
}
