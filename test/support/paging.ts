import { failure, GraphqlResponse, ok } from './test-app';

export interface ConnectionPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Runs one list query (one field, a connection) with the given paging arguments. */
export type PageQuery = (paging: {
  first?: number;
  after?: string | null;
}) => Promise<GraphqlResponse<Record<string, ConnectionPage>>>;

const connection = async (response: Promise<GraphqlResponse<Record<string, ConnectionPage>>>) =>
  Object.values(ok(await response))[0];

/**
 * What every cursor-paginated list promises, checked on one of 201 to 400 rows: two pages of 200
 * hold `expected` in order, without a gap or a repeat, with totalCount and pageInfo right; the
 * default page is the first 50; a bad cursor or page size is refused naming `after` or `first`.
 */
export async function expectPaging(query: PageQuery, expected: string[]): Promise<void> {
  const first = await connection(query({ first: 200 }));
  expect(first.totalCount).toBe(expected.length);
  expect(first.edges).toHaveLength(200);
  expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[199].cursor });
  const second = await connection(query({ first: 200, after: first.pageInfo.endCursor }));
  expect(second.totalCount).toBe(expected.length);
  expect(second.edges).toHaveLength(expected.length - 200);
  expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges.at(-1)!.cursor });
  expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(expected);
  const byDefault = await connection(query({}));
  expect(byDefault.edges.map((edge) => edge.node.id)).toEqual(expected.slice(0, 50));

  expect(failure(await query({ after: 'not-a-cursor' })).extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'after',
  });
  for (const size of [0, 201]) {
    expect(failure(await query({ first: size })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  }
}
