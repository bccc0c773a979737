import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InputError } from '../errors/app-error';
import { ConnectionShape } from './connection';

export const MAX_PAGE_SIZE = 200;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Keyset pagination on (sortColumn, id): stable under inserts, and each page is one indexed query
 * however deep the client scrolls. The cursor is opaque to clients: base64url of [sortValue, id].
 */
export async function keysetPage<E extends ObjectLiteral & { id: string }, N>(
  query: SelectQueryBuilder<E>,
  sort: { column: string; value: (row: E) => string | number | Date | null },
  page: PageArgs,
  toNode: (row: E) => N,
): Promise<ConnectionShape<N>> {
  const first = page.first ?? 50;
  if (first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputError('first', `first は 1〜${MAX_PAGE_SIZE} の範囲で指定してください`);
  }
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  if (page.after) {
    const [sortValue, id] = decodeCursor(page.after);
    query.andWhere(`(${sort.column}, ${alias}.id) > (:cursorSort, :cursorId)`, {
      cursorSort: sortValue,
      cursorId: id,
    });
  }
  const rows = await query
    .orderBy(sort.column, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .take(first + 1)
    .getMany();
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(sort.value(row), row.id), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

function encodeCursor(sortValue: string | number | Date | null, id: string): string {
  const value = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[1] === 'string') {
      return decoded as [string | number | null, string];
    }
  } catch {
    // fall through to the input error below
  }
  throw new InputError('after', 'カーソルの形式が正しくありません');
}

/** Every node of a paginated list, page by page (for exports, where the whole list is wanted). */
export async function allPages<N>(fetchPage: (page: PageArgs) => Promise<ConnectionShape<N>>): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  do {
    const page: ConnectionShape<N> = await fetchPage({ first: MAX_PAGE_SIZE, after });
    nodes.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}
