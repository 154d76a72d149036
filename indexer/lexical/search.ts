// Top-k retrieval over weighted term cursors: document-at-a-time in windows, with MaxScore pruning.
//
// Terms are ordered by their score upper bound. Once k hits are kept, the cheapest terms whose bounds
// add up to no more than the k-th score are "non-essential": a document containing only them cannot
// enter the top k, so only the other (essential) terms' postings are walked. Within a window of
// documents the essential terms are scored term-at-a-time into an accumulator; each candidate then
// looks up the non-essential terms by skipping to it, most promising first, and stops as soon as even
// their remaining bounds cannot lift it over the threshold (Turtle & Flood 1995; Lucene's
// MaxScoreBulkScorer works the same way).
import { TopK, type Hit } from './heap.ts';
import { END, PostingCursor, type FieldPostings } from './postings.ts';

export class TermScorer extends PostingCursor {
  constructor(
    postings: FieldPostings,
    term: number,
    /** Query weight · field boost · idf · (k1 + 1). */
    readonly weight: number,
    private readonly norms: Float64Array,
  ) {
    super(postings, term);
    // The same expression as score(), so the bound holds exactly, rounding included.
    this.bound = weight * postings.maxPart[term]!;
  }

  readonly bound: number;

  score(): number {
    const tf = this.tf;
    return this.weight * (tf / (tf + this.norms[this.doc]!));
  }

  /**
   * Adds score() of every posting before `limit` into acc[doc - base], marking it in `seen`: the
   * window's term-at-a-time pass, over the decoded block without a call per posting.
   */
  accumulate(acc: Float64Array, seen: Int32Array, base: number, limit: number): void {
    const { docs, tfs, norms, weight } = this;
    while (this.doc < limit) {
      let at = this.at;
      for (; at < this.count; at++) {
        const doc = docs[at]!;
        if (doc >= limit) break;
        const tf = tfs[at]!;
        const o = doc - base;
        acc[o] = acc[o]! + weight * (tf / (tf + norms[doc]!));
        seen[o >>> 5] = seen[o >>> 5]! | (1 << (o & 31));
      }
      if (at < this.count) {
        this.at = at;
        this.doc = docs[at]!;
        this.tf = tfs[at]!;
        return;
      }
      if (!this.load(this.block + 1)) return;
      this.doc = docs[0]!;
      this.tf = tfs[0]!;
    }
  }
}

const WINDOW = 4096;
/** Bounds are summed in another order than scores are: a little slack keeps pruning safe. */
const SLACK = 1 + 1e-9;

export interface TopKOptions {
  k: number;
  /** Only documents it accepts are returned; asked only of documents that would enter the top k. */
  filter?: (doc: number) => boolean;
  /** Score every matching document (no pruning): the reference the pruned search must equal. */
  exhaustive?: boolean;
}

export function topK(scorers: TermScorer[], { k, filter, exhaustive = false }: TopKOptions): Hit[] {
  if (k <= 0 || scorers.length === 0) return [];
  scorers.sort((a, b) => a.bound - b.bound);
  const n = scorers.length;
  // prefix[i]: what terms 0..i can add at most.
  const prefix = new Float64Array(n);
  for (let i = 0, sum = 0; i < n; i++) prefix[i] = (sum += scorers[i]!.bound) * SLACK;
  for (const s of scorers) s.next();

  const heap = new TopK(k);
  const acc = new Float64Array(WINDOW);
  const seen = new Int32Array(WINDOW >>> 5);
  // scorers[essential..n) are walked; the others are only looked up for candidates.
  let essential = 0;
  for (;;) {
    let base = END;
    for (let i = essential; i < n; i++) base = Math.min(base, scorers[i]!.doc);
    if (base === END) break;
    const limit = base + WINDOW;
    for (let i = essential; i < n; i++) scorers[i]!.accumulate(acc, seen, base, limit);
    for (let w = 0; w < seen.length; w++) {
      let bits = seen[w]!;
      seen[w] = 0;
      while (bits !== 0) {
        const o = (w << 5) | (31 - Math.clz32(bits & -bits));
        bits &= bits - 1;
        const doc = base + o;
        let score = acc[o]!;
        acc[o] = 0;
        const threshold = heap.threshold;
        let i = essential - 1;
        for (; i >= 0; i--) {
          if (score + prefix[i]! <= threshold) break;
          const s = scorers[i]!;
          s.advance(doc);
          if (s.doc === doc) score += s.score();
        }
        if (i < 0 && heap.accepts(score, doc) && (!filter || filter(doc))) heap.push(score, doc);
      }
    }
    if (!exhaustive && heap.full) {
      const threshold = heap.threshold;
      while (essential < n && prefix[essential]! <= threshold) essential++;
    }
  }
  return heap.sorted();
}
