import { validateMatchInput } from './input-validation';
import { jsicDivisionName } from './jsic';
import { PairScore, scorePair } from './pair-score';
import { buildProfiles, EventProfiles, Profile, ProfileOptions } from './profiles';
import { describeNeedMatch } from './reasons';
import { Locale, MatchParticipant, Suggestion } from './types';

export interface InviteeInput {
  /** The event's themes, e.g. ['事業承継', 'DX']. */
  themes: string[];
  /** Optional description of the event, matched like free text. */
  text?: string;
  /** Participants already registered: invitees should complement them. */
  registered: MatchParticipant[];
  /** Everyone who could be invited. Registered or opted-out people in it are skipped. */
  pool: MatchParticipant[];
  /** How many to return. Default 20, the size of a mini-salon. */
  limit?: number;
  /** Language of the reasons, read by the organiser. Default ja. */
  locale?: Locale;
  /**
   * Where it is held, a municipality such as 東京都葛飾区 (a mini-salon request's area): people
   * based there, or in the same prefecture, rank higher, since a small salon draws locally.
   */
  area?: string;
}

/** What being in the area adds, to people who already fit the topic or the room. */
const AREA_BONUS = { municipality: 0.15, prefecture: 0.05 };

/** 東京都 of 東京都葛飾区; undefined when it does not start with one of the 47. */
export function prefectureOf(municipality: string | undefined): string | undefined {
  return /^(東京都|北海道|京都府|大阪府|.{2,3}?県)/.exec(municipality?.normalize('NFKC').trim() ?? '')?.[1];
}

type AreaFit = 'municipality' | 'prefecture' | null;

function areaFit(area: string | undefined, municipality: string | undefined): AreaFit {
  if (!area || !municipality) return null;
  const [a, m] = [area, municipality].map((x) => x.normalize('NFKC').replace(/\s/g, ''));
  if (a === m) return 'municipality';
  const prefecture = prefectureOf(a);
  // An area given as a prefecture alone (東京都) is met by anyone in it.
  if (prefecture && prefecture === a && prefectureOf(m) === prefecture) return 'municipality';
  return prefecture && prefectureOf(m) === prefecture ? 'prefecture' : null;
}

export type InviteeRecommendation = Suggestion;

/**
 * How a mini-salon finds its people: rank the pool by fit with the event's themes, by how many
 * registered participants each could help or be helped by, and by bringing an industry the room
 * lacks. At most one person per company, so the invitation list is not one firm's staff.
 */
export function recommendInvitees(input: InviteeInput, tuning: ProfileOptions = {}): InviteeRecommendation[] {
  const eventId = '\u0000event';
  const registeredIds = new Set(input.registered.map((p) => p.id));
  const pool = input.pool.filter((p) => !registeredIds.has(p.id) && p.optIn !== false);
  validateMatchInput({ participants: [...input.registered, ...pool] });
  const topicText = [...input.themes, input.text ?? ''].join('。');
  // The event is profiled as a participant that both needs and offers its topic, so that people
  // who want help with it and people who can give help both count as relevant.
  const eventAsParticipant: MatchParticipant = {
    id: eventId,
    needs: input.themes,
    offers: input.themes,
    themes: input.themes,
    needsText: topicText,
    offersText: topicText,
  };
  const event = buildProfiles([eventAsParticipant, ...input.registered, ...pool], tuning);
  const eventProfile = event.profiles[0];
  const registered = event.profiles.slice(1, 1 + input.registered.length);
  const candidates = event.profiles.slice(1 + input.registered.length);
  const presentDivisions = new Set(registered.map((r) => r.division).filter((d) => d !== undefined));
  const locale = input.locale ?? 'ja';

  const ranked = candidates.map((c) => {
    const topic = scorePair(event, eventProfile, c, 0, false);
    const relevance = 0.6 * Math.max(topic.forward.strength, topic.backward.strength) + 0.4 * topic.themes;
    const fits = registered
      .map((r) => ({ r, complementarity: scorePair(event, r, c, 0).complementarity }))
      .filter((f) => f.complementarity > 0)
      .sort((x, y) => y.complementarity - x.complementarity || x.r.index - y.r.index);
    // The best five fits: inviting someone five registered people want to meet beats one.
    const fit = fits.slice(0, 5).reduce((sum, f) => sum + f.complementarity, 0) / 5;
    const bringsNewIndustry = !!c.division && registered.length > 0 && !presentDivisions.has(c.division);
    const inArea = areaFit(input.area, c.participant.municipality);
    const relevant = relevance + fit > 0;
    const score =
      0.5 * relevance +
      0.4 * fit +
      (bringsNewIndustry && relevant ? 0.1 : 0) +
      (inArea && relevant ? AREA_BONUS[inArea] : 0);
    return { c, score, topic, relevance, fits, bringsNewIndustry, inArea };
  });
  ranked.sort((x, y) => y.score - x.score || x.c.index - y.c.index);

  const usedCompanies = new Set<string>();
  const out: InviteeRecommendation[] = [];
  for (const r of ranked) {
    if (out.length >= (input.limit ?? 20) || r.score <= 0) break;
    if (usedCompanies.has(r.c.companyKey)) continue;
    usedCompanies.add(r.c.companyKey);
    out.push({
      id: r.c.participant.id,
      score: Math.round(r.score * 1000) / 1000,
      reasons: inviteeReasons(event, eventProfile, r, input, locale),
    });
  }
  return out;
}

/**
 * Up to three reasons of this person's own: which of their tags (or words of their profile) meet
 * the event's topic, that they are in its area, whom in the room they complement, the industry
 * they bring. The organiser reads them to decide whom to invite, so two people are not told apart
 * by the same sentence.
 */
function inviteeReasons(
  event: EventProfiles,
  eventProfile: Profile,
  r: {
    c: Profile;
    topic: ReturnType<typeof scorePair>;
    relevance: number;
    fits: Array<{ r: Profile; complementarity: number }>;
    bringsNewIndustry: boolean;
    inArea: AreaFit;
  },
  input: InviteeInput,
  locale: Locale,
): string[] {
  const en = locale === 'en';
  const reasons: string[] = [];
  const topic = topicReason(event, eventProfile, r.c, r.topic, locale);
  const theirThemes = new Set((r.c.participant.themes ?? []).map((t) => t.normalize('NFKC')));
  const sharedThemes = input.themes.filter((t) => theirThemes.has(t.normalize('NFKC'))).slice(0, 2);
  if (topic) {
    reasons.push(topic);
  } else if (sharedThemes.length > 0) {
    const list = sharedThemes.map((t) => (en ? `'${t}'` : `『${t}』`)).join(en ? ', ' : '');
    reasons.push(en ? `Interested in the event theme ${list}` : `イベントのテーマ${list}に関心があります`);
  }
  const municipality = r.c.participant.municipality;
  if (r.inArea && municipality) {
    reasons.push(
      r.inArea === 'municipality'
        ? en
          ? `Based in the event's area (${municipality})`
          : `開催地域（${municipality}）の事業者です`
        : en
          ? `Based near the event's area (${municipality})`
          : `開催地域と同じ${prefectureOf(municipality)}の事業者です（${municipality}）`,
    );
  }
  const strongFits = r.fits.filter((f) => f.complementarity >= 0.2);
  if (strongFits.length > 0) {
    const example = strongFits[0].r.participant;
    const name = example.companyName || example.name || example.id;
    reasons.push(
      en
        ? `Complements ${strongFits.length} registered participant(s), e.g. ${name}`
        : `登録済みの参加者${strongFits.length}名（${name}など）と補完し合えます`,
    );
  }
  if (r.bringsNewIndustry && r.c.division) {
    const division = jsicDivisionName(r.c.division, locale);
    reasons.push(
      en
        ? `Brings an industry not yet in the room (${division})`
        : `参加者にまだいない業種（${division}）です`,
    );
  }
  if (reasons.length === 0 && r.relevance > 0)
    reasons.push(en ? 'Their profile matches the event topic' : 'プロフィールがイベントの内容に合っています');
  return reasons.length > 0
    ? reasons.slice(0, 3)
    : [en ? 'Related to the event' : 'イベントに関連があります'];
}

/**
 * Which of the person's own words meet the event's topic, from the stronger side: what they offer
 * that the theme calls for, or what they look for that the theme is about.
 */
function topicReason(
  event: EventProfiles,
  eventProfile: Profile,
  c: Profile,
  topic: PairScore,
  locale: Locale,
): string | null {
  const en = locale === 'en';
  const offers = describeNeedMatch(event, eventProfile, c, topic.forward, locale, false);
  const needs = describeNeedMatch(event, c, eventProfile, topic.backward, locale, false);
  const order =
    topic.forward.strength >= topic.backward.strength
      ? [['offer', offers] as const, ['need', needs] as const]
      : [['need', needs] as const, ['offer', offers] as const];
  for (const [side, match] of order) {
    if (match.kind === 'phrases') {
      if (side === 'offer')
        return en
          ? `Offers '${match.offer}', which fits the event theme '${match.need}'`
          : `提供できること『${match.offer}』がテーマ『${match.need}』に合います`;
      return en
        ? `Looking for '${match.need}', which the event theme '${match.offer}' is about`
        : `求めること『${match.need}』がテーマ『${match.offer}』に合います`;
    }
  }
  for (const [, match] of order) {
    if (match.kind === 'text')
      return en
        ? `Their profile mentions '${match.phrase}', as the event does`
        : `プロフィールの『${match.phrase}』に関する記述がイベントの内容に合います`;
  }
  return null;
}
