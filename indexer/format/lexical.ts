// The lexical artefact: every unit as two token fields (jieba words; character bigrams) in the
// product's own engine (indexer/lexical), stored as lexical.bin. Segmentation happens here, once,
// identically for documents and queries; the engine treats tokens as opaque strings.
import { LexicalBuilder } from '../lexical/build.ts';
import type { LexicalIndex } from '../lexical/index.ts';
import { bigramTokens, wordTokens, type Segment } from '../language/tokens.ts';
import type { Unit } from '../statute/units.ts';

export { loadLexical, serialiseLexical } from '../lexical/serialise.ts';
export type { LexicalIndex } from '../lexical/index.ts';

/** The fields of every document, in the order their tokens are given to the builder. */
export const LEXICAL_FIELDS = { words: 'words', bigrams: 'bigrams' } as const;

/** The chapter heading is searchable with its articles: 法律责任 finds the articles under 第八章 法律责任. */
export function searchableText(unit: Pick<Unit, 'chapter' | 'text'>): string {
  const heading = unit.chapter.replace(/第[^章]+章\s*/g, '');
  return heading ? `${heading}\n${unit.text}` : unit.text;
}

export function lexicalTokens(segment: Segment, unit: Unit): [words: string[], bigrams: string[]] {
  return [wordTokens(segment, searchableText(unit), true), bigramTokens(unit.text)];
}

/** Document i is unit i. */
export function buildLexical(segment: Segment, units: readonly Unit[]): LexicalIndex {
  const builder = new LexicalBuilder([LEXICAL_FIELDS.words, LEXICAL_FIELDS.bigrams]);
  for (const u of units) builder.add(lexicalTokens(segment, u));
  return builder.finish();
}
