// BM25 (Lucene's formula, exact) over jieba words plus character bigrams, through the lexical engine
// (indexer/lexical), and the plain baseline the evals compare against. Pure and edge-safe.
import { LEXICAL_FIELDS, type LexicalIndex } from '../../../indexer/format/lexical.ts';
import { TopK } from '../../../indexer/lexical/heap.ts';
import type { FieldQuery, Hit } from '../../../indexer/lexical/index.ts';
import type { Unit } from '../../../indexer/statute/units.ts';
import { DEFAULT_TUNING, type Tuning } from '../tuning.ts';
import type { LexicalQuery, UnitHit } from './types.ts';

export type UnitFilter = (unit: Unit) => boolean;

const unitHits = (hits: Hit[]): UnitHit[] => hits.map((h) => ({ unit: h.doc, score: h.score }));

/**
 * BM25 over words and bigrams; each side normalised by its best score so neither swamps the other:
 * Σ over both sides of side score / side best · side weight, the top k of it.
 *
 * A corpus no larger than k is scored whole (scoredAll). Otherwise each side is searched alone first.
 * On a corpus large next to k, each returns its top 2k (its best score among them), and the documents
 * of both lists are scored on both sides: when the k-th of them beats what any other document can
 * reach (each side's 2k-th score, normalised), they hold the top k, and no pass over both sides is
 * needed (Fagin's threshold algorithm; the two sides' scores rise and fall together, so it nearly
 * always holds). Otherwise, or on a corpus not large next to k, one pruned pass over both sides with
 * 1 / best as field boosts.
 */
export function lexicalSearch(
  index: LexicalIndex,
  units: readonly Unit[],
  query: LexicalQuery,
  filter?: UnitFilter,
  tuning: Pick<Tuning, 'bigramWeight' | 'lexicalCandidates'> = DEFAULT_TUNING,
): UnitHit[] {
  const k = tuning.lexicalCandidates;
  if (k <= 0) return [];
  const accept = filter && ((doc: number) => filter(units[doc]!));
  const sides: [FieldQuery, number][] = [
    [{ field: LEXICAL_FIELDS.words, terms: query.words }, 1],
    [{ field: LEXICAL_FIELDS.bigrams, terms: [...new Set(query.bigrams)].map((term) => ({ term, weight: 1 })) }, tuning.bigramWeight],
  ];
  if (k >= index.documentCount) return scoredAll(index, sides, accept);
  const listed = 2 * k * SMALL_SHARE <= index.documentCount ? 2 * k : 1;
  const fields: FieldQuery[] = [];
  const candidates = new Set<number>();
  // The most a document in neither list can score: each side's last listed score (0 once a list holds all its side's matches).
  let unlisted = 0;
  for (const [side, weight] of sides) {
    const top = index.search([side], { k: listed, filter: accept });
    const best = top[0]?.score;
    if (!best) continue;
    fields.push({ ...side, boost: weight / best });
    if (listed > 1) for (const h of top) candidates.add(h.doc);
    if (top.length === listed) unlisted += (top.at(-1)!.score * weight) / best;
  }
  if (listed > 1) {
    const docs = [...candidates].sort((a, b) => a - b);
    const scores = index.scoreDocuments(fields, docs);
    const hits = docs.map((doc, j) => ({ doc, score: scores[j]! })).sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
    // Strictly above, with slack for the other summation order: an unlisted document cannot even tie.
    if (unlisted === 0 || (hits.length === k && hits[k - 1]!.score > unlisted * SLACK)) return unitHits(hits);
  }
  return unitHits(index.search(fields, { k, filter: accept }));
}

/**
 * The top k of a corpus no larger than k is every match: each side's scores over all documents and
 * their normalised sum cost less than three pruned searches (each side's best, then the sum's top k),
 * which pay for windows, bounds and a heap to find what is all of it. The product's 1,000 candidates
 * over the two statutes' ~200 units take this path.
 */
function scoredAll(index: LexicalIndex, sides: readonly [FieldQuery, number][], accept?: (doc: number) => boolean): UnitHit[] {
  const total = new Float64Array(index.documentCount);
  for (const [side, weight] of sides) {
    const scores = index.scoreAll([side]);
    let best = 0;
    for (let d = 0; d < scores.length; d++) if (scores[d]! > best && (!accept || accept(d))) best = scores[d]!;
    if (best > 0) for (let d = 0; d < scores.length; d++) total[d] = total[d]! + (scores[d]! * weight) / best;
  }
  // The engine's heap ranks them (best first, ties to the lower document) without comparator calls;
  // it holds every document, so it takes every match.
  const heap = new TopK(total.length);
  for (let d = 0; d < total.length; d++) if (total[d]! > 0 && (!accept || accept(d))) heap.push(total[d]!, d);
  return unitHits(heap.sorted());
}

/** Listing 2k per side pays only where 2k is at most this fraction of the corpus (1 / SMALL_SHARE). */
const SMALL_SHARE = 16;
const SLACK = 1 + 1e-9;

/** The plain baseline the evals compare against: BM25 over jieba words, no query understanding. */
export function baselineSearch(index: LexicalIndex, words: string[], tuning: Pick<Tuning, 'lexicalCandidates'> = DEFAULT_TUNING): UnitHit[] {
  const terms = [...new Set(words)].map((term) => ({ term, weight: 1 }));
  return unitHits(index.search([{ field: LEXICAL_FIELDS.words, terms }], { k: tuning.lexicalCandidates }));
}

/** Number of units whose words contain the term: the engine's collection statistics. */
export function documentFrequency(index: LexicalIndex, term: string): number {
  return index.documentFrequency(LEXICAL_FIELDS.words, term);
}
