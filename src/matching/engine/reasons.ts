import { conceptById } from './concepts';
import { quotedForEnglish as q } from './gloss';
import { jsicDivisionName } from './jsic';
import { DirectionEvidence, PairScore, SCORING } from './pair-score';
import { ConceptSource, EventProfiles, FeatureKind, Profile, SparseVector } from './profiles';
import { bestMatchedPhrase, normalizeTag } from './text-features';
import { Locale } from './types';

/** What one side's needs were met by, in words the participant recognises. */
export type NeedMatch =
  | {
      kind: 'phrases';
      need: string;
      offer: string;
      /** `need` / `offer` quote the participant's free text rather than a tag they chose. */
      needWritten?: boolean;
      offerWritten?: boolean;
      /** `offer` is what the offerer wrote about whom they want to meet (「…を抱える事業者とつながりたい」). */
      offerSought?: boolean;
    }
  /** Both offer the same thing: peers (or competitors), neither the other's answer. */
  | { kind: 'peer'; offer: string }
  | { kind: 'text'; phrase: string }
  | { kind: 'none' };

interface Candidate {
  weight: number;
  text: string;
}

const MAX_REASONS = 3;
const MUTUAL_THRESHOLD = 0.3;

export function resolveLocale(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/**
 * 1–3 sentences for `receiver` about `other`, ordered by how much each part added to the score,
 * so the first reason is the one that actually put this person on the list.
 */
export function buildReasons(
  event: EventProfiles,
  receiver: Profile,
  other: Profile,
  score: PairScore,
  locale: Locale,
): string[] {
  const t = locale === 'en' ? EN : JA;
  const name = displayName(other, locale);
  const full = SCORING.complementarityWeight / (1 + SCORING.mutualWeight);
  const forwardIsStronger = score.forward.strength >= score.backward.strength;
  const items: Candidate[] = [];

  const forward = describeNeedMatch(event, receiver, other, score.forward, locale);
  const backward = describeNeedMatch(event, other, receiver, score.backward, locale);
  // Both offering the same thing is said once, as what it is.
  const peer = [forward, backward].find((m) => m.kind === 'peer');
  if (peer) {
    items.push({
      weight: full * Math.max(score.forward.strength, score.backward.strength) * SCORING.mutualWeight,
      text: t.peer(peer, name),
    });
  }
  if (forward.kind !== 'none' && forward.kind !== 'peer') {
    items.push({
      weight: full * score.forward.strength * (forwardIsStronger ? 1 : SCORING.mutualWeight),
      text: t.yourNeed(forward, name),
    });
  }
  if (backward.kind !== 'none' && backward.kind !== 'peer') {
    items.push({
      weight: full * score.backward.strength * (forwardIsStronger ? SCORING.mutualWeight : 1),
      text: t.theirNeed(backward, name),
    });
  }
  const weaker = Math.min(score.forward.strength, score.backward.strength);
  // Complementing each other needs a real answer in each direction, not the same offer twice.
  if (weaker >= MUTUAL_THRESHOLD && !peer && forward.kind !== 'none' && backward.kind !== 'none') {
    items.push({
      weight: (SCORING.complementarityWeight * SCORING.mutualWeight * weaker) / (1 + SCORING.mutualWeight),
      text: t.mutual,
    });
  }
  const themes = sharedThemes(event, receiver, other, locale);
  if (themes.length > 0) items.push({ weight: SCORING.themeWeight * score.themes, text: t.themes(themes) });
  if (score.crossIndustry && score.crossIndustryBonus > 0 && receiver.division && other.division) {
    items.push({
      weight: score.crossIndustryBonus,
      text: t.crossIndustry(
        jsicDivisionName(receiver.division, locale),
        jsicDivisionName(other.division, locale),
      ),
    });
  }
  // Stable sort keeps the declared order (your needs first) when contributions tie.
  const reasons = items
    .filter((i) => i.weight > 0)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, MAX_REASONS)
    .map((i) => i.text);
  return reasons.length > 0 ? reasons : [t.fallback];
}

export function describeNeedMatch(
  event: EventProfiles,
  needer: Profile,
  offerer: Profile,
  evidence: DirectionEvidence,
  locale: Locale,
  /** False where the needer is no participant but an event's topic, which offers what it needs. */
  peers = true,
): NeedMatch {
  if (evidence.strength <= 0) return { kind: 'none' };
  let peer: NeedMatch | undefined;
  if (evidence.tags > 0) {
    for (const id of sharedIds(needer.need, offerer.offer)) {
      if (event.kinds[id] !== FeatureKind.Tag) continue;
      const key = event.keys[id].slice(2);
      const offer = offerer.participant.offers?.find((tag) => normalizeTag(tag) === key) ?? key;
      if (peers && offersItself(needer, id)) {
        peer ??= { kind: 'peer', offer };
        continue;
      }
      const need = needer.participant.needs?.find((tag) => normalizeTag(tag) === key) ?? key;
      return { kind: 'phrases', need, offer };
    }
  }
  if (evidence.concepts > 0) {
    // Prefer a concept the needer named in a tag: it is the need they will recognise.
    const shared = [...needer.needConcepts].filter(([id]) => offerer.offerConcepts.has(id));
    shared.sort(([, x], [, y]) => Number(!!y.tag) - Number(!!x.tag));
    for (const [conceptId, needSource] of shared) {
      const offerSource = offerer.offerConcepts.get(conceptId) as ConceptSource;
      const offerConcept = offerSource.viaConceptId ?? conceptId;
      const offer = offerSource.tag ?? offerSource.quote ?? conceptLabel(offerConcept, locale);
      if (peers && needer.offerConcepts.has(conceptId) && !offerSource.sought) {
        peer ??= { kind: 'peer', offer };
        continue;
      }
      return {
        kind: 'phrases',
        need: needSource.tag ?? needSource.quote ?? conceptLabel(conceptId, locale),
        offer,
        needWritten: !needSource.tag && !!needSource.quote,
        offerWritten: !offerSource.tag && !!offerSource.quote,
        offerSought: offerSource.sought,
      };
    }
  }
  if (evidence.text > 0) {
    const offered = new Set<string>();
    for (const id of sharedIds(needer.need, offerer.offer)) {
      if (event.kinds[id] === FeatureKind.Text && !(peers && offersItself(needer, id)))
        offered.add(event.keys[id].slice(2));
    }
    const phrase = bestMatchedPhrase(needer.needText, event.analyzer, (f) =>
      offered.has(f) ? (event.textWeight.get(f) ?? 0) : 0,
    );
    if (phrase) return { kind: 'text', phrase };
  }
  return peer ?? { kind: 'none' };
}

/** Whether the needer's own offers carry this feature: then the match says they are peers. */
function offersItself(needer: Profile, featureId: number): boolean {
  const ids = needer.offer.ids;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === featureId) return true;
    if (ids[mid] < featureId) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function sharedThemes(event: EventProfiles, receiver: Profile, other: Profile, locale: Locale): string[] {
  const names: string[] = [];
  const conceptNames: string[] = [];
  for (const id of sharedIds(receiver.theme, other.theme)) {
    const key = event.keys[id].slice(2);
    if (key.startsWith('c:')) conceptNames.push(conceptLabel(key.slice(2), locale));
    else names.push(receiver.participant.themes?.find((theme) => normalizeTag(theme) === key) ?? key);
  }
  // Only fall back to thesaurus labels when the two wrote the theme differently.
  return (names.length > 0 ? names : conceptNames).slice(0, 2);
}

function sharedIds(a: SparseVector, b: SparseVector): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] < b.ids[j]) i++;
    else if (a.ids[i] > b.ids[j]) j++;
    else {
      out.push(a.ids[i]);
      i++;
      j++;
    }
  }
  return out;
}

function conceptLabel(id: string, locale: Locale): string {
  const concept = conceptById(id);
  return concept ? concept[locale] : id;
}

function displayName(p: Profile, locale: Locale): string {
  const name = p.participant.companyName || p.participant.name;
  if (name) return name;
  return locale === 'en' ? 'this participant' : 'この方';
}

const JA = {
  yourNeed: (m: NeedMatch, name: string) => {
    if (m.kind !== 'phrases')
      return `御社のニーズと${name}の提供内容で『${phrase(m)}』に関する記述が一致します`;
    const need = m.needWritten ? `御社の「${m.need}」というニーズ` : `御社の『${m.need}』のニーズ`;
    if (m.offerSought) return `${need}について、${name}は「${m.offer}」と書かれています`;
    return `${need}に、${name}の${m.offerWritten ? `「${m.offer}」` : `『${m.offer}』`}が合います`;
  },
  theirNeed: (m: NeedMatch, name: string) => {
    if (m.kind !== 'phrases')
      return `${name}のニーズと御社の提供内容で『${phrase(m)}』に関する記述が一致します`;
    const need = m.needWritten ? `${name}の「${m.need}」というニーズ` : `${name}の『${m.need}』のニーズ`;
    if (m.offerSought) return `${need}は、御社が「${m.offer}」と書かれた相手に当たります`;
    return `${need}に、御社の${m.offerWritten ? `「${m.offer}」` : `『${m.offer}』`}が応えられます`;
  },
  peer: (m: NeedMatch, name: string) =>
    `${name}も御社と同じく『${peerOffer(m)}』を手がけています（同業の方です）`,
  mutual: '相互に補完できる関係です',
  themes: (themes: string[]) => `共通のテーマ${themes.map((x) => `『${x}』`).join('')}に関心をお持ちです`,
  crossIndustry: (mine: string, theirs: string) => `異業種（${mine} × ${theirs}）の交流です`,
  fallback: 'プロフィールに共通点があります',
};

// Participants write their tags in Japanese; an English reader gets each quoted as written (what
// the other side will say) with the thesaurus's English beside it.
const EN: typeof JA = {
  yourNeed: (m, name) => {
    if (m.kind !== 'phrases') return `Your needs and what ${name} offers both mention ${q(phrase(m))}`;
    const need = m.needWritten ? `Your need ${q(m.need)}` : `Your need for ${q(m.need)}`;
    if (m.offerSought) return `${need}: ${name} wrote ${q(m.offer)}`;
    return m.need === m.offer
      ? `${need} is what ${name} offers`
      : `${need} matches what ${name} offers: ${q(m.offer)}`;
  },
  theirNeed: (m, name) => {
    if (m.kind !== 'phrases') return `${name}'s needs and what you offer both mention ${q(phrase(m))}`;
    const need = m.needWritten ? `${name}'s need ${q(m.need)}` : `${name} needs ${q(m.need)}`;
    if (m.offerSought) return `${need}, the kind of contact you wrote of: ${q(m.offer)}`;
    return m.need === m.offer ? `${need}, which you offer` : `${need}, which you offer: ${q(m.offer)}`;
  },
  peer: (m, name) => `${name} offers ${q(peerOffer(m))} as you do (a peer in your field)`,
  mutual: 'You can help each other',
  themes: (themes) => `Shared theme${themes.length > 1 ? 's' : ''}: ${themes.map(q).join(', ')}`,
  crossIndustry: (mine, theirs) => `Cross-industry exchange (${mine} × ${theirs})`,
  fallback: 'Your profiles have something in common',
};

function phrase(m: NeedMatch): string {
  return m.kind === 'text' ? m.phrase : '';
}

function peerOffer(m: NeedMatch): string {
  return m.kind === 'peer' ? m.offer : '';
}
