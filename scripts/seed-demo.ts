import 'reflect-metadata';
import { DataSource, EntityManager, In } from 'typeorm';
import { hashPassword } from '../src/auth/password';
import { fiscalYearLabel, fiscalYearOf } from '../src/common/japan/fiscal-year';
import { loadDatabaseConfig, loadDotEnv } from '../src/config/app-config';
import { databaseOptions } from '../src/database/database-options';
import { EventStatus } from '../src/events/event-enums';
import { Event } from '../src/events/event.entity';
import { MatchmakingSession } from '../src/events/matchmaking-session.entity';
import { Organization } from '../src/organizations/organization.entity';
import { Participant } from '../src/participants/participant.entity';
import { toParticipantRow } from '../src/participants/participant-row';
import { upsertParticipants } from '../src/participants/participant-store';
import { EventRole } from '../src/registrations/registration-enums';
import { Registration } from '../src/registrations/registration.entity';
import { FiscalYearTarget } from '../src/reports/targets/fiscal-year-target.entity';
import { ReportMetric } from '../src/reports/targets/report-metric';
import { User } from '../src/users/user.entity';
import { DemoEvent } from './demo/events';
import { DEMO_PASSWORD, OrgKey, TARGETS_FISCAL_YEAR } from './demo/organizations';
import { DemoPerson } from './demo/people';
import { buildScenario, Scenario } from './demo/scenario';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHUNK = 500;

export interface DemoSummary {
  organizations: number;
  staffUsers: number;
  companies: number;
  participants: number;
  events: Record<string, number>;
  sessions: number;
  registrations: Record<string, number>;
  exhibitors: number;
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
  }));
  for (let start = 0; start < values.length; start += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Registration)
      .values(values.slice(start, start + CHUNK))
      .orUpdate(
        [
          'status',
          'company_id',
          'role',
          'booth',
          'registered_at',
          'waitlisted_at',
          'checked_in_at',
          'updated_at',
        ],
        ['event_id', 'participant_id'],
      )
      .updateEntity(false)
      .execute();
  }
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
