// BM25 as Lucene defines it (BM25Similarity, with the classic (k1 + 1) numerator), over exact token
// counts: no length quantisation, and a document's length counts every token, repeats included.
// Shared by the build (per-term score bounds) and the search, so both compute bit-identical numbers.

export interface Bm25Params {
  k1: number;
  b: number;
}

export const LUCENE_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** ln(1 + (N - df + 0.5) / (df + 0.5)): never negative, unlike the Robertson–Spärck Jones original. */
export function bm25Idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/**
 * Per-document length normalisation k1 · (1 - b + b · dl / avgdl), computed once per field so the
 * per-posting score is tf / (tf + norm[doc]) times a per-term constant.
 */
export function lengthNorms(lengths: Uint32Array, averageLength: number, { k1, b }: Bm25Params): Float64Array {
  const norms = new Float64Array(lengths.length);
  // An empty field everywhere: every length is 0 and so is the average; 0/0 would poison the scores.
  const avg = averageLength > 0 ? averageLength : 1;
  for (let d = 0; d < lengths.length; d++) norms[d] = k1 * (1 - b + (b * lengths[d]!) / avg);
  return norms;
}
