// lexicalSearch on the real statutes, cut by the real jieba, and on larger seeded corpora: the top k of
// the normalised two-field score it computes (from the two sides' lists or in one pruned pass) equals
// the definition, side by side from two exhaustive searches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../indexer/build/corpus.ts';
import { userDictionary } from '../../../indexer/build/dictionary.ts';
import { jiebaSegmenter, jiebaTag } from '../../../indexer/build/segment.ts';
import { buildLexical, LEXICAL_FIELDS, lexicalTokens, loadLexical, serialiseLexical } from '../../../indexer/format/lexical.ts';
import { bigramTokens, wordTokens } from '../../../indexer/language/tokens.ts';
import { LexicalBuilder } from '../../../indexer/lexical/build.ts';
import type { LexicalIndex } from '../../../indexer/lexical/index.ts';
import { unitsOf } from '../../../indexer/statute/units.ts';
import { DEFAULT_TUNING } from '../tuning.ts';
import type { LexicalQuery } from './types.ts';
import { baselineSearch, documentFrequency, lexicalSearch } from './lexical.ts';

const { regulations } = await loadCorpus('corpus');
const segment = jiebaSegmenter(userDictionary(regulations, jiebaTag));
const units = unitsOf(regulations);
const index = loadLexical(serialiseLexical(buildLexical(segment, units)));

/** Every matching unit's score on one side, exhaustively. */
function side(field: string, terms: { term: string; weight: number }[], filter?: (d: number) => boolean, over: LexicalIndex = index): Map<number, number> {
  return new Map(over.search([{ field, terms }], { k: over.documentCount, exhaustive: true, filter }).map((h) => [h.doc, h.score]));
}

/** The definition: words / best word + bigramWeight · bigrams / best bigram, every match, best first. */
function normalised(query: LexicalQuery, filter?: (d: number) => boolean, over: LexicalIndex = index) {
  const words = side(LEXICAL_FIELDS.words, query.words, filter, over);
  const bigrams = side(LEXICAL_FIELDS.bigrams, [...new Set(query.bigrams)].map((term) => ({ term, weight: 1 })), filter, over);
  const topWord = Math.max(...words.values());
  const topBigram = Math.max(...bigrams.values());
  return [...new Set([...words.keys(), ...bigrams.keys()])]
    .map((unit) => ({ unit, score: (words.get(unit) ?? 0) / topWord + (DEFAULT_TUNING.bigramWeight * (bigrams.get(unit) ?? 0)) / topBigram }))
    .sort((a, b) => b.score - a.score);
}

/** Same length and, rank by rank, the same score (which of two tied units comes first may differ). */
function expectSameTop(got: { score: number }[], want: { score: number }[]) {
  expect(got.length).toBe(want.length);
  got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
}

describe('lexicalSearch', () => {
  for (const question of ['首席数据官的职责是什么', '违反规定泄露数据怎么处罚', '数据安全']) {
    it(`scores words / best word + ${DEFAULT_TUNING.bigramWeight} · bigrams / best bigram: ${question}`, () => {
      const own = [...new Set(wordTokens(segment, question))];
      const query = { words: own.map((term, i) => ({ term, weight: i === 0 ? 1.5 : 1 })), bigrams: bigramTokens(own.join(' ')) };
      const scope = regulations[1]!.id;
      const filter = (d: number) => units[d]!.regulationId === scope;
      const want = normalised(query, filter);
      const got = lexicalSearch(index, units, query, (u) => u.regulationId === scope);
      expectSameTop(got, want);
      expect(got.every((h) => units[h.unit]!.regulationId === scope)).toBe(true);
      expect(got[0]!.score).toBeGreaterThan(1);
    });
  }

  it('a small k on the statutes (each side listing its top 2k first): the same top k, scoped or not', () => {
    for (const question of ['首席数据官的职责是什么', '违反规定泄露数据怎么处罚', '公共数据开放的范围', '数据安全']) {
      const own = [...new Set(wordTokens(segment, question))];
      const query = { words: own.map((term) => ({ term, weight: 1 })), bigrams: bigramTokens(own.join(' ')) };
      const scope = regulations[0]!.id;
      for (const k of [1, 3, 6]) {
        const tuning = { ...DEFAULT_TUNING, lexicalCandidates: k };
        expectSameTop(lexicalSearch(index, units, query, undefined, tuning), normalised(query).slice(0, k));
        const scoped = lexicalSearch(index, units, query, (u) => u.regulationId === scope, tuning);
        expectSameTop(scoped, normalised(query, (d) => units[d]!.regulationId === scope).slice(0, k));
        expect(scoped.every((h) => units[h.unit]!.regulationId === scope)).toBe(true);
      }
    }
  });

  it('on seeded corpora of thousands of documents with repeated tokens: the same top k for k up to 40', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 8 }), (seed, k, picks) => {
        const corpus = seededIndex(seed, 3000);
        const words = [...new Set(picks)].map((p, i) => ({ term: `w${p}`, weight: 1 + (i % 2) / 2 }));
        const query = { words, bigrams: picks.flatMap((p) => [`b${p}`, `b${p + 1}`]) };
        const tuning = { ...DEFAULT_TUNING, lexicalCandidates: k };
        const want = normalised(query, undefined, corpus).slice(0, k);
        expectSameTop(lexicalSearch(corpus, [], query, undefined, tuning), want);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('baseline: plain BM25 over the question words; df from the engine', () => {
    const words = wordTokens(segment, '数据共享开放', true);
    const hits = baselineSearch(index, words);
    const all = side(LEXICAL_FIELDS.words, [...new Set(words)].map((term) => ({ term, weight: 1 })));
    expect(hits.length).toBe(all.size);
    expect(hits[0]!.score).toBeCloseTo(Math.max(...all.values()), 12);
    expect(documentFrequency(index, '数据')).toBe(units.filter((u) => lexicalTokens(segment, u)[0].includes('数据')).length);
  });
});

/**
 * Documents of Zipf-drawn tokens (w0 common, w120 rare); in half of them the bigrams follow the words as
 * in the product (b_i for each word w_i, plus b_{i+1}), in the other half they do not.
 */
function seededIndex(seed: number, docs: number): LexicalIndex {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const zipf = () => Math.floor(Math.exp(next() * Math.log(121)) - 1);
  const builder = new LexicalBuilder([LEXICAL_FIELDS.words, LEXICAL_FIELDS.bigrams]);
  for (let d = 0; d < docs; d++) {
    const picks = Array.from({ length: 1 + Math.floor(next() * 12) }, zipf);
    // Half the documents have bigrams of their own: then a side's top 2k may miss the top k.
    const own = next() < 0.5 ? picks.map(() => zipf()) : picks;
    builder.add([picks.map((p) => `w${p}`), own.flatMap((p) => (next() < 0.8 ? [`b${p}`, `b${p + 1}`] : [`b${p}`]))]);
  }
  return builder.finish();
}
