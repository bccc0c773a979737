import { Eligibility } from './eligibility';
import { EventProfiles, FeatureKind, SparseVector } from './profiles';

export interface CandidateIndexOptions {
  /**
   * A feature held by more participants than this is too common to generate candidates from in
   * full (every pair would become a candidate); it still counts when a candidate is scored.
   */
  maxPostings?: number;
}

/**
 * Inverted index from features to the participants whose needs / offers / themes carry them, so
 * a participant's candidates are those sharing at least one specific feature, not all N−1 others.
 */
export class CandidateIndex {
  private readonly needPostings: Int32Array[];
  private readonly offerPostings: Int32Array[];
  private readonly themePostings: Int32Array[];
  private readonly maxPostings: number;
  private readonly accumulator: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly event: EventProfiles,
    options: CandidateIndexOptions = {},
  ) {
    const n = event.profiles.length;
    const features = event.keys.length;
    this.maxPostings = options.maxPostings ?? Math.max(200, Math.ceil(n * 0.05));
    this.needPostings = buildPostings(
      features,
      event.profiles.map((p) => p.need),
    );
    this.offerPostings = buildPostings(
      features,
      event.profiles.map((p) => p.offer),
    );
    this.themePostings = buildPostings(
      features,
      event.profiles.map((p) => p.theme),
    );
    this.accumulator = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  /**
   * Up to `limit` eligible candidates for `receiver`, best first by a cheap overlap score
   * (a dot product over the features that are not pruned).
   */
  candidatesFor(receiver: number, eligibility: Eligibility, limit: number): number[] {
    const p = this.event.profiles[receiver];
    const acc = this.accumulator;
    const kinds = this.event.kinds;
    let touchedCount = 0;
    const visit = (vector: SparseVector, postings: Int32Array[], scale: number) => {
      for (let k = 0; k < vector.ids.length; k++) {
        const feature = vector.ids[k];
        const list = postings[feature];
        let from = 0;
        let count = list.length;
        if (count > this.maxPostings) {
          // A common text gram or theme says little; a common tag or concept (half the room wants
          // 販路開拓) still matters, so it contributes a window of its postings. The window starts
          // at an offset that depends on the receiver, so not everyone is handed the same people.
          if (kinds[feature] === FeatureKind.Text || kinds[feature] === FeatureKind.Theme) continue;
          from = (receiver * 7919) % count;
          count = COMMON_FEATURE_WINDOW;
        }
        const w = vector.weights[k] * scale;
        for (let m = 0; m < count; m++) {
          const c = list[(from + m) % list.length];
          if (acc[c] === 0) this.touched[touchedCount++] = c;
          acc[c] += w;
        }
      }
    };
    visit(p.need, this.offerPostings, 1);
    visit(p.offer, this.needPostings, 1);
    visit(p.theme, this.themePostings, THEME_SCALE);

    const best = new TopK(limit);
    for (let t = 0; t < touchedCount; t++) {
      const c = this.touched[t];
      if (best.wouldAccept(acc[c], c) && eligibility.allows(receiver, c)) best.offer(acc[c], c);
      acc[c] = 0;
    }
    return best.sortedIndexes();
  }
}

/**
 * The `size` best (score, index) pairs seen, in a min-heap: selecting 60 out of thousands of
 * touched participants must not sort them all. Ties go to the lower index, for determinism.
 */
class TopK {
  private readonly scores: Float64Array;
  private readonly indexes: Int32Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.scores = new Float64Array(size);
    this.indexes = new Int32Array(size);
  }

  wouldAccept(score: number, index: number): boolean {
    return this.size > 0 && (this.count < this.size || this.better(score, index, 0));
  }

  offer(score: number, index: number): void {
    if (this.count < this.size) {
      let i = this.count++;
      this.scores[i] = score;
      this.indexes[i] = index;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(this.scores[parent], this.indexes[parent], i)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    this.scores[0] = score;
    this.indexes[0] = index;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.count && !this.better(this.scores[left], this.indexes[left], worst)) worst = left;
      if (right < this.count && !this.better(this.scores[right], this.indexes[right], worst)) worst = right;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  sortedIndexes(): number[] {
    const order = Array.from({ length: this.count }, (_, i) => i);
    order.sort((x, y) => this.scores[y] - this.scores[x] || this.indexes[x] - this.indexes[y]);
    return order.map((i) => this.indexes[i]);
  }

  /** Is (score, index) better than the entry at heap slot `slot`? */
  private better(score: number, index: number, slot: number): boolean {
    return score > this.scores[slot] || (score === this.scores[slot] && index < this.indexes[slot]);
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
    [this.indexes[a], this.indexes[b]] = [this.indexes[b], this.indexes[a]];
  }
}

/** How many postings of a common tag or concept one receiver looks at. */
const COMMON_FEATURE_WINDOW = 150;

/** Themes help find candidates but should not crowd out the ones who complement each other. */
const THEME_SCALE = 0.25;

const EMPTY = new Int32Array(0);

function buildPostings(features: number, vectors: SparseVector[]): Int32Array[] {
  const counts = new Int32Array(features);
  for (const v of vectors) for (const id of v.ids) counts[id]++;
  const postings = Array.from({ length: features }, (_, f) =>
    counts[f] ? new Int32Array(counts[f]) : EMPTY,
  );
  const fill = new Int32Array(features);
  vectors.forEach((v, index) => {
    for (const id of v.ids) postings[id][fill[id]++] = index;
  });
  return postings;
}
