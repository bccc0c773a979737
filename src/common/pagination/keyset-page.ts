import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { InputError } from '../errors/app-error';
import { isUuid } from '../validation/uuid';
import { ConnectionShape } from './connection';

export const MAX_PAGE_SIZE = 200;
/**
 * How many rows allPages reads at a time. An export reads the whole list, and each page costs a
 * round of its joins whatever its length (at 60,000 requests, pages of 200 read the participants
 * 300 times over), so fewer, longer pages; 2,000 rows of ids stay far below Postgres's 65,535
 * parameters.
 */
export const WHOLE_LIST_PAGE_SIZE = 2_000;

/** `ASC` for oldest or earliest first; `DESC` for newest first. The id tie-breaker follows it. */
export type SortDirection = 'ASC' | 'DESC';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  /**
   * Set by allPages only, never from a client: the page is one part of reading the whole list. The
   * count (a query over the whole list, which nobody reads then) is skipped and `totalCount` is 0,
   * and the page may hold up to WHOLE_LIST_PAGE_SIZE rows.
   */
  wholeList?: boolean;
}

/**
 * Keyset pagination on (sortColumn, id): stable under inserts, and each page is one indexed query
 * however deep the client scrolls. The cursor is opaque to clients: base64url of [sortValue, id].
 *
 * The sort value in the cursor is Postgres's own text of the column, not the entity's JS value: a
 * JS Date keeps milliseconds while timestamptz keeps microseconds, and a cursor rounded down
 * compares below the row it came from, so that row (and every row created in the same
 * transaction) came back on the next page, forever. The id breaks ties between equal sort values.
 * `sortColumn` is a property of the query's main alias: `registration.createdAt`. With `DESC` both
 * the column and the id run backwards, so a page continues below its cursor instead of above it.
 */
export async function keysetPage<E extends ObjectLiteral & { id: string }, N>(
  query: SelectQueryBuilder<E>,
  sortColumn: string,
  page: PageArgs,
  toNode: (row: E) => N,
  direction: SortDirection = 'ASC',
): Promise<ConnectionShape<N>> {
  const first = pageSize(page);
  const alias = query.alias;
  const column = sortColumnOf(query, sortColumn);
  const cursor = page.after ? decodeCursor(page.after) : null;
  // A cursor is opaque but not signed: one edited by hand must not reach Postgres as a bad value.
  if (cursor && !fitsColumn(cursor[0], column)) throw invalidCursor();
  const totalCount = page.wholeList ? 0 : await query.clone().getCount();
  if (cursor) {
    const [sortValue, id] = cursor;
    const beyond = direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${sortColumn}, ${alias}.id) ${beyond} (:cursorSort, :cursorId)`, {
      cursorSort: sortValue,
      cursorId: id,
    });
  }
  query.orderBy(sortColumn, direction).addOrderBy(`${alias}.id`, direction);
  // A join to many rows multiplies them: only take() counts entities (TypeORM reads the page's ids
  // in a query over every joined row first).
  const multiplies = query.expressionMap.joinAttributes.some((join) => join.isMany);
  const { rows, sortValues } = multiplies
    ? await pageByTake(query, column, first + 1)
    : await pageByIds(query, column, first + 1);
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => ({
    cursor: encodeCursor(sortValues.get(row.id) ?? null, row.id),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * How many rows a page holds: `first`, 50 by default, refused outside 1…MAX_PAGE_SIZE naming the
 * field (allPages' own pages may be longer).
 */
export function pageSize(page: PageArgs): number {
  const first = page.first ?? 50;
  if (page.wholeList && first >= 1 && first <= WHOLE_LIST_PAGE_SIZE) return first;
  if (first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputError('first', `first は 1〜${MAX_PAGE_SIZE} の範囲で指定してください`).withEnglish(
      `The number of items (first) must be between 1 and ${MAX_PAGE_SIZE}.`,
    );
  }
  return first;
}

interface FoundRows<E> {
  rows: E[];
  /** The sort column of each row as Postgres writes it (`2026-12-05 08:45:12.123456+00`), by id. */
  sortValues: Map<string, string | null>;
}

/**
 * The page's ids and sort values first, from a query that reads nothing else, then its rows by id.
 * Postgres leaves out the joins the first query does not use and finds the page on the table
 * alone, cheaply however well it knows the table. As one query with every join, a page of a large
 * event whose rows it had not yet counted (the scheduler had just written 30,000 meetings) joined
 * and sorted all of them: 200 ms a page, against 26 ms so and 1 ms once it has counted them.
 */
async function pageByIds<E extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<E>,
  column: ColumnMetadata,
  limit: number,
): Promise<FoundRows<E>> {
  const escape = (name: string) => query.connection.driver.escape(name);
  const found: { id: string; sort: string | null }[] = await query
    .clone()
    .select(`${query.alias}.id`, 'id')
    // CAST, not ::text: the list's own parameters may include one named :text.
    .addSelect(`CAST(${escape(query.alias)}.${escape(column.databaseName)} AS text)`, 'sort')
    .limit(limit)
    .getRawMany();
  if (found.length === 0) return { rows: [], sortValues: new Map() };
  const rows = await query
    .andWhere(`${query.alias}.id IN (:...pageIds)`, { pageIds: found.map((row) => row.id) })
    .getMany();
  return { rows, sortValues: new Map(found.map((row) => [row.id, row.sort])) };
}

async function pageByTake<E extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<E>,
  column: ColumnMetadata,
  limit: number,
): Promise<FoundRows<E>> {
  const rows = await query.take(limit).getMany();
  return { rows, sortValues: await exactSortValues(query, column, rows.slice(0, limit - 1)) };
}

/** The sort value of each row as Postgres writes it, read by id. */
async function exactSortValues<E extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<E>,
  column: ColumnMetadata,
  rows: E[],
): Promise<Map<string, string | null>> {
  if (rows.length === 0) return new Map();
  const metadata = query.expressionMap.mainAlias!.metadata;
  const escape = (name: string) => query.connection.driver.escape(name);
  const raw: { id: string; sort: string | null }[] = await query
    .createQueryBuilder()
    .select(`row.${escape('id')}`, 'id')
    .addSelect(`row.${escape(column.databaseName)}::text`, 'sort')
    .from(metadata.target, 'row')
    .where(`row.${escape('id')} IN (:...ids)`, { ids: rows.map((row) => row.id) })
    .getRawMany();
  return new Map(raw.map((row) => [row.id, row.sort]));
}

function sortColumnOf<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  sortColumn: string,
): ColumnMetadata {
  const [sortAlias, property] = sortColumn.split('.');
  const column =
    sortAlias === query.alias
      ? query.expressionMap.mainAlias!.metadata.findColumnWithPropertyPath(property)
      : undefined;
  if (!column) throw new Error(`keysetPage sorts on a column of ${query.alias}, not ${sortColumn}`);
  return column;
}

const TIME_TYPES: unknown[] = ['timestamptz', 'timestamp', 'date', Date];

/** Whether a cursor's sort value can be compared with the column: a date or time, or text. */
function fitsColumn(value: string | number | null, column: ColumnMetadata): boolean {
  if (value === null) return column.isNullable;
  if (TIME_TYPES.includes(column.type)) return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  return typeof value === 'string';
}

function invalidCursor(): InputError {
  return new InputError('after', 'カーソルの形式が正しくありません').withEnglish(
    'The cursor (after) is not valid: give the endCursor of the page before.',
  );
}

export function encodeCursor(sortValue: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number | null, string] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw invalidCursor();
  const [sortValue, id] = decoded as unknown[];
  const sortable = sortValue === null || typeof sortValue === 'string' || typeof sortValue === 'number';
  if (!sortable || typeof id !== 'string' || !isUuid(id)) throw invalidCursor();
  return [sortValue, id];
}

/**
 * Every node of a paginated list, page by page (for exports, where the whole list is wanted),
 * without counting the list again for each page.
 */
export async function allPages<N>(fetchPage: (page: PageArgs) => Promise<ConnectionShape<N>>): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  do {
    const page: ConnectionShape<N> = await fetchPage({ first: WHOLE_LIST_PAGE_SIZE, after, wholeList: true });
    nodes.push(...page.edges.map((edge) => edge.node));
    const next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    // A cursor that does not move would page forever and take the process down with it.
    if (next !== null && next === after) throw new Error('allPages: the cursor did not advance');
    after = next;
  } while (after);
  return nodes;
}
