import { createRng } from '../../src/scheduling/engine/rng';
import { MeetingRequestInput, ParticipantInput, ScheduleInstance } from '../../src/scheduling/engine/types';

/**
 * Instance generators shaped like the events Tsunagu serves: a few participants everybody wants to
 * meet (heavy-tailed popularity), people who come for the morning or afternoon only, exhibitors at
 * booths, and the hosted-buyer 商談会 where buyers sit at fixed tables and sellers visit them.
 * Every generator is seeded, so a benchmark run is repeatable.
 */

export interface NamedInstance {
  name: string;
  instance: ScheduleInstance;
  /** Small enough for the exact time-indexed MIP. */
  exact: boolean;
}

/** Index drawn with probability proportional to 1 / (rank + 1)^exponent. */
function zipfSampler(count: number, exponent: number, rng: () => number): () => number {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) {
    total += 1 / Math.pow(k + 1, exponent);
    cumulative[k] = total;
  }
  return () => {
    const x = rng() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function shuffled<T>(values: T[], rng: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface MixedOptions {
  seed: number;
  participants: number;
  requests: number;
  sessions: number;
  slots: number;
  tables: number;
  /** Share of participants holding a booth. */
  boothShare: number;
  maxMeetings: [number, number];
  /** Share of participants attending only one session (when there are several). */
  partialShare: number;
  /** Share of participants with one or two unavailable slots. */
  unavailableShare: number;
}

/**
 * A salon or trade fair: requests go from anyone to a heavy-tailed choice of targets, weights
 * (a matching score) are mostly low with a few strong matches.
 */
export function mixedEvent(options: MixedOptions): ScheduleInstance {
  const rng = createRng(options.seed);
  const sessionIds = Array.from({ length: options.sessions }, (_, s) => `s${s + 1}`);
  const participants: ParticipantInput[] = [];
  for (let i = 0; i < options.participants; i++) {
    const [lo, hi] = options.maxMeetings;
    const partial = options.sessions > 1 && rng() < options.partialShare;
    const attended = partial ? [sessionIds[Math.floor(rng() * options.sessions)]] : [...sessionIds];
    const p: ParticipantInput = {
      id: `p${i + 1}`,
      sessions: attended,
      maxMeetings: lo + Math.floor(rng() * (hi - lo + 1)),
    };
    if (rng() < options.boothShare) p.booth = `B-${i + 1}`;
    if (rng() < options.unavailableShare) {
      const count = 1 + Math.floor(rng() * 2);
      p.unavailable = Array.from({ length: count }, () => ({
        session: attended[Math.floor(rng() * attended.length)],
        slot: Math.floor(rng() * options.slots),
      }));
    }
    participants.push(p);
  }
  // Popularity is independent of the id order so that first-fit is not favoured by accident.
  const byPopularity = shuffled(
    participants.map((_, i) => i),
    rng,
  );
  const popular = zipfSampler(options.participants, 0.9, rng);
  const seen = new Set<string>();
  const requests: MeetingRequestInput[] = [];
  let guard = 0;
  while (requests.length < options.requests && guard++ < options.requests * 50) {
    const a = Math.floor(rng() * options.participants);
    const b = byPopularity[popular()];
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const u = rng();
    requests.push({ a: participants[a].id, b: participants[b].id, weight: 1 + Math.floor(9 * u * u * u) });
  }
  return {
    sessions: sessionIds.map((id) => ({ id, slots: options.slots, tables: options.tables })),
    participants,
    requests,
  };
}

/**
 * The hosted-buyer 商談会: 36 buyers wait at fixed tables (modelled as booths) for 18 slots,
 * 304 sellers each ask for 3 buyers (first choice weighs 3, then 2, then 1). Buyers' popularity
 * is heavy-tailed, so the famous buyers are oversubscribed and the matching has real choices.
 */
export function hostedBuyerSession(seed: number): ScheduleInstance {
  const rng = createRng(seed);
  const buyers: ParticipantInput[] = Array.from({ length: 36 }, (_, i) => ({
    id: `buyer${i + 1}`,
    sessions: ['shodankai'],
    maxMeetings: 18,
    booth: `T${i + 1}`,
  }));
  const sellers: ParticipantInput[] = Array.from({ length: 304 }, (_, i) => ({
    id: `seller${i + 1}`,
    sessions: ['shodankai'],
    maxMeetings: 3,
  }));
  // A quarter of the sellers must leave early or arrive late.
  for (const seller of sellers) {
    if (rng() < 0.25) {
      const late = rng() < 0.5;
      seller.unavailable = Array.from({ length: 4 }, (_, k) => ({
        session: 'shodankai',
        slot: late ? k : 14 + k,
      }));
    }
  }
  const pick = zipfSampler(buyers.length, 0.8, rng);
  const requests: MeetingRequestInput[] = [];
  for (const seller of sellers) {
    const chosen: number[] = [];
    while (chosen.length < 3) {
      const b = pick();
      if (!chosen.includes(b)) chosen.push(b);
    }
    chosen.forEach((b, rank) => requests.push({ a: seller.id, b: buyers[b].id, weight: 3 - rank }));
  }
  return {
    sessions: [{ id: 'shodankai', slots: 18, tables: 0 }],
    participants: [...buyers, ...sellers],
    requests,
  };
}

/** Marks a seeded share of a finished schedule's meetings as published, for re-run scenarios. */
export function withLocked(
  instance: ScheduleInstance,
  meetings: { a: string; b: string; session: string; slot: number; table: string }[],
  share: number,
  seed: number,
): ScheduleInstance {
  const rng = createRng(seed);
  const locked = meetings
    .filter(() => rng() < share)
    .map(({ a, b, session, slot, table }) => ({ a, b, session, slot, table }));
  return { ...instance, locked };
}

/** The 10,000-participant expo's people and requests; its instances differ in tables and attendance. */
const EXPO = { seed: 13, participants: 10000, requests: 60000, sessions: 3, slots: 10 };

export function benchInstances(): NamedInstance[] {
  const small: NamedInstance[] = [];
  for (let seed = 1; seed <= 6; seed++) {
    const participants = 30 + seed * 5;
    small.push({
      name: `small-${participants}p-seed${seed}`,
      exact: true,
      instance: mixedEvent({
        seed,
        participants,
        requests: participants * 4,
        sessions: seed % 2 === 0 ? 2 : 1,
        slots: 5,
        tables: Math.max(3, Math.floor(participants / 6)),
        boothShare: 0.1,
        maxMeetings: [2, 5],
        partialShare: 0.3,
        unavailableShare: 0.2,
      }),
    });
  }
  return [
    ...small,
    { name: 'hosted-buyers-36x304', exact: false, instance: hostedBuyerSession(7) },
    {
      name: 'fair-1000p-8000r-2x8',
      exact: false,
      instance: mixedEvent({
        seed: 11,
        participants: 1000,
        requests: 8000,
        sessions: 2,
        slots: 8,
        tables: 200,
        boothShare: 0.05,
        maxMeetings: [4, 10],
        partialShare: 0.3,
        unavailableShare: 0.2,
      }),
    },
    {
      name: 'expo-10000p-60000r-3x10',
      exact: false,
      instance: mixedEvent({
        ...EXPO,
        tables: 1200,
        boothShare: 0.05,
        maxMeetings: [3, 10],
        partialShare: 0.4,
        unavailableShare: 0.2,
      }),
    },
    {
      // Everyone there all day with no cap of their own, and tables for half the requests: the
      // shape on which HiGHS once overran the time limit by minutes (see upper-bound.ts).
      name: 'expo-all-day-10000p-60000r-3x10',
      exact: false,
      instance: mixedEvent({
        ...EXPO,
        tables: 1000,
        boothShare: 0,
        maxMeetings: [30, 30],
        partialShare: 0,
        unavailableShare: 0,
      }),
    },
  ];
}
