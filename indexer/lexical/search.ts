// Top-k retrieval over weighted term cursors: document-at-a-time in windows, with block-max MaxScore.
//
// The documents are cut into windows. In each, every term's score upper bound is the largest of its
// blocks' maxima there (each block of postings records its best tf / (tf + norm)). Once k hits are
// kept, the cheapest terms whose bounds add up to no more than the k-th score are "non-essential" in
// this window: a document containing only them cannot enter the top k, so only the other (essential)
// terms' postings are walked, term-at-a-time into an accumulator; a window where even all bounds
// together cannot beat the k-th score is skipped whole. Each candidate then looks up the
// non-essential terms by skipping to it, most promising first, and stops as soon as their remaining
// bounds cannot lift it over the threshold (Turtle & Flood 1995; Lucene's MaxScoreBulkScorer).
import type { LengthNorms } from './bm25.ts';
import { TopK, type Hit } from './heap.ts';
import { END, PostingCursor, type FieldPostings } from './postings.ts';

export class TermScorer extends PostingCursor {
  /** First block that may still overlap a window (windows only move forwards). */
  private boundBlock: number;
  private readonly normCode: Uint16Array | Uint32Array;
  private readonly normTable: Float64Array;

  constructor(
    private readonly field: FieldPostings,
    private readonly term: number,
    /** Query weight · field boost · idf · (k1 + 1). */
    readonly weight: number,
    norms: LengthNorms,
  ) {
    super(field, term);
    this.boundBlock = field.skipStart[term]!;
    this.normCode = norms.code;
    this.normTable = norms.table;
  }

  score(): number {
    const tf = this.tf;
    return this.weight * (tf / (tf + this.normTable[this.normCode[this.doc]!]!));
  }

  /**
   * The most this term can add to a document in [base, limit): the same expression as score() over the
   * best block there, so the bound holds exactly, rounding included. 0 when no posting lies there.
   */
  windowBound(base: number, limit: number): number {
    const { skipDoc, blockMax, skipStart } = this.field;
    const last = skipStart[this.term + 1]! - 1;
    let b = this.boundBlock;
    while (b <= last && skipDoc[b]! < base) b++;
    this.boundBlock = b;
    if (b > last || (b > skipStart[this.term]! && skipDoc[b - 1]! >= limit - 1)) return 0;
    let max = blockMax[b]!;
    while (skipDoc[b]! < limit - 1 && ++b <= last) max = Math.max(max, blockMax[b]!);
    return this.weight * max;
  }

  /**
   * Adds score() of every posting before `limit` into acc[doc - base], marking it in `seen`: the
   * window's term-at-a-time pass, over the decoded block without a call per posting.
   */
  accumulate(acc: Float64Array, seen: Int32Array, base: number, limit: number): void {
    const { docs, tfs, normCode, normTable, weight } = this;
    while (this.doc < limit) {
      let at = this.at;
      for (; at < this.count; at++) {
        const doc = docs[at]!;
        if (doc >= limit) break;
        const tf = tfs[at]!;
        const o = doc - base;
        acc[o] = acc[o]! + weight * (tf / (tf + normTable[normCode[doc]!]!));
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
  /** Documents in the index: a small corpus gets windows no larger than itself (each costs two arrays). */
  documents?: number;
}

export function topK(all: TermScorer[], { k, filter, exhaustive = false, documents = WINDOW }: TopKOptions): Hit[] {
  if (k <= 0 || all.length === 0) return [];
  for (const s of all) s.next();
  let first = END;
  for (const s of all) first = Math.min(first, s.doc);
  const heap = new TopK(k);
  // The heap's threshold, kept here: it changes only on a push, and it is read for every candidate.
  let threshold = heap.threshold;
  const window = Math.min(WINDOW, Math.ceil(Math.max(1, documents) / 32) * 32);
  const acc = new Float64Array(window);
  const seen = new Int32Array(window >>> 5);
  const bounds = new Float64Array(all.length);
  // Per window: its terms by bound, cheapest first; prefix[i]: what terms 0..i can add at most.
  const prefix = new Float64Array(all.length);
  for (let base = first; base < END; base += window) {
    const limit = base + window;
    const order: number[] = [];
    all.forEach((s, i) => {
      if ((bounds[i] = s.windowBound(base, limit)) > 0) order.push(i);
    });
    if (order.length === 0) {
      // Nothing in this window: jump to the next posting of any term.
      let next = END;
      for (const s of all) next = Math.min(next, s.doc < base ? (s.advance(base), s.doc) : s.doc);
      base = next === END ? END : next - window;
      continue;
    }
    order.sort((x, y) => bounds[x]! - bounds[y]!);
    const scorers = order.map((i) => all[i]!);
    const n = scorers.length;
    for (let i = 0, sum = 0; i < n; i++) prefix[i] = (sum += bounds[order[i]!]!) * SLACK;
    let essential = 0;
    if (!exhaustive) {
      while (essential < n && prefix[essential]! <= threshold) essential++;
      if (essential === n) continue;
    }
    for (let i = essential; i < n; i++) {
      const s = scorers[i]!;
      s.advance(base);
      s.accumulate(acc, seen, base, limit);
    }
    for (let w = 0; w < seen.length; w++) {
      let bits = seen[w]!;
      seen[w] = 0;
      while (bits !== 0) {
        const o = (w << 5) | (31 - Math.clz32(bits & -bits));
        bits &= bits - 1;
        const doc = base + o;
        let score = acc[o]!;
        acc[o] = 0;
        let i = essential - 1;
        for (; i >= 0; i--) {
          if (score + prefix[i]! <= threshold) break;
          const s = scorers[i]!;
          s.advance(doc);
          if (s.doc === doc) score += s.score();
        }
        if (i < 0 && heap.accepts(score, doc) && (!filter || filter(doc))) {
          heap.push(score, doc);
          threshold = heap.threshold;
        }
      }
    }
  }
  return heap.sorted();
}
