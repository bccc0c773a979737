import { ASTNode, GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const ISO_WITH_OPTIONAL_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ISO 8601 date-times, written out in Asia/Tokyo (`2026-12-01T14:00:00+09:00`). Input without a
 * zone is taken as Tokyo time, because that is what every organiser means by 「14時開始」.
 */
export const TokyoDateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 日時。タイムゾーン省略時は日本時間（+09:00）として扱い、出力は +09:00 表記',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return toTokyoIso(date);
  },
  parseValue(value) {
    return parseTokyo(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw refused('日時は文字列で指定してください', 'a date and time must be given as text.', ast);
    try {
      return parseTokyo(ast.value);
    } catch (error) {
      // With the node, the error knows where it is, so the field it belongs to can be named.
      throw new GraphQLError((error as Error).message, { nodes: ast, originalError: error as Error });
    }
  },
});

/**
 * A refusal in Japanese, with the English a participant whose locale is en reads after the field's
 * name (formatInputError): "From: no such date and time: 2027-02-30".
 */
function refused(japanese: string, english: string, nodes?: ASTNode): GraphQLError {
  return Object.assign(new GraphQLError(japanese, { nodes }), { english });
}

export function toTokyoIso(date: Date): string {
  return new Date(date.getTime() + TOKYO_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+09:00');
}

/** No date in this service (an event, a deal, a follow-up) falls outside these years. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/**
 * As staff type a time: full-width digits and dashes (NFKC) and 2027/04/15 are read as
 * 2027-04-15, without a zone as Tokyo time; anything else is refused with an example of the form.
 * The exports' date ranges read their instants with it too (dateRange).
 */
export function parseTokyo(raw: unknown): Date {
  const value =
    typeof raw === 'string'
      ? raw
          .normalize('NFKC')
          .trim()
          .replace(/^(\d{4})\/(\d{2})\/(\d{2})/, '$1-$2-$3')
      : raw;
  const match = typeof value === 'string' ? ISO_WITH_OPTIONAL_ZONE.exec(value) : null;
  const malformed = () =>
    refused(
      `日時の形式が正しくありません（例: 2027-04-15T10:00）: ${String(raw)}`,
      `not a date and time in the form 2027-04-15T10:00: ${String(raw)}`,
    );
  if (!match) throw malformed();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const zone = match[7];
  // JavaScript rolls 2027-02-30 over to 2027-03-02 without a word; an organiser meant neither.
  const wallClock = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exists =
    wallClock.getUTCFullYear() === year &&
    wallClock.getUTCMonth() === month - 1 &&
    wallClock.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!exists) throw refused(`存在しない日時です: ${String(raw)}`, `no such date and time: ${String(raw)}`);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw refused(
      `日時は ${FIRST_YEAR}年〜${LAST_YEAR}年 の範囲で指定してください: ${String(raw)}`,
      `the year must be from ${FIRST_YEAR} to ${LAST_YEAR}: ${String(raw)}`,
    );
  }
  const text = match[4] === undefined ? `${value as string}T00:00:00` : (value as string).replace(' ', 'T');
  const date = new Date(zone ? text : `${text}+09:00`);
  if (Number.isNaN(date.getTime())) throw malformed();
  return date;
}
