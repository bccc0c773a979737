import { DemoEvent, EVENTS } from './events';
import { DemoOrganization, DemoStaff, ORGANIZATIONS, STAFF } from './organizations';
import { DemoPerson, generatePeople } from './people';
import { DemoCompany } from './companies';
import { DemoRegistration, planRegistrations } from './registrations';

/** Changing the seed changes every generated name and number: keep it fixed so reruns upsert. */
export const DEMO_SEED = 'tsunagu-demo-fy2026';

export interface Scenario {
  organizations: readonly DemoOrganization[];
  staff: readonly DemoStaff[];
  companies: DemoCompany[];
  people: DemoPerson[];
  events: readonly DemoEvent[];
  registrations: DemoRegistration[];
}

/** The whole demo as plain data: no database, the same on every call. */
export function buildScenario(seed = DEMO_SEED): Scenario {
  const { companies, people } = generatePeople(seed);
  return {
    organizations: ORGANIZATIONS,
    staff: STAFF,
    companies,
    people,
    events: EVENTS,
    registrations: planRegistrations(EVENTS, people, seed),
  };
}
