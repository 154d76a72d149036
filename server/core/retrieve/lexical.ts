// BM25 over jieba words plus character bigrams (MiniSearch over pre-tokenised fields), and the plain
// baseline the evals compare against. Pure and edge-safe.
import type MiniSearch from 'minisearch';
import type { LexicalDoc } from '../../../indexer/format/lexical.ts';
import type { Unit } from '../../../indexer/statute/units.ts';
import { DEFAULT_TUNING, type Tuning } from '../tuning.ts';
import type { LexicalQuery, UnitHit } from './types.ts';

export type UnitFilter = (unit: Unit) => boolean;

/** BM25 over words and bigrams; each side normalised by its best score so neither swamps the other. */
export function lexicalSearch(
  index: MiniSearch<LexicalDoc>,
  units: readonly Unit[],
  query: LexicalQuery,
  filter?: UnitFilter,
  tuning: Pick<Tuning, 'bm25' | 'bigramWeight'> = DEFAULT_TUNING,
): UnitHit[] {
  const weights = new Map(query.words.map((w) => [w.term, w.weight]));
  const only = filter && ((r: { id: unknown }) => filter(units[r.id as number]!));
  const words = query.words.length
    ? index.search(query.words.map((w) => w.term).join(' '), {
        fields: ['words'],
        boostTerm: (term) => weights.get(term) ?? 1,
        bm25: tuning.bm25,
        filter: only,
      })
    : [];
  const bigrams = query.bigrams.length ? index.search([...new Set(query.bigrams)].join(' '), { fields: ['bigrams'], bm25: tuning.bm25, filter: only }) : [];
  const topWord = words[0]?.score ?? 1;
  const topBigram = bigrams[0]?.score ?? 1;
  const scores = new Map<number, number>();
  for (const r of words) scores.set(r.id as number, r.score / topWord);
  for (const r of bigrams) scores.set(r.id as number, (scores.get(r.id as number) ?? 0) + (tuning.bigramWeight * r.score) / topBigram);
  return [...scores.entries()].map(([unit, score]) => ({ unit, score })).sort((a, b) => b.score - a.score);
}

/**
 * The plain baseline the evals compare against: BM25 (k1=1.2, b=0.75) over jieba words, no query
 * understanding. MiniSearch multiplies by the number of matched terms; that factor is divided out.
 */
export function baselineSearch(index: MiniSearch<LexicalDoc>, words: string[], tuning: Pick<Tuning, 'bm25'> = DEFAULT_TUNING): UnitHit[] {
  if (words.length === 0) return [];
  return index
    .search([...new Set(words)].join(' '), { fields: ['words'], bm25: { ...tuning.bm25, d: 0 } })
    .map((r) => ({ unit: r.id as number, score: r.score / Math.max(1, r.queryTerms.length) }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Number of units whose `words` field contains a term, through MiniSearch's public search (an exact,
 * single-term query matches exactly those units). Callers memoise it per term.
 */
export function documentFrequency(index: MiniSearch<LexicalDoc>, term: string): number {
  return index.search(term, { fields: ['words'] }).length;
}
