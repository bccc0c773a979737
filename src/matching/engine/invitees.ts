import { validateMatchInput } from './input-validation';
import { jsicDivisionName } from './jsic';
import { scorePair } from './pair-score';
import { buildProfiles, Profile, ProfileOptions } from './profiles';
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
    const topic = scorePair(event, eventProfile, c, 0);
    const relevance = 0.6 * Math.max(topic.forward.strength, topic.backward.strength) + 0.4 * topic.themes;
    const fits = registered
      .map((r) => ({ r, complementarity: scorePair(event, r, c, 0).complementarity }))
      .filter((f) => f.complementarity > 0)
      .sort((x, y) => y.complementarity - x.complementarity || x.r.index - y.r.index);
    // The best five fits: inviting someone five registered people want to meet beats one.
    const fit = fits.slice(0, 5).reduce((sum, f) => sum + f.complementarity, 0) / 5;
    const bringsNewIndustry = !!c.division && registered.length > 0 && !presentDivisions.has(c.division);
    const score = 0.5 * relevance + 0.4 * fit + (bringsNewIndustry && relevance + fit > 0 ? 0.1 : 0);
    return { c, score, topic, relevance, fits, bringsNewIndustry };
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
      reasons: inviteeReasons(r, input.themes, locale),
    });
  }
  return out;
}

function inviteeReasons(
  r: {
    c: Profile;
    topic: ReturnType<typeof scorePair>;
    relevance: number;
    fits: Array<{ r: Profile; complementarity: number }>;
    bringsNewIndustry: boolean;
  },
  themes: string[],
  locale: Locale,
): string[] {
  const reasons: string[] = [];
  const theirThemes = new Set((r.c.participant.themes ?? []).map((t) => t.normalize('NFKC')));
  const sharedThemes = themes.filter((t) => theirThemes.has(t.normalize('NFKC'))).slice(0, 2);
  if (sharedThemes.length > 0) {
    const list = sharedThemes
      .map((t) => (locale === 'en' ? `'${t}'` : `『${t}』`))
      .join(locale === 'en' ? ', ' : '');
    reasons.push(
      locale === 'en' ? `Interested in the event theme ${list}` : `イベントのテーマ${list}に関心があります`,
    );
  } else if (r.relevance > 0) {
    reasons.push(
      locale === 'en'
        ? 'Their profile matches the event topic'
        : 'プロフィールがイベントの内容に合っています',
    );
  }
  const strongFits = r.fits.filter((f) => f.complementarity >= 0.2);
  if (strongFits.length > 0) {
    const example = strongFits[0].r.participant;
    const name = example.companyName || example.name || example.id;
    reasons.push(
      locale === 'en'
        ? `Complements ${strongFits.length} registered participant(s), e.g. ${name}`
        : `登録済みの参加者${strongFits.length}名（${name}など）と補完し合えます`,
    );
  }
  if (r.bringsNewIndustry && r.c.division) {
    const division = jsicDivisionName(r.c.division, locale);
    reasons.push(
      locale === 'en'
        ? `Brings an industry not yet in the room (${division})`
        : `参加者にまだいない業種（${division}）です`,
    );
  }
  return reasons.length > 0
    ? reasons.slice(0, 3)
    : [locale === 'en' ? 'Related to the event' : 'イベントに関連があります'];
}
