import { Role } from '../../src/auth/actor';
import { fiscalYearOf } from '../../src/common/japan/fiscal-year';
import { tokyoDateOf } from '../../src/common/time/calendar-date';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  moveEventTo,
  registerMutation,
  staffSession,
} from './fixtures';
import { GraphqlResponse, ok, TestApp } from './test-app';

/** A reason for recording a deal into an ended 年度 today, which recordDeal asks for. */
export const RECORDED_LATE = '記録漏れ（年度内に入力していなかった）';

/**
 * A deal recorded today into an ended 年度 (with the reason that takes) made to look as if it had
 * been recorded during that year: no reason was asked then and no record left, so the record of
 * its addition (年度終了後の訂正（追加）) goes. For the tests of what happens to a year's deals after
 * it ended, which start from deals the year's report counted. Answers the deal's id.
 */
export async function asRecordedInItsYear(t: TestApp, dealId: string): Promise<string> {
  await t.dataSource.query(`DELETE FROM deal_corrections WHERE deal_id = $1 AND kind = 'ADDED'`, [dealId]);
  return dealId;
}

export interface CorrectingOrganization {
  org: string;
  organizer: string;
  staff: string;
  /** The two people every deal is between. */
  a: { id: string; email: string };
  b: { id: string; email: string };
  /**
   * The 年度 before today's: ended (and most likely reported) in any month, every date in it past,
   * so a deal can be recorded there and corrected today, after its end.
   */
  lastYear: number;
  /** Today in Tokyo, when the organisation was set up. */
  today: string;
  /**
   * recordDeal between a and b (an ORDER unless `type` says otherwise), by its staff, as if it had
   * been recorded in its year (asRecordedInItsYear): the deal's id.
   */
  record(input: Record<string, unknown>, token?: string): Promise<string>;
  /** recordDeal between a and b, by its staff, today: the answer, refused or not. */
  recordToday(
    input: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResponse<{ recordDeal: { id: string } }>>;
  /** updateDeal, by its staff. */
  change(id: string, input: Record<string, unknown>, token?: string): Promise<void>;
  /** deleteDeal, by its staff. */
  deleteDeal(id: string, reason?: string, token?: string): Promise<void>;
  /**
   * An event of the organisation (CreateEventInput fields in `input`) that a and b registered for,
   * then moved to begin at `startsAt`, in that day's 年度, so that deals can be recorded for it.
   */
  eventHeldAt(startsAt: string, input?: Record<string, unknown>): Promise<string>;
}

/**
 * An organisation of its own, with an organizer, a staff member and two people to record deals
 * between, for the tests of 年度終了後の訂正: deals recorded in the ended `lastYear`, then deleted or
 * changed today.
 */
export async function correctingOrganization(
  t: TestApp,
  admin: string,
  organization: { name: string; kind?: string },
  people: [{ name: string; company: string }, { name: string; company: string }],
): Promise<CorrectingOrganization> {
  const org = await createOrganization(t, admin, { kind: 'MUNICIPALITY', ...organization });
  const organizer = await staffSession(t, Role.ORGANIZER, org);
  const staff = await staffSession(t, Role.STAFF, org);
  const [a, b] = [
    await createParticipant(t, organizer, { name: people[0].name, company: { name: people[0].company } }),
    await createParticipant(t, organizer, { name: people[1].name, company: { name: people[1].company } }),
  ];
  const mutate = async (query: string, variables: Record<string, unknown>, token: string) =>
    ok(await t.gql<Record<string, { id: string }>>(query, variables, token));
  const recordToday = (input: Record<string, unknown>, token = staff) =>
    t.gql<{ recordDeal: { id: string } }>(
      'mutation($input: RecordDealInput!) { recordDeal(input: $input) { id } }',
      { input: { participantAId: a.id, participantBId: b.id, type: 'ORDER', ...input } },
      token,
    );
  return {
    org,
    organizer,
    staff,
    a,
    b,
    lastYear: fiscalYearOf(new Date()) - 1,
    today: tokyoDateOf(new Date()),
    record: async (input, token = staff) =>
      asRecordedInItsYear(t, ok(await recordToday({ reason: RECORDED_LATE, ...input }, token)).recordDeal.id),
    recordToday,
    change: async (id, input, token = staff) => {
      await mutate(
        'mutation($id: ID!, $input: UpdateDealInput!) { updateDeal(id: $id, input: $input) { id } }',
        { id, input },
        token,
      );
    },
    deleteDeal: async (id, reason, token = staff) => {
      await mutate(
        'mutation($id: ID!, $reason: String) { deleteDeal(id: $id, reason: $reason) { id } }',
        { id, reason },
        token,
      );
    },
    eventHeldAt: async (startsAt, input = {}) => {
      const eventId = await createPublishedEvent(t, organizer, input);
      for (const person of [a, b])
        ok(await t.gql(registerMutation(), { eventId, participantId: person.id }, organizer));
      await moveEventTo(t, eventId, startsAt);
      return eventId;
    },
  };
}
