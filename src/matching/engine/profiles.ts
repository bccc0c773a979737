import { conceptById, findConcepts, SoughtClause, splitNeedText } from './concepts';
import { jsicDivision } from './jsic';
import { characterNgrams, normalizeTag, normalizeText, TextAnalyzer } from './text-features';
import { MatchParticipant } from './types';

/** What a feature id stands for; scoring weighs the kinds differently. */
export enum FeatureKind {
  Tag = 0,
  Concept = 1,
  Text = 2,
  Theme = 3,
}

/** Sorted feature ids with weights: cheap to intersect by merging. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** How a concept entered a profile, so a reason can quote the participant's own words. */
export interface ConceptSource {
  /** The participant's tag that named it, or undefined when it came from free text. */
  tag?: string;
  /** For a concept found in free text: the words it was found in, as the reason quotes them. */
  quote?: string;
  /**
   * An offer side only: found where the participant wrote whom they want to meet by those people's
   * need (「承継の悩みを抱える事業者とつながりたい」), so they are looking for people who need it.
   */
  sought?: boolean;
  /** For an offer that answers this need through `serves`: the concept actually offered. */
  viaConceptId?: string;
}

export interface Profile {
  index: number;
  participant: MatchParticipant;
  division?: string;
  companyKey: string;
  need: SparseVector;
  offer: SparseVector;
  theme: SparseVector;
  needConcepts: Map<string, ConceptSource>;
  offerConcepts: Map<string, ConceptSource>;
  /** Normalised tags and text of each side, for quoting a matched phrase. */
  needText: string;
  offerText: string;
}

export interface ProfileOptions {
  analyzer?: TextAnalyzer;
  /** Switches the thesaurus off; used by the evaluation to show what it adds. */
  useConcepts?: boolean;
}

export interface EventProfiles {
  profiles: Profile[];
  kinds: FeatureKind[];
  /** Feature key by id: 't:タグ', 'c:concept', 'g:gram', 'h:theme'. */
  keys: string[];
  analyzer: TextAnalyzer;
  /** Weight of a text feature on either side, 0 when pruned as too common. */
  textWeight: Map<string, number>;
}

/** A gram in at least this many offers, and this share of them, is generic for the event. */
const GENERIC_MIN_OFFERS = 3;
const GENERIC_OFFER_SHARE = 0.15;

/** Answering a need through a neighbouring concept counts, but less than offering the thing itself. */
const SERVED_CONCEPT_WEIGHT = 0.7;

export function buildProfiles(participants: MatchParticipant[], options: ProfileOptions = {}): EventProfiles {
  const analyzer = options.analyzer ?? characterNgrams;
  const useConcepts = options.useConcepts ?? true;
  const keys: string[] = [];
  const kinds: FeatureKind[] = [];
  const idOf = new Map<string, number>();
  const featureId = (key: string, kind: FeatureKind): number => {
    let id = idOf.get(key);
    if (id === undefined) {
      id = keys.length;
      idOf.set(key, id);
      keys.push(key);
      kinds.push(kind);
    }
    return id;
  };

  // Pass 1: text features per side, and document frequencies over all need and offer documents.
  const drafts = participants.map((p) => {
    // Whom the participant wants to meet is no need of theirs: it leaves the need side.
    const { own, sought } = splitNeedText(normalizeText(p.needsText ?? ''));
    const needText = sideText(p.needs, own);
    const offerText = sideText(p.offers, p.offersText);
    return {
      needFreeText: own,
      offerFreeText: normalizeText(p.offersText ?? ''),
      sought,
      needText,
      offerText,
      needGrams: new Set(analyzer(needText).map((f) => f.feature)),
      offerGrams: new Set(analyzer(offerText).map((f) => f.feature)),
    };
  });
  const df = new Map<string, number>();
  for (const d of drafts) {
    for (const g of d.needGrams) df.set(g, (df.get(g) ?? 0) + 1);
    for (const g of d.offerGrams) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const documents = Math.max(1, participants.length * 2);
  // A gram in more than a tenth of all documents is boilerplate for this event ("販売", "製造").
  // Small events keep everything: with twenty profiles a shared gram is still informative.
  const maxDf = Math.max(10, Math.floor(documents * 0.05));
  // A word that a good share of the room offers (工場 among makers, 支援 among advisers) tells no
  // one apart in this room: two profiles sharing only it have nothing particular in common.
  const offerDf = new Map<string, number>();
  for (const d of drafts) for (const g of d.offerGrams) offerDf.set(g, (offerDf.get(g) ?? 0) + 1);
  const offerDocuments = drafts.filter((d) => d.offerGrams.size > 0).length;
  const isGeneric = (g: string) =>
    (offerDf.get(g) ?? 0) >= Math.max(GENERIC_MIN_OFFERS, GENERIC_OFFER_SHARE * offerDocuments);
  const textWeight = new Map<string, number>();
  for (const [g, n] of df) textWeight.set(g, n > maxDf || isGeneric(g) ? 0 : Math.log(1 + documents / n));

  const profiles = participants.map((p, index): Profile => {
    const draft = drafts[index];
    const needConcepts = new Map<string, ConceptSource>();
    const offerConcepts = new Map<string, ConceptSource>();
    if (useConcepts) {
      collectConcepts(p.needs, draft.needFreeText, needConcepts, false);
      collectConcepts(p.offers, draft.offerFreeText, offerConcepts, true);
      addSoughtConcepts(draft.sought, offerConcepts);
    }
    const side = (tags: string[] | undefined, grams: Set<string>, concepts: Map<string, ConceptSource>) => {
      const entries = new Map<number, number>();
      for (const tag of tags ?? []) {
        const key = normalizeTag(tag);
        if (key) entries.set(featureId(`t:${key}`, FeatureKind.Tag), 1);
      }
      for (const [conceptId, source] of concepts) {
        entries.set(
          featureId(`c:${conceptId}`, FeatureKind.Concept),
          source.viaConceptId || source.sought ? SERVED_CONCEPT_WEIGHT : 1,
        );
      }
      let norm = 0;
      for (const g of grams) norm += (textWeight.get(g) ?? 0) ** 2;
      norm = Math.sqrt(norm);
      if (norm > 0) {
        for (const g of grams) {
          const w = textWeight.get(g) ?? 0;
          if (w > 0) entries.set(featureId(`g:${g}`, FeatureKind.Text), w / norm);
        }
      }
      return toSparse(entries);
    };
    const themeEntries = new Map<number, number>();
    for (const theme of p.themes ?? []) {
      const key = normalizeTag(theme);
      if (!key) continue;
      themeEntries.set(featureId(`h:${key}`, FeatureKind.Theme), 1);
      // 事業承継 and 承継・M&A are the same theme to a coordinator.
      if (useConcepts) {
        for (const c of findConcepts(normalizeText(theme))) {
          themeEntries.set(featureId(`h:c:${c}`, FeatureKind.Theme), 1);
        }
      }
    }
    return {
      index,
      participant: p,
      division: jsicDivision(p.industry),
      companyKey: p.company ? `c:${p.company}` : `p:${p.id}`,
      need: side(p.needs, draft.needGrams, needConcepts),
      offer: side(p.offers, draft.offerGrams, offerConcepts),
      theme: toSparse(themeEntries),
      needConcepts,
      offerConcepts,
      needText: draft.needText,
      offerText: draft.offerText,
    };
  });
  return { profiles, kinds, keys, analyzer, textWeight };
}

function sideText(tags: string[] | undefined, text: string | undefined): string {
  return normalizeText([...(tags ?? []), text ?? ''].join('。'));
}

function collectConcepts(
  tags: string[] | undefined,
  freeText: string,
  into: Map<string, ConceptSource>,
  isOffer: boolean,
): void {
  // Tags first so a reason quotes the participant's tag; then the free text, clause by clause, so
  // it can quote the words the participant wrote rather than name a tag they never chose.
  for (const tag of tags ?? []) {
    for (const c of findConcepts(normalizeText(tag))) if (!into.has(c)) into.set(c, { tag });
  }
  for (const clause of freeText.split(/[。、,!?！？\n]/)) {
    for (const c of findConcepts(clause)) if (!into.has(c)) into.set(c, { quote: quotable(clause) });
  }
  if (!isOffer) return;
  for (const [conceptId, source] of [...into]) {
    if (source.viaConceptId) continue;
    for (const served of conceptById(conceptId)?.serves ?? []) {
      if (!into.has(served))
        into.set(served, { tag: source.tag, quote: source.quote, viaConceptId: conceptId });
    }
  }
}

/**
 * Someone who wants to meet people who need a thing (a banker who wants to meet owners worried
 * about succession) is worth suggesting to those people, as weakly as a neighbouring offer.
 */
function addSoughtConcepts(sought: SoughtClause[], into: Map<string, ConceptSource>): void {
  for (const { clause, sentence } of sought) {
    for (const c of findConcepts(clause)) {
      if (!into.has(c)) into.set(c, { quote: quotable(sentence), sought: true });
    }
  }
}

const MAX_QUOTE = 40;

function quotable(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_QUOTE ? `${trimmed.slice(0, MAX_QUOTE - 1)}…` : trimmed;
}

function toSparse(entries: Map<number, number>): SparseVector {
  const ids = Int32Array.from([...entries.keys()].sort((a, b) => a - b));
  const weights = Float32Array.from(ids, (id) => entries.get(id) ?? 0);
  return { ids, weights };
}
