// Ranking: BM25 over jieba words plus character bigrams, optionally fused with dense neighbours by
// reciprocal rank fusion, then rolled up from units to articles. Pure apart from the injected dense
// search, and edge-safe.
import type MiniSearch from 'minisearch';
import type { LexicalDoc } from '../../../indexer/format/lexical.ts';
import type { Unit } from '../../../indexer/statute/units.ts';

export type RetrieverMode = 'hybrid' | 'bm25' | 'dense' | 'baseline';

export interface WeightedTerm {
  term: string;
  weight: number;
  /** An alternative wording: it helps ranking but its absence does not mean the text misses the point. */
  optional?: boolean;
}

export interface LexicalQuery {
  words: WeightedTerm[];
  bigrams: string[];
  /** A follow-up's own words: what is cited must contain one of them ("那企业呢？" → 企业). */
  required?: string[];
  /** For an English question: how many of its content words the bridge found in the corpus vocabulary. */
  bridged?: { covered: number; uncovered: number };
}

export interface UnitHit {
  unit: number;
  score: number;
}

export interface ArticleHit {
  /** regulationId/articleKey, or regulationId/sectionId. */
  key: string;
  regulationId: string;
  /** Index of the article (or section) unit. */
  unit: number;
  /** Index of the paragraph unit that carries the match, when one paragraph does. */
  paragraphUnit: number | null;
  score: number;
}

export type UnitFilter = (unit: Unit) => boolean;

/** Dense neighbours of a query: embeds it and searches the vector index. */
export type DenseSearch = (query: string, k: number) => Promise<UnitHit[]>;

export const RRF_K = 60;
const BIGRAM_WEIGHT = 0.35;
/** Same BM25 for the tuned system and the plain baseline, except d (BM25+ lower bound). */
const BM25 = { k: 1.2, b: 0.75 };

/** BM25 over words and bigrams; each side normalised by its best score so neither swamps the other. */
export function lexicalSearch(index: MiniSearch<LexicalDoc>, units: readonly Unit[], query: LexicalQuery, filter?: UnitFilter): UnitHit[] {
  const weights = new Map(query.words.map((w) => [w.term, w.weight]));
  const only = filter && ((r: { id: unknown }) => filter(units[r.id as number]!));
  const words = query.words.length
    ? index.search(query.words.map((w) => w.term).join(' '), {
        fields: ['words'],
        boostTerm: (term) => weights.get(term) ?? 1,
        bm25: { ...BM25, d: 0.5 },
        filter: only,
      })
    : [];
  const bigrams = query.bigrams.length
    ? index.search([...new Set(query.bigrams)].join(' '), { fields: ['bigrams'], bm25: { ...BM25, d: 0.5 }, filter: only })
    : [];
  const topWord = words[0]?.score ?? 1;
  const topBigram = bigrams[0]?.score ?? 1;
  const scores = new Map<number, number>();
  for (const r of words) scores.set(r.id as number, r.score / topWord);
  for (const r of bigrams) scores.set(r.id as number, (scores.get(r.id as number) ?? 0) + (BIGRAM_WEIGHT * r.score) / topBigram);
  return [...scores.entries()].map(([unit, score]) => ({ unit, score })).sort((a, b) => b.score - a.score);
}

/**
 * The plain baseline the evals compare against: BM25 (k1=1.2, b=0.75) over jieba words, no query
 * understanding. MiniSearch multiplies by the number of matched terms; that factor is divided out.
 */
export function baselineSearch(index: MiniSearch<LexicalDoc>, words: string[]): UnitHit[] {
  if (words.length === 0) return [];
  return index
    .search([...new Set(words)].join(' '), { fields: ['words'], bm25: { ...BM25, d: 0 } })
    .map((r) => ({ unit: r.id as number, score: r.score / Math.max(1, r.queryTerms.length) }))
    .sort((a, b) => b.score - a.score);
}

/** Reciprocal rank fusion: robust to the two sides' incomparable score scales. */
export function fuseRrf(lists: UnitHit[][], k = RRF_K): UnitHit[] {
  const scores = new Map<number, number>();
  for (const list of lists) list.forEach((hit, rank) => scores.set(hit.unit, (scores.get(hit.unit) ?? 0) + 1 / (k + rank + 1)));
  return [...scores.entries()].map(([unit, score]) => ({ unit, score })).sort((a, b) => b.score - a.score);
}

const articleKeyOf = (u: Unit) => `${u.regulationId}/${u.article === null ? u.label : `${u.article}-${u.sub}`}`;

/** A paragraph nearly as good as its whole article is the more precise citation. */
export const PARAGRAPH_PREFERENCE = 0.85;

/**
 * Unit hits → article hits. An article scores as its best unit; it cites a paragraph when the best
 * paragraph scores at least PARAGRAPH_PREFERENCE of the whole article (the match lives in one 款).
 */
export function rollUp(hits: readonly UnitHit[], units: readonly Unit[], articleUnitOf: (u: Unit) => number): ArticleHit[] {
  const byKey = new Map<string, { whole: UnitHit | null; part: UnitHit | null; regulationId: string; articleUnit: number }>();
  for (const hit of hits) {
    const u = units[hit.unit]!;
    const key = articleKeyOf(u);
    const isPart = u.kind === 'paragraph';
    const entry = byKey.get(key) ?? { whole: null, part: null, regulationId: u.regulationId, articleUnit: isPart ? articleUnitOf(u) : hit.unit };
    if (isPart ? !entry.part || entry.part.score < hit.score : !entry.whole || entry.whole.score < hit.score) {
      if (isPart) entry.part = hit;
      else entry.whole = hit;
    }
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .map(([key, e]) => {
      const wholeScore = e.whole?.score ?? 0;
      const cite = e.part && e.part.score >= PARAGRAPH_PREFERENCE * wholeScore ? e.part : null;
      return { key, regulationId: e.regulationId, unit: e.articleUnit, paragraphUnit: cite?.unit ?? null, score: Math.max(wholeScore, e.part?.score ?? 0) };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * How much of what the question asks for appears in a text: idf-weighted share of query words that
 * the text contains. Unlike a BM25 score it is comparable across questions, so one calibrated
 * threshold can say "the corpus does not cover this".
 */
export function coverage(words: readonly WeightedTerm[], text: string, idf: (term: string) => number): number {
  // A question that is all frame (什么时候施行？ "when does it take effect?") asks for the frame's own words.
  const allOptional = words.every((w) => w.optional);
  let total = 0;
  let hit = 0;
  for (const { term, weight, optional } of words) {
    if (optional && !allOptional) continue;
    const w = weight * idf(term);
    total += w;
    if (text.includes(term)) hit += w;
  }
  return total === 0 ? 0 : hit / total;
}
