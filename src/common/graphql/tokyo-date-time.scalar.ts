import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

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
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return parseTokyo(ast.value);
  },
});

export function toTokyoIso(date: Date): string {
  return new Date(date.getTime() + TOKYO_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+09:00');
}

function parseTokyo(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_WITH_OPTIONAL_ZONE.exec(value.trim()) : null;
  if (!match) throw new GraphQLError(`日時の形式が正しくありません: ${String(value)}`);
  const [, , , , hour] = match;
  const zone = match[7];
  const text =
    hour === undefined ? `${value as string}T00:00:00` : (value as string).trim().replace(' ', 'T');
  const date = new Date(zone ? text : `${text}+09:00`);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`日時の形式が正しくありません: ${String(value)}`);
  return date;
}
