// regqa's lexical retrieval as it was before its own engine (indexer/lexical): MiniSearch over
// space-joined tokens, BM25+ (d = 0.5) with MiniSearch's length = distinct terms and its
// matched-terms multiplier. Kept only as the benchmark's "before" reference.
import MiniSearch, { type Options } from 'minisearch';
import type { LexicalQuery, UnitHit } from '../../server/core/retrieve/types.ts';

export interface MiniSearchDoc {
  i: number;
  words: string;
  bigrams: string;
}

export function miniSearchIndex(fields: ('words' | 'bigrams')[]): MiniSearch<MiniSearchDoc> {
  const options: Options<MiniSearchDoc> = { idField: 'i', fields, storeFields: [], tokenize: (text) => text.split(' '), processTerm: (term) => term || null };
  return new MiniSearch<MiniSearchDoc>(options);
}

const BM25 = { k: 1.2, b: 0.75 };
const BIGRAM_WEIGHT = 0.35;

/** The product's lexicalSearch before the engine: each side normalised by its best score. */
export function miniSearchLexical(index: MiniSearch<MiniSearchDoc>, query: LexicalQuery): UnitHit[] {
  const weights = new Map(query.words.map((w) => [w.term, w.weight]));
  const words = query.words.length
    ? index.search(query.words.map((w) => w.term).join(' '), { fields: ['words'], boostTerm: (term) => weights.get(term) ?? 1, bm25: { ...BM25, d: 0.5 } })
    : [];
  const bigrams = query.bigrams.length ? index.search([...new Set(query.bigrams)].join(' '), { fields: ['bigrams'], bm25: { ...BM25, d: 0.5 } }) : [];
  const topWord = words[0]?.score ?? 1;
  const topBigram = bigrams[0]?.score ?? 1;
  const scores = new Map<number, number>();
  for (const r of words) scores.set(r.id as number, r.score / topWord);
  for (const r of bigrams) scores.set(r.id as number, (scores.get(r.id as number) ?? 0) + (BIGRAM_WEIGHT * r.score) / topBigram);
  return [...scores.entries()].map(([unit, score]) => ({ unit, score })).sort((a, b) => b.score - a.score);
}

/** Plain BM25 over words (d = 0), MiniSearch's matched-terms multiplier divided out: the old baseline. */
export function miniSearchBaseline(index: MiniSearch<MiniSearchDoc>, words: string[]): UnitHit[] {
  if (words.length === 0) return [];
  return index
    .search([...new Set(words)].join(' '), { fields: ['words'], bm25: { ...BM25, d: 0 } })
    .map((r) => ({ unit: r.id as number, score: r.score / Math.max(1, r.queryTerms.length) }))
    .sort((a, b) => b.score - a.score);
}
