import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Yen: a whole, non-negative number of yen, sent as a JSON number. GraphQL's Int stops at
 * 2,147,483,647 (about 21億円), which one 商談 or one year's 成約金額 can pass, and Float would let
 * 1.5 円 through; this holds every integer up to 2^53 − 1 (about 9千兆円) exactly and refuses the rest.
 */
export const Yen = new GraphQLScalarType<number, number>({
  name: 'Yen',
  description: '金額（円）。0 以上の整数（JSON の数値）',
  serialize(value) {
    // Postgres bigint sums may arrive as strings; a yen figure that is not a whole number is a bug.
    const yen = typeof value === 'string' ? Number(value) : value;
    if (!isYen(yen)) throw new GraphQLError(`Yen cannot represent ${String(value)}`);
    return yen;
  },
  parseValue(value) {
    if (!isYen(value)) throw new GraphQLError(refusal(value));
    return value;
  },
  parseLiteral(ast) {
    const yen = ast.kind === Kind.INT ? Number(ast.value) : undefined;
    // With the node, the error knows where it is, so the field it belongs to can be named.
    if (!isYen(yen)) throw new GraphQLError(refusal('value' in ast ? ast.value : ast.kind), { nodes: ast });
    return yen;
  },
});

function isYen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function refusal(value: unknown): string {
  return `金額は 0 円以上の円単位の整数で入力してください（半角数字だけで、カンマや「円」は付けずに。例: 1800000。上限は ${Number.MAX_SAFE_INTEGER.toLocaleString('ja-JP')} 円）: ${String(value)}`;
}
