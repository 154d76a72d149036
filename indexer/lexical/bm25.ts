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
 * per-posting score is tf / (tf + norm) times a per-term constant. Exact, but compact: documents of one
 * length share one norm, so each document keeps only which of the field's few lengths it has. At a
 * million documents a Float64 norm per document (8 MB) made the search's per-posting lookup a cache
 * miss; 2 bytes per document and a small table stay in cache.
 */
export interface LengthNorms {
  /** Per document: its norm's index in `table`. */
  code: Uint16Array | Uint32Array;
  table: Float64Array;
}

export function lengthNorms(lengths: Uint32Array, averageLength: number, { k1, b }: Bm25Params): LengthNorms {
  // An empty field everywhere: every length is 0 and so is the average; 0/0 would poison the scores.
  const avg = averageLength > 0 ? averageLength : 1;
  const norm = (length: number) => k1 * (1 - b + (b * length) / avg);
  let longest = 0;
  for (let d = 0; d < lengths.length; d++) longest = Math.max(longest, lengths[d]!);
  if (longest <= 0xffff) return { code: Uint16Array.from(lengths), table: Float64Array.from({ length: longest + 1 }, (_, length) => norm(length)) };
  // Lengths past 65,535 tokens: number the distinct lengths instead (there are at most as many as documents).
  const rank = new Map<number, number>();
  const code = new Uint32Array(lengths.length);
  for (let d = 0; d < lengths.length; d++) {
    let r = rank.get(lengths[d]!);
    if (r === undefined) rank.set(lengths[d]!, (r = rank.size));
    code[d] = r;
  }
  const table = new Float64Array(rank.size);
  for (const [length, r] of rank) table[r] = norm(length);
  return { code, table };
}
