// Exhaustive BM25 written straight from the formula, sharing no code with the engine: the oracle the
// property tests compare the engine's top k against. Test-only.
import type { FieldQuery, Hit } from './index.ts';

export type Corpus = { fields: string[]; docs: string[][][] };

export function referenceSearch(corpus: Corpus, query: readonly FieldQuery[], k: number, filter?: (doc: number) => boolean, k1 = 1.2, b = 0.75): Hit[] {
  const N = corpus.docs.length;
  const scores = new Array<number>(N).fill(0);
  const matched = new Array<boolean>(N).fill(false);
  for (const { field, terms, boost = 1 } of query) {
    const f = corpus.fields.indexOf(field);
    const avgdl = corpus.docs.reduce((sum, d) => sum + d[f]!.length, 0) / N;
    for (const { term, weight } of terms) {
      if (!(weight > 0)) continue;
      const df = corpus.docs.filter((d) => d[f]!.includes(term)).length;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      corpus.docs.forEach((d, doc) => {
        const tf = d[f]!.filter((t) => t === term).length;
        if (tf === 0) return;
        const dl = d[f]!.length;
        scores[doc]! += boost * weight * idf * ((tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * dl) / (avgdl || 1))));
        matched[doc] = true;
      });
    }
  }
  return scores
    .map((score, doc) => ({ doc, score }))
    .filter((h) => matched[h.doc] && (!filter || filter(h.doc)))
    .sort((x, y) => y.score - x.score || x.doc - y.doc)
    .slice(0, k);
}

/**
 * The engine's hits are a correct top k of the reference ranking, ties aside: same length, the same
 * score at every rank, and each returned document really has the score reported for it.
 */
export function sameTopK(got: Hit[], want: Hit[], all: Map<number, number>): string | null {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (got.length !== want.length) return `got ${got.length} hits, want ${want.length}`;
  for (let i = 0; i < got.length; i++) {
    if (!close(got[i]!.score, want[i]!.score)) return `rank ${i}: score ${got[i]!.score}, want ${want[i]!.score}`;
    const truth = all.get(got[i]!.doc);
    if (truth === undefined || !close(truth, got[i]!.score)) return `rank ${i}: doc ${got[i]!.doc} scored ${got[i]!.score}, its BM25 is ${truth}`;
  }
  if (new Set(got.map((h) => h.doc)).size !== got.length) return 'a document is returned twice';
  return null;
}
