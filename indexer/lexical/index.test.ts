// The engine on the product's real inputs: the two statutes' units, cut by the real jieba.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../build/corpus.ts';
import { userDictionary } from '../build/dictionary.ts';
import { jiebaSegmenter, jiebaTag } from '../build/segment.ts';
import { bigramTokens, wordTokens } from '../language/tokens.ts';
import { unitsOf } from '../statute/units.ts';
import { LexicalBuilder } from './build.ts';
import { loadLexical, serialiseLexical } from './serialise.ts';

const { regulations } = await loadCorpus('corpus');
const segment = jiebaSegmenter(userDictionary(regulations, jiebaTag));
const units = unitsOf(regulations);
const docs = units.map((u) => [wordTokens(segment, u.text, true), bigramTokens(u.text)]);
const builder = new LexicalBuilder(['words', 'bigrams']);
for (const d of docs) builder.add(d);
const index = loadLexical(serialiseLexical(builder.finish()));

describe('lexical engine over the real statutes', () => {
  it('reports the collection statistics: N, df, average length counting repeats, idf, presence', () => {
    expect(index.documentCount).toBe(units.length);
    for (const term of ['数据', '首席数据官', '罚款', '应当']) {
      const df = docs.filter((d) => d[0]!.includes(term)).length;
      expect(index.documentFrequency('words', term)).toBe(df);
      expect(index.idf('words', term)).toBeCloseTo(Math.log(1 + (units.length - df + 0.5) / (df + 0.5)), 12);
    }
    expect(index.has('words', '首席数据官')).toBe(true);
    expect(index.has('words', '量子引力')).toBe(false);
    expect(index.documentFrequency('bigrams', '数据')).toBe(docs.filter((d) => d[1]!.includes('数据')).length);
    const tokens = docs.reduce((sum, d) => sum + d[0]!.length, 0);
    expect(index.averageLength('words')).toBeCloseTo(tokens / units.length, 12);
    expect(tokens).toBeGreaterThan(docs.reduce((sum, d) => sum + new Set(d[0]).size, 0));
  });

  it('scores a one-term query exactly by the BM25 formula', () => {
    const [top] = index.search([{ field: 'words', terms: [{ term: '首席数据官', weight: 2 }] }], { k: 1 });
    const words = docs[top!.doc]![0]!;
    const tf = words.filter((w) => w === '首席数据官').length;
    const norm = 1.2 * (1 - 0.75 + (0.75 * words.length) / index.averageLength('words'));
    expect(top!.score).toBeCloseTo(2 * index.idf('words', '首席数据官') * ((tf * 2.2) / (tf + norm)), 12);
  });

  it('ranks the clauses about what is asked first, within the regulation a filter allows', () => {
    const query = wordTokens(segment, '首席数据官的职责').map((term) => ({ term, weight: 1 }));
    const hits = index.search([{ field: 'words', terms: query }], { k: 5 });
    expect(units[hits[0]!.doc]!.text).toContain('首席数据官');
    const other = units.find((u) => u.regulationId !== units[hits[0]!.doc]!.regulationId)!.regulationId;
    const scoped = index.search([{ field: 'words', terms: query }], { k: 5, filter: (d) => units[d]!.regulationId === other });
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((h) => units[h.doc]!.regulationId === other)).toBe(true);
  });
});
