import { EventProfiles, FeatureKind, Profile, SparseVector } from './profiles';

/** Evidence that one side's needs are met by the other's offers. */
export interface DirectionEvidence {
  tags: number;
  concepts: number;
  text: number;
  /**
   * What matched but the needer offers too, before it was discounted: two consultants who both
   * offer 事業承継 are peers (or competitors), not each other's answer.
   */
  peer: number;
  /** 0–1: how well the needs are met, combining the three kinds of evidence. */
  strength: number;
}

export interface PairScore {
  /** The first participant's needs met by the second's offers. */
  forward: DirectionEvidence;
  /** The second participant's needs met by the first's offers. */
  backward: DirectionEvidence;
  complementarity: number;
  themes: number;
  crossIndustry: boolean;
  /** What the cross-industry bonus added before normalisation; 0 when it did not apply. */
  crossIndustryBonus: number;
  score: number;
}

/**
 * Weights a coordinator would defend: an exact tag match is the clearest signal, a thesaurus
 * concept almost as good, overlapping free text good when the overlap is specific (IDF-weighted).
 * Shared themes are a reason to talk, but weigh less than one side being able to help the other.
 */
export const SCORING = {
  /** Probability-like "miss" per matched tag / concept: two matches are more convincing than one. */
  tagMiss: 0.3,
  conceptMiss: 0.35,
  /** Cosine of IDF-weighted text features is rarely above 0.6 even for clearly related texts. */
  textScale: 1.5,
  textCeiling: 0.9,
  /** Extra weight of the weaker direction: mutual complementarity ranks above one-sided. */
  mutualWeight: 0.6,
  complementarityWeight: 0.9,
  themeWeight: 0.1,
  defaultCrossIndustryBonus: 0.1,
  /** What a match counts for when the needer offers the same thing: peers, not complements. */
  peerWeight: 0.25,
};

export function scorePair(
  event: EventProfiles,
  a: Profile,
  b: Profile,
  crossIndustryBonus = SCORING.defaultCrossIndustryBonus,
  /** False where a side is no participant (an event's topic both needs and offers its themes). */
  discountPeers = true,
): PairScore {
  const none: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) };
  const forward = direction(event.kinds, a.need, b.offer, discountPeers ? a.offer : none);
  const backward = direction(event.kinds, b.need, a.offer, discountPeers ? b.offer : none);
  // The stronger direction counts in full and the weaker adds to it, so mutual beats one-sided
  // while a clear one-sided fit (a supplier for exactly what you need) still ranks well.
  const complementarity =
    (Math.max(forward.strength, backward.strength) +
      SCORING.mutualWeight * Math.min(forward.strength, backward.strength)) /
    (1 + SCORING.mutualWeight);
  const themes = cosine(a.theme, b.theme);
  const base = SCORING.complementarityWeight * complementarity + SCORING.themeWeight * themes;
  const crossIndustry = !!a.division && !!b.division && a.division !== b.division;
  // Multiplicative, so the bonus tips the balance between comparable fits but never lifts a
  // weak pair (or one that merely shares a theme) above a real fit.
  const rate = Math.max(0, crossIndustryBonus);
  const bonus = crossIndustry && complementarity > 0 ? base * rate : 0;
  return {
    forward,
    backward,
    complementarity,
    themes,
    crossIndustry,
    crossIndustryBonus: bonus,
    score: (base + bonus) / (1 + rate),
  };
}

function direction(
  kinds: FeatureKind[],
  need: SparseVector,
  offer: SparseVector,
  needersOwnOffer: SparseVector,
): DirectionEvidence {
  let tags = 0;
  let concepts = 0;
  let text = 0;
  let peer = 0;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < need.ids.length && j < offer.ids.length) {
    const x = need.ids[i];
    const y = offer.ids[j];
    if (x < y) i++;
    else if (x > y) j++;
    else {
      let w = need.weights[i] * offer.weights[j];
      while (k < needersOwnOffer.ids.length && needersOwnOffer.ids[k] < x) k++;
      if (k < needersOwnOffer.ids.length && needersOwnOffer.ids[k] === x) {
        peer += w;
        w *= SCORING.peerWeight;
      }
      const kind = kinds[x];
      if (kind === FeatureKind.Tag) tags += w;
      else if (kind === FeatureKind.Concept) concepts += w;
      else text += w;
      i++;
      j++;
    }
  }
  const textPart = Math.min(1, text * SCORING.textScale) * SCORING.textCeiling;
  const strength = 1 - SCORING.tagMiss ** tags * SCORING.conceptMiss ** concepts * (1 - textPart);
  return { tags, concepts, text, peer, strength };
}

function cosine(a: SparseVector, b: SparseVector): number {
  if (a.ids.length === 0 || b.ids.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] < b.ids[j]) i++;
    else if (a.ids[i] > b.ids[j]) j++;
    else {
      shared += a.weights[i] * b.weights[j];
      i++;
      j++;
    }
  }
  return shared / Math.sqrt(a.ids.length * b.ids.length);
}
