import { InputError } from '../errors/app-error';
import {
  allPages,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  PageArgs,
  pageSize,
  WHOLE_LIST_PAGE_SIZE,
} from './keyset-page';

describe('keyset cursor', () => {
  it('keeps the sort value to the microsecond and the id', () => {
    const cursor = encodeCursor('2026-12-05 08:45:12.123456+00', 'c0a80101-0000-4000-8000-000000000001');
    expect(decodeCursor(cursor)).toEqual([
      '2026-12-05 08:45:12.123456+00',
      'c0a80101-0000-4000-8000-000000000001',
    ]);
  });

  it('refuses a cursor it did not write, naming `after`', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      'abc',
      forged([1]),
      forged(['2026-12-05', 'not-a-uuid']),
      forged([{ a: 1 }, 'c0a80101-0000-4000-8000-000000000001']),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(InputError);
      try {
        decodeCursor(bad);
      } catch (error) {
        expect((error as InputError).field).toBe('after');
      }
    }
  });
});

describe('allPages', () => {
  const page = (ids: string[], endCursor: string | null, hasNextPage: boolean) => ({
    edges: ids.map((id) => ({ cursor: id, node: id })),
    pageInfo: { hasNextPage, endCursor },
    totalCount: 0,
  });

  it('follows endCursor to the last page', async () => {
    const pages = [page(['a', 'b'], 'b', true), page(['c'], 'c', false)];
    let call = 0;
    await expect(allPages(() => Promise.resolve(pages[call++]))).resolves.toEqual(['a', 'b', 'c']);
  });

  it('reads long pages without counting, where a client may ask for no more than MAX_PAGE_SIZE', async () => {
    const asked: PageArgs[] = [];
    await allPages((args) => {
      asked.push(args);
      return Promise.resolve(page(['a'], 'a', false));
    });
    expect(asked).toEqual([{ first: WHOLE_LIST_PAGE_SIZE, after: null, wholeList: true }]);
    expect(pageSize(asked[0])).toBe(WHOLE_LIST_PAGE_SIZE);
    expect(() => pageSize({ first: MAX_PAGE_SIZE + 1 })).toThrow(InputError);
    expect(() => pageSize({ first: WHOLE_LIST_PAGE_SIZE + 1, wholeList: true })).toThrow(InputError);
  });

  it('stops with an error instead of paging forever when the cursor does not move', async () => {
    await expect(allPages(() => Promise.resolve(page(['a'], 'a', true)))).rejects.toThrow(/did not advance/);
  });
});
