import 'reflect-metadata';
import { DataSource, DeepPartial, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { hashPassword } from '../src/auth/password';
import { fiscalYearLabel, fiscalYearOf } from '../src/common/japan/fiscal-year';
import { loadDatabaseConfig, loadDotEnv } from '../src/config/app-config';
import { databaseOptions } from '../src/database/database-options';
import { Deal } from '../src/deals/deal.entity';
import { FollowUp } from '../src/deals/follow-up.entity';
import { EventStatus } from '../src/events/event-enums';
import { Event } from '../src/events/event.entity';
import { MatchmakingSession } from '../src/events/matchmaking-session.entity';
import { MeetingParticipant } from '../src/meetings/meeting-participant.entity';
import { MeetingRequest } from '../src/meetings/meeting-request.entity';
import { Meeting } from '../src/meetings/meeting.entity';
import { Organization } from '../src/organizations/organization.entity';
import { Participant } from '../src/participants/participant.entity';
import { toParticipantRow } from '../src/participants/participant-row';
import { upsertParticipants } from '../src/participants/participant-store';
import { EventRole } from '../src/registrations/registration-enums';
import { Registration } from '../src/registrations/registration.entity';
import { FiscalYearTarget } from '../src/reports/targets/fiscal-year-target.entity';
import { ReportMetric } from '../src/reports/targets/report-metric';
import { SurveyResponse } from '../src/surveys/survey-response.entity';
import { User } from '../src/users/user.entity';
import { DemoEvent } from './demo/events';
import { DemoMeetingRequest } from './demo/meetings';
import { DEMO_PASSWORD, OrgKey, TARGETS_FISCAL_YEAR } from './demo/organizations';
import { DemoDeal, DemoFollowUp, DemoVisit } from './demo/outcomes';
import { DemoPerson } from './demo/people';
import { buildScenario, Scenario } from './demo/scenario';
import { DemoSurveyResponse } from './demo/surveys';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHUNK = 500;

/** The ids the upserts gave the scenario's rows, by their natural keys. */
interface SeededIds {
  organizationIds: Map<OrgKey, string>;
  eventIds: Map<string, string>;
  /** By email. */
  participantIds: Map<string, string>;
  /** Staff accounts by email. */
  staffIds: Map<string, string>;
}

export interface DemoSummary {
  organizations: number;
  staffUsers: number;
  companies: number;
  participants: number;
  events: Record<string, number>;
  sessions: number;
  registrations: Record<string, number>;
  exhibitors: number;
  meetingRequests: Record<string, number>;
  meetings: Record<string, number>;
  deals: Record<string, number>;
  followUps: { open: number; done: number };
  surveyResponses: number;
  logins: { email: string; role: string; organization: string | null }[];
  password: string;
}

/**
 * Loads the FY2026 demo into the database behind `dataSource`, in one transaction. Every row is
 * upserted on a natural key (organisation name, email, 法人番号 or company name + place, event
 * organiser + title, session name, event + participant), so running it again changes nothing.
 */
export async function seedDemo(
  dataSource: DataSource,
  scenario: Scenario = buildScenario(),
): Promise<DemoSummary> {
  // One hash for every demo account: they share the password, and argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = await dataSource.transaction(async (manager) => {
    const organizationIds = await upsertOrganizations(manager, scenario);
    await upsertTargets(manager, scenario, organizationIds);
    await upsertStaff(manager, scenario, organizationIds, passwordHash);
    const participantIds = await upsertPeople(manager, scenario.people);
    const eventIds = await upsertEvents(manager, scenario.events, organizationIds);
    await upsertRegistrations(manager, scenario, eventIds, participantIds);
    const staffIds = await staffIdsByEmail(manager, scenario);
    const keys = { organizationIds, eventIds, participantIds, staffIds };
    const requestIds = await upsertMeetingRequests(manager, scenario.meetingRequests, keys);
    const meetingIds = await upsertMeetings(manager, scenario.meetingRequests, requestIds, keys);
    await upsertDeals(manager, scenario.outcomes.deals, meetingIds, keys);
    await upsertVisits(manager, scenario.outcomes.visits, keys);
    await upsertSurveyResponses(manager, scenario.surveyResponses, keys);
    return { organizationIds, participantIds, eventIds };
  });
  return summarize(
    dataSource,
    scenario,
    ids.organizationIds,
    [...ids.participantIds.values()],
    [...ids.eventIds.values()],
  );
}

async function upsertOrganizations(manager: EntityManager, scenario: Scenario): Promise<Map<OrgKey, string>> {
  const repository = manager.getRepository(Organization);
  const ids = new Map<OrgKey, string>();
  for (const demo of scenario.organizations) {
    const corporateNumber =
      demo.corporateNumber === 'credit-union'
        ? (scenario.companies.find((company) => company.name === demo.name)?.corporateNumber ?? null)
        : demo.corporateNumber;
    const values = {
      name: demo.name,
      nameEn: demo.nameEn ?? null,
      kind: demo.kind,
      municipality: demo.municipality,
      corporateNumber,
      contactEmail: demo.contact.email,
      address: demo.contact.address,
    };
    const existing = await repository.findOne({
      where: corporateNumber ? [{ name: demo.name }, { corporateNumber }] : [{ name: demo.name }],
    });
    const saved = await repository.save(
      existing ? repository.merge(existing, values) : repository.create(values),
    );
    ids.set(demo.key, saved.id);
  }
  return ids;
}

/** Each body's 令和8年度 targets; its other years and metrics are left as they are. */
async function upsertTargets(
  manager: EntityManager,
  scenario: Scenario,
  organizationIds: Map<OrgKey, string>,
): Promise<void> {
  const rows = scenario.organizations.flatMap((demo) =>
    Object.entries(demo.targets ?? {}).map(([metric, target]) => ({
      organizationId: organizationIds.get(demo.key)!,
      fiscalYear: TARGETS_FISCAL_YEAR,
      metric: metric as ReportMetric,
      target,
    })),
  );
  if (rows.length > 0)
    await manager.upsert(FiscalYearTarget, rows, ['organizationId', 'fiscalYear', 'metric']);
}

async function upsertStaff(
  manager: EntityManager,
  scenario: Scenario,
  organizationIds: Map<OrgKey, string>,
  passwordHash: string,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(User)
    .values(
      scenario.staff.map((staff) => ({
        email: staff.email,
        name: staff.name,
        role: staff.role,
        organizationId: staff.organization ? organizationIds.get(staff.organization)! : null,
        passwordHash,
      })),
    )
    // The demo password is reset, and an account switched off is switched on again, on every run,
    // so the logins printed below always work.
    .orUpdate(['name', 'role', 'organization_id', 'password_hash', 'deactivated_at'], ['email'])
    .updateEntity(false)
    .execute();
}

/** Through the same normalisation and bulk writer as the CSV import. */
async function upsertPeople(manager: EntityManager, people: DemoPerson[]): Promise<Map<string, string>> {
  const rows = people.map((person) =>
    toParticipantRow({
      email: person.email,
      name: person.name,
      furigana: person.furigana,
      title: person.title,
      kind: person.kind,
      locale: person.locale,
      company: person.company && {
        name: person.company.name,
        corporateNumber: person.company.corporateNumber,
        industry: person.company.industry,
        municipality: person.company.municipality,
        employees: person.company.employees,
        description: person.company.description,
      },
      offers: person.offers,
      needs: person.needs,
      themes: person.themes,
      tags: person.tags,
      offersText: person.offersText,
      needsText: person.needsText,
      consentMatchmaking: person.consentMatchmaking,
      consentEmail: person.consentEmail,
      consentContactSharing: person.consentContactSharing,
    }),
  );
  // No one is signed in to the seed: the profiles it writes have no 最終更新者.
  const outcome = await upsertParticipants(manager, rows, { kind: 'staff', userId: null });
  return new Map(rows.map((row, index) => [row.columns.email!, outcome.ids[index]]));
}

async function upsertEvents(
  manager: EntityManager,
  events: readonly DemoEvent[],
  organizationIds: Map<OrgKey, string>,
): Promise<Map<string, string>> {
  const repository = manager.getRepository(Event);
  const sessions = manager.getRepository(MatchmakingSession);
  const ids = new Map<string, string>();
  for (const demo of events) {
    const organizationId = organizationIds.get(demo.organizer)!;
    const startsAt = new Date(demo.startsAt);
    const values = {
      organizationId,
      kind: demo.kind,
      title: demo.title,
      titleEn: demo.titleEn ?? null,
      description: demo.description,
      themes: demo.themes,
      venue: demo.venue,
      venueEn: demo.venueEn ?? null,
      onlineUrl: null,
      startsAt,
      endsAt: new Date(demo.endsAt),
      registrationOpensAt: new Date(startsAt.getTime() - 45 * DAY_MS),
      registrationClosesAt: new Date(startsAt.getTime() - 2 * DAY_MS),
      capacity: demo.capacity,
      visibility: demo.visibility,
      status: demo.status,
      fiscalYear: fiscalYearOf(startsAt),
      // Announced a week before registration opened; a draft has not been published.
      publishedAt: demo.status === EventStatus.DRAFT ? null : new Date(startsAt.getTime() - 52 * DAY_MS),
    };
    const existing = await repository.findOneBy({ organizationId, title: demo.title });
    const saved = await repository.save(
      existing ? repository.merge(existing, values) : repository.create(values),
    );
    ids.set(demo.key, saved.id);

    const coHosts = manager.createQueryBuilder().relation(Event, 'coHosts').of(saved.id);
    const current = (await coHosts.loadMany<Organization>()).map((organization) => organization.id);
    const wanted = demo.coHosts.map((key) => organizationIds.get(key)!);
    await coHosts.addAndRemove(
      wanted.filter((id) => !current.includes(id)),
      current.filter((id) => !wanted.includes(id)),
    );

    for (const session of demo.sessions) {
      const sessionValues = { ...session, eventId: saved.id, startsAt: new Date(session.startsAt) };
      const found = await sessions.findOneBy({ eventId: saved.id, name: session.name });
      await sessions.save(found ? sessions.merge(found, sessionValues) : sessions.create(sessionValues));
    }
  }
  return ids;
}

async function upsertRegistrations(
  manager: EntityManager,
  scenario: Scenario,
  eventIds: Map<string, string>,
  participantIds: Map<string, string>,
): Promise<void> {
  // Each seat records the company its holder came for, as the service does when it gives one.
  const people = await manager.find(Participant, {
    select: { id: true, companyId: true },
    where: { id: In([...participantIds.values()]) },
  });
  const companyOf = new Map(people.map((person) => [person.id, person.companyId]));
  const values = scenario.registrations.map((registration) => ({
    eventId: eventIds.get(registration.event.key)!,
    participantId: participantIds.get(registration.person.email)!,
    companyId: companyOf.get(participantIds.get(registration.person.email)!) ?? null,
    status: registration.status,
    role: registration.role,
    booth: registration.booth,
    registeredAt: registration.registeredAt,
    waitlistedAt: registration.waitlistedAt,
    checkedInAt: registration.checkedInAt,
    createdAt: registration.createdAt,
  }));
  await upsertInChunks(
    manager,
    Registration,
    values,
    [
      'status',
      'company_id',
      'role',
      'booth',
      'registered_at',
      'waitlisted_at',
      'checked_in_at',
      'created_at',
      'updated_at',
    ],
    ['event_id', 'participant_id'],
  );
}

/** INSERT … ON CONFLICT (`conflict`) DO UPDATE `update`, CHUNK rows per statement. */
async function upsertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>[],
  update: string[],
  conflict: string[],
): Promise<void> {
  for (let start = 0; start < values.length; start += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(values.slice(start, start + CHUNK))
      .orUpdate(update, conflict)
      .updateEntity(false)
      .execute();
  }
}

async function staffIdsByEmail(manager: EntityManager, scenario: Scenario): Promise<Map<string, string>> {
  const users = await manager.find(User, {
    select: { id: true, email: true },
    where: { email: In(scenario.staff.map((staff) => staff.email)) },
  });
  return new Map(users.map((user) => [user.email, user.id]));
}

/** The stored rows' ids by natural key, from `sql` selecting `id` and `key`. */
async function storedKeys(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Map<string, string>> {
  const rows: { id: string; key: string }[] = await manager.query(sql, parameters);
  return new Map(rows.map((row) => [row.key, row.id]));
}

/**
 * Saves `rows` (plain column values) of `entity`: each updates the row `existing` holds under its
 * natural key, or is inserted. Returns the ids, in the order of `rows`.
 */
async function saveByKey<T extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: DeepPartial<T>[],
  existing: Map<string, string>,
  keyOf: (row: DeepPartial<T>) => string,
): Promise<string[]> {
  const saved = await manager.save(
    entity,
    rows.map((row) => ({ ...row, id: existing.get(keyOf(row)) })),
    { chunk: CHUNK },
  );
  return saved.map((row) => row.id as string);
}

/** 面談申込, by event + requester + recipient. */
async function upsertMeetingRequests(
  manager: EntityManager,
  requests: readonly DemoMeetingRequest[],
  { eventIds, participantIds }: SeededIds,
): Promise<Map<DemoMeetingRequest, string>> {
  const keyOf = (row: DeepPartial<MeetingRequest>) =>
    `${row.eventId}/${row.fromParticipantId}/${row.toParticipantId}`;
  const stored = await storedKeys(
    manager,
    `SELECT id, event_id || '/' || from_participant_id || '/' || to_participant_id AS key
       FROM meeting_requests WHERE event_id = ANY($1)`,
    [[...eventIds.values()]],
  );
  const ids = await saveByKey(
    manager,
    MeetingRequest,
    requests.map((request) => ({
      eventId: eventIds.get(request.event.key)!,
      fromParticipantId: participantIds.get(request.from.email)!,
      toParticipantId: participantIds.get(request.to.email)!,
      status: request.status,
      message: request.message,
      reply: request.reply,
      respondedAt: request.respondedAt,
      createdAt: request.createdAt,
    })),
    stored,
    keyOf,
  );
  return new Map(requests.map((request, index) => [request, ids[index]]));
}

/** The fair's meetings, by their request (a live meeting per request), with one row per side. */
async function upsertMeetings(
  manager: EntityManager,
  requests: readonly DemoMeetingRequest[],
  requestIds: Map<DemoMeetingRequest, string>,
  { eventIds, participantIds }: SeededIds,
): Promise<Map<DemoMeetingRequest, string>> {
  const placed = requests.filter((request) => request.meeting !== null);
  if (placed.length === 0) return new Map();
  const sessions: { id: string; eventId: string; name: string }[] = await manager.query(
    `SELECT id, event_id AS "eventId", name FROM matchmaking_sessions WHERE event_id = ANY($1)`,
    [[...eventIds.values()]],
  );
  const sessionId = (request: DemoMeetingRequest) =>
    sessions.find(
      (session) =>
        session.eventId === eventIds.get(request.event.key) && session.name === request.meeting!.session.name,
    )!.id;
  const stored = await storedKeys(
    manager,
    `SELECT id, request_id::text AS key FROM meetings WHERE request_id = ANY($1) AND status <> 'CANCELLED'`,
    [placed.map((request) => requestIds.get(request)!)],
  );
  const ids = await saveByKey(
    manager,
    Meeting,
    placed.map((request) => {
      const meeting = request.meeting!;
      return {
        eventId: eventIds.get(request.event.key)!,
        requestId: requestIds.get(request)!,
        sessionId: sessionId(request),
        slotIndex: meeting.slotIndex,
        tableLabel: meeting.table,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        participantAId: participantIds.get(request.from.email)!,
        participantBId: participantIds.get(request.to.email)!,
        status: meeting.status,
        publishedAt: meeting.publishedAt,
      };
    }),
    stored,
    (row) => row.requestId!,
  );
  const sides = placed.flatMap((request, index) =>
    [request.from, request.to].map((person) => ({
      meetingId: ids[index],
      participantId: participantIds.get(person.email)!,
      eventId: eventIds.get(request.event.key)!,
      sessionId: sessionId(request),
      slotIndex: request.meeting!.slotIndex,
      active: true,
      noShow: request.meeting!.absent.includes(person),
    })),
  );
  await upsertInChunks(
    manager,
    MeetingParticipant,
    sides,
    ['session_id', 'slot_index', 'active', 'no_show'],
    ['meeting_id', 'participant_id'],
  );

  return new Map(placed.map((request, index) => [request, ids[index]]));
}

/**
 * 商談 with their follow-ups: a meeting's deal by its meeting, an introduction by organisation,
 * event and the two sides.
 */
async function upsertDeals(
  manager: EntityManager,
  deals: readonly DemoDeal[],
  meetingIds: Map<DemoMeetingRequest, string>,
  { organizationIds, eventIds, participantIds, staffIds }: SeededIds,
): Promise<void> {
  const keyOf = (row: DeepPartial<Deal>) =>
    row.meetingId ?? `${row.organizationId}/${row.eventId}/${row.participantAId}/${row.participantBId}`;
  const stored = await storedKeys(
    manager,
    `SELECT id, coalesce(meeting_id::text,
              organization_id || '/' || event_id || '/' || participant_a_id || '/' || participant_b_id) AS key
       FROM deals WHERE event_id = ANY($1)`,
    [[...eventIds.values()]],
  );
  const ids = await saveByKey(
    manager,
    Deal,
    deals.map((deal) => ({
      organizationId: organizationIds.get(deal.organization)!,
      eventId: eventIds.get(deal.event.key)!,
      meetingId: deal.request ? meetingIds.get(deal.request)! : null,
      participantAId: participantIds.get(deal.a.email)!,
      participantBId: participantIds.get(deal.b.email)!,
      type: deal.type,
      stage: deal.stage,
      title: deal.title,
      amountYen: deal.amountYen,
      startedOn: deal.startedOn,
      closedOn: deal.closedOn,
      notes: deal.notes,
      recordedById: staffIds.get(deal.recordedBy)!,
    })),
    stored,
    keyOf,
  );
  await upsertFollowUps(
    manager,
    deals.flatMap((deal, index) =>
      deal.followUps.map((followUp) => ({
        organization: deal.organization,
        dealId: ids[index],
        participantId: null,
        followUp,
      })),
    ),
    { organizationIds, staffIds },
  );
}

/** 巡回指導: follow-ups on a participant, not on a deal. */
async function upsertVisits(
  manager: EntityManager,
  visits: readonly DemoVisit[],
  ids: SeededIds,
): Promise<void> {
  await upsertFollowUps(
    manager,
    visits.map((visit) => ({
      organization: visit.organization,
      dealId: null,
      participantId: ids.participantIds.get(visit.person.email)!,
      followUp: visit.followUp,
    })),
    ids,
  );
}

/** By subject (deal, or participant) and due date. */
async function upsertFollowUps(
  manager: EntityManager,
  followUps: {
    organization: OrgKey;
    dealId: string | null;
    participantId: string | null;
    followUp: DemoFollowUp;
  }[],
  { organizationIds, staffIds }: Pick<SeededIds, 'organizationIds' | 'staffIds'>,
): Promise<void> {
  const keyOf = (row: DeepPartial<FollowUp>) =>
    `${row.organizationId}/${row.dealId ?? ''}/${row.participantId ?? ''}/${row.dueOn}`;
  const rows = followUps.map(({ organization, dealId, participantId, followUp }) => ({
    organizationId: organizationIds.get(organization)!,
    dealId,
    participantId,
    dueOn: followUp.dueOn,
    notes: followUp.notes,
    result: followUp.result,
    doneAt: followUp.doneAt,
    assignedToId: staffIds.get(followUp.assignedTo)!,
    createdById: staffIds.get(followUp.assignedTo)!,
  }));
  const stored = await storedKeys(
    manager,
    `SELECT id, organization_id || '/' || coalesce(deal_id::text, '') || '/' || coalesce(participant_id::text, '')
              || '/' || due_on::text AS key
       FROM follow_ups WHERE deal_id = ANY($1) OR (deal_id IS NULL AND participant_id = ANY($2))`,
    [
      rows.flatMap((row) => row.dealId ?? []),
      rows.flatMap((row) => (row.dealId ? [] : (row.participantId ?? []))),
    ],
  );
  await saveByKey(manager, FollowUp, rows, stored, keyOf);
}

/** アンケート, one per registration. */
async function upsertSurveyResponses(
  manager: EntityManager,
  responses: readonly DemoSurveyResponse[],
  { eventIds, participantIds }: SeededIds,
): Promise<void> {
  const registrations: { id: string; key: string }[] = await manager.query(
    `SELECT id, event_id || '/' || participant_id AS key FROM registrations WHERE event_id = ANY($1)`,
    [[...eventIds.values()]],
  );
  const registrationIds = new Map(registrations.map((row) => [row.key, row.id]));
  const values = responses.map((response) => {
    const eventId = eventIds.get(response.registration.event.key)!;
    const participantId = participantIds.get(response.registration.person.email)!;
    return {
      registrationId: registrationIds.get(`${eventId}/${participantId}`)!,
      eventId,
      participantId,
      gainedOpportunities: response.gainedOpportunities,
      satisfaction: response.satisfaction,
      comment: response.comment,
      createdAt: response.answeredAt,
      updatedAt: response.answeredAt,
    };
  });
  await upsertInChunks(
    manager,
    SurveyResponse,
    values,
    ['gained_opportunities', 'satisfaction', 'comment', 'created_at', 'updated_at'],
    ['registration_id'],
  );
}

async function countBy(
  dataSource: DataSource,
  table: string,
  column: string,
  where: string,
  ids: string[],
): Promise<Record<string, number>> {
  const rows: { key: string; count: string }[] = await dataSource.query(
    `SELECT ${column} AS key, count(*) AS count FROM ${table} WHERE ${where} = ANY($1) GROUP BY 1 ORDER BY 2 DESC`,
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
}

async function followUpCounts(
  dataSource: DataSource,
  organizationIds: string[],
): Promise<DemoSummary['followUps']> {
  const [counts]: DemoSummary['followUps'][] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE done_at IS NULL)::int AS open, count(*) FILTER (WHERE done_at IS NOT NULL)::int AS done
       FROM follow_ups WHERE organization_id = ANY($1)`,
    [organizationIds],
  );
  return counts;
}

async function summarize(
  dataSource: DataSource,
  scenario: Scenario,
  organizationIds: Map<OrgKey, string>,
  participantIds: string[],
  eventIds: string[],
): Promise<DemoSummary> {
  const participants = await dataSource.getRepository(Participant).findBy({ id: In(participantIds) });
  const names = new Map(scenario.organizations.map((organization) => [organization.key, organization.name]));
  return {
    organizations: organizationIds.size,
    staffUsers: await dataSource
      .getRepository(User)
      .countBy({ email: In(scenario.staff.map((staff) => staff.email)) }),
    companies: new Set(participants.flatMap((participant) => participant.companyId ?? [])).size,
    participants: participants.length,
    events: await countBy(dataSource, 'events', 'status', 'id', eventIds),
    sessions: await dataSource.getRepository(MatchmakingSession).countBy({ eventId: In(eventIds) }),
    registrations: await countBy(dataSource, 'registrations', 'status', 'event_id', eventIds),
    exhibitors: await dataSource
      .getRepository(Registration)
      .countBy({ eventId: In(eventIds), role: EventRole.EXHIBITOR }),
    meetingRequests: await countBy(dataSource, 'meeting_requests', 'status', 'event_id', eventIds),
    meetings: await countBy(dataSource, 'meetings', 'status', 'event_id', eventIds),
    deals: await countBy(dataSource, 'deals', 'stage', 'event_id', eventIds),
    followUps: await followUpCounts(dataSource, [...organizationIds.values()]),
    surveyResponses: await dataSource.getRepository(SurveyResponse).countBy({ eventId: In(eventIds) }),
    logins: scenario.staff.map((staff) => ({
      email: staff.email,
      role: staff.role,
      organization: staff.organization ? names.get(staff.organization)! : null,
    })),
    password: DEMO_PASSWORD,
  };
}

function format(summary: DemoSummary): string {
  const breakdown = (counts: Record<string, number>) =>
    `${Object.values(counts).reduce((sum, count) => sum + count, 0)} (${Object.entries(counts)
      .map(([key, count]) => `${key} ${count}`)
      .join(', ')})`;
  const lines = [
    `Tsunagu demo: ${fiscalYearLabel(2026)} (FY2026)`,
    `  organisations   ${summary.organizations}`,
    `  staff accounts  ${summary.staffUsers}`,
    `  companies       ${summary.companies}`,
    `  participants    ${summary.participants}`,
    `  events          ${breakdown(summary.events)}`,
    `  sessions        ${summary.sessions}`,
    `  registrations   ${breakdown(summary.registrations)}`,
    `  exhibitors      ${summary.exhibitors} at the trade fair`,
    `  requests        ${breakdown(summary.meetingRequests)}`,
    `  meetings        ${breakdown(summary.meetings)}`,
    `  deals           ${breakdown(summary.deals)}`,
    `  follow-ups      ${summary.followUps.open + summary.followUps.done} (open ${summary.followUps.open}, done ${summary.followUps.done})`,
    `  survey answers  ${summary.surveyResponses}`,
    '',
    `Staff logins (password for all: ${summary.password})`,
    ...summary.logins.map((login) =>
      `  ${login.role.padEnd(9)} ${login.email.padEnd(40)} ${login.organization ?? ''}`.trimEnd(),
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  loadDotEnv();
  const { DATABASE_URL } = loadDatabaseConfig(process.env);
  const dataSource = new DataSource(databaseOptions(DATABASE_URL, { logging: ['error'] }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const summary = await seedDemo(dataSource);
    process.stdout.write(`${format(summary)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
