import { languageOf } from '../participants/participant-kind';
import { InviteeInput, MatchInput, MatchParticipant, MatchSettings } from './engine';

/** What the loader reads for one person: their profile, company and (for the event) role. */
export interface MatchPerson {
  id: string;
  name: string;
  kind: string;
  locale: string;
  offers: string[];
  needs: string[];
  themes: string[];
  offersText: string;
  needsText: string;
  consentMatchmaking: boolean;
  company: { id: string; name: string; industry: string | null; municipality: string | null } | null;
  /** Registration.role at this event; absent for people of the pool who are not registered. */
  role?: string;
}

/** Pairs from the database: who met whom (symmetric) and who dismissed whom (one-way). */
export interface MatchHistory {
  metBefore: Array<[string, string]>;
  dismissed: Array<{ participantId: string; dismissedId: string }>;
}

/** The event's own matching settings (Event.match* columns); null means the engine default. */
export interface EventMatchSettings {
  crossIndustryBonus: number | null;
  allowExhibitorPairs: boolean | null;
  /** Its 商談枠 are all at exhibitors' booths (there are some, and no tables). */
  boothsOnly?: boolean;
}

/**
 * Registrations → the engine's input. People without matchmaking consent are left out entirely
 * (their profile is not even read into the text statistics); a pair's history is attached to both
 * sides that are present.
 */
export function toMatchInput(
  people: MatchPerson[],
  history: MatchHistory,
  settings: EventMatchSettings,
): MatchInput {
  const consenting = people.filter((person) => person.consentMatchmaking);
  const present = new Set(consenting.map((person) => person.id));
  const metBefore = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, from: string, to: string) => {
    if (!present.has(from) || !present.has(to) || from === to) return;
    let set = map.get(from);
    if (!set) map.set(from, (set = new Set()));
    set.add(to);
  };
  for (const [a, b] of history.metBefore) {
    add(metBefore, a, b);
    add(metBefore, b, a);
  }
  const dismissed = new Map<string, Set<string>>();
  for (const { participantId, dismissedId } of history.dismissed) add(dismissed, participantId, dismissedId);

  const engineSettings: MatchSettings = {};
  if (settings.crossIndustryBonus !== null) engineSettings.crossIndustryBonus = settings.crossIndustryBonus;
  if (settings.allowExhibitorPairs !== null)
    engineSettings.allowExhibitorPairs = settings.allowExhibitorPairs;
  if (settings.boothsOnly) engineSettings.exhibitorOnOneSide = true;

  return {
    participants: consenting.map((person) => ({
      ...toMatchParticipant(person),
      metBefore: sorted(metBefore.get(person.id)),
      dismissed: sorted(dismissed.get(person.id)),
    })),
    settings: engineSettings,
  };
}

/**
 * "Who to invite": the event's topic, the people already registered (the room), and the pool.
 * Filtering the pool (consent, opt-out, already registered) is the loader's job.
 */
export function toInviteeInput(
  event: { title: string; description: string; themes: string[] },
  registered: MatchPerson[],
  pool: MatchPerson[],
  limit: number,
  /** The mini-salon request's area (地域) when the event came from one. */
  area: string | null = null,
): InviteeInput {
  return {
    ...(area ? { area } : {}),
    themes: event.themes,
    text: [event.title, event.description].filter((part) => part.trim() !== '').join('。'),
    registered: registered.map(toMatchParticipant),
    pool: pool.map(toMatchParticipant),
    limit,
    locale: 'ja',
  };
}

function toMatchParticipant(person: MatchPerson): MatchParticipant {
  return {
    id: person.id,
    name: person.name,
    companyName: person.company?.name,
    company: person.company?.id,
    industry: person.company?.industry ?? undefined,
    municipality: person.company?.municipality ?? undefined,
    kind: person.kind,
    role: person.role,
    locale: languageOf(person),
    offers: person.offers,
    needs: person.needs,
    themes: person.themes,
    offersText: person.offersText,
    needsText: person.needsText,
  };
}

function sorted(set: Set<string> | undefined): string[] {
  return set ? [...set].sort() : [];
}
