import { DemoEvent, EVENTS } from './events';
import { DemoMeetingRequest, planMeetingRequests } from './meetings';
import { DemoOrganization, DemoStaff, ORGANIZATIONS, STAFF } from './organizations';
import { Outcomes, planOutcomes } from './outcomes';
import { DemoPerson, generatePeople } from './people';
import { DemoCompany } from './companies';
import { DemoRegistration, planRegistrations } from './registrations';
import { DemoSurveyResponse, planSurveyResponses } from './surveys';

/** Changing the seed changes every generated name and number: keep it fixed so reruns upsert. */
export const DEMO_SEED = 'tsunagu-demo-fy2026';

export interface Scenario {
  organizations: readonly DemoOrganization[];
  staff: readonly DemoStaff[];
  companies: DemoCompany[];
  people: DemoPerson[];
  events: readonly DemoEvent[];
  registrations: DemoRegistration[];
  meetingRequests: DemoMeetingRequest[];
  outcomes: Outcomes;
  surveyResponses: DemoSurveyResponse[];
}

/** The whole demo as plain data: no database, the same on every call. */
export function buildScenario(seed = DEMO_SEED): Scenario {
  const { companies, people } = generatePeople(seed);
  const registrations = planRegistrations(EVENTS, people, seed);
  const meetingRequests = planMeetingRequests(EVENTS, registrations, seed);
  return {
    organizations: ORGANIZATIONS,
    staff: STAFF,
    companies,
    people,
    events: EVENTS,
    registrations,
    meetingRequests,
    outcomes: planOutcomes(EVENTS, registrations, meetingRequests, seed),
    surveyResponses: planSurveyResponses(registrations, seed),
  };
}
