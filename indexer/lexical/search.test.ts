import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LexicalBuilder } from './build.ts';
import type { FieldQuery } from './index.ts';
import { loadLexical, serialiseLexical } from './serialise.ts';
import { referenceSearch, sameTopK, type Corpus } from './test-reference.ts';

const FIELDS = ['words', 'bigrams'];

function build(corpus: Corpus) {
  const builder = new LexicalBuilder(corpus.fields);
  for (const d of corpus.docs) builder.add(d);
  return builder.finish();
}

/** Every matching document's reference score, to check that a returned hit's score is its own. */
function allScores(corpus: Corpus, query: readonly FieldQuery[], filter?: (doc: number) => boolean): Map<number, number> {
  return new Map(referenceSearch(corpus, query, Infinity, filter).map((h) => [h.doc, h.score]));
}

// Small vocabularies so that terms repeat within and across documents; a skewed pick makes some terms
// common (long postings, low idf: the ones MaxScore skips) and others rare.
const term = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('数据', '应当', '部门', 'a', 'b') },
  { weight: 3, arbitrary: fc.constantFrom('公共', '安全', '管理', 'c', 'd', 'e', '人民政府') },
  { weight: 1, arbitrary: fc.constantFrom('罚款', '首席数据官', 'x', 'y', 'z', '𠀀字') },
);
const doc = fc.tuple(fc.array(term, { maxLength: 25 }), fc.array(term, { maxLength: 12 }));
const smallCorpus = fc.array(doc, { minLength: 1, maxLength: 200 }).map((docs): Corpus => ({ fields: FIELDS, docs }));
const fieldQuery = (field: string) =>
  fc.record({
    field: fc.constant(field),
    terms: fc.array(fc.record({ term: fc.oneof(term, fc.constant('absent')), weight: fc.oneof(fc.double({ min: 0.05, max: 3, noNaN: true }), fc.constant(1), fc.constant(0)) }), { maxLength: 8 }),
    boost: fc.oneof(fc.constant(undefined), fc.double({ min: 0.1, max: 2, noNaN: true })),
  });
const query = fc.oneof(fc.tuple(fieldQuery('words')), fc.tuple(fieldQuery('words'), fieldQuery('bigrams')));

/** A larger corpus from a seed (fast-check would take long to generate and shrink thousands of documents). */
function seededCorpus(seed: number, docs: number, vocabulary: number): Corpus {
  let state = seed >>> 0 || 1;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  // Zipf-like: term i is drawn with probability ∝ 1 / (i + 1).
  const zipf = () => `t${Math.floor(Math.exp(next() * Math.log(vocabulary + 1)) - 1)}`;
  const out: string[][][] = [];
  for (let d = 0; d < docs; d++) {
    out.push([Array.from({ length: 1 + Math.floor(next() * 30) }, zipf), Array.from({ length: Math.floor(next() * 10) }, zipf)]);
  }
  return { fields: FIELDS, docs: out };
}

describe('lexical search equals exhaustive BM25', () => {
  it('top k with MaxScore pruning, on random corpora and queries', () => {
    fc.assert(
      fc.property(smallCorpus, query, fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 15 })), (corpus, q, k) => {
        const got = build(corpus).search(q, { k });
        expect(sameTopK(got, referenceSearch(corpus, q, k), allScores(corpus, q))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('top k without pruning (exhaustive), and with a document filter', () => {
    fc.assert(
      fc.property(smallCorpus, query, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 2, max: 5 }), (corpus, q, k, mod) => {
        const index = build(corpus);
        const filter = (d: number) => d % mod !== 0;
        expect(sameTopK(index.search(q, { k, exhaustive: true }), referenceSearch(corpus, q, k), allScores(corpus, q))).toBeNull();
        expect(sameTopK(index.search(q, { k, filter }), referenceSearch(corpus, q, k, filter), allScores(corpus, q, filter))).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('across skip blocks and search windows (thousands of documents, long postings)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 10 }), (seed, k, picks) => {
        const corpus = seededCorpus(seed, 9000, 400);
        const q: FieldQuery[] = [
          { field: 'words', terms: picks.map((p, i) => ({ term: `t${p}`, weight: 1 + (i % 3) / 2 })) },
          { field: 'bigrams', terms: picks.slice(0, 3).map((p) => ({ term: `t${p}`, weight: 1 })), boost: 0.35 },
        ];
        const index = build(corpus);
        const all = allScores(corpus, q);
        const want = referenceSearch(corpus, q, k);
        expect(sameTopK(index.search(q, { k }), want, all)).toBeNull();
        expect(sameTopK(index.search(q, { k, exhaustive: true }), want, all)).toBeNull();
      }),
      { numRuns: 8 },
    );
  }, 30_000);

  it('documents longer than 65,535 tokens (their norms numbered by distinct length), built and loaded', () => {
    const long = Array.from({ length: 70_000 }, (_, i) => (i % 9 === 0 ? 'a' : `f${i % 50}`));
    const corpus: Corpus = { fields: FIELDS, docs: [[long, ['b']], [['a', 'b'], ['b']], [['a'], []], [Array(66_000).fill('b'), ['a']], [['c'], ['b', 'b']]] };
    const q: FieldQuery[] = [{ field: 'words', terms: [{ term: 'a', weight: 1 }, { term: 'b', weight: 1 }] }, { field: 'bigrams', terms: [{ term: 'b', weight: 1 }] }];
    for (const index of [build(corpus), loadLexical(serialiseLexical(build(corpus)))]) {
      expect(sameTopK(index.search(q, { k: 5 }), referenceSearch(corpus, q, 5), allScores(corpus, q))).toBeNull();
    }
  });

  it('scoreDocuments gives any documents the score search() would (0 where nothing matches)', () => {
    fc.assert(
      fc.property(smallCorpus, query, fc.array(fc.nat(), { maxLength: 30 }), (corpus, q, picks) => {
        const docs = [...new Set(picks.map((p) => p % corpus.docs.length))].sort((a, b) => a - b);
        const all = allScores(corpus, q);
        const got = build(corpus).scoreDocuments(q, docs);
        docs.forEach((doc, j) => expect(got[j]).toBeCloseTo(all.get(doc) ?? 0, 9));
      }),
      { numRuns: 200 },
    );
  });

  it('scoreAll gives every document the score search() would (0 where nothing matches)', () => {
    fc.assert(
      fc.property(smallCorpus, query, (corpus, q) => {
        const all = allScores(corpus, q);
        const got = build(corpus).scoreAll(q);
        expect(got.length).toBe(corpus.docs.length);
        got.forEach((score, doc) => expect(score).toBeCloseTo(all.get(doc) ?? 0, 9));
      }),
      { numRuns: 200 },
    );
  });

  it('returns nothing for no terms, unknown terms or k = 0, and never more than the matches', () => {
    const index = build({ fields: FIELDS, docs: [[['a', 'b'], []], [['b'], ['c']]] });
    expect(index.search([], { k: 5 })).toEqual([]);
    expect(index.search([{ field: 'words', terms: [{ term: 'zz', weight: 1 }] }], { k: 5 })).toEqual([]);
    expect(index.search([{ field: 'words', terms: [{ term: 'a', weight: 1 }] }], { k: 0 })).toEqual([]);
    expect(index.search([{ field: 'words', terms: [{ term: 'a', weight: 1 }] }], { k: 5 }).map((h) => h.doc)).toEqual([0]);
    expect(() => index.search([{ field: 'title', terms: [] }], { k: 1 })).toThrow(/no field "title"/);
  });
});
