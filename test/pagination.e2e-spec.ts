import { fetchCsv } from './support/csv-export';
import { invitationCampaign } from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * 300 invitations are written in one transaction, so their registrations and outbox messages share
 * one created_at to the microsecond. Paging through them, by GraphQL or by a CSV export, must give
 * each row exactly once and stop.
 */
describe('paging through rows created in one transaction', () => {
  let t: TestApp;
  let organizer: string;
  let eventId: string;
  const COUNT = 300;

  beforeAll(async () => {
    t = await createTestApp();
    ({ organizer, eventId } = await invitationCampaign(t, {
      organization: { name: '葛飾区商工会議所', municipality: '東京都葛飾区' },
      eventTitle: '事業承継セミナー',
      invitees: { emailPrefix: 'page', name: '頁 太郎', furigana: 'ページ タロウ', count: COUNT },
    }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('shares one created_at across the invitation rows (the case being tested)', async () => {
    const [{ distinct }] = await t.dataSource.query(
      'SELECT count(DISTINCT created_at)::int AS distinct FROM registrations WHERE event_id = $1',
      [eventId],
    );
    expect(distinct).toBe(1);
  });

  const walk = async (field: 'registrations' | 'outboxMessages') => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const data: Record<
        string,
        { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
      > = ok(
        await t.gql(
          `query($eventId: ID!, $after: String) {
              ${field}(eventId: $eventId, first: 70, after: $after) {
                edges { node { id } } pageInfo { hasNextPage endCursor }
              }
            }`,
          { eventId, after },
          organizer,
        ),
      );
      ids.push(...data[field].edges.map((edge) => edge.node.id));
      if (!data[field].pageInfo.hasNextPage) return ids;
      after = data[field].pageInfo.endCursor;
    }
    throw new Error(`${field} did not reach its last page in 20 pages`);
  };

  it.each(['registrations', 'outboxMessages'] as const)(
    '%s gives every row once, page by page',
    async (field) => {
      const ids = await walk(field);
      expect(ids).toHaveLength(COUNT);
      expect(new Set(ids).size).toBe(COUNT);
    },
  );

  it('refuses a cursor edited by hand as bad input naming `after`, before it reaches the database', async () => {
    const [{ id }]: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM registrations WHERE event_id = $1 LIMIT 1',
      [eventId],
    );
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const after of [forged(['last tuesday', id]), forged(['2026-12-05', 'x']), forged([null, id])]) {
      const result = await t.gql(
        'query($eventId: ID!, $after: String) { registrations(eventId: $eventId, after: $after) { totalCount } }',
        { eventId, after },
        organizer,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it.each(['registrations.csv', 'emails.csv'])('%s has one line per row', async (file) => {
    const { status, lines } = await fetchCsv(t, `/exports/events/${eventId}/${file}`, organizer);
    expect(status).toBe(200);
    const rows = lines.slice(1);
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows).size).toBe(COUNT);
  });
});
