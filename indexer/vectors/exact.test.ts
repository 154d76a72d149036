import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSearch, normalizedRows } from './exact.ts';

const vector = (dims: number) => fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: dims, maxLength: dims }).map((a) => Float32Array.from(a));

/** Cosine similarity straight from the definition, in double precision. */
function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

describe('exact vector search', () => {
  it('returns the k rows of highest cosine similarity, best first (ties aside)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }).chain((dims) => fc.tuple(fc.constant(dims), fc.array(vector(dims), { minLength: 1, maxLength: 80 }), vector(dims), fc.integer({ min: 1, max: 12 }))), ([dims, vectors, query, k]) => {
        const hits = exactSearch(normalizedRows(vectors, dims), dims, query, k);
        const truth = vectors.map((v) => cosine(v, query)).sort((a, b) => b - a);
        expect(hits.length).toBe(Math.min(k, vectors.length));
        hits.forEach((h, i) => {
          expect(h.score).toBeCloseTo(truth[i]!, 4);
          expect(h.score).toBeCloseTo(cosine(vectors[h.doc]!, query), 4);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('finds a stored vector as its own nearest neighbour, and rejects a query of the wrong width', () => {
    const vectors = [Float32Array.of(1, 0, 0), Float32Array.of(0, 2, 0), Float32Array.of(0, 0, 3), Float32Array.of(1, 1, 0)];
    const rows = normalizedRows(vectors, 3);
    expect(exactSearch(rows, 3, Float32Array.of(0, 5, 0.1), 2).map((h) => h.doc)).toEqual([1, 3]);
    expect(exactSearch(rows, 3, Float32Array.of(1, 0, 0), 0)).toEqual([]);
    expect(() => exactSearch(rows, 3, Float32Array.of(1, 0), 1)).toThrow(/2 dimensions, the vectors 3/);
    expect(() => normalizedRows([Float32Array.of(1, 2)], 3)).toThrow(/vector 0 has 2 dimensions/);
  });
});
