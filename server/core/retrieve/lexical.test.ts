// lexicalSearch on the real statutes, cut by the real jieba: the normalised two-field score it
// computes in one pruned pass equals the definition, side by side from two exhaustive searches.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../indexer/build/corpus.ts';
import { userDictionary } from '../../../indexer/build/dictionary.ts';
import { jiebaSegmenter, jiebaTag } from '../../../indexer/build/segment.ts';
import { buildLexical, LEXICAL_FIELDS, lexicalTokens, loadLexical, serialiseLexical } from '../../../indexer/format/lexical.ts';
import { bigramTokens, wordTokens } from '../../../indexer/language/tokens.ts';
import { unitsOf } from '../../../indexer/statute/units.ts';
import { DEFAULT_TUNING } from '../tuning.ts';
import { baselineSearch, documentFrequency, lexicalSearch } from './lexical.ts';

const { regulations } = await loadCorpus('corpus');
const segment = jiebaSegmenter(userDictionary(regulations, jiebaTag));
const units = unitsOf(regulations);
const index = loadLexical(serialiseLexical(buildLexical(segment, units)));

/** Every matching unit's score on one side, exhaustively. */
function side(field: string, terms: { term: string; weight: number }[], filter?: (d: number) => boolean): Map<number, number> {
  return new Map(index.search([{ field, terms }], { k: units.length, exhaustive: true, filter }).map((h) => [h.doc, h.score]));
}

describe('lexicalSearch', () => {
  for (const question of ['首席数据官的职责是什么', '违反规定泄露数据怎么处罚', '数据安全']) {
    it(`scores words / best word + ${DEFAULT_TUNING.bigramWeight} · bigrams / best bigram: ${question}`, () => {
      const own = [...new Set(wordTokens(segment, question))];
      const query = { words: own.map((term, i) => ({ term, weight: i === 0 ? 1.5 : 1 })), bigrams: bigramTokens(own.join(' ')) };
      const scope = regulations[1]!.id;
      const filter = (d: number) => units[d]!.regulationId === scope;
      const words = side(LEXICAL_FIELDS.words, query.words, filter);
      const bigrams = side(LEXICAL_FIELDS.bigrams, [...new Set(query.bigrams)].map((term) => ({ term, weight: 1 })), filter);
      const topWord = Math.max(...words.values());
      const topBigram = Math.max(...bigrams.values());
      const want = [...new Set([...words.keys(), ...bigrams.keys()])]
        .map((unit) => ({ unit, score: (words.get(unit) ?? 0) / topWord + (DEFAULT_TUNING.bigramWeight * (bigrams.get(unit) ?? 0)) / topBigram }))
        .sort((a, b) => b.score - a.score);
      const got = lexicalSearch(index, units, query, (u) => u.regulationId === scope);
      expect(got.length).toBe(want.length);
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
      expect(got.every((h) => units[h.unit]!.regulationId === scope)).toBe(true);
      expect(got[0]!.score).toBeGreaterThan(1);
    });
  }

  it('baseline: plain BM25 over the question words; df from the engine', () => {
    const words = wordTokens(segment, '数据共享开放', true);
    const hits = baselineSearch(index, words);
    const all = side(LEXICAL_FIELDS.words, [...new Set(words)].map((term) => ({ term, weight: 1 })));
    expect(hits.length).toBe(all.size);
    expect(hits[0]!.score).toBeCloseTo(Math.max(...all.values()), 12);
    expect(documentFrequency(index, '数据')).toBe(units.filter((u) => lexicalTokens(segment, u)[0].includes('数据')).length);
  });
});
