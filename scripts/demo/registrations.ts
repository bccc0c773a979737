import { EventStatus } from '../../src/events/event-enums';
import { ParticipantKind } from '../../src/participants/participant-kind';
import { EventRole, RegistrationStatus } from '../../src/registrations/registration-enums';
import { DemoEvent, Focus, Speaker, STORY_DAY_END_MS } from './events';
import { DemoPerson } from './people';
import { Random } from './random';

export interface DemoRegistration {
  event: DemoEvent;
  person: DemoPerson;
  status: RegistrationStatus;
  role: EventRole;
  booth: string | null;
  /** 申込日時: when they applied, or were invited (the day registration opened). */
  createdAt: Date;
  registeredAt: Date | null;
  waitlistedAt: Date | null;
  checkedInAt: Date | null;
}

interface Applicant {
  person: DemoPerson;
  role: EventRole;
  booth?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

const SALON_KIND_WEIGHT: Record<ParticipantKind, number> = {
  YOUNG_ENTREPRENEUR: 1,
  SUCCESSOR: 1,
  SME_OWNER: 0.6,
  SUPPORT_AGENCY: 0.6,
  PROFESSIONAL: 0.6,
  GOVERNMENT: 0.5,
  FINANCIAL_INSTITUTION: 0.5,
  DESIGNER: 0.4,
  ACADEMIA: 0.2,
  OTHER: 0.2,
  LARGE_COMPANY: 0.1,
};

const COUNCIL_CITIES =
  /^(埼玉県川口市|東京都墨田区|東京都大田区|長野県岡谷市|石川県加賀市|大阪府東大阪市|兵庫県尼崎市)$/u;
/** 多摩 proper (cities and 西多摩郡), where the credit union's customers are; the islands are not. */
const TAMA = /^東京都(?:[^島]+市|西多摩郡.+)$/u;

/** Highest score first, with a little noise so the same people are not at every event. */
function rank(
  people: readonly DemoPerson[],
  score: (person: DemoPerson) => number,
  random: Random,
): DemoPerson[] {
  return people
    .map((person) => ({ person, score: score(person) + random.next() }))
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.person);
}

function focusScore(person: DemoPerson, focus: Focus): number {
  let score = SALON_KIND_WEIGHT[person.kind];
  score += 0.6 * person.themes.filter((theme) => focus.themes.includes(theme)).length;
  if (focus.municipalities?.includes(person.municipality)) score += 1.5;
  if (person.company && focus.industries?.includes(person.company.industry)) score += 0.8;
  if (person.tags.includes('2025サロン参加')) score += 0.4;
  return score;
}

function findSpeaker(people: readonly DemoPerson[], speaker: Speaker): DemoPerson {
  const found = people.find(
    (person) =>
      person.title.includes(speaker.match) ||
      (person.company?.line?.specialty.includes(speaker.match) ?? false) ||
      (person.company?.name.includes(speaker.match) ?? false),
  );
  if (!found) throw new Error(`No demo participant matches speaker "${speaker.match}"`);
  return found;
}

/** One participant per company: the representative (the first person listed for it). */
function representatives(people: readonly DemoPerson[]): DemoPerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    if (!person.company || seen.has(person.company.name)) return false;
    seen.add(person.company.name);
    return true;
  });
}

function takeByQuota(
  ranked: readonly DemoPerson[],
  quotas: readonly (readonly [string, number])[],
  used: Set<DemoPerson>,
): DemoPerson[] {
  const chosen: DemoPerson[] = [];
  for (const [group, count] of quotas) {
    const matches = ranked.filter((person) => {
      if (used.has(person)) return false;
      const large = person.kind === ParticipantKind.LARGE_COMPANY;
      return group === 'LARGE' ? large : !large && person.company?.industry === group;
    });
    for (const person of matches.slice(0, count)) {
      used.add(person);
      chosen.push(person);
    }
  }
  return chosen;
}

/**
 * Turns applicants into registrations the way the service would have: first come, first seated up
 * to capacity, the rest waitlisted; a few cancel. Past events record who came (ATTENDED) and who
 * did not (NO_SHOW); speakers are seated first and always come.
 */
function settle(
  event: DemoEvent,
  applicants: Applicant[],
  invited: DemoPerson[],
  random: Random,
  cancelRate: number,
): DemoRegistration[] {
  const starts = new Date(event.startsAt).getTime();
  // Applications open 45 days ahead and close two days before; none after the story's day, so
  // an event still to come opened earlier (a large fair takes applications months ahead).
  const closes = Math.min(starts - 2 * DAY_MS, STORY_DAY_END_MS);
  const opens = Math.min(starts - 45 * DAY_MS, closes - 30 * DAY_MS);
  const span = closes - opens;
  const times = applicants.map(() => random.next()).sort((a, b) => a - b);
  const closed = event.status === EventStatus.CLOSED;
  const registrations: DemoRegistration[] = [];
  let seated = 0;
  applicants.forEach((applicant, index) => {
    const applied = new Date(opens + Math.floor(times[index] * span));
    const base = {
      event,
      person: applicant.person,
      role: applicant.role,
      booth: applicant.booth ?? null,
      createdAt: applied,
    };
    const speaker = applicant.role === EventRole.SPEAKER || applicant.role === EventRole.EXHIBITOR;
    if (!speaker && random.chance(cancelRate)) {
      registrations.push({
        ...base,
        status: RegistrationStatus.CANCELLED,
        registeredAt: applied,
        waitlistedAt: null,
        checkedInAt: null,
      });
      return;
    }
    if (event.capacity !== null && seated >= event.capacity) {
      registrations.push({
        ...base,
        status: RegistrationStatus.WAITLISTED,
        registeredAt: null,
        waitlistedAt: applied,
        checkedInAt: null,
      });
      return;
    }
    seated += 1;
    const came = speaker || random.chance(applicant.role === EventRole.VISITOR ? 0.82 : 0.9);
    const status = !closed
      ? RegistrationStatus.REGISTERED
      : came
        ? RegistrationStatus.ATTENDED
        : RegistrationStatus.NO_SHOW;
    // Visitors of a two-day fair come on either day.
    const day = new Date(event.endsAt).getTime() - starts > DAY_MS && random.chance(0.45) ? DAY_MS : 0;
    const arrival = speaker ? random.int(-50, -15) : random.int(-15, 35);
    registrations.push({
      ...base,
      status,
      registeredAt: applied,
      waitlistedAt: null,
      checkedInAt:
        status === RegistrationStatus.ATTENDED ? new Date(starts + day + arrival * MINUTE_MS) : null,
    });
  });
  for (const person of invited) {
    const declined = random.chance(0.2);
    registrations.push({
      event,
      person,
      role: EventRole.VISITOR,
      booth: null,
      createdAt: new Date(opens),
      status: declined ? RegistrationStatus.DECLINED : RegistrationStatus.INVITED,
      registeredAt: null,
      waitlistedAt: null,
      checkedInAt: null,
    });
  }
  return registrations;
}

const EXHIBITOR_WEIGHT: Record<string, number> = {
  E: 3,
  Q: 2.5,
  G: 1.5,
  D: 1.2,
  L: 1.2,
  I: 1,
  H: 0.8,
  R: 0.8,
};
const BOOTH_ORDER = 'EQGLDIHR';
/** Buyers, officials and researchers walk a trade fair; so do manufacturers looking for partners. */
const VISITOR_WEIGHT: Partial<Record<ParticipantKind, number>> = {
  LARGE_COMPANY: 2,
  GOVERNMENT: 1,
  SUPPORT_AGENCY: 1,
  ACADEMIA: 1,
  FINANCIAL_INSTITUTION: 1,
};

function planEvent(event: DemoEvent, people: readonly DemoPerson[], random: Random): DemoRegistration[] {
  const plan = event.audience;
  switch (plan.type) {
    case 'none':
      return [];
    case 'salon':
    case 'miniSalon': {
      const speakers = plan.speakers.map((speaker) => findSpeaker(people, speaker));
      const others = people.filter((person) => !speakers.includes(person));
      const ranked =
        plan.type === 'salon'
          ? rank(others, (person) => focusScore(person, plan.focus), random)
          : rank(others, (person) => miniSalonScore(person), random);
      const applicants: Applicant[] = [
        ...speakers.map((person) => ({ person, role: EventRole.SPEAKER })),
        ...ranked.slice(0, plan.applicants).map((person) => ({ person, role: EventRole.VISITOR })),
      ];
      const invitedCount = plan.type === 'salon' ? (plan.invited ?? 0) : 0;
      const invited = ranked.slice(plan.applicants, plan.applicants + invitedCount);
      return settle(event, applicants, invited, random, 0.04);
    }
    case 'tradeFair': {
      const companies = representatives(people).filter(
        (person) =>
          person.kind !== ParticipantKind.LARGE_COMPANY && person.company!.industry in EXHIBITOR_WEIGHT,
      );
      const exhibitors = rank(
        companies,
        (person) =>
          EXHIBITOR_WEIGHT[person.company!.industry] + (COUNCIL_CITIES.test(person.municipality) ? 1 : 0),
        random,
      )
        .slice(0, plan.exhibitors)
        .sort(
          (a, b) =>
            BOOTH_ORDER.indexOf(a.company!.industry) - BOOTH_ORDER.indexOf(b.company!.industry) ||
            a.municipality.localeCompare(b.municipality, 'ja') ||
            a.company!.name.localeCompare(b.company!.name, 'ja'),
        );
      // Rows A–E of 30 booths: A-01 … E-30, manufacturing first.
      const booth = (index: number) =>
        `${String.fromCharCode(65 + Math.floor(index / 30))}-${String((index % 30) + 1).padStart(2, '0')}`;
      const exhibiting = new Set(exhibitors.map((person) => person.company!.name));
      const visitors = rank(
        people.filter((person) => !person.company || !exhibiting.has(person.company.name)),
        (person) =>
          VISITOR_WEIGHT[person.kind] ??
          (person.company && 'EGP'.includes(person.company.industry) ? 0.5 : 0),
        random,
      ).slice(0, plan.visitors);
      return settle(
        event,
        [
          ...exhibitors.map((person, index) => ({ person, role: EventRole.EXHIBITOR, booth: booth(index) })),
          ...visitors.map((person) => ({ person, role: EventRole.VISITOR })),
        ],
        [],
        random,
        0.03,
      );
    }
    case 'matching': {
      const opted = representatives(people).filter((person) => person.consentMatchmaking);
      // The credit union's customers are mostly in Tama; big buyers come from anywhere.
      const ranked = rank(
        opted,
        (person) => (TAMA.test(person.municipality) ? 1 : 0) + (person.company?.form === 'sole' ? -0.5 : 0),
        random,
      );
      const used = new Set<DemoPerson>();
      const buyers = takeByQuota(
        ranked,
        [
          ['LARGE', 8],
          ['I', 10],
          ['M', 5],
          ['D', 5],
          ['P', 4],
          ['H', 3],
        ],
        used,
      ).slice(0, plan.buyers);
      const sellerPool: [string, number][] = [
        ['E', 44],
        ['G', 10],
        ['A', 3],
        ['L', 4],
        ['B', 2],
        ['N', 2],
      ];
      const sellers = takeByQuota(ranked, sellerPool, used).slice(0, plan.sellers);
      const late = takeByQuota(ranked, [['E', plan.waitlisted]], used);
      const invited = takeByQuota(ranked, [['R', plan.invited]], used);
      return settle(
        event,
        [
          ...buyers.map((person) => ({ person, role: EventRole.BUYER })),
          ...sellers.map((person) => ({ person, role: EventRole.SELLER })),
          ...late.map((person) => ({ person, role: EventRole.SELLER })),
        ],
        invited,
        random,
        0,
      );
    }
  }
}

/** The ものコト100 members and 葛飾 owners first, then successors; the speakers are added separately. */
function miniSalonScore(person: DemoPerson): number {
  let score = 0;
  if (person.municipality === '東京都葛飾区') score += 3;
  if (person.tags.includes('ものコト100')) score += 2;
  if (person.kind === ParticipantKind.SUCCESSOR) score += 1.5;
  if (person.kind === ParticipantKind.YOUNG_ENTREPRENEUR) score += 1;
  if (person.kind === ParticipantKind.LARGE_COMPANY) score -= 5;
  return score;
}

export function planRegistrations(
  events: readonly DemoEvent[],
  people: readonly DemoPerson[],
  seed: string,
): DemoRegistration[] {
  return events.flatMap((event) =>
    planEvent(event, people, new Random(`${seed}/registrations/${event.key}`)),
  );
}
