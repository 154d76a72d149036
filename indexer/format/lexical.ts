// BM25 over pre-tokenised fields with MiniSearch (plain JS, so the same index loads at the edge).
// Documents are stored as space-joined tokens: segmentation happens outside, identically for documents
// and queries, and MiniSearch only splits on spaces.
import MiniSearch, { type Options } from 'minisearch';
import { bigramTokens, wordTokens, type Segment } from '../language/tokens.ts';
import type { Unit } from '../statute/units.ts';

export interface LexicalDoc {
  /** Position of the unit in the index's unit list. */
  i: number;
  words: string;
  bigrams: string;
}

export const LEXICAL_OPTIONS: Options<LexicalDoc> = {
  idField: 'i',
  fields: ['words', 'bigrams'],
  storeFields: [],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
};

/** The chapter heading is searchable with its articles: 法律责任 finds the articles under 第八章 法律责任. */
export function lexicalDoc(segment: Segment, unit: Unit, i: number): LexicalDoc {
  const heading = unit.chapter.replace(/第[^章]+章\s*/g, '');
  const text = heading ? `${heading}\n${unit.text}` : unit.text;
  return { i, words: wordTokens(segment, text, true).join(' '), bigrams: bigramTokens(unit.text).join(' ') };
}

export function buildLexical(segment: Segment, units: readonly Unit[]): MiniSearch<LexicalDoc> {
  const index = new MiniSearch<LexicalDoc>(LEXICAL_OPTIONS);
  index.addAll(units.map((u, i) => lexicalDoc(segment, u, i)));
  return index;
}

export function loadLexical(json: string): MiniSearch<LexicalDoc> {
  return MiniSearch.loadJSON<LexicalDoc>(json, LEXICAL_OPTIONS);
}
