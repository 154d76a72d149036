// BM25 (Lucene's formula, exact) over jieba words plus character bigrams, through the lexical engine
// (indexer/lexical), and the plain baseline the evals compare against. Pure and edge-safe.
import { LEXICAL_FIELDS, type LexicalIndex } from '../../../indexer/format/lexical.ts';
import type { FieldQuery, Hit } from '../../../indexer/lexical/index.ts';
import type { Unit } from '../../../indexer/statute/units.ts';
import { DEFAULT_TUNING, type Tuning } from '../tuning.ts';
import type { LexicalQuery, UnitHit } from './types.ts';

export type UnitFilter = (unit: Unit) => boolean;

const unitHits = (hits: Hit[]): UnitHit[] => hits.map((h) => ({ unit: h.doc, score: h.score }));

/**
 * BM25 over words and bigrams; each side normalised by its best score so neither swamps the other.
 * The two best scores come first (top 1 of each side alone), then one pass over both sides with
 * 1 / best as field boosts, so the engine can prune instead of scoring every match twice.
 */
export function lexicalSearch(
  index: LexicalIndex,
  units: readonly Unit[],
  query: LexicalQuery,
  filter?: UnitFilter,
  tuning: Pick<Tuning, 'bigramWeight' | 'lexicalCandidates'> = DEFAULT_TUNING,
): UnitHit[] {
  const accept = filter && ((doc: number) => filter(units[doc]!));
  const sides: [FieldQuery, number][] = [
    [{ field: LEXICAL_FIELDS.words, terms: query.words }, 1],
    [{ field: LEXICAL_FIELDS.bigrams, terms: [...new Set(query.bigrams)].map((term) => ({ term, weight: 1 })) }, tuning.bigramWeight],
  ];
  const fields: FieldQuery[] = [];
  for (const [side, weight] of sides) {
    const best = index.search([side], { k: 1, filter: accept })[0]?.score;
    if (best) fields.push({ ...side, boost: weight / best });
  }
  return unitHits(index.search(fields, { k: tuning.lexicalCandidates, filter: accept }));
}

/** The plain baseline the evals compare against: BM25 over jieba words, no query understanding. */
export function baselineSearch(index: LexicalIndex, words: string[], tuning: Pick<Tuning, 'lexicalCandidates'> = DEFAULT_TUNING): UnitHit[] {
  const terms = [...new Set(words)].map((term) => ({ term, weight: 1 }));
  return unitHits(index.search([{ field: LEXICAL_FIELDS.words, terms }], { k: tuning.lexicalCandidates }));
}

/** Number of units whose words contain the term: the engine's collection statistics. */
export function documentFrequency(index: LexicalIndex, term: string): number {
  return index.documentFrequency(LEXICAL_FIELDS.words, term);
}
