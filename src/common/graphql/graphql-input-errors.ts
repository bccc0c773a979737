import {
  ArgumentNode,
  ASTNode,
  getNamedType,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  isInputObjectType,
  Kind,
  parse,
  typeFromAST,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { englishOf } from '../errors/app-error';
import { fieldSubject } from '../validation/field-labels';
import type { ErrorReader } from './error-readers';
import { JAPANESE_TEXT } from '../japan/japanese-text';

/**
 * Apollo refuses a wrong enum value, a malformed scalar or a missing argument before any resolver
 * runs, in English and without naming the field (GRAPHQL_VALIDATION_FAILED for values written in the
 * query, BAD_USER_INPUT for variables). This turns those refusals into what our own input errors look
 * like: BAD_USER_INPUT, `extensions.field` as the client wrote it, and a message in the reader's
 * language (Japanese, or English for a participant whose locale is en), naming the field by its
 * label. Mistakes in the shape of the query (a field the type does not have, a syntax error) pass
 * unchanged.
 */
export function formatInputError(
  formatted: GraphQLFormattedError,
  error: unknown,
  reader: ErrorReader = { locale: 'ja' },
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (formatted.extensions?.reason || (code !== 'BAD_USER_INPUT' && code !== 'GRAPHQL_VALIDATION_FAILED')) {
    return formatted;
  }
  // Duck-typed: Apollo may hand over the error from its own copy of graphql-js.
  const refusal = readRefusal(formatted.message, isGraphqlError(error) ? error : undefined, reader.schema);
  if (!refusal) return formatted;
  return {
    message: refusal.say(reader.locale),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'BAD_USER_INPUT', field: refusal.field },
  };
}

/** A refusal read: the field at fault, and what is wrong with it in either language. */
interface Refusal {
  field: string;
  say(locale: 'ja' | 'en'): string;
}

function isGraphqlError(
  error: unknown,
): error is Pick<GraphQLError, 'source' | 'positions' | 'originalError'> {
  return typeof error === 'object' && error !== null && 'positions' in error;
}

const VARIABLE_VALUE = /^Variable "\$(\w+)" got invalid value /;
/** graphql-js's path inside a variable, after the printed value: ` at "input.targets[1].metric"`. */
const VARIABLE_AT = / at "(\w+(?:\.\w+|\[\d+\])*)"$/;
const VARIABLE_MISSING =
  /^Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)/;
const ARGUMENT_MISSING =
  /^(?:Argument "(\w+)" of required type "[^"]+" was not provided|Field "\w+" argument "(\w+)" of type "[^"]+" is required)/;
/** A field of an input object left out, or one the type does not have: named inside the object. */
const FIELD_MISSING = /^Field "(?:\w+\.)?(\w+)" of required type "[^"]+" was not provided/;
const FIELD_UNKNOWN = /^Field "(\w+)" is not defined by type/;
/** How graphql-js refuses a value written in the query: ValuesOfCorrectTypeRule and the scalars. */
const LITERAL_REFUSALS = [
  /^Expected value of type /,
  /^Value "[^"]*" does not exist in "\w+" enum/,
  /^(?:Enum "\w+"|Int|Float|String|Boolean|ID) cannot represent /,
  FIELD_MISSING,
  FIELD_UNKNOWN,
  // Our own scalars (Yen, DateTime) refuse in Japanese.
  JAPANESE_TEXT,
];
/** A scalar that threw a plain Error: graphql-js puts its message after the type it expected. */
const EXPECTED_VALUE_BECAUSE = /^Expected value of type "[^"]+", found /;

type RefusedError = Pick<GraphQLError, 'source' | 'positions' | 'originalError'>;

function readRefusal(message: string, error?: RefusedError, schema?: GraphQLSchema): Refusal | undefined {
  const variable = readVariableRefusal(message, error?.originalError);
  if (variable) {
    const { name, at, reason } = variable;
    return refusalAt(
      at ? pathOf(at) : [name],
      reason,
      schema && error ? variableType(schema, error, name) : undefined,
      englishOf(error?.originalError),
    );
  }
  const missing = VARIABLE_MISSING.exec(message) ?? ARGUMENT_MISSING.exec(message);
  if (missing) return required(missing[1] ?? missing[2]);
  if (!error || !LITERAL_REFUSALS.some((refusal) => refusal.test(message))) return undefined;
  const literal = literalPath(error, schema);
  if (!literal) return undefined;
  return refusalAt(
    literal.path,
    wrappedReason(message, error.originalError) ?? scalarReason(message) ?? message,
    literal.type,
    englishOf(error.originalError),
  );
}

function required(field: string, type?: string): Refusal {
  return {
    field,
    say: (locale) =>
      locale === 'en'
        ? `${fieldSubject(field, 'en', type)} is required.`
        : `${fieldSubject(field, 'ja', type)}を指定してください`,
  };
}

/**
 * `Variable "$input" got invalid value <the value, printed> at "input.company"; <what is wrong>`. The
 * printed value is whatever the client sent, "; " and quotes included (「町工場の技術; 海外の販路」), so
 * it cannot be matched over. What is wrong is the message of the error graphql-js wrapped, which
 * Apollo keeps as `originalError`; without it, the printed value ends at the first "; " outside its
 * quoted strings (graphql-js prints strings as JSON, so quotes inside them are escaped).
 */
function readVariableRefusal(
  message: string,
  original?: { message?: unknown } | null,
): { name: string; at?: string; reason: string } | undefined {
  const start = VARIABLE_VALUE.exec(message);
  if (!start) return undefined;
  const reason = wrappedReason(message, original);
  const end =
    reason !== undefined ? message.length - reason.length - 2 : endOfPrintedValue(message, start[0].length);
  if (end < 0) return undefined;
  const value = message.slice(start[0].length, end);
  return { name: start[1], at: VARIABLE_AT.exec(value)?.[1], reason: message.slice(end + 2) };
}

/** What a scalar said after graphql-js's `Expected value of type "Yen", found <the value>; `. */
function scalarReason(message: string): string | undefined {
  const start = EXPECTED_VALUE_BECAUSE.exec(message);
  const end = start ? endOfPrintedValue(message, start[0].length) : -1;
  return end < 0 ? undefined : message.slice(end + 2);
}

/** graphql-js's `…; <reason>` where the reason is the message of the error it wrapped. */
function wrappedReason(message: string, original?: { message?: unknown } | null): string | undefined {
  const reason = original?.message;
  return typeof reason === 'string' && reason && reason !== message && message.endsWith(`; ${reason}`)
    ? reason
    : undefined;
}

/** Where the first "; " outside a quoted string begins, from `from` on; -1 if there is none. */
function endOfPrintedValue(message: string, from: number): number {
  let quoted = false;
  for (let index = from; index < message.length; index++) {
    const char = message[index];
    if (quoted && char === '\\') index++;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';' && message[index + 1] === ' ') return index;
  }
  return -1;
}

/**
 * `path` leads from the argument (or variable) to the value refused, or to the input object a field
 * is missing from or unknown to; `reason` is graphql-js's English for what is wrong there, or our
 * scalar's Japanese (with its `english`, when it has one). `type` is the argument's input type, for
 * the labels of its own fields.
 */
function refusalAt(path: string[], reason: string, type?: string, english?: string): Refusal {
  const missing = FIELD_MISSING.exec(reason);
  if (missing) {
    const [field, inType] = fieldOf([...path, missing[1]]);
    return required(field, inType ? type : undefined);
  }
  const unknown = FIELD_UNKNOWN.exec(reason);
  if (unknown) {
    const [field] = fieldOf([...path, unknown[1]]);
    return {
      field,
      say: (locale) =>
        locale === 'en'
          ? `There is no field ${field}.${didYouMean(reason, 'en')}`
          : `${field} という項目はありません${didYouMean(reason, 'ja')}`,
    };
  }
  const [field, inType] = fieldOf(path);
  return { field, say: (locale) => explain(locale, field, reason, inType ? type : undefined, english) };
}

/** `input.company.name` and `targets[1].metric`, as graphql-js prints a path inside a variable. */
function pathOf(at: string): string[] {
  return at.replace(/\[(\d+)\]/g, '.$1').split('.');
}

/**
 * The field as the client wrote it inside the argument, the way class-validator names it
 * (`company.name`), or the argument itself when it is the value (`first`). An item of a list
 * argument is numbered under the list's name: `targets.1.metric`. The second value says whether
 * the field is named inside the argument's input type.
 */
function fieldOf([argument, ...inside]: string[]): [field: string, inType: boolean] {
  return inside.length === 0 || /^\d+$/.test(inside[0])
    ? [[argument, ...inside].join('.'), false]
    : [inside.join('.'), true];
}

/** The input type a variable was declared with (`$input: ProfileInput!` → ProfileInput). */
function variableType(schema: GraphQLSchema, error: RefusedError, name: string): string | undefined {
  if (!error.source) return undefined;
  let type: string | undefined;
  visit(parse(error.source.body), {
    VariableDefinition(definition) {
      if (definition.variable.name.value !== name) return;
      const declared = typeFromAST(schema, definition.type);
      const named = declared && getNamedType(declared);
      if (named && isInputObjectType(named)) type = named.name;
    },
  });
  return type;
}

/**
 * For a value written in the query itself graphql-js gives only where it stands, so read the query
 * again and follow the argument, the object fields and the list items down to that place.
 */
function literalPath(
  error: Pick<GraphQLError, 'source' | 'positions'>,
  schema?: GraphQLSchema,
): { path: string[]; type?: string } | undefined {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return undefined;
  let found: { path: string[]; type?: string } | undefined;
  // With the schema, the argument's input type is known too (its fields' own labels).
  const types = schema ? new TypeInfo(schema) : undefined;
  const visitor = {
    Argument(argument: ArgumentNode) {
      if (encloses(argument.value, position)) {
        const declared = types?.getArgument()?.type;
        const named = declared && getNamedType(declared);
        found = {
          path: [argument.name.value, ...pathInside(argument.value, position)],
          type: named && isInputObjectType(named) ? named.name : undefined,
        };
      }
      return false;
    },
  };
  const document = parse(error.source.body);
  visit(document, types ? visitWithTypeInfo(types, visitor) : visitor);
  return found;
}

function pathInside(value: ValueNode, position: number): string[] {
  if (value.kind === Kind.OBJECT) {
    const field = value.fields.find((candidate) => encloses(candidate.value, position));
    return field ? [field.name.value, ...pathInside(field.value, position)] : [];
  }
  if (value.kind === Kind.LIST) {
    const index = value.values.findIndex((item) => encloses(item, position));
    return index < 0 ? [] : [String(index), ...pathInside(value.values[index], position)];
  }
  return [];
}

function encloses(node: ASTNode, position: number): boolean {
  return node.loc !== undefined && node.loc.start <= position && position < node.loc.end;
}

/** What is wrong with the value of `field`, in the reader's language. */
function explain(
  locale: 'ja' | 'en',
  field: string,
  reason: string,
  type: string | undefined,
  english: string | undefined,
): string {
  const subject = fieldSubject(field, locale, type);
  // Our scalars (DateTime, Yen) already explain themselves in Japanese, and in English where they
  // can. graphql-js's English may quote the client's Japanese text, so only a reason that begins
  // in Japanese is ours.
  if (JAPANESE_TEXT.test(reason.charAt(0))) {
    if (locale === 'en') return english ? `${subject}: ${english}` : `${subject} is not valid.`;
    const label = subject.trim();
    return reason.startsWith(label) ? reason : `${label}: ${reason}`;
  }
  const quoted =
    /^Enum "\w+" cannot represent non-enum value: "([^"]*)"\. Did you mean the enum value "\1"\?/.exec(
      reason,
    );
  // About how the query is written, for whoever wrote it: the field as they wrote it.
  if (quoted)
    return locale === 'en'
      ? `Write ${field} as ${quoted[1]}, without quotes.`
      : `${field} は引用符を付けずに ${quoted[1]} と書いてください`;
  const enumValue =
    /Value "([^"]*)" does not exist in "\w+" enum|Enum "\w+" cannot represent non-enum value: "?([^".]*)"?/.exec(
      reason,
    );
  const says = SAYS[locale];
  if (enumValue) return says.notAllowed(subject, enumValue[1] ?? enumValue[2]) + didYouMean(reason, locale);
  if (/^Int cannot represent non 32-bit/.test(reason)) return says.outOfRange(subject);
  if (/^Int cannot/.test(reason)) return says.notWhole(subject);
  if (/^Float cannot/.test(reason)) return says.notNumber(subject);
  if (/^Boolean cannot/.test(reason)) return says.notBoolean(subject);
  if (/^String cannot|^ID cannot/.test(reason)) return says.notText(subject);
  if (/found null\.$|not to be null|must not be null/.test(reason)) return says.missing(subject);
  return says.invalid(subject);
}

/** graphql-js's refusals of a value, said of the field (its label, as fieldSubject gives it). */
const SAYS: Record<'ja' | 'en', Record<string, (subject: string, value?: string) => string>> = {
  ja: {
    notAllowed: (subject, value) => `${subject}に指定できない値です: ${value}`,
    outOfRange: (subject) => `${subject}の値が範囲を超えています`,
    notWhole: (subject) => `${subject}は整数で指定してください`,
    notNumber: (subject) => `${subject}は数値で指定してください`,
    notBoolean: (subject) => `${subject}は true か false で指定してください`,
    notText: (subject) => `${subject}は文字列で指定してください`,
    missing: (subject) => `${subject}を指定してください`,
    invalid: (subject) => `${subject}の値が正しくありません`,
  },
  en: {
    notAllowed: (subject, value) => `${subject} cannot be ${value}.`,
    outOfRange: (subject) => `${subject} is out of range.`,
    notWhole: (subject) => `${subject} must be a whole number.`,
    notNumber: (subject) => `${subject} must be a number.`,
    notBoolean: (subject) => `${subject} must be true or false.`,
    notText: (subject) => `${subject} must be text.`,
    missing: (subject) => `${subject} is required.`,
    invalid: (subject) => `${subject} is not valid.`,
  },
};

/** graphql-js's 'Did you mean "venue"?' as 「（venue のことですか）」, or " Did you mean venue?". */
function didYouMean(reason: string, locale: 'ja' | 'en'): string {
  const suggestions = /Did you mean (.*)\?$/.exec(reason)?.[1].match(/"[^"]*"/g);
  if (!suggestions) return '';
  const names = suggestions.map((name) => name.slice(1, -1));
  return locale === 'en'
    ? ` Did you mean ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names.at(-1)}?`
    : `（${names.join('、')} のことですか）`;
}
